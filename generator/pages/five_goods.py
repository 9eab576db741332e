"""The 五个好 assessment: the village's history across years and one page per year."""

from __future__ import annotations

from datetime import date

from ..model import Village
from ..records.five_goods import CRITERIA
from . import PageSpec


def pages(village: Village, today: date) -> list[PageSpec]:
    years = sorted(village.public("five_goods", today), key=lambda a: a.year, reverse=True)
    specs = [
        PageSpec(
            village.path("five-goods/index.md"),
            "five_goods_history.md",
            {"years": years, "criteria": CRITERIA},
            in_nav=True,
        )
    ]
    specs += [
        PageSpec(village.path(f"five-goods/{a.year}.md"), "five_goods_year.md", {"a": a, "criteria": CRITERIA})
        for a in years
    ]
    return specs
