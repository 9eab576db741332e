"""Data files written from the schemas alone, so that tests cover every record type and every
text field, including types added after the tests were written.

Every field gets its kind's example value (`Kind.example`): the examples are chosen so that the
records they make are valid and public (ids match the references' examples, dates are equal so
no step is out of order, the first choice of a review is 通过). Every `Text` field, nested ones
included, gets the text the test asks for.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from conftest import ROOT
from generator.datasets import DATASETS
from generator.schema import Invalid, Kind, ListOf, Nested, Text, fields_of

NOT_FROM_EXAMPLES = {
    "cases": "stories are Markdown files with front matter in content/cases/, not data files",
    "mentoring": "a “2+1” pair names two members and ends after it starts: one example id and one date cannot",
    "point_rules": "a year's two weights must add up to 100",
    "point_rows": "a points row names an item of that year's rules (point_rules)",
    "wishes": "the asker must be written masked (刘*英) or as a description, never as a plain text",
    "five_goods": "an assessment rates all five criteria, the example rates one",
    "ledger": "a ledger row needs its month in ledgers/periods.yml with balances that reconcile "
              "with the month's rows (check_books): example values cannot make that",
}
"""Datasets whose records cannot be made valid from the kinds' examples alone, with the reason.
`write_village` leaves them out; a new dataset that cannot be made from examples fails
`test_every_other_dataset_is_made_from_examples` until it is listed here."""
LEFT_EMPTY = {
    ("Notice", "attachments"): "an attachment must name a file that exists under content/",
}
"""Optional fields that example values cannot fill, with the reason; left empty."""
FILLER = "甲"
"""Text used where the wanted text is longer than the field allows."""


@dataclass(frozen=True)
class TextField:
    """One `Text` field reachable from a dataset: its dotted path and its length limit."""

    dataset: str
    path: str
    max_length: int


def text_fields() -> list[TextField]:
    """Every `Text` field of every dataset (but `NOT_FROM_EXAMPLES`), nested and listed ones included."""
    found = []

    def walk(dataset: str, record: type, prefix: str) -> None:
        for f in fields_of(record):
            if (record.__name__, f.key) in LEFT_EMPTY:
                continue
            if isinstance(f.kind, Text):
                found.append(TextField(dataset, prefix + f.key, f.kind.max_length))
            elif isinstance(f.kind, (Nested, ListOf)):
                walk(dataset, f.kind.record, f"{prefix}{f.key}{'[]' if isinstance(f.kind, ListOf) else ''}.")

    for dataset in DATASETS:
        if dataset.name not in NOT_FROM_EXAMPLES:
            walk(dataset.name, dataset.record, "")
    return found


def example_record(record: type, text: str) -> dict:
    """A valid record of `record`: `text` in every field whose kind accepts it (every `Text` field
    it fits, Markdown fields, personal fields that mask it), the kind's example in the others
    (ids, references, dates, choices, amounts); of optional fields of one kind that take an
    example, only the first is filled (they are often alternatives, like 收入 and 支出)."""
    values, examples = {}, set()
    for f in fields_of(record):
        if isinstance(f.kind, Nested):
            values[f.key] = example_record(f.kind.record, text)
        elif (record.__name__, f.key) in LEFT_EMPTY:
            continue
        elif isinstance(f.kind, ListOf):
            values[f.key] = [example_record(f.kind.record, text)]
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


def write_village(folder: Path, text: str) -> None:
    """One village's data folder: one record per dataset, every text field holding `text`.

    Datasets kept in YAML get a YAML file; tables (CSV or XLSX only) get a CSV file.
    """
    for dataset in DATASETS:
        if dataset.name in NOT_FROM_EXAMPLES:
            continue
        record = example_record(dataset.record, text)
        yml = [p for p in dataset.patterns if p.endswith((".yml", ".yaml"))]
        tables = [p for p in dataset.patterns if p.endswith(".csv")]
        assert yml or tables, f"{dataset.name}: neither YAML nor CSV; list it in NOT_FROM_EXAMPLES"
        pattern = (yml or tables)[0]
        target = folder / pattern.replace("*", "records")
        target.parent.mkdir(parents=True, exist_ok=True)
        if yml:
            document = record if dataset.single else [record]
            target.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
        else:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows([list(record), list(record.values())])
            target.write_text(buffer.getvalue(), encoding="utf-8")


def new_project(base: Path, nav: list[str] | None = None) -> Path:
    """A copy of the demo project (config, content, overrides, data) to change in a test.

    `nav` replaces the demo's navigation (pages of content/), so the data may be replaced by
    something other than one village; None keeps it.
    """
    project = base / "project"
    for name in ("content", "site_overrides", "data"):
        shutil.copytree(ROOT / name, project / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if nav is not None:
        head, _, rest = config.partition("\nnav:\n")
        config = head + "\nnav:\n" + "".join(f"  - {page}\n" for page in nav) + rest[rest.index("\nvalidation:"):]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def mkdocs_build(project: Path, site_dir: Path | None = None, epoch: str | None = "1794715200",
                 **environ: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as a clerk runs it; `environ` adds environment variables."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **environ}
    env.pop("CUNWU_DEBUG", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
    if site_dir is not None:
        command += ["-d", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
