"""The benchmark scripts stay runnable: each imports (its helpers from tests/ and generator/ still
exist where it looks for them) without running its measurements."""

from __future__ import annotations

import runpy

import pytest
from helpers import ROOT

SCRIPTS = sorted((ROOT / "benchmarks").glob("*.py"))


def test_there_are_benchmarks():
    assert len(SCRIPTS) >= 5


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_each_benchmark_imports(script, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    namespace = runpy.run_path(str(script), run_name="benchmark_import_check")
    assert namespace["__doc__"], f"{script.name} says what it measures in its docstring"
