"""Party members (党员): public fields only. No ID number, phone or address, ever."""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import Choice, Identifier, Text, Year, spec
from ..schema import Origin, origin_field
from . import Dataset

SHUANGDAI_TYPES = ("创业致富", "创新转型", "创优提质")


@dataclass(frozen=True, kw_only=True)
class Member:
    """党员名册（公开字段）：编号、姓名、支部、职务、入党年份、党员类别、双带类型等。"""

    id: str = spec(Identifier("M001"), "编号", "党员编号，在本村唯一，如 M001；用于网址和承诺的引用。")
    name: str = spec(Text(20), "姓名", "姓名；如需隐去可写作 张*明。")
    branch: str = spec(Text(40), "党支部", "所在党支部或党小组。")
    post: str = spec(Text(40), "职务", "党内或村内职务，没有可留空。", required=False)
    joined: int = spec(Year(), "入党年份", "入党的年份，四位数字。")
    membership: str = spec(Choice(("正式党员", "预备党员")), "党员类别", "正式党员 或 预备党员。")
    shuangdai: str = spec(
        Choice(SHUANGDAI_TYPES),
        "双带类型",
        "“双带”型党员的类型：创业致富 / 创新转型 / 创优提质；不是可留空。",
        required=False,
    )
    group: str = spec(Text(20), "村民小组", "所在村民小组，如 第三组。", required=False)
    skills: str = spec(Text(80), "专长", "技能专长，如 果树嫁接；农机维修。", required=False)
    honours: str = spec(Text(120), "荣誉", "获得的荣誉。", required=False)
    origin: Origin = origin_field()


DATASET = Dataset("members", "党员名册", Member, ("members.csv", "members.yml", "members.yaml"), pages="members")
