"""XLSX workbooks (Excel 2007 and later, WPS, LibreOffice, gnumeric) to located rows.

openpyxl reads the cells, their number formats and the workbook's date system; `grid` makes the
table (title rows, merged cells, empty rows). Values become text as the program shows them, so
the schemas parse them exactly as they parse CSV: dates typed as dates become ``2026-03-05``, a
number formatted ``000`` becomes ``002`` (see `cells`).
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from datetime import date, datetime, time, timedelta

from openpyxl.utils import range_boundaries

from . import Read
from .cells import ExcelNumber, number_cell
from .grid import Sheet, empty_or_unreadable, read_sheets

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def read_xlsx(data: bytes, file: str) -> Read:
    """Rows of the worksheet that holds data as `Mapping`s keyed by header, numbered as Excel numbers them."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():  # e.g. "Workbook contains no default style": nothing for a clerk
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheets = [_sheet(sheet, book.epoch) for sheet in book.worksheets if sheet.sheet_state == "visible"]
        finally:
            book.close()
    except (zipfile.BadZipFile, zlib.error, InvalidFileException, OSError, KeyError, ValueError, TypeError):
        return empty_or_unreadable(
            file,
            "无法打开这个 Excel 文件",
            "Excel 2007 及以后的 .xlsx 工作簿",
            "用 Excel 或 WPS 打开后“另存为”→“Excel 工作簿（*.xlsx）”；旧的 .xls 文件也要这样另存。",
        )
    return read_sheets(sheets, file)


def _sheet(sheet, epoch: datetime) -> Sheet:
    rows = {
        number: cells
        for number, row in enumerate(sheet.iter_rows(min_row=1), start=1)
        for cells in [[_text(c, epoch) for c in row]]
        if any(cells)
    }
    return Sheet(sheet.title, rows, _merged_ranges(sheet))


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


def _text(cell, epoch: datetime):
    """A cell's value as the text the program shows, or None."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        integer = float(value).is_integer()  # only an integer's format can change its text (000)
        return _number(value, epoch, getattr(cell, "number_format", None) if integer else None)
    text = str(value).strip()
    return text or None


def _number(value: float, epoch: datetime, number_format: str | None = None) -> ExcelNumber:
    cell = number_cell(value, number_format)
    if float(value).is_integer() and 61 <= value <= 2958465:  # serials below 61 hit Excel's 1900 leap-year bug
        cell.excel_date = (epoch + timedelta(days=int(value))).date()
    return cell
