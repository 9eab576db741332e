"""The village home page: profile, recent changes, and how to ask or object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Village
from . import PageSpec

RECENT = 12


@dataclass(frozen=True)
class Change:
    """One dated public event on a record, for the "recent changes" list."""

    day: date
    what: str
    uri: str
    title: str


def pages(village: Village, today: date) -> list[PageSpec]:
    return [PageSpec(village.path("index.md"), "home.md", {"changes": recent_changes(village, today)}, in_nav=True)]


def recent_changes(village: Village, today: date) -> list[Change]:
    """The latest public events of all records, newest first."""
    changes = []
    for pledge in village.public_pledges(today):
        uri = f"pledges/{pledge.id}.md"  # village-relative: the template's link() adds the section
        changes.append(Change(pledge.published, "公开承诺", uri, pledge.content))
        changes += [Change(p.date, "践诺进展", uri, pledge.content) for p in pledge.progress if p.date <= today]
        if pledge.completed and pledge.completed <= today:
            changes.append(Change(pledge.completed, "承诺完成", uri, pledge.content))
        if pledge.evaluation and pledge.evaluation.date <= today:
            changes.append(Change(pledge.evaluation.date, "民主评诺", uri, pledge.content))
    changes.sort(key=lambda c: (c.day, c.uri, c.what), reverse=True)
    return changes[:RECENT]
