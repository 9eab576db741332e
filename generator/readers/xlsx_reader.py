"""XLSX workbooks as clerks keep them: title rows above the header, merged cells, empty rows below.

The first worksheet is read. The header is the first row that is about as wide as the table
(a merged title such as “青禾村2026年3月收支明细” fills one cell, so it is skipped); rows above it and
empty rows anywhere are ignored. A cell merged down over several rows (one date for several
vouchers) gives its value to every row it covers; a group title merged across columns (金额 over
收入 and 支出) takes its column names from the row below. Values become text as Excel shows them, so the
schemas parse them exactly as they parse CSV; dates typed as dates become ``2026-03-05``.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time, timedelta

from openpyxl.utils import range_boundaries

from ..problems import Problem
from . import Mapping, Read, Sequence
from .cells import cell_problem

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
HEADER_SCAN = 30
"""How many rows at the top may hold titles before the header."""


class ExcelNumber(str):
    """A numeric cell as text; `excel_date` is the date it means if the column holds dates."""

    excel_date: date | None = None


def read_xlsx(data: bytes, file: str) -> Read:
    """Rows of the first worksheet as `Mapping`s keyed by header, numbered as Excel numbers them."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheets = [
                (sheet.title, rows, merges)
                for sheet in book.worksheets
                if sheet.sheet_state == "visible"
                for merges in [_merged_ranges(sheet)]
                for rows in [_rows(sheet, book.epoch, merges)]
                if rows
            ]
        finally:
            book.close()
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError, TypeError):
        return Read(
            problems=[
                Problem(
                    file,
                    summary="无法打开这个 Excel 文件",
                    expected="Excel 2007 及以后的 .xlsx 工作簿",
                    hint="用 Excel 或 WPS 打开后“另存为”→“Excel 工作簿（*.xlsx）”；旧的 .xls 文件也要这样另存。",
                )
            ]
        )
    problems = (
        [
            Problem(
                file,
                summary=f"工作簿里有多个有数据的工作表（{'、'.join(title for title, _, _ in sheets)}）",
                expected="只有一个工作表",
                hint="每个工作表另存为一个文件，或把数据合并到第一个工作表。",
            )
        ]
        if len(sheets) > 1
        else []
    )
    if not sheets:
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
    _, rows, merges = sheets[0]
    header_at = _header_row(rows)
    if header_at is None:
        return Read(
            problems=[
                *problems,
                Problem(
                    file,
                    summary="找不到表头",
                    expected="一行列名，如 日期、凭证号、科目、摘要",
                    hint="在数据上方加一行表头。",
                ),
            ]
        )
    header_at, header = _two_row_header(rows, header_at, merges)
    number = rows[header_at][0]
    table = Sequence(number, columns=tuple(h for h in header if h))
    for number, cells in rows[header_at + 1 :]:
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
            table.append(Mapping(number, values, {h: number for h, _ in values}))
    return Read(value=None if problems else table, problems=problems)


def _rows(sheet, epoch: datetime, merges: list) -> list[tuple[int, list]]:
    """Non-empty rows as (Excel row number, cell texts), with vertical merges filled down."""
    grid = {
        number: [_text(c.value, epoch) for c in row] for number, row in enumerate(sheet.iter_rows(min_row=1), start=1)
    }
    for top_row, first_column, bottom_row, last_column in merges:
        top = grid.get(top_row, [])
        for number in range(top_row + 1, bottom_row + 1):
            cells = grid.get(number, [])
            for column in range(first_column - 1, min(last_column, len(cells), len(top))):
                cells[column] = top[column]
    result = []
    for number in sorted(grid):
        cells = grid[number]
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            result.append((number, cells))
    return result


def _merged_ranges(sheet) -> list[tuple[int, int, int, int]]:
    """(top row, first column, bottom row, last column) of each merged range.

    openpyxl's read-only mode (several times faster on long ledgers) does not parse merged cells,
    so they are read from the sheet's XML, where each is ``<mergeCell ref="A5:A7"/>``.
    """
    with sheet._get_source() as source:  # the worksheet XML inside the archive
        refs = _MERGE.findall(source.read())
    result = []
    for ref in refs:
        first_column, top_row, last_column, bottom_row = range_boundaries(ref.decode())
        result.append((top_row, first_column, bottom_row, last_column))
    return result


def _two_row_header(rows: list, at: int, merges: list) -> tuple[int, list]:
    """(index of the last header row, column names), for a header split over two rows.

    Clerks often merge a group title over its columns (金额 over 收入 and 支出) and name the
    columns in the row below: under such a merged cell the lower row's names are the columns.
    """
    number, header = rows[at]
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


def _header_row(rows: list[tuple[int, list]]) -> int | None:
    """The index of the first row about as wide as the widest of the top rows."""
    widths = [sum(1 for c in cells if c) for _, cells in rows[:HEADER_SCAN]]
    if not widths or max(widths) < 2:
        return 0 if widths else None
    need = max(2, (max(widths) * 3 + 4) // 5)
    return next(i for i, w in enumerate(widths) if w >= need)


def _text(value, epoch: datetime):
    """A cell's value as the text Excel shows (numbers to 15 significant digits), or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return _number(value, epoch)
    text = str(value).strip()
    return text or None


def _number(value: float, epoch: datetime) -> ExcelNumber:
    if abs(value) >= 1e15:
        text = f"{value:.6G}"  # what Excel shows: digits beyond 15 are already lost
    elif float(value).is_integer():
        text = str(int(value))
    else:
        text = repr(float(f"{value:.15g}"))
    cell = ExcelNumber(text)
    if float(value).is_integer() and 61 <= value <= 2958465:  # serials below 61 hit Excel's 1900 leap-year bug
        cell.excel_date = (epoch + timedelta(days=int(value))).date()
    return cell
