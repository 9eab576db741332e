"""`mkdocs serve` rebuilds reuse the work of every page whose inputs did not change
(generator/reuse.py, issue 14 item 7), and write the same bytes as a fresh `mkdocs build`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import EPOCH, ROOT, mkdocs_build, new_project, snapshot

SERVE = """
import json, os, shutil, sys
from pathlib import Path

os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import reuse

project, out, edits = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
members = project / "data" / "members.csv"
original = members.read_text(encoding="utf-8-sig")
counts = {}
for name, replacements in edits:
    text = original
    for old, new in replacements:
        text = text.replace(old, new)
    members.write_text(text, encoding="utf-8")
    # each rebuild as `mkdocs serve` makes it: a new configuration, the plugins told it is serve
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out / "serving"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    counts[name] = reuse.stats()
    shutil.copytree(out / "serving", out / name)
members.write_text(original, encoding="utf-8")
print(json.dumps(counts))
"""

SKILL = ("土地流转协调", "土地流转协调甲")
"""A member's 专长: the pages saying it change, and its talent page's address (a digest of the skill)."""
RENAME = ("周建国", "周建国乙")
"""A member's name: also a word taught to jieba, so every page's search entries are cut again."""
BROKEN = ("周建国", "请填写姓名")


def serve_builds(project, out, edits) -> dict[str, dict[str, int]]:
    """Builds in one process, as `mkdocs serve` does after each edit of members.csv; what each reused."""
    environ = {k: v for k, v in os.environ.items() if k != "CUNWU_DEBUG"}
    result = subprocess.run(
        [sys.executable, "-c", SERVE, str(project), str(out), json.dumps(edits)],
        capture_output=True,
        text=True,
        cwd=project,
        env={**environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def fresh_build(project, site, *replacements) -> dict[str, bytes]:
    members = project / "data" / "members.csv"
    original = members.read_text(encoding="utf-8-sig")
    text = original
    for old, new in replacements:
        text = text.replace(old, new)
    members.write_text(text, encoding="utf-8")
    try:
        result = mkdocs_build(project, site)
    finally:
        members.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    return snapshot(site)


def differing(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))


@pytest.mark.site
def test_a_serve_rebuild_renders_only_the_changed_pages_and_writes_what_a_fresh_build_writes(tmp_path):
    project = new_project(tmp_path)
    out = tmp_path / "out"
    counts = serve_builds(
        project,
        out,
        [
            ("first", []),
            ("skill", [SKILL]),
            ("renamed", [SKILL, RENAME]),
            ("broken", [SKILL, BROKEN]),
            ("renamed again", [SKILL, RENAME]),
        ],
    )
    pages = len(list((out / "first").rglob("*.html"))) - 1  # 404.html is a theme template, not a page
    first, skill, renamed = (snapshot(out / name) for name in ("first", "skill", "renamed"))

    assert counts["first"]["pages reused"] == 0
    assert counts["first"]["pages made"] == pages

    # a page is rendered again only when its HTML changed: its Markdown, or a page it links to moved
    changed = [name for name in differing(first, skill) if name.endswith(".html")]
    assert 0 < counts["skill"]["pages made"] <= len(changed) < pages / 4
    assert counts["skill"]["pages made"] + counts["skill"]["pages reused"] == pages
    assert counts["skill"]["search reused"] == pages - counts["skill"]["search made"] > pages * 3 / 4
    assert counts["skill"]["guard reused"] > counts["skill"]["guard made"] * 4
    assert differing(skill, fresh_build(project, tmp_path / "fresh-skill", SKILL)) == []

    # a renamed person is a new word for jieba: every page is cut into words again, from its
    # HTML as parsed the last time
    assert counts["renamed"]["pages reused"] > pages * 3 / 4
    assert counts["renamed"]["search made"] == pages
    assert counts["renamed"]["parsed made"] <= counts["renamed"]["pages made"]  # pages not excluded from search
    assert counts["renamed"]["parsed reused"] > pages / 2
    assert differing(renamed, fresh_build(project, tmp_path / "fresh-renamed", SKILL, RENAME)) == []

    # the problems page shown meanwhile neither uses nor drops what the last build kept
    assert set(counts["broken"].values()) == {0}
    assert counts["renamed again"]["pages made"] == 0
    assert counts["renamed again"]["search made"] == 0
    assert counts["renamed again"]["guard made"] == 0
    assert differing(renamed, snapshot(out / "renamed again")) == []
