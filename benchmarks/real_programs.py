"""Real-program spreadsheet cases read right / refused clearly / misread (a script, not a test).

Loads each case of tests/helpers/real_programs.py (files saved by LibreOffice Calc and gnumeric) with the
generator of this checkout, or of `--project DIR` (e.g. an export of main, to compare), and sorts
the outcome:

- read right: the records are exactly as typed;
- refused clearly: refused with a message on the case's file, row and column whose summary holds
  the case's diagnosis (``分隔``, ``标题``, ``合计``, ``合并``, ``丢``, ``存成了``); exact: the
  messages are also word for word the expected ones;
- refused with the wrong diagnosis: refused otherwise (a file read right must not be refused);
- misread: loaded without a problem, but the records differ (or the file was ignored).

    python benchmarks/real_programs.py [--project DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def verdict(case, rows, problems) -> str:
    if case.rows:
        if problems:
            return "refused with the wrong diagnosis"
        return "read right" if rows == case.rows else "misread"
    if not problems:
        return "misread"
    wanted = [_where(text) for text in case.problems]
    if all(
        any(p.file == f and p.line == line and p.field.startswith(field) for p in problems) for f, line, field in wanted
    ):
        if any(case.diagnosis in p.summary for p in problems):
            return "refused clearly"
    return "refused with the wrong diagnosis"


def _where(text: str) -> tuple[str, int, str]:
    """(file, row, column) named at the start of a message."""
    head = text.split("：", 1)[0]
    file, _, rest = head.partition(" 第 ")
    line = int(rest.split(" 行", 1)[0]) if rest else 0
    field = rest.split("「", 1)[1].split("」", 1)[0] if "「" in rest else ""
    return file, line, field


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="checkout whose generator loads the files")
    args = parser.parse_args()
    sys.path[:0] = [str(args.project), str(ROOT / "tests")]
    from helpers.real_programs import CASES, case_id, load

    from generator.model import load_site

    counts, exact = Counter(), 0
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            rows, texts, problems = load(case, Path(folder), load_site)
        result = verdict(case, rows, problems)
        counts[result] += 1
        exact += result == "refused clearly" and texts == list(case.problems)
        print(f"{case_id(case):40} {result}")
    print()
    print(f"{len(CASES)} cases, generator of {args.project}:")
    for result in ("read right", "refused clearly", "refused with the wrong diagnosis", "misread"):
        print(f"  {result}: {counts[result]}" + (f" ({exact} word for word)" if result == "refused clearly" else ""))


if __name__ == "__main__":
    main()
