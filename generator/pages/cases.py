"""Typical cases (典型案例): listings by date, kind and tag, and the people block of each story.

The stories themselves are hand-written pages (``content/cases/<slug>.md``) that MkDocs renders;
`appendices` gives the Markdown added at the end of each one: links to its people and tags.
"""

from __future__ import annotations

from datetime import date

from ..model import Village
from ..records.case import CASE_TYPE_SLUGS
from . import PageSpec, paginate
from .slugs import natural, value_slug


def pages(village: Village, today: date) -> list[PageSpec]:
    stories = newest(village, today)
    tags = sorted({t for s in stories for t in s.tags}, key=natural)
    context = {
        "kinds": CASE_TYPE_SLUGS,
        "tags": tags,
        "slug": value_slug,
        "feed": village.path("feed.xml") if village.settings.site_url else None,
        "counts": {k: sum(1 for s in stories if s.kind == k) for k in CASE_TYPE_SLUGS},
    }
    specs = paginate(
        stories, village.path("cases/index.md"), "case_list.md", {**context, "title": "典型案例"}, in_nav=True
    )
    for kind, slug in CASE_TYPE_SLUGS.items():
        specs += paginate(
            [s for s in stories if s.kind == kind],
            village.path(f"cases/kind/{slug}.md"),
            "case_list.md",
            {**context, "title": kind},
        )
    for tag in tags:
        specs += paginate(
            [s for s in stories if tag in s.tags],
            village.path(f"cases/tag/{value_slug(tag)}.md"),
            "case_list.md",
            {**context, "title": f"标签：{tag}"},
        )
    return specs


def appendices(village: Village, today: date) -> list[PageSpec]:
    """The block appended to each hand-written story: its people, kind and tags."""
    return [
        PageSpec(village.path(s.uri), "case_footer.md", {"story": s, "slug": value_slug, "kinds": CASE_TYPE_SLUGS})
        for s in newest(village, today)
    ]


def withheld(village: Village, today: date) -> list[str]:
    """Hand-written story pages dated after `today`: not published yet, so not built at all."""
    return [village.path(s.uri) for s in village.records["cases"] if s.date > today]


def newest(village: Village, today: date) -> list:
    """Stories dated up to `today`, newest first."""
    return sorted(village.public("cases", today), key=lambda s: (s.date, s.slug), reverse=True)
