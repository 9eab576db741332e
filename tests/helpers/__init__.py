"""What the tests share: the project root, the build date, a minimal valid village's files, and
running `mkdocs build` the way a clerk does.

Test modules import from here (and from `helpers.records`, `helpers.affairs`, `helpers.payloads`),
never from one another; fixtures live in `tests/conftest.py`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
"""The repository: the demo project (mkdocs.yml, data/, content/, site_overrides/)."""
TODAY = date(2026, 11, 15)
"""The build date every test uses, so statuses are stable."""
EPOCH = str(int(datetime.combine(TODAY, time(12), timezone(timedelta(hours=8))).timestamp()))
"""`SOURCE_DATE_EPOCH` of every test build: noon of `TODAY` in China."""

VILLAGE_YML = """\
name: 试验村
township: 试验镇
county: 试验县
party_committee:
  - name: 甲一
    post: 党支部书记
villager_committee:
  - name: 甲一
    post: 主任
supervision_committee:
  - name: 乙二
    post: 主任
office_hours: 周一至周五
office_address: 村部
contact:
  name: 村文书
  phone: 0794-6000001
objections:
  name: 村务监督委员会
complaints:
  name: 试验镇纪委
"""

MEMBERS_CSV = """\
编号,姓名,党支部,职务,入党年份,党员类别,双带类型
M001,甲一,试验村党支部,党支部书记,1998,正式党员,
M002,乙二,试验村党支部,,2010,正式党员,创业致富
"""

PLEDGES_YML = """\
- id: 2026-001
  member: M001
  category: 为民办实事
  content: 修好村道
  target_date: 2026-12-31
  drafted: 2026-01-05
  reviews:
    - date: 2026-01-10
      outcome: 通过
  published: 2026-01-12
"""


def write_minimal_village(project: Path) -> Path:
    """A minimal valid `data/` (village, two members, one public pledge) under `project`."""
    data = project / "data"
    (data / "pledges").mkdir(parents=True)
    (data / "village.yml").write_text(VILLAGE_YML, encoding="utf-8")
    (data / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    (data / "pledges" / "2026.yml").write_text(PLEDGES_YML, encoding="utf-8")
    return project


def new_project(base: Path, nav: list[str] | None = None) -> Path:
    """A copy of the demo project (config, content, overrides, data) to change in a test.

    `nav` replaces the demo's navigation (pages of content/), so the data may be replaced by
    something other than one village; None keeps it.
    """
    project = base / "project"
    for name in ("content", "site_overrides", "data"):
        shutil.copytree(ROOT / name, project / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if nav is not None:
        head, _, rest = config.partition("\nnav:\n")
        config = head + "\nnav:\n" + "".join(f"  - {page}\n" for page in nav) + rest[rest.index("\nvalidation:") :]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


BUILDS_ALLOWED = True
"""Whether `mkdocs_build` may run: under pytest, `tests/conftest.py` sets it before each test from
the test's `site` (or `browser`) marker, so that a whole-site test left out of the marker fails
instead of slowing the fast tier; scripts (benchmarks/) may always build."""


def mkdocs_build(
    project: Path, site_dir: Path | None = None, epoch: str | None = EPOCH, **environ: str
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as a clerk runs it; `environ` adds environment variables."""
    assert BUILDS_ALLOWED, "a test that runs `mkdocs build` must be marked @pytest.mark.site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **environ}
    env.pop("CUNWU_DEBUG", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
    if site_dir is not None:
        command += ["-d", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed as a browser would."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
