"""Navigation and Chinese search, the same checks twice: from nginx under a sub-path and from
the built folder opened from disk (file://, a copy on a USB stick). Every request is logged by
`open_site`; one that leaves the site fails the test."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import pytest
from helpers import ROOT, TODAY

from generator.model import load_site

from . import harness


@pytest.fixture(scope="module")
def pledges():
    site, problems = load_site(ROOT / "data", TODAY, ROOT)
    assert not problems
    return [p for village in site.villages for p in village.public_pledges(TODAY)]


@pytest.fixture(scope="module")
def indexed(demo_site) -> dict[str, str]:
    return harness.indexed_pages(demo_site)


@pytest.fixture(scope="module")
def search_words(indexed) -> list[tuple[str, str]]:
    """(site path, word): one notice, one story, then three pledges (the last one's result is
    followed), each word picked from the data as sitting inside a longer phrase and rare on the site."""
    records = harness.searchable(TODAY)
    corpus = indexed.values()
    return (
        harness.search_cases(records["notice"], corpus, count=1)
        + harness.search_cases(records["story"], corpus, count=1)
        + harness.search_cases(records["pledge"], corpus)
    )


def without_query(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(query="", fragment=""))


@pytest.mark.parametrize("base", ["nginx", "file"], indirect=True)
def test_chinese_search_finds_a_notice_a_story_and_a_pledge_by_a_word_inside_a_phrase(
    open_site, base, page_types, search_words, indexed
):
    """The record is among the first five results, and every result says the word: Material's
    own query segmenter cut a word to its first character (一技之长 → 一*), which the plugin fixes."""
    page = open_site(base, harness.PHONE)
    for path, word in search_words:
        page.goto(base + page_types["pledge_board"])
        found = [without_query(url) for url in harness.search(page, word)]
        assert base + path in found[:5], (word, path, found[:5])
        assert all(word in indexed.get(url.removeprefix(base), "") for url in found), (word, found)
    assert not harness.axe_violations(page), "the open search panel has serious violations"

    page.locator(".md-search-result__item > a").first.click()  # follow the best result
    page.wait_for_url(re.compile(r".*/pledges/\d{4}-\d{3}\.html(\?.*)?$"))
    assert page.locator("article h1").is_visible()


@pytest.mark.parametrize("base", ["nginx", "file"], indirect=True)
def test_navigation_from_home_to_a_pledge_and_back(open_site, base, page_types, pledges):
    contents = {p.id: p.content for p in pledges}
    page = open_site(base, harness.PHONE)
    page.goto(base + page_types["home"])
    assert page.title().startswith(page.locator(".md-header__topic").first.inner_text().strip())

    harness.open_from_menu(page, "公开承诺")
    page.wait_for_url(base + page_types["pledge_board"])
    assert page.locator("article h1").inner_text().strip()

    links = page.locator("article table a[href$='.html']").all()
    target = next(a for a in links if re.search(r"\d{4}-\d{3}\.html$", a.get_attribute("href")))
    pledge_id = re.search(r"(\d{4}-\d{3})\.html$", target.get_attribute("href")).group(1)
    target.click()
    page.wait_for_url(base + f"pledges/{pledge_id}.html")
    assert page.locator("article h1").inner_text().replace("\u200b", "") == contents[pledge_id]
    assert page.evaluate("getComputedStyle(document.body).fontFamily")  # the theme's CSS loaded
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(179, 38, 30)"

    harness.open_from_menu(page, "首页")
    page.wait_for_url(base + page_types["home"])
