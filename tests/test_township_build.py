"""A township built as one portal plus one build per village: separate navigation and search,
strict builds, incremental rebuilds byte-identical to full ones, and all-or-nothing publishing."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import EPOCH, mkdocs_build, snapshot
from helpers.township import VILLAGES, make_township, own_notice, search_hits, search_script
from mkdocs.config import load_config

from generator import township_build
from generator.build_date import build_date
from generator.model import load_village
from generator.settings import read_settings
from generator.township_data import summarise
from generator.township_search import SECTIONS

pytestmark = pytest.mark.site

EDITED = "baishi"
EDIT = ("疏浚白石溪下游的灌溉水渠", "加固白石溪上游的防洪堤坝")


def edit(project: Path, forward: bool = True) -> None:
    """Change the text of one notice of one village (not committed: the change history stays the same)."""
    path = project / "data" / EDITED / "notices" / "own.yml"
    old, new = EDIT if forward else EDIT[::-1]
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def rebuilt(stderr: str) -> list[str]:
    """The villages a build says it built again (from its summary line)."""
    found = re.search(r"重新生成 \d+ 个村（(.*?)）", stderr)
    assert found, stderr
    return [] if found[1] == "无" else found[1].split("、")


def checked(stderr: str) -> list[str]:
    """The villages whose data a build says it read and checked again (not kept from the last build)."""
    found = re.search(r"重新检查了 \d+ 个村的数据（(.*?)）", stderr)
    assert found, stderr
    return [] if found[1] == "无" else found[1].split("、")


@pytest.fixture(scope="module")
def township(tmp_path_factory) -> tuple[Path, dict[str, bytes], str]:
    """A three-village township with one village already edited, built in full (with --strict)."""
    project = make_township(tmp_path_factory.mktemp("township") / "project")
    edit(project)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project, snapshot(project / "site"), result.stderr


def test_strict_build_passes_and_builds_every_village(township):
    _project, site, log = township
    assert sorted(rebuilt(log)) == sorted(VILLAGES)
    assert "WARNING" not in log
    for slug in VILLAGES:
        assert f"{slug}/index.html" in site and f"{slug}/search/search_index.json" in site


def test_no_village_search_index_holds_another_villages_text(township):
    _, site, _ = township
    for slug, (name, _project) in VILLAGES.items():
        index = json.loads(site[f"{slug}/search/search_index.json"])
        text = "".join(d["title"] + d["text"] for d in index["docs"]).replace("\u200b", "")
        assert f"{name}村党支部" in text
        for other, (other_name, other_project) in VILLAGES.items():
            if other != slug:  # the field docs' example says 青禾村; a village's own records say 青禾村党支部
                assert f"{other_name}村党支部" not in text, (slug, other)
                assert other_project[:6] not in text, (slug, other)


def test_village_navigation_names_only_its_own_pages_and_links_up(township):
    _project, site, _ = township
    for slug in VILLAGES:
        pages = [uri for uri in site if uri.startswith(f"{slug}/") and uri.endswith(".html") and "404" not in uri]
        for uri in [*pages[:: max(1, len(pages) // 25)], f"{slug}/index.html", f"{slug}/members/index.html"]:
            depth = uri.count("/")
            html = BeautifulSoup(site[uri], "lxml")
            tabs = [a["href"] for a in html.select(".md-tabs a")]
            up = "../" * depth + "index.html"
            assert tabs[-1] == up, uri
            for href in tabs[:-1]:
                assert not href.startswith("../" * depth), (uri, href)  # never leaves the village's folder
            names = " ".join(a.get_text() for a in html.select(".md-tabs a, .md-nav a"))
            assert "返回乡镇首页" in names


def test_portal_lists_every_village_and_holds_no_village_page(township):
    _project, site, _ = township
    portal = BeautifulSoup(site["index.html"], "lxml")
    links = {a["href"] for a in portal.select("article a")}
    assert {f"{slug}/index.html" for slug in VILLAGES} <= links
    index = json.loads(site["search/search_index.json"])
    pages = {d["location"].split("#")[0] for d in index["docs"]}
    assert "index.html" in pages and "villages/index.html" in pages  # the portal's own pages
    assert [p for p in pages if p.split("/")[0] in VILLAGES] == []  # each village has its own index


def test_incremental_rebuild_builds_one_village_and_equals_the_full_build(township, tmp_path):
    project, full, _ = township
    copy = tmp_path / "copy"
    shutil.copytree(project, copy, symlinks=True)
    shutil.rmtree(copy / "site")
    edit(copy, forward=False)  # back to the text before the edit: only that village changes
    first = mkdocs_build(copy)
    assert first.returncode == 0, first.stderr
    assert rebuilt(first.stderr) == [EDITED]
    assert sorted(checked(first.stderr)) == sorted(VILLAGES)  # the copy is in another folder
    edit(copy)
    second = mkdocs_build(copy)
    assert second.returncode == 0, second.stderr
    assert rebuilt(second.stderr) == [EDITED]
    assert checked(second.stderr) == [EDITED]  # the others' data as the last build checked it
    made, reused = map(
        int, re.search(rf"村 {EDITED}：生成了 (\d+) 个页面，沿用上次生成的 (\d+) 个页面", second.stderr).groups()
    )
    assert 0 < made < reused / 10  # the edited notice's pages, not the whole village
    again = snapshot(copy / "site")
    assert sorted(again) == sorted(full)
    assert [uri for uri in sorted(full) if again[uri] != full[uri]] == []
    unchanged = mkdocs_build(copy)
    assert rebuilt(unchanged.stderr) == [] and checked(unchanged.stderr) == []


def test_bad_data_in_two_villages_reports_both_and_leaves_the_site(township, tmp_path):
    project, full, _ = township
    copy = tmp_path / "copy"
    shutil.copytree(project, copy, symlinks=True)
    notice = own_notice("红岭", "扩建红岭小学旁边的儿童游乐场", published="2026-13-40")
    (copy / "data" / "hongling" / "notices" / "own.yml").write_text(notice, encoding="utf-8")
    members = copy / "data" / "qinghe" / "members.csv"
    members.write_text(members.read_text(encoding="utf-8-sig").replace(",1996,", ",一九九六,", 1), encoding="utf-8-sig")
    result = mkdocs_build(copy)
    assert result.returncode != 0
    assert "data/hongling/notices/own.yml" in result.stderr
    assert "data/qinghe/members.csv" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(copy / "site") == full
    assert not list(copy.glob(".site.building-*"))


def test_a_village_that_fails_its_own_build_stops_the_whole_site(township, tmp_path):
    """A hand-written page of one village links to a page that does not exist: --strict fails in
    that village's build, and the site is not published."""
    project, full, _ = township
    copy = tmp_path / "copy"
    shutil.copytree(project, copy, symlinks=True)
    about = copy / "content" / "hongling" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[去看看](no-such-page.md)\n", encoding="utf-8")
    result = mkdocs_build(copy)
    assert result.returncode != 0
    assert "hongling" in result.stderr and "no-such-page.md" in result.stderr
    assert snapshot(copy / "site") == full


def test_portal_search_gives_each_word_exactly_the_pages_that_hold_it(township):
    """The cross-village index against a recount from the built pages' text, for each village's
    own word, a word every village has, and a word of Latin letters and digits."""
    _, site, _ = township
    index = search_script(site["township-search/index.js"])
    assert isinstance(index, dict) and index["shards"] > 1  # a word found in the wrong shard fails
    assert [v[0] for v in index["villages"]] == list(VILLAGES)
    searched = [uri for uri in site if uri.count("/") == 2 and uri.split("/")[1] in SECTIONS and uri.endswith(".html")]
    texts = {uri: BeautifulSoup(site[uri], "lxml").select_one("article").get_text().lower() for uri in searched}
    words = [project[2:4] for _name, project in VILLAGES.values()] + ["公示", "m001"]
    for word in words:
        expected = {uri for uri, text in texts.items() if word in text}
        assert expected, word
        assert search_hits(site, word) == expected, word
    inside = search_hits(site, EDIT[1][2:4])  # a word inside the longer phrase of the edited notice
    assert f"{EDITED}/notices/GG-2026-90.html" in inside and all(uri.startswith(f"{EDITED}/") for uri in inside)


def test_a_village_build_hands_back_the_village_as_the_root_would_load_it(tmp_path, monkeypatch):
    """The root build takes a village it builds as that build loaded, checked and summarised it
    (village_worker.summary), instead of reading it again: it must be what the root's own read
    gives (under the village's slug, with the township's site_url, not the village's)."""
    project = make_township(tmp_path / "project", {EDITED: VILLAGES[EDITED]}, git=False)
    yml = project / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8").replace('site_url: ""', 'site_url: "https://example.org/town/"')
    yml.write_text(text, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    config = load_config(str(yml))
    plugin = config.plugins["cunwu"].config
    today = build_date(plugin.build_date)
    (job,) = township_build.jobs_from_config(config, today, [EDITED], project / township_build.CACHE)
    (built,) = township_build.build_all([replace(job, summary_date=today.isoformat())], 1)
    assert built.errors == []
    settings, _ = read_settings(dict(plugin), config.site_url, config.use_directory_urls)
    own = Path(config.docs_dir) / EDITED
    loaded, problems = load_village(EDITED, project / "data" / EDITED, project, settings, own, docs=own)
    assert problems == [] and loaded is not None
    assert built.summary == summarise(loaded, today)
