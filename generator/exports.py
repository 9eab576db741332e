"""Open data: every dataset as CSV (opens correctly in Excel) and JSON, documented by its schema.

Columns come from the record type's fields; nested groups become ``group.field`` columns in CSV,
and lists (review and progress logs) are kept whole in JSON only. Only what the site shows is
exported: unpublished pledges never appear.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .datasets import DATASETS
from .kinds import FieldSpec, ListOf, Nested, fields_of
from .model import Village
from .records import Dataset
from .schema import public_fields


@dataclass(frozen=True)
class Column:
    """One column of a download, with the documentation shown on the data page."""

    key: str
    label: str
    type: str
    doc: str
    required: bool = False


def columns(dataset: Dataset) -> list[Column]:
    """The CSV columns of a dataset, documented from its schema."""
    result = []
    for f in public_fields(dataset.record):
        if isinstance(f.kind, Nested):
            result += [
                Column(f"{f.key}.{g.key}", f"{f.label}-{g.label}", g.kind.name, g.doc)
                for g in public_fields(f.kind.record)
            ]
        elif not isinstance(f.kind, ListOf):
            result.append(Column(f.key, f.label, f.kind.name, f.doc, f.required))
    result += [Column(d.key, d.label, "推算", d.doc) for d in dataset.derived]
    return result


def documented_fields(dataset: Dataset, with_private: bool = False) -> list[tuple[str, FieldSpec]]:
    """Every field of a dataset including nested ones, as (dotted key, spec), for the JSON docs.

    `with_private` adds the fields the site never publishes (for the clerk's guide).
    """
    result = []
    chosen = fields_of if with_private else public_fields

    def walk(record: type, prefix: str) -> None:
        for f in chosen(record):
            result.append((prefix + f.key, f))
            if isinstance(f.kind, (Nested, ListOf)):
                walk(f.kind.record, f"{prefix}{f.key}{'[]' if isinstance(f.kind, ListOf) else ''}.")

    walk(dataset.record, "")
    return result


def files(village: Village, today: date) -> dict[str, bytes]:
    """Every download of a village: ``open-data/<name>.csv`` and ``.json``."""
    out = {}
    for dataset in DATASETS:
        records = village.public(dataset, today)
        if not dataset.single:
            out[village.path(f"open-data/{dataset.name}.csv")] = to_csv(dataset, records, village, today)
        out[village.path(f"open-data/{dataset.name}.json")] = to_json(dataset, records, village, today)
    return out


def to_csv(dataset: Dataset, records: list, village: Village, today: date) -> bytes:
    """UTF-8 with BOM and CRLF, Chinese headers: Excel opens it without garbling."""
    cols = columns(dataset)
    rows = (flat(record, dataset, village, today) for record in records)
    text = csv_text([[c.label for c in cols], *([_cell(row.get(c.key)) for c in cols] for row in rows)])
    return ("\ufeff" + text).encode("utf-8")


def csv_text(rows: Iterable[list[str]]) -> str:
    """Rows of cells as CSV lines ending in CRLF (the csv module's quoting)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def to_json(dataset: Dataset, records: list, village: Village, today: date) -> bytes:
    """The records with nested groups and lists kept whole, and the field documentation."""
    derived = dataset.derived
    payload = {
        "dataset": dataset.name,
        "title": dataset.title,
        "village": village.profile.name,
        "as_of": today.isoformat(),
        "fields": json_fields(dataset),
        "records": [as_dict(r) | {d.key: d.value(r, village, today) for d in derived} for r in records],
    }
    return json_bytes(payload)


def json_fields(dataset: Dataset) -> list[dict]:
    """The field documentation of a dataset's JSON download: every field, then the derived values."""
    return [
        {"key": k, "label": f.label, "type": f.kind.name, "required": f.required, "doc": f.doc}
        for k, f in documented_fields(dataset)
    ] + [{"key": d.key, "label": d.label, "type": "推算", "required": False, "doc": d.doc} for d in dataset.derived]


JSON_ITEMS = b",\n  "
"""What separates the items of a list in `json_bytes`."""


def json_bytes(payload: dict[str, Any]) -> bytes:
    """A download's JSON, laid out one entry per line: each top-level key, and each item of a list
    (a field, a record) on a line of its own (readable in a text editor, and a changed record is a
    changed line). Written by the json module's C encoder, which `indent` would turn off. An item
    given as bytes is already encoded (UTF-8 JSON, several items joined by `JSON_ITEMS`)."""
    lines = []
    for key, value in payload.items():
        name = json_text(key).encode("utf-8")
        if isinstance(value, list) and value:
            items = (item if isinstance(item, bytes) else json_text(item).encode("utf-8") for item in value)
            lines.append(b" " + name + b": [\n  " + JSON_ITEMS.join(items) + b"\n ]")
        else:
            lines.append(b" " + name + b": " + json_text(value).encode("utf-8"))
    return b"{\n" + b",\n".join(lines) + b"\n}\n"


def flat(record, dataset: Dataset, village: Village, today: date) -> dict:
    """A record as one CSV row: nested groups flattened, derived values added."""
    row: dict = {}
    for f in public_fields(dataset.record):
        value = getattr(record, f.key)
        if isinstance(f.kind, Nested):
            row |= {f"{f.key}.{g.key}": getattr(value, g.key) if value else None for g in public_fields(f.kind.record)}
        elif not isinstance(f.kind, ListOf):
            row[f.key] = value
    row |= {d.key: d.value(record, village, today) for d in dataset.derived}
    return row


def as_dict(record) -> Any:
    """A record as plain JSON values (without its source position)."""
    if record is None:
        return None
    out = {}
    for f in public_fields(type(record)):
        value = getattr(record, f.key)
        if isinstance(f.kind, Nested):
            value = as_dict(value)
        elif isinstance(f.kind, ListOf):
            value = [as_dict(v) for v in value]
        out[f.key] = value
    return out


def _cell(value) -> str:
    """A CSV cell; text that Excel would run as a formula is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "、".join(map(str, value))
    text = str(value)
    if text[:1] in "=+-@" and not re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
        return "'" + text
    return text


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):  # money stays exact: a string such as "1234.50"
        return str(value)
    raise TypeError(type(value).__name__)


json_text = functools.partial(json.dumps, ensure_ascii=False, default=_json_default)
"""One value as JSON text on one line (dates as YYYY-MM-DD, money as exact strings)."""
