"""Name lists (名单公示): subsidy, low-income and other lists, published with personal data masked.

A list is described in ``lists/*.yml`` (title, 公示期, basis); its rows are in ``lists/*.csv`` or
``lists/*.xlsx``, each row naming its list. Only the columns declared `Personal` may hold a name,
ID number, phone or bank account, and they are masked by the site's rules before anything is
rendered; a personal number in any other column stops the build (`Text` refuses it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..kinds import Day, Identifier, Money, Personal, Private, Reference, Text, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from . import Dataset, Example, Part
from .notice import NoticeStatus


@dataclass(frozen=True, kw_only=True)
class NameList:
    """名单公示：名单的标题、依据、公示期；名单的每一行在同一文件夹的表格里。"""

    id: str = spec(Identifier("MD-2026-01"), "编号", "名单编号，如 MD-2026-01；表格里的“名单编号”一列引用它。")
    title: str = spec(Text(80), "标题", "如 2026年第三季度农村低保对象名单公示。")
    basis: str = spec(Text(300), "依据", "评定依据和程序，如 经村民代表会议评议、镇审核。")
    published: date = spec(Day(), "发布日期", "发布日期；晚于生成日期的不显示。")
    start: date = spec(Day(), "公示开始", "公示期的第一天。")
    end: date = spec(Day(), "公示结束", "公示期的最后一天，村民在此之前可以提出异议。")
    origin: Origin = origin_field()

    def is_public(self, today: date) -> bool:
        return self.published <= today

    def status(self, today: date) -> NoticeStatus:
        if today < self.start:
            return NoticeStatus.UPCOMING
        return NoticeStatus.OPEN if today <= self.end else NoticeStatus.CLOSED

    def check(self) -> list[Problem]:
        if self.end < self.start:
            return [
                problem_at(
                    self,
                    "end",
                    summary="公示结束早于公示开始",
                    expected=f"不早于 {self.start.isoformat()}",
                    found=self.end.isoformat(),
                    hint="请核对公示期。",
                )
            ]
        return []


@dataclass(frozen=True, kw_only=True)
class ListEntry:
    """名单的一行：姓名、身份证号、电话、账号只以脱敏形式公开。"""

    list_id: str = spec(Reference("MD-2026-01", target="namelists", title="名单"), "名单编号", "这一行属于哪份名单。")
    name: str = spec(Personal("name"), "姓名", "姓名；公开时脱敏，如 张*明。")
    id_number: str = spec(
        Personal("id_number"),
        "身份证号",
        "身份证号；公开时只保留前 6 位和后 4 位（或按站点设置更少）。",
        required=False,
    )
    phone: str = spec(Personal("phone"), "联系电话", "电话；公开时只保留前 3 位和后 4 位。", required=False)
    bank_account: str = spec(
        Personal("bank_account"), "银行账号", "发放账号；公开时只保留前 6 位和后 4 位。", required=False
    )
    group: str = spec(Text(20), "村民小组", "所在村民小组。", required=False)
    address: str = spec(Private(), "住址", "家庭住址，供村委会核对，网站和下载里都不会出现。", required=False)
    household: str = spec(Text(10), "家庭人口", "家庭人口数或享受人数。", required=False)
    item: str = spec(Text(60), "项目", "补贴或救助项目，如 农村低保（二类）。", required=False)
    amount: Decimal = spec(Money(), "金额", "每月或一次性金额（元）。", required=False)
    note: str = spec(Text(120), "备注", "备注。", required=False)
    origin: Origin = origin_field()


def entry_is_public(entry: ListEntry, village, today: date) -> bool:
    named = village.by_id("namelists").get(entry.list_id)
    return named is not None and named.is_public(today)


LISTS = Dataset(
    "namelists",
    "名单公示",
    NameList,
    ("lists/*.yml", "lists/*.yaml"),
    required=False,
    public=NameList.is_public,
    order=lambda n: (n.published, n.id),
    pages="namelists",
)
DATASET = Dataset(
    "list_entries",
    "名单明细（已脱敏）",
    ListEntry,
    ("lists/*.csv", "lists/*.xlsx"),
    required=False,
    public_in=entry_is_public,
    order=lambda e: (e.list_id, e.origin.file, e.origin.line),
    example=lambda day: Example(companions={"namelists": [{}]}),
    pages="namelists",
    part_of=Part(
        "namelists",
        lambda e: e.list_id,
        "名单",
        "名单各行按公开的内容（脱敏后）对应：内容有改动的行显示为删除一行、新增一行。",
    ),
)
