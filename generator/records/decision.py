"""Decisions under 四议两公开: six dated steps, with attendance and votes where a step is a meeting.

党支部提议 → 两委会商议 → 党员大会审议 → 村民(代表)会议决议 → 决议公开 → 实施结果公开.
The check refuses counts that cannot be true (votes above attendance, attendance above the body's
size); a missing or out-of-order step is not refused but marked on the page, for villagers to see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds import Choice, Day, Identifier, Integer, ListOf, Text, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from ..status import Status
from . import Dataset, Derived

STEPS = ("党支部提议", "两委会商议", "党员大会审议", "村民(代表)会议决议", "决议公开", "实施结果公开")


class DecisionStatus(Status):
    """Where a decision stands: 进行中 until its 实施结果公开 step is dated."""

    ONGOING = ("进行中", "ongoing")
    DONE = ("已完成", "done")


@dataclass(frozen=True, kw_only=True)
class Step:
    """四议两公开的一步：日期；开会的步骤写应到、实到人数和表决票数。"""

    step: str = spec(Choice(STEPS), "步骤", " / ".join(STEPS) + " 之一。")
    date: date = spec(Day(), "日期", "这一步的日期（会议日期或公开日期）。")
    members: int = spec(
        Integer(1, 10000, sample=35),
        "应到人数",
        "参加这次会议的组织应有的人数（如党员总数、村民代表总数）。",
        required=False,
    )
    present: int = spec(Integer(0, 10000, sample=30), "实到人数", "实际到会人数。", required=False)
    agreed: int = spec(Integer(0, 10000, sample=28), "赞成", "赞成票数。", required=False)
    against: int = spec(Integer(0, 10000, sample=1), "反对", "反对票数。", required=False)
    abstained: int = spec(Integer(0, 10000, sample=1), "弃权", "弃权票数。", required=False)
    note: str = spec(Text(300), "说明", "会议或公开的情况，如 公开栏张贴7天。", required=False)
    origin: Origin = origin_field()

    def votes(self) -> int:
        return sum(v or 0 for v in (self.agreed, self.against, self.abstained))

    def check(self) -> list[Problem]:
        """Votes ≤ attendance ≤ the body's size, and counts only with the count they depend on."""
        o, problems = self.origin, []
        if self.present is not None and self.members is None:
            problems.append(
                problem_at(
                    self,
                    "present",
                    summary="写了实到人数，却没写应到人数",
                    expected="同时写应到人数",
                    found=str(self.present),
                    hint="应到人数是这个组织的总人数，如 党员 46 人。",
                )
            )
        elif self.present is not None and self.present > self.members:
            problems.append(
                problem_at(
                    self,
                    "present",
                    summary="实到人数多于应到人数",
                    expected=f"不超过应到人数 {self.members}",
                    found=str(self.present),
                    hint="核对会议签到表。",
                )
            )
        voted = any(v is not None for v in (self.agreed, self.against, self.abstained))
        if voted and self.present is None:
            problems.append(
                Problem(
                    o.file,
                    o.line,
                    o.name_of(Step, "agreed") if self.agreed is not None else "赞成/反对/弃权",
                    summary="写了表决票数，却没写实到人数",
                    expected="同时写实到人数",
                    hint="表决票数不能多于到会人数，所以要写实到人数。",
                )
            )
        elif voted and self.votes() > self.present:
            problems.append(
                Problem(
                    o.file,
                    o.line,
                    "赞成/反对/弃权",
                    summary="表决票数多于实到人数",
                    expected=f"赞成、反对、弃权合计不超过实到人数 {self.present}",
                    found=str(self.votes()),
                    hint="核对表决记录。",
                )
            )
        return problems


@dataclass(frozen=True)
class Stage:
    """One of the six steps as the page shows it."""

    name: str
    step: Step | None
    state: str
    """done / missing (a later step happened without it) / disorder (dated before an earlier step) / todo."""


@dataclass(frozen=True, kw_only=True)
class Decision:
    """四议两公开：一项重大事项的决策过程，六个步骤各有日期，开会的步骤有到会和表决情况。"""

    id: str = spec(Identifier("JC-2026-01"), "编号", "决策编号，如 JC-2026-01；用于网址。")
    title: str = spec(Text(80), "事项", "决策的事项，如 村道硬化项目实施方案。")
    summary: str = spec(Text(600), "内容", "决议的主要内容。")
    published: date = spec(Day(), "发布日期", "在本站公开的日期；晚于生成日期的不显示。")
    steps: tuple = spec(ListOf(Step), "步骤", "已进行的步骤，每步一项。")
    origin: Origin = origin_field()

    def is_public(self, today: date) -> bool:
        return self.published <= today

    def stages(self, today: date) -> list[Stage]:
        """The six steps in order, each marked done, missing, out of order or still to come."""
        done = {s.step: s for s in self.steps if s.date <= today}
        last = max((STEPS.index(n) for n in done), default=-1)
        stages, latest = [], None
        for i, name in enumerate(STEPS):
            step = done.get(name)
            if step is None:
                stages.append(Stage(name, None, "missing" if i < last else "todo"))
                continue
            stages.append(Stage(name, step, "disorder" if latest and step.date < latest else "done"))
            latest = max(latest or step.date, step.date)
        return stages

    def irregular(self, today: date) -> bool:
        """True when a step is missing or out of order."""
        return any(s.state in ("missing", "disorder") for s in self.stages(today))

    def status(self, today: date) -> DecisionStatus:
        done = any(s.step == STEPS[-1] and s.date <= today for s in self.steps)
        return DecisionStatus.DONE if done else DecisionStatus.ONGOING

    def check(self) -> list[Problem]:
        """Each step's counts, and no step twice."""
        seen: dict = {}
        problems = [p for s in self.steps for p in s.check()]
        for s in self.steps:
            if s.step in seen:
                problems.append(
                    problem_at(
                        s,
                        "step",
                        summary="同一步骤写了两次",
                        expected="每个步骤只写一次",
                        found=s.step,
                        hint=f"第 {seen[s.step]} 行已经写了这一步；同一步开了两次会请合并，在说明里写清楚。",
                    )
                )
            seen.setdefault(s.step, s.origin.line_of("step"))
        return problems


def check_party_meetings(village) -> list[Problem]:
    """A 党员大会's expected attendance cannot exceed the members in the register."""
    registered, problems = len(village.records["members"]), []
    for decision in village.records["decisions"]:
        for s in decision.steps:
            if s.step == "党员大会审议" and s.members is not None and s.members > registered:
                problems.append(
                    problem_at(
                        s,
                        "members",
                        summary="党员大会的应到人数多于党员名册里的人数",
                        expected=f"不超过党员名册里的 {registered} 人",
                        found=str(s.members),
                        hint="核对应到人数；如果名册不全，请先补全党员名册。",
                    )
                )
    return problems


DATASET = Dataset(
    "decisions",
    "四议两公开",
    Decision,
    ("decisions/*.yml", "decisions/*.yaml"),
    required=False,
    public=Decision.is_public,
    order=lambda d: (d.published, d.id),
    check_all=check_party_meetings,
    derived=(
        Derived(
            "status", "状态", "进行中，或 已完成（实施结果已公开）。", lambda d, village, today: d.status(today).text
        ),
        Derived(
            "irregular",
            "程序不完整",
            "有步骤缺失或顺序颠倒时为“是”。",
            lambda d, village, today: "是" if d.irregular(today) else "否",
        ),
    ),
    pages="decisions",
)
