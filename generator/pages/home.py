"""The village home page: profile, recent changes, and how to ask or object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..deadlines import disclosure_status
from ..model import Village
from ..periods import month_label
from . import PageSpec

RECENT = 12


@dataclass(frozen=True)
class RecentChange:
    """One dated public event on a record, for the "recent changes" list."""

    day: date
    what: str
    uri: str
    title: str
    village: str = ""
    """The village's name on a township's portal, where `uri` is the site's address, not the village's."""


def pages(village: Village, today: date) -> list[PageSpec]:
    return [
        PageSpec(
            village.path("index.md"),
            "home.md",
            {"changes": recent_changes(village, today), "deadlines": disclosure_status(village, today)},
            in_nav=True,
        )
    ]


def recent_changes(village: Village, today: date) -> list[RecentChange]:
    """The latest public events of all records, newest first."""
    changes = []
    for pledge in village.public_pledges(today):
        uri = f"pledges/{pledge.id}.md"  # village-relative: the template's link() adds the section
        changes.append(RecentChange(pledge.published, "公开承诺", uri, pledge.content))
        changes += [RecentChange(p.date, "践诺进展", uri, pledge.content) for p in pledge.progress]
        if pledge.completed:
            changes.append(RecentChange(pledge.completed, "承诺完成", uri, pledge.content))
        if pledge.evaluation:
            changes.append(RecentChange(pledge.evaluation.date, "民主评诺", uri, pledge.content))
    changes += affairs_changes(village, today)
    changes.sort(key=lambda c: (c.day, c.uri, c.what), reverse=True)
    return changes[:RECENT]


def affairs_changes(village: Village, today: date) -> list[RecentChange]:
    """Published notices, decisions, projects, name lists and finance months.

    Addresses are village-relative: the template's link() adds the village's section.
    """
    changes = [
        RecentChange(n.published, f"{n.kind}", f"notices/{n.id}.md", n.title) for n in village.public("notices", today)
    ]
    changes += [
        RecentChange(d.published, "四议两公开", f"decisions/{d.id}.md", d.title)
        for d in village.public("decisions", today)
    ]
    changes += [
        RecentChange(p.published, "村级项目", f"projects/{p.id}.md", p.name) for p in village.public("projects", today)
    ]
    changes += [
        RecentChange(n.published, "名单公示", f"lists/{n.id}.md", n.title) for n in village.public("namelists", today)
    ]
    changes += [
        RecentChange(p.published, "财务公开", f"finance/{p.id}.md", f"{month_label(p.month)}财务收支")
        for p in village.public("periods", today)
    ]
    return changes
