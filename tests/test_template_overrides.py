"""The default templates and a village's overrides of them: every default starts with a comment
listing its variables, the listings share one skeleton (`_listing.md`), an override extends a
default by its `default/…` name and replaces one block, and every mistake in an override is
reported as a Problem at its file and line (never 程序内部错误)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from helpers import TODAY
from jinja2 import nodes

from generator.core import generate
from generator.render import environment, page_specs

TEMPLATES = Path(__file__).resolve().parents[1] / "generator" / "templates"

LISTINGS = {p.name for p in TEMPLATES.glob("*_list.md")} | {"finance_index.md", "points_ranking.md"}
"""The paginated listings that extend `_listing.md`. Left out on purpose: namelist_index.md (not
paginated), portal_villages.md and portal_compare_villages.md (two tables of the same rows, the
portal's contacts), the boards (pledge_board.md, wish_board.md) and namelist.md (a record's page)."""


def build(village, override: str, name: str = "pledge.md"):
    folder = village / "site_overrides" / "markdown"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(override, encoding="utf-8")
    return generate(village / "data", TODAY, village / "site_overrides", village, village / "content")


def test_every_default_template_starts_with_a_comment_listing_its_variables():
    without = [p.name for p in sorted(TEMPLATES.glob("*.md")) if not p.read_text(encoding="utf-8").startswith("{#-")]
    assert without == [], "start each template with a {#- … -#} comment: its variables and blocks"


def _parent(name: str) -> str | None:
    env = environment()
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    extends = next(iter(env.parse(source).find_all(nodes.Extends)), None)
    return extends.template.value if extends and isinstance(extends.template, nodes.Const) else None


def test_every_listing_extends_the_base_listing_and_nothing_else_does():
    parents = {p.name: _parent(p.name) for p in TEMPLATES.glob("*.md")}
    assert {name for name, parent in parents.items() if parent == "_listing.md"} == LISTINGS
    assert {parent for parent in parents.values()} == {None, "_listing.md"}


OVERRIDDEN_BLOCKS = {
    # page, template, block, what the default block writes (each line of it)
    "a listing's own block": ("pledges/status/published.md", "pledge_list.md", "meta", '<p class="cunwu-meta"'),
    "a block inside the listing's rows": ("members/index.md", "member_list.md", "table", "|"),
    "a block of the base listing": ("pledges/status/in-progress.md", "pledge_list.md", "empty", "暂无。"),
}


@pytest.mark.parametrize("case", sorted(OVERRIDDEN_BLOCKS))
def test_an_override_of_a_listing_replaces_only_its_block(village, case):
    uri, name, block, default_line = OVERRIDDEN_BLOCKS[case]
    plain = generate(village / "data", TODAY, None, village, village / "content").files
    override = f'{{% extends "default/{name}" %}}\n{{% block {block} %}}\n本村的写法\n{{% endblock %}}\n'
    result = build(village, override, name)
    assert result.problems == []
    before, after = plain[uri].splitlines(), result.files[uri].splitlines()
    changes = [op for op in difflib.SequenceMatcher(None, before, after).get_opcodes() if op[0] != "equal"]
    assert len(changes) == 1, changes
    _, i1, i2, j1, j2 = changes[0]
    assert after[j1:j2] == ["本村的写法"]
    assert before[i1:i2] and all(line.startswith(default_line) for line in before[i1:i2])
    same_template = {s.uri for s in page_specs(result.site.villages[0], TODAY) if s.template == name}
    others = {k: v for k, v in plain.items() if k not in same_template}
    assert {k: result.files[k] for k in others} == others, "pages of other templates are unchanged"


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
