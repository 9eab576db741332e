"""Search in a township: across villages from the portal (over HTTP under a sub-path, and from
file://), and inside one village from file:// (Material's search, as in a one-village site)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import mkdocs_build
from helpers.township import make_township

from . import harness

pytestmark = [pytest.mark.browser, pytest.mark.site]

WORD = "疏浚"
"""A word inside a longer phrase of one notice of one village (白石): 疏浚白石溪下游的灌溉水渠."""
NOTICE = "baishi/notices/GG-2026-90.html"
FIRST_QUERY_BUDGET = 300 * 1024


@pytest.fixture(scope="module")
def township_site(tmp_path_factory) -> Path:
    project = make_township(tmp_path_factory.mktemp("township-browser") / "project")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def portal_search(page, word: str) -> list[str]:
    """Type `word` into the portal's search box; the addresses of the results it shows."""
    box = page.get_by_label("搜索各村公开的承诺、公告、项目、财务等页面")
    box.fill(word)
    box.press("Enter")  # searches at once (typing alone searches after a pause)
    page.wait_for_selector(".township-search__link", timeout=20_000)
    return page.eval_on_selector_all(".township-search__link", "links => links.map(a => a.href)")


def test_portal_finds_a_word_in_any_village_over_http_within_the_budget(township_site, open_site, tmp_path):
    if harness.nginx_path() is None:
        pytest.skip("nginx is needed")
    access = tmp_path / "access.log"
    with harness.nginx(township_site, access_log=access) as base:
        page = open_site(base, viewport=harness.DESKTOP)
        page.goto(base + "index.html", wait_until="networkidle")
        before = len(access.read_text().splitlines()) if access.exists() else 0
        links = portal_search(page, WORD)
        assert base + NOTICE in links[:5], links
        assert "找到" in page.locator(".township-search__status").inner_text()
        page.wait_for_load_state("networkidle")
        sent = [line.split() for line in access.read_text().splitlines()[before:]]
        assert sum(int(fields[1]) for fields in sent) <= FIRST_QUERY_BUDGET, sent
        page.goto(base + NOTICE, wait_until="networkidle")  # its own search loads: let it finish before nginx stops
        assert "白石村" in page.locator("article").inner_text()


def test_portal_and_each_village_search_from_file(township_site, open_site):
    base = township_site.resolve().as_uri() + "/"
    page = open_site(base)
    page.goto(base + "index.html")
    assert base + NOTICE in portal_search(page, WORD)[:5]
    portal_search(page, "m001")  # a Latin word, in any case: every village has a member M001
    assert "在 3 个村" in page.locator(".township-search__status").inner_text()
    while page.locator(".township-search__more").is_visible():  # ten at a time, in the portal's order
        page.locator(".township-search__more").click()
    shown = page.locator(".township-search__village").all_inner_texts()
    assert shown[0] == "青禾村" and shown[-1] == "红岭村" and "白石村" in shown, shown
    assert f"找到 {len(shown)} 个页面" in page.locator(".township-search__status").inner_text()
    page.goto(base + "baishi/index.html")
    found = [url.split("?")[0] for url in harness.search(page, WORD)]  # Material adds ?h=<word>
    assert base + NOTICE in found[:5], found
    page.goto(base + "qinghe/index.html")
    assert base + NOTICE not in [url.split("?")[0] for url in harness.search(page, WORD)]
