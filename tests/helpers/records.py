"""Data files written from the schemas alone, so that tests cover every record type and every
text field, including types added after the tests were written.

Every field gets its kind's example value (`Kind.example`), unless the dataset's own example
(`Dataset.example`, the one `cunwu new` shows the clerks) names it: that example holds what the
kinds' examples cannot make valid (a year's weights adding up to 100, a ledger month's balances in
its companion record). The examples are chosen so that the records they make are valid and public
(ids match the references' examples, dates are equal so no step is out of order, the first choice
of a review is 通过). Every `Text` field the dataset's example leaves free, nested ones included,
gets the text the test asks for.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from generator.datasets import DATASETS
from generator.datasets import named as dataset_named
from generator.kinds import Day, Invalid, Kind, ListOf, Nested, Text, fields_of

DAY = date.fromisoformat(Day.example)
"""The day every example date falls on."""
FILLER = "甲"
"""Text used where the wanted text is longer than the field allows."""
PROBE = "乙"
"""Text that fits every field: where it lands in the records is where the asked-for text goes."""


@dataclass(frozen=True)
class TextField:
    """One `Text` field reachable from a dataset: its dotted path and its length limit."""

    dataset: str
    path: str
    max_length: int


def text_fields() -> list[TextField]:
    """Every `Text` field of every dataset that receives the asked-for text, nested and listed ones
    included (found by writing a probe text: the fields a dataset's example fixes do not). Lists
    of words (tags) receive it too, but split at commas: they are not listed."""
    found = []

    def walk(dataset: str, record: type, raw: dict, prefix: str) -> None:
        for f in fields_of(record):
            value = raw.get(f.key)
            if isinstance(f.kind, Text) and f.kind.json_type == "string" and value == PROBE:
                found.append(TextField(dataset, prefix + f.key, f.kind.max_length))
            elif isinstance(f.kind, Nested) and value:
                walk(dataset, f.kind.record, value, f"{prefix}{f.key}.")
            elif isinstance(f.kind, ListOf) and value:
                walk(dataset, f.kind.record, value[0], f"{prefix}{f.key}[].")

    for name, records in village_records(PROBE).items():
        walk(name, dataset_named(name).record, records[0], "")
    return found


def example_record(record: type, text: str, given: dict | None = None) -> dict:
    """A valid record of `record`: the values `given` (a dataset's own example), then `text` in
    every field whose kind accepts it (every `Text` field it fits, Markdown fields, personal fields
    that mask it), the kind's example in the others (ids, references, dates, choices, amounts); of
    optional fields of one kind that take an example, only the first is filled (they are often
    alternatives, like 收入 and 支出)."""
    given = given or {}
    values, examples = {}, set()
    for f in fields_of(record):
        if f.key in given and not isinstance(f.kind, (Nested, ListOf)):
            values[f.key] = given[f.key]
        elif isinstance(f.kind, Nested):
            values[f.key] = example_record(f.kind.record, text, given.get(f.key))
        elif isinstance(f.kind, ListOf):
            items = given.get(f.key, [{}])
            values[f.key] = None if items is None else [example_record(f.kind.record, text, item) for item in items]
        elif isinstance(f.kind, Text):
            values[f.key] = text if len(text) <= f.kind.max_length else FILLER
        else:
            value = next((c for c in (text, f.kind.example, FILLER) if c and _accepts(f.kind, c)), None)
            if value != text and not f.required and type(f.kind) in examples:
                value = None  # one of two optional alternatives (收入 / 支出): fill the first only
            assert value is not None or not f.required, f"no example value for {record.__name__}.{f.key}"
            if value != text and not f.required:
                examples.add(type(f.kind))
            values[f.key] = value
    return values


def _accepts(kind, text: str) -> bool:
    """Whether a field kind reads `text` without refusing it."""
    if type(kind).read is Kind.read and not kind.example:
        return False  # a kind that checks nothing and has no example (structure only)
    try:
        kind.parse(text)
    except Invalid:
        return False
    return True


def companions(name: str, text: str, day: date = DAY) -> dict[str, list[dict]]:
    """The records of other datasets that dataset `name`'s example needs, by dataset name."""
    return {
        other: [example_record(dataset_named(other).record, text, partial) for partial in partials]
        for other, partials in dataset_named(name).example_on(day).companions.items()
    }


def village_records(text: str) -> dict[str, list[dict]]:
    """One valid village: each dataset's example record, or the companion records another
    dataset's example needs in its place (a ledger row's month)."""
    records = {d.name: [example_record(d.record, text, d.example_on(DAY).values)] for d in DATASETS}
    for d in DATASETS:
        records.update(companions(d.name, text))
    # a wish's outcome is shown once it is done: finish the example wish, so that every field shows
    records["wishes"][0] |= {"taken": DAY.isoformat(), "done": DAY.isoformat()}
    return records


def write_records(folder: Path, name: str, records: list[dict], content: Path) -> Path:
    """Records of dataset `name` in a file where the village reads them: YAML when the dataset
    may be kept in YAML, else a CSV table; a story (kept in content/) as a Markdown file named
    after its slug."""
    dataset = dataset_named(name)
    yml = [p for p in dataset.patterns if p.endswith((".yml", ".yaml", ".md"))]
    tables = [p for p in dataset.patterns if p.endswith(".csv")]
    assert yml or tables, f"{name}: neither YAML nor CSV"
    pattern = (yml or tables)[0]
    target = (content if dataset.in_content else folder) / pattern.replace("*", records[0].get("slug") or "records")
    target.parent.mkdir(parents=True, exist_ok=True)
    if yml:
        document = yaml.safe_dump(records[0] if dataset.single else records, allow_unicode=True, sort_keys=False)
        target.write_text(f"---\n{document}---\n\n正文。\n" if dataset.in_content else document, encoding="utf-8")
    else:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([list(records[0])] + [list(r.values()) for r in records])
        target.write_text(buffer.getvalue(), encoding="utf-8")
    return target


def write_village(folder: Path, text: str, content: Path | None = None) -> None:
    """One village's data folder (and its stories in `content`, by default ``content/`` beside
    it): records of every dataset, every free text field holding `text`."""
    for name, records in village_records(text).items():
        write_records(folder, name, records, content or folder.parent / "content")
