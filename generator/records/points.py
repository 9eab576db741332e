"""Points (积分管理): the rules are data, each member's yearly score is computed from dated rows.

A year's rules (`points/rules.yml`) list the items (事项), the points each occurrence earns or
costs, and a cap per item; a base score; and the weights of the two parts, e.g. 80 for daily
duties (日常) + 20 for the democratic evaluation (评议). A row (`points/*.csv`) records that a
member did one item on one day. Nobody types a score: there is no field for one, and every
published figure can be recomputed line by line from the rows and the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds import Choice, Day, Identifier, Integer, ListOf, Reference, Text, Year, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from . import Dataset, Derived, Example

PARTS = ("日常", "评议")


@dataclass(frozen=True, kw_only=True)
class Item:
    """积分事项：编号、名称、所属部分、每次分值、全年封顶。"""

    code: str = spec(Identifier("A1"), "事项编号", "事项编号，在这一年的规则里唯一，如 A1；积分记录用它。")
    name: str = spec(Text(40), "事项", "积分事项，如 参加“三会一课”。")
    part: str = spec(Choice(PARTS), "所属部分", "日常（日常表现）或 评议（民主评议）。")
    points: int = spec(Integer(-100, 100), "每次分值", "每发生一次加（正数）或减（负数）的分。")
    cap: int = spec(Integer(1, 100), "全年封顶", "这一事项全年最多加（或减）多少分。")
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Rules:
    """某一年的积分规则：基础分、日常和评议两部分的满分，以及各积分事项。"""

    year: int = spec(Year(), "年度", "这套规则适用的年份，如 2025；每年一套。")
    base: int = spec(Integer(0, 100), "基础分", "日常部分的起始分，按事项加减。")
    daily_weight: int = spec(Integer(0, 100), "日常满分", "日常部分最多得多少分，如 80。")
    evaluation_weight: int = spec(Integer(0, 100), "评议满分", "民主评议部分最多得多少分，如 20。")
    items: tuple = spec(ListOf(Item), "积分事项", "各积分事项。")
    note: str = spec(Text(200), "说明", "规则由谁、何时通过，如 2024年1月党员大会通过。", required=False)
    origin: Origin = origin_field()

    @property
    def id(self) -> int:
        """Rules are found by their year."""
        return self.year

    def item(self, code: str) -> Item | None:
        return next((i for i in self.items if i.code == code), None)

    def check(self) -> list[Problem]:
        """Weights add up to 100, the base fits the daily part, codes are unique, each cap can be reached."""
        problems = []
        if self.daily_weight + self.evaluation_weight != 100:
            problems.append(
                problem_at(
                    self,
                    "evaluation_weight",
                    summary="两部分满分之和不是 100",
                    expected="日常满分 + 评议满分 = 100",
                    found=f"{self.daily_weight} + {self.evaluation_weight}",
                    hint="例如 日常 80 分、评议 20 分。",
                )
            )
        if self.base > self.daily_weight:
            problems.append(
                problem_at(
                    self,
                    "base",
                    summary="基础分超过日常满分",
                    expected=f"不超过 {self.daily_weight}",
                    found=str(self.base),
                    hint="基础分是日常部分的起点。",
                )
            )
        seen: set[str] = set()
        for item in self.items:
            if item.code in seen:
                problems.append(
                    problem_at(
                        item,
                        "code",
                        summary="事项编号重复",
                        expected="同一年的每个事项编号只用一次",
                        found=item.code,
                        hint="给其中一个事项换一个编号。",
                    )
                )
            seen.add(item.code)
        return problems


@dataclass(frozen=True, kw_only=True)
class Row:
    """积分记录：哪位党员、哪天、做了哪个积分事项。分数由规则算出，不手填。"""

    member: str = spec(Reference("M001", "members", "党员"), "党员编号", "党员的编号。")
    date: date = spec(Day(), "日期", "事项发生的日期；按这一年的积分规则计分。")
    item: str = spec(Identifier("A1"), "事项编号", "积分规则里的事项编号，如 A1。")
    note: str = spec(Text(100), "说明", "具体是什么事，如 参加3月主题党日。", required=False)
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Line:
    """One item of a member's yearly score: how often, how many points, how many counted."""

    item: Item
    count: int
    raw: int
    counted: int


@dataclass(frozen=True)
class Score:
    """A member's score for one year, with every line that makes it."""

    member: str
    year: int
    rules: Rules
    lines: tuple[Line, ...]
    rows: tuple[Row, ...]

    def part(self, name: str) -> int:
        """The part's points: the sum of its counted lines (plus the base for 日常), within 0 … its weight."""
        weight = self.rules.daily_weight if name == "日常" else self.rules.evaluation_weight
        start = self.rules.base if name == "日常" else 0
        return max(0, min(weight, start + sum(line.counted for line in self.lines if line.item.part == name)))

    @property
    def daily(self) -> int:
        return self.part("日常")

    @property
    def evaluation(self) -> int:
        return self.part("评议")

    @property
    def total(self) -> int:
        return self.daily + self.evaluation


def score(rules: Rules, member: str, rows) -> Score:
    """The yearly score of `member` from the rows of that year, line by line."""
    mine = tuple(
        sorted((r for r in rows if r.member == member and r.date.year == rules.year), key=lambda r: (r.date, r.item))
    )
    lines = []
    for item in rules.items:
        count = sum(1 for r in mine if r.item == item.code)
        raw = count * item.points
        lines.append(Line(item, count, raw, max(-item.cap, min(item.cap, raw))))
    return Score(member, rules.year, rules, tuple(lines), mine)


def ranking(scores: list[Score]) -> list[tuple[int, Score]]:
    """(rank, score), highest total first; equal totals share a rank (1, 2, 2, 4)."""
    ordered = sorted(scores, key=lambda s: (-s.total, s.member))
    ranked, previous = [], None
    for position, s in enumerate(ordered, start=1):
        rank = ranked[-1][0] if previous == s.total else position
        ranked.append((rank, s))
        previous = s.total
    return ranked


def rows_fit_rules(village) -> list[Problem]:
    """Every row falls in a year that has rules and names an item of that year's rules."""
    rules: dict = {}
    problems: list[Problem] = []
    for year in village.records["point_rules"]:
        if year.year in rules:
            first = rules[year.year]
            problems.append(
                problem_at(
                    year,
                    "year",
                    summary="同一年写了两套积分规则",
                    expected="每年一套",
                    found=str(year.year),
                    hint=f"第 {first.origin.line_of('year')} 行已经写了这一年的规则；请合并成一套。",
                )
            )
        rules.setdefault(year.year, year)
    for row in village.records["point_rows"]:
        year = rules.get(row.date.year)
        if year is None:
            problems.append(
                problem_at(
                    row,
                    "date",
                    summary=f"{row.date.year} 年没有积分规则",
                    expected="已有积分规则的年份：" + ("、".join(map(str, sorted(rules))) or "无"),
                    found=row.date.isoformat(),
                    hint="先在 points/rules.yml 里写上这一年的积分规则。",
                )
            )
        elif year.item(row.item) is None:
            problems.append(
                problem_at(
                    row,
                    "item",
                    summary=f"{row.date.year} 年的积分规则里没有这个事项",
                    expected="以下编号之一：" + "、".join(i.code for i in year.items),
                    found=row.item,
                    hint="核对事项编号；新事项要先写进积分规则。",
                )
            )
    return problems


def rules_example(day: date) -> Example:
    """The rules of `day`'s year: weights that add up to 100, a base within the daily part."""
    return Example({"year": str(day.year), "base": "60", "daily_weight": "80", "evaluation_weight": "20"})


RULES = Dataset(
    "point_rules",
    "积分规则",
    Rules,
    ("points/rules.yml", "points/rules.yaml"),
    required=False,
    order=lambda r: r.year,
    example=rules_example,
    pages="points",
)
ROWS = Dataset(
    "point_rows",
    "积分记录",
    Row,
    ("points/*.csv",),
    required=False,
    public=lambda r, today: r.date <= today,
    order=lambda r: (r.date, r.member, r.item),
    check_all=rows_fit_rules,
    example=lambda day: Example(companions={"point_rules": [rules_example(day).values]}),
    derived=(
        Derived(
            "member_name",
            "党员姓名",
            "党员的姓名（来自党员名册）。",
            lambda r, village, today: village.members[r.member].name,
        ),
    ),
    pages="points",
)
