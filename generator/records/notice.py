"""Notices (公告 / 公示): a title, a Markdown body, and for a 公示 the period during which
villagers may object. Status follows from the dates and the build date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..kinds import Choice, Day, Identifier, ListOf, MarkdownText, Text, spec
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from ..status import Status
from . import Dataset, Derived, Example

NOTICE_TYPES = ("公告", "公示")
CATEGORIES = ("村务", "财务", "党务", "项目", "惠民政策", "其他")


class NoticeStatus(Status):
    """Where a notice stands; `slug` names its CSS class."""

    PUBLISHED = ("已发布", "published")
    UPCOMING = ("待公示", "upcoming")
    OPEN = ("公示中", "open")
    CLOSED = ("已结束", "closed")


@dataclass(frozen=True, kw_only=True)
class Attachment:
    """附件：放在 content/ 里的文件。"""

    file: str = spec(Text(200), "文件", "附件在 content/ 文件夹里的路径，如 attachments/2026-03-低保名单.pdf。")
    title: str = spec(Text(80), "名称", "附件的名称。")
    origin: Origin = origin_field()


@dataclass(frozen=True, kw_only=True)
class Notice:
    """公告和公示：标题、类别、正文、发布日期；公示另有公示期（起止日期）。"""

    id: str = spec(Identifier("GG-2026-01"), "编号", "公告编号，如 GG-2026-01；用于网址。")
    title: str = spec(Text(80), "标题", "公告或公示的标题。")
    kind: str = spec(Choice(NOTICE_TYPES), "类型", "公告 或 公示（公示要写公示期）。")
    category: str = spec(Choice(CATEGORIES), "类别", "、".join(CATEGORIES) + " 之一。")
    published: date = spec(Day(), "发布日期", "在公开栏和本站发布的日期；晚于生成日期的不显示。")
    start: date = spec(Day(), "公示开始", "公示期的第一天（公示必填）。", required=False)
    end: date = spec(Day(), "公示结束", "公示期的最后一天，村民在此之前可以提出异议（公示必填）。", required=False)
    body: str = spec(MarkdownText(), "正文", "正文，Markdown 格式：空一行分段，“- ”开头写列表。")
    attachments: tuple = spec(ListOf(Attachment), "附件", "附件列表。", required=False)
    origin: Origin = origin_field()

    def is_public(self, today: date) -> bool:
        return self.published <= today

    def status(self, today: date) -> NoticeStatus:
        """已发布 for a 公告; 待公示 / 公示中 / 已结束 for a 公示."""
        if self.kind == "公告":
            return NoticeStatus.PUBLISHED
        if today < self.start:
            return NoticeStatus.UPCOMING
        return NoticeStatus.OPEN if today <= self.end else NoticeStatus.CLOSED

    def check(self) -> list[Problem]:
        if self.kind == "公示" and (self.start is None or self.end is None):
            missing = "start" if self.start is None else "end"
            return [
                problem_at(
                    self,
                    missing,
                    line=self.origin.line,
                    summary="公示缺少公示期",
                    expected="公示开始和公示结束两个日期",
                    hint="公示期一般不少于 5 天，如 start: 2026-03-05、end: 2026-03-11。",
                )
            ]
        if self.start and self.end and self.end < self.start:
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


DATASET = Dataset(
    "notices",
    "公告公示",
    Notice,
    ("notices/*.yml", "notices/*.yaml"),
    required=False,
    public=Notice.is_public,
    order=lambda n: (n.published, n.id),
    derived=(
        Derived(
            "status",
            "状态",
            "由公示期和生成日期推算：已发布、待公示、公示中、已结束。",
            lambda n, village, today: n.status(today).text,
        ),
    ),
    check_all=lambda village: attachment_problems(village),
    example=lambda day: Example({"attachments": None}),
    pages="notices",
)  # an attachment must be a file in content/


def attachment_problems(village) -> list[Problem]:
    """Every attachment of a notice must be a file in the site's docs folder (content/)."""
    docs_dir, root = village.docs, village.root
    problems: list[Problem] = []
    if docs_dir is None or root is None:
        return problems
    for notice in village.records["notices"]:
        for a in notice.attachments:
            if not (docs_dir / a.file).resolve().is_relative_to(docs_dir.resolve()):
                problems.append(
                    problem_at(
                        a,
                        "file",
                        summary="附件不在网站文件夹里",
                        expected=f"{_from_root(docs_dir, root)}/ 里的文件，如 attachments/名单.pdf",
                        found=a.file,
                        hint="附件只能放在网站文件夹里，路径不能以“/”开头，也不能用“..”跳出去。",
                    )
                )
            elif not (docs_dir / a.file).is_file():
                problems.append(
                    problem_at(
                        a,
                        "file",
                        summary="附件文件不存在",
                        expected=f"{_from_root(docs_dir, root)}/{a.file} 这个文件",
                        found=a.file,
                        hint="把附件放进这个文件夹，或改正路径（区分大小写）。",
                    )
                )
    return problems


def _from_root(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
