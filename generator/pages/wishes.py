"""微心愿 / 微建议: the board by status, one listing per status, one page per wish, counts per member."""

from __future__ import annotations

from datetime import date

from ..model import Village
from ..records.wish import WishStatus
from . import PageSpec, paginate


def pages(village: Village, today: date) -> list[PageSpec]:
    shown = sorted(village.public("wishes", today), key=lambda w: (w.asked, w.id), reverse=True)
    status_of = {w.id: w.status(today) for w in shown}
    by_status = {s: [w for w in shown if status_of[w.id] is s] for s in WishStatus}
    specs = [
        PageSpec(
            village.path("wishes/index.md"),
            "wish_board.md",
            {
                "by_status": by_status,
                "total": len(shown),
                "status_of": status_of,
                "latest": shown[:10],
                "per_member": per_member(shown, today),
            },
            in_nav=True,
        )
    ]
    for status, chosen in by_status.items():
        specs += paginate(
            chosen,
            village.path(f"wishes/status/{status.slug}.md"),
            "wish_list.md",
            {"title": f"{status.text}的微心愿、微建议", "status_of": status_of},
        )
    specs += [
        PageSpec(village.path(f"wishes/{w.id}.md"), "wish.md", {"wish": w, "status": status_of[w.id]}) for w in shown
    ]
    return specs


def per_member(wishes: list, today: date) -> list[tuple[str, int, int]]:
    """(member id, wishes taken, wishes done) for each member who took one, most done first."""
    counts: dict[str, list[int]] = {}
    for w in wishes:
        if w.member and w.taken and w.taken <= today:
            entry = counts.setdefault(w.member, [0, 0])
            entry[0] += 1
            entry[1] += w.status(today) is WishStatus.DONE
    return sorted(((m, taken, done) for m, (taken, done) in counts.items()), key=lambda c: (-c[2], -c[1], c[0]))


def handled(village: Village, today: date) -> list:
    """The wishes given to or taken by a member by `today`, newest first."""
    return sorted(
        (w for w in village.public("wishes", today) if w.member and w.status(today) is not WishStatus.ASKED),
        key=lambda w: (w.asked, w.id),
        reverse=True,
    )
