"""OpenDocument ``.ods`` spreadsheets (LibreOffice Calc, WPS, gnumeric) to located rows.

An ODS file stores each cell's value and also the text the program shows for it, so the reader
needs no library: the standard library's XML parser streams ``content.xml`` row by row (a
number's shown text tells its ``000`` padding; see `cells`). Rows and columns the file writes
once with a repeat count are counted as the program counts them; `grid` makes the table.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from xml.etree.ElementTree import ParseError, iterparse

from . import Read
from .cells import number_cell
from .grid import Sheet, empty_or_unreadable, read_sheets

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
MAX_ROWS = 1_048_576
"""The most rows a sheet can have; a repeat count beyond it is a damaged file."""


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


TABLE, ROW, CELL, COVERED = (
    _q("table:table"),
    _q("table:table-row"),
    _q("table:table-cell"),
    _q("table:covered-table-cell"),
)
STYLE, TABLE_PROPERTIES = _q("style:style"), _q("style:table-properties")
P, S, TAB, BREAK = _q("text:p"), _q("text:s"), _q("text:tab"), _q("text:line-break")


def read_ods(data: bytes, file: str) -> Read:
    """Rows of the worksheet that holds data as `Mapping`s keyed by header, numbered as Calc numbers them."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive, archive.open("content.xml") as content:
            sheets = _sheets(content)
    except (zipfile.BadZipFile, zlib.error, KeyError, OSError, ParseError, ValueError, EOFError):
        return empty_or_unreadable(
            file,
            "无法打开这个 ODS 文件",
            "LibreOffice 或 WPS 保存的 .ods 工作簿",
            "用 LibreOffice 或 WPS 打开后重新保存；或“另存为”→“Excel 工作簿（*.xlsx）”。",
        )
    return read_sheets(sheets, file)


def _sheets(content) -> list[Sheet]:
    hidden: set[str] = set()
    sheets: list[Sheet] = []
    visible: list[bool] = []
    number = 0
    for event, element in iterparse(content, events=("start", "end")):
        if event == "start":
            if element.tag == TABLE:
                sheets.append(Sheet(element.get(_q("table:name"), "")))
                visible.append(element.get(_q("table:style-name")) not in hidden)
                number = 0
            continue
        if element.tag == STYLE:
            properties = element.find(TABLE_PROPERTIES)
            if properties is not None and properties.get(_q("table:display")) == "false":
                hidden.add(element.get(_q("style:name")))
        elif element.tag == ROW and sheets:
            repeat = int(element.get(_q("table:number-rows-repeated"), "1"))
            cells, merges = _row(element, number + 1)
            if any(c is not None for c in cells):
                if number + repeat > MAX_ROWS:
                    raise ValueError("too many rows")
                for offset in range(repeat):
                    sheets[-1].rows[number + 1 + offset] = list(cells)
                sheets[-1].merges += merges
            number += repeat
            element.clear()
    return [sheet for sheet, shown in zip(sheets, visible, strict=True) if shown]


def _row(element, number: int) -> tuple[list, list]:
    cells: list = []
    merges = []
    pending = 0  # empty cells not yet written (a row often ends in a thousand repeated empty cells)
    for cell in element:
        if cell.tag not in (CELL, COVERED):
            continue
        repeat = int(cell.get(_q("table:number-columns-repeated"), "1"))
        value = _value(cell) if cell.tag == CELL else None
        if value is None:
            pending += repeat
            continue
        if len(cells) + pending + repeat > 16_384:
            raise ValueError("too many columns")
        cells += [None] * pending + [value] * repeat
        pending = 0
        down = int(cell.get(_q("table:number-rows-spanned"), "1"))
        across = int(cell.get(_q("table:number-columns-spanned"), "1"))
        if down > 1 or across > 1:
            column = len(cells)
            merges.append((number, column, number + down - 1, column + across - 1))
    return cells, merges


def _value(cell):
    kind = cell.get(_q("office:value-type"))
    shown = "\n".join(_paragraph(p) for p in cell if p.tag == P).strip()  # not a comment's paragraphs
    if kind in ("float", "currency", "percentage"):
        return number_cell(float(cell.get(_q("office:value"))), shown=shown)
    if kind == "date":
        moment = cell.get(_q("office:date-value"), "")
        day, _, clock = moment.partition("T")
        return day if clock.strip("0:.") == "" else f"{day} {clock}"
    if kind == "boolean":
        return "TRUE" if cell.get(_q("office:boolean-value")) == "true" else "FALSE"
    return shown or None


def _paragraph(element) -> str:
    """A paragraph's text with ODF's encoded spaces (text:s), tabs and line breaks restored."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == S:
            parts.append(" " * int(child.get(_q("text:c"), "1")))
        elif child.tag == TAB:
            parts.append("\t")
        elif child.tag == BREAK:
            parts.append("\n")
        else:
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)
