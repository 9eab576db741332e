"""Points (积分管理): the rules of each year, a ranking per year, and each member's score line by line."""

from __future__ import annotations

from datetime import date

from ..model import Village
from ..records.points import ranking, score
from . import PageSpec, paginate


def pages(village: Village, today: date) -> list[PageSpec]:
    years = yearly_rankings(village, today)
    rules = sorted(village.records["point_rules"], key=lambda r: r.year, reverse=True)
    specs = [
        PageSpec(
            village.path("points/index.md"),
            "points_index.md",
            {"rules": rules, "years": {y: len(r) for y, r in years.items()}},
            in_nav=True,
        )
    ]
    for year, ranked in years.items():
        specs += paginate(
            ranked,
            village.path(f"points/{year}.md"),
            "points_ranking.md",
            {"year": year, "rules": village.by_id("point_rules")[year], "total": len(ranked)},
        )
        specs += [
            PageSpec(
                village.path(f"points/{year}/{s.member}.md"),
                "points_member.md",
                {"score": s, "rank": rank, "total": len(ranked)},
            )
            for rank, s in ranked
        ]
    return specs


def yearly_rankings(village: Village, today: date) -> dict[int, list]:
    """For each year with rules and rows up to `today`: [(rank, score)] of every member with a row."""
    rows: dict[int, dict[str, list]] = {}
    for r in village.public("point_rows", today):
        rows.setdefault(r.date.year, {}).setdefault(r.member, []).append(r)
    result = {}
    for rules in sorted(village.records["point_rules"], key=lambda r: r.year, reverse=True):
        members = rows.get(rules.year, {})
        if members:
            result[rules.year] = ranking([score(rules, m, members[m]) for m in sorted(members)])
    return result
