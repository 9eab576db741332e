"""Spreadsheets saved by real programs (tests/fixtures/real-programs/, made by its make.py) and what
each must give: the rows exactly as the clerk typed them, or the exact Chinese refusals.

Each case puts one file into the village of conftest and affairs_data (March ledger, name list
MD-01, members) in place of the CSV it replaces, or beside it, and loads the whole village.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from . import MEMBERS_CSV, PLEDGES_YML, TODAY, VILLAGE_YML
from .affairs import write_affairs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "real-programs"


@dataclass(frozen=True)
class Case:
    fixture: str
    """The file in tests/fixtures/real-programs/."""
    target: str
    """Where it goes under data/."""
    replaces: str | None
    """The file it takes the place of (deleted), or None when it is put beside it."""
    rows: tuple = ()
    """The records read, as `key` gives them, when the file must be read."""
    problems: tuple[str, ...] = ()
    """The exact messages, when the file must be refused."""
    diagnosis: str = ""
    """For a refusal: a word its summary must hold (to judge other versions' messages by diagnosis)."""

    @property
    def dataset(self) -> str:
        return {"ledgers": "ledger", "lists": "list_entries"}.get(self.target.split("/")[0], "members")


def key(record) -> tuple:
    """The fields a case compares, per dataset."""
    if hasattr(record, "voucher"):
        money = [str(v) if v is not None else "" for v in (record.income, record.expense)]
        return (record.origin.line, record.date.isoformat(), record.voucher, record.account, *money, record.handled_by)
    if hasattr(record, "list_id"):
        return (record.origin.line, record.name, record.id_number, record.phone, str(record.amount))
    return (record.origin.line, record.id, record.name, record.joined)


def ledger_rows(first: int = 2, vouchers=("记-01", "记-02", "记-03"), dates=("2026-03-02", "2026-03-05", "2026-03-09")):
    accounts = (("补助收入", "1000.00", ""), ("管理费用", "", "200.50"), ("公益支出", "", "300.00"))
    return tuple(
        (first + i, dates[i], vouchers[i], account, income, expense, "甲一")
        for i, (account, income, expense) in enumerate(accounts)
    )


LIST_ROWS = (
    (2, "张*明", "110105********002X", "138****5678", "580.00"),
    (3, "王*", "110105********0062", "079*****0002", "520.00"),  # 王　芳: the two-character name 王芳
)
MEMBER_ROWS = ((2, "M001", "甲一", 1998), (3, "M002", "乙二", 2010))

LEDGER = "ledgers/2026-03.csv"
LIST = "lists/MD-01.csv"

SEPARATOR = (
    "data/ledgers/2026-03.csv 第 1 行：这个文件用{name}分隔各列，不是用逗号。应为：用逗号分隔的 CSV；"
    "实际为：“日期{sep}凭证号{sep}科目{sep}摘要{sep}收入{sep}支出{sep}经手人{sep}审批人{sep}项目编…”。"
    "提示：在 Excel 里“另存为”→“CSV UTF-8（逗号分隔）”；在 WPS 或 LibreOffice 里另存为 CSV 时，把“字段分隔符”选为逗号。"
)
TOTALS = (
    "data/ledgers/2026-03.{ext} 第 {row} 行，字段「日期」：这一行是合计或余额行，不是一笔收支。"
    "应为：每行一笔有日期、凭证号的收支；实际为：“本月合计”。"
    "提示：删除这一行：每月的合计由网站算出，期初、期末余额写在 ledgers/periods.yml 里。"
)
MERGED_AMOUNT = (
    "data/{file} 第 {row} 行，字段「{column}」：“{column}”的单元格从第 {top} 行向下合并到了这一行："
    "同一笔金额会算进每一行。"
    "应为：每行单独填写，不合并单元格。提示：取消合并单元格：一笔金额只写在它所属的那一行；"
    "几行各有金额时分别填写，共用一笔时只写在一行、其他行留空。"
)
LOST_DIGITS = (
    "data/lists/MD-01.{ext} 第 {row} 行，字段「身份证号」：Excel 丢掉了号码的最后几位：数字格式的单元格只保留 15 位有效数字，"
    "后面几位都变成了 0。应为：完整的号码，单元格格式为“文本”；实际为：“{masked}”。"
    "提示：Excel 丢掉了最后几位：在 Excel 里把这一列的单元格格式设为“文本”，再重新输入完整的号码；丢掉的几位无法恢复。"
)
LOST_DIGITS_CSV = (
    "data/lists/MD-01.csv 第 {row} 行，字段「身份证号」：18 位的号码以 3 个 0 结尾，多半是 Excel 丢掉了最后几位"
    "（数字格式的单元格只保留 15 位有效数字）。应为：完整的号码，单元格格式为“文本”；实际为：“{masked}”。"
    "提示：Excel 丢掉了最后几位：在 Excel 里把这一列的单元格格式设为“文本”，再重新输入完整的号码；丢掉的几位无法恢复。"
    "如果号码本来就以这几个 0 结尾，请改用 .xlsx 文件（CSV 分不出文本和数字）。"
)


def _read(fixture: str, target: str, replaces: str | None, rows: tuple) -> Case:
    return Case(fixture, target, replaces, rows=rows)


def _refused(fixture: str, target: str, replaces: str | None, diagnosis: str, *problems: str) -> Case:
    return Case(fixture, target, replaces, problems=problems, diagnosis=diagnosis)


CASES = (
    # read exactly as typed: every format and program
    _read("ledger.xlsx", "ledgers/2026-03.xlsx", LEDGER, ledger_rows()),
    _read("ledger.xls", "ledgers/2026-03.xls", LEDGER, ledger_rows()),
    _read("ledger.ods", "ledgers/2026-03.ods", LEDGER, ledger_rows()),
    _read("ledger-utf8.csv", LEDGER, LEDGER, ledger_rows()),
    _read("ledger-gbk.csv", LEDGER, LEDGER, ledger_rows()),
    _read("ledger-gnumeric.xlsx", "ledgers/2026-03.xlsx", LEDGER, ledger_rows()),
    _read("ledger-gnumeric.xls", "ledgers/2026-03.xls", LEDGER, ledger_rows()),
    _read("ledger-gnumeric.csv", LEDGER, LEDGER, ledger_rows()),
    _read("ledger-title.xlsx", "ledgers/2026-03.xlsx", LEDGER, ledger_rows(first=3)),
    # a date and a handler merged down: filled into every row they cover
    _read("ledger-merged-dates.xlsx", "ledgers/2026-03.xlsx", LEDGER, ledger_rows(dates=("2026-03-02",) * 3)),
    _read("ledger-merged-dates.ods", "ledgers/2026-03.ods", LEDGER, ledger_rows(dates=("2026-03-02",) * 3)),
    # voucher numbers typed as numbers in cells formatted 000 (or "记-"000): read as shown
    _read("ledger-voucher-000.xlsx", "ledgers/2026-03.xlsx", LEDGER, ledger_rows(vouchers=("001", "002", "003"))),
    _read("ledger-voucher-000.xls", "ledgers/2026-03.xls", LEDGER, ledger_rows(vouchers=("001", "002", "003"))),
    _read("ledger-voucher-000.ods", "ledgers/2026-03.ods", LEDGER, ledger_rows(vouchers=("001", "002", "003"))),
    _read("ledger-voucher-000.csv", LEDGER, LEDGER, ledger_rows(vouchers=("001", "002", "003"))),
    _read(
        "ledger-voucher-000-gnumeric.xlsx", "ledgers/2026-03.xlsx", LEDGER, ledger_rows(vouchers=("001", "002", "003"))
    ),
    _read(
        "ledger-voucher-ji-000.xlsx",
        "ledgers/2026-03.xlsx",
        LEDGER,
        ledger_rows(vouchers=("记-001", "记-002", "记-003")),
    ),
    # name lists, with a two-character name aligned by an ideographic space
    _read("list.xlsx", "lists/MD-01.xlsx", LIST, LIST_ROWS),
    _read("list.xls", "lists/MD-01.xls", LIST, LIST_ROWS),
    _read("list.ods", "lists/MD-01.ods", LIST, LIST_ROWS),
    _read("list-utf8.csv", LIST, LIST, LIST_ROWS),
    _read("list-gnumeric.xls", "lists/MD-01.xls", LIST, LIST_ROWS),
    # members in a workbook instead of members.csv
    _read("members.xlsx", "members.xlsx", "members.csv", MEMBER_ROWS),
    _read("members.xls", "members.xls", "members.csv", MEMBER_ROWS),
    _read("members.ods", "members.ods", "members.csv", MEMBER_ROWS),
    # refused, each with its own diagnosis
    _refused(
        "members.xlsx",
        "members.xlsx",
        None,
        "存成了",
        "data/members.csv：同一份党员名册存成了 2 个文件：members.csv、members.xlsx。应为：只有一个文件。提示：只保留正在用的那个文件，删除其他的；"
        "网站会把每个文件都读一遍，同一批记录会算两次。",
    ),
    _refused("ledger-semicolon.csv", LEDGER, LEDGER, "分隔", SEPARATOR.format(name="分号（;）", sep=";")),
    _refused("ledger-gnumeric-semicolon.csv", LEDGER, LEDGER, "分隔", SEPARATOR.format(name="分号（;）", sep=";")),
    _refused("ledger-tab.csv", LEDGER, LEDGER, "分隔", SEPARATOR.format(name="制表符（Tab）", sep=" ")),
    _refused("ledger-tab-utf16.csv", LEDGER, LEDGER, "分隔", SEPARATOR.format(name="制表符（Tab）", sep=" ")),
    _refused(
        "ledger-title.csv",
        LEDGER,
        LEDGER,
        "标题",
        "data/ledgers/2026-03.csv 第 1 行：表头上面有标题：第 1 行不是表头。"
        "应为：第一行就是表头（如 日期、凭证号、科目、摘要、收入、支出、经手人、审批人、项目编号）；"
        "实际为：“青禾村2026年3月收支明细账”。提示：删除表头上面的第 1 行，让表头成为第一行，再另存为 CSV。",
    ),
    _refused("ledger-totals.xlsx", "ledgers/2026-03.xlsx", LEDGER, "合计", TOTALS.format(ext="xlsx", row=6)),
    _refused("ledger-totals.ods", "ledgers/2026-03.ods", LEDGER, "合计", TOTALS.format(ext="ods", row=6)),
    _refused("ledger-totals.csv", LEDGER, LEDGER, "合计", TOTALS.format(ext="csv", row=5)),
    *(
        _refused(
            fixture,
            f"ledgers/2026-03.{fixture.rsplit('.', 1)[1]}",
            LEDGER,
            "合并",
            MERGED_AMOUNT.format(file=f"ledgers/2026-03.{fixture.rsplit('.', 1)[1]}", row=4, top=3, column="支出"),
        )
        for fixture in (
            "ledger-merged-amount.xlsx",
            "ledger-merged-amount.xls",
            "ledger-merged-amount.ods",
            "ledger-merged-amount-gnumeric.xlsx",
        )
    ),
    *(
        _refused(
            fixture,
            f"lists/MD-01.{fixture.rsplit('.', 1)[1]}",
            LIST,
            "合并",
            MERGED_AMOUNT.format(file=f"lists/MD-01.{fixture.rsplit('.', 1)[1]}", row=3, top=2, column="金额"),
        )
        for fixture in ("list-merged-amount.xlsx", "list-merged-amount.ods")
    ),
    # ID numbers typed into number cells: the check digit may happen to match, the number is still wrong
    *(
        _refused(
            fixture,
            f"lists/MD-01.{fixture.rsplit('.', 1)[1]}",
            LIST,
            "丢",
            LOST_DIGITS.format(ext=fixture.rsplit(".", 1)[1], row=2, masked="110***********2000"),
        )
        for fixture in (
            "list-id-lost-valid.xlsx",
            "list-id-lost-valid.xls",
            "list-id-lost-valid.ods",
            "list-id-lost-valid-gnumeric.xlsx",
        )
    ),
    _refused("list-id-lost-valid.csv", LIST, LIST, "丢", LOST_DIGITS_CSV.format(row=2, masked="110***********2000")),
    _refused(
        "list-id-lost.xlsx",
        "lists/MD-01.xlsx",
        LIST,
        "丢",
        LOST_DIGITS.format(ext="xlsx", row=3, masked="330***********0000"),
    ),
    _refused("list-id-lost.csv", LIST, LIST, "丢", LOST_DIGITS_CSV.format(row=3, masked="330***********0000")),
    _refused(
        "list-id-general.xlsx",
        "lists/MD-01.xlsx",
        LIST,
        "丢",
        LOST_DIGITS.format(ext="xlsx", row=3, masked="330***********0000"),
    ),
)


def case_id(case: Case) -> str:
    return case.fixture + ("" if case.replaces else " beside")


def make_village(project: Path) -> Path:
    """conftest's village with affairs_data's files, under `project`."""
    data = project / "data"
    (data / "pledges").mkdir(parents=True)
    (data / "village.yml").write_text(VILLAGE_YML, encoding="utf-8")
    (data / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    (data / "pledges" / "2026.yml").write_text(PLEDGES_YML, encoding="utf-8")
    return write_affairs(project)


def load(case: Case, project: Path, load_site) -> tuple[tuple | None, list[str], list]:
    """(the case's records as `key` gives them, or None; the problems' texts; the problems) after putting
    its file into a fresh village under `project` and loading it with `load_site`."""
    make_village(project)
    if case.replaces:
        (project / "data" / case.replaces).unlink()
    shutil.copy(FIXTURES / case.fixture, project / "data" / case.target)
    site, problems = load_site(project / "data", TODAY, project)
    rows = tuple(key(r) for r in site.villages[0].records[case.dataset]) if site else None
    return rows, [str(p) for p in problems], problems
