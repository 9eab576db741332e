"""Finance (财务公开): ledger rows as exported from Excel, and each month's balances.

Rows live in ``ledgers/*.csv`` / ``ledgers/*.xlsx`` (any file layout: one per month or one per
year); each month's opening and closing balance and publication date in ``ledgers/periods.yml``.
A month is shown once its publication date has come. The check refuses a month whose opening
balance plus income minus expense is not its closing balance, naming the difference, and months
that do not chain (a month's opening is not the closing of the month before it, or of the month
declared before it in the same quarter). A quarter is the run of its published months.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise, takewhile

from ..kinds import Day, Identifier, Money, Reference, Text, spec, yuan
from ..periods import quarter_id, quarter_label
from ..problems import Problem
from ..schema import Origin, origin_field, problem_at
from . import Dataset, Derived, Example, Part


@dataclass(frozen=True, kw_only=True)
class LedgerEntry:
    """收支明细：一张记账凭证的一行（日期、凭证号、科目、摘要、收入或支出、经手人、审批人）。"""

    date: date = spec(Day(), "日期", "记账日期，如 2026-03-05。")
    voucher: str = spec(Text(20), "凭证号", "记账凭证号，如 记-05。")
    account: str = spec(Text(40), "科目", "会计科目，如 经营收入、管理费用。")
    summary: str = spec(Text(200), "摘要", "这笔收支的说明。")
    income: Decimal = spec(Money(), "收入", "收入金额（元），精确到分；支出行留空。", required=False)
    expense: Decimal = spec(Money(), "支出", "支出金额（元），精确到分；收入行留空。", required=False)
    handled_by: str = spec(Text(20), "经手人", "经手人姓名。")
    approved_by: str = spec(Text(20), "审批人", "审批人姓名。")
    project: str = spec(
        Reference("XM-2026-01", target="projects", title="项目"),
        "项目编号",
        "这笔收支属于哪个村级项目（项目编号），不属于可留空。",
        required=False,
    )
    origin: Origin = origin_field()

    @property
    def period(self) -> str:
        """The month the row belongs to: 2026-03."""
        return f"{self.date:%Y-%m}"

    def check(self) -> list[Problem]:
        """A row is either income or expense."""
        if (self.income is None) == (self.expense is None):
            found = "两栏都空" if self.income is None else f"收入 {yuan(self.income)}，支出 {yuan(self.expense)}"
            return [
                Problem(
                    self.origin.file,
                    self.origin.line,
                    "收入/支出",
                    summary="一行只能是一笔收入或一笔支出",
                    expected="“收入”和“支出”两栏恰好填一栏",
                    found=found,
                    hint="收入和支出分成两行写；没有发生额的行请删除。",
                )
            ]
        return []


@dataclass(frozen=True, kw_only=True)
class Period:
    """财务公开期间：一个月的期初余额、期末余额和公布日期。"""

    id: str = spec(Identifier("2026-03"), "期间", "月份，写成 2026-03。")
    opening: Decimal = spec(Money(negative=True), "期初余额", "月初余额（元），即上月期末余额。")
    closing: Decimal = spec(
        Money(negative=True), "期末余额", "月末余额（元）；必须等于 期初余额 + 本月收入 − 本月支出。"
    )
    published: date = spec(Day(), "公布日期", "在公开栏和本站公布的日期；不填则不公开。", required=False)
    note: str = spec(Text(200), "说明", "需要向村民说明的情况。", required=False)
    origin: Origin = origin_field()

    @property
    def month(self) -> date:
        return date(int(self.id[:4]), int(self.id[5:7]), 1)

    def is_public(self, today: date) -> bool:
        return self.published is not None and self.published <= today

    def check(self) -> list[Problem]:
        if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", self.id):
            return []
        return [
            problem_at(
                self,
                "id",
                summary="期间格式不对",
                expected="年-月，如 2026-03",
                found=self.id,
                hint="月份写两位数字：2026年3月 写作 2026-03。",
            )
        ]


@dataclass(frozen=True)
class Quarter:
    """A quarter's published months, in order; its balances are its first opening and last closing."""

    months: tuple[Period, ...]

    @property
    def id(self) -> str:
        return quarter_of(self.months[0].id)

    @property
    def opening(self) -> Decimal:
        return self.months[0].opening

    @property
    def closing(self) -> Decimal:
        return self.months[-1].closing

    @property
    def published(self) -> date:
        return max(m.published for m in self.months)

    @property
    def note(self) -> str | None:
        """Says so when the quarter does not (yet) hold all three months."""
        if len(self.months) == 3:
            return None
        shown = "、".join(f"{m.month.month}月" for m in self.months)
        return f"这一季度目前只包括已公布的{shown}，其余月份公布后计入。"


def quarter_of(period: str) -> str:
    """2026-03 → 2026-Q1."""
    return quarter_id(date(int(period[:4]), int(period[5:7]), 1))


def quarter_title(quarter: str) -> str:
    """2026-Q1 → 2026年第一季度."""
    return quarter_label(date(int(quarter[:4]), int(quarter[-1]) * 3, 1))


def quarters(periods, today: date) -> list[Quarter]:
    """The quarters shown on `today`, oldest first: each holds its months up to the first one not yet
    published (so a quarter's balances always chain), and a quarter is shown once its first month is."""
    groups: dict[str, list[Period]] = {}
    for period in sorted(periods, key=lambda p: p.id):
        groups.setdefault(quarter_of(period.id), []).append(period)
    shown = [list(takewhile(lambda m: m.is_public(today), months)) for months in groups.values()]
    return [Quarter(tuple(months)) for months in shown if months]


_SUMMARY_ROW = re.compile(r"合计|小计|累计|结余|结转|期初|期末|余额")


def summary_row(raw, file: str) -> Problem | None:
    """A 本月合计 / 上月结转 / 期末余额 line copied from the Excel ledger: one clear message, not one per empty column.

    The label stands in 摘要, or (merged across the first columns) in 日期 or 凭证号, where no word belongs.
    """
    dated = raw.get("日期") or raw.get("date")
    voucher = raw.get("凭证号") or raw.get("voucher")
    if dated and voucher:
        return None
    columns = [c for c in ("摘要", "summary", "日期", "date", "凭证号", "voucher") if c in raw]
    label = next((c for c in columns if raw[c] and _SUMMARY_ROW.search(raw[c])), None)
    if label is None:
        return None
    return Problem(
        file,
        raw.line,
        label,
        summary="这一行是合计或余额行，不是一笔收支",
        found=raw[label],
        expected="每行一笔有日期、凭证号的收支",
        hint="删除这一行：每月的合计由网站算出，期初、期末余额写在 ledgers/periods.yml 里。",
    )


def totals(entries: list[LedgerEntry]) -> tuple[Decimal, Decimal]:
    """(income, expense) of some rows."""
    return (
        sum((e.income for e in entries if e.income is not None), Decimal("0.00")),
        sum((e.expense for e in entries if e.expense is not None), Decimal("0.00")),
    )


def by_period(village) -> dict[str, list[LedgerEntry]]:
    """Every ledger row grouped by month, each month's rows in date and file order (computed once)."""
    return village.remember("ledger_by_period", lambda: _group(village))


def _group(village) -> dict[str, list[LedgerEntry]]:
    groups: dict[str, list[LedgerEntry]] = {}
    for entry in village.records["ledger"]:
        groups.setdefault(entry.period, []).append(entry)
    for rows in groups.values():
        rows.sort(key=lambda e: (e.date, e.origin.file, e.origin.line))
    return groups


def check_books(village) -> list[Problem]:
    """Every month reconciles, follows on from the month before, and every row's month is declared."""
    periods = sorted(village.records["periods"], key=lambda p: p.id)
    groups = by_period(village)
    problems = []
    for period in periods:
        income, expense = totals(groups.get(period.id, []))
        expected = period.opening + income - expense
        if expected != period.closing:
            problems.append(
                problem_at(
                    period,
                    "closing",
                    summary=f"{period.id} 的收支对不上：期末余额比算出的{_more_or_less(period.closing - expected)}",
                    expected=f"期初 {yuan(period.opening)} + 收入 {yuan(income)} − 支出 {yuan(expense)}"
                    f" = {yuan(expected)}",
                    found=yuan(period.closing),
                    hint="核对这个月的明细是否漏记、重记，或余额是否抄错。",
                )
            )
    problems += [p for before, after in pairwise(periods) for p in _chain(before, after)]
    declared = {p.id for p in periods}
    for month, rows in sorted(groups.items()):
        if month not in declared:
            first = rows[0]
            problems.append(
                Problem(
                    first.origin.file,
                    first.origin.line,
                    "日期",
                    summary=f"{month} 还没有登记期初、期末余额",
                    expected=f"ledgers/periods.yml 里有期间 {month}",
                    found=first.date.isoformat(),
                    hint=f"在 ledgers/periods.yml 里加上 {month} 的期初余额、期末余额和公布日期。",
                )
            )
    return problems


def _chain(before: Period, after: Period) -> list[Problem]:
    """`after` opens with `before`'s closing when it is the next month, or a later month of the same quarter
    (the quarter's page adds up its months, so a gap inside a quarter must not change the balance)."""
    if after.opening == before.closing:
        return []
    difference = _more_or_less(after.opening - before.closing)
    expected = f"{before.id} 的期末余额 {yuan(before.closing)}"
    if _next_month(before.id) == after.id:
        return [
            problem_at(
                after,
                "opening",
                summary=f"期初余额与上月期末余额不一致：比上月期末余额{difference}",
                expected=expected,
                found=yuan(after.opening),
                hint="本月期初余额应照抄上月期末余额。",
            )
        ]
    if quarter_of(before.id) == quarter_of(after.id):
        return [
            problem_at(
                after,
                "opening",
                summary=f"{quarter_title(quarter_of(after.id))}的各月接不上：{after.id} 的期初余额比 {before.id} 的期末余额{difference}",
                expected=expected,
                found=yuan(after.opening),
                hint=f"季度账由各月连起来：中间的月份没有登记时，{after.id} 的期初余额应照抄 {before.id} 的期末余额；"
                f"或者在 ledgers/periods.yml 里补上中间的月份。",
            )
        ]
    return []


def _more_or_less(difference: Decimal) -> str:
    """多 9.00 元 / 少 9.00 元."""
    return f"{'多' if difference > 0 else '少'} {yuan(abs(difference))} 元"


def _next_month(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7])
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def entry_is_public(entry: LedgerEntry, village, today: date) -> bool:
    """A row is shown once its month is published."""
    period = village.by_id("periods").get(entry.period)
    return period is not None and period.is_public(today)


def example(day: date) -> Example:
    """An income row dated `day`, and its month in periods.yml with balances that reconcile with it."""
    return Example(
        {"date": day.isoformat(), "income": Money.example, "expense": None},
        {
            "periods": [
                {"id": f"{day:%Y-%m}", "opening": "0.00", "closing": Money.example, "published": day.isoformat()}
            ]
        },
    )


PERIODS = Dataset(
    "periods",
    "财务公开期间",
    Period,
    ("ledgers/periods.yml", "ledgers/periods.yaml"),
    required=False,
    public=Period.is_public,
    derived=(
        Derived(
            "income",
            "本月收入",
            "这个月所有收入之和（元）。",
            lambda p, village, today: totals(by_period(village).get(p.id, []))[0],
        ),
        Derived(
            "expense",
            "本月支出",
            "这个月所有支出之和（元）。",
            lambda p, village, today: totals(by_period(village).get(p.id, []))[1],
        ),
    ),
    pages="finance",
)
DATASET = Dataset(
    "ledger",
    "财务收支明细",
    LedgerEntry,
    ("ledgers/*.csv", "ledgers/*.xlsx"),
    required=False,
    public_in=entry_is_public,
    order=lambda e: (e.date, e.origin.file, e.origin.line),
    refuse_row=summary_row,
    check_all=check_books,
    example=example,
    pages="finance",
    part_of=Part(
        "periods",
        lambda e: e.period,
        "收支明细",
        "明细行按凭证号对应：同一凭证号下内容没变的行不算改动，其余的行按先后顺序对应；"
        "改了凭证号的行显示为删除一行、新增一行。",
        key="voucher",
    ),
)
