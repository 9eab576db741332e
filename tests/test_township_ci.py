"""The CI files for a township: villages spread over runners by a matrix, then assembled."""

from __future__ import annotations

import yaml
from helpers import ROOT


def test_github_township_workflow_builds_shards_in_a_matrix_then_assembles():
    flow = yaml.safe_load((ROOT / ".github/workflows/township.yml").read_text(encoding="utf-8"))
    jobs = flow["jobs"]
    shards = jobs["villages"]["strategy"]["matrix"]["shard"]
    count = len(shards)
    assert shards == [f"{k}/{count}" for k in range(1, count + 1)]
    runs = [s["run"] for s in jobs["villages"]["steps"] if "run" in s]
    assert "cunwu build --shard ${{ matrix.shard }} --out parts" in runs
    assert all(
        s["with"]["fetch-depth"] == 0
        for job in ("check", "villages", "build")
        for s in jobs[job]["steps"]
        if s.get("uses", "").startswith("actions/checkout@")
    )
    for job in ("villages", "build"):  # one build date for every part
        assert jobs[job]["env"]["SOURCE_DATE_EPOCH"] == "${{ needs.check.outputs.epoch }}"
    build = [s.get("run") for s in jobs["build"]["steps"]]
    assert build.index("cunwu assemble parts") < build.index("mkdocs build --strict")
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_township_jobs_use_parallel_matrix_and_replace_the_single_site_jobs():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    shards = ci["villages"]["parallel"]["matrix"][0]["SHARD"]
    assert shards == [f"{k}/{len(shards)}" for k in range(1, len(shards) + 1)]
    assert 'cunwu build --shard "$SHARD" --out "parts/$CI_JOB_ID"' in ci["villages"]["script"]
    script = ci["township"]["script"]
    assert script.index("cunwu assemble parts") < script.index("mkdocs build --strict -d public")
    assert ci["township"]["needs"] == ["villages"]
    for single in ("check", "pages"):
        assert all('$TOWNSHIP != "1"' in rule["if"] for rule in ci[single]["rules"])
    for township in ("villages", "township"):
        assert all('$TOWNSHIP == "1"' in rule["if"] for rule in ci[township]["rules"])
