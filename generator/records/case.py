"""Typical cases (典型案例): stories written as Markdown pages in ``content/cases/``.

MkDocs renders each story from its file; the generator reads only the front matter, checks it
with the same schema mechanism as the data files, lists the stories by date, kind and tag, and
adds to each story the links to its people. A story's address is its file name, which must be
its explicit `slug`: an address never comes from a Chinese title by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from ..kinds import Choice, Day, Identifier, References, Text, Words, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from . import Dataset, Example

CASE_TYPE_SLUGS = {"典型个人": "person", "典型群体": "group", "典型案例": "case"}
"""Kinds of story and the slug of each one's listing page."""


@dataclass(frozen=True, kw_only=True)
class Case:
    """典型案例故事的文件头：标题、日期、类别、涉及的人、标签、网址名和摘要。"""

    title: str = spec(Text(60), "标题", "故事的标题。")
    slug: str = spec(
        Identifier("2025-tea-road"),
        "网址名",
        "故事的网址名：字母、数字和短横线，与文件名相同（如 2025-tea-road.md），不用汉字。",
    )
    date: date = spec(Day(), "日期", "故事发布的日期；晚于生成日期的故事不出现在列表里。")
    kind: str = spec(Choice(tuple(CASE_TYPE_SLUGS)), "类别", "典型个人 / 典型群体 / 典型案例。")
    people: tuple = spec(
        References("M001", ("members", "talents"), "党员或人才"),
        "人物",
        "故事里的党员或人才的编号，如 M004、T001。",
        required=False,
    )
    tags: tuple = spec(Words(), "标签", "几个关键词，如 油茶、产业带动。", required=False)
    summary: str = spec(Text(200), "摘要", "一两句话的摘要，显示在列表和订阅里。")
    origin: Origin = origin_field()

    @property
    def id(self) -> str:
        return self.slug

    @property
    def uri(self) -> str:
        """The story page, as MkDocs knows it (relative to the village's content folder)."""
        return f"cases/{self.slug}.md"

    def check(self) -> list[Problem]:
        """The file name is the slug; a story about one person names one, about a group names several."""
        problems = []
        stem = PurePosixPath(self.origin.file).stem
        if stem != self.slug:
            problems.append(
                problem_at(
                    self,
                    "slug",
                    "网址名与文件名不一致",
                    f"文件名为 {self.slug}.md",
                    f"{stem}.md",
                    f"把文件改名为 {self.slug}.md，或把网址名改成与文件名相同（只用字母、数字和短横线）。",
                )
            )
        if self.kind == "典型个人" and len(self.people) != 1:
            problems.append(
                problem_at(
                    self,
                    "people",
                    "典型个人应写一个人",
                    "一名党员或人才的编号",
                    "、".join(self.people),
                    "写多个人的请把类别改为 典型群体。" if self.people else "写上故事里这个人的编号，如 M004 或 T001。",
                )
            )
        if self.kind == "典型群体" and len(self.people) < 2:
            problems.append(
                problem_at(
                    self,
                    "people",
                    "典型群体应写两个人以上",
                    "两名以上党员或人才的编号，用顿号隔开",
                    "、".join(self.people),
                    "只写一个人的请把类别改为 典型个人。",
                )
            )
        return problems


DATASET = Dataset(
    "cases",
    "典型案例",
    Case,
    ("cases/*.md",),
    single=True,
    required=False,
    in_content=True,
    public=lambda c, today: c.date <= today,
    order=lambda c: (c.date, c.slug),
    example=lambda day: Example({"people": "M001"}),
    pages="cases",
)  # a 典型个人 story names one person
