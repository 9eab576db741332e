"""Change history from git: a temporary repository, a sequence of commits, then a build."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import MEMBERS_CSV, PLEDGES_YML, ROOT
from helpers.repository import build, commit, git
from helpers.township import township_yml

DRAFT = """\
- id: 2026-001
  member: M001
  category: 为民办实事
  content: 草稿里的承诺内容不能公开
  target_date: 2026-12-31
  drafted: 2026-01-05
"""

PROGRESS = """\
  progress:
    - date: 2026-02-20
      text: 路基平整完成
"""


@pytest.fixture
def repo(village: Path) -> Path:
    """The minimal village as a git repository: a draft, its publication, two later edits."""
    git(village, "init", "-q", "-b", "main")
    commit(village, "2026-01-05", {"pledges/2026.yml": DRAFT})
    commit(village, "2026-01-12", {"pledges/2026.yml": PLEDGES_YML})
    edited = PLEDGES_YML.replace("target_date: 2026-12-31", "target_date: 2027-03-31") + PROGRESS
    commit(village, "2026-03-01", {"pledges/2026.yml": edited})
    commit(
        village,
        "2026-04-01",
        {"members.csv": MEMBERS_CSV.replace("M002,乙二,试验村党支部,,", "M002,乙二,试验村党支部,宣传委员,")},
    )
    return village


def test_pledge_page_shows_first_publication_and_each_later_change(repo):
    page = build(repo)["pledges/2026-001.md"]
    assert '<time datetime="2026-01-12">2026年1月12日</time> 首次在本站公开' in page
    assert (
        '<time datetime="2026-03-01">2026年3月1日</time> 修改：承诺完成时限 由 2026年12月31日 改为 2027年3月31日；'
        "践诺记录 新增：2026年2月20日，路基平整完成</li>"
    ) in page
    assert "公开后修改过" in page


def test_draft_versions_never_reach_the_site(repo):
    files = build(repo)
    assert not any("草稿里的承诺内容" in content for content in files.values() if isinstance(content, str))
    assert "2026年1月5日</time> 首次在本站公开" not in files["pledges/2026-001.md"]


def test_member_page_shows_its_own_changes(repo):
    files = build(repo)
    assert "2026年4月1日</time> 修改：职务 新增：宣传委员</li>" in files["members/M002.md"]
    assert "修改：" not in files["members/M001.md"]
    assert "2026年1月5日</time> 首次在本站公开" in files["members/M001.md"]


def test_only_additions_after_publication_are_not_marked_as_changed(village):
    git(village, "init", "-q", "-b", "main")
    commit(village, "2026-01-12", {})
    commit(village, "2026-02-21", {"pledges/2026.yml": PLEDGES_YML + PROGRESS})
    page = build(village)["pledges/2026-001.md"]
    assert "践诺记录 新增：2026年2月20日，路基平整完成" in page
    assert "公开后修改过" not in page


def test_history_counts_from_the_publication_date_not_the_earlier_commit(village):
    git(village, "init", "-q", "-b", "main")
    scheduled = PLEDGES_YML.replace("published: 2026-01-12", "published: 2026-01-20")
    commit(village, "2026-01-12", {"pledges/2026.yml": scheduled})
    commit(village, "2026-01-15", {"pledges/2026.yml": scheduled.replace("修好村道", "修好村道和水渠")})
    commit(village, "2026-02-01", {"pledges/2026.yml": scheduled.replace("修好村道", "修好村道和桥")})
    page = build(village)["pledges/2026-001.md"]
    assert "2026年1月20日</time> 首次在本站公开" in page
    assert "承诺内容 由 修好村道和水渠 改为 修好村道和桥" in page
    assert "由 修好村道 改为" not in page


def test_moving_a_record_between_files_is_not_a_change_and_broken_versions_are_skipped(repo):
    commit(repo, "2026-05-01", {"pledges/2026.yml": PLEDGES_YML.replace("content: 修好村道", 'content: 修好村道: "x')})
    fixed = PLEDGES_YML.replace("修好村道", "修好村道和路灯")
    commit(repo, "2026-05-02", {"pledges/2026.yml": None, "pledges/moved.yml": fixed})
    page = build(repo)["pledges/2026-001.md"]
    assert (
        "2026年5月2日</time> 修改：承诺内容 由 修好村道 改为 修好村道和路灯；承诺完成时限 由 2027年3月31日 改为 2026年12月31日；践诺记录 删除（原为 2026年2月20日，路基平整完成）</li>"
        in page
    )
    assert "2026年5月1日" not in page


def test_steps_dated_after_the_build_date_stay_out_of_the_history_as_of_the_page(repo):
    later = PLEDGES_YML + PROGRESS + "    - date: 2026-12-20\n      text: 计划中的验收\n"
    commit(repo, "2026-05-01", {"pledges/2026.yml": later})
    page = build(repo)["pledges/2026-001.md"]
    assert "计划中的验收" not in page
    assert "2026年5月1日</time> 修改：承诺完成时限 由 2027年3月31日 改为 2026年12月31日</li>" in page


def test_a_repository_without_commits_has_no_history_yet(village):
    git(village, "init", "-q", "-b", "main")
    page = build(village)["pledges/2026-001.md"]
    assert "这条记录公开后还没有提交到数据仓库，暂无修改记录。" in page


def test_masking_a_name_later_does_not_show_the_unmasked_name_in_the_history(repo):
    commit(
        repo,
        "2026-06-01",
        {"members.csv": MEMBERS_CSV.replace("M002,乙二,试验村党支部,,", "M002,乙*,试验村党支部,宣传委员,")},
    )
    page = build(repo)["members/M002.md"]
    assert "姓名 由 （已隐去） 改为 乙&#42;" in page
    assert "由 乙二" not in page


def test_a_phone_number_committed_by_mistake_never_reaches_the_history(repo):
    commit(repo, "2026-06-01", {"pledges/2026.yml": PLEDGES_YML.replace("修好村道", "修好村道，联系13912345678")})
    commit(repo, "2026-06-02", {"pledges/2026.yml": PLEDGES_YML.replace("修好村道", "修好村道，联系村委会")})
    page = build(repo)["pledges/2026-001.md"]
    assert "13912345678" not in page and "2026年6月1日" not in page
    assert "2026年6月2日</time> 修改：承诺内容 由 修好村道 改为 修好村道，联系村委会" in page


def test_several_commits_on_one_day_are_one_change(repo):
    commit(repo, "2026-06-01", {"members.csv": MEMBERS_CSV.replace("M002,乙二", "M002,乙三")})
    commit(repo, "2026-06-01", {"members.csv": MEMBERS_CSV.replace("M002,乙二", "M002,乙四")})
    page = build(repo)["members/M002.md"]
    assert page.count("2026年6月1日</time>") == 1 and "姓名 由 乙二 改为 乙四；职务 删除（原为 宣传委员）" in page


def test_each_village_of_a_township_site_has_its_own_history(village):
    data = village / "data"
    for slug in ("east", "west"):
        (data / slug / "pledges").mkdir(parents=True)
        for name in ("village.yml", "members.csv", "pledges/2026.yml"):
            (data / slug / name).write_bytes((data / name).read_bytes())
    for name in ("village.yml", "members.csv", "pledges/2026.yml", "pledges"):
        (data / name).unlink() if (data / name).is_file() else (data / name).rmdir()
    west = data / "west" / "village.yml"  # villages of one township have distinct names
    west.write_text(west.read_text(encoding="utf-8").replace("name: 试验村", "name: 西试验村", 1), encoding="utf-8")
    (data / "township.yml").write_text(township_yml({"east": ("", ""), "west": ("", "")}), encoding="utf-8")
    git(village, "init", "-q", "-b", "main")
    commit(village, "2026-01-12", {})
    commit(village, "2026-02-01", {"west/pledges/2026.yml": PLEDGES_YML.replace("修好村道", "修好西村村道")})
    files = build(village)
    assert "承诺内容 由 修好村道 改为 修好西村村道" in files["west/pledges/2026-001.md"]
    assert "修改：" not in files["east/pledges/2026-001.md"]
    assert "2026年1月12日</time> 首次在本站公开" in files["east/pledges/2026-001.md"]


def test_history_is_the_same_on_every_build_and_in_a_full_clone(repo, tmp_path):
    first = build(repo)
    assert build(repo) == first
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    assert build(clone) == first


def test_without_history_no_section_is_shown(repo):
    assert "修改记录" not in build(repo, history=False)["pledges/2026-001.md"]


def test_a_folder_outside_git_says_the_history_is_unavailable(village):
    page = build(village)["pledges/2026-001.md"]
    assert "修改记录暂不可用：数据文件夹不在 git 仓库里（例如从压缩包解压的副本）。" in page


def test_a_repository_git_refuses_to_read_says_why(repo, monkeypatch):
    from generator import history

    def refuse(cwd, *args, stdin=None):
        raise subprocess.CalledProcessError(
            128, "git", stderr=b"fatal: detected dubious ownership in repository at '/x'\n"
        )

    monkeypatch.setattr(history, "_git", refuse)
    page = build(repo)["pledges/2026-001.md"]
    assert (
        "修改记录暂不可用：git 无法读取这个仓库（fatal: detected dubious ownership in repository at &#39;/x&#39;）。"
        in page
    )


def test_a_shallow_clone_says_the_history_is_unavailable(repo, tmp_path):
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    page = build(clone)["pledges/2026-001.md"]
    assert "修改记录暂不可用：仓库是只含最近提交的浅克隆" in page


def test_without_git_installed_the_build_still_works(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-such-bin"))
    page = build(repo)["pledges/2026-001.md"]
    assert "修改记录暂不可用：生成网站的电脑上没有安装 git。" in page


def test_uncommitted_record_says_it_has_no_history_yet(repo):
    extra = PLEDGES_YML.replace("2026-001", "2026-002")
    (repo / "data" / "pledges" / "new.yml").write_text(extra, encoding="utf-8")
    page = build(repo)["pledges/2026-002.md"]
    assert "这条记录公开后还没有提交到数据仓库，暂无修改记录。" in page


@pytest.mark.site
def test_mkdocs_build_shows_the_history_and_the_clerks_guide(repo, tmp_path):
    from helpers import mkdocs_build

    for name in ("mkdocs.yml", "content", "site_overrides"):
        source = ROOT / name
        if source.is_dir():  # the demo's stories and wish photos name the demo's people, not this repo's
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("cases", "wishes"))
        else:
            shutil.copy(source, repo / name)
    result = mkdocs_build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "pledges" / "2026-001.html").read_text(encoding="utf-8"), "lxml")
    heading = page.find("h2", string="修改记录")
    items = [" ".join(li.get_text().split()) for li in heading.find_next("ul").find_all("li")]  # as a browser shows it
    assert items == [
        "2026年1月12日 首次在本站公开",
        "2026年3月1日 修改：承诺完成时限 由 2026年12月31日 改为 2027年3月31日；践诺记录 新增：2026年2月20日，路基平整完成",
    ]
    assert page.find(class_="cunwu-changed") is not None
    guide = BeautifulSoup((tmp_path / "site" / "guide" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert guide.find("h1").get_text(strip=True) == "编辑指南（给村文书）"
    assert guide.find("a", string="数据字段说明")["href"] == "fields.html"
    fields = BeautifulSoup((tmp_path / "site" / "guide" / "fields.html").read_text(encoding="utf-8"), "lxml")
    assert fields.find("a", string="编辑指南")["href"] == "index.html"
