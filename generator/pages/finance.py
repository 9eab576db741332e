"""Finance: the list of published months with a chart, one page per month (balances, totals by
account, every row, a chart by account) and its print view."""

from __future__ import annotations

from datetime import date

from ..charts import EXPENSE, INCOME, bar_chart
from ..datasets import dataset
from ..model import Village
from ..records.ledger import Period, by_period, totals
from . import PageSpec, paginate
from .printing import print_view

CHART_MONTHS = 12


def pages(village: Village, today: date) -> list[PageSpec]:
    periods = list(reversed(village.shown(dataset("periods"), today)))
    groups = by_period(village)
    sums = {p.id: totals(groups.get(p.id, [])) for p in periods}
    chart = village.path("finance/chart-months.svg")
    recent = list(reversed(periods[:CHART_MONTHS]))
    specs = paginate(periods, village.path("finance/index.md"), "finance_index.md",
                     {"sums": sums, "chart": chart if periods else None, "chart_months": len(recent)}, in_nav=True)
    if periods:
        specs.append(PageSpec(chart, "", content=bar_chart(
            f"最近 {len(recent)} 个月的收入和支出（元）", [(month_title(p), list(sums[p.id])) for p in recent],
            [INCOME, EXPENSE])))
    for period in periods:
        specs += period_pages(village, period, groups.get(period.id, []))
    return specs


def period_pages(village: Village, period: Period, rows: list) -> list[PageSpec]:
    """The month's page, its chart by account and its print view."""
    uri = village.path(f"finance/{period.id}.md")
    accounts = by_account(rows)
    chart = village.path(f"finance/{period.id}-accounts.svg")
    income, expense = totals(rows)
    context = {"period": period, "title": month_title(period), "rows": rows, "accounts": accounts,
               "income": income, "expense": expense, "chart": chart}
    svg = bar_chart(f"{month_title(period)}各科目收支（元）", [(a, list(v)) for a, v in accounts.items()], [INCOME, EXPENSE])
    return [PageSpec(uri, "finance_period.md", context), PageSpec(chart, "", content=svg),
            *print_view(village, uri, "_finance_period_body.md", context)]


def by_account(rows: list) -> dict:
    """(income, expense) by account, accounts in first-seen order."""
    accounts: dict[str, list] = {}
    for row in rows:
        accounts.setdefault(row.account, []).append(row)
    return {name: totals(group) for name, group in accounts.items()}


def month_title(period: Period) -> str:
    return f"{period.month.year}年{period.month.month}月"
