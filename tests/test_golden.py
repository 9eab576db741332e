"""Golden files: everything generated from the demo data, committed under tests/golden/.

Run ``pytest tests/test_golden.py --update-golden`` to rewrite them after an intended change,
then review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def test_generated_files_match_golden(request, demo_generated):
    produced = {
        uri: content.encode("utf-8") if isinstance(content, str) else content
        for uri, content in demo_generated.files.items()
    }
    if request.config.getoption("--update-golden"):
        _rewrite(produced)
    committed = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(produced) == sorted(committed), "pages added or removed: run with --update-golden and review"
    changed = [uri for uri in sorted(produced) if produced[uri] != committed[uri]]
    assert changed == [], "generated files differ from tests/golden/: run with --update-golden and review"


def _rewrite(produced: dict[str, bytes]) -> None:
    for old in GOLDEN.rglob("*"):
        if old.is_file() and old.relative_to(GOLDEN).as_posix() not in produced:
            old.unlink()
    for uri, content in produced.items():
        target = GOLDEN / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
