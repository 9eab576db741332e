"""What the property tests share: how many inputs each runs, and what a reader's result must be."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, settings

from generator.problems import Problem
from generator.readers import Read

EXAMPLES = 60
"""Inputs per test (and per record type or encoding where a test is parametrised)."""
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def chinese(problem: Problem) -> bool:
    """A problem a clerk can read: a `Problem` whose summary is written in Chinese."""
    return isinstance(problem, Problem) and bool(re.search(r"[\u4e00-\u9fff]", problem.summary)) and bool(str(problem))


def assert_read(read: Read, file: str) -> None:
    """A reader's result: a value, or Chinese problems that name the file, never both missing."""
    assert isinstance(read, Read)
    assert read.value is not None or read.problems
    assert all(chinese(p) and p.file == file for p in read.problems)
