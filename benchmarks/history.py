"""Figures for the change history read from git (issue 8). Prints; never run as a test.

Makes a throw-away repository holding the demo data, adds COMMITS commits that each edit one
pledge or member (as a clerk would), then times `history.collect` and the whole generation with
and without history. Usage: python benchmarks/history.py [COMMITS]
"""

from __future__ import annotations

import os
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
from generator.history import collect  # noqa: E402

TODAY = date(2026, 11, 15)


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
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "data")
    day = date(2026, 1, 20)
    git(folder, "commit", "-q", "-m", "initial", day=day)
    pledges = folder / "data" / "pledges" / "2026.yml"
    members = folder / "data" / "members.csv"
    for n in range(commits):
        day += timedelta(days=1)
        if n % 3 == 2:
            rows = members.read_text(encoding="utf-8-sig").splitlines()
            k = 1 + n % (len(rows) - 1)
            rows[k] = rows[k].replace("青禾村党支部", f"青禾村党支部第{n % 3 + 1}党小组", 1)
            members.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
        else:
            parts = pledges.read_text(encoding="utf-8").split("\n  measures: ")
            k = 1 + n % (len(parts) - 1)
            parts[k] = f"第{n}次修改，" + parts[k]
            pledges.write_text("\n  measures: ".join(parts), encoding="utf-8")
        git(folder, "commit", "-qam", f"edit {n}", day=day)
    return folder


def timed(label: str, function, repeat: int = 3):
    best = min(_once(function) for _ in range(repeat))
    print(f"{label}: {best * 1000:.0f} ms")
    return function()


def _once(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    commits = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_repo(Path(tmp), commits)
        data = repo / "data"
        print(f"demo data (46 members, 93 pledges) with {commits + 1} commits touching data/")
        found = timed("history.collect, first build in a process", lambda: cold_collect(data))
        timed("history.collect, rebuild in the same process (mkdocs serve)", lambda: collect(data, TODAY))
        changed = sum(1 for h in found.records.values() if h.changes)
        print(f"records with history: {len(found.records)}, with later changes: {changed}")
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
