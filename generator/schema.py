"""Record parsing: one schema per record type, which is also its documentation.

A record type is a frozen dataclass whose fields are declared with `spec(...)` (`generator.kinds`):
the field's kind (how its text is parsed), its Chinese label (also accepted as the key or column
header), and its documentation (shown on the data page and in the clerk's guide). This module reads
located raw values into such records, or into the problems that prevent it.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from dataclasses import dataclass
from typing import Any

from .kinds import FieldSpec, Invalid, ListOf, Nested, Private, fields_of, is_list
from .placeholders import is_placeholder
from .problems import Problem
from .readers import Mapping, Sequence


@dataclass(frozen=True)
class Origin:
    """Where a record came from: file, the line of the record and of each field."""

    file: str
    line: int
    lines: tuple[tuple[str, int], ...] = ()
    written: tuple[tuple[str, str], ...] = ()
    """(field key, the key or column header as the clerk wrote it)."""

    def line_of(self, key: str) -> int:
        return dict(self.lines).get(key, self.line)

    def name_of(self, record: type, key: str) -> str:
        """The field as the clerk wrote it, with its label: ``target_date（承诺完成时限）`` or ``编号``."""
        f = next(f for f in fields_of(record) if f.key == key)
        return _as_written(f, dict(self.written).get(key, key))


def problem_at(
    record, key: str, summary: str, expected: str = "", found: str | None = None, hint: str = "", *, line: int = 0
) -> Problem:
    """A problem at one field of a record: its file, the field's line (or `line`) and the field as
    the clerk wrote it, with its label."""
    origin = record.origin
    return Problem(
        origin.file,
        line or origin.line_of(key),
        origin.name_of(type(record), key),
        summary=summary,
        expected=expected,
        found=found,
        hint=hint,
    )


def origin_field() -> Any:
    return dataclasses.field(default=None, compare=False, repr=False)


def label(record: type, key: str) -> str:
    """The Chinese label of a field."""
    return next(f.label for f in fields_of(record) if f.key == key)


# --- parsing -----------------------------------------------------------------------------------


def parse_record(record: type, raw: Any, file: str, line: int = 0) -> tuple[Any, list[Problem]]:
    """Parse located raw values into a record, or return the problems that prevent it."""
    if not isinstance(raw, Mapping):
        return None, [
            Problem(
                file,
                getattr(raw, "line", line),
                summary="类型不对：这里应是一条记录",
                expected="一组“字段: 值”",
                found=_describe(raw),
                hint="检查缩进：一条记录的各字段要对齐，列表项以“- ”开头。",
            )
        ]
    specs, by_name = fields_of(record), _by_name(record)
    problems, values, lines, written, failed = [], {}, {}, {}, set()
    for key, value in raw.items():
        spec_ = by_name.get(key)
        if spec_ is None:
            problem = unknown_field(record, key, raw.line_of(key), file)
            failed.add(_suggested(record, key))  # no second message saying the right name is missing
            problems.append(problem)
            continue
        lines[spec_.key] = raw.line_of(key)
        written[spec_.key] = key
        value, found = _parse_value(spec_, key, value, raw.line_of(key), file)
        if found:
            failed.add(spec_.key)
        problems += found
        values[spec_.key] = value
    for f in specs:
        if f.required and f.key not in failed and values.get(f.key) in (None, ()):
            problems.append(_missing_field(f, raw, lines.get(f.key), file))
    if problems:
        return None, problems
    origin = Origin(file, raw.line, tuple(sorted(lines.items())), tuple(sorted(written.items())))
    return record(**values, origin=origin), []


def public_fields(record: type) -> tuple[FieldSpec, ...]:
    """The fields the site may publish: every field but those of kind `Private`."""
    return tuple(f for f in fields_of(record) if not isinstance(f.kind, Private))


def private_values(record) -> list[tuple[str, str, int]]:
    """Every `Private` value of a record and its nested records, as (value, field as written, line)."""
    found = []
    for f in fields_of(type(record)):
        value = getattr(record, f.key)
        if isinstance(f.kind, Private) and value:
            found.append((value, record.origin.name_of(type(record), f.key), record.origin.line_of(f.key)))
        elif isinstance(f.kind, Nested) and value is not None:
            found += private_values(value)
        elif isinstance(f.kind, ListOf):
            found += [v for item in value for v in private_values(item)]
    return found


def public_texts(record) -> list[str]:
    """Every text value of a record and its nested records that the site may publish."""
    found = []
    for f in public_fields(type(record)):
        value = getattr(record, f.key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(f.kind, Nested) and value is not None:
            found += public_texts(value)
        elif isinstance(f.kind, ListOf):
            found += [t for item in value for t in public_texts(item)]
    return found


@functools.cache
def _by_name(record: type) -> dict[str, FieldSpec]:
    """Each field by its key and by its Chinese label."""
    specs = fields_of(record)
    return {f.key: f for f in specs} | {f.label: f for f in specs}


def _parse_value(f: FieldSpec, key: str, value: Any, line: int, file: str) -> tuple[Any, list[Problem]]:
    if value is None or value == "":
        return (() if is_list(f.kind) else None), []
    if isinstance(f.kind, Nested):
        return parse_record(f.kind.record, value, file, line)
    if isinstance(f.kind, ListOf):
        if not isinstance(value, Sequence):
            return None, [
                Problem(
                    file,
                    line,
                    _as_written(f, key),
                    summary="类型不对",
                    expected=f.kind.expected,
                    found=_describe(value),
                    hint="每一项另起一行，以“- ”开头。",
                )
            ]
        items, problems = [], []
        for item in value:
            parsed, found = parse_record(f.kind.record, item, file, getattr(item, "line", line))
            items.append(parsed)
            problems += found
        return tuple(items), problems
    if is_placeholder(value):
        return None, [
            Problem(
                file,
                line,
                _as_written(f, key),
                summary="还是空白模板里的占位文字，没有填写",
                expected=f.kind.expected,
                found=str(value),
                hint="把“请填写……”换成真实内容；选填的项目没有内容就留空。",
            )
        ]
    try:
        return f.kind.parse(value), []
    except Invalid as error:
        return None, [
            Problem(
                file,
                line,
                _as_written(f, key),
                summary=error.summary,
                expected=error.expected or f.kind.expected,
                found=_describe(value) if error.found is None else error.found,
                hint=error.hint,
            )
        ]


def _as_written(f: FieldSpec, key: str) -> str:
    return key if key == f.label else f"{key}（{f.label}）"


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return "一组子字段"
    if isinstance(value, Sequence):
        return "一个列表"
    if value is None:
        return "空白"
    return str(value)


def _suggested(record: type, key: str) -> str | None:
    """The field a misspelt key most likely means."""
    specs = fields_of(record)
    near = difflib.get_close_matches(key, [f.key for f in specs] + [f.label for f in specs], n=1, cutoff=0.5)
    return next((f.key for f in specs if near and near[0] in (f.key, f.label)), None)


def unknown_field(record: type, key: str, line: int, file: str) -> Problem:
    """A key or column that the record type does not have, with the nearest valid name.

    A key written in Chinese (a CSV header, usually) is answered with Chinese labels.
    """
    specs = fields_of(record)
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in key)
    names = [f.label if chinese else f.key for f in specs]
    suggested = _suggested(record, key)
    if suggested:
        f = next(f for f in specs if f.key == suggested)
        hint = f"是不是想写“{f.label}”（{f.key}）？" if chinese else f"是不是想写“{f.key}”（{f.label}）？"
    else:
        hint = "请删除这个字段，或检查拼写。"
    return Problem(file, line, key, summary="未知字段", expected="以下字段之一：" + "、".join(names), hint=hint)


def _missing_field(f: FieldSpec, raw: Mapping, line: int | None, file: str) -> Problem:
    if line is not None:
        return Problem(
            file,
            line,
            _as_written(f, f.key),
            summary="必填字段是空的",
            expected=f.kind.expected,
            hint="填上内容；如果确实没有，请向支部确认该怎么写。",
        )
    example = f.kind.example or "…"
    return Problem(
        file,
        raw.line,
        _as_written(f, f.key),
        summary="缺少必填字段",
        expected=f.kind.expected,
        hint=f"在这条记录里加上一行：{f.key}: {example}",
    )
