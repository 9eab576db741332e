"""CSV files as spreadsheet programs write them: UTF-8 (with or without BOM), GBK/GB18030, or UTF-16
with its BOM (Excel's “Unicode 文本”).

Only commas separate columns. A file separated by semicolons or tabs (what a program writes for
another locale, or as “text”) is refused as such, and so is a title row above the header: the
header is what the clerk must fix, so it is named, not guessed around.
"""

from __future__ import annotations

import csv
import io

from ..problems import Problem
from . import Mapping, Read, Sequence
from .cells import cell_problem, header_index

ENCODINGS = ("utf-8-sig", "gb18030")
SEPARATORS = {";": "分号（;）", "\t": "制表符（Tab）"}


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
    wrong = _separator_problem(text, numbered, file) or _title_problem(numbered, file)
    if wrong:
        return Read(problems=[wrong])
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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _separator_problem(text: str, rows: list[tuple[int, list[str]]], file: str) -> Problem | None:
    """A file whose first line of several cells (the header, or a title row's line) splits at
    semicolons or tabs, not at commas. Later lines are not looked at: their values may hold ; or tabs."""

    def width(line: str, separator: str) -> int:
        try:
            return sum(1 for c in next(csv.reader([line], delimiter=separator), []) if c.strip())
        except csv.Error:
            return 0

    for number, line in enumerate(text.splitlines()[: rows[min(len(rows), 5) - 1][0]], start=1):
        if width(line, ",") >= 2:
            return None
        for separator, name in SEPARATORS.items():
            if width(line, separator) >= 2:
                return Problem(
                    file,
                    number,
                    summary=f"这个文件用{name}分隔各列，不是用逗号",
                    expected="用逗号分隔的 CSV",
                    found=_shortened(line),
                    hint="在 Excel 里“另存为”→“CSV UTF-8（逗号分隔）”；在 WPS 或 LibreOffice 里另存为 CSV 时，"
                    "把“字段分隔符”选为逗号。",
                )
    return None


def _title_problem(rows: list[tuple[int, list[str]]], file: str) -> Problem | None:
    """Rows above the header (a sheet's title, 编制单位 …) that the clerk must delete."""
    at = header_index([len([c for c in cells if c]) for _, cells in rows[:30]])
    if not at:
        return None
    first, last = rows[0][0], rows[at - 1][0]
    where = f"第 {first} 行" if first == last else f"第 {first}–{last} 行"
    return Problem(
        file,
        first,
        summary=f"表头上面有标题：{where}不是表头",
        expected=f"第一行就是表头（如 {'、'.join(c for c in rows[at][1] if c)[:40]}）",
        found=" ".join(c for c in rows[0][1] if c),
        hint=f"删除表头上面的{where}，让表头成为第一行，再另存为 CSV。",
    )


def _shortened(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"


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
