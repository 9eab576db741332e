"""Search in a township: across villages from the portal (Pagefind, over HTTP under a sub-path),
and inside one village from file:// (Material's search, as in a one-village site)."""

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


def test_portal_finds_a_word_in_any_village_over_http_within_the_budget(township_site, open_site, tmp_path):
    if harness.nginx_path() is None:
        pytest.skip("nginx is needed")
    access = tmp_path / "access.log"
    with harness.nginx(township_site, access_log=access) as base:
        page = open_site(base, viewport=harness.DESKTOP)
        page.goto(base + "index.html")
        box = page.locator(".pagefind-ui__search-input")
        box.wait_for()
        before = len(access.read_text().splitlines()) if access.exists() else 0
        box.fill(WORD)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=20_000)
        links = page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.href)")
        assert base + NOTICE in links[:5], links
        page.wait_for_load_state("networkidle")
        sent = [line.split() for line in access.read_text().splitlines()[before:]]
        assert sum(int(fields[1]) for fields in sent) <= FIRST_QUERY_BUDGET, sent
        page.goto(base + NOTICE, wait_until="networkidle")  # its own search loads: let it finish before nginx stops
        assert "白石村" in page.locator("article").inner_text()


def test_a_village_searches_its_own_records_from_file_and_the_portal_says_where(township_site, open_site):
    base = township_site.resolve().as_uri() + "/"
    page = open_site(base)
    page.goto(base + "index.html")
    assert "不能跨村搜索" in page.locator("#township-search").inner_text()
    page.goto(base + "baishi/index.html")
    found = [url.split("?")[0] for url in harness.search(page, WORD)]  # Material adds ?h=<word>
    assert base + NOTICE in found[:5], found
    page.goto(base + "qinghe/index.html")
    assert base + NOTICE not in [url.split("?")[0] for url in harness.search(page, WORD)]
