"""The exact Chinese text of every kind of data error a clerk can meet (issue 3, item 7)."""

from __future__ import annotations

import pytest
from helpers import MEMBERS_CSV, PLEDGES_YML, TODAY, VILLAGE_YML
from helpers.messages_core import CASES

from generator.model import load_site


@pytest.mark.parametrize("case", sorted(CASES))
def test_message_text(village, case):
    name, text, expected = CASES[case]
    (village / "data" / name).write_text(text, encoding="utf-8")
    site, problems = load_site(village / "data", TODAY, village)
    assert site is None
    assert [str(p) for p in problems] == expected


def test_valid_fixture_has_no_problems(village):
    site, problems = load_site(village / "data", TODAY, village)
    assert problems == []
    assert [p.id for p in site.villages[0].pledges] == ["2026-001"]


def test_all_errors_of_a_run_are_reported_together(village):
    (village / "data" / "members.csv").write_text(MEMBERS_CSV.replace("1998", "九八年"), encoding="utf-8")
    broken = PLEDGES_YML.replace("2026-12-31", "明年").replace("为民办实事", "办实事")
    (village / "data" / "pledges" / "2026.yml").write_text(
        broken + broken.replace("2026-001", "2026-002"), encoding="utf-8"
    )
    (village / "data" / "village.yml").write_text(VILLAGE_YML.replace("name: 试验村\n", ""), encoding="utf-8")
    _, problems = load_site(village / "data", TODAY, village)
    where = [(p.file, p.line, p.field) for p in problems]
    assert where == [
        ("data/members.csv", 2, "入党年份"),
        ("data/pledges/2026.yml", 3, "category（类别）"),
        ("data/pledges/2026.yml", 5, "target_date（承诺完成时限）"),
        ("data/pledges/2026.yml", 13, "category（类别）"),
        ("data/pledges/2026.yml", 15, "target_date（承诺完成时限）"),
        ("data/village.yml", 1, "name（村名）"),
    ]


def test_missing_data_folder_is_one_clear_problem(tmp_path):
    _, problems = load_site(tmp_path / "data", TODAY, tmp_path)
    assert [str(p) for p in problems] == [
        "data/village.yml：找不到村庄概况文件。应为：数据文件夹里有 village.yml，或每个村一个子文件夹、各有 village.yml。"
        "提示：从示例仓库复制 data/village.yml 再修改。"
    ]
