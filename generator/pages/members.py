"""The member list and one page per member with their pledges."""

from __future__ import annotations

from datetime import date

from ..model import Village
from . import PageSpec, paginate
from .people import about_everyone


def pages(village: Village, today: date) -> list[PageSpec]:
    shown = village.public_pledges(today)
    by_member: dict[str, list] = {m: [] for m in village.members}
    for pledge in shown:
        by_member[pledge.member].append(pledge)
    status_of = {p.id: p.status(today) for p in shown}
    members = sorted(village.members.values(), key=lambda m: m.id)
    everyone = about_everyone(village, today)
    specs = paginate(
        members,
        village.path("members/index.md"),
        "member_list.md",
        {"pledge_counts": {m: len(p) for m, p in by_member.items()}},
        in_nav=True,
    )
    specs += [
        PageSpec(
            village.path(f"members/{m.id}.md"),
            "member.md",
            {"member": m, "pledges": by_member[m.id], "status_of": status_of, **everyone[m.id]},
        )
        for m in members
    ]
    return specs
