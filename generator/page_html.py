"""Finishing touches on a page's HTML, made after sanitising, for reading on a phone.

- Tables. Every data cell gets its column's heading as ``data-label``. A table of three or more
  columns too wide for a phone's screen gets ``data-cunwu-cards`` (``"all"``, or ``"large"`` when
  it is too wide only in large-text mode): on a narrow screen, cunwu.css shows it as one card per
  row, each cell on its own line after its label, so no figure is hidden beyond the screen's edge.
  A heading cell with the class ``cunwu-key`` (a template writes ``| 期末余额 {: .cunwu-key } |``)
  marks its column's cells as key figures: they get the same class.
- Dates and phone numbers (2026年1月15日, 0794-6123456) are wrapped in a ``cunwu-nowrap`` span,
  so that a line never breaks inside them.
- Images of the site get the ``width`` and ``height`` of their file, so the page does not shift
  while they load, and ``loading="lazy"``, so one far down a page (a screenshot in the guide)
  is fetched only when a reader scrolls near it. An image whose size a template wrote is left
  as it is (the print views' QR code must be there when the page is printed).

The input is nh3's output (html5ever's serialisation: lower-case tags, attribute values in double
quotes, no ``<`` in text), so tags and text are told apart by regular expressions exactly. What is
added is attribute values escaped here and spans of a fixed class: the page stays as safe as the
sanitiser left it.
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

TAG = r'<(?:[^>"]|"[^"]*")*>'
TOKEN = re.compile(rf"({TAG})|([^<]+)")
TABLE = re.compile(rf"(<table\b{TAG[1:]})(.*?)(</table>)", re.S)
CELL_START = re.compile(r'<(t[dh])\b((?:[^>"]|"[^"]*")*)>|<tr\b')
CELL = re.compile(r'<(t[dh])\b((?:[^>"]|"[^"]*")*)>(.*?)</\1>', re.S)
CLASS = re.compile(r'\sclass="([^"]*)"')
KEY = "cunwu-key"

PHONE_WIDTH_EM = 20.0
"""Width of a phone's column of text (360 px less the page's margins) in table text (16 px)."""
PHONE_WIDTH_LARGE_EM = 16.0
"""The same in large-text mode (table text 19.2 px)."""
CELL_PADDING_EM = 1.2
"""Left plus right padding of a table cell on a phone (cunwu.css)."""

NOWRAP = re.compile(
    r"(?<![\d*])(?:"  # never a piece of a longer number (a bank account holds 11 digits that look like a mobile)
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日"  # 2026年1月15日, 2026年1月, 1月15日
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 2026-01-15
    r"|\d{3,4}-\d{7,8}|1\d{2}[\d*]{4}\d{4}"  # 0794-6123456, 13812345678, 138****5678
    r")(?![\d*])"
)
NO_SPANS_IN = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "title", "svg"})
SPAN = r'<span class="cunwu-nowrap">\g<0></span>'
SPLIT = re.compile(f"({TAG})")
SPECIAL = re.compile(rf"</?(?:{'|'.join(sorted(NO_SPANS_IN))}|img)(?![a-z0-9])")
"""A tag whose text is left alone, or an image: a page without one takes the short way."""


def finish(page_html: str, page_uri: str, read: Callable[[str], bytes | None]) -> str:
    """`page_html` with the touches above. `page_uri` is the page's address in the site
    (``finance/2026-10.html``); `read` gives the bytes of a file of the site by its address, or
    None."""
    page_html = TABLE.sub(
        lambda m: m.group(1) + m.group(2) + m.group(3) if "<table" in m.group(2) else _table(m), page_html
    )
    return _spans_and_images(page_html, posixpath.dirname(page_uri), read)


# --- Tables ---------------------------------------------------------------------------------------


def _table(match: re.Match) -> str:
    start, inner, end = match.groups()
    if "colspan=" in inner or "rowspan=" in inner:
        return match.group(0)  # cells do not line up with the headings: left as it is
    rows = [[(tag, attrs, _text(body)) for tag, attrs, body in CELL.findall(row)] for row in _rows(inner)]
    heads = next((row for row in rows if row and all(tag == "th" for tag, _, _ in row)), None)
    if not heads:
        return match.group(0)
    labels = [html.escape(text, quote=True) for _, _, text in heads]
    keys = [KEY in _classes(attrs) for _, attrs, _ in heads]
    return _table_start(start, rows, len(heads)) + _label_cells(inner, labels, keys) + end


def _rows(inner: str) -> list[str]:
    return re.findall(r"<tr\b.*?</tr>", inner, re.S)


def _table_start(start: str, rows: list[list[tuple[str, str, str]]], columns: int) -> str:
    """The <table> tag, marked to become cards on a phone when it would not fit there."""
    if columns < 3:
        return start
    widths = [0.0] * columns
    for row in rows:
        for i, (_, _, text) in enumerate(row[:columns]):
            widths[i] = max(widths[i], _width_em(text))
    needed = sum(widths) + CELL_PADDING_EM * columns
    if needed > PHONE_WIDTH_EM:
        return start[:-1] + ' data-cunwu-cards="all">'
    if needed > PHONE_WIDTH_LARGE_EM:
        return start[:-1] + ' data-cunwu-cards="large">'
    return start


def _label_cells(inner: str, labels: list[str], keys: list[bool]) -> str:
    """Every <td> with its column's label (and key mark); columns counted from each <tr>."""
    column = -1

    def label(match: re.Match) -> str:
        nonlocal column
        if match.group(1) is None:  # <tr
            column = -1
            return match.group(0)
        column += 1
        tag, attrs = match.groups()
        if tag != "td" or column >= len(labels):
            return match.group(0)
        if keys[column]:
            attrs = _add_class(attrs, KEY)
        return f'<td{attrs} data-label="{labels[column]}">'

    return CELL_START.sub(label, inner)


def _classes(attrs: str) -> list[str]:
    found = CLASS.search(attrs)
    return found.group(1).split() if found else []


def _add_class(attrs: str, name: str) -> str:
    if CLASS.search(attrs):
        return CLASS.sub(lambda m: f' class="{m.group(1)} {name}"', attrs, count=1)
    return f'{attrs} class="{name}"'


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(TAG, " ", fragment)).split())


def _width_em(text: str) -> float:
    """Width of `text` on one line, in em: CJK and full-width characters 1, others about 0.6."""
    return sum(1.0 if ord(c) >= 0x2E80 else 0.6 for c in text)


# --- Text and images ------------------------------------------------------------------------------


def _spans_and_images(page_html: str, page_dir: str, read: Callable[[str], bytes | None]) -> str:
    if "\x00" not in page_html and not SPECIAL.search(page_html):
        parts = SPLIT.split(page_html)  # text, tag, text, tag, ..., text
        texts = "\x00".join(parts[0::2])  # NOWRAP matches no NUL and treats it as an edge
        if "<" not in texts:  # every "<" began a tag, as in the loop below
            parts[0::2] = NOWRAP.sub(SPAN, texts).split("\x00")
            return "".join(parts)
    return _spans_and_images_by_token(page_html, page_dir, read)


def _spans_and_images_by_token(page_html: str, page_dir: str, read: Callable[[str], bytes | None]) -> str:
    out: list[str] = []
    skipping: list[str] = []
    for match in TOKEN.finditer(page_html):
        tag, text = match.groups()
        if text is not None:
            out.append(text if skipping else NOWRAP.sub(SPAN, text))
            continue
        opened = re.match(r"</?([a-z0-9]+)", tag)
        name = opened.group(1) if opened else ""
        if name in NO_SPANS_IN and not tag.endswith("/>"):
            if tag.startswith("</"):
                if skipping:
                    skipping.pop()
            else:
                skipping.append(name)
        out.append(_sized(tag, page_dir, read) if name == "img" else tag)
    return "".join(out)


def _sized(tag: str, page_dir: str, read: Callable[[str], bytes | None]) -> str:
    """An <img> tag loaded lazily, with the width and height of its file; one whose size the
    template wrote (the print views' QR code) is left as written."""
    if re.search(r"\s(width|height)=", tag):
        return tag
    if not re.search(r"\sloading=", tag):
        tag = tag[:-2].rstrip() + ' loading="lazy"/>' if tag.endswith("/>") else tag[:-1] + ' loading="lazy">'

    src = re.search(r'\ssrc="([^"]*)"', tag)
    url = urlsplit(html.unescape(src.group(1))) if src else None
    if url is None or url.scheme or url.netloc or url.path.startswith("/"):
        return tag
    data = read(posixpath.normpath(posixpath.join(page_dir, unquote(url.path))))
    size = image_size(data) if data else None
    if size is None:
        return tag
    end = "/>" if tag.endswith("/>") else ">"
    return f'{tag[: -len(end)].rstrip()} width="{size[0]}" height="{size[1]}"{end}'


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in CSS pixels of an SVG, PNG, GIF, JPEG or WebP image; None if unknown."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_size(data)
    return _svg_size(data)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data) and data[i] == 0xFF:
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2 : i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    return None


def _svg_size(data: bytes) -> tuple[int, int] | None:
    root = re.search(rb"<svg\b[^>]*>", data[:4096])
    if not root:
        return None
    attrs = root.group(0).decode("utf-8", "replace")
    width, height = (re.search(rf'\s{a}="\s*([\d.]+)\s*(?:px)?\s*"', attrs) for a in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = re.search(r'\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"', attrs)
    return (round(float(box.group(1))), round(float(box.group(2)))) if box else None
