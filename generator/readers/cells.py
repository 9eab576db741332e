"""Cell-level hazards that Excel introduces, shared by the CSV and XLSX readers.

A long number typed into a cell Excel treats as a number loses its last digits and is shown in
scientific notation (``4.10101E+17``). Nothing can recover it, so the reader refuses the cell.
"""

from __future__ import annotations

import re
import unicodedata

from ..problems import Problem

_SCIENTIFIC = re.compile(r"[+-]?\d+(?:\.\d+)?[Ee][+-]?\d+")


def cell_problem(text: str | None, file: str, row: int, column: str) -> Problem | None:
    """A problem for a cell Excel has already damaged, or None."""
    if text and _SCIENTIFIC.fullmatch(unicodedata.normalize("NFKC", text)):
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
    return None
