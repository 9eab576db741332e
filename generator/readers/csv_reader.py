"""CSV files as Excel writes them: UTF-8 (with or without BOM) or GBK/GB18030."""

from __future__ import annotations

import csv
import io

from ..problems import Problem
from . import Mapping, Read, Sequence
from .cells import cell_problem

ENCODINGS = ("utf-8-sig", "gb18030")


def read_csv(data: bytes, file: str) -> Read:
    """Rows as `Mapping`s keyed by header, each remembering its Excel row number."""
    text = _decode(data)
    if text is None:
        return Read(
            problems=[
                Problem(
                    file,
                    summary="文件编码无法识别",
                    expected="UTF-8 或 GBK 编码的 CSV",
                    hint="在 Excel 里“另存为”→“CSV UTF-8（逗号分隔）”。",
                )
            ]
        )
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return Read(
            problems=[
                Problem(
                    file,
                    summary="CSV 格式错误",
                    found=str(error),
                    hint="检查引号是否成对；建议在 Excel 里重新另存为 CSV。",
                )
            ]
        )
    numbered = [(i, [c.strip() for c in r]) for i, r in enumerate(records, start=1)]
    numbered = [(i, r) for i, r in numbered if any(r)]
    if not numbered:
        return Read(
            problems=[
                Problem(
                    file,
                    summary="文件是空的",
                    expected="第一行是表头、下面每行一条记录",
                    hint="写入数据，或删除这个文件。",
                )
            ]
        )
    (header_row, header), body = numbered[0], numbered[1:]
    problems = _header_problems(header, header_row, file)
    rows = Sequence(header_row, columns=tuple(h for h in header if h))
    for number, cells in body:
        if len(cells) > len(header) and any(cells[len(header) :]):
            problems.append(
                Problem(
                    file,
                    number,
                    summary="这一行的列数比表头多",
                    expected=f"{len(header)} 列",
                    found=f"{len(cells)} 列",
                    hint="检查是否多了逗号，或表头少了一列。",
                )
            )
            continue
        values = [(h, cells[i] if i < len(cells) and cells[i] != "" else None) for i, h in enumerate(header) if h]
        damaged = [p for p in (cell_problem(v, file, number, h) for h, v in values) if p]
        if damaged:
            problems += damaged
            continue
        rows.append(Mapping(number, values, {h: number for h, _ in values}))
    return Read(value=None if problems else rows, problems=problems)


def _decode(data: bytes) -> str | None:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _header_problems(header: list[str], row: int, file: str) -> list[Problem]:
    problems, seen = [], set()
    for column, name in enumerate(header, start=1):
        if name and name in seen:
            problems.append(
                Problem(
                    file,
                    row,
                    name,
                    summary="表头重复",
                    expected="每一列的表头各不相同",
                    hint=f"第 {column} 列与前面某列同名，请改名或删除一列。",
                )
            )
        seen.add(name)
    return problems
