"""Cell-level hazards that spreadsheet programs introduce, shared by the CSV and workbook readers.

A spreadsheet keeps a number to 15 significant digits: an 18-digit ID number typed into a number
cell keeps its first 15 digits and the rest become 0, and is shown in scientific notation
(``4.10101E+17``) unless the cell's format shows every digit (``110105194912310000``). Nothing can
recover the lost digits, so the readers refuse such cells. A workbook says which cells are
numbers; a CSV file does not, so there a long number ending in the zeros that truncation leaves is
refused too.

Number cells are read as the program shows them when the cell's format only pads the number with
zeros or adds fixed text (``000`` shows 2 as ``002``; ``"记-"000`` as ``记-002``); any other
format gives the number itself, so an amount is never rounded to what its format shows.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from ..personal_data import mask_number
from ..problems import Problem

_SCIENTIFIC = re.compile(r"[+-]?\d+(?:\.\d+)?[Ee][+-]?\d+")
PRECISION = 15
"""Significant digits a spreadsheet keeps of a number."""
_KEPT = 10**PRECISION
LOST_DIGITS_HINT = "在 Excel 里把这一列的单元格格式设为“文本”，再重新输入完整的号码；丢掉的几位无法恢复。"


class ExcelNumber(str):
    """A number cell as text.

    `excel_date` is the date it means if the column holds dates; `lost_digits` is True when it
    has more digits than a spreadsheet keeps (so its last digits are already gone).
    """

    excel_date: date | None = None
    lost_digits: bool = False


def number_cell(value: float, number_format: str | None = None, shown: str | None = None) -> ExcelNumber:
    """A number cell's text: as shown by an integer `number_format` (or the program's own `shown`
    text, when the file stores it), else the number itself to 15 significant digits."""
    if abs(value) >= _KEPT:
        cell = ExcelNumber(format(Decimal(f"{value:.{PRECISION}g}"), "f"))  # as the program shows it
        cell.lost_digits = True
        return cell
    if float(value).is_integer():
        text = (shown_integer(int(value), shown) if shown is not None else None) or (
            format_integer(int(value), number_format) if number_format else None
        )
        return ExcelNumber(text or str(int(value)))
    return ExcelNumber(repr(float(f"{value:.15g}")))


def shown_integer(value: int, shown: str) -> str | None:
    """`shown` when it is `value` padded with zeros and/or wrapped in fixed text, else None."""
    match = re.fullmatch(r"(\D*)(\d+)(\D*)", shown.strip())
    if match and int(match[2]) == value and value >= 0 and not re.search(r"[.,%Ee]", match[1] + match[3]):
        return shown.strip()
    return None


_FORMAT_TOKEN = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|.', re.S)


def format_integer(value: int, number_format: str) -> str | None:
    """A non-negative integer as an integer-only number format shows it (``000``, ``"记-"0000``,
    ``000-0000``), or None for any other format (decimals, grouping, dates, text, General)."""
    if value < 0:
        return None
    parts: list[tuple[bool, str]] = []  # (is a digit placeholder, text)
    for token in _FORMAT_TOKEN.findall(_sections(number_format)[0]):
        if token.startswith("["):
            if re.fullmatch(r"\[\$([^\]-]*)(?:-[^\]]*)?\]", token):
                parts.append((False, token[2:-1].split("-")[0]))  # currency symbol or locale
            elif not re.fullmatch(r"\[(?:[A-Za-z]+|Color\d+)\]", token) or re.fullmatch(r"\[[hHmMsS]+\]", token):
                return None  # a condition or an elapsed-time code
        elif token.startswith('"'):
            parts.append((False, token[1:-1]))
        elif token.startswith("\\"):
            parts.append((False, token[1]))
        elif token in "0#":
            parts.append((True, token))
        elif token.isalpha() or token in ".,%?@*_;/":
            return None  # dates, decimals, grouping, percent, fractions, text, padding
        else:
            parts.append((False, token))
    places = [i for i, (placeholder, _) in enumerate(parts) if placeholder]
    if not places:
        return None
    shown = [text for _, text in parts]
    digits = str(value)
    for i in reversed(places):
        take = digits if i == places[0] else digits[-1:]
        digits = "" if i == places[0] else digits[:-1]
        shown[i] = take or ("0" if parts[i][1] == "0" else "")
    return "".join(shown) or None


def _sections(number_format: str) -> list[str]:
    """The ;-separated sections of a number format (quoted text may hold a ;)."""
    sections, current = [], ""
    for token in _FORMAT_TOKEN.findall(number_format):
        if token == ";":
            sections.append(current)
            current = ""
        else:
            current += token
    return [*sections, current]


def cell_problem(text: str | None, file: str, row: int, column: str) -> Problem | None:
    """A problem for a cell a spreadsheet program has already damaged, or None."""
    if not text:
        return None
    if getattr(text, "lost_digits", False):
        return Problem(
            file,
            row,
            column,
            summary="Excel 丢掉了号码的最后几位：数字格式的单元格只保留 15 位有效数字，后面几位都变成了 0",
            expected="完整的号码，单元格格式为“文本”",
            found=mask_number(text),
            hint="Excel 丢掉了最后几位：" + LOST_DIGITS_HINT,
        )
    plain = unicodedata.normalize("NFKC", text)
    if _SCIENTIFIC.fullmatch(plain):
        return Problem(
            file,
            row,
            column,
            summary="数字被 Excel 显示成了科学计数法，后几位可能已经丢失",
            expected="完整写出的数字或号码",
            found=text,
            hint="在 Excel 里把这一列的单元格格式设为“文本”，重新输入完整的号码或金额，再另存；"
            "已经变成科学计数法的号码无法恢复。",
        )
    if _truncated(plain):
        return Problem(
            file,
            row,
            column,
            summary=f"{len(plain)} 位的号码以 {len(plain) - PRECISION} 个 0 结尾，多半是 Excel 丢掉了最后几位"
            "（数字格式的单元格只保留 15 位有效数字）",
            expected="完整的号码，单元格格式为“文本”",
            found=mask_number(plain),
            hint="Excel 丢掉了最后几位：" + LOST_DIGITS_HINT + "如果号码本来就以这几个 0 结尾，"
            "请改用 .xlsx 文件（CSV 分不出文本和数字）。",
        )
    return None


def _truncated(text: str) -> bool:
    """An 18-digit or longer number whose digits after the 15th are all 0: what a number cell leaves."""
    return len(text) >= PRECISION + 3 and text.isascii() and text.isdigit() and not text[PRECISION:].strip("0")


def header_index(widths: list[int]) -> int | None:
    """Which of the top rows (given their numbers of filled cells) is the header: the first row about
    as wide as the widest; rows above it are titles (a merged title fills one cell)."""
    if not widths:
        return None
    if max(widths) < 2:
        return 0
    need = max(2, (max(widths) * 3 + 4) // 5)
    return next(i for i, w in enumerate(widths) if w >= need)
