"""Every page type on a phone and a desktop, in normal and large-text mode (大字模式): no
horizontal scrolling, text at least 18 px and 44 px touch targets in large mode, no serious or
critical axe-core violation. The site is served by nginx under a sub-path."""

from __future__ import annotations

import pytest

from . import harness


def visit(page, url: str) -> None:
    """Open `url` and wait for its load event (the theme's scripts have run)."""
    page.goto(url, wait_until="load")


def turn_large_text(page, on: bool) -> None:
    """Press the switch, as a person would, until large text is `on`."""
    switch = page.locator(harness.SWITCH)
    if (switch.get_attribute("aria-checked") == "true") != on:
        switch.click()
    assert switch.get_attribute("aria-checked") == ("true" if on else "false")


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_no_page_scrolls_sideways_on_a_phone(open_site, served, page_types, large):
    """Wide tables scroll inside their own box; the page itself never scrolls sideways."""
    page = open_site(served, harness.PHONE)
    visit(page, served + page_types["home"])
    turn_large_text(page, large)
    overflowing, wide_tables = {}, 0
    for kind, path in page_types.items():
        visit(page, served + path)
        measured = page.evaluate(harness.HORIZONTAL_OVERFLOW)
        if measured["scrollWidth"] > measured["width"]:
            overflowing[kind] = measured
        wide_tables += page.eval_on_selector_all(
            "article table", "tables => tables.filter(t => t.scrollWidth > innerWidth || t.dataset.cunwuCards).length"
        )
    assert not overflowing
    assert wide_tables, "no table is wider than a phone: this test proves nothing"


@pytest.mark.parametrize("base", ["nginx", "file"], indirect=True)
def test_large_text_switch_enlarges_every_page_and_is_remembered(open_site, base, page_types):
    page = open_site(base, harness.PHONE)
    visit(page, base + page_types["home"])
    switch = page.locator(harness.SWITCH)
    assert switch.is_visible() and "大字模式" in switch.inner_text()
    normal = page.evaluate(harness.TEXT_SIZES)
    assert min(t["size"] for t in normal) < 18, "normal mode should differ from large mode"

    turn_large_text(page, True)
    harness.open_from_menu(page, "公开承诺")  # a real navigation
    page.wait_for_url("**/pledges/index.html")
    assert "cunwu-large" in page.get_attribute("html", "class")
    problems, cells = {}, 0
    for kind, path in page_types.items():
        visit(page, base + path)
        sizes = page.evaluate(harness.TEXT_SIZES)
        cells += sum(t["cell"] for t in sizes)
        if found := large_text_problems(page, sizes):
            problems[kind] = found
    assert cells, "no table cell was measured"
    assert harness.search(page, "承诺")  # the search panel, full of results
    if found := large_text_problems(page, page.evaluate(harness.TEXT_SIZES)):
        problems["search panel"] = found
    assert not problems

    page.keyboard.press("Escape")
    turn_large_text(page, False)
    visit(page, base + page_types["pledge"])
    assert "cunwu-large" not in (page.get_attribute("html", "class") or "")
    assert min(t["size"] for t in page.evaluate(harness.TEXT_SIZES)) < 18


def test_large_text_on_a_desktop_too(open_site, served, page_types):
    page = open_site(served, harness.DESKTOP)
    visit(page, served + page_types["home"])
    turn_large_text(page, True)
    problems = {}
    for kind, path in page_types.items():
        visit(page, served + path)
        if found := large_text_problems(page, page.evaluate(harness.TEXT_SIZES)):
            problems[kind] = found
    assert not problems


def large_text_problems(page, sizes: list[dict]) -> list[str]:
    """What breaks large-text mode on this page: mode not on, text under 18 px, small targets."""
    problems = []
    if "cunwu-large" not in page.get_attribute("html", "class"):
        problems.append("large-text mode is off")
    if page.locator(harness.SWITCH).get_attribute("aria-checked") != "true":
        problems.append("the switch does not show it is on")
    problems += [f"{t['size']} px: {t['where']} {t['text']!r}" for t in sizes if t["size"] < 18][:5]
    problems += page.evaluate(harness.SMALL_TARGETS)
    return problems


def test_switch_is_hidden_and_pages_stay_usable_without_javascript(open_site, served, page_types):
    page = open_site(served, harness.PHONE, java_script_enabled=False)
    for kind in ("home", "pledge_board", "pledge"):
        visit(page, served + page_types[kind])
        assert not page.locator(harness.SWITCH).is_visible()
        assert page.locator("article h1").is_visible()
        measured = page.evaluate(harness.HORIZONTAL_OVERFLOW)
        assert measured["scrollWidth"] <= measured["width"], (kind, measured)


@pytest.mark.parametrize(
    "viewport, large",
    [(harness.PHONE, False), (harness.PHONE, True), (harness.DESKTOP, False)],
    ids=["360px-normal", "360px-large", "1280px-normal"],
)
def test_axe_finds_no_violation(open_site, served, page_types, viewport, large):
    """No violation of any impact, moderate ones too (two pagers with one name, a skipped heading
    level). Large mode at 1280 px is left to benchmarks/browser_figures.py (its colours are those of
    large mode at 360 px; the desktop-only parts, tabs and sidebars, are checked in normal mode)."""
    page = open_site(served, viewport)
    page.context.add_init_script(path=harness.AXE)  # in every page before it loads
    visit(page, served + page_types["home"])
    turn_large_text(page, large)
    found = {}
    for kind, path in page_types.items():
        visit(page, served + path)
        if violations := harness.axe_violations(page, impacts=harness.ALL_IMPACTS):
            found[kind] = violations
    assert not found


SCREENSHOT_PAGES = ("home", "pledge_board", "pledge")


def test_screenshots_for_people_to_look_at(open_site, served, page_types):
    """Saved under test-artifacts/screenshots/ (see README): home, pledge board and a pledge
    page at 360 and 1280 px, and at 360 px in large-text mode."""
    harness.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport, large in (
        ("360", harness.PHONE, False),
        ("1280", harness.DESKTOP, False),
        ("360-large", harness.PHONE, True),
    ):
        page = open_site(served, viewport)
        visit(page, served + page_types["home"])
        turn_large_text(page, large)
        for kind in SCREENSHOT_PAGES:
            visit(page, served + page_types[kind])
            shot = harness.SCREENSHOTS / f"{kind}-{name}.png"
            page.screenshot(path=shot, full_page=True)
            assert shot.stat().st_size > 10_000
