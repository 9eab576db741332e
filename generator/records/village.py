"""The village profile (村庄概况): who runs the village and where to ask or object."""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import Integer, ListOf, Nested, Phone, Text, spec
from ..schema import Origin, origin_field
from . import Dataset


@dataclass(frozen=True, kw_only=True)
class CommitteeMember:
    """A member of the 两委 or the 村务监督委员会."""

    name: str = spec(Text(20), "姓名", "姓名。")
    post: str = spec(Text(40), "职务", "在该班子中的职务，如 党支部书记、委员。")
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Contact:
    """Where villagers can go: a named office or person, its phone and place."""

    name: str = spec(Text(60), "名称", "受理的机构或联系人，如 村务监督委员会。")
    phone: str = spec(Phone(), "电话", "公开的办公电话或热线（会在网站上公开）。", required=False)
    place: str = spec(Text(80), "地点", "办公地点。", required=False)
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class VillageProfile:
    """村庄概况：村名、所属乡镇和县、两委和监督委员会成员、办公时间、咨询和异议渠道。"""

    name: str = spec(Text(30), "村名", "村的名称，如 青禾村。")
    township: str = spec(Text(30), "所属乡镇", "所属乡镇（街道）。")
    county: str = spec(Text(30), "所属县", "所属县（市、区）。")
    population: int = spec(Integer(0, 1_000_000), "户籍人口", "户籍人口数。", required=False)
    households: int = spec(Integer(0, 1_000_000), "户数", "户籍户数。", required=False)
    groups: int = spec(Integer(0, 200), "村民小组数", "村民小组的个数。", required=False)
    introduction: str = spec(Text(600), "村情简介", "几句话介绍本村。", required=False)
    party_committee: tuple = spec(ListOf(CommitteeMember), "村党组织班子", "村党组织（支部委员会）成员及职务。")
    villager_committee: tuple = spec(ListOf(CommitteeMember), "村民委员会", "村民委员会成员及职务。")
    supervision_committee: tuple = spec(ListOf(CommitteeMember), "村务监督委员会", "村务监督委员会成员及职务。")
    office_hours: str = spec(Text(80), "办公时间", "村委会对外办公时间。")
    office_address: str = spec(Text(80), "办公地点", "村委会办公地点。")
    contact: Contact = spec(Nested(Contact), "咨询联系", "对公开内容有疑问时找谁。")
    objections: Contact = spec(Nested(Contact), "异议受理", "对公开内容有异议时向谁提出（通常是村务监督委员会）。")
    complaints: Contact = spec(
        Nested(Contact), "乡镇受理机构", "认为公开不及时、不真实时可以反映的乡镇机构（村民委员会组织法第三十一条）。"
    )
    origin: Origin = origin_field()

    def public_phones(self) -> frozenset[str]:
        """Numbers the profile publishes on purpose; the personal-data guard lets them pass."""
        contacts = (self.contact, self.objections, self.complaints)
        return frozenset(c.phone.replace("-", "").replace(" ", "") for c in contacts if c.phone)


DATASET = Dataset(
    "village",
    "村庄概况",
    VillageProfile,
    ("village.yml", "village.yaml"),
    single=True,
    order=lambda v: v.name,
    pages="home",
)
