"""Finance: the list of published months with a chart, and one page per period — a month, or a
quarter made of its published months — with balances, totals by account, a chart by account and a
print view. A month's page and every print view list every row; a quarter's page lists its months,
each linking to its rows (so it stays small however many rows a quarter has)."""

from __future__ import annotations

from datetime import date

from ..charts import EXPENSE, INCOME, bar_chart
from ..model import Village
from ..records.ledger import Period, Quarter, by_period, quarter_title, quarters, totals
from . import PageSpec, paginate
from .printing import print_view

CHART_MONTHS = 12


def pages(village: Village, today: date) -> list[PageSpec]:
    periods = list(reversed(village.public("periods", today)))
    groups = by_period(village)
    sums = {p.id: totals(groups.get(p.id, [])) for p in periods}
    chart = village.path("finance/chart-months.svg")
    recent = list(reversed(periods[:CHART_MONTHS]))
    shown_quarters = quarters(village.records["periods"], today)
    quarter_links = {m.id: {"id": q.id, "title": quarter_title(q.id)} for q in shown_quarters for m in q.months}
    specs = paginate(
        periods,
        village.path("finance/index.md"),
        "finance_index.md",
        {
            "sums": sums,
            "chart": chart if periods else None,
            "chart_months": len(recent),
            "quarter_links": quarter_links,
        },
        in_nav=True,
    )
    if periods:
        specs.append(
            PageSpec(
                chart,
                "",
                content=bar_chart(
                    f"最近 {len(recent)} 个月的收入和支出（元）",
                    [(month_title(p), list(sums[p.id])) for p in recent],
                    [INCOME, EXPENSE],
                ),
            )
        )
    for period in periods:
        specs += period_pages(
            village,
            period,
            month_title(period),
            "本月",
            groups.get(period.id, []),
            quarter=quarter_links.get(period.id),
        )
    for quarter in shown_quarters:
        rows = [row for month in quarter.months for row in groups.get(month.id, [])]
        specs += period_pages(
            village,
            quarter,
            quarter_title(quarter.id),
            "本季度",
            rows,
            months=[(m, month_title(m), sums[m.id], len(groups.get(m.id, []))) for m in quarter.months],
        )
    return specs


def period_pages(
    village: Village, period: Period | Quarter, title: str, span: str, rows: list, **extra
) -> list[PageSpec]:
    """A period's page, its chart by account and its print view; `span` names it in the tables (本月)."""
    uri = village.path(f"finance/{period.id}.md")
    accounts = by_account(rows)
    chart = village.path(f"finance/{period.id}-accounts.svg")
    income, expense = totals(rows)
    context = {
        "period": period,
        "title": title,
        "span": span,
        "rows": rows,
        "accounts": accounts,
        "income": income,
        "expense": expense,
        "chart": chart,
        "months": None,
        "quarter": None,
        **extra,
    }
    context["every_row"] = context["months"] is None  # a quarter's page leaves its rows to its months' pages
    svg = bar_chart(f"{title}各科目收支（元）", [(a, list(v)) for a, v in accounts.items()], [INCOME, EXPENSE])
    return [
        PageSpec(uri, "finance_period.md", context),
        PageSpec(chart, "", content=svg),
        *print_view(village, uri, "_finance_period_body.md", {**context, "every_row": True}),
    ]


def by_account(rows: list) -> dict:
    """(income, expense) by account, accounts in first-seen order."""
    accounts: dict[str, list] = {}
    for row in rows:
        accounts.setdefault(row.account, []).append(row)
    return {name: totals(group) for name, group in accounts.items()}


def month_title(period: Period) -> str:
    return f"{period.month.year}年{period.month.month}月"
