"""The CI files for a village's host: full history, the data check and a strict build before publishing."""

from __future__ import annotations

import yaml
from helpers import ROOT


def test_github_pages_workflow_checks_builds_with_full_history_and_publishes_site():
    flow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["build"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    commands = [s["run"] for s in steps if "run" in s]
    assert commands.index("cunwu check") < commands.index("mkdocs build --strict")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert flow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_pages_job_checks_builds_with_full_history_into_public():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ci["variables"]["GIT_DEPTH"] == 0
    assert ci["pages"]["script"] == ["cunwu check", "mkdocs build --strict -d public"]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
