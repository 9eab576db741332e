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


def bar_chart(
    title: str, rows: list[tuple[str, list[Decimal]]], series: list[tuple[str, str]], number: str = "{:,.2f}"
) -> bytes:
    """An SVG chart: `rows` are (label, one value per series); `series` are (name, colour);
    `number` formats the value printed at the end of each bar (money by default)."""
    top = 50
    group = ROW * len(series) + 10
    height = top + group * max(len(rows), 1) + 10
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    largest = max((v for _, values in rows for v in values), default=Decimal(0)) or Decimal(1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="title" font-family="sans-serif" font-size="13">',
        f'<title id="title">{escape(title)}</title>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="4" y="18" font-size="15" font-weight="bold" fill="#1f1f1f">{escape(title)}</text>',
    ]
    for i, (name, colour) in enumerate(series):
        x = LABEL_WIDTH + i * 110
        parts.append(
            f'<rect x="{x}" y="28" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="39" fill="#1f1f1f">{escape(name)}</text>'
        )
    for r, (label, values) in enumerate(rows):
        y = top + r * group
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + ROW * len(series) / 2 + 4:.0f}" text-anchor="end" '
            f'fill="#1f1f1f">{escape(_short(label))}</text>'
        )
        for i, ((_, colour), value) in enumerate(zip(series, values)):
            if not value:
                continue
            length = int(BAR_WIDTH * (value / largest)) if value > 0 else 0
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + i * ROW}" width="{length}" height="{ROW - 4}" fill="{colour}"/>'
                f'<text x="{LABEL_WIDTH + length + 4}" y="{y + i * ROW + ROW - 8}" fill="#1f1f1f">{number.format(value)}</text>'
            )
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")


def _short(label: str) -> str:
    return label if len(label) <= 10 else label[:9] + "…"


INCOME = ("收入", "#1e6b30")
EXPENSE = ("支出", "#b3261e")


COLUMNS_WIDTH, COLUMNS_HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 40, 56
COLUMN_COLOURS = ("#b71c1c", "#1565c0", "#2e7d32", "#ef6c00")
"""Dark enough for 4.5:1 contrast on white; the legend names each colour."""


def column_chart(title: str, categories: list[str], series: list[tuple[str, list[int]]]) -> bytes:
    """Counts as grouped columns: one group per category (e.g. a year), one column per series, each
    labelled with its value (whole numbers; `bar_chart` above is for money)."""
    top = max([v for _, values in series for v in values] + [1])
    plot_w, plot_h = COLUMNS_WIDTH - LEFT - RIGHT, COLUMNS_HEIGHT - TOP - BOTTOM
    group_w = plot_w / max(len(categories), 1)
    bar_w = min(48.0, group_w * 0.8 / max(len(series), 1))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {COLUMNS_WIDTH} {COLUMNS_HEIGHT}" width="{COLUMNS_WIDTH}" height="{COLUMNS_HEIGHT}" '
        f'role="img" aria-labelledby="t" font-family="sans-serif" font-size="14">',
        f'<title id="t">{escape(title)}</title>',
        f'<rect width="{COLUMNS_WIDTH}" height="{COLUMNS_HEIGHT}" fill="#ffffff"/>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{COLUMNS_WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#424242"/>',
    ]
    for i, category in enumerate(categories):
        start = LEFT + i * group_w + (group_w - bar_w * len(series)) / 2
        for j, (_, values) in enumerate(series):
            h = plot_h * values[i] / top
            x, y = start + j * bar_w, TOP + plot_h - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" fill="{COLUMN_COLOURS[j % 4]}"/>'
            )
            parts.append(
                f'<text x="{x + (bar_w - 4) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="#212121">{values[i]}</text>'
            )
        parts.append(
            f'<text x="{LEFT + (i + 0.5) * group_w:.1f}" y="{TOP + plot_h + 20}" text-anchor="middle" '
            f'fill="#212121">{escape(category)}</text>'
        )
    x = LEFT
    for j, (name, _) in enumerate(series):
        parts.append(f'<rect x="{x}" y="{COLUMNS_HEIGHT - 22}" width="14" height="14" fill="{COLUMN_COLOURS[j % 4]}"/>')
        parts.append(f'<text x="{x + 20}" y="{COLUMNS_HEIGHT - 10}" fill="#212121">{escape(name)}</text>')
        x += 40 + 16 * len(name)
    parts.append(f'<text x="{LEFT}" y="24" font-size="16" fill="#212121">{escape(title)}</text>')
    return "\n".join(parts + ["</svg>\n"]).encode("utf-8")
