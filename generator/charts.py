"""SVG bar charts made at build time: no JavaScript, no web fonts, readable as an image.

Each chart is a horizontal bar chart (one row per label, one bar per series) because Chinese
labels such as account names read best on the left of their bars. The numbers are also printed
at the end of each bar, and every page that shows a chart also shows the same numbers in a table.
"""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

ROW = 22
"""Height of one bar."""
LABEL_WIDTH = 150
BAR_WIDTH = 420
VALUE_WIDTH = 110


def bar_chart(title: str, rows: list[tuple[str, list[Decimal]]], series: list[tuple[str, str]]) -> bytes:
    """An SVG chart: `rows` are (label, one value per series); `series` are (name, colour)."""
    top = 50
    group = ROW * len(series) + 10
    height = top + group * max(len(rows), 1) + 10
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    largest = max((v for _, values in rows for v in values), default=Decimal(0)) or Decimal(1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-labelledby="title" font-family="sans-serif" font-size="13">',
             f'<title id="title">{escape(title)}</title>',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="4" y="18" font-size="15" font-weight="bold" fill="#1f1f1f">{escape(title)}</text>']
    for i, (name, colour) in enumerate(series):
        x = LABEL_WIDTH + i * 110
        parts.append(f'<rect x="{x}" y="28" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{x + 16}" y="39" fill="#1f1f1f">{escape(name)}</text>')
    for r, (label, values) in enumerate(rows):
        y = top + r * group
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + ROW * len(series) / 2 + 4:.0f}" text-anchor="end" '
                     f'fill="#1f1f1f">{escape(_short(label))}</text>')
        for i, ((_, colour), value) in enumerate(zip(series, values)):
            if not value:
                continue
            length = int(BAR_WIDTH * (value / largest)) if value > 0 else 0
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + i * ROW}" width="{length}" height="{ROW - 4}" fill="{colour}"/>'
                         f'<text x="{LABEL_WIDTH + length + 4}" y="{y + i * ROW + ROW - 8}" fill="#1f1f1f">{value:,.2f}</text>')
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")


def _short(label: str) -> str:
    return label if len(label) <= 10 else label[:9] + "…"


INCOME = ("收入", "#1e6b30")
EXPENSE = ("支出", "#b3261e")
