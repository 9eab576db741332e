"""Bar charts as SVG text, made at build time: no JavaScript, no web fonts, same data → same bytes."""

from __future__ import annotations

from xml.sax.saxutils import escape

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 40, 56
COLOURS = ("#b71c1c", "#1565c0", "#2e7d32", "#ef6c00")
"""Dark enough for 4.5:1 contrast on white; the legend names each colour."""


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list[int]]]) -> str:
    """Grouped bars: one group per category (e.g. a year), one bar per series, each labelled with its value."""
    top = max([v for _, values in series for v in values] + [1])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group_w = plot_w / max(len(categories), 1)
    bar_w = min(48.0, group_w * 0.8 / max(len(series), 1))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
             f'role="img" aria-labelledby="t" font-family="sans-serif" font-size="14">',
             f'<title id="t">{escape(title)}</title>', f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
             f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#424242"/>']
    for i, category in enumerate(categories):
        start = LEFT + i * group_w + (group_w - bar_w * len(series)) / 2
        for j, (_, values) in enumerate(series):
            h = plot_h * values[i] / top
            x, y = start + j * bar_w, TOP + plot_h - h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" fill="{COLOURS[j % 4]}"/>')
            parts.append(f'<text x="{x + (bar_w - 4) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="#212121">{values[i]}</text>')
        parts.append(f'<text x="{LEFT + (i + 0.5) * group_w:.1f}" y="{TOP + plot_h + 20}" text-anchor="middle" '
                     f'fill="#212121">{escape(category)}</text>')
    x = LEFT
    for j, (name, _) in enumerate(series):
        parts.append(f'<rect x="{x}" y="{HEIGHT - 22}" width="14" height="14" fill="{COLOURS[j % 4]}"/>')
        parts.append(f'<text x="{x + 20}" y="{HEIGHT - 10}" fill="#212121">{escape(name)}</text>')
        x += 40 + 16 * len(name)
    parts.append(f'<text x="{LEFT}" y="24" font-size="16" fill="#212121">{escape(title)}</text>')
    return "\n".join(parts + ["</svg>\n"])
