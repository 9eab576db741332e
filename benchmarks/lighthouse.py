"""Lighthouse mobile scores of the main page types, median of several runs (a script, not a test).

Serves a built site with nginx under /villages/demo/ with gzip on (as the browser tests do) and
runs Lighthouse's default mobile audit (a throttled mid-range phone) against each page type with
Debian's Chromium. Lighthouse is not a dependency of the project: install it in a scratch folder
outside the repository and point `--lighthouse` at it (Node 20):

    mkdir -p /work/lh && cd /work/lh && npm i -E lighthouse@12.2.3
    python benchmarks/lighthouse.py [--site DIR | --project DIR] [--runs 3] [--lighthouse PATH]
                                    [--pages TYPE …] [--reports DIR]

Without `--site` the site of this checkout (or of `--project DIR`) is built first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import harness  # noqa: E402
from helpers import TODAY, mkdocs_build  # noqa: E402

MAIN_PAGE_TYPES = (
    "home",
    "pledge_board",
    "pledge",
    "member",
    "notice_list",
    "finance_index",
    "finance_period",
    "stats",
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--project", type=Path, default=ROOT, help="checkout to build (default: this one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lighthouse", default="/work/lh/node_modules/.bin/lighthouse")
    parser.add_argument("--pages", nargs="*", default=list(MAIN_PAGE_TYPES), help="page types to audit")
    parser.add_argument(
        "--reports", type=Path, help="keep each run's JSON report in this folder (<page type>-<run>.json)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            built = mkdocs_build(args.project.resolve(), site)
            if built.returncode:
                sys.exit(built.stderr)
        pages = harness.page_types(TODAY, site)
        with harness.nginx(site) as base:
            print(f"site: {site}  served at {base}  (Lighthouse mobile, median of {args.runs} runs)")
            print(f"load average at the start: {load_average()}  (2 cores: above 2, the scores are noisy)\n")
            print(
                f"{'page type':<18}"
                + "".join(f"{c:>16}" for c in CATEGORIES)
                + f"{'FCP (ms)':>10}{'LCP (ms)':>10}{'TBT (ms)':>10}"
            )
            for kind in args.pages:
                reports = [
                    args.reports / f"{kind}-{run}.json" if args.reports else Path(tmp) / "report.json"
                    for run in range(args.runs)
                ]
                runs = [audit(args.lighthouse, base + pages[kind], report) for report in reports]
                medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                spread = {c: sorted(run[c] for run in runs) for c in CATEGORIES}
                print(
                    f"{kind:<18}"
                    + "".join(f"{medians[c]:>7.0f} ({spread[c][0]:.0f}–{spread[c][-1]:.0f})" for c in CATEGORIES)
                    + f"{medians['fcp']:>10.0f}{medians['lcp']:>10.0f}{medians['tbt']:>10.0f}"
                )
            print(f"\nload average at the end: {load_average()}")


def audit(lighthouse: str, url: str, report: Path) -> dict[str, float]:
    """One Lighthouse run, its JSON report written to `report`: the four category scores (0–100),
    FCP, LCP and total blocking time."""
    report.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": harness.CHROMIUM}
    subprocess.run(
        [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(CATEGORIES),
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    result = json.loads(report.read_text())
    scores = {c: (result["categories"][c]["score"] or 0) * 100 for c in CATEGORIES}
    audits = result["audits"]
    scores["fcp"] = audits["first-contentful-paint"].get("numericValue") or 0
    scores["lcp"] = audits["largest-contentful-paint"].get("numericValue") or 0
    scores["tbt"] = audits["total-blocking-time"].get("numericValue") or 0
    return scores


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes."""
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


if __name__ == "__main__":
    main()
