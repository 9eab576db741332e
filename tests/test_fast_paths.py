"""The shortcuts of generator.fast_paths return exactly what the libraries would."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import jieba
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.treeprocessors import InlineProcessor

from generator import fast_paths

fast_paths.install()
ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["tables", "attr_list", "md_in_html", "toc"]
WITHOUT_TRIGGERS = st.text(
    alphabet=st.characters(blacklist_characters="`\\[<&*_\n", blacklist_categories=("Cs",)), max_size=60
)
MARKDOWN_PIECES = st.lists(
    st.sampled_from(
        [
            "村",
            "公开",
            " ",
            "  ",
            "\n",
            "\n\n",
            "|",
            "---",
            "1.",
            "-",
            "#",
            "**",
            "*",
            "_",
            "__",
            "`",
            "\\",
            "[",
            "]",
            "(",
            ")",
            "!",
            "<",
            ">",
            "&",
            ";",
            "amp",
            "#35",
            "http://x.cn",
            "a@b.cn",
            "{: .k }",
            "<b>",
            "</b>",
            "<!-- x -->",
            "  \n",
            "[链接](a.md)",
            "![图](a.png)",
            "&copy;",
            "1,234.00",
        ]
    ),
    max_size=40,
).map("".join)


@contextlib.contextmanager
def original_inline() -> Iterator[None]:
    shortcut = InlineProcessor._InlineProcessor__handleInline  # type: ignore[attr-defined]
    InlineProcessor._InlineProcessor__handleInline = shortcut.original  # type: ignore[attr-defined]
    try:
        yield
    finally:
        InlineProcessor._InlineProcessor__handleInline = shortcut  # type: ignore[attr-defined]


def both_ways(text: str, extensions: list[str] = EXTENSIONS) -> tuple[str, str]:
    fast = markdown.Markdown(extensions=extensions).convert(text)
    with original_inline():
        slow = markdown.Markdown(extensions=extensions).convert(text)
    return fast, slow


def test_the_shortcuts_are_installed_once():
    handle = InlineProcessor._InlineProcessor__handleInline  # type: ignore[attr-defined]
    cut = jieba.cut
    fast_paths.install()
    assert InlineProcessor._InlineProcessor__handleInline is handle  # type: ignore[attr-defined]
    assert jieba.cut is cut and handle.cunwu_shortcut and cut.cunwu_shortcut


@settings(deadline=None)  # a loaded machine must not fail an example by its time
@given(WITHOUT_TRIGGERS)
def test_no_inline_pattern_of_python_markdown_matches_a_text_without_the_triggers(text):
    patterns = markdown.Markdown().inlinePatterns
    assert [p.compiled_re.pattern for p in patterns if p.compiled_re.search(text)] == []


@settings(deadline=None)  # a loaded machine must not fail an example by its time
@given(MARKDOWN_PIECES)
def test_markdown_converts_as_without_the_shortcut(text):
    fast, slow = both_ways(text)
    assert fast == slow


def test_every_page_of_the_demo_converts_as_without_the_shortcut():
    pages = sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "generator" / "templates").glob("*.md"))
    assert len(pages) > 20
    for page in pages:
        fast, slow = both_ways(page.read_text(encoding="utf-8"))
        assert fast == slow, page


def test_an_extension_with_its_own_inline_pattern_turns_the_shortcut_off():
    # footnotes adds an inline pattern ([^1]); the check is by the patterns, not by a list of names
    assert fast_paths.only_default_patterns(markdown.Markdown(extensions=EXTENSIONS).inlinePatterns)
    assert not fast_paths.only_default_patterns(markdown.Markdown(extensions=["footnotes"]).inlinePatterns)
    fast, slow = both_ways("正文[^1]\n\n[^1]: 注释", ["footnotes"])
    assert fast == slow and "footnote" in fast


def test_a_replaced_pattern_turns_the_shortcut_off():
    md = markdown.Markdown(extensions=EXTENSIONS)
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    md.inlinePatterns.register(SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "em_strong", 60)
    assert not fast_paths.only_default_patterns(md.inlinePatterns)
    assert md.convert("~~删~~ 村") == "<p><del>删</del> 村</p>"


@pytest.mark.parametrize("text", ["党员邱明远完成了公开承诺", "财务收支公开", "村"])
def test_jieba_cuts_as_without_the_memo_and_again_after_a_new_word(text):
    original = jieba.cut.original
    assert list(jieba.cut(text)) == list(original(text)) == list(jieba.cut(text))
    assert list(jieba.cut(text, HMM=False)) == list(original(text, HMM=False))
    total = jieba.dt.total
    jieba.add_word("明远完成")
    try:
        assert list(jieba.cut(text)) == list(original(text))
    finally:
        jieba.dt.FREQ.pop("明远完成")
        jieba.dt.total = total
    assert list(jieba.cut(text)) == list(original(text))
