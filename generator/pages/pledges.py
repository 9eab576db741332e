"""The pledge board, listings by status and by category, and one page per pledge."""

from __future__ import annotations

from datetime import date

from ..model import Village
from ..records.pledge import CATEGORIES, PUBLIC_STATUSES, Pledge
from . import PageSpec, paginate


def pages(village: Village, today: date) -> list[PageSpec]:
    shown = village.public_pledges(today)
    status_of = {p.id: p.status(today) for p in shown}
    specs = [
        PageSpec(
            village.path("pledges/index.md"),
            "pledge_board.md",
            {
                "counts": {s: sum(1 for p in shown if status_of[p.id] is s) for s in PUBLIC_STATUSES},
                "categories": {c: sum(1 for p in shown if p.category == c) for c in CATEGORIES},
                "latest": shown[:10],
                "total": len(shown),
                "status_of": status_of,
            },
            in_nav=True,
        )
    ]
    for status in PUBLIC_STATUSES:
        chosen = [p for p in shown if status_of[p.id] is status]
        specs += paginate(
            chosen,
            village.path(f"pledges/status/{status.slug}.md"),
            "pledge_list.md",
            {"title": f"{status.text}的承诺", "by": "status", "status_of": status_of},
        )
    for category, slug in CATEGORIES.items():
        chosen = [p for p in shown if p.category == category]
        specs += paginate(
            chosen,
            village.path(f"pledges/category/{slug}.md"),
            "pledge_list.md",
            {"title": f"{category}类承诺", "by": "category", "status_of": status_of},
        )
    specs += [pledge_page(village, p, today) for p in shown]
    return specs


def pledge_page(village: Village, pledge: Pledge, today: date) -> PageSpec:
    return PageSpec(
        village.path(f"pledges/{pledge.id}.md"),
        "pledge.md",
        {
            "pledge": pledge,
            "member": village.members[pledge.member],
            "status": pledge.status(today),
        },
    )
