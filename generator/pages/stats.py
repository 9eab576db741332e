"""The statistics page: yearly figures computed from the data, each with a chart made at build time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..charts import SERIES_COLOURS, bar_chart
from ..model import Village
from ..records.pledge import PledgeStatus
from . import PageSpec

YEARS = 5
"""How many recent years the page shows (those with any figure)."""


@dataclass(frozen=True)
class Figure:
    """One chart: a few series of yearly counts, and what each counts."""

    slug: str
    title: str
    years: tuple[int, ...]
    """From the first year with data (at most `YEARS` back) to the build year."""
    series: tuple[tuple[str, tuple[int, ...]], ...]
    note: str


def pages(village: Village, today: date) -> list[PageSpec]:
    """The statistics page and the SVG chart of each figure."""
    figures = yearly_figures(village, today)
    return [PageSpec(village.path("stats/index.md"), "stats.md", {"figures": figures}, in_nav=True)] + [
        PageSpec(
            village.path(f"stats/{f.slug}.svg"),
            "",
            content=chart(f),
        )
        for f in figures
    ]


def chart(figure: Figure) -> bytes:
    """A figure's chart: one group of bars per year, one bar per series."""
    rows = [(f"{year}年", [values[i] for _, values in figure.series]) for i, year in enumerate(figure.years)]
    series = [(name, SERIES_COLOURS[j % len(SERIES_COLOURS)]) for j, (name, _) in enumerate(figure.series)]
    return bar_chart(figure.title, rows, series, number=str)


def yearly_figures(village: Village, today: date) -> list[Figure]:
    """Every figure, counted from the records as they stand on `today`."""
    pledges = village.public_pledges(today)
    done = [p for p in pledges if p.status(today) is PledgeStatus.DONE]
    wishes = village.public("wishes", today)
    pairs = [p for p in village.records["mentoring"] if p.start <= today]
    developed = [t for t in village.records["talents"] if t.member]
    joined = {t.id: village.members[t.member].joined for t in developed}

    def per_year(dates) -> dict[int, int]:
        counts: dict[int, int] = {}
        for day in dates:
            counts[day] = counts.get(day, 0) + 1
        return counts

    raw = {
        "pledges": [
            ("公开承诺", per_year(p.published.year for p in pledges)),
            ("已兑现", per_year(p.completed.year for p in done if p.completed)),
        ],
        "practical": [
            ("为民办实事完成", per_year(p.completed.year for p in done if p.completed and p.category == "为民办实事"))
        ],
        "wishes": [
            ("点单", per_year(w.asked.year for w in wishes)),
            ("已完成", per_year(w.done.year for w in wishes if w.done and w.done <= today)),
        ],
        "mentoring": [
            ("新结对", per_year(p.start.year for p in pairs)),
            (
                "被帮带的人",
                per_year(y for y, _ in {(y, m) for p in pairs for y in _active_years(p, today) for m in p.mentees()}),
            ),
        ],
        "talents": [("人才发展为党员", per_year(joined.values()))],
    }
    notes = {
        "pledges": ("党员公开承诺", "按晒诺日期的年份统计公开的承诺；已兑现按完成日期统计，状态为“已完成”的承诺。"),
        "practical": ("为民办实事", "“为民办实事”类承诺中已完成的件数，按完成日期统计。"),
        "wishes": ("微心愿、微建议", "点单按点单日期统计；已完成按完成日期统计。"),
        "mentoring": (
            "结对帮带",
            "新结对按开始日期统计；被帮带的人按结对期内的每一年统计（“2+1”的人才、“1+1”的党员）。",
        ),
        "talents": ("乡土人才发展为党员", "人才库中已发展为党员的人，按入党年份统计。"),
    }
    figures = []
    for slug, series in raw.items():
        first = min((y for _, counts in series for y, n in counts.items() if n), default=today.year)
        years = tuple(range(max(first, today.year - YEARS + 1), today.year + 1))
        figures.append(
            Figure(
                slug,
                notes[slug][0],
                years,
                tuple((name, tuple(c.get(y, 0) for y in years)) for name, c in series),
                notes[slug][1],
            )
        )
    return figures


def _active_years(pair, today: date) -> range:
    return range(pair.start.year, min(pair.end, today).year + 1)
