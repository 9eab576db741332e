"""Temporary git repositories for the change-history tests: commits on given days, then a build."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator.core import generate
from generator.history import collect

from . import TODAY


def git(project: Path, *args: str, day: str | None = None) -> str:
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


def commit(project: Path, day: str, files: dict[str, str], message: str = "更新数据") -> None:
    for name, text in files.items():
        path = project / "data" / name
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
    git(project, "add", "-A", "data")
    git(project, "commit", "-q", "-m", message, day=day)


def build(project: Path, history=True) -> dict[str, str]:
    changes = collect(project / "data", TODAY) if history else None
    result = generate(project / "data", TODAY, None, project, history=changes)
    assert result.problems == []
    return result.files
