"""A mistake in an override of a template that appends to hand-written pages (a story's people)
is a Problem at its file and line, as for every other page's template."""

from __future__ import annotations

from helpers import ROOT, TODAY

from generator.core import generate


def test_a_mistake_in_an_appendix_override_is_a_problem_at_its_line(tmp_path):
    folder = tmp_path / "site_overrides" / "markdown"
    folder.mkdir(parents=True)
    (folder / "case_footer.md").write_text("---\n\n{{ story.titel }}\n", encoding="utf-8")
    result = generate(ROOT / "data", TODAY, tmp_path / "site_overrides", ROOT, ROOT / "content")
    assert [str(p) for p in result.problems] == [
        "site_overrides/markdown/case_footer.md 第 3 行：模板用了不存在的值。应为：能正常生成页面的模板；实际为：“titel”。"
        "提示：检查这一行的变量名和属性名的拼写；模板开头的注释列出了它能用的变量。"
    ]
    assert result.files == {} and result.appendices == {}


def test_the_default_appendices_render(tmp_path):
    result = generate(ROOT / "data", TODAY, tmp_path / "site_overrides", ROOT, ROOT / "content")
    assert result.problems == []
    assert result.appendices, "the demo's stories get their people appended"
