"""Public pledges (公开承诺) and their five steps: 定诺 → 审诺 → 晒诺 → 践诺 → 评诺.

Status is derived from the dated steps and the build date, never typed by hand. A pledge that
the branch has not approved and published is never shown on the site.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..kinds import Choice, Day, Identifier, Integer, ListOf, Nested, Reference, Text, spec
from ..problems import Problem
from ..schema import Origin, label, origin_field, problem_at
from ..status import Status
from . import Dataset, Derived

CATEGORIES = {
    "学习": "study",
    "工作": "work",
    "自律": "discipline",
    "服务": "service",
    "帮带": "mentoring",
    "为民办实事": "practical",
}
"""Pledge categories and the slug of each one's listing page."""

RESULTS = ("好", "较好", "一般", "差")


class PledgeStatus(Status):
    """What a pledge's dates say about it. `slug` names its listing page."""

    DRAFT = ("待审", "draft")
    RETURNED = ("已退回", "returned")
    PUBLISHED = ("已公开", "published")
    ACTING = ("践诺中", "in-progress")
    DONE = ("已完成", "done")
    OVERDUE = ("逾期", "overdue")
    UNFULFILLED = ("未兑现", "unfulfilled")


PUBLIC_STATUSES = (
    PledgeStatus.PUBLISHED,
    PledgeStatus.ACTING,
    PledgeStatus.DONE,
    PledgeStatus.OVERDUE,
    PledgeStatus.UNFULFILLED,
)


@dataclass(frozen=True, kw_only=True)
class Review:
    """支部审诺：一次审核的日期和结果。"""

    date: date = spec(Day(), "审诺日期", "支部审核的日期。")
    outcome: str = spec(Choice(("通过", "退回")), "审核结果", "通过 或 退回。")
    note: str = spec(Text(200), "审核意见", "审核意见；退回时写明原因。", required=False)
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Progress:
    """党员践诺：一条进展记录。"""

    date: date = spec(Day(), "践诺日期", "这项进展发生的日期。")
    text: str = spec(Text(300), "进展", "做了什么、结果如何。")
    evidence: str = spec(Text(200), "佐证", "佐证材料及存放处，如 现场照片4张（存村部档案室）。", required=False)
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Evaluation:
    """民主评诺：评议的日期、结果和分数。"""

    date: date = spec(Day(), "评诺日期", "民主评议的日期。")
    result: str = spec(Choice(RESULTS), "评议结果", "好 / 较好 / 一般 / 差。")
    score: int = spec(Integer(0, 100), "评议得分", "百分制得分，可不填。", required=False)
    by: str = spec(Text(60), "评议方式", "谁参与评议，如 党员大会与群众代表评议。", required=False)
    note: str = spec(Text(200), "评语", "评议意见。", required=False)
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Pledge:
    """党员公开承诺：内容、类别、时限，以及定诺、审诺、晒诺、践诺、评诺五个步骤的记录。"""

    id: str = spec(Identifier("2025-001"), "编号", "承诺编号，在本村唯一，如 2025-001；承诺页面的网址由它而来。")
    member: str = spec(Reference("M001", "members", "党员"), "党员编号", "作出承诺的党员的编号（见党员名册）。")
    category: str = spec(Choice(tuple(CATEGORIES)), "类别", "承诺类别：" + " / ".join(CATEGORIES) + "。")
    content: str = spec(Text(200), "承诺内容", "承诺做什么，写具体。")
    measures: str = spec(Text(300), "具体措施", "怎么做。", required=False)
    target_date: date = spec(Day(), "承诺完成时限", "承诺在哪一天之前完成。")
    drafted: date = spec(Day(), "定诺日期", "党员提交承诺的日期。")
    reviews: tuple = spec(
        ListOf(Review), "审诺记录", "支部审核记录，按日期先后；最后一次决定是否公开。", required=False
    )
    published: date = spec(Day(), "晒诺日期", "公开承诺的日期；审核通过后才填。", required=False)
    progress: tuple = spec(ListOf(Progress), "践诺记录", "践诺进展，按日期先后。", required=False)
    completed: date | None = spec(Day(), "完成日期", "承诺完成的日期。", required=False)
    evaluation: Evaluation | None = spec(Nested(Evaluation), "评诺", "民主评议结果。", required=False)
    points: int = spec(Integer(-10, 20), "积分", "这项承诺计入的积分。", required=False)
    origin: Origin = origin_field()

    def approved(self) -> bool:
        """True when the last review approved the pledge."""
        return bool(self.reviews) and self.reviews[-1].outcome == "通过"

    def status(self, today: date) -> PledgeStatus:
        """The status on `today`, from the dated steps alone."""
        if not self.reviews:
            return PledgeStatus.DRAFT
        if not self.approved() or self.published is None or self.published > today:
            return PledgeStatus.RETURNED if not self.approved() else PledgeStatus.DRAFT
        if self.completed and self.completed <= today:
            failed = self.evaluation and self.evaluation.result == "差" and self.evaluation.date <= today
            return PledgeStatus.UNFULFILLED if failed else PledgeStatus.DONE
        if self.evaluation and self.evaluation.date <= today and self.evaluation.result == "差":
            return PledgeStatus.UNFULFILLED
        if self.target_date < today:
            return PledgeStatus.OVERDUE
        if any(p.date <= today for p in self.progress):
            return PledgeStatus.ACTING
        return PledgeStatus.PUBLISHED

    def is_public(self, today: date) -> bool:
        return self.status(today) in PUBLIC_STATUSES

    def as_of(self, today: date) -> Pledge:
        """The pledge as the site shows it on `today`: steps dated later are left out."""
        return dataclasses.replace(
            self,
            reviews=tuple(r for r in self.reviews if r.date <= today),
            progress=tuple(p for p in self.progress if p.date <= today),
            completed=self.completed if self.completed and self.completed <= today else None,
            evaluation=self.evaluation if self.evaluation and self.evaluation.date <= today else None,
        )

    def last_change(self) -> date:
        """The latest date among the pledge's public steps."""
        dates = [self.published, self.completed, *(p.date for p in self.progress)]
        if self.evaluation:
            dates.append(self.evaluation.date)
        return max(d for d in dates if d)

    def check(self) -> list[Problem]:
        """Dates must follow the lifecycle order; a published date needs an approving review."""
        problems = []
        steps = self._dated_steps()
        for (earlier, when, _), (_, then, (record, key)) in itertools.pairwise(steps):
            if then < when:
                problems.append(
                    problem_at(
                        record,
                        key,
                        summary="日期早于上一步",
                        expected=f"不早于{earlier} {when.isoformat()}",
                        found=then.isoformat(),
                        hint="承诺的步骤按 定诺 → 审诺 → 晒诺 → 践诺 → 完成 → 评诺 的顺序，日期不能倒退；请核对日期。",
                    )
                )
        if self.target_date < self.drafted:
            problems.append(
                problem_at(
                    self,
                    "target_date",
                    summary="完成时限早于定诺日期",
                    expected=f"不早于 {self.drafted.isoformat()}",
                    found=self.target_date.isoformat(),
                    hint="请核对承诺完成时限。",
                )
            )
        if self.published and not self.approved():
            problems.append(
                problem_at(
                    self,
                    "published",
                    summary="没有审核通过的记录，却填了晒诺日期",
                    expected="先在 reviews 里记下“通过”的审核，再填晒诺日期",
                    found=self.published.isoformat(),
                    hint="未经支部审核通过的承诺不能公开。",
                )
            )
        return problems

    def _dated_steps(self) -> list[tuple[str, date, tuple[Any, str]]]:
        """(Chinese label, date, (record, field key)) for each dated step, in lifecycle order."""

        def step(record, key):
            return label(type(record), key), getattr(record, key), (record, key)

        steps = [step(self, "drafted")] + [step(r, "date") for r in self.reviews]
        if self.published:
            steps.append(step(self, "published"))
        steps += [step(p, "date") for p in self.progress]
        if self.completed:
            steps.append(step(self, "completed"))
        if self.evaluation:
            steps.append(step(self.evaluation, "date"))
        return steps


DATASET = Dataset(
    "pledges",
    "公开承诺",
    Pledge,
    ("pledges/*.yml", "pledges/*.yaml"),
    required=False,
    public=Pledge.is_public,
    published_on=lambda p: p.published,
    shown_as=Pledge.as_of,
    derived=(
        Derived(
            "status",
            "状态",
            "由各步骤日期和生成日期推算：" + "、".join(s.text for s in PUBLIC_STATUSES) + "。",
            lambda p, village, today: p.status(today).text,
        ),
        Derived(
            "member_name",
            "党员姓名",
            "作出承诺的党员的姓名（来自党员名册）。",
            lambda p, village, today: village.members[p.member].name,
        ),
    ),
    pages="pledges",
)
