"""Mentoring pairs (结对帮带) and their responsibility cards (责任卡).

"2+1": two Party members mentor one local talent for two years, toward membership.
"1+1": one local talent teaches one member a trade.
Who is in a pair is checked against the registers; the pair's kind fixes how many members it
has and who teaches whom; the period must fit the kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..kinds import Choice, Day, Identifier, ListOf, Reference, References, Text, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from ..status import Status
from . import Dataset, Example

PAIR_TYPES = {"2+1": ("两名党员帮带一名乡土人才", 2), "1+1": ("一名乡土人才传授一名党员技能", 1)}
"""Kind → (what it means, how many members it has)."""
SLACK = timedelta(days=31)
"""How far a "2+1" pair's end may be from exactly two years after its start."""


class PairStatus(Status):
    """Where a mentoring pair stands, from its period."""

    NOT_STARTED = ("未开始", "not-started")
    ONGOING = ("进行中", "ongoing")
    ENDED = ("已期满", "ended")


@dataclass(frozen=True, kw_only=True)
class PairEntry:
    """帮带记录：一次帮带活动或阶段进展。"""

    date: date = spec(Day(), "日期", "这次帮带的日期。")
    text: str = spec(Text(200), "内容", "做了什么、效果如何。")
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Pair:
    """结对帮带责任卡：结对方式、党员和人才、帮带目标、期限、帮带记录和成效。"""

    id: str = spec(Identifier("JD-2025-01"), "编号", "结对编号，在本村唯一，如 JD-2025-01。")
    kind: str = spec(
        Choice(tuple(PAIR_TYPES)),
        "结对方式",
        "“2+1”：两名党员帮带一名乡土人才，为期两年；“1+1”：一名乡土人才向一名党员传授技能。",
    )
    members: tuple = spec(
        References("M001", "members", "党员"), "党员编号", "结对的党员编号：“2+1”写两名，“1+1”写一名，用顿号隔开。"
    )
    talent: str = spec(Reference("T001", "talents", "乡土人才"), "人才编号", "结对的乡土人才编号。")
    start: date = spec(Day(), "开始日期", "结对开始的日期。")
    end: date = spec(Day(), "结束日期", "结对期满的日期：“2+1”为开始后两年，“1+1”不超过两年。")
    goals: str = spec(Text(200), "帮带目标", "责任卡上写明的目标，如 掌握油茶嫁接技术、列为入党积极分子。")
    trade: str = spec(Text(40), "帮带内容", "传授的技能或帮带的方向。", required=False)
    entries: tuple = spec(ListOf(PairEntry), "帮带记录", "帮带活动和进展，按日期先后。", required=False)
    outcome: str = spec(Text(200), "帮带成效", "期满时的成效评定。", required=False)
    origin: Origin = origin_field()

    def mentors(self) -> tuple[str, ...]:
        """Who teaches: the members in a "2+1" pair, the talent in a "1+1" pair."""
        return self.members if self.kind == "2+1" else (self.talent,)

    def mentees(self) -> tuple[str, ...]:
        """Who is taught."""
        return (self.talent,) if self.kind == "2+1" else self.members

    def people(self) -> tuple[str, ...]:
        return self.mentors() + self.mentees()

    def status(self, today: date) -> PairStatus:
        """未开始 / 进行中 / 已期满, from the period and the build date."""
        if today < self.start:
            return PairStatus.NOT_STARTED
        return PairStatus.ENDED if self.end < today else PairStatus.ONGOING

    def check(self) -> list[Problem]:
        """The number of members fits the kind; the period fits the kind; entries lie inside it."""
        problems = []
        meaning, count = PAIR_TYPES[self.kind]
        if len(self.members) != count:
            problems.append(
                problem_at(
                    self,
                    "members",
                    "党员人数与结对方式不符",
                    f"“{self.kind}”（{meaning}）写 {count} 名党员的编号",
                    "、".join(self.members),
                    "“2+1”写两名党员，“1+1”写一名党员；人才编号写在 talent 字段。",
                )
            )
        problems += self._period_problems()
        for entry in self.entries:
            if not self.start <= entry.date <= self.end:
                problems.append(
                    problem_at(
                        entry,
                        "date",
                        summary="帮带记录的日期不在结对期限内",
                        expected=f"{self.start.isoformat()} 至 {self.end.isoformat()} 之间",
                        found=entry.date.isoformat(),
                        hint="核对日期，或先修改结对的开始、结束日期。",
                    )
                )
        return problems

    def _period_problems(self) -> list[Problem]:
        if self.end <= self.start:
            return [
                problem_at(
                    self,
                    "end",
                    "结束日期不晚于开始日期",
                    f"晚于 {self.start.isoformat()}",
                    self.end.isoformat(),
                    "核对结对的开始和结束日期。",
                )
            ]
        two_years = _years_after(self.start, 2)
        if self.kind == "2+1" and abs(self.end - two_years) > SLACK:
            return [
                problem_at(
                    self,
                    "end",
                    "“2+1”结对的期限不是两年",
                    f"{(two_years - SLACK).isoformat()} 至 {(two_years + SLACK).isoformat()} 之间（开始后两年）",
                    self.end.isoformat(),
                    "“2+1”结对为期两年；提前结束的，结束日期照写，在帮带成效里说明。",
                )
            ]
        if self.kind == "1+1" and self.end > two_years:
            return [
                problem_at(
                    self,
                    "end",
                    "“1+1”结对的期限超过两年",
                    f"不晚于 {two_years.isoformat()}",
                    self.end.isoformat(),
                    "期满后还要继续的，另建一张新的责任卡。",
                )
            ]
        return []


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def roles(village) -> list[Problem]:
    """A "2+1" pair mentors a talent who is not yet a member; nobody is in a pair twice."""
    problems = []
    for pair in village.records["mentoring"]:
        talent = village.by_id("talents")[pair.talent]
        member = village.members.get(talent.member) if talent.member else None
        if pair.kind == "2+1" and member and member.joined <= pair.start.year:
            problems.append(
                problem_at(
                    pair,
                    "talent",
                    "“2+1”帮带的人才在结对开始时已经是党员",
                    f"入党年份晚于 {pair.start.year} 年的人才",
                    pair.talent,
                    f"{talent.name}已于 {member.joined} 年入党（{member.id}）；“2+1”是帮带人才向党组织靠拢。",
                )
            )
        if talent.member and talent.member in pair.members:
            problems.append(
                problem_at(
                    pair,
                    "members",
                    "同一个人既是帮带党员又是被帮带的人才",
                    "另一名党员的编号",
                    talent.member,
                    "一对结对里的人不能重复。",
                )
            )
    return problems


def example(day: date) -> Example:
    """A "1+1" pair for a year from `day`, with its talent (not a member, so in no pair twice)."""
    return Example({"kind": "1+1", "end": (day + timedelta(days=365)).isoformat()}, {"talents": [{"member": None}]})


DATASET = Dataset(
    "mentoring",
    "结对帮带",
    Pair,
    ("mentoring.yml", "mentoring/*.yml", "mentoring/*.yaml"),
    required=False,
    order=lambda p: (p.start, p.id),
    check_all=roles,
    example=example,
    pages="mentoring",
)
