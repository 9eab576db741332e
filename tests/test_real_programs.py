"""Every spreadsheet saved by LibreOffice Calc or gnumeric in tests/fixtures/real-programs/ is read
exactly as the clerk typed it, or refused with the exact Chinese message naming file, row and
column and the right diagnosis (the cases are in real_programs.py)."""

from __future__ import annotations

import pytest
from helpers.real_programs import CASES, FIXTURES, case_id, load

from generator.model import load_site


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_real_program_file_is_read_as_typed_or_refused_exactly(tmp_path, case):
    rows, problems, _ = load(case, tmp_path, load_site)
    if case.rows:
        assert problems == []
        assert rows == case.rows
    else:
        assert rows is None
        assert problems == list(case.problems)


def test_every_fixture_file_has_a_case():
    made = {p.name for p in FIXTURES.iterdir() if p.is_file() and p.suffix != ".py"}
    assert made == {c.fixture for c in CASES}
