"""The township profile (乡镇概况, ``data/township.yml``): the township that oversees the villages
of a township site, where villagers can ask or complain, and the villages in display order.

It is read only when ``data/`` holds one folder per village; a single-village repository has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import Identifier, ListOf, Nested, Text, spec
from ..schema import origin_field
from . import Dataset, Example
from .village import Contact


@dataclass(frozen=True, kw_only=True)
class Listed:
    """One village of the township, named by its data folder."""

    folder: str = spec(
        Identifier("qinghe"),
        "文件夹",
        "这个村在 data/ 下的文件夹名（字母、数字和短横线，如 qinghe），也是这个村在网站上的网址。",
    )
    origin: object = origin_field()


@dataclass(frozen=True, kw_only=True)
class Township:
    """乡镇概况：乡镇名、所属县、乡镇的咨询和投诉受理机构、本镇各村（按显示顺序）。"""

    name: str = spec(Text(30), "乡镇名", "乡镇（街道）的名称，如 云溪镇。")
    county: str = spec(Text(30), "所属县", "所属县（市、区）。")
    introduction: str = spec(Text(600), "简介", "几句话介绍本镇和本站。", required=False)
    contact: Contact = spec(Nested(Contact), "咨询联系", "对各村公开内容有疑问时可以找的乡镇机构或联系人。")
    complaints: Contact = spec(
        Nested(Contact),
        "投诉受理",
        "村务公开不及时、不真实时，村民可以反映的乡镇机构（村民委员会组织法第三十一条）。",
    )
    villages: tuple = spec(
        ListOf(Listed),
        "各村",
        "本镇的村，按网站上显示的顺序，每项写一个村的文件夹名；data/ 下每个村文件夹都要列在这里。",
    )
    origin: object = origin_field()

    def public_phones(self) -> frozenset[str]:
        """Numbers the profile publishes on purpose; the personal-data guard lets them pass."""
        contacts = (self.contact, self.complaints)
        return frozenset(c.phone.replace("-", "").replace(" ", "") for c in contacts if c.phone)


def _example(day) -> Example:
    return Example({"villages": [{"folder": "qinghe"}, {"folder": "shuangxi"}]})


DATASET = Dataset(
    "township",
    "乡镇概况",
    Township,
    ("township.yml", "township.yaml"),
    single=True,
    order=lambda t: t.name,
    example=_example,
)
"""Not one of `DATASETS` (those are a village's); `generator.township` reads it for a township site."""
