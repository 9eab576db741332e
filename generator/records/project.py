"""Village projects (村级项目): budget, funding, contractor, dates, progress; spending from the ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..kinds import Day, Identifier, Integer, ListOf, Money, Reference, Text, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from ..status import Status
from . import Dataset, Derived


class ProjectStatus(Status):
    """Where a village project stands, from its dates."""

    NOT_STARTED = ("未开工", "not-started")
    UNDER_WAY = ("实施中", "under-way")
    ACCEPTED = ("已验收", "accepted")


@dataclass(frozen=True, kw_only=True)
class Milestone:
    """项目进度：一条进展。"""

    date: date = spec(Day(), "日期", "这条进展的日期。")
    percent: int = spec(Integer(0, 100), "完成比例", "到这一天完成了百分之几（0–100）。")
    text: str = spec(Text(300), "进展", "做了什么。")
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Project:
    """村级项目：预算、资金来源、施工单位、开工和验收日期、进度；支出来自财务明细里标了项目编号的行。"""

    id: str = spec(Identifier("XM-2026-01"), "编号", "项目编号，如 XM-2026-01；财务明细的“项目编号”一列引用它。")
    name: str = spec(Text(80), "项目名称", "项目名称。")
    description: str = spec(Text(600), "建设内容", "建设内容和规模。", required=False)
    budget: Decimal = spec(Money(), "预算", "项目预算（元）。")
    funding: str = spec(Text(120), "资金来源", "如 县级衔接资金30万元、村集体自筹5万元。")
    contractor: str = spec(Text(60), "施工单位", "施工或承接单位。", required=False)
    decision: str = spec(
        Reference("JC-2026-01", target="decisions", title="四议两公开决策"),
        "决策编号",
        "决定这个项目的四议两公开决策编号。",
        required=False,
    )
    published: date = spec(Day(), "发布日期", "在本站公开的日期。")
    started: date = spec(Day(), "开工日期", "开工日期。", required=False)
    accepted: date = spec(Day(), "验收日期", "竣工验收日期。", required=False)
    progress: tuple = spec(ListOf(Milestone), "进度", "进展记录，按日期先后。", required=False)
    origin: Origin = origin_field()

    def is_public(self, today: date) -> bool:
        return self.published <= today

    def percent(self, today: date) -> int:
        """How far the project is on `today`: 100 once accepted, else its latest progress entry."""
        if self.accepted and self.accepted <= today:
            return 100
        shown = [m for m in self.progress if m.date <= today]
        return shown[-1].percent if shown else 0

    def status(self, today: date) -> ProjectStatus:
        if self.accepted and self.accepted <= today:
            return ProjectStatus.ACCEPTED
        return ProjectStatus.UNDER_WAY if self.started and self.started <= today else ProjectStatus.NOT_STARTED

    def check(self) -> list[Problem]:
        problems = []
        for before, after in zip(self.progress, self.progress[1:], strict=False):
            if after.date < before.date or after.percent < before.percent:
                problems.append(
                    Problem(
                        after.origin.file,
                        after.origin.line,
                        "进度",
                        summary="进度记录的日期或完成比例倒退了",
                        expected=f"日期不早于 {before.date.isoformat()}，比例不低于 {before.percent}%",
                        found=f"{after.date.isoformat()} {after.percent}%",
                        hint="按日期先后写，比例只增不减。",
                    )
                )
        if self.accepted and self.started and self.accepted < self.started:
            problems.append(
                problem_at(
                    self,
                    "accepted",
                    summary="验收日期早于开工日期",
                    expected=f"不早于 {self.started.isoformat()}",
                    found=self.accepted.isoformat(),
                    hint="请核对日期。",
                )
            )
        return problems


def spending(project: Project, village, today: date) -> list:
    """The published ledger rows that name this project."""
    return [e for e in village.public("ledger", today) if e.project == project.id]


DATASET = Dataset(
    "projects",
    "村级项目",
    Project,
    ("projects/*.yml", "projects/*.yaml"),
    required=False,
    public=Project.is_public,
    order=lambda p: (p.published, p.id),
    derived=(
        Derived("status", "状态", "未开工、实施中、已验收（由日期推算）。", lambda p, v, t: p.status(t).text),
        Derived("percent", "完成比例", "最近一条进度的完成比例；验收后为 100。", lambda p, v, t: p.percent(t)),
        Derived(
            "spent",
            "已支出",
            "财务明细里标了这个项目编号、已公开的支出之和（元）。",
            lambda p, v, t: sum((e.expense or Decimal(0) for e in spending(p, v, t)), Decimal("0.00")),
        ),
    ),
    pages="projects",
)
