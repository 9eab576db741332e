"""Training hours (学时): one row per course a member or talent attended.

The yearly total is computed from the rows and compared with the target set in the plugin
configuration (`training_target`, 32 学时 by default); it is never typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds import Day, Integer, Reference, Text, spec
from ..schema import Origin, origin_field
from . import Dataset

PERSON = Reference("M001", ("members", "talents"), "党员或人才")
"""Any person: a Party member or a local talent."""


@dataclass(frozen=True, kw_only=True)
class Training:
    """培训记录：谁、哪天、学了什么、几个学时。"""

    person: str = spec(PERSON, "人员编号", "参加培训的党员或人才的编号，如 M004 或 T002。")
    date: date = spec(Day(), "日期", "培训的日期（多天的写结束那天）。")
    topic: str = spec(Text(60), "培训内容", "培训的主题，如 油茶低产林改造技术。")
    hours: int = spec(Integer(1, 200), "学时", "这次培训计入的学时数。")
    organizer: str = spec(Text(40), "组织单位", "谁组织的培训，如 县农业农村局。", required=False)
    origin: Origin = origin_field()


def hours_by_person(rows) -> dict[str, dict[int, int]]:
    """Each person's training hours per year (years in order), from the rows alone."""
    totals: dict[str, dict[int, int]] = {}
    for row in rows:
        years = totals.setdefault(row.person, {})
        years[row.date.year] = years.get(row.date.year, 0) + row.hours
    return {person: dict(sorted(years.items())) for person, years in totals.items()}


DATASET = Dataset(
    "training",
    "培训学时",
    Training,
    ("training.csv", "training/*.csv", "training/*.yml"),
    required=False,
    order=lambda t: (t.date, t.person, t.topic),
    pages="people",
)
