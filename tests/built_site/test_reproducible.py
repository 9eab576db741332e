"""Reproducible builds (issue 6, item 4): the same commit gives the same bytes."""

from __future__ import annotations

import gzip

import pytest
from helpers import mkdocs_build, new_project, snapshot


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
