"""The cross-village search's index (generator/township_search.py): its words, its shards and
the files a query reads, checked against a recount from the pages' text."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.township import search_hits, search_script

from generator.township_search import (
    DOCS_PER_CHUNK,
    SearchPage,
    search_page,
    searched,
    shard_of,
    words,
    write_index,
    write_village,
)


def test_a_chinese_run_gives_every_pair_and_latin_runs_are_whole_words():
    assert words("疏浚水渠，M001号 2026年") == {"疏浚", "浚水", "水渠", "m001", "号", "2026", "年"}


def test_shard_is_fnv1a_over_utf16_code_units_as_javascript_sees_them():
    assert shard_of("", 2**32) == 0x811C9DC5
    assert shard_of("a", 2**32) == 0xE40C292C  # the published FNV-1a test vector for "a"
    assert shard_of("村", 7) == shard_of("村", 2**32) % 7
    assert shard_of("\U00020000", 2**32) != shard_of("\u4e00", 2**32)  # two code units, not one


def test_only_records_and_listings_of_the_searched_sections_are_searched():
    assert searched("pledges/2025-001.html") and searched("finance/index.html")
    assert not searched("print/finance/2026-Q3.html")
    assert not searched("pledges/category/学习.html")
    assert not searched("guide/index.html") and not searched("index.html")


def test_page_text_is_text_and_the_title_is_not_repeated():
    page = search_page("notices/x.html", "&lt;b&gt;公告", "<h1>&lt;b&gt;公告</h1><p>水渠&amp;堤坝<br>下游</p>")
    assert page == SearchPage("notices/x.html", "<b>公告", "水渠&堤坝 下游")


def township(tmp_path: Path, texts: dict[str, list[str]]) -> dict[str, bytes]:
    """Write each village's pages (page i of a village is `notices/<i>.html` with text texts[i]) and
    the township's index; every file under the site, by path."""
    site = tmp_path / "site"
    listed = []
    for slug, village_texts in texts.items():
        pages = [SearchPage(f"notices/{i:03}.html", f"第{i}号", text) for i, text in enumerate(village_texts)]
        write_village(pages, site / slug, tmp_path / "cache" / f"{slug}.words")
        listed.append((slug, slug + "村", tmp_path / "cache" / f"{slug}.words"))
    write_index(site, listed)
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_every_word_of_every_village_leads_to_exactly_the_pages_that_hold_it(tmp_path):
    phrases = ["修缮老祠堂门前的石板古道", "疏浚白石溪下游的灌溉水渠", "扩建小学旁边的儿童游乐场", "村民代表会议"]
    texts = {
        slug: [f"{phrases[(i * k) % 4]}，第{i}次，编号 M{i:03}" for i in range(3 * DOCS_PER_CHUNK + k)]
        for k, slug in enumerate(("a", "b", "c"), start=1)
    }
    site = township(tmp_path, texts)
    index = search_script(site["township-search/index.js"])
    assert isinstance(index, dict) and index["villages"] == [["a", "a村", 31], ["b", "b村", 32], ["c", "c村", 33]]
    for word in ["老祠", "溪下", "游乐", "代表", "m007", "号", "村民"]:
        expected = {
            f"{slug}/notices/{i:03}.html"
            for slug, village_texts in texts.items()
            for i, text in enumerate(village_texts)
            if word in (f"第{i}号 " + text).lower()
        }
        assert search_hits(site, word) == expected, word
    assert search_hits(site, "不存在") == set()


def test_the_index_is_the_same_bytes_for_the_same_pages_in_any_order(tmp_path):
    pages = [SearchPage(f"notices/{i}.html", "公告", f"第{i}条") for i in range(25)]
    write_village(pages, tmp_path / "one", tmp_path / "one.words")
    write_village(pages[::-1], tmp_path / "two", tmp_path / "two.words")
    assert (tmp_path / "one.words").read_bytes() == (tmp_path / "two.words").read_bytes()
    for k in range(3):
        one = (tmp_path / "one" / "township-search" / f"{k}.js").read_bytes()
        assert one == (tmp_path / "two" / "township-search" / f"{k}.js").read_bytes()
    assert json.loads((tmp_path / "one.words").read_text(encoding="utf-8"))["pages"] == 25


def test_hostile_text_stays_data_inside_the_script(tmp_path):
    hostile = '</script><script>alert(1)</script>"); alert(2); ("\u2028'
    site = township(tmp_path, {"a": [hostile]})
    chunk = search_script(site["a/township-search/0.js"])
    assert chunk == [["notices/000.html", "第0号", hostile]]
