"""Texts that the theme prints outside the sanitised page body: <head>, attributes, navigation.

The sanitiser cleans each page's body, but Material prints a page's title and its front matter
(description, author, subtitle…) itself: in ``<title>``, in ``<meta content="…">``, in the
header, the navigation, the tabs, the search index. A record's text reaches the title through
the page's first heading, and a hand-written page's front matter is whatever the clerk typed.
Both are made text once, here, before any template sees them: every string of the front matter
is escaped for HTML, and every page's title is set (in its front matter, where Material looks
first) to the escaped text of its heading. Material's ``<title>`` block is overridden in
``site_overrides/main.html`` as well, because it prints the title through ``striptags``, which
decodes entities and would turn an escaped ``&lt;/title&gt;`` back into an end tag.
"""

from __future__ import annotations

import html


def front_matter_as_text(value):
    """`value` (a page's front matter) with every string escaped for HTML, in lists and mappings too."""
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, dict):
        return {key: front_matter_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [front_matter_as_text(item) for item in value]
    return value


def title_as_text(title: str) -> str:
    """A page title as MkDocs gives it (tags stripped, entities kept) as escaped text, on one line.

    Entities are decoded first so that the result is the same whether the title came from a
    heading (already escaped) or from front matter escaped by `front_matter_as_text`."""
    return html.escape(" ".join(html.unescape(title).split()))
