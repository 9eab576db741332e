"""Figures for a township built as a portal plus one MkDocs build per village.

    python benchmarks/township.py 1 5 20 [--out benchmarks/out/township] [--quick]

For each N: a synthetic township of N villages, each a copy of the demo village (its data and
hand-written pages) under its own name and with its own notice, is built
  - in full with 1 and with 2 jobs (empty cache),
  - as the floor: the same generated Markdown and hand-written pages as one plain MkDocs site
    (Material and search, no cunwu plugin) in one process, with the navigation such a site would
    have (the portal's pages, then each village as a section of its listings),
  - again after editing one village's notice (2 jobs; only that village is rebuilt).
Printed: wall-clock seconds, peak RSS of the largest process, pages, the largest page, one
village's search index (bytes and gzip), the portal's first load (its HTML, CSS and JS, gzip) and
the bytes nginx sends for the first cross-village query (Chromium, after the portal has loaded).

    python benchmarks/township.py 300 --root

measures the root build alone at N villages (what grows with N in one process: every village's
data loaded and checked, the portal, its downloads, the guard, the cross-village index). One
village is built for real; the cache then holds its output, under every other village's name and
build key, so that no village is built again. The villages' own builds do not grow with N: each is
a process of its own, measured by the full builds above.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers.township import make_township  # noqa: E402

EPOCH = "1794715200"
NAMES = "东南西北上下前后左右中金木水火土山河湖海松柏竹梅兰菊桃李杏梨"


def villages(n: int) -> dict[str, tuple[str, str]]:
    """N villages with distinct two-character names and a notice of their own."""
    out = {}
    for i in range(n):
        name = NAMES[i % len(NAMES)] + NAMES[(i // len(NAMES) + 7) % len(NAMES)] + (str(i) if i >= len(NAMES) else "")
        out[f"v{i:03d}"] = (name, f"修缮{name}村第{i + 1}号灌溉水渠")
    return out


def measured(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """(seconds, peak RSS in MB of the largest process of the run, stderr) of one command."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stderr.write(r.stderr)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    run = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, capture_output=True, text=True, env=env)
    seconds, rss, code = run.stdout.split()
    if code != "0":
        raise SystemExit(f"failed: {' '.join(command)}\n{run.stderr[-3000:]}")
    return float(seconds), int(rss) // 1024, run.stderr


def mkdocs(project: Path, jobs: int | None = None) -> tuple[float, int, str]:
    config = project / "mkdocs.yml"
    if jobs is not None:
        text = re.sub(r"\n      jobs: \d+", "", config.read_text(encoding="utf-8"))
        config.write_text(text.replace("  - cunwu:\n", f"  - cunwu:\n      jobs: {jobs}\n", 1), encoding="utf-8")
    return measured([sys.executable, "-m", "mkdocs", "build", "--strict"], project)


def floor_project(project: Path, out: Path) -> Path:
    """The same pages as one plain MkDocs site: generated Markdown written to disk, no plugin."""
    sys.path.insert(0, str(ROOT))
    from generator.build_date import build_date
    from generator.core import generate

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    plain = out / "floor"
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(project / "content", plain / "docs")
    made = generate(project / "data", build_date(None), project / "site_overrides", out, plain / "docs")
    assert not made.problems, made.problems
    for uri, content in made.files.items():
        path = plain / "docs" / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: content", "docs_dir: docs").replace("strict: true", "strict: false")
    config = re.sub(r"\n  - cunwu:\n(      .*\n|      #.*\n)*", "\n", config)
    nav = yaml.safe_load(config)["nav"]
    config = re.sub(r"\nnav:\n(  .*\n)*", "\n", config)
    config += yaml.safe_dump({"nav": floor_nav(nav, made, plain / "docs")}, allow_unicode=True, sort_keys=False)
    config = config.replace("omitted_files: info", "omitted_files: ignore")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(project / "site_overrides", plain / "site_overrides")
    return plain


def floor_nav(nav: list, made, docs: Path) -> list:
    """The navigation a township made as one site would have: the portal's pages, then each village
    as a section holding mkdocs.yml's navigation under its folder (record pages stay out of it, as
    in the villages' own builds; without a nav MkDocs would list all of them on every page)."""
    slugs = [v.slug for v in made.site.villages]

    def exists(uri: str) -> bool:
        return uri in made.files or (docs / uri).is_file()

    def under(items: list, slug: str) -> list:
        out = []
        for item in items:
            ((title, target),) = item.items()
            if isinstance(target, list):
                inner = under(target, slug)
                if inner:
                    out.append({title: inner})
            elif exists(f"{slug}/{target}"):
                out.append({title: f"{slug}/{target}"})
        return out

    portal = sorted(uri for uri in made.in_nav if uri.split("/", 1)[0] not in slugs)
    portal.sort(key=lambda uri: uri != "index.md")
    return portal + [{v.profile.name: under(nav, v.slug)} for v in made.site.villages]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def portal_first_load(site: Path) -> int:
    """gzip bytes of the portal's home page and the CSS and JS it loads."""
    html = (site / "index.html").read_text(encoding="utf-8")
    total = gz(html.encode())
    for ref in re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js))"', html):
        path = site / ref
        if path.is_file():
            total += gz(path.read_bytes())
    return total


def first_query_bytes(site: Path, phrase: str) -> int | None:
    """Bytes nginx sends for the portal's first cross-village query (a word inside a longer phrase
    of the first village's own notice), after the portal has loaded; None without nginx or Chromium."""
    from browser import harness
    from playwright.sync_api import sync_playwright

    if harness.nginx_path() is None or harness.missing_tools():
        return None
    word = phrase[2:4]  # a word inside the phrase: 修缮东南村第1号灌溉水渠 → 东南
    access = site.parent / "access.log"
    with harness.nginx(site, access_log=access) as base, sync_playwright() as playwright:
        browser = harness.launch(playwright)
        page = browser.new_page(viewport=harness.DESKTOP)
        page.goto(base + "index.html", wait_until="networkidle")
        box = page.locator("#township-search-input")
        box.wait_for()
        before = len(access.read_text().splitlines()) if access.exists() else 0
        box.fill(word)
        box.press("Enter")
        page.wait_for_selector(".township-search__link", timeout=60_000)
        page.wait_for_load_state("networkidle")
        sent = sum(int(line.split()[1]) for line in access.read_text().splitlines()[before:])
        browser.close()
    return sent


def figures(n: int, out: Path, quick: bool = False) -> None:
    base = out / f"n{n}"
    shutil.rmtree(base, ignore_errors=True)
    project = make_township(base / "project", villages(n))
    print(f"N = {n} villages", flush=True)
    if not quick:
        one, rss1, _ = mkdocs(project, jobs=1)
        print(f"  full build, 1 job:        {one:8.1f} s   peak RSS {rss1} MB", flush=True)
        shutil.rmtree(project / ".cunwu-cache")
    two, rss2, _ = mkdocs(project, jobs=2)
    print(f"  full build, 2 jobs:       {two:8.1f} s   peak RSS {rss2} MB", flush=True)
    site = project / "site"
    pages = [p for p in site.rglob("*.html")]
    largest = max(pages, key=lambda p: p.stat().st_size)
    first = next(iter(villages(n)))
    notice = project / "data" / first / "notices" / "own.yml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("修缮", "加固"), encoding="utf-8")
    incremental, rss_inc, log = mkdocs(project, jobs=2)
    print(
        f"  incremental (1 village):  {incremental:8.1f} s   peak RSS {rss_inc} MB   ({incremental / two:.2f} × full)"
    )
    if not quick:
        plain = floor_project(project, base)
        floor, rss_floor, _ = measured([sys.executable, "-m", "mkdocs", "build", "-q"], plain)
        print(f"  floor (one plain MkDocs): {floor:8.1f} s   peak RSS {rss_floor} MB   ({two / floor:.2f} × floor)")
    index = (site / first / "search" / "search_index.json").read_bytes()
    print(f"  pages: {len(pages)}")
    print(f"  largest page: {largest.relative_to(site)} {largest.stat().st_size / 1024:.1f} KB")
    print(f"  a village's search index: {len(index) / 1024:.0f} KB ({gz(index) / 1024:.0f} KB gzip)")
    print(f"  portal first load: {portal_first_load(site) / 1024:.0f} KB gzip")
    shards = list((site / "township-search" / "shards").iterdir())
    print(
        f"  cross-village index: {len(shards)} shards, {sum(p.stat().st_size for p in shards) / 1024:.0f} KB,"
        f" largest {max(p.stat().st_size for p in shards) / 1024:.0f} KB"
    )
    rebuilt = re.search(r"重新生成 (\d+) 个村", log)
    print(f"  villages rebuilt by the incremental build: {rebuilt[1] if rebuilt else '?'}")
    pages = re.search(r"生成了 (\d+) 个页面，沿用上次生成的 (\d+) 个页面", log)
    print(f"  its pages rendered / reused: {pages[1]} / {pages[2]}" if pages else "  its pages: ?")
    query = first_query_bytes(site, villages(n)[first][1])
    print(f"  cross-village search, first query: {query / 1024:.0f} KB sent by nginx" if query else "  (no browser)")
    sys.stdout.flush()


def root_alone(n: int, out: Path) -> None:
    """The root build of N villages, every village's output already in the cache (see the docstring)."""
    from mkdocs.config import load_config

    sys.path.insert(0, str(ROOT))
    from generator import township_build
    from generator.build_date import build_date

    base = out / f"n{n}-root"
    shutil.rmtree(base, ignore_errors=True)
    project = make_township(base / "project", villages(n))
    print(f"N = {n} villages, the root build alone", flush=True)
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    config = load_config(str(project / "mkdocs.yml"), strict=True)
    cache = project / township_build.CACHE
    jobs = township_build.jobs_from_config(config, build_date(None), sorted(villages(n)), cache)
    result = township_build.build_village(jobs[0])
    assert not result.errors, result.errors
    built = jobs[0]
    for job in jobs[1:]:
        township_build.link_tree(cache / built.slug, cache / job.slug)
        shutil.copy(township_build.words_file(built), township_build.words_file(job))
        (cache / (job.slug + township_build.KEY_SUFFIX)).write_text(job.key)
    seconds, rss, log = mkdocs(project)
    assert "重新生成 0 个村" in log, log[-2000:]
    print(f"  root build:               {seconds:8.1f} s   peak RSS {rss} MB", flush=True)
    (cache / (built.slug + township_build.LOADED_SUFFIX)).unlink()
    seconds, rss, _ = mkdocs(project)
    print(f"  again, one village's data read afresh: {seconds:8.1f} s   peak RSS {rss} MB")
    opened = project / "site" / "open-data"
    print(f"  township downloads: {sum(p.stat().st_size for p in opened.iterdir()) / 2**20:.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1, 5, 20])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "township")
    parser.add_argument("--quick", action="store_true", help="only the 2-job builds and the bytes (no 1-job, no floor)")
    parser.add_argument("--root", action="store_true", help="only the root build, the villages' outputs in the cache")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at start")
    for size in args.sizes:
        start = time.perf_counter()
        if args.root:
            root_alone(size, args.out)
        else:
            figures(size, args.out, args.quick)
        print(f"  (this size took {time.perf_counter() - start:.0f} s in all)")
