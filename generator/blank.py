"""Blank files for clerks (`cunwu new <type>`), generated from the schemas.

A flat dataset that may be kept as a table gets a CSV (UTF-8 with BOM, Chinese headers) and an
XLSX with the same header and one example row; every other dataset gets a YAML file in which
each field is preceded by a comment with its Chinese label and documentation, and optional groups
and lists are commented out. The example record carries the next free id, computed from the ids
already in the data folder, so a record type added later needs no new code here. Values the kinds'
examples cannot make valid (a year's weights adding up to 100, the five criteria of 五个好) come
from the dataset's own example (`Dataset.example`), which the schema-driven tests use too.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .datasets import named as dataset_named
from .kinds import Day, FieldSpec, Identifier, ListOf, Nested, Text, fields_of
from .model import village_folders
from .placeholders import placeholder
from .readers import Mapping, Sequence
from .readers.grid import NOTES_SHEET
from .readers.registry import READERS
from .records import Dataset, Example

YEAR_PREFIX = re.compile(r"(19|20)\d\d(?=[-_])")
"""Ids such as 2025-001 start with a year: a new record gets this year's prefix."""


@dataclass(frozen=True)
class Blank:
    """The files of one blank template, by file name, and the id its example record carries."""

    files: dict[str, bytes]
    new_id: str | None


def blank(dataset: Dataset, data_dir: Path, today: date) -> Blank:
    """The blank files for `dataset`, with the next free id of the villages under `data_dir`."""
    new_id = next_id(dataset, existing_ids(dataset, data_dir), today)
    stem = f"{dataset.name}-{new_id}" if new_id else dataset.name
    example = dataset.example_on(today)
    given = example.values
    if dataset.tabular:
        row = example_row(dataset.record, given, new_id, today)
        xlsx = to_xlsx(dataset, row, needs(example))
        return Blank({f"{stem}.csv": to_csv(dataset, row), f"{stem}.xlsx": xlsx}, new_id)
    if dataset.in_content:
        return Blank({STORY_SLUG + ".md": to_markdown(dataset, given, today).encode("utf-8")}, None)
    return Blank({f"{stem}.yml": to_yaml(dataset, given, new_id, today, needs(example)).encode("utf-8")}, new_id)


def needs(example: Example) -> str:
    """What else the example needs to pass the check (its companions), said to the clerk; or ''."""
    others = [dataset_named(name) for name in example.companions]
    wanted = "、".join(f"{d.title}（{' 或 '.join(d.patterns)}）" for d in others)
    return f"这条记录还要求{wanted}里有与它对应的记录。" if wanted else ""


STORY_SLUG = "2025-tea-road"
"""The example slug of a page kept in content/ (a story): the file is named after it."""


def to_markdown(dataset: Dataset, given: dict, today: date) -> str:
    """A hand-written page (a story) with its front matter filled with example values, and a body."""
    lines = _record_lines(dataset.record, given, None, today)
    return "\n".join(
        [
            "---",
            *lines,
            "---",
            "",
            f"# {placeholder('标题')}",
            "",
            f"<!-- {dataset.title}的正文写在这里，照片放在同一个文件夹，文件名以网址名开头，"
            f"如 {STORY_SLUG}.jpg，用 ![照片说明]({STORY_SLUG}.jpg) 插入。"
            f"改好后把文件改名为“网址名.md”，放进 content/cases/，再运行 .venv/bin/cunwu check 检查。 -->",
            "",
        ]
    )


# --- ids ---------------------------------------------------------------------------------------


def existing_ids(dataset: Dataset, data_dir: Path) -> set[str]:
    """Every id written in the dataset's files (read leniently: broken records still count)."""
    id_field = next((f for f in fields_of(dataset.record) if f.key == "id"), None)
    if id_field is None:
        return set()
    ids = set()
    for _, folder in village_folders(data_dir):
        for path in sorted({p for pattern in dataset.patterns for p in folder.glob(pattern) if p.is_file()}):
            reader = READERS.get(path.suffix.lower())
            value = reader(path.read_bytes(), path.name).value if reader else None
            rows = value if isinstance(value, Sequence) else [value]
            for row in rows:
                if isinstance(row, Mapping):
                    raw = row.get("id") or row.get(id_field.label)
                    if isinstance(raw, str):
                        ids.add(id_field.kind.text(raw))
    return ids


def next_id(dataset: Dataset, ids: set[str], today: date) -> str | None:
    """The id after the highest one of the same shape: M046 → M047, 2026-048 → 2026-049.

    The shape is the schema's example id (prefix + zero-padded number); a year prefix becomes
    the current year, so the first pledge of a new year is 2027-001.
    """
    id_field = next((f for f in fields_of(dataset.record) if f.key == "id"), None)
    if id_field is None or not isinstance(id_field.kind, Identifier):
        return None
    match = re.fullmatch(r"(.*?)(\d+)", id_field.kind.example)
    if not match:
        return id_field.kind.example
    prefix, digits = match.groups()
    prefix = YEAR_PREFIX.sub(str(today.year), prefix, count=1)
    numbers = [int(m.group(1)) for i in ids if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", i))]
    return f"{prefix}{max(numbers, default=0) + 1:0{len(digits)}d}"


# --- example values ----------------------------------------------------------------------------


def example_value(f: FieldSpec, given: dict, new_id: str | None, today: date) -> str:
    """What the example record says for a field: a valid value the clerk replaces (`given` holds
    the dataset's own example values)."""
    if f.key == "id" and new_id:
        return new_id
    if f.key in given:
        return given[f.key] or ""
    if isinstance(f.kind, Day):
        return today.isoformat()
    if isinstance(f.kind, Text) or not f.kind.example:
        return placeholder(f.label)
    return f.kind.example


def example_row(record: type, given: dict, new_id: str | None, today: date) -> list[str]:
    """One table row: required columns (and those the dataset's example gives) filled, others blank."""
    return [example_value(f, given, new_id, today) if f.required or f.key in given else "" for f in fields_of(record)]


def field_note(f: FieldSpec) -> str:
    """The one-line explanation of a field: label, required or not, what to write, its doc."""
    need = "必填" if f.required else "选填"
    return f"{f.label}（{need}；{f.kind.expected}）：{f.doc}"


# --- tables ------------------------------------------------------------------------------------


def to_csv(dataset: Dataset, row: list[str]) -> bytes:
    """Header of Chinese labels and the example row; UTF-8 with BOM and CRLF, as Excel writes it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.label for f in fields_of(dataset.record)])
    writer.writerow(row)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(dataset: Dataset, row: list[str], needed: str = "") -> bytes:
    """A workbook: sheet 数据 (header and example row, every cell text so Excel keeps 001 and
    dates as typed) and sheet 填写说明 (each column's meaning, from the schema)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    specs = fields_of(dataset.record)
    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append([f.label for f in specs])
    sheet.append(row)
    for column, f in enumerate(specs, start=1):
        sheet.cell(1, column).font = Font(bold=True)
        letter = sheet.cell(1, column).column_letter
        sheet.column_dimensions[letter].width = max(10, 2 * len(f.label) + 4)
        sheet.column_dimensions[letter].number_format = "@"
        for line in range(2, 201):
            sheet.cell(line, column).number_format = "@"
    sheet.freeze_panes = "A2"
    notes = book.create_sheet(NOTES_SHEET)
    notes.append(["列名", "字段", "必填", "应填写", "说明"])
    for f in specs:
        notes.append([f.label, f.key, "是" if f.required else "否", f.kind.expected, f.doc])
    notes.append([])
    notes.append(
        [
            f"填好“数据”表后，把这个工作簿放进 {' 或 '.join(dataset.patterns)}（同名的文件只留一个），"
            "或另存为“CSV UTF-8（逗号分隔）”把数据行追加到已有的 CSV，再运行 .venv/bin/cunwu check 检查。" + needed
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- YAML --------------------------------------------------------------------------------------


def to_yaml(dataset: Dataset, given: dict, new_id: str | None, today: date, needed: str = "") -> str:
    """A commented YAML file holding one example record of `dataset`."""
    where = " 或 ".join(f"data/{p}" for p in dataset.patterns)
    header = [
        f"# {dataset.title}（{dataset.name}）的空白模板，由“.venv/bin/cunwu new {dataset.name}”按数据格式生成。",
        f"# 用法：把下面的记录填好，放进 {where}"
        + ("（可以整个文件替换）。" if dataset.single else "（追加在已有文件末尾，或另存一个新文件）。"),
        "# 以“#”开头的行是说明，不会被读取。选填的项目可以留空；整段以“# ”开头的选填项目，",
        "# 需要时把这一段每行开头的“# ”删掉即可启用。改好后运行 .venv/bin/cunwu check 检查。",
    ]
    if new_id:
        header.append(f"# 新记录的编号 {new_id} 是按已有编号推算的下一个空号。")
    if needed:
        header.append(f"# {needed}")
    lines = _record_lines(dataset.record, given, new_id, today)
    body = lines if dataset.single else _as_list_item(lines)
    return "\n".join([*header, "", *body]) + "\n"


def _record_lines(record: type, given: dict, new_id: str | None, today: date) -> list[str]:
    """A record as YAML mapping lines at indent 0, each field after its comment."""
    lines = []
    for f in fields_of(record):
        block = [f"# {field_note(f)}", *_value_lines(f, given, new_id, today)]
        if not f.required and isinstance(f.kind, (Nested, ListOf)) and not given.get(f.key):
            block = [block[0]] + [_comment_out(line) for line in block[1:]]
        lines += block
    return lines


def _value_lines(f: FieldSpec, given: dict, new_id: str | None, today: date) -> list[str]:
    if isinstance(f.kind, Nested):
        return [f"{f.key}:", *_indent(_record_lines(f.kind.record, given.get(f.key) or {}, None, today))]
    if isinstance(f.kind, ListOf):
        items = [_as_list_item(_record_lines(f.kind.record, item, None, today)) for item in given.get(f.key) or [{}]]
        items[1:] = [[line for line in item if not line.lstrip().startswith("#")] for item in items[1:]]
        return [f"{f.key}:", *_indent([line for item in items for line in item])]
    if not f.required and not given.get(f.key):
        return [f"{f.key}:"]
    return [f"{f.key}: {_scalar(example_value(f, given, new_id, today))}"]


def _as_list_item(lines: list[str]) -> list[str]:
    """Mapping lines turned into one list item: ``- `` before the first key, two spaces elsewhere."""
    first = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    return ["  " + line if i != first else "- " + line for i, line in enumerate(lines)]


def _indent(lines: list[str]) -> list[str]:
    return ["  " + line for line in lines]


def _comment_out(line: str) -> str:
    """``  key: value`` → ``# key: value``, keeping the indentation after the ``# ``."""
    return "# " + line


def _scalar(text: str) -> str:
    """A YAML scalar that reads back as exactly `text` (quoted only when it must be)."""
    try:
        node = yaml.compose(f"k: {text}", Loader=yaml.SafeLoader)
        plain = node.value[0][1].value == text and "#" not in text
    except yaml.YAMLError:
        plain = False
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
