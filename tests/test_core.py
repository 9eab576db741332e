"""The pure core without MkDocs: templates chain, escaping, villages as a dimension, statuses."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from helpers import PLEDGES_YML, TODAY

from generator.core import generate
from generator.markdown_text import escape
from generator.model import load_site
from generator.records.pledge import PledgeStatus


def pledge_with(**changes) -> str:
    text = PLEDGES_YML
    for key, value in changes.items():
        text = text.replace(f"  {key}: ", f"  {key}: {value}\n  _old_{key}: ", 1)
    return text


def test_override_template_wins_over_the_package_default(village):
    overrides = village / "site_overrides" / "markdown"
    overrides.mkdir(parents=True)
    (overrides / "pledge.md").write_text("# 自定义 {{ pledge.id }}\n", encoding="utf-8")
    result = generate(village / "data", TODAY, village / "site_overrides", village)
    assert result.files["pledges/2026-001.md"] == "# 自定义 2026-001\n"
    assert result.files["pledges/index.md"].startswith("# 党员公开承诺")  # not overridden: package default


def test_an_edited_override_is_used_by_the_next_build(village):
    """Compiled templates are kept between builds (`render.COMPILED`, as for `mkdocs serve`'s
    rebuilds): one whose source changed, even to the same length, is compiled again."""
    overrides = village / "site_overrides" / "markdown"
    overrides.mkdir(parents=True)
    (overrides / "pledge.md").write_text("# 第一版 {{ pledge.id }}\n", encoding="utf-8")
    assert generate(village / "data", TODAY, village / "site_overrides", village).files["pledges/2026-001.md"] == (
        "# 第一版 2026-001\n"
    )
    (overrides / "pledge.md").write_text("# 第二版 {{ pledge.id }}\n", encoding="utf-8")
    assert generate(village / "data", TODAY, village / "site_overrides", village).files["pledges/2026-001.md"] == (
        "# 第二版 2026-001\n"
    )


def test_data_is_escaped_in_generated_markdown(village):
    hostile = "[点我](javascript:alert(1)) <script>alert(1)</script> *粗* `代码` | 分隔"
    path = village / "data" / "pledges" / "2026.yml"
    path.write_text(PLEDGES_YML.replace("content: 修好村道", f"content: '{hostile}'"), encoding="utf-8")
    page = generate(village / "data", TODAY, None, village).files["pledges/2026-001.md"]
    assert "<script>" not in page and "](javascript:" not in page and "*粗*" not in page
    assert escape(hostile) in page


def test_escape_keeps_plain_chinese_and_entities_everything_else():
    assert escape("修好村道，补平坑洼12处") == "修好村道，补平坑洼12处"
    assert escape("<a>&[x]") == "&#60;a&#62;&#38;&#91;x&#93;"
    assert escape(date(2025, 3, 5)) == "2025年3月5日"
    assert escape(None) == ""


def test_each_village_folder_becomes_its_own_section(village, tmp_path):
    township = tmp_path / "township"
    for slug in ("qinghe", "shuangxi"):
        shutil.copytree(village / "data", township / "data" / slug)
    site, problems = load_site(township / "data", TODAY, township)
    assert problems == []
    assert [v.slug for v in site.villages] == ["qinghe", "shuangxi"]
    # a township site names its villages in data/township.yml, each with its own name
    profile = township / "data" / "shuangxi" / "village.yml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("试验村", "双溪村"), encoding="utf-8")
    (township / "data" / "township.yml").write_text(
        "name: 试验镇\ncounty: 试验县\ncontact: {name: 镇党政办}\ncomplaints: {name: 镇纪委}\n"
        "villages:\n  - folder: qinghe\n  - folder: shuangxi\n",
        encoding="utf-8",
    )
    files = generate(township / "data", TODAY, None, township).files
    assert {"qinghe/index.md", "shuangxi/pledges/2026-001.md", "shuangxi/open-data/pledges.csv"} <= set(files)
    board = files["qinghe/pledges/index.md"]
    assert "(2026-001.md)" in board and "(../members/M001.md)" in board  # links stay inside the section


def test_a_problem_in_one_village_names_its_folder(village, tmp_path):
    township = tmp_path / "township"
    for slug in ("a", "b"):
        shutil.copytree(village / "data", township / "data" / slug)
    (township / "data" / "b" / "members.csv").write_text("编号,姓名\n", encoding="utf-8")
    _, problems = load_site(township / "data", TODAY, township)
    assert {p.file for p in problems} == {"data/b/members.csv"}


def test_hand_written_page_cannot_take_a_generated_address(village):
    docs = village / "content" / "pledges"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# 手写", encoding="utf-8")
    result = generate(village / "data", TODAY, None, village, village / "content")
    assert [str(p) for p in result.problems] == [
        "content/pledges/index.md：手写页面与自动生成的页面网址相同。应为：不使用 pledges/index.md 这个路径（它由 data/ 自动生成）。"
        "提示：给手写页面换个文件名；要修改自动生成的页面，请在 site_overrides/markdown/ 里覆盖模板。"
    ]


STATUS_CASES = [
    # (extra YAML for the pledge, build date, expected status)
    ("", date(2026, 1, 11), PledgeStatus.DRAFT),  # approved but 晒诺 date still ahead
    ("", TODAY, PledgeStatus.PUBLISHED),
    ("  progress:\n    - date: 2026-03-01\n      text: 开工\n", TODAY, PledgeStatus.ACTING),
    ("  progress:\n    - date: 2026-03-01\n      text: 开工\n", date(2027, 1, 1), PledgeStatus.OVERDUE),
    ("  completed: 2026-06-01\n", TODAY, PledgeStatus.DONE),
    ("  evaluation:\n    date: 2026-11-01\n    result: 差\n", TODAY, PledgeStatus.UNFULFILLED),
    ("  completed: 2026-06-01\n  evaluation:\n    date: 2026-11-01\n    result: 差\n", TODAY, PledgeStatus.UNFULFILLED),
    ("  completed: 2026-06-01\n  evaluation:\n    date: 2026-11-01\n    result: 较好\n", TODAY, PledgeStatus.DONE),
]


@pytest.mark.parametrize("extra, today, expected", STATUS_CASES)
def test_status_is_derived_from_dates(village, extra, today, expected):
    (village / "data" / "pledges" / "2026.yml").write_text(PLEDGES_YML + extra, encoding="utf-8")
    site, problems = load_site(village / "data", today, village)
    assert problems == []
    assert site.villages[0].pledges[0].status(today) is expected


@pytest.mark.parametrize(
    "reviews, expected",
    [
        ("", PledgeStatus.DRAFT),
        ("  reviews:\n    - date: 2026-01-10\n      outcome: 退回\n      note: 请写具体\n", PledgeStatus.RETURNED),
    ],
)
def test_unapproved_pledges_never_reach_the_site(village, reviews, expected):
    text = PLEDGES_YML.replace("  reviews:\n    - date: 2026-01-10\n      outcome: 通过\n", reviews)
    text = text.replace("  published: 2026-01-12\n", "")
    (village / "data" / "pledges" / "2026.yml").write_text(text, encoding="utf-8")
    result = generate(village / "data", TODAY, None, village)
    assert result.problems == []
    assert result.site.villages[0].pledges[0].status(TODAY) is expected
    assert "pledges/2026-001.md" not in result.files
    assert not any(
        "修好村道" in (c if isinstance(c, str) else c.decode("utf-8", "replace")) for c in result.files.values()
    )
