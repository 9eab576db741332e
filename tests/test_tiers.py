"""The test tiers: a test that builds a whole site must say so with the `site` marker."""

from __future__ import annotations

import pytest
from helpers import mkdocs_build


def test_a_test_without_the_site_marker_cannot_build_a_site(tmp_path):
    with pytest.raises(AssertionError, match=r"must be marked @pytest\.mark\.site"):
        mkdocs_build(tmp_path)
    assert not (tmp_path / "site").exists()


def test_every_test_under_tests_browser_is_marked_browser(request):
    browser = [item for item in request.session.items if "browser" in item.path.parent.parts]
    assert [item.nodeid for item in browser if item.get_closest_marker("browser") is None] == []
