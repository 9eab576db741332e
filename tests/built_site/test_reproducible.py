"""Reproducible builds (issue 6, item 4): the same commit gives the same bytes."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from helpers import ROOT, mkdocs_build, new_project, snapshot, soup
from mkdocs.utils import get_theme_dir


@pytest.mark.site
def test_two_builds_of_the_demo_are_byte_identical(tmp_path):
    """Built from two copies in different folders, with different hash seeds (set order)."""
    sites = []
    for number, seed in ((1, "1"), (2, "2")):
        project = new_project(tmp_path / f"copy{number}", nav=None)
        result = mkdocs_build(project, PYTHONHASHSEED=seed)
        assert result.returncode == 0, result.stderr
        sites.append(snapshot(project / "site"))
    first, second = sites
    assert sorted(first) == sorted(second)
    assert [name for name in sorted(first) if first[name] != second[name]] == []
    assert "sitemap.xml.gz" in first and gzip.decompress(first["sitemap.xml.gz"]) == first["sitemap.xml"]


@pytest.mark.site
def test_the_shortcuts_change_no_byte(tmp_path, demo_site):
    """generator/fast_paths.py: the demo built without its shortcuts is the demo built with them."""
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, CUNWU_NO_SHORTCUTS="1")
    assert result.returncode == 0, result.stderr
    plain, fast = snapshot(site), snapshot(demo_site)
    assert sorted(plain) == sorted(fast)
    assert [name for name in sorted(plain) if plain[name] != fast[name]] == []


@pytest.mark.site
@pytest.mark.parametrize("template", ["partials/nav.html", "partials/tabs.html"])
def test_a_site_overriding_the_navigation_gets_it_rendered_on_every_page(tmp_path, template):
    """The navigation and the tabs are rendered once per folder only while their templates are Material's."""
    project = new_project(tmp_path)
    override = project / "site_overrides" / template
    override.parent.mkdir(parents=True, exist_ok=True)
    material = Path(get_theme_dir("material")) / template
    override.write_text(material.read_text(encoding="utf-8") + '<i class="page-url">{{ page.url }}</i>\n')
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    for url in ("members/M001.html", "members/M002.html", "pledges/2025-001.html"):
        page = soup(project / "site" / url)
        assert [i.get_text() for i in page.select("i.page-url")] == [url]
