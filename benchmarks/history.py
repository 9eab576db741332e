"""Figures for the change history read from git (issues 8 and 13). Prints; never run as a test.

Makes a throw-away repository holding the demo data, adds COMMITS commits that each edit one value
of one dataset, every dataset of the demo in turn (as a clerk would: a notice's title, a ledger
row's 摘要, a name list row's 备注, a month's publication date …), then times `history.collect`
(a first build, and a rebuild in the same process as `mkdocs serve` does) and the whole
generation with and without history. Usage: python benchmarks/history.py [COMMITS]
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import history  # noqa: E402
from generator.core import generate  # noqa: E402
from generator.datasets import DATASETS  # noqa: E402
from generator.history import collect, has_history  # noqa: E402

TODAY = date(2026, 11, 15)

EDITS = (
    ("village.yml", "office_hours"),
    ("members.csv", "专长"),
    ("pledges/2026.yml", "content"),
    ("notices/2025-2026.yml", "title"),
    ("decisions/2025-2026.yml", "summary"),
    ("projects/projects.yml", "funding"),
    ("ledgers/*.csv", "摘要"),
    ("ledgers/periods.yml", "公布日期"),
    ("lists/lists.yml", "basis"),
    ("lists/*.csv", "备注"),
    ("talents.csv", "专长"),
    ("training.csv", "培训内容"),
    ("mentoring.yml", "goals"),
    ("points/rules.yml", "note"),
    ("points/*.csv", "说明"),
    ("wishes.yml", "content"),
    ("five_goods.yml", "basis"),
)
"""(file pattern under data/, field as written) edited in turn: a text gets the marker （改N） in
place of the previous one, a date moves a day forward and back."""


def git(repo: Path, *args: str, day: date | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00"}
    subprocess.run(
        ["git", "-c", "user.name=b", "-c", "user.email=b@example.invalid", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )


def make_repo(folder: Path, commits: int) -> Path:
    shutil.copytree(ROOT / "data", folder / "data")
    shutil.copytree(ROOT / "content", folder / "content")  # the photos wishes name
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "data")
    day = date(2025, 1, 20)
    git(folder, "commit", "-q", "-m", "initial", day=day)
    for n in range(commits):
        if n % 3 == 0:
            day += timedelta(days=1)
        pattern, key = EDITS[n % len(EDITS)]
        files = sorted((folder / "data").glob(pattern))
        edit(files[(n // len(EDITS)) % len(files)], key, n)
        git(folder, "commit", "-qam", f"edit {n}", day=day)
    return folder


def edit(path: Path, key: str, n: int) -> None:
    """Change one value of `key` in a YAML or CSV file (a different one on each turn)."""
    raw = path.read_bytes()
    try:
        encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
        text = raw.decode(encoding)
    except UnicodeDecodeError:  # a CSV saved by Excel in GB18030
        encoding = "gb18030"
        text = raw.decode(encoding)
    turn = n // len(EDITS)
    if path.suffix == ".csv":
        rows = list(csv.reader(io.StringIO(text)))
        column = rows[0].index(key)
        row = rows[1 + turn % (len(rows) - 1)]
        row[column] = _marked(row[column], n)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        text = out.getvalue()
    else:
        found = list(re.finditer(rf"^(\s*(?:- )?{re.escape(key)}: )(.+)$", text, re.M))
        match = found[turn % len(found)]
        value = match.group(2)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            value = (date.fromisoformat(value) + timedelta(days=1 if turn % 2 == 0 else -1)).isoformat()
        else:
            value = _marked(value, n)
        text = text[: match.start(2)] + value + text[match.end(2) :]
    path.write_bytes(text.encode(encoding))


def _marked(value: str, n: int) -> str:
    return re.sub(r"（改\d+）$", "", value) + f"（改{n}）"


def timed(label: str, function, repeat: int = 3):
    best = min(_once(function) for _ in range(repeat))
    print(f"{label}: {best * 1000:.0f} ms")
    return function()


def _once(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    commits = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        repo = make_repo(Path(tmp), commits)
        data = repo / "data"
        made = time.perf_counter() - started
        print(f"demo data with {commits + 1} commits, each editing one of {len(EDITS)} files in turn ({made:.0f} s)")
        problems = generate(data, TODAY).problems
        assert problems == [], f"an edit made the demo data invalid: {problems[0]}"
        found = timed("history.collect, first build in a process", lambda: cold_collect(data))
        timed("history.collect, rebuild in the same process (mkdocs serve)", lambda: collect(data, TODAY))
        changed = sum(1 for h in found.records.values() if h.changes)
        print(f"records with history: {len(found.records)}, with later changes: {changed}")
        families = sorted({key[1] for key in found.records})
        rows = sorted(d.name for d in DATASETS if d.part_of and d.part_of.dataset in families)
        print(
            f"record types with history: {len(families) + len(rows)} ({', '.join(families)}; rows: {', '.join(rows)})"
        )
        print(f"record types without: {', '.join(d.name for d in DATASETS if not has_history(d))}")
        timed("generate without history", lambda: generate(data, TODAY))
        timed(
            "generate with history (first collect + render)", lambda: generate(data, TODAY, history=cold_collect(data))
        )


def cold_collect(data: Path):
    """`collect` as on a first build: the per-process caches of parsed versions emptied."""
    history._VERSIONS.clear()
    history._PARSE.seen.clear()
    return collect(data, TODAY)


if __name__ == "__main__":
    main()
