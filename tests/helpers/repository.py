"""A data folder as a git repository with dated commits, for the change history's tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator.core import generate
from generator.history import collect

from . import TODAY


def git(project: Path, *args: str, day: str | None = None) -> str:
    """A git command in `project`, ignoring the machine's git settings; `day` dates a commit (China time)."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00"}
    return subprocess.run(
        ["git", "-c", "user.name=村文书", "-c", "user.email=clerk@example.invalid", *args],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def commit(project: Path, day: str, files: dict[str, str | None], message: str = "更新数据") -> None:
    """Write (or delete, for None) files under project/data and commit everything in data/ on `day`."""
    for name, text in files.items():
        path = project / "data" / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    git(project, "add", "-A", "data")
    git(project, "commit", "-q", "-m", message, day=day)


def build(project: Path, history=True) -> dict[str, str]:
    """The generated files of `project` on the tests' build date, with its history from git."""
    changes = collect(project / "data", TODAY) if history else None
    result = generate(project / "data", TODAY, None, project, history=changes)
    assert result.problems == []
    return result.files
