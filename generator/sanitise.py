"""Sanitising the HTML of every page with nh3, a maintained sanitiser.

Python-Markdown passes raw HTML through, and ``attr_list`` can add any attribute, so a page
written by hand (``content/``) or a Markdown field from ``data/`` (a notice's body) could carry
``<script>``, ``onclick=`` or a ``javascript:`` link. Every page is cleaned after rendering: only
ordinary document markup survives, links may only be relative or use http(s), mailto and tel,
and ``<iframe>`` survives only when its ``src`` is on a host the site's config names. Plain data
values are escaped before that, where templates print them (see `markdown_text.escape`); the
sanitiser is the second line for them and the only one for Markdown.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

TAGS = frozenset(nh3.ALLOWED_TAGS) | {"tfoot", "section", "main", "progress", "meter"}
"""Ordinary document markup: headings, lists, tables, asides, figures, details, time…"""
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "style"})
"""Attributes kept on every tag: ids carry heading anchors, classes carry our CSS and Material's;
``style`` keeps only `STYLE_PROPERTIES`."""
STYLE_PROPERTIES = frozenset({"text-align"})
"""The one inline style Python-Markdown writes (table column alignment)."""
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Absolute link schemes kept; relative links (other pages, anchors) always pass."""
FILE_READING_EXTENSIONS = ("pymdownx.snippets", "pymdownx.b64", "markdown_include.include", "mdx_include")
"""Markdown extensions that read other files into a page; refused in ``mkdocs.yml``."""


def sanitise_html(html: str, embed_hosts: tuple[str, ...] = ()) -> str:
    """`html` with scripts, event handlers, style and dangerous URLs removed.

    Anything a page loads (``src`` of images, media, iframes) must be a file of the site itself,
    so the site makes no request to another host, unless the host is in `embed_hosts` (over
    https). ``<iframe>`` is allowed only when `embed_hosts` is not empty.
    """
    attributes = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = set(GENERIC_ATTRIBUTES)
    attributes["time"] = {"datetime"}
    attributes["a"] = {"href", "hreflang"}
    attributes["img"] = attributes["img"] | {"loading", "title"}
    attributes["progress"] = {"max", "value"}
    attributes["meter"] = {"min", "max", "low", "high", "optimum", "value"}
    tags = set(TAGS)
    if embed_hosts:
        tags.add("iframe")
        attributes["iframe"] = {"src", "width", "height", "allowfullscreen", "loading"}
    return nh3.clean(
        html,
        tags=tags,
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        generic_attribute_prefixes={"aria-"},
        filter_style_properties=set(STYLE_PROPERTIES),
        attribute_filter=_embeds_only_from(tuple(h.lower() for h in embed_hosts)),
        clean_content_tags={"script", "style"},
    )


def _embeds_only_from(hosts: tuple[str, ...]):
    """An nh3 attribute filter: a ``src`` is kept if relative, or https on a named host."""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute != "src":
            return value
        url = urlsplit(re.sub(r"[\x00-\x20]", "", value).replace("\\", "/"))  # as browsers read it
        if not url.scheme and not url.netloc:
            return value if tag != "iframe" else None
        return value if url.scheme == "https" and (url.hostname or "") in hosts else None

    return keep


def file_reading_extensions(extensions: list) -> list[str]:
    """The configured Markdown extensions that would pull other files into a page."""
    names = [e if isinstance(e, str) else type(e).__module__ for e in extensions]
    return [n for n in names if n in FILE_READING_EXTENSIONS]
