"""微心愿 / 微建议: 居民点单 → 支部派单 → 党员接单 → 完成.

Who asked is published only in a public form (a masked name or a description such as
第三组独居老人); the status comes from the dated steps and the build date.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..kinds import Choice, Day, Identifier, Reference, Text, spec
from ..problems import Problem
from ..schema import Origin, label, origin_field, problem_at
from ..status import Status
from . import Dataset, Derived, Example

WISH_TYPES = ("微心愿", "微建议")
PUBLIC_WORDS = ("村民", "群众", "老人", "农户", "住户", "家长", "学生", "儿童", "代表", "党员", "妇女", "户")
"""Words that make an asker a description rather than a name."""


class WishStatus(Status):
    """Where a wish stands. `slug` names its listing page."""

    ASKED = ("待派单", "asked")
    ASSIGNED = ("已派单", "assigned")
    TAKEN = ("已接单", "taken")
    DONE = ("已完成", "done")


@dataclass(frozen=True, kw_only=True)
class Wish:
    """微心愿或微建议：谁点单（公开写法）、支部派单、党员接单、完成日期和结果。"""

    id: str = spec(Identifier("W2026-01"), "编号", "编号，在本村唯一，如 W2026-01。")
    kind: str = spec(Choice(WISH_TYPES), "类别", "微心愿（想办的小事）或 微建议（对村里的建议）。")
    content: str = spec(Text(120), "内容", "心愿或建议的内容。")
    asker: str = spec(Text(20), "点单人", "公开写法：隐去名字的姓名（如 刘*英）或身份描述（如 第三组独居老人）。")
    group: str = spec(Text(20), "村民小组", "点单人所在的村民小组。", required=False)
    asked: date = spec(Day(), "点单日期", "居民提出的日期。")
    assigned: date = spec(Day(), "派单日期", "支部把它派给党员的日期。", required=False)
    member: str = spec(Reference("M001", "members", "党员"), "接单党员", "接单的党员编号。", required=False)
    taken: date = spec(Day(), "接单日期", "党员接单的日期。", required=False)
    done: date = spec(Day(), "完成日期", "办完的日期。", required=False)
    outcome: str = spec(Text(200), "办理结果", "办成了什么；微建议写采纳情况。", required=False)
    photo: str = spec(
        Text(60),
        "照片",
        "可不填。办理结果的照片文件名，照片放在 content/wishes/ 文件夹里，如 W2026-01.jpg。",
        required=False,
    )
    origin: Origin = origin_field()

    def status(self, today: date) -> WishStatus:
        """The step reached on `today`."""
        if self.done and self.done <= today:
            return WishStatus.DONE
        if self.taken and self.taken <= today:
            return WishStatus.TAKEN
        if self.assigned and self.assigned <= today:
            return WishStatus.ASSIGNED
        return WishStatus.ASKED

    def as_of(self, today: date) -> Wish:
        """The wish as its page shows it on `today`: steps dated later, and what they bring, left out."""

        def shown(day):
            return day if day and day <= today else None

        done = shown(self.done)
        steps: dict[str, Any] = {
            "assigned": shown(self.assigned),
            "taken": shown(self.taken),
            "done": done,
            "member": self.member if shown(self.assigned) or shown(self.taken) else None,
            "outcome": self.outcome if done else None,
            "photo": self.photo if done else None,
        }
        return dataclasses.replace(self, **steps)

    def check(self) -> list[Problem]:
        """Steps in order, each step with what it needs, and the asker in a public form."""
        problems = []
        steps = [(k, getattr(self, k)) for k in ("asked", "assigned", "taken", "done") if getattr(self, k)]
        for (before, when), (key, then) in itertools.pairwise(steps):
            if then < when:
                problems.append(
                    problem_at(
                        self,
                        key,
                        "日期早于上一步",
                        f"不早于{label(Wish, before)} {when.isoformat()}",
                        then.isoformat(),
                        "按 点单 → 派单 → 接单 → 完成 的顺序，日期不能倒退。",
                    )
                )
        if (self.assigned or self.taken) and not self.member:
            problems.append(
                problem_at(
                    self,
                    "assigned" if self.assigned else "taken",
                    "派单或接单了，却没写接单党员",
                    "在 member 里写上接单党员的编号",
                    None,
                    "例如 member: M004",
                )
            )
        if self.done and not self.taken:
            problems.append(
                problem_at(
                    self,
                    "done",
                    "没有接单日期，却填了完成日期",
                    "先写接单日期",
                    self.done.isoformat(),
                    "由哪位党员哪天接的单，都要公开。",
                )
            )
        if self.done and not self.outcome:
            problems.append(
                problem_at(
                    self,
                    "done",
                    "完成了却没写办理结果",
                    "在 outcome 里写办成了什么",
                    None,
                    "例如 outcome: 已换好路灯灯泡3个。",
                )
            )
        if _looks_like_a_full_name(self.asker):
            problems.append(
                problem_at(
                    self,
                    "asker",
                    "点单人写了完整姓名",
                    "隐去名字的写法，如 刘*英，或身份描述，如 第三组独居老人",
                    self.asker,
                    "网站只公开点单人的公开写法；完整姓名留在村里的登记本上。",
                )
            )
        return problems


def photos_exist(village) -> list[Problem]:
    """A wish's photo is a file in the village's ``content/wishes/`` folder (never a web address)."""
    problems = []
    for w in village.records["wishes"]:
        if w.photo and not (
            village.content and _is_plain_name(w.photo) and (village.content / "wishes" / w.photo).is_file()
        ):
            problems.append(
                problem_at(
                    w,
                    "photo",
                    "找不到照片文件",
                    "content/wishes/ 文件夹里的一个文件名，如 W2026-01.jpg",
                    w.photo,
                    "把照片放进 content/wishes/ 文件夹，文件名只用字母、数字、短横线和扩展名。",
                )
            )
    return problems


def _is_plain_name(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9\-_]*\.(jpg|jpeg|png|svg|webp)", name, re.IGNORECASE))


def _looks_like_a_full_name(text: str) -> bool:
    """Two to four Chinese characters with no mask and no word that makes it a description."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text)) and not any(w in text for w in PUBLIC_WORDS)


DATASET = Dataset(
    "wishes",
    "微心愿",
    Wish,
    ("wishes.yml", "wishes/*.yml", "wishes/*.yaml"),
    required=False,
    public=lambda w, today: w.asked <= today,
    published_on=lambda w: w.asked,
    shown_as=lambda w, today: w.as_of(today),
    check_all=photos_exist,
    order=lambda w: (w.asked, w.id),
    example=lambda day: Example({"photo": None}),  # a photo must be a file in content/wishes/
    derived=(
        Derived(
            "status",
            "状态",
            "由各步骤日期推算：" + "、".join(s.text for s in WishStatus) + "。",
            lambda w, village, today: w.status(today).text,
        ),
    ),
    pages="wishes",
)
