"""Each thing Excel does to a clerk's data (../shared/DOMAIN.md) is read right or refused exactly.

Refusals with their exact text are in tests/records/test_affairs_messages.py; here: what must be
read right, and the refusals that only an XLSX workbook can produce.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from helpers import TODAY
from helpers.affairs import LEDGER_CSV, write_affairs

from generator.model import load_site
from generator.readers.csv_reader import read_csv
from generator.readers.xlsx_reader import read_xlsx

HEADER = ["日期", "凭证号", "科目", "摘要", "收入", "支出", "经手人", "审批人", "项目编号"]


def ledger(village, name: str, data: bytes):
    """Load the affairs fixture with `data` as the March ledger; return (rows or None, problems)."""
    write_affairs(village)
    (village / "data" / "ledgers" / "2026-03.csv").unlink()
    (village / "data" / "ledgers" / name).write_bytes(data)
    site, problems = load_site(village / "data", TODAY, village)
    return (site.villages[0].records["ledger"] if site else None), [str(p) for p in problems]


def workbook(rows: list[list], *, merge: list[str] = (), formats: dict | None = None, epoch=None) -> bytes:
    book = openpyxl.Workbook()
    if epoch:
        book.epoch = epoch
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cells in merge:
        sheet.merge_cells(cells)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FIXTURE_ROWS = [
    [date(2026, 3, 2), "记-01", "补助收入", "村道项目资金", 1000, None, "甲一", "乙二", "XM-01"],
    [date(2026, 3, 5), "记-02", "管理费用", "办公用品", None, 200.5, "甲一", "乙二", None],
    [date(2026, 3, 9), "记-03", "公益支出", "村道材料款", None, 300, "甲一", "乙二", "XM-01"],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_excel_writes(village, encoding):
    rows, problems = ledger(village, "2026-03.csv", LEDGER_CSV.encode(encoding))
    assert problems == []
    assert [(r.account, r.income, r.expense) for r in rows] == [
        ("补助收入", Decimal("1000.00"), None),
        ("管理费用", None, Decimal("200.50")),
        ("公益支出", None, Decimal("300.00")),
    ]


@pytest.mark.parametrize(
    "written, amount",
    [
        ("1,000.00", "1000.00"),
        ("1000", "1000.00"),
        ("0.1万", "1000.00"),
        ("0.1万元", "1000.00"),
        ("￥1000", "1000.00"),
        ("¥1,000", "1000.00"),
        ("1,000.00元", "1000.00"),
        ("１０００", "1000.00"),
        ("１，０００．００", "1000.00"),
        (" 1000.0 ", "1000.00"),
        ("人民币1000元", "1000.00"),
    ],
)
def test_amounts_as_clerks_write_them(village, written, amount):
    rows, problems = ledger(village, "2026-03.csv", LEDGER_CSV.replace('"1,000.00"', f'"{written}"').encode())
    assert problems == []
    assert rows[0].income == Decimal(amount) and str(rows[0].income) == amount


@pytest.mark.parametrize(
    "written", ["2026-03-02", "2026/3/2", "2026.3.2", "2026年3月2日", "２０２６年３月２日", "2026-3-2"]
)
def test_dates_as_clerks_write_them(village, written):
    rows, problems = ledger(village, "2026-03.csv", LEDGER_CSV.replace("2026-03-02", written).encode())
    assert problems == []
    assert rows[0].date == date(2026, 3, 2)


def test_xlsx_with_title_rows_merged_cells_and_empty_rows_below(village):
    rows = [
        ["青禾村2026年3月收支明细账"],
        ["编制单位：村委会", None, None, None, None, None, None, "单位：元"],
        [],
        HEADER,
        *FIXTURE_ROWS,
        [],
        [],
        [None, None, None, None, None, None, None, None],
    ]
    data = workbook(
        rows, merge=["A1:I1", "G5:G7"], formats={"A5": "yyyy-mm-dd", "A6": "yyyy/m/d", "A7": "yyyy年m月d日"}
    )
    entries, problems = ledger(village, "2026-03.xlsx", data)
    assert problems == []
    assert [(e.origin.line, e.date, e.handled_by, e.income, e.expense) for e in entries] == [
        (5, date(2026, 3, 2), "甲一", Decimal("1000.00"), None),
        (6, date(2026, 3, 5), "甲一", None, Decimal("200.50")),  # merged G5:G7 fills down
        (7, date(2026, 3, 9), "甲一", None, Decimal("300.00")),
    ]


@pytest.mark.parametrize("epoch, serial", [(None, 46083), (datetime(1904, 1, 1), 44621)])
def test_xlsx_date_serial_in_a_general_cell_is_read_with_the_workbook_epoch(village, epoch, serial):
    rows = [HEADER, [serial, *FIXTURE_ROWS[0][1:]], *FIXTURE_ROWS[1:]]
    entries, problems = ledger(village, "2026-03.xlsx", workbook(rows, formats={"A2": "General"}, epoch=epoch))
    assert problems == []
    assert entries[0].date == date(2026, 3, 2)


def test_xlsx_float_artefacts_are_shown_as_excel_shows_them(village):
    rows = [
        HEADER,
        FIXTURE_ROWS[0],
        [date(2026, 3, 5), "记-02", "管理费用", "办公用品", None, 0.1 + 0.2 + 200.2, "甲一", "乙二"],
        FIXTURE_ROWS[2],
    ]
    entries, problems = ledger(village, "2026-03.xlsx", workbook(rows))
    assert problems == [] and entries[1].expense == Decimal("200.50")


def test_xlsx_id_number_typed_as_a_number_is_refused():
    data = workbook([["名单编号", "姓名", "身份证号"], ["MD-01", "张三明", 110105194912310020]])
    assert [str(p) for p in read_xlsx(data, "data/lists/MD-01.xlsx").problems] == [
        "data/lists/MD-01.xlsx 第 2 行，字段「身份证号」：Excel 丢掉了号码的最后几位：数字格式的单元格只保留 15 位有效数字，"
        "后面几位都变成了 0。应为：完整的号码，单元格格式为“文本”；实际为：“110***********0000”。"
        "提示：Excel 丢掉了最后几位：在 Excel 里把这一列的单元格格式设为“文本”，"
        "再重新输入完整的号码；丢掉的几位无法恢复。"
    ]


def test_csv_id_number_shown_in_scientific_notation_is_refused():
    data = "名单编号,姓名,身份证号\nMD-01,张三明,4.10101E+17\n".encode("gbk")
    assert [p.summary for p in read_csv(data, "a.csv").problems] == [
        "数字被 Excel 显示成了科学计数法，后几位可能已经丢失"
    ]


def test_xlsx_with_two_sheets_of_data_is_refused():
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.create_sheet("4月").append(HEADER)
    buffer = io.BytesIO()
    book.save(buffer)
    assert [str(p) for p in read_xlsx(buffer.getvalue(), "data/ledgers/2026.xlsx").problems] == [
        "data/ledgers/2026.xlsx：工作簿里有多个有数据的工作表（Sheet、4月）。应为：只有一个工作表。"
        "提示：每个工作表另存为一个文件，或把数据合并到第一个工作表。"
    ]


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize("data", [b"\xd0\xcf\x11\xe0 old xls", b"", _zip_without_workbook()])
def test_a_file_that_is_not_xlsx_is_refused(data):
    assert [str(p) for p in read_xlsx(data, "data/ledgers/2026-03.xlsx").problems] == [
        "data/ledgers/2026-03.xlsx：无法打开这个 Excel 文件。应为：Excel 2007 及以后的 .xlsx 工作簿。"
        "提示：用 Excel 或 WPS 打开后“另存为”→“Excel 工作簿（*.xlsx）”；旧的 .xls 文件也要这样另存。"
    ]


def test_xlsx_cells_outside_the_header_are_refused():
    data = workbook([["日期", "摘要"], ["2026-03-02", "电费", "多写的一格"]])
    assert [str(p) for p in read_xlsx(data, "x.xlsx").problems] == [
        "x.xlsx 第 2 行：这一行在表头以外的列里有内容。应为：2 列；实际为：“多写的一格”。提示：删除多余的单元格，或在表头给这一列起名。"
    ]


def test_xlsx_header_split_over_two_rows_under_a_merged_group(village):
    top = ["日期", "凭证号", "科目", "摘要", "金额", None, "经手人", "审批人", "项目编号"]
    below = [None, None, None, None, "收入", "支出", None, None, None]
    data = workbook(
        [["青禾村2026年3月收支明细账"], top, below, *FIXTURE_ROWS],
        merge=["A1:I1", "E2:F2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "G2:G3", "H2:H3", "I2:I3"],
    )
    entries, problems = ledger(village, "2026-03.xlsx", data)
    assert problems == []
    assert [(e.origin.line, e.income, e.expense) for e in entries] == [
        (4, Decimal("1000.00"), None),
        (5, None, Decimal("200.50")),
        (6, None, Decimal("300.00")),
    ]
