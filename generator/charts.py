"""SVG bar charts made at build time: no JavaScript, no web fonts, readable as an image.

Each chart is a horizontal bar chart, one group per label (a month, an account, a year) with one
bar per series, because Chinese labels read best as text lines and a phone's screen is tall, not
wide. The label stands on its own line above its bars, and each bar ends with its number. The
drawing is `WIDTH` px wide and shown at that size (never scaled down on a phone of 360 px or
wider), so its text is drawn at `FONT` px, at least the 18 px of large-text mode, on any screen.
Every page that shows a chart also shows the same numbers in a table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

WIDTH = 320
"""Width of the drawing in px: fits the text column of a 360 px phone even in large-text mode."""
FONT = 18
"""Size of every text of the chart, in px as drawn."""
LINE = 26
"""Height of a line of text."""
BAR = 20
"""Height of one bar; bars of a group are `BAR + 4` apart."""
PAD = 4
TEXT = "#1f1f1f"


def bar_chart(
    title: str,
    rows: Sequence[tuple[str, Sequence[Decimal | int]]],
    series: list[tuple[str, str]],
    number: Callable[[Decimal | int], str] = lambda v: f"{v:,.2f}",
) -> bytes:
    """An SVG chart: `rows` are (label, one value per series); `series` are (name, colour);
    `number` writes a value (money with two decimals by default)."""
    largest = max((v for _, values in rows for v in values), default=0) or 1
    numbers_width = max((_width(number(v)) for _, values in rows for v in values if v), default=0)
    bars_width = WIDTH - 2 * PAD - numbers_width - 6
    parts, y = [], PAD
    for line in _lines(title):
        y += LINE
        parts.append(f'<text x="{PAD}" y="{y - 7}" font-weight="bold" fill="{TEXT}">{escape(line)}</text>')
    y = _legend(parts, series, y)
    for label, values in rows:
        y += LINE + 2
        parts.append(f'<text x="{PAD}" y="{y - 7}" fill="{TEXT}">{escape(_fit(label))}</text>')
        for (_, colour), value in zip(series, values, strict=True):
            if not value:
                continue
            length = max(1, int(bars_width * float(value) / float(largest))) if value > 0 else 0
            parts.append(
                f'<rect x="{PAD}" y="{y}" width="{length}" height="{BAR}" fill="{colour}"/>'
                f'<text x="{PAD + length + 6}" y="{y + BAR - 4}" fill="{TEXT}">{number(value)}</text>'
            )
            y += BAR + 4
    height = y + PAD * 2
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-labelledby="title" font-family="sans-serif" font-size="{FONT}">\n'
        f'<title id="title">{escape(title)}</title>\n'
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>'
    )
    return "\n".join([head, *parts, "</svg>\n"]).encode("utf-8")


def _legend(parts: list[str], series: list[tuple[str, str]], y: int) -> int:
    """A swatch and the name of each series, on as many lines as they need; the y below them."""
    x: float = PAD
    y += LINE
    for name, colour in series:
        item = 14 + 6 + _width(name) + 16
        if x > PAD and x + item > WIDTH:
            x, y = PAD, y + LINE
        parts.append(
            f'<rect x="{x}" y="{y - 19}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{x + 20}" y="{y - 7}" fill="{TEXT}">{escape(name)}</text>'
        )
        x += item
    return y


def _width(text: str) -> float:
    """Width of `text` drawn at `FONT` px: CJK and full-width characters 1 em, others about 0.6 em."""
    return FONT * sum(1.0 if ord(c) >= 0x2E80 else 0.6 for c in text)


def _lines(text: str) -> list[str]:
    """`text` cut into lines that fit the drawing's width."""
    lines, line = [], ""
    for c in text:
        if line and _width(line + c) > WIDTH - 2 * PAD:
            lines.append(line)
            line = ""
        line += c
    return [*lines, line] if line else lines


def _fit(label: str) -> str:
    """`label` on one line, shortened with … when it is too long."""
    if _width(label) <= WIDTH - 2 * PAD:
        return label
    while _width(label + "…") > WIDTH - 2 * PAD:
        label = label[:-1]
    return label + "…"


INCOME = ("收入", "#1e6b30")
EXPENSE = ("支出", "#b3261e")
SERIES_COLOURS = ("#b71c1c", "#1565c0", "#2e7d32", "#ef6c00")
"""Dark enough for 4.5:1 contrast on white; the legend names each colour."""
