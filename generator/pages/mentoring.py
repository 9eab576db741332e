"""Mentoring pairs (结对帮带): the list of pairs and one responsibility card (责任卡) per pair."""

from __future__ import annotations

from datetime import date

from ..model import Village
from ..records.mentoring import PAIR_TYPES, PairStatus
from . import PageSpec, paginate


def pages(village: Village, today: date) -> list[PageSpec]:
    pairs = sorted(village.records["mentoring"], key=lambda p: (p.start, p.id), reverse=True)
    counts = {kind: sum(1 for p in pairs if p.kind == kind) for kind in PAIR_TYPES}
    specs = paginate(
        pairs,
        village.path("mentoring/index.md"),
        "mentoring_list.md",
        {
            "kinds": PAIR_TYPES,
            "counts": counts,
            "active": sum(1 for p in pairs if p.status(today) is PairStatus.ONGOING),
        },
        in_nav=True,
    )
    specs += [
        PageSpec(
            village.path(f"mentoring/{p.id}.md"),
            "mentoring.md",
            {"pair": p, "entries": [e for e in p.entries if e.date <= today]},
        )
        for p in pairs
    ]
    return specs
