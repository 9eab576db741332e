"""Placeholders that `cunwu new` writes (请填写姓名 …) left in any field are errors naming the
file, line and field; the same text in a longer sentence is normal text."""

from __future__ import annotations

from pathlib import Path

from helpers import TODAY, VILLAGE_YML

from generator.blank import blank
from generator.datasets import named as dataset
from generator.model import load_site
from generator.placeholders import is_placeholder, placeholder
from generator.problems import report


def test_a_placeholder_left_in_the_profile_is_named_by_file_line_and_field(village):
    text = VILLAGE_YML.replace("office_hours: 周一至周五", "office_hours: 请填写办公时间").replace(
        "  name: 村文书", "  name: 请填写名称"
    )
    (village / "data" / "village.yml").write_text(text, encoding="utf-8")
    site, problems = load_site(village / "data", TODAY, village)
    assert site is None
    assert report(problems).splitlines() == [
        "data/village.yml 第 13 行，字段「office_hours（办公时间）」：还是空白模板里的占位文字，没有填写。"
        "应为：不超过 80 字的文字；实际为：“请填写办公时间”。"
        "提示：把“请填写……”换成真实内容；选填的项目没有内容就留空。",
        "data/village.yml 第 16 行，字段「name（名称）」：还是空白模板里的占位文字，没有填写。"
        "应为：不超过 60 字的文字；实际为：“请填写名称”。提示：把“请填写……”换成真实内容；选填的项目没有内容就留空。",
        "共发现 2 个问题，请逐条修改后再试。没有生成或更改任何页面。",
    ]


def test_a_placeholder_row_of_a_table_is_named_by_row_and_column(village):
    members = village / "data" / "members.csv"
    members.write_text(members.read_text(encoding="utf-8") + "M003,丙三,请填写党支部,,2012,正式党员,\n", "utf-8")
    problems = load_site(village / "data", TODAY, village)[1]
    assert [(p.file, p.line, p.field, p.found) for p in problems] == [("data/members.csv", 4, "党支部", "请填写党支部")]


def test_every_placeholder_a_template_writes_is_recognised():
    made = blank(dataset("village"), Path("/nonexistent"), TODAY)
    written = {line.split(": ", 1)[1] for line in made.files["village.yml"].decode().splitlines() if "请填写" in line}
    assert written and all(is_placeholder(value) for value in written)


def test_text_that_only_starts_like_a_placeholder_is_normal_text():
    assert is_placeholder(placeholder("姓名")) and is_placeholder(" 请填写办公时间 ")
    assert not is_placeholder("请填写申请表后交村委会")
    assert not is_placeholder("请填写") and not is_placeholder(None)
