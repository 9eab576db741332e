"""Disclosure deadlines (村民委员会组织法 第三十条): what is due, what is overdue.

mkdocs.yml says how often each kind is published (finance monthly, general affairs quarterly)
and how many days after a period ends it may still come out. A period counts as published when
finance has published that month's accounts, or when a notice, decision, project or name list
came out during that quarter. The home page lists overdue periods and the next due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .periods import add_months, period_label, period_start
from .settings import DEADLINE_TITLES, FREQUENCIES

OVERDUE_SHOWN = 6
"""Overdue periods listed at most (the oldest are summarised by the count)."""


@dataclass(frozen=True)
class Due:
    """One period of one kind of disclosure and its deadline."""

    kind: str
    period: str
    due: date
    overdue: bool

    def days(self, today: date) -> int:
        """Days overdue (positive) or left (zero or negative)."""
        return (today - self.due).days


def disclosure_status(village, today: date) -> list[Due]:
    """For each configured kind: its overdue periods (oldest first), then the next one due."""
    result = []
    for kind, every in village.settings.deadlines.items():
        months = FREQUENCIES[every][1]
        covered = _covered(village, kind, today, months)
        start = min(covered, default=period_start(today, months))
        result += _dues(DEADLINE_TITLES[kind], start, covered, today, months, village.settings.grace_days)
    return result


@dataclass(frozen=True)
class Timeliness:
    """One kind of disclosure of one village: the latest period published against the latest due."""

    kind: str
    latest: str | None
    """The latest period published (None when none ever was)."""
    due: str
    """The latest period whose deadline has passed."""
    overdue: tuple[str, ...]
    """Every period past its deadline and not published, oldest first."""


def timeliness(village, today: date) -> list[Timeliness]:
    """For each configured kind: latest published, latest due, and all overdue periods."""
    result = []
    for kind, every in village.settings.deadlines.items():
        months = FREQUENCIES[every][1]
        covered = _covered(village, kind, today, months)
        start = min(covered, default=period_start(today, months))
        overdue, _ = _all_dues(DEADLINE_TITLES[kind], start, covered, today, months, village.settings.grace_days)
        # the last period whose deadline (its end plus the grace days) is before today
        due = add_months(period_start(today - timedelta(days=village.settings.grace_days), months), -months)
        result.append(
            Timeliness(
                DEADLINE_TITLES[kind],
                period_label(max(covered), months) if covered else None,
                period_label(due, months),
                tuple(d.period for d in overdue),
            )
        )
    return result


def _dues(title: str, start: date, covered: set[date], today: date, months: int, grace: int) -> list[Due]:
    overdue, upcoming = _all_dues(title, start, covered, today, months, grace)
    return [*overdue[-OVERDUE_SHOWN:], upcoming]


def _all_dues(
    title: str, start: date, covered: set[date], today: date, months: int, grace: int
) -> tuple[list[Due], Due]:
    """Every overdue period from `start` on, oldest first, and the next one due."""
    overdue, upcoming, period = [], None, start
    while upcoming is None:
        end = add_months(period, months) - timedelta(days=1)
        deadline = end + timedelta(days=grace)
        if period not in covered:
            if deadline < today:
                overdue.append(Due(title, period_label(period, months), deadline, True))
            else:
                upcoming = Due(title, period_label(period, months), deadline, False)
        period = add_months(period, months)
    return overdue, upcoming


def _covered(village, kind: str, today: date, months: int) -> set[date]:
    """The first day of each period that has been published."""
    if kind == "finance":
        return {period_start(p.month, months) for p in village.public("periods", today)}
    days = [
        r.published for name in ("notices", "decisions", "projects", "namelists") for r in village.public(name, today)
    ]
    return {period_start(day, months) for day in days}
