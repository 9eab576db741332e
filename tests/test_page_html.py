"""generator/page_html.py: tables labelled for phones, dates and phones kept whole, images sized.
Judged with BeautifulSoup on html5lib-like parsing (lxml), as a browser reads the page."""

from __future__ import annotations

import struct
import zlib

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import page_html
from generator.charts import INCOME, bar_chart
from generator.page_html import finish, image_size
from generator.sanitise import sanitise_html

WIDE = """<table>
<thead>
<tr>
<th>月份</th>
<th>期初余额（元）</th>
<th class="cunwu-key">本月收入（元）</th>
<th class="cunwu-key">期末余额（元）</th>
<th>公布日期</th>
</tr>
</thead>
<tbody>
<tr>
<td><a href="2026-10.html">2026年10月</a></td>
<td style="text-align: right;">287,123.45</td>
<td style="text-align: right;">12,000.00</td>
<td style="text-align: right;">299,123.45</td>
<td>2026年11月5日</td>
</tr>
</tbody>
</table>"""


def table(heads: list[str], *rows: list[str]) -> str:
    """A table as Python-Markdown writes one."""
    head = "".join(f"<th>{h}</th>" for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def finished(markup: str, files: dict[str, bytes] | None = None, page: str = "finance/index.html") -> BeautifulSoup:
    out = finish(sanitise_html(markup), page, (files or {}).get)
    return BeautifulSoup(out, "lxml")


def test_every_cell_carries_its_heading_and_key_columns_are_marked():
    soup = finished(WIDE)
    cells = soup.select("tbody td")
    assert [c["data-label"] for c in cells] == [
        "月份",
        "期初余额（元）",
        "本月收入（元）",
        "期末余额（元）",
        "公布日期",
    ]
    assert [c.get_text() for c in soup.select("td.cunwu-key")] == ["12,000.00", "299,123.45"]
    assert soup.select_one("table")["data-cunwu-cards"] == "all"


def test_a_narrow_table_stays_a_table_and_two_columns_never_become_cards():
    narrow = table(["年份", "点单", "完成"], ["2026", "5", "3"])
    assert not finished(narrow).select_one("table").has_attr("data-cunwu-cards")
    long_text = "很长的一段话" * 10
    two = table(["项目", "内容"], ["说明", long_text])
    assert not finished(two).select_one("table").has_attr("data-cunwu-cards")


def test_a_table_that_fits_only_at_normal_size_becomes_cards_in_large_text_mode():
    # 2 + 4 + 4 + 4 em of text and 4 × 1.2 em of padding: 18.8 em, between the two widths
    markup = table(["年份", "公开承诺", "已经兑现", "仍在进行"], ["2026", "1", "2", "3"])
    assert finished(markup).select_one("table")["data-cunwu-cards"] == "large"


def test_a_heading_is_text_in_its_label():
    markup = table(['A "quoted" &amp; &lt;b&gt;', "B"], ["1", "2"])
    soup = finished(markup)
    assert soup.select_one("td")["data-label"] == 'A "quoted" & <b>'
    assert not soup.select("td b, td[onclick]")


def test_tables_with_spanning_cells_are_left_alone():
    markup = '<table><thead><tr><th colspan="2">A</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>'
    assert not finished(markup).select("td[data-label]")


def test_dates_and_phone_numbers_are_kept_whole_but_not_in_code():
    soup = finished(
        "<p>公布于 2026年1月15日，电话 0794-6123456 或 138****5678，截止 3月5日。</p><p><code>2026年1月15日</code></p>"
    )
    assert [s.get_text() for s in soup.select("p span.cunwu-nowrap")] == [
        "2026年1月15日",
        "0794-6123456",
        "138****5678",
        "3月5日",
    ]
    assert not soup.select("code span")
    assert soup.select("p")[0].get_text() == "公布于 2026年1月15日，电话 0794-6123456 或 138****5678，截止 3月5日。"


def test_images_of_the_site_get_their_size_and_load_lazily():
    svg = bar_chart("收支", [("一月", [1])], [INCOME])
    png = (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", 640, 480) + b"\x08\x02\x00\x00\x00"
    )
    files = {"finance/chart.svg": svg, "img/photo.png": png + struct.pack(">I", zlib.crc32(b""))}
    soup = finished(
        '<p><img alt="a" src="chart.svg"><img alt="b" src="../img/photo.png"><img alt="c" src="missing.png">'
        '<img alt="d" src="chart.svg" width="100"></p>',
        files,
    )
    sizes = [(img.get("width"), img.get("height")) for img in soup.select("img")]
    height = image_size(svg)[1]
    assert sizes == [("320", str(height)), ("640", "480"), (None, None), ("100", None)]
    assert [img.get("loading") for img in soup.select("img")] == ["lazy", "lazy", "lazy", None]


def test_image_sizes_of_each_format():
    jpeg = b"\xff\xd8\xff\xe0\x00\x04\x00\x00\xff\xc0\x00\x11\x08\x01\x2c\x02\x58\x03" + b"\x00" * 20
    gif = b"GIF89a" + struct.pack("<HH", 33, 44)
    webp = b"RIFF\x00\x00\x00\x00WEBPVP8X" + b"\x00" * 8 + (99).to_bytes(3, "little") + (49).to_bytes(3, "little")
    assert image_size(jpeg) == (600, 300)
    assert image_size(gif) == (33, 44)
    assert image_size(webp) == (100, 50)
    assert image_size(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600">') == (800, 600)
    assert image_size(b"not an image") is None


HTML_PIECES = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<td>",
            "</td>",
            '<a href="a.html" title="2026年1月">',
            "</a>",
            "<br/>",
            "<br>",
            "2026年1月15日",
            "1月15日",
            "2026-01-15",
            "0794-6123456",
            "13812345678",
            "138****5678",
            "*",
            "1",
            "12",
            "村",
            " ",
            "\n",
            "&amp;",
            '<span class="x">',
            "</span>",
            "<code>",
            "</code>",
            "<svg>",
            "</svg>",
            "<codex>",
            '<img src="x.png"/>',
            "<",
            ">",
            "\x00",
        ]
    ),
    max_size=30,
).map("".join)


@settings(deadline=None)  # a loaded machine must not fail an example by its time
@given(HTML_PIECES)
def test_the_short_way_for_pages_without_code_or_images_gives_what_the_token_loop_gives(html):
    def read(uri):
        return None

    assert page_html._spans_and_images(html, "", read) == page_html._spans_and_images_by_token(html, "", read)
