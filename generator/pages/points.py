"""Points (积分管理): the rules of each year, a ranking per year, and each member's score line by line."""

from __future__ import annotations

from datetime import date

from ..model import Village
from ..records.points import ranking, score
from . import PageSpec, paginate


def pages(village: Village, today: date) -> list[PageSpec]:
    years = yearly_rankings(village, today)
    rules = sorted(village.records["point_rules"], key=lambda r: r.year, reverse=True)
    specs = [PageSpec(village.path("points/index.md"), "points_index.md",
                      {"rules": rules, "years": {y: len(r) for y, r in years.items()}}, in_nav=True)]
    for year, ranked in years.items():
        specs += paginate(ranked, village.path(f"points/{year}.md"), "points_ranking.md",
                          {"year": year, "rules": village.by_id("point_rules")[year], "total": len(ranked)})
        specs += [PageSpec(village.path(f"points/{year}/{s.member}.md"), "points_member.md",
                           {"score": s, "rank": rank, "total": len(ranked)}) for rank, s in ranked]
    return specs


def yearly_rankings(village: Village, today: date) -> dict[int, list]:
    """For each year with rules and rows up to `today`: [(rank, score)] of every member with a row."""
    rows = [r for r in village.records["point_rows"] if r.date <= today]
    result = {}
    for rules in sorted(village.records["point_rules"], key=lambda r: r.year, reverse=True):
        scored = sorted({r.member for r in rows if r.date.year == rules.year})
        if scored:
            result[rules.year] = ranking([score(rules, m, rows) for m in scored])
    return result


def scores_of(village: Village, person_id: str, today: date) -> list[tuple[int, object, int]]:
    """(rank, score, how many ranked) for each year the person has a score, newest first."""
    return [(rank, s, len(ranked)) for ranked in yearly_rankings(village, today).values()
            for rank, s in ranked if s.member == person_id]
