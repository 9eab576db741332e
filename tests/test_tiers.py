"""The test tiers: a test that builds a whole site must say so with the `site` marker."""

from __future__ import annotations

import os

import pytest
from helpers import mkdocs_build, properties
from hypothesis import settings


def test_a_test_without_the_site_marker_cannot_build_a_site(tmp_path):
    with pytest.raises(AssertionError, match=r"must be marked @pytest\.mark\.site"):
        mkdocs_build(tmp_path)
    assert not (tmp_path / "site").exists()


def test_every_test_under_tests_browser_is_marked_browser(request):
    browser = [item for item in request.session.items if "browser" in item.path.parent.parts]
    assert [item.nodeid for item in browser if item.get_closest_marker("browser") is None] == []


def test_the_fast_tier_runs_fewer_property_inputs_than_the_full_suite():
    assert properties.FAST_TIER_EXAMPLES < properties.FULL_EXAMPLES
    assert properties.examples_for("not site and not browser", {}) == properties.FAST_TIER_EXAMPLES
    assert properties.examples_for("not site", {}) == properties.FAST_TIER_EXAMPLES
    for full in ("", "not browser", "site", "site or not site"):
        assert properties.examples_for(full, {}) == properties.FULL_EXAMPLES, full
    assert properties.examples_for("not site", {"PROPERTY_EXAMPLES": "200"}) == 200
    assert properties.examples_for("", {"PROPERTY_EXAMPLES": "3"}) == 3


def test_this_run_uses_the_count_its_tier_asks_for(request):
    wanted = properties.examples_for(request.config.getoption("markexpr"), os.environ)
    assert (properties.EXAMPLES, properties.FAST.max_examples) == (wanted, wanted)
    if wanted != properties.FULL_EXAMPLES:  # the tests on Hypothesis's default settings too
        assert settings.default.max_examples == wanted
    else:
        assert settings.default.max_examples == settings.get_profile("default").max_examples
