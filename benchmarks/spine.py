"""Figures for the spine (issue 3): load, render and build times, page sizes, search index size.

    python benchmarks/spine.py [--scales 1 10 100]

For each scale (× the demo's members and pledges) it prints the time to load and validate, to
render the Markdown, the total `mkdocs build` time, the number of HTML pages, the largest page
and the search index size. As a floor, the same run builds the same Markdown pages written as
plain files with the same theme and settings but without the cunwu plugin.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, write_village

from generator.model import load_site
from generator.render import render_site

TODAY = date(2026, 11, 15)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1794715200"}


def measure(scale: int, work: Path) -> dict:
    project = work / f"x{scale}"
    project.mkdir()
    members, pledges = write_village(project, scale)
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")

    start = time.perf_counter()
    site, problems = load_site(project / "data", TODAY, project)
    loaded = time.perf_counter()
    assert not problems, problems[:3]
    files, _, _ = render_site(site, project / "site_overrides")
    rendered = time.perf_counter()

    build = _timed_build(project, project / "site")
    floor_project = _plain_copy(project, files)
    floor = _timed_build(floor_project, floor_project / "site")

    pages = list((project / "site").rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = project / "site" / "search" / "search_index.json"
    return {
        "scale": scale,
        "members": members,
        "pledges": pledges,
        "load_s": loaded - start,
        "render_s": rendered - loaded,
        "build_s": build,
        "floor_s": floor,
        "pages": len(pages),
        "largest_kb": largest.stat().st_size / 1024,
        "largest": largest.relative_to(project / "site").as_posix(),
        "index_mb": index.stat().st_size / 1024 / 1024,
    }


def _timed_build(project: Path, site_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        check=True,
        env=ENV,
        cwd=project,
    )
    return time.perf_counter() - start


def _plain_copy(project: Path, files: dict) -> Path:
    """The same pages as ordinary Markdown files, built without the plugin."""
    plain = project.parent / (project.name + "-floor")
    shutil.copytree(project / "content", plain / "content")
    shutil.copytree(project / "site_overrides", plain / "site_overrides")
    for uri, content in files.items():
        target = plain / "content" / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "cunwu" in p)]
    nav_pages = set(_nav_pages(config["nav"]))
    config["not_in_nav"] = "\n".join(f"/{uri}" for uri in files if uri.endswith(".md") and uri not in nav_pages)
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return plain


def _nav_pages(entries: list) -> list[str]:
    """Every page named in a nav, sections included."""
    pages = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    args = parser.parse_args()
    header = (
        "scale",
        "members",
        "pledges",
        "load_s",
        "render_s",
        "build_s",
        "floor_s",
        "ratio",
        "pages",
        "largest_kb",
        "index_mb",
        "largest",
    )
    print("\t".join(header))
    with tempfile.TemporaryDirectory() as work:
        for scale in args.scales:
            row = measure(scale, Path(work))
            row["ratio"] = row["build_s"] / row["floor_s"]
            print("\t".join(f"{row[k]:.2f}" if isinstance(row[k], float) else str(row[k]) for k in header), flush=True)


if __name__ == "__main__":
    main()
