"""A worksheet's cells to a table of located rows, for every workbook format (XLSX, XLS, ODS).

Each workbook reader turns its file into `Sheet`s (cell texts by row number as the program numbers
rows, and the merged ranges); this module does the rest the same way for all of them. The header
is the first row about as wide as the table (a merged title such as “青禾村2026年3月收支明细” fills
one cell, so it is skipped); rows above it and empty rows anywhere are ignored. A cell merged down
over several rows (one date for several vouchers) gives its value to every row it covers, and each
row remembers which of its columns were filled so from the row above (`Mapping.filled`): whether
a column may be filled down is for the record's schema to say, not for a reader. A group title
merged across columns (金额 over 收入 and 支出) takes its column names from the row below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem
from . import Mapping, Read, Sequence
from .cells import cell_problem, header_index

HEADER_SCAN = 30
"""How many rows at the top may hold titles before the header."""
NOTES_SHEET = "填写说明"
"""A worksheet of instructions (the blank workbooks of `cunwu new` have one): never data."""


@dataclass
class Sheet:
    """One worksheet as a reader found it."""

    title: str
    rows: dict[int, list] = field(default_factory=dict)
    """Cell texts (None when empty) by row number, 1 for the first row."""
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(top row, first column, bottom row, last column) of each merged range, all counted from 1."""


def empty_or_unreadable(file: str, summary: str, expected: str, hint: str) -> Read:
    return Read(problems=[Problem(file, summary=summary, expected=expected, hint=hint)])


def read_sheets(sheets: list[Sheet], file: str) -> Read:
    """The table on the one worksheet that holds data, as `Mapping`s keyed by header."""
    found = [(sheet, rows) for sheet in sheets if sheet.title != NOTES_SHEET for rows in [_filled_rows(sheet)] if rows]
    problems = (
        [
            Problem(
                file,
                summary=f"工作簿里有多个有数据的工作表（{'、'.join(sheet.title for sheet, _ in found)}）",
                expected="只有一个工作表",
                hint="每个工作表另存为一个文件，或把数据合并到第一个工作表。",
            )
        ]
        if len(found) > 1
        else []
    )
    if not found:
        return empty_or_unreadable(file, "文件是空的", "第一行是表头、下面每行一条记录", "写入数据，或删除这个文件。")
    sheet, rows = found[0]
    header_at = header_index([sum(1 for c in cells if c) for _, cells, _ in rows[:HEADER_SCAN]]) or 0
    header_at, header = _two_row_header(rows, header_at, sheet.merges)
    table = Sequence(rows[header_at][0], columns=tuple(h for h in header if h))
    for number, cells, filled_from in rows[header_at + 1 :]:
        values = [(h, cells[i] if i < len(cells) else None) for i, h in enumerate(header) if h]
        damaged = [p for p in (cell_problem(v, file, number, h) for h, v in values) if p]
        extra = [c for c in cells[len(header) :] if c]
        if extra:
            damaged.append(
                Problem(
                    file,
                    number,
                    summary="这一行在表头以外的列里有内容",
                    expected=f"{len(header)} 列",
                    found=extra[0],
                    hint="删除多余的单元格，或在表头给这一列起名。",
                )
            )
        problems += damaged
        if not damaged:
            row = Mapping(number, values, {h: number for h, _ in values})
            row.filled = {header[c]: top for c, top in filled_from.items() if c < len(header) and header[c]}
            table.append(row)
    return Read(value=None if problems else table, problems=problems)


def _filled_rows(sheet: Sheet) -> list[tuple[int, list, dict[int, int]]]:
    """Non-empty rows as (row number, cell texts, {column index: row it was filled from})."""
    grid = {number: list(cells) for number, cells in sheet.rows.items()}
    filled: dict[int, dict[int, int]] = {}
    for top_row, first_column, bottom_row, last_column in sheet.merges:
        top = grid.get(top_row, [])
        for number in range(top_row + 1, bottom_row + 1):
            cells = grid.setdefault(number, [])
            for column in range(first_column - 1, min(last_column, len(top))):
                if top[column] is None:
                    continue
                cells.extend([None] * (column + 1 - len(cells)))
                cells[column] = top[column]
                filled.setdefault(number, {})[column] = top_row
    result = []
    for number in sorted(grid):
        cells = grid[number]
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            result.append((number, cells, filled.get(number, {})))
    return result


def _two_row_header(rows: list, at: int, merges: list) -> tuple[int, list]:
    """(index of the last header row, column names), for a header split over two rows.

    Clerks often merge a group title over its columns (金额 over 收入 and 支出) and name the
    columns in the row below: under such a merged cell the lower row's names are the columns.
    """
    number, header, _ = rows[at]
    spanned = {
        c
        for top, first, bottom, last in merges
        if top <= number <= bottom and last > first
        for c in range(first - 1, last)
    }
    if not spanned or at + 1 >= len(rows):
        return at, header
    below = rows[at + 1][1]
    width = max(len(header), len(below))
    header = header + [None] * (width - len(header))
    return at + 1, [below[c] if c in spanned and c < len(below) and below[c] else header[c] for c in range(width)]
