"""A village's history starts with its own data: a repository copied from another village (the
demo), whose data/ is then replaced and committed, never shows the other village's records as
this village's history."""

from __future__ import annotations

from helpers import MEMBERS_CSV, PLEDGES_YML, VILLAGE_YML
from helpers.repository import build, commit, git

OWN_VILLAGE = VILLAGE_YML.replace("name: 试验村", "name: 大山村")
OWN_MEMBERS = MEMBERS_CSV.replace("M001,甲一,试验村党支部", "M001,王大山,大山村党支部")


def copied_demo(project):
    """The demo's history (试验村), then this village's data replacing it, then one real change."""
    git(project, "init", "-q", "-b", "main")
    commit(project, "2026-01-12", {})
    commit(project, "2026-02-01", {"pledges/2026.yml": PLEDGES_YML.replace("修好村道", "修好村道和水渠")})
    commit(project, "2026-05-10", {"village.yml": OWN_VILLAGE, "members.csv": OWN_MEMBERS})
    return project


def test_the_other_villages_records_are_not_this_villages_history(village):
    files = build(copied_demo(village))
    member = files["members/M001.md"]
    assert "甲一" not in member and "改为 王大山" not in member
    assert '<time datetime="2026-05-10">2026年5月10日</time> 首次在本站公开' in member
    pledge = files["pledges/2026-001.md"]
    assert "修改：" not in pledge and "公开后修改过" not in pledge
    assert "2026年5月10日</time> 首次在本站公开" in pledge, "files kept from before count from the start"


def test_changes_after_the_start_are_history(village):
    project = copied_demo(village)
    commit(project, "2026-06-01", {"members.csv": OWN_MEMBERS.replace("M002,乙二,", "M002,乙二明,")})
    page = build(project)["members/M002.md"]
    assert "2026年6月1日</time> 修改：姓名 由 乙二 改为 乙二明" in page
    assert "2026年5月10日</time> 首次在本站公开" in page


def test_a_profile_not_yet_committed_under_the_new_name_has_no_history_yet(village):
    project = copied_demo(village)
    (project / "data" / "village.yml").write_text(OWN_VILLAGE.replace("大山村", "小溪村"), encoding="utf-8")
    page = build(project)["members/M001.md"]
    assert "首次在本站公开" not in page and "修改：" not in page
