"""Shared fixtures: a minimal valid village written into a temporary folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 15)
"""The build date every test uses, so statuses are stable."""

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


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from the demo data instead of comparing"
    )


@pytest.fixture
def village(tmp_path: Path) -> Path:
    """A project folder holding a minimal valid `data/`; tests overwrite files to break it."""
    data = tmp_path / "data"
    (data / "pledges").mkdir(parents=True)
    (data / "village.yml").write_text(VILLAGE_YML, encoding="utf-8")
    (data / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    (data / "pledges" / "2026.yml").write_text(PLEDGES_YML, encoding="utf-8")
    return tmp_path
