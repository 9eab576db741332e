"""What the property tests share: how many inputs each runs, and what a reader's result must be."""

from __future__ import annotations

import re
from collections.abc import Mapping

from hypothesis import HealthCheck, settings

from generator.problems import Problem
from generator.readers import Read

FULL_EXAMPLES = 60
"""Inputs per test in the full suite (plain `pytest`, what CI runs)."""
FAST_TIER_EXAMPLES = 8
"""Inputs per test in the fast tier (``pytest -m "not site and not browser"``)."""

EXAMPLES = FULL_EXAMPLES
"""Inputs per test (and per record type or encoding where a test is parametrised). Set by
`use_examples`, which tests/conftest.py calls before the test modules are imported (they read
this and `FAST` when they are imported)."""
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
"""The settings of the property tests: `EXAMPLES` inputs, no deadline."""


def examples_for(markexpr: str, environ: Mapping[str, str]) -> int:
    """Inputs per property test in a run with `-m markexpr`: PROPERTY_EXAMPLES if it is set, else
    `FAST_TIER_EXAMPLES` when the run leaves the `site` tests out (the fast tier does), else
    `FULL_EXAMPLES` (a plain `pytest`, as CI runs it)."""
    if environ.get("PROPERTY_EXAMPLES"):
        return int(environ["PROPERTY_EXAMPLES"])
    return FAST_TIER_EXAMPLES if leaves_out_site_tests(markexpr) else FULL_EXAMPLES


def leaves_out_site_tests(markexpr: str) -> bool:
    """Whether a run's `-m` expression deselects a test marked `site`."""
    if not markexpr:
        return False
    try:
        from _pytest.mark.expression import Expression
    except ImportError:  # pytest moved its private parser: keep the full count
        return False
    return not Expression.compile(markexpr).evaluate(lambda name, /, **kwargs: name == "site")


def use_examples(examples: int) -> None:
    """Run `examples` inputs per property test from now on (before the test modules are imported):
    the tests with `FAST` or `EXAMPLES`, and, unless it is the full count, those on Hypothesis's
    default settings too (which otherwise run Hypothesis's own default, 100)."""
    global EXAMPLES, FAST
    EXAMPLES = examples
    FAST = settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    if examples != FULL_EXAMPLES:
        settings.register_profile("tier", settings.get_profile("default"), max_examples=examples)
        settings.load_profile("tier")


def chinese(problem: Problem) -> bool:
    """A problem a clerk can read: a `Problem` whose summary is written in Chinese."""
    return isinstance(problem, Problem) and bool(re.search(r"[\u4e00-\u9fff]", problem.summary)) and bool(str(problem))


def assert_read(read: Read, file: str) -> None:
    """A reader's result: a value, or Chinese problems that name the file, never both missing."""
    assert isinstance(read, Read)
    assert read.value is not None or read.problems
    assert all(chinese(p) and p.file == file for p in read.problems)
