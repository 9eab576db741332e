"""Fixtures for the browser tests: Chromium, nginx serving the demo site (`demo_site`) under a sub-path.

Without Chromium (or nginx) these tests skip with the reason, except in CI (`CI` set), where a
missing tool is an error: `tests/system-deps.sh` (run by `.ci/run`) installs them, so a skip there would hide a broken step.
"""

from __future__ import annotations

import os

import pytest
from helpers import TODAY

from . import harness


def _unavailable(what: str) -> None:
    """Skip, or fail in CI, because `what` is missing."""
    message = f"browser tests need {what}"
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(message + " (CI is set: tests/system-deps.sh should have installed it)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def page_types(demo_site) -> dict[str, str]:
    return harness.page_types(TODAY, demo_site)


@pytest.fixture(scope="session")
def browser():
    missing = harness.missing_tools()
    if missing:
        _unavailable(", ".join(missing))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = harness.launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served(demo_site) -> str:
    """The site behind nginx at a sub-path; yields its base URL (ending in /)."""
    if harness.nginx_path() is None:
        _unavailable("nginx (apt-get install nginx)")
    with harness.nginx(demo_site) as base:
        yield base


@pytest.fixture(params=["nginx", "file"])
def base(request, demo_site) -> str:
    """The site's base URL, once behind nginx at a sub-path and once opened from disk."""
    if request.param == "file":
        return demo_site.resolve().as_uri() + "/"
    return request.getfixturevalue("served")


@pytest.fixture
def open_site(browser):
    """`open_site(base, viewport)`: a fresh browser context (no storage, no cache) whose
    every request is logged; at the end the test fails on any request outside the site, any
    failed load, any HTTP error, and any pop-up window or alert the site opened."""
    logs, contexts = [], []

    def open_(base: str, viewport=harness.PHONE, **options):
        context = browser.new_context(viewport=viewport, **options)
        log = harness.RequestLog(base)
        log.attach(context)
        page = context.new_page()
        page.on(
            "dialog", lambda dialog: (log.problems.append(f"{dialog.type} shown: {dialog.message}"), dialog.dismiss())
        )
        context.on("page", lambda popup: log.problems.append(f"pop-up window opened: {popup.url}"))
        logs.append(log)
        contexts.append(context)
        return page

    yield open_
    for context in contexts:
        context.close()
    problems = [p for log in logs for p in log.problems]
    assert not problems, "\n".join(problems)
