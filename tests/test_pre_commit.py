"""The pre-commit configuration really stops a commit of broken data (pre-commit and git run)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(not (BIN / "pre-commit").exists(), reason="pre-commit is not installed")


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "PRE_COMMIT_HOME": str(project.parent / "pre-commit-home"),
        "CUNWU_DEBUG": "",
    }
    return subprocess.run(list(args), cwd=project, env=env, capture_output=True, text=True)


def git(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run(project, "git", "-c", "user.name=村文书", "-c", "user.email=clerk@example.invalid", *args)


@pytest.fixture
def project(village: Path) -> Path:
    shutil.copy(ROOT / ".pre-commit-config.yaml", village)
    (village / "content").mkdir()
    (village / "content" / "about.md").write_text("# 关于\n", encoding="utf-8")
    assert git(village, "init", "-q", "-b", "main").returncode == 0
    assert run(village, str(BIN / "pre-commit"), "install").returncode == 0
    return village


def test_good_data_commits_and_broken_data_is_refused_with_the_chinese_message(project):
    git(project, "add", "-A")
    done = git(project, "commit", "-qm", "初始数据")
    assert done.returncode == 0, done.stdout + done.stderr
    pledges = project / "data" / "pledges" / "2026.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace("2026-12-31", "2026-13-01"), encoding="utf-8")
    git(project, "add", "-A")
    refused = git(project, "commit", "-qm", "改时限")
    assert refused.returncode != 0
    assert (
        "data/pledges/2026.yml 第 5 行，字段「target_date（承诺完成时限）」：日期不存在"
        in refused.stdout + refused.stderr
    )
    assert "改时限" not in git(project, "log", "--format=%s").stdout


def test_a_commit_without_data_changes_skips_the_check(project):
    git(project, "add", "-A")
    git(project, "commit", "-qm", "初始数据")
    (project / "data" / "members.csv").write_text("坏的", encoding="utf-8")  # broken but not staged
    (project / "content" / "about.md").write_text("# 关于本站\n", encoding="utf-8")
    git(project, "add", "content")
    done = git(project, "commit", "-qm", "改关于页")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Skipped" in done.stdout + done.stderr
