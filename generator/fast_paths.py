"""Two exact shortcuts around hot spots of the libraries a build runs, installed by the plugin.

A village's build spent about a tenth of its time in two places that redo work whose result is
known in advance; each shortcut returns exactly what the library would:

- Python-Markdown tries each of its inline patterns (links, emphasis, code, entities...) on every
  piece of text of a page, table cells included. Every one of its own patterns needs one of a few
  characters to match (`` ` \\ [ < & * _ `` or a line break), so a text holding none of them comes
  out as it went in: it is returned at once. Only while the processor's patterns are exactly
  Python-Markdown's own (by name and expression); a site whose extensions add or change an inline
  pattern runs every text through them as before.
- Material's search cuts every run of Chinese text of every page into words with jieba, and
  pages repeat the same runs (table headings, statuses, names): a run is cut once per build and
  state of jieba's dictionary (a word added to it starts a new state; `jieba.del_word` in the
  middle of a build would not, and nothing does that).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

INLINE_TRIGGERS = re.compile(r"[`\\\[<&*_\n]")
"""A character that every one of Python-Markdown's inline patterns needs in order to match."""

CUTS_KEPT = 200_000
"""At most this many cut runs are kept (a demo-sized village has about 3,000)."""


def install() -> None:
    """Install both shortcuts (once per process); each build starts with no cut kept."""
    _skip_plain_text()
    _memoise_cuts()
    _KEPT_CUTS.clear()


_KEPT_CUTS: dict[tuple, tuple[str, ...]] = {}


@functools.cache
def default_inline_patterns() -> list[tuple[str, str]]:
    """Python-Markdown's own inline patterns, as (class, regular expression), sorted."""
    import markdown

    return _patterns(markdown.Markdown().inlinePatterns)


def _patterns(registry: Any) -> list[tuple[str, str]]:
    return sorted(
        (f"{type(p).__module__}.{type(p).__qualname__}", getattr(getattr(p, "compiled_re", None), "pattern", ""))
        for p in registry
    )


def only_default_patterns(registry: Any) -> bool:
    """True when `registry` holds Python-Markdown's own inline patterns and nothing else."""
    return _patterns(registry) == default_inline_patterns()


def _skip_plain_text() -> None:
    from markdown.treeprocessors import InlineProcessor

    original = getattr(InlineProcessor, "_InlineProcessor__handleInline", None)
    if original is None or getattr(original, "cunwu_shortcut", False):
        return  # another Python-Markdown (its private method renamed), or installed already

    def handle_inline(self: Any, data: str, patternIndex: int = 0) -> str:
        plain = self.__dict__.get("_cunwu_default_patterns")
        if plain is None:
            plain = self._cunwu_default_patterns = only_default_patterns(self.inlinePatterns)
        if plain and INLINE_TRIGGERS.search(data) is None:
            return data
        return original(self, data, patternIndex)

    handle_inline.cunwu_shortcut = True  # type: ignore[attr-defined]
    handle_inline.original = original  # type: ignore[attr-defined]
    InlineProcessor._InlineProcessor__handleInline = handle_inline  # type: ignore[attr-defined]


def _memoise_cuts() -> None:
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency, but Material works without it
        return
    if getattr(jieba.cut, "cunwu_shortcut", False):
        return
    original = jieba.cut
    kept = _KEPT_CUTS
    state: list[object] = [None]

    def cut(sentence: Any, *args: Any, **kwargs: Any) -> Iterator[str]:
        tokenizer = jieba.dt
        now = (id(tokenizer), id(tokenizer.FREQ), tokenizer.total, len(tokenizer.FREQ))
        if now != state[0] or len(kept) >= CUTS_KEPT:
            kept.clear()
            state[0] = now
        key = (sentence, args, tuple(sorted(kwargs.items())))
        words = kept.get(key)
        if words is None:
            words = kept[key] = tuple(original(sentence, *args, **kwargs))
        return iter(words)

    cut.cunwu_shortcut = True  # type: ignore[attr-defined]
    cut.original = original  # type: ignore[attr-defined]
    jieba.cut = cut
