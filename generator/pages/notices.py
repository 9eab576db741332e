"""Notices: the listing (newest first), one page per notice, and its print view."""

from __future__ import annotations

from datetime import date

from ..kinds import body_markup
from ..model import Village
from . import PageSpec, paginate
from .printing import print_view


def pages(village: Village, today: date) -> list[PageSpec]:
    shown = list(reversed(village.public("notices", today)))
    status_of = {n.id: n.status(today) for n in shown}
    specs = paginate(
        shown,
        village.path("notices/index.md"),
        "notice_list.md",
        {
            "status_of": status_of,
            "feed": village.path("feed.xml") if village.settings.site_url else None,
        },
        in_nav=True,
    )
    for notice in shown:
        uri = village.path(f"notices/{notice.id}.md")
        context = {
            "notice": notice,
            "status": status_of[notice.id],
            "body": body_markup(notice.body),
        }
        specs.append(PageSpec(uri, "notice.md", context))
        specs += print_view(village, uri, "_notice_body.md", context)
    return specs
