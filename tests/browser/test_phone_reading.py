"""Reading every page type on a 360 × 740 phone, in normal and large-text mode: every key figure of
every table (cells marked `cunwu-key`) is on the screen without scrolling sideways, a table that
still scrolls says so, table text is as large as the page's, chart text is drawn at least 12 px
(18 px in large-text mode), and no date or phone number is broken across two lines. Then the
bytes: the search index and worker are fetched only when search is used, from nginx and file://."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from . import harness

PHONE_CHECKS = """() => {
  const width = document.documentElement.clientWidth, problems = [];
  const where = e => e.tagName.toLowerCase() + " " + (e.textContent || "").trim().slice(0, 24);
  let keys = 0;
  for (const cell of document.querySelectorAll("article td.cunwu-key")) {
    const box = cell.getBoundingClientRect();
    if (!box.width && !cell.textContent.trim()) continue;             // an empty cell, not drawn
    keys++;
    if (box.left < -0.5 || box.right > width + 0.5)
      problems.push(`key figure at ${Math.round(box.left)}–${Math.round(box.right)} px: ${where(cell)}`);
  }
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (box.scrollWidth <= box.clientWidth + 1) continue;
    const hint = box.previousElementSibling;
    if (!hint || !hint.matches(".cunwu-scroll-hint") || !hint.getBoundingClientRect().height)
      problems.push("a table scrolls sideways without saying so: " + where(box.querySelector("th") || box));
  }
  const body = parseFloat(getComputedStyle(document.querySelector("article p, article li") || document.body).fontSize);
  for (const cell of document.querySelectorAll("article td")) {
    const size = parseFloat(getComputedStyle(cell).fontSize);
    if (size >= Math.min(body, 18) - 0.01) continue;
    problems.push(`table text ${size} px against ${body} px: ${where(cell)}`);
    break;
  }
  // Dates and phone numbers as readers see them, wherever they are in the text.
  const whole = /\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{1,2}月\\d{1,2}日|\\d{3,4}-\\d{7,8}/g;
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  let checked = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const m of node.data.matchAll(whole)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top));
      if (!tops.length) continue;                                      // not drawn (hidden heading)
      checked++;
      if (Math.max(...tops) - Math.min(...tops) > 2) problems.push(`broken across lines: ${m[0]}`);
    }
  }
  const charts = [...document.querySelectorAll("article img[src$='.svg']")]
    .filter(img => img.naturalWidth && img.getBoundingClientRect().width)
    .map(img => ({src: img.src, scale: img.getBoundingClientRect().width / img.naturalWidth}));
  return {problems, keys, checked, charts, cards: document.querySelectorAll("table[data-cunwu-cards]").length};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_every_key_figure_and_chart_is_readable_on_a_phone(open_site, served, demo_site, page_types, large):
    page = open_site(served, harness.PHONE)
    page.goto(served + page_types["home"], wait_until="load")
    if large:
        page.locator(harness.SWITCH).click()
    smallest_chart_text = 18 if large else 12
    found, keys, dates, charts, cards = {}, 0, 0, 0, 0
    for kind, path in page_types.items():
        page.goto(served + path, wait_until="load")
        measured = page.evaluate(PHONE_CHECKS)
        problems = measured["problems"]
        for chart in measured["charts"]:
            font = smallest_font(demo_site / urlsplit(chart["src"]).path.removeprefix(harness.SUB_PATH))
            if font is None:
                continue  # a drawing without text (a story's illustration)
            charts += 1
            drawn = chart["scale"] * font
            if drawn < smallest_chart_text:
                problems.append(f"chart text drawn at {drawn:.1f} px: {chart['src']}")
        if problems:
            found[kind] = problems[:5]
        keys, dates, cards = keys + measured["keys"], dates + measured["checked"], cards + measured["cards"]
    assert not found
    assert keys > 100 and dates > 100 and charts >= 3 and cards > 10, "these checks measured too little"


def smallest_font(svg_file) -> float | None:
    """The smallest font size any text of an SVG is drawn with, in its own units (None: no text)."""
    root = ET.parse(svg_file).getroot()
    sizes, inherited = [], {root: float(root.get("font-size", "16"))}
    for parent in root.iter():
        for child in parent:
            inherited[child] = float(child.get("font-size", inherited[parent]))
            if child.tag.endswith("text"):
                sizes.append(inherited[child])
    return min(sizes, default=None)


@pytest.mark.browser
def test_the_menu_button_says_what_it_opens(open_site, served, page_types):
    page = open_site(served, harness.PHONE)
    page.goto(served + page_types["home"], wait_until="load")
    button = page.locator("label.md-header__button[for='__drawer']")
    assert button.evaluate("b => getComputedStyle(b, '::after').content") == '"栏目"'
    assert button.bounding_box()["width"] > 48, "the label is drawn beside the icon"


SEARCH_FILES = re.compile(r"/search/search_index\.js(on)?$|/workers/search\.\w+\.min\.js|/lunr/")


@pytest.mark.browser
@pytest.mark.parametrize("base", ["nginx", "file"], indirect=True)
def test_search_files_are_fetched_only_when_search_is_used(open_site, base, page_types):
    page = open_site(base, harness.PHONE)
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    for kind in ("home", "finance_period", "pledge"):
        page.goto(base + page_types[kind], wait_until="load")
        page.wait_for_timeout(300)  # anything the theme starts after the load event
        assert not [p for p in requested if SEARCH_FILES.search(p)], kind
    assert harness.search(page, "承诺"), "search found nothing"
    assert any(p.endswith(("search_index.json", "search_index.js")) for p in requested)
