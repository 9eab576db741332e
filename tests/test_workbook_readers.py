"""The XLS and ODS readers and the cell rules shared by every reader: number formats shown as the
program shows them, lost digits, names aligned with spaces, damaged files never raising."""

from __future__ import annotations

import io
import zipfile

import pytest
from helpers.properties import FAST, assert_read
from helpers.real_programs import FIXTURES
from hypothesis import example, given
from hypothesis import strategies as st

from generator.kinds.personal import name_text
from generator.readers.cells import format_integer, number_cell
from generator.readers.csv_reader import read_csv
from generator.readers.ods_reader import read_ods
from generator.readers.xls_reader import read_xls


@pytest.mark.parametrize(
    "number_format, value, shown",
    [
        ("000", 2, "002"),
        ("000", 12345, "12345"),
        ('"记-"000', 2, "记-002"),
        ("\\N0000", 17, "N0017"),
        ("000-0000", 1234567, "123-4567"),
        ("[$-804]000", 5, "005"),
        ("000;[Red]-000", 5, "005"),
        ("0", 7, "7"),
        ("General", 7, None),
        ("0.00", 7, None),
        ("#,##0", 7000, None),
        ("yyyy-mm-dd", 46083, None),
        ("0%", 1, None),
        ("@", 7, None),
        ("[>100]000", 7, None),
    ],
)
def test_integer_number_formats_are_shown_as_the_program_shows_them(number_format, value, shown):
    assert format_integer(value, number_format) == shown


def test_a_number_cell_is_read_as_shown_only_when_the_format_pads_or_labels_it():
    assert number_cell(2.0, "000") == "002"
    assert number_cell(2.5, "000") == "2.5"  # never rounded to what the format shows
    assert number_cell(2.0, shown="002") == "002"
    assert number_cell(1000.0, shown="1,000") == "1000"
    assert number_cell(0.5, shown="50%") == "0.5"


def test_a_number_cell_with_more_digits_than_a_spreadsheet_keeps_has_lost_them():
    cell = number_cell(110105194912310027.0, "0")
    assert cell.lost_digits and cell == "110105194912310000"
    assert not number_cell(110105194912310.0).lost_digits  # an old 15-digit ID fits


@pytest.mark.parametrize(
    "written, name", [("王\u3000芳", "王芳"), ("王 芳", "王芳"), (" 张三明 ", "张三明"), ("John  Smith", "John Smith")]
)
def test_spaces_aligning_a_chinese_name_are_not_part_of_it(written, name):
    assert name_text(written) == name


def test_csv_with_two_title_rows_names_both():
    header = "日期,凭证号,科目,摘要,收入,支出,经手人,审批人,项目编号"
    data = f"青禾村2026年3月收支明细账,,,,,,,,\n编制单位：村委会,,,,,,,单位：元,\n{header}\n2026-03-02,记-01,x,,,,,,\n"
    assert [str(p) for p in read_csv(data.encode(), "a.csv").problems] == [
        "a.csv 第 1 行：表头上面有标题：第 1–2 行不是表头。"
        "应为：第一行就是表头（如 日期、凭证号、科目、摘要、收入、支出、经手人、审批人、项目编号）；"
        "实际为：“青禾村2026年3月收支明细账”。提示：删除表头上面的第 1–2 行，让表头成为第一行，再另存为 CSV。"
    ]


def test_an_ods_sheet_hidden_in_calc_is_not_read():
    data = (FIXTURES / "list.ods").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml").decode()
    hidden = content.replace(
        "<office:automatic-styles>",
        '<office:automatic-styles><style:style style:name="hide" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>',
        1,
    ).replace('table:style-name="ta1"', 'table:style-name="hide"', 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", hidden)
    assert [p.summary for p in read_ods(buffer.getvalue(), "x.ods").problems] == ["文件是空的"]


def test_an_ods_row_repeated_and_a_cell_repeated_count_as_calc_counts_them():
    rows = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>b</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
        '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2" '
        'office:value-type="float" office:value="7"><text:p>007</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/>'
        "</table:table-row>"
    )
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        f'<table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", content)
    table = read_ods(buffer.getvalue(), "x.ods").value
    assert [(row.line, dict(row)) for row in table] == [(5, {"a": "007", "b": "007"}), (6, {"a": "007", "b": "007"})]


def _damaged(data: bytes, cut: int, flips: list) -> bytes:
    damaged = bytearray(data[:cut])
    for position, value in flips:
        if position < len(damaged):
            damaged[position] = value
    return bytes(damaged)


XLS = (FIXTURES / "ledger-merged-amount.xls").read_bytes()
ODS = (FIXTURES / "ledger-totals.ods").read_bytes()


@FAST
@given(st.integers(0, len(XLS)), st.lists(st.tuples(st.integers(0, len(XLS) - 1), st.integers(0, 255)), max_size=8))
@example(len(XLS), [])
@example(len(XLS) // 2, [])
def test_read_xls_takes_truncated_and_damaged_workbooks(cut, flips):
    assert_read(read_xls(_damaged(XLS, cut, flips), "data/lists/x.xls"), "data/lists/x.xls")


@FAST
@given(st.integers(0, len(ODS)), st.lists(st.tuples(st.integers(0, len(ODS) - 1), st.integers(0, 255)), max_size=8))
@example(len(ODS), [])
@example(len(ODS) // 2, [])
def test_read_ods_takes_truncated_and_damaged_workbooks(cut, flips):
    assert_read(read_ods(_damaged(ODS, cut, flips), "data/lists/x.ods"), "data/lists/x.ods")


def test_a_comma_csv_whose_values_hold_semicolons_and_tabs_is_read():
    data = '名单编号,备注\nMD-01,a;b;c;d;e\nMD-01,"x\ty\tz"\n'
    read = read_csv(data.encode(), "a.csv")
    assert read.problems == [] and [r["备注"] for r in read.value] == ["a;b;c;d;e", "x\ty\tz"]
