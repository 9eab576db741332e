"""Excel 97–2003 ``.xls`` workbooks (still what many township templates and WPS save) to located rows.

xlrd reads the cells with their types, number formats and merged ranges; `grid` makes the table.
Values become text as the program shows them, exactly as for XLSX.
"""

from __future__ import annotations

from datetime import time

from . import Read
from .cells import number_cell
from .grid import Sheet, empty_or_unreadable, read_sheets


def read_xls(data: bytes, file: str) -> Read:
    """Rows of the worksheet that holds data as `Mapping`s keyed by header, numbered as Excel numbers them."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=_Silent(), on_demand=True)
        try:
            sheets = [
                _sheet(book, book.sheet_by_index(i))
                for i in range(book.nsheets)
                if book.sheet_by_index(i).visibility == 0
            ]
        finally:
            book.release_resources()
    except Exception:  # xlrd raises many types (XLRDError, CompDocError, struct.error, …) for a damaged file
        return empty_or_unreadable(
            file,
            "无法打开这个 Excel 文件",
            "Excel 97–2003 的 .xls 工作簿",
            "用 Excel 或 WPS 打开后“另存为”→“Excel 工作簿（*.xlsx）”。",
        )
    return read_sheets(sheets, file)


def _sheet(book, sheet) -> Sheet:
    rows = {}
    for r in range(sheet.nrows):
        cells = [_text(book, sheet.cell(r, c)) for c in range(sheet.ncols)]
        if any(c is not None for c in cells):
            rows[r + 1] = cells
    merges = [(top + 1, left + 1, bottom, right) for top, bottom, left, right in sheet.merged_cells]
    return Sheet(sheet.name, rows, merges)


def _text(book, cell):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_TEXT:
        return cell.value.strip() or None
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return number_cell(cell.value, _format(book, cell))
    if cell.ctype == xlrd.XL_CELL_DATE:
        moment = xlrd.xldate_as_datetime(cell.value, book.datemode)
        if moment.time() == time(0):
            return moment.date().isoformat()
        return moment.time().isoformat() if cell.value < 1 else moment.isoformat(sep=" ")
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#N/A")
    return None


def _format(book, cell) -> str | None:
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None and cell.xf_index < len(book.xf_list) else None
    found = book.format_map.get(xf.format_key) if xf is not None else None
    return found.format_str if found is not None else None


class _Silent:
    """xlrd writes warnings about odd records to a log file; the clerk needs none of them."""

    def write(self, text: str) -> None:
        pass
