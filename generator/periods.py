"""Days, months and quarters: their arithmetic and their Chinese labels, one way for the whole site.

A quarter is written ``2026-Q1`` in addresses and ids and 2026年第一季度 on pages (the form of
official notices), a month 2026年3月, a day 2026年3月5日.
"""

from __future__ import annotations

from datetime import date

NUMERALS = "一二三四"


def day_label(day: date) -> str:
    """2025-03-05 → 2025年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def month_label(day: date) -> str:
    """Any day of March 2026 → 2026年3月."""
    return f"{day.year}年{day.month}月"


def quarter_number(day: date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


def quarter_id(day: date) -> str:
    """Any day of March 2026 → 2026-Q1."""
    return f"{day.year}-Q{quarter_number(day)}"


def quarter_label(day: date) -> str:
    """Any day of March 2026 → 2026年第一季度."""
    return f"{day.year}年第{NUMERALS[quarter_number(day) - 1]}季度"


def period_start(day: date, months: int) -> date:
    """The first day of the period of `months` months (1 or 3) holding `day`."""
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_label(start: date, months: int) -> str:
    """A month (2026年3月) or a quarter (2026年第一季度), by its first day."""
    return quarter_label(start) if months == 3 else month_label(start)
