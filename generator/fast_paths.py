"""Exact shortcuts around hot spots of the libraries a build runs, installed by the plugin.

A village's build spent about a sixth of its time in places that redo work whose result is known
in advance; each shortcut returns exactly what the library would:

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
- Material renders its whole navigation (`partials/nav.html`) and its tabs into every page. For a
  page outside the navigation (a member, a pledge, a month's accounts: nearly all of a village's
  pages) no item is marked as the current one, and the links differ only by the page's folder
  (they are relative to it): each is rendered once per folder. Only while its templates are
  Material's own (a site that overrides one of them gets it rendered on every page, as before).

`CUNWU_NO_SHORTCUTS=1` in the environment builds without them (tests compare the two builds).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

INLINE_TRIGGERS = re.compile(r"[`\\\[<&*_\n]")
"""A character that every one of Python-Markdown's inline patterns needs in order to match."""

CUTS_KEPT = 200_000
"""At most this many cut runs are kept (a demo-sized village has about 3,000)."""


def enabled() -> bool:
    return not os.environ.get("CUNWU_NO_SHORTCUTS")


def install() -> None:
    """Install the library shortcuts (once per process); each build starts with no cut kept."""
    if not enabled():
        return
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


NAV_TEMPLATES = {
    "partials/nav.html": ("partials/nav-item.html", "partials/logo.html", "partials/source.html"),
    "partials/tabs.html": ("partials/tabs-item.html",),
}
"""Material's navigation and its tabs, each with the templates it is made of (for a page outside
the navigation: no table of contents)."""


def render_nav_once_per_folder(env: Any, nav: Any) -> None:
    """In this build's theme environment, Material's navigation and tabs are rendered once per
    folder for the pages outside `nav` (see above)."""
    if not enabled() or nav is None:
        return
    in_nav = {id(page) for page in nav.pages}
    for name, parts in NAV_TEMPLATES.items():
        template = _materials(env, name, parts)
        if template is not None:
            _once_per_folder(template, nav, in_nav)


def _materials(env: Any, name: str, parts: tuple[str, ...]) -> Any:
    """The template `name` of `env` when it and its `parts` are Material's own, else None."""
    import jinja2

    try:
        templates = [env.get_template(n) for n in (name, *parts)]
    except jinja2.TemplateNotFound:
        return None
    material = Path(_material_templates()).resolve()
    if all(t.filename and material in Path(t.filename).resolve().parents for t in templates):
        return templates[0]
    return None


def _once_per_folder(template: Any, nav: Any, in_nav: set[int]) -> None:
    original = template.root_render_func
    kept: dict[str, str] = {}

    def root_render_func(context: Any) -> Iterator[str]:
        page = context.get("page")
        if page is None or id(page) in in_nav or context.get("nav") is not nav:
            yield from original(context)
            return
        folder = _folder(page.url)
        html = kept.get(folder)
        if html is None:
            html = kept[folder] = "".join(original(context))
        yield html

    template.root_render_func = root_render_func


def _folder(url: str) -> str:
    """The folder MkDocs makes a page's links relative to (`get_relative_url`: a last part with a
    dot is a file)."""
    head, _, last = url.rpartition("/")
    return head if "." in last else url


def _material_templates() -> str:
    from mkdocs.utils import get_theme_dir

    return get_theme_dir("material")
