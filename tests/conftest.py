"""Fixtures shared by the test modules, and the test tiers.

Tiers (markers registered in pyproject.toml): `site` marks a test that builds a whole site with
MkDocs, `browser` one that drives Chromium (every test under tests/browser/). The fast tier,
``pytest -m "not site and not browser"``, runs alone; CI runs everything. A test that runs
`mkdocs build` without either marker fails, so the fast tier stays fast. The property tests run
`helpers.properties.FAST_TIER_EXAMPLES` inputs each in a run that leaves the `site` tests out, and
`FULL_EXAMPLES` otherwise (CI); the environment variable PROPERTY_EXAMPLES overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path

import helpers
import helpers.properties
import pytest
from helpers import ROOT, TODAY, mkdocs_build, write_minimal_village

from generator.core import Generated, generate
from generator.model import load_site

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from the demo data instead of comparing"
    )


def pytest_configure(config):
    # Before the test modules are imported: they read the number of inputs when they are.
    helpers.properties.use_examples(helpers.properties.examples_for(config.getoption("markexpr"), os.environ))


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before the test's fixtures are set up: a session or module fixture may be the one building.
    helpers.BUILDS_ALLOWED = any(item.get_closest_marker(name) for name in ("site", "browser"))


@pytest.fixture
def village(tmp_path: Path) -> Path:
    """A project folder holding a minimal valid `data/`; tests overwrite files to break it."""
    return write_minimal_village(tmp_path)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo project (this repository) built once per test session with `mkdocs build --strict`
    and the tests' build date. Shared by every whole-site and browser test: only read it."""
    site = tmp_path_factory.mktemp("demo") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, "strict builds fail on warnings: links and anchors resolve"
    return site


@pytest.fixture(scope="session")
def demo_generated() -> Generated:
    """Everything generated from the demo project (its data and site_overrides/) on the tests'
    build date, once per test session: only read it. A test that changes the data, templates or
    settings generates its own."""
    result = generate(ROOT / "data", TODAY, ROOT / "site_overrides", ROOT)
    assert result.problems == []
    return result


@pytest.fixture(scope="session")
def demo_village():
    """The demo village as the generator's model sees it on the tests' build date."""
    site, problems = load_site(ROOT / "data", TODAY, ROOT)
    assert problems == []
    return site.villages[0]
