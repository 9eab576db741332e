"""One module per record type: its schema (documented fields), its checks, its derived values.

Each module declares a `DATASET`: where a village keeps those records and which of them the site
shows. `generator.datasets.DATASETS` lists them all; adding a record type is adding a module and
one line there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..readers import TABLES


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
    value: Callable[[object, object, date], object]
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
    public: Callable[[object, date], bool] = _always
    """Whether the site may show a record on a given build date."""
    order: Callable[[object], object] = _by_id
    """Sort key for listings and downloads."""
    derived: tuple[Derived, ...] = ()
    """Computed columns added to the downloads."""
    published_on: Callable[[object], date | None] | None = None
    """The day a record's 公示 begins (a pledge's 晒诺 date); its change history counts from then."""
    shown_as: Callable[[object, date], object] | None = None
    """The record as the site shows it on a day (e.g. without steps dated later), for the history."""
    public_in: Callable[[object, object, date], bool] | None = None
    """(record, village, build date) -> whether shown, when that depends on other records."""
    refuse_row: Callable[[object, str], object] | None = None
    """(raw row, file) -> one Problem for a row that is not a record at all (a 合计 line), or None."""
    check_all: Callable[[object], list] | None = None
    """(village) -> problems across the dataset's records (e.g. a month's balances), run when it loaded cleanly."""
    in_content: bool = False
    """True when the files live among the hand-written pages (``content/``), not in ``data/``."""
    example: Callable[[date], Example] | None = None
    """(the day its dates fall on) -> a valid example record, when the kinds' examples alone are not one."""

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
