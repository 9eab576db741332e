"""Figures from a real browser, per page type of the demo site (a script, not a test).

Builds the site (this checkout, or `--project DIR`, e.g. another branch's checkout, to compare),
serves it with nginx under /villages/demo/ with gzip on as in the tests, and opens each page
type in Debian's Chromium at 360 × 740 with an empty cache. Prints:

- bytes nginx sent (its access log) on first load, until the network is idle: response bodies
  (gzip) and headers separately, and how many of them are the search index (Material's search
  fetched it on every first visit; the site now fetches it when search is used);
- bytes sent for a search (headers included), and the time from the key press to the first result shown,
  once right after the page's load event (cold: the worker may still be indexing) and once more
  with another word (warm);
- axe-core's violations (all impacts) at 360 and 1280 px, in normal mode and, where the site
  has the switch, in large-text mode.

    python benchmarks/browser_figures.py [--project DIR | --site DIR]

`--site DIR` measures an already built site (e.g. one built from main, to compare) instead.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import harness  # noqa: E402
from helpers import TODAY, mkdocs_build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="checkout to build (default: this one)")
    parser.add_argument("--site", type=Path, help="an already built site to measure instead")
    parser.add_argument(
        "--bytes-only", action="store_true", help="only the bytes (first load, first search): no timings, no axe"
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            built = mkdocs_build(args.project.resolve(), site)
            if built.returncode:
                sys.exit(built.stderr)
        pages = harness.page_types(TODAY, site)
        words = [
            word
            for _, word in harness.search_cases(
                harness.searchable(TODAY)["pledge"], harness.indexed_pages(site).values(), count=2
            )
        ]
        access_log = Path(tmp) / "access.log"
        with harness.nginx(site, access_log=access_log) as base, sync_playwright() as playwright:
            browser = harness.launch(playwright)
            print(
                f"site: {args.site or args.project.resolve()}  served at {base}"
                f"  (Chromium {browser.version}, 360×740, empty cache)"
            )
            print(f"search words: {words[0]} (cold), {words[1]} (warm)\n")
            print(
                f"{'page type':<22}{'first load':>12}{'of it index':>13}{'headers':>9}{'requests':>10}"
                f"{'search':>9}{'1st result cold':>17}{'warm':>8}"
            )
            axe, loads = {}, []
            for kind, path in pages.items():
                if args.bytes_only:
                    row = transfers(browser, base + path, words[0], access_log) | {"cold_ms": 0, "warm_ms": 0}
                else:
                    row, axe[kind] = measure(browser, base + path, words, access_log)
                loads.append(row["load"])
                print(
                    f"{kind:<22}{row['load']:>12,}{row['index']:>13,}{row['headers']:>9,}{row['requests']:>10}"
                    f"{row['search']:>9,}{row['cold_ms']:>14.0f} ms{row['warm_ms']:>5.0f} ms"
                )
            print(
                f"\nfirst load over {len(loads)} page types: largest {max(loads):,},"
                f" median {sorted(loads)[len(loads) // 2]:,}"
            )
            print("\naxe-core violations (rule (impact): elements)" if axe else "")
            for kind, found in axe.items():
                for n, (where, summary) in enumerate(found.items()):
                    print(f"{kind if n == 0 else '':<22}{where + ':':<13}{_summary(summary)}")
            browser.close()


def measure(browser, url: str, words: list[str], access_log: Path) -> tuple[dict, dict[str, dict]]:
    """Transfer and search figures for one page, then its axe findings by width and mode."""
    row = transfers(browser, url, words[0], access_log) | search_times(browser, url, words)
    return row, axe_findings(browser, url)


def axe_findings(browser, url: str) -> dict[str, dict]:
    """axe-core's violations at 360 and 1280 px, normal and (where there is a switch) large."""
    found = {}
    for width, viewport in (("360", harness.PHONE), ("1280", harness.DESKTOP)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(url, wait_until="load")
        found[f"{width} normal"] = harness.axe_summary(page)
        if page.locator(harness.SWITCH).count():
            page.locator(harness.SWITCH).click()
            found[f"{width} large"] = harness.axe_summary(page)
        context.close()
    return found


def transfers(browser, url: str, word: str, access_log: Path) -> dict:
    """Bytes nginx sent (its access log) for the first visit until the network is idle, and
    for one search after that."""
    context = browser.new_context(viewport=harness.PHONE)
    page = context.new_page()
    before = _log_lines(access_log)
    page.goto(url, wait_until="networkidle")
    _until_quiet(access_log)
    on_load = _log_lines(access_log)[len(before) :]
    harness.search(page, word)
    page.wait_for_load_state("networkidle")
    on_search = _log_lines(access_log)[len(before) + len(on_load) :]
    context.close()
    return {
        "load": sum(body for _, body, _ in on_load),
        "index": sum(body for _, body, path in on_load if "search_index" in path),
        "headers": sum(sent - body for sent, body, _ in on_load),
        "requests": len(on_load),
        "search": sum(sent for sent, _, _ in on_search),
    }


def _until_quiet(access_log: Path, quiet_s: float = 1.5, limit_s: float = 15) -> None:
    """Wait until nginx has sent nothing for `quiet_s`: on a busy machine the theme's script may
    start its requests more than the 0.5 s after the page's own that Playwright's networkidle waits."""
    seen, since, deadline = len(_log_lines(access_log)), time.monotonic(), time.monotonic() + limit_s
    while time.monotonic() - since < quiet_s and time.monotonic() < deadline:
        time.sleep(0.1)
        if (now := len(_log_lines(access_log))) != seen:
            seen, since = now, time.monotonic()


def _log_lines(access_log: Path) -> list[tuple[int, int, str]]:
    """(bytes sent, body bytes sent, path) for each response so far."""
    lines = access_log.read_text().splitlines() if access_log.exists() else []
    return [(int(sent), int(body), path) for _, sent, body, path in (line.split(" ", 3) for line in lines)]


def search_times(browser, url: str, words: list[str]) -> dict:
    """Key press to first result: right after the load event (cold), then with another word."""
    context = browser.new_context(viewport=harness.PHONE)
    page = context.new_page()
    page.goto(url, wait_until="load")
    started = time.perf_counter()
    harness.search(page, words[0])
    cold = time.perf_counter() - started
    box = page.locator("input.md-search__input")
    box.fill(words[1])
    started = time.perf_counter()
    box.press("End")
    page.wait_for_function(f"""() => [...document.querySelectorAll(".md-search-result__item")]
        .some(item => item.textContent.replaceAll("\\u200b", "").includes({words[1]!r}))""")
    warm = time.perf_counter() - started
    context.close()
    return {"cold_ms": cold * 1000, "warm_ms": warm * 1000}


def _summary(found: dict) -> str:
    return ", ".join(f"{rule}: {count}" for rule, count in sorted(found.items())) or "none"


if __name__ == "__main__":
    main()
