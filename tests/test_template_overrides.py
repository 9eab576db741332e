"""A village's template overrides: extending a default by its `default/…` name, and every mistake
in an override reported as a Problem at its file and line (never 程序内部错误)."""

from __future__ import annotations

import pytest
from conftest import TODAY

from generator.core import generate


def build(village, override: str):
    folder = village / "site_overrides" / "markdown"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pledge.md").write_text(override, encoding="utf-8")
    return generate(village / "data", TODAY, village / "site_overrides", village, village / "content")


def test_an_override_extends_the_default_and_replaces_one_block(village):
    plain = generate(village / "data", TODAY, None, village, village / "content").files["pledges/2026-001.md"]
    page = build(
        village, '{% extends "default/pledge.md" %}\n{% block timeline %}\n## 本村的说明\n{% endblock %}\n'
    ).files["pledges/2026-001.md"]
    assert "## 本村的说明" in page
    assert "## 承诺过程" in plain and "## 承诺过程" not in page
    before, after = plain.split("## 承诺过程")[0], page.split("## 本村的说明")[0]
    assert before == after, "the blocks before the replaced one are the default's"


OVERRIDES = {
    "undefined_attribute": (
        "# 承诺\n\n{{ pledge.titel }}\n",
        "site_overrides/markdown/pledge.md 第 3 行：模板用了不存在的值。应为：能正常生成页面的模板；实际为：“titel”。"
        "提示：检查这一行的变量名和属性名的拼写；模板开头的注释列出了它能用的变量。",
    ),
    "undefined_variable": (
        "# 承诺\n{{ pledg.id }}\n",
        "site_overrides/markdown/pledge.md 第 2 行：模板用了不存在的值。应为：能正常生成页面的模板；实际为：“pledg”。"
        "提示：检查这一行的变量名和属性名的拼写；模板开头的注释列出了它能用的变量。",
    ),
    "syntax_error": (
        "# 承诺\n{% if pledge.id %}\n{{ pledge.id }\n",
        "site_overrides/markdown/pledge.md 第 3 行：模板语法错误。应为：能正常生成页面的模板；实际为：“unexpected '}'”。"
        "提示：检查这一行的 {{ }} 和 {% %} 是否成对、拼写是否正确。",
    ),
    "missing_parent": (
        '{% extends "default/pledg.md" %}\n',
        "site_overrides/markdown/pledge.md 第 1 行：模板引用了不存在的模板。应为：能正常生成页面的模板；"
        "实际为：“default/pledg.md”。提示：检查 extends、include、import 后面的模板名（默认模板写作 default/模板名）。",
    ),
}


@pytest.mark.parametrize("case", sorted(OVERRIDES))
def test_a_mistake_in_an_override_is_a_problem_at_its_line(village, case):
    override, expected = OVERRIDES[case]
    result = build(village, override)
    assert [str(p) for p in result.problems] == [expected]
    assert result.files == {}
