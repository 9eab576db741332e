"""The base of every field kind, and how a record type declares its fields with them.

A kind reads one field's text into a value or raises `Invalid`; `spec(kind, label, doc)` declares a
dataclass field with its kind, Chinese label (also accepted as the key or column header) and doc.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from ..periods import day_label
from ..personal_data import find_personal_numbers, mask_number, mask_numbers
from ..placeholders import register as register_placeholder
from ..readers import Mapping, Sequence


class Invalid(Exception):
    """Raised by a kind's `parse` when the text cannot be read."""

    def __init__(self, summary: str, hint: str = "", expected: str = "", found: str | None = None):
        super().__init__(summary)
        self.summary, self.hint, self.expected, self.found = summary, hint, expected, found


# --- kinds -------------------------------------------------------------------------------------


class Kind:
    """How one field's text is read. Subclasses set `name` (for docs) and `expected` (for errors)."""

    name: ClassVar[str] = "文本"
    json_type: ClassVar[str] = "string"

    @property
    def expected(self) -> str:
        return "一段文字"

    @property
    def example(self) -> str:
        return ""

    def parse(self, raw: Any) -> Any:
        return self.read(self.text(raw))

    def text(self, raw: Any) -> str:
        if isinstance(raw, Mapping):
            raise Invalid("类型不对：这里应写一个值，而不是多个子字段")
        if isinstance(raw, Sequence):
            raise Invalid("类型不对：这里应写一个值，而不是列表")
        return raw.strip()

    def read(self, text: str) -> Any:
        return text


def halfwidth(text: str) -> str:
    """Full-width digits and letters (１２３, Ａ) as ASCII, for numbers, dates and ids only."""
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class Text(Kind):
    """Plain text on one line (newlines become spaces); never personal numbers."""

    max_length: int = 200
    name: ClassVar[str] = "文本"

    @property
    def expected(self) -> str:
        return f"不超过 {self.max_length} 字的文字"

    def read(self, text: str) -> str:
        text = " ".join(text.split())
        if len(text) > self.max_length:
            raise Invalid(f"文字太长（{len(text)} 字）", hint="请精简，或把详细说明写进故事或附件。")
        refuse_personal_numbers(text)
        return text


def refuse_personal_numbers(text: str) -> None:
    """Raise `Invalid` naming the first ID, mobile or bank-card number in `text` (masked)."""
    hits = find_personal_numbers(text)
    if hits:
        kind, number = hits[0]
        raise Invalid(
            f"疑似包含{kind}（{mask_number(number)}），公开数据里不能出现",
            expected="不含身份证号、手机号、银行卡号的文字",
            found=mask_numbers(text),
            hint="请删除这个号码；确需公开的办公电话写在村庄概况的电话字段里。",
        )


@dataclass(frozen=True)
class Private(Kind):
    """Text the committee keeps with a record (an address, say) that the site never publishes.

    It is read and kept for the committee's own checks, left out of every download and of the
    data page, and the personal-data guard fails the build if the value turns up in the output.
    """

    max_length: int = 120
    name: ClassVar[str] = "不公开"

    @property
    def expected(self) -> str:
        return f"不超过 {self.max_length} 字的文字（不会公开）"

    def read(self, text: str) -> str:
        text = " ".join(text.split())
        if len(text) > self.max_length:
            raise Invalid(f"文字太长（{len(text)} 字）", hint="只写核对所需的内容。")
        return text


@dataclass(frozen=True)
class Phone(Kind):
    """A telephone number published on purpose (office, objections, complaints hotline)."""

    name: ClassVar[str] = "公开电话"
    expected = "电话号码，如 0794-6123456 或 12345"
    example = "0794-6123456"

    def read(self, text: str) -> str:
        text = halfwidth(text)
        if not re.fullmatch(r"\d[\d\- ]{2,18}\d(转\d{1,6})?", text):
            raise Invalid("电话号码格式不对", hint="只写数字和短横线，如 0794-6123456。")
        return text


@dataclass(frozen=True)
class Identifier(Kind):
    """A record id: letters, digits and hyphens; it becomes part of a web address."""

    example_id: str = "M001"
    name: ClassVar[str] = "编号"

    @property
    def expected(self) -> str:
        return f"由字母、数字和短横线组成的编号，如 {self.example_id}"

    @property
    def example(self) -> str:
        return self.example_id

    def read(self, text: str) -> str:
        text = halfwidth(text)
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9\-]{0,39}", text):
            raise Invalid("编号格式不对", hint="编号会成为网址的一部分，只能用字母、数字和短横线，不能有空格或汉字。")
        return text


@dataclass(frozen=True)
class Reference(Identifier):
    """The id of a record in another dataset (checked when the whole village is loaded)."""

    target: str | tuple[str, ...] = "members"
    """The dataset the id belongs to, or several (e.g. members and talents: any person)."""
    title: str = "党员"
    """What that dataset holds, for messages: 引用了不存在的党员."""
    name: ClassVar[str] = "编号引用"

    @property
    def targets(self) -> tuple[str, ...]:
        return (self.target,) if isinstance(self.target, str) else self.target


@dataclass(frozen=True)
class References(Reference):
    """Several ids of records in other datasets: a YAML list, or one cell like ``M004、M012``."""

    name: ClassVar[str] = "编号列表"
    json_type: ClassVar[str] = "array"

    @property
    def expected(self) -> str:
        return f"一个或多个编号，用顿号隔开，如 {self.example_id}、{self.example_id[:-1]}2"

    def parse(self, raw: Any) -> tuple[str, ...]:
        if isinstance(raw, Sequence):
            items = [self.text(item) for item in raw if item is not None]
        else:
            items = re.split(r"[、,，;；\s]+", self.text(raw))
        ids = tuple(Identifier.read(self, item) for item in items if item)
        if len(set(ids)) != len(ids):
            raise Invalid("同一个编号写了两次", hint="每个编号只写一次。")
        return ids


@dataclass(frozen=True)
class Words(Text):
    """Several short texts (tags): a YAML list, or one cell like ``油茶、产业带动``."""

    max_length: int = 20
    name: ClassVar[str] = "文字列表"
    json_type: ClassVar[str] = "array"

    @property
    def expected(self) -> str:
        return f"一个或多个词，每个不超过 {self.max_length} 字，用顿号隔开或写成列表"

    def parse(self, raw: Any) -> tuple[str, ...]:
        if isinstance(raw, Sequence):
            items = [self.text(item) for item in raw if item is not None]
        else:
            items = re.split(r"[、,，;；]+", self.text(raw))
        words = tuple(Text.read(self, item) for item in items if item.strip())
        if len(set(words)) != len(words):
            raise Invalid("同一个词写了两次", hint="每个词只写一次。")
        return words


@dataclass(frozen=True)
class Integer(Kind):
    """A whole number within bounds."""

    low: int = 0
    high: int = 10**9
    sample: int = 5
    """The value blank templates show (kept within the bounds)."""
    name: ClassVar[str] = "整数"
    json_type: ClassVar[str] = "integer"
    not_a_number: ClassVar[str] = "不是整数"

    @property
    def expected(self) -> str:
        return f"{self.low} 到 {self.high} 之间的整数"

    @property
    def example(self) -> str:
        return str(max(self.low, min(self.high, self.sample)))

    def read(self, text: str) -> int:
        plain = halfwidth(text).replace(",", "")
        if not re.fullmatch(r"[+-]?\d+", plain):
            raise Invalid(self.not_a_number, hint="只写阿拉伯数字，不要带单位或小数点。")
        if len(plain.lstrip("+-0")) > len(str(self.high)) + 1:
            raise Invalid("数值超出范围")  # and never hand Python's int() thousands of digits
        value = int(plain)
        if not self.low <= value <= self.high:
            raise Invalid("数值超出范围")
        return value


@dataclass(frozen=True)
class Year(Integer):
    """A four-digit year."""

    low: int = 1921
    high: int = 2100
    name: ClassVar[str] = "年份"
    not_a_number: ClassVar[str] = "不是四位数字的年份"

    @property
    def expected(self) -> str:
        return f"{self.low} 到 {self.high} 之间的四位年份，如 2008"

    @property
    def example(self) -> str:
        return "2008"


_DATE_PATTERNS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
)


def _serial_date(text: str) -> str:
    """What an Excel serial number means in the usual 1900 date system, as 2024年3月5日."""
    return day_label(date(1899, 12, 30) + timedelta(days=int(float(text))))


@dataclass(frozen=True)
class Day(Kind):
    """A calendar date: 2025-03-05, 2025/3/5, 2025.3.5 or 2025年3月5日."""

    name: ClassVar[str] = "日期"
    expected = "日期，如 2025-03-05"
    example = "2025-03-05"
    json_type: ClassVar[str] = "string (date)"

    def parse(self, raw: Any) -> date:
        """A numeric XLSX cell in a date field is an Excel date serial: read with the workbook's epoch."""
        return getattr(raw, "excel_date", None) or super().parse(raw)

    def read(self, text: str) -> date:
        if re.fullmatch(r"\d{5}(\.0+)?", halfwidth(text)):
            raise Invalid(
                "这是 Excel 的日期序号，不是日期",
                hint=f"它多半是 {_serial_date(halfwidth(text))}；请在 Excel 里把这一列设为“日期”格式后重新导出。",
            )
        for pattern in _DATE_PATTERNS:
            match = pattern.fullmatch(halfwidth(text))
            if match:
                try:
                    return date(*map(int, match.groups()))
                except ValueError:
                    raise Invalid("日期不存在", hint="检查月份（1–12）和这个月的天数。") from None
        raise Invalid("日期无法识别", hint="写成 年-月-日，如 2025-03-05。")


@dataclass(frozen=True)
class Choice(Kind):
    """One value from a fixed list."""

    options: tuple[str, ...] = ()
    name: ClassVar[str] = "选项"

    @property
    def expected(self) -> str:
        return "以下之一：" + " / ".join(self.options)

    @property
    def example(self) -> str:
        return self.options[0]

    def read(self, text: str) -> str:
        if text not in self.options:
            near = difflib.get_close_matches(text, self.options, n=1, cutoff=0.3)
            hint = f"是不是“{near[0]}”？" if near else "请从列出的选项中选一个，原样照抄。"
            raise Invalid("不在可选范围内", hint=hint)
        return text


@dataclass(frozen=True)
class Nested(Kind):
    """A group of sub-fields described by another record type."""

    record: type = object
    name: ClassVar[str] = "子字段"

    @property
    def expected(self) -> str:
        return "一组子字段（" + "、".join(f.key for f in fields_of(self.record)) + "）"

    def parse(self, raw: Any) -> Any:  # parsed by `parse_record`, which has the file name
        raise NotImplementedError


@dataclass(frozen=True)
class ListOf(Kind):
    """A list of items, each described by another record type."""

    record: type = object
    name: ClassVar[str] = "列表"
    json_type: ClassVar[str] = "array"

    @property
    def expected(self) -> str:
        return "一个列表，每一项以“- ”开头"

    def parse(self, raw: Any) -> Any:
        raise NotImplementedError


# --- field specs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record type: its key, kind, Chinese label and documentation."""

    key: str
    kind: Kind
    label: str
    doc: str
    required: bool


def spec(kind: Kind, label: str, doc: str, *, required: bool = True) -> Any:
    """Declare a dataclass field with its kind, label and doc."""
    meta = {"cunwu": (kind, label, doc, required)}
    register_placeholder(label)
    if required:
        return dataclasses.field(metadata=meta)
    if is_list(kind):
        return dataclasses.field(default_factory=tuple, metadata=meta)
    return dataclasses.field(default=None, metadata=meta)


def is_list(kind: Kind) -> bool:
    """Whether a kind's value is a tuple (a list, or several ids or words): empty, it is ()."""
    return kind.json_type == "array"


_FIELDS: dict[type, tuple[FieldSpec, ...]] = {}


def fields_of(record: type) -> tuple[FieldSpec, ...]:
    """The documented fields of a record type, in declaration order (read once per type)."""
    if record not in _FIELDS:
        _FIELDS[record] = tuple(
            FieldSpec(f.name, *f.metadata["cunwu"]) for f in dataclasses.fields(record) if "cunwu" in f.metadata
        )
    return _FIELDS[record]
