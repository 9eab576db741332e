"""Local talents (乡土人才) who are not Party members: public fields only.

Members keep their own register (`members.csv`); a talent has an id of its own (T001 …) and,
once developed into a Party member, names the member record (`member`). Ids of the two
datasets never overlap, so any record can name "a person" with one id.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import Choice, Identifier, Reference, Text, Year, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from . import Dataset

TALENT_TYPE_SLUGS = {
    "生产能手": "producer",
    "经营能人": "trader",
    "能工巧匠": "craftsman",
    "文化能人": "culture",
    "返乡创业": "returnee",
}
"""Kinds of local talent and the slug of each one's listing page."""


@dataclass(frozen=True, kw_only=True)
class Talent:
    """乡土人才（公开字段）：编号、姓名、村民小组、人才类型、专长、从事行业、荣誉，以及是否已发展为党员。"""

    id: str = spec(Identifier("T001"), "编号", "人才编号，在本村唯一，不能与党员编号相同，如 T001。")
    name: str = spec(Text(20), "姓名", "姓名；如需隐去可写作 张*明。")
    group: str = spec(Text(20), "村民小组", "所在村民小组，如 第三组。")
    kind: str = spec(Choice(tuple(TALENT_TYPE_SLUGS)), "人才类型", "人才类型：" + " / ".join(TALENT_TYPE_SLUGS) + "。")
    skills: str = spec(Text(80), "专长", "技能专长，多项用分号隔开，如 果树嫁接；农机维修。")
    trade: str = spec(Text(40), "从事行业", "现在从事的行业或经营的项目。", required=False)
    honours: str = spec(Text(120), "荣誉", "获得的荣誉。", required=False)
    since: int = spec(Year(), "入库年份", "列入本村人才库的年份。", required=False)
    member: str = spec(
        Reference("M001", "members", "党员"),
        "党员编号",
        "已发展为党员的，写党员名册里的编号；否则留空。",
        required=False,
    )
    origin: Origin = origin_field()


def distinct_ids(village) -> list[Problem]:
    """A talent's id must not be a member's id: records name people by one id."""
    return [
        problem_at(
            t,
            "id",
            summary="人才编号与党员编号重复",
            expected="党员名册里没有用过的编号",
            found=t.id,
            hint="人才编号建议以 T 开头，如 T001。",
        )
        for t in village.records["talents"]
        if t.id in village.members
    ]


DATASET = Dataset(
    "talents",
    "乡土人才",
    Talent,
    ("talents.csv", "talents.yml", "talents.yaml"),
    required=False,
    check_all=distinct_ids,
    pages="people",
)
