"""Exact Chinese messages for the people side (issue 5): talents, training, pairs, points,
wishes, 五个好 and stories. Each case writes one extra file into the minimal valid village."""

from __future__ import annotations

import pytest

from conftest import TODAY
from generator.model import load_site

TALENTS_CSV = """\
编号,姓名,村民小组,人才类型,专长,党员编号
T001,丙三,第一组,生产能手,油茶嫁接,
"""

TRAINING_CSV = """\
人员编号,日期,培训内容,学时
M001,2026-03-01,党务培训,8
T001,2026-04-01,油茶技术,6
"""

VALID = {"talents.csv": TALENTS_CSV, "training.csv": TRAINING_CSV}

CASES = {
    "talent_id_is_a_member_id": (
        "talents.csv", TALENTS_CSV + "M002,丁四,第二组,能工巧匠,木工,\n",
        ["data/talents.csv 第 3 行，字段「编号」：人才编号与党员编号重复。应为：党员名册里没有用过的编号；实际为：“M002”。"
         "提示：人才编号建议以 T 开头，如 T001。"],
    ),
    "talent_names_unknown_member": (
        "talents.csv", TALENTS_CSV.replace("油茶嫁接,", "油茶嫁接,M009"),
        ["data/talents.csv 第 2 行，字段「党员编号」：引用了不存在的党员。应为：党员名册里已有的编号；实际为：“M009”。"
         "提示：是不是“M002”（乙二）？"],
    ),
    "training_names_unknown_person": (
        "training.csv", TRAINING_CSV.replace("T001", "T002"),
        ["data/training.csv 第 3 行，字段「人员编号」：引用了不存在的党员或人才。应为：党员名册或乡土人才里已有的编号；"
         "实际为：“T002”。提示：是不是“T001”（丙三）？"],
    ),
    "training_hours_not_a_number": (
        "training.csv", TRAINING_CSV.replace(",8", ",八"),
        ["data/training.csv 第 2 行，字段「学时」：不是整数。应为：1 到 200 之间的整数；实际为：“八”。"
         "提示：只写阿拉伯数字，不要带单位或小数点。"],
    ),
}


def write(village, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = village / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_valid_people_files_have_no_problems(village):
    write(village, VALID)
    site, problems = load_site(village / "data", TODAY, village)
    assert problems == []
    assert set(site.villages[0].people) == {"M001", "M002", "T001"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_message_text(village, case):
    name, text, expected = CASES[case]
    write(village, {**VALID, name: text})
    site, problems = load_site(village / "data", TODAY, village)
    assert site is None
    assert [str(p) for p in problems] == expected
