"""Safe publishing (issue 6, item 3): a failed build leaves the previous site/ byte for byte; no
record can write outside its place or over another page."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers import MEMBERS_CSV, PLEDGES_YML, TODAY, mkdocs_build, new_project, snapshot

from generator import staging
from generator.core import generate
from generator.datasets import DATASETS
from generator.kinds import Identifier, Invalid, ListOf, Nested, fields_of

ESCAPES = (
    "..",
    "../x",
    "../../etc/passwd",
    "a/b",
    "/etc/passwd",
    "a\\b",
    "C:\\x",
    "%2e%2e",
    "a.md",
    "x?y",
    "x#y",
    "x y",
    "~root",
    "-x",
    "",
    "甲1",
)


def identifier_fields():
    """(record type, field) for every id or reference field, nested ones included."""
    found = []

    def walk(record):
        for f in fields_of(record):
            if isinstance(f.kind, Identifier):
                found.append((record.__name__, f))
            elif isinstance(f.kind, (Nested, ListOf)):
                walk(f.kind.record)

    for dataset in DATASETS:
        walk(dataset.record)
    return found


@pytest.mark.parametrize("text", ESCAPES)
def test_no_id_or_reference_can_leave_its_folder(text):
    """Refused, or read as ids made of letters, digits and hyphens (a list of ids splits on spaces)."""
    fields = identifier_fields()
    assert fields
    for _, f in fields:
        try:
            value = f.kind.parse(text)
        except Invalid:
            continue
        ids = value if isinstance(value, tuple) else (value,)
        assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*", i) for i in ids), (f.key, text, value)


def test_two_records_at_one_address_are_named_both(village):
    (village / "data" / "members.csv").write_text(
        MEMBERS_CSV + "m001,丙三,试验村党支部,,2011,正式党员,\n", encoding="utf-8"
    )
    (village / "data" / "pledges" / "2026.yml").write_text(
        PLEDGES_YML + PLEDGES_YML.replace("2026-001", "index"), encoding="utf-8"
    )
    problems = generate(village / "data", TODAY, None, village).problems
    assert [str(p) for p in sorted(problems)] == [
        "data/members.csv 第 4 行，字段「编号」：两个页面的网址相同（members/m001.md）。应为：每个页面有自己的网址。"
        "提示：data/members.csv 第 2 行的记录（编号 M001） 和 data/members.csv 第 4 行的记录（编号 m001） 会生成同一个网址；"
        "请给其中一条记录换一个编号（网址由编号而来，不区分大小写；也不能与列表页同名，如 index、index-2）。",
        "data/pledges/2026.yml 第 11 行，字段「id（编号）」：两个页面的网址相同（pledges/index.md）。应为：每个页面有自己的网址。"
        "提示：自动生成的页面 pledges/index.md 和 data/pledges/2026.yml 第 11 行的记录（编号 index） 会生成同一个网址；"
        "请给其中一条记录换一个编号（网址由编号而来，不区分大小写；也不能与列表页同名，如 index、index-2）。",
    ]


def test_a_data_file_linked_from_outside_the_repository_is_refused(village, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.csv"
    outside.write_bytes((village / "data" / "members.csv").read_bytes())
    (village / "data" / "members.csv").unlink()
    os.symlink(outside, village / "data" / "members.csv")
    problems = generate(village / "data", TODAY, None, village).problems
    assert [str(p) for p in problems] == [
        f"data/members.csv：数据文件指向仓库以外的位置。应为：放在 data/ 里的普通文件；实际为：“{_short(outside.resolve().as_posix())}”。"
        "提示：不要用快捷方式（符号链接）引用仓库以外的文件；请把文件本身复制进 data/。"
    ]


def test_a_village_folder_name_must_make_an_address(village):
    data = village / "data"
    (data / "青禾 村").mkdir()
    for name in ("village.yml", "members.csv", "pledges"):
        (data / name).rename(data / "青禾 村" / name)
    problems = generate(data, TODAY, None, village).problems
    assert [str(p) for p in problems] == [  # every problem of the run at once: the profile is missing too
        "data/township.yml：找不到乡镇概况文件。应为：data/ 下每个村一个文件夹时，data/township.yml "
        "写明乡镇名、受理机构和各村的顺序。提示：运行 cunwu new township 生成空白模板，填好后放在 data/township.yml。",
        "data/青禾 村：村文件夹的名字不能用作网址。应为：由字母、数字和短横线组成的名字，如 qinghe；实际为：“青禾 村”。"
        "提示：文件夹名会成为这个村的网址，请改用拼音或字母，不要用汉字、空格或其他符号。",
    ]


def test_publish_replaces_the_site_and_leaves_nothing_behind(tmp_path):
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("旧", encoding="utf-8")
    building = staging.staging_dir(site)
    (building / "index.html").write_text("新", encoding="utf-8")
    staging.publish(building, site)
    assert snapshot(site) == {"index.html": "新".encode()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_site_folder_that_cannot_be_renamed_gets_its_contents_replaced(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("旧", encoding="utf-8")
    building = staging.staging_dir(site)
    (building / "assets").mkdir()
    (building / "assets" / "x.css").write_text("新", encoding="utf-8")
    real_replace = os.replace

    def busy(source, target):
        if Path(source) == site:
            raise OSError(16, "Device or resource busy")  # site/ is a mount point
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", busy)
    staging.publish(building, site)
    assert snapshot(site) == {"assets/x.css": "新".encode()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_killed_between_the_two_renames_gets_its_old_site_back(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("旧", encoding="utf-8")
    backup = tmp_path / ".site.previous-x"
    backup.mkdir()
    site.rename(backup / "site")  # killed here: the old site is in the backup, no new one yet
    staging.staging_dir(site)  # the next build starts
    assert snapshot(site) == {"index.html": "旧".encode()}
    assert not backup.exists()


@pytest.fixture(scope="module")
def previous_site() -> dict[str, bytes]:
    return {"index.html": "上一版网站".encode(), "search/search_index.json": b"{}", "sitemap.xml.gz": b"\x1f\x8b"}


def _put(site: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(content)


@pytest.mark.site
@pytest.mark.parametrize("breakage", ["strict_warning", "data", "file_reading_extension", "interrupted"])
def test_a_failed_build_leaves_the_previous_site_byte_for_byte(tmp_path, previous_site, breakage):
    project = new_project(tmp_path)
    about = project / "content" / "about.md"
    if breakage == "strict_warning":  # for a failing personal-data guard see test_guard.py
        about.write_text(about.read_text(encoding="utf-8") + "\n[不存在的页面](missing.md)\n", encoding="utf-8")
    elif breakage == "data":
        (project / "data" / "members.csv").write_text("编号,姓名\n", encoding="utf-8")
    elif breakage == "interrupted":  # Ctrl-C half-way through writing the pages
        (project / "interrupt.py").write_text(
            "def on_post_page(output, page, config):\n"
            "    if page.file.src_uri == 'about.md':\n        raise KeyboardInterrupt\n"
        )
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - interrupt.py\n", encoding="utf-8")
    else:
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("  - md_in_html\n", "  - md_in_html\n  - pymdownx.snippets\n"),
            encoding="utf-8",
        )
    site = project / "site"
    _put(site, previous_site)
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr or breakage == "interrupted"
    assert snapshot(site) == previous_site
    assert {p.name for p in project.iterdir()} - {"interrupt.py"} == {
        "content",
        "data",
        "mkdocs.yml",
        "site",
        "site_overrides",
    }
    if breakage == "file_reading_extension":
        assert "mkdocs.yml 启用了会读取其他文件的 Markdown 扩展：pymdownx.snippets。" in result.stderr


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


NOTICE_WITH_ATTACHMENT = """\
- id: GG-2026-01
  title: 公告
  kind: 公告
  category: 村务
  published: 2026-01-05
  body: 正文。
  attachments:
    - file: {file}
      title: 附件
"""


@pytest.mark.parametrize("file", ["../data/members.csv", "/etc/passwd"])
def test_an_attachment_cannot_point_outside_the_website_folder(village, file):
    (village / "content").mkdir()
    (village / "data" / "notices").mkdir()
    (village / "data" / "notices" / "2026.yml").write_text(NOTICE_WITH_ATTACHMENT.format(file=file), encoding="utf-8")
    problems = generate(village / "data", TODAY, None, village, village / "content").problems
    assert [str(p) for p in problems] == [
        f"data/notices/2026.yml 第 8 行，字段「file（文件）」：附件不在网站文件夹里。应为：content/ 里的文件，如 attachments/名单.pdf；"
        f"实际为：“{file}”。提示：附件只能放在网站文件夹里，路径不能以“/”开头，也不能用“..”跳出去。"
    ]
