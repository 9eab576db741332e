"""How long the personal-data guard takes to scan the built site, per 1,000 pages.

Builds the demo site once, copies its pages until the site holds PAGES pages (real Material
pages, with their navigation and inline icons), keeps the search index and downloads, then
times `guard.scan_site` over the whole output, as the plugin runs it after every build.

    python benchmarks/guard_scan.py [PAGES]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.guard import scan_site  # noqa: E402


def main(pages: int = 1000, rounds: int = 3) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1794715200"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
            check=True,
            env=env,
            cwd=ROOT,
            capture_output=True,
        )
        originals = sorted(site.rglob("*.html"))
        for n in range(pages - len(originals)):
            source = originals[n % len(originals)]
            shutil.copyfile(source, source.with_name(f"{source.stem}-copy{n}.html"))
        html = list(site.rglob("*.html"))
        text_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            hits, unread = scan_site(site)
            best = min(best, time.perf_counter() - start)
        assert hits == [], hits
        print(
            f"{len(html)} pages, {text_bytes / 1e6:.1f} MB in the output ({len(unread)} binary files skipped): "
            f"scan {best:.2f} s (best of {rounds}) = {best * 1000 / len(html):.2f} s per 1,000 pages"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
