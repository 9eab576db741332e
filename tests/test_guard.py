"""The personal-data guard (issue 6, item 2): the built site is scanned before it is published."""

from __future__ import annotations

import gzip
import json

import pytest
from helpers import mkdocs_build, new_project, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import guard
from generator.guard import Hit, as_read, scan_outputs, scan_site
from generator.personal_data import find_personal_numbers

ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"
BANK_CARD = "6222021234567890128"


def test_scan_finds_every_kind_in_every_published_text_format(tmp_path):
    files = {
        "a.html": f"<p>身份证 {ID_NUMBER}</p>",
        "search/search_index.json": json.dumps({"docs": [{"text": f"电话 {MOBILE[:3]} {MOBILE[3:7]} {MOBILE[7:]}"}]}),
        "open-data/x.csv": f"\ufeff卡号\r\n{BANK_CARD}\r\n",
        "feed.xml": f"<rss><item>{'１３９１２３４５６７８'}</item></rss>",  # full-width digits
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(f"<loc>{MOBILE}</loc>".encode()))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" + MOBILE.encode())
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "bundle.min.js").write_text(f"var a={BANK_CARD}", encoding="utf-8")
    hits, unread = scan_site(tmp_path, skip=frozenset({"assets/bundle.min.js"}))
    assert hits == [
        Hit("a.html", "身份证号", ID_NUMBER),
        Hit("feed.xml", "手机号", MOBILE),
        Hit("open-data/x.csv", "银行卡号", BANK_CARD),
        Hit("search/search_index.json", "手机号", MOBILE),
        Hit("sitemap.xml.gz", "手机号", MOBILE),
    ]
    assert unread == ["photo.jpg"]
    assert scan_site(tmp_path, allowed=frozenset({MOBILE, ID_NUMBER, BANK_CARD}))[0] == []


def test_a_large_file_scanned_in_parts_gives_what_it_gives_whole(tmp_path, monkeypatch):
    """A county's downloads are scanned a part at a time (`guard.SCAN_PART`), each part ending at a
    line end: every number and private value is found wherever the parts end."""
    lines = [f"{i},某某,\\u5c71\\u6c34\\u8def{i}号" for i in range(300)]  # JSON escapes, as in a download
    lines[0] += f",{MOBILE}"
    lines[149] += f",{ID_NUMBER[:9]} {ID_NUMBER[9:]}"
    lines[299] += f",{BANK_CARD}"
    (tmp_path / "x.json").write_text("\n".join(lines), encoding="utf-8")
    private = ["山水路7号", "水路7号", "山水路299号", "山水路300号"]  # one inside another: both found
    whole = scan_outputs(tmp_path, private=private)
    assert [(h.kind, h.number) for h in whole.hits] == [
        ("手机号", MOBILE),
        ("身份证号", ID_NUMBER),
        ("银行卡号", BANK_CARD),
    ]
    assert sorted(whole.private) == ["山水路299号", "山水路7号", "水路7号"]
    for size in (1, 50, 333, 4000):
        monkeypatch.setattr(guard, "SCAN_PART", size)
        assert scan_outputs(tmp_path, private=private) == whole


_PIECES = st.sampled_from(
    [MOBILE, ID_NUMBER, BANK_CARD, "１３９１２３４５６７８", "7", "0", " ", "-", "\n", "X", "\u0308", "\u200b",
     "&amp;", "&#49;", "\\u0031", "山水路7号", "水路", "<p>", "，", "①", "\u3000", "a"]
)  # fmt: skip
"""Numbers, the characters around and inside them, and what NFKC and `as_read` change."""


@settings(deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=40).map("".join), min_size=1, max_size=6))
def test_reading_each_distinct_line_once_finds_what_reading_each_text_whole_finds(texts):
    """`guard._LineScanner` reads each line once per scan: it must find in every text what the
    detectors find in the whole text, however its lines repeat across texts."""
    wanted = ("山水路7号", "水路7", "7号\n山")
    for values in (wanted[:2], wanted):  # the last holds a line end: looked for in the whole text
        lines = guard._LineScanner(guard._finder(values), any("\n" in value for value in values))
        for text in texts + texts[::-1]:
            finder = guard._finder(values)
            assert lines.scan(text) == (
                set(find_personal_numbers(text)),
                {value for _, value in finder.iter(as_read(text))},
            )


def test_the_lines_read_are_forgotten_past_a_limit_and_read_again(tmp_path, monkeypatch):
    """A county's downloads never repeat a line: past `LINES_KEPT` characters the scanner forgets
    the lines it read, and a number on a line read before is still found in the next file."""
    monkeypatch.setattr(guard, "LINES_KEPT", 40)
    for i in range(6):
        (tmp_path / f"{i}.csv").write_text(f"行{i},{'某' * 30}\n{MOBILE}\n", encoding="utf-8")
    assert [hit.output for hit in scan_site(tmp_path)[0]] == [f"{i}.csv" for i in range(6)]


@pytest.mark.site
def test_a_personal_number_stops_the_build_and_names_output_source_and_field(tmp_path):
    project = new_project(tmp_path)
    members = project / "data" / "members.csv"
    members.write_text(
        members.read_text(encoding="utf-8-sig") + f"{ID_NUMBER},张三,青禾村党支部,,2010,正式党员,,,,\n",
        encoding="utf-8",
    )
    about = project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n有事请打 {MOBILE}。\n", encoding="utf-8")
    line = len(about.read_text(encoding="utf-8").splitlines())
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("上一版网站", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    hint = (
        "提示：请删除这个号码，或只写遮挡后的形式（如 138****5678）；确需公开的办公电话写在村庄概况的电话字段，"
        "或列入 mkdocs.yml 里 cunwu 的 allowed_numbers。网站没有更新。"
    )
    expected = "应为：公开的网站上没有身份证号、手机号、银行卡号。"
    assert (
        f"content/about.md 第 {line} 行：疑似手机号（139****5678）出现在生成的网站文件里：site/about.html、"
        f"site/search/search_index.json。{expected}{hint}"
    ) in result.stderr
    assert (
        f"data/members.csv 第 48 行，字段「编号」：疑似身份证号（110***********002X）出现在生成的网站文件里："
        f"site/members/{ID_NUMBER}.html、site/members/index.html、site/open-data/members.csv 等 5 个文件。{expected}{hint}"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == {"index.html": "上一版网站".encode()}, "the previous site stays"
    assert sorted(p.name for p in project.iterdir()) == ["content", "data", "mkdocs.yml", "site", "site_overrides"]


@pytest.mark.site
def test_published_phones_and_allowed_numbers_pass(tmp_path):
    project = new_project(tmp_path)
    village = project / "data" / "village.yml"
    village.write_text(village.read_text(encoding="utf-8").replace("0794-6123457", MOBILE), encoding="utf-8")
    about = project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n村集体账户 {BANK_CARD}。\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      data_dir: data\n", f"      data_dir: data\n      allowed_numbers: ['{BANK_CARD}']\n"
        ),
        encoding="utf-8",
    )
    (project / "site" / "stale").mkdir(parents=True)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = snapshot(project / "site")
    assert MOBILE.encode() in site["index.html"] and BANK_CARD.encode() in site["about.html"]
    assert not any(name.startswith("stale") for name in site), "the new site replaces the old one"
    assert sorted(p.name for p in project.iterdir()) == ["content", "data", "mkdocs.yml", "site", "site_overrides"]


@pytest.mark.site
def test_a_private_field_that_a_template_prints_stops_the_build(tmp_path):
    project = new_project(tmp_path)
    override = project / "site_overrides" / "markdown" / "namelist.md"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text(
        "# {{ named.title }}\n\n{% for e in items %}\n- {{ e.address }}\n{% endfor %}\n", encoding="utf-8"
    )
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("上一版网站", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert (
        "data/lists/MD-2026-01-低保对象.csv 第 2 行，字段「住址」：不公开的内容出现在生成的网站文件里："
        "site/lists/MD-2026-01.html、site/search/search_index.json。应为：标为不公开的字段不出现在网站上。"
        "提示：检查 site_overrides/markdown/ 里覆盖的模板是否显示了这个字段。网站没有更新。"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == {"index.html": "上一版网站".encode()}, "the previous site stays"
