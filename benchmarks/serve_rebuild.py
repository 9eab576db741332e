"""Figures for `mkdocs serve`'s rebuild after one saved file (the clerk's edit loop). Prints;
never run as a test.

Copies the demo project (no git history: the history's own figures are benchmarks/history.py),
then runs MkDocs's build in-process exactly as `mkdocs serve` does on each change (a fresh
`load_config`, the plugin told the command is serve): once to warm up, then after each of ROUNDS
edits of one member's row (renaming the member, then changing another field). Prints the time of each rebuild and how much of it is the cunwu plugin's
checking and rendering of the data (`on_config`), the rest being MkDocs and Material turning the
pages into HTML, the search index and the personal-data guard, and how much of that work was
reused from the build before (generator/reuse.py: pages rendered or reused, search entries, the
guard's file scans). Also times one rebuild with broken data (the page listing the problems).
Usage: python benchmarks/serve_rebuild.py [ROUNDS]
"""

from __future__ import annotations

import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["NO_MKDOCS_2_WARNING"] = "1"

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from generator import plugin, reuse  # noqa: E402


def serve_build(project: Path, site: Path) -> tuple[float, float]:
    """One rebuild as `mkdocs serve` makes it: (total seconds, seconds in the plugin's on_config),
    as CPU time of this process: on a shared machine wall-clock time measures the neighbours."""
    spent = []
    original = plugin.CunwuPlugin.on_config

    def timed(self, config):
        start = time.process_time()
        try:
            return original(self, config)
        finally:
            spent.append(time.process_time() - start)

    plugin.CunwuPlugin.on_config = timed
    try:
        start = time.process_time()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        return time.process_time() - start, sum(spent)
    finally:
        plugin.CunwuPlugin.on_config = original


def reused() -> str:
    """What the last build made afresh and reused, by kind of work (generator/reuse.py)."""
    counts = reuse.stats()
    kinds = {
        "pages": "pages rendered",
        "search": "pages indexed",
        "parsed": "of which HTML parsed",
        "guard": "files scanned",
        "calls": "sanitised or finished",
    }
    return ", ".join(
        f"{label} {counts[f'{kind} made']}/reused {counts[f'{kind} reused']}" for kind, label in kinds.items()
    )


def main(rounds: int) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        for name in ("content", "site_overrides", "data"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        site = Path(tmp) / "site"
        first, first_plugin = serve_build(project, site)
        print(
            f"CPU seconds. first build (serve, demo data): {first:.2f} s, of which cunwu on_config {first_plugin:.2f} s"
        )
        members = project / "data" / "members.csv"
        original = members.read_text(encoding="utf-8-sig")
        edits = {
            "renaming a member (the search vocabulary changes)": lambda n: original.replace(
                "周建国", f"周建国{'甲乙丙丁戊'[n % 5]}"
            ),
            "changing a member's 专长": lambda n: original.replace(
                "土地流转协调", f"土地流转协调{'甲乙丙丁戊'[n % 5]}"
            ),
        }
        for edit, edited in edits.items():
            totals, plugins = [], []
            for n in range(rounds):
                members.write_text(edited(n), encoding="utf-8")
                total, spent = serve_build(project, site)
                totals.append(total)
                plugins.append(spent)
                print(f"rebuild {n + 1} after {edit}: {total:.2f} s (cunwu on_config {spent:.2f} s); {reused()}")
            print(
                f"median rebuild after {edit}: {statistics.median(totals):.2f} s, of which cunwu on_config "
                f"{statistics.median(plugins):.2f} s; pages: {len(list(site.rglob('*.html')))}"
            )
        members.write_text(original.replace("周建国", "请填写姓名"), encoding="utf-8")
        total, spent = serve_build(project, site)
        print(f"rebuild with broken data (the problems page everywhere): {total:.2f} s (on_config {spent:.2f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
