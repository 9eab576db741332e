"""The 五个好 assessment of the village Party organisation: per year, a rating and a short basis
for each of the five criteria (领导班子好、党员干部队伍好、工作机制好、小康建设业绩好、农民群众反映好)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds import Choice, Day, ListOf, Text, Year, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from . import Dataset, Example

CRITERIA = ("领导班子好", "党员干部队伍好", "工作机制好", "小康建设业绩好", "农民群众反映好")
RATINGS = ("好", "较好", "一般", "差")


@dataclass(frozen=True, kw_only=True)
class Rating:
    """一项标准的评定：等次和简要依据。"""

    criterion: str = spec(Choice(CRITERIA), "标准", "五项标准之一：" + "、".join(CRITERIA) + "。")
    rating: str = spec(Choice(RATINGS), "等次", "好 / 较好 / 一般 / 差。")
    basis: str = spec(Text(200), "依据", "评定的简要依据，写事实和数字。")
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Assessment:
    """“五个好”村党组织年度评定：五项标准各一个等次和依据。"""

    year: int = spec(Year(), "年度", "评定的年度，如 2025；每年一条。")
    date: date = spec(Day(), "评定日期", "评定结果公布的日期。")
    by: str = spec(Text(60), "评定单位", "谁评定的，如 云溪镇党委。")
    ratings: tuple = spec(ListOf(Rating), "评定", "五项标准各写一条。")
    summary: str = spec(Text(300), "总体评价", "总体评价和下一年的改进方向。", required=False)
    origin: Origin = origin_field()

    @property
    def id(self) -> int:
        return self.year

    def rating(self, criterion: str) -> Rating:
        return next(r for r in self.ratings if r.criterion == criterion)

    def check(self) -> list[Problem]:
        """Each of the five criteria rated exactly once."""
        problems, seen = [], set()
        for r in self.ratings:
            if r.criterion in seen:
                problems.append(
                    problem_at(
                        r,
                        "criterion",
                        summary="同一项标准评了两次",
                        expected="五项标准各评一次",
                        found=r.criterion,
                        hint="删除重复的一条，或改成缺少的那一项。",
                    )
                )
            seen.add(r.criterion)
        missing = [c for c in CRITERIA if c not in seen]
        if missing:
            problems.append(
                problem_at(
                    self,
                    "ratings",
                    summary="缺少标准的评定",
                    expected="五项标准各一条：" + "、".join(CRITERIA),
                    found="缺少 " + "、".join(missing),
                    hint="每项标准都要写等次和依据。",
                )
            )
        return problems


def one_per_year(village) -> list[Problem]:
    """A year is assessed once."""
    seen: dict = {}
    problems: list[Problem] = []
    for a in village.records["five_goods"]:
        if a.year in seen:
            problems.append(
                problem_at(
                    a,
                    "year",
                    summary="同一年度评定了两次",
                    expected="每年一条",
                    found=str(a.year),
                    hint=f"第 {seen[a.year].origin.line_of('year')} 行已经有这一年的评定。",
                )
            )
        seen.setdefault(a.year, a)
    return problems


DATASET = Dataset(
    "five_goods",
    "五个好评定",
    Assessment,
    ("five_goods.yml", "five_goods.yaml"),
    required=False,
    public=lambda a, today: a.date <= today,
    published_on=lambda a: a.date,
    order=lambda a: a.year,
    check_all=one_per_year,
    example=lambda day: Example({"year": str(day.year), "ratings": [{"criterion": c} for c in CRITERIA]}),
    pages="five_goods",
)
