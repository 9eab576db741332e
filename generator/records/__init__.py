"""One module per record type: its schema (documented fields), its checks, its derived values.

Each module declares a `DATASET`: where a village keeps those records, which of them the site
shows on a day, and which page module (`generator.pages.<name>`) shows them.
`generator.datasets.DATASETS` lists them all in loading order (see CONTRIBUTING.md for the recipe).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..kinds import Identifier, ListOf, Money, Nested, Personal, fields_of
from ..problems import Problem
from ..readers import Mapping, Read, Sequence
from ..readers.registry import READERS, TABLES
from ..schema import parse_record, unknown_field


def _always(record, today: date) -> bool:
    return True


def _by_id(record):
    return record.id


@dataclass(frozen=True)
class Derived:
    """A download column computed from a record rather than typed by the clerk."""

    key: str
    label: str
    doc: str
    value: Callable[[Any, Any, date], Any]
    """(record, village, build date) -> value."""


@dataclass(frozen=True)
class Example:
    """A valid example record of a dataset, for the clerks' blank templates (`cunwu new`) and the
    schema-driven tests: raw field values (text, as a clerk types them).

    `values` names only what the kinds' examples (`Kind.example`) cannot give: a field it does not
    name takes its kind's example, None leaves an optional field empty, a list field takes a list
    of such partial records. `companions` are the records of other datasets it needs to pass the
    checks (a ledger month's balances), by dataset name, in the same partial form.
    """

    values: dict = field(default_factory=dict)
    companions: dict[str, list[dict]] = field(default_factory=dict)


@dataclass(frozen=True)
class Part:
    """Records without ids shown as rows of another record's page (ledger rows on their month's
    page, entries on their name list's page): how the change history finds and pairs them."""

    dataset: str
    """The dataset of the record whose page shows the rows."""
    owner: Callable[[Any], str]
    """row -> the id of that record."""
    label: str
    """What a row is called on the page, in Chinese (收支明细)."""
    matching: str
    """How rows of two versions are paired, said on the page in Chinese."""
    key: str | None = None
    """The field that pairs rows of two versions (``voucher``); None: only rows with the same
    published content are the same row."""


@dataclass(frozen=True)
class Dataset:
    """A kind of record and where a village keeps it."""

    name: str
    """English name: the key in `Village.records` and the download file name."""
    title: str
    """Chinese title, shown on the data page and in messages."""
    record: type
    """The record type (its schema)."""
    patterns: tuple[str, ...]
    """Glob patterns under the village's data folder, e.g. ``pledges/*.yml``."""
    single: bool = False
    """True when a file holds one record (a mapping) rather than a list or table of records."""
    required: bool = True
    """True when a village must have at least one such file."""
    public: Callable[[Any, date], bool] = _always
    """Whether the site may show a record on a given build date."""
    order: Callable[[Any], Any] = _by_id
    """Sort key for listings and downloads."""
    derived: tuple[Derived, ...] = ()
    """Computed columns added to the downloads."""
    published_on: Callable[[Any], date | None] | None = None
    """The day a record's 公示 begins (a pledge's 晒诺 date); its change history counts from then.
    None: the record's `published` field, when it has one."""
    shown_as: Callable[[Any, date], Any] | None = None
    """The record as the site shows it on a day (e.g. without steps dated later), for the history.
    None: the record without the list items dated later (`history.as_of`)."""
    part_of: Part | None = None
    """Set when the records have no ids and are shown as rows of another dataset's record page."""
    public_in: Callable[[Any, Any, date], bool] | None = None
    """(record, village, build date) -> whether shown, when that depends on other records."""
    refuse_row: Callable[[Any, str], Any] | None = None
    """(raw row, file) -> one Problem for a row that is not a record at all (a 合计 line), or None."""
    check_all: Callable[[Any], list] | None = None
    """(village) -> problems across the dataset's records (e.g. a month's balances), run when it loaded cleanly."""
    in_content: bool = False
    """True when the files live among the hand-written pages (``content/``), not in ``data/``."""
    example: Callable[[date], Example] | None = None
    """(the day its dates fall on) -> a valid example record, when the kinds' examples alone are not one."""

    pages: str = ""
    """The page module showing these records: `generator.pages.<pages>`."""

    @property
    def tabular(self) -> bool:
        """True when the records may be kept as a table: one flat record per row, in a CSV file."""
        flat = not any(isinstance(f.kind, (Nested, ListOf)) for f in fields_of(self.record))
        return flat and not self.single and any(p.lower().endswith(".csv") for p in self.patterns)

    def shows(self, record, village, today: date) -> bool:
        """Whether the site may show `record` of `village` on `today`: the one rule for pages,
        downloads, feed, search and history."""
        return self.public(record, today) and (self.public_in is None or self.public_in(record, village, today))

    def __post_init__(self):
        """A table may be saved in any table format: a pattern naming one (``members.csv``) names them all."""
        patterns: list[str] = []
        for pattern in self.patterns:
            stem, dot, suffix = pattern.rpartition(".")
            same = [stem + other for other in TABLES] if dot + suffix in TABLES else [pattern]
            patterns += [p for p in same if p not in patterns]
        object.__setattr__(self, "patterns", tuple(patterns))

    def example_on(self, day: date) -> Example:
        """A valid example record dated `day`: the dataset's own, or the kinds' examples alone."""
        return self.example(day) if self.example else Example()


def parse_file(dataset: Dataset, data: bytes, suffix: str, file: str, parse=parse_record) -> tuple[list, list[Problem]]:
    """The records of one file's bytes (`suffix` picks the reader), and the problems met.

    `parse` parses one record (the change history passes a memoised `parse_record`).
    """
    read: Read = READERS[suffix](data, file)
    if read.problems:
        return [], read.problems
    if dataset.single:
        record, problems = parse_record(dataset.record, read.value, file)
        return ([record] if record else []), problems
    if not isinstance(read.value, Sequence):
        found = "一组字段" if isinstance(read.value, Mapping) else str(read.value)
        return [], [
            Problem(
                file,
                getattr(read.value, "line", 1),
                summary="类型不对：文件应是一个列表",
                expected="每条记录以“- ”开头",
                found=found,
                hint="在每条记录的第一个字段前加“- ”，并把后面的字段对齐。",
            )
        ]
    if suffix in TABLES:
        header_problems = _column_problems(dataset.record, read.value, file)
        if header_problems:
            return [], header_problems
    records, problems = [], []
    for item in read.value:
        refused = dataset.refuse_row(item, file) if dataset.refuse_row else None
        if refused:
            problems.append(refused)
            continue
        merged = merged_down(dataset.record, item, file)
        if merged:
            problems += merged
            continue
        record, found = parse(dataset.record, item, file, getattr(item, "line", read.value.line))
        problems += found
        if record:
            records.append(record)
    return records, problems


def _column_problems(record: type, rows: Sequence, file: str) -> list[Problem]:
    """A table's missing or unknown columns, reported once on the header row."""
    header = set(rows.columns)
    problems = []
    for f in fields_of(record):
        if f.required and f.key not in header and f.label not in header:
            problems.append(
                Problem(
                    file,
                    rows.line,
                    f.label,
                    summary="缺少必填的列",
                    expected=f"表头里有“{f.label}”这一列",
                    hint=f"在表头加一列“{f.label}”：{f.doc}",
                )
            )
    known = {f.key for f in fields_of(record)} | {f.label for f in fields_of(record)}
    problems += [unknown_field(record, h, rows.line, file) for h in rows.columns if h not in known]
    return problems


def _may_fill_down(kind) -> bool:
    return not isinstance(kind, (Money, Identifier, Personal))


def merged_down(record: type, row, file: str) -> list[Problem]:
    """Problems for the cells of a table row that come from a cell merged down from a row above,
    in columns that may not be filled down (amounts, ids, personal values)."""
    filled: dict = getattr(row, "filled", {})
    problems = []
    for f in fields_of(record):
        column = next((c for c in (f.label, f.key) if c in filled), None)
        if column is None or _may_fill_down(f.kind):
            continue
        top = filled[column]
        if isinstance(f.kind, Money):
            summary = f"“{column}”的单元格从第 {top} 行向下合并到了这一行：同一笔金额会算进每一行"
            hint = (
                "取消合并单元格：一笔金额只写在它所属的那一行；几行各有金额时分别填写，"
                "共用一笔时只写在一行、其他行留空。"
            )
        else:
            summary = f"“{column}”的单元格从第 {top} 行向下合并到了这一行：每行的{f.label}应各不相同"
            hint = f"取消合并单元格，每一行写自己的{f.label}。"
        problems.append(
            Problem(file, row.line, column, summary=summary, expected="每行单独填写，不合并单元格", hint=hint)
        )
    return problems
