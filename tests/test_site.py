"""The whole demo site, built with `mkdocs build --strict` and read with a real HTML parser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import urlparse

import jieba
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, TODAY
from generator.model import load_site
from generator.records.pledge import PUBLIC_STATUSES

EPOCH = str(int(datetime.combine(TODAY, time(12), timezone(timedelta(hours=8))).timestamp()))


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CUNWU_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                           str(project / "mkdocs.yml"), "-d", str(site_dir)],
                          capture_output=True, text=True, env=env, cwd=project)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def village():
    site_model, problems = load_site(ROOT / "data", TODAY, ROOT)
    assert problems == []
    return site_model.villages[0]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_every_public_pledge_has_its_page_and_no_draft_leaks(site, village):
    public = village.public_pledges(TODAY)
    for pledge in public:
        page = soup(site / "pledges" / f"{pledge.id}.html")
        assert page.find("h1").get_text(strip=True) == pledge.content
    hidden = [p for p in village.pledges if not p.is_public(TODAY)]
    assert hidden, "the demo data should contain unpublished pledges"
    everything = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                           for p in site.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".csv", ".xml"})
    for pledge in hidden:
        assert not (site / "pledges" / f"{pledge.id}.html").exists()
        assert pledge.content not in everything.replace("\u200b", "")


def test_board_counts_match_the_data(site, village):
    board = soup(site / "pledges" / "index.html")
    heading = board.find("h2", string="按状态")
    rows = heading.find_next("table").find("tbody").find_all("tr")
    shown = {r.find_all("td")[0].get_text(strip=True): int(r.find_all("td")[1].get_text(strip=True)) for r in rows}
    expected = {s.text: sum(1 for p in village.public_pledges(TODAY) if p.status(TODAY) is s) for s in PUBLIC_STATUSES}
    assert shown == expected
    assert all(expected.values()), "the demo data should cover every public status"


def test_status_listings_hold_exactly_their_pledges(site, village):
    for status in PUBLIC_STATUSES:
        listed = set()
        for page in sorted((site / "pledges" / "status").glob(f"{status.slug}*.html")):
            for a in soup(page).select("article table a[href^='../']"):
                if re.fullmatch(r"\.\./\d{4}-\d{3}\.html", a["href"]):
                    listed.add(a["href"][3:-5])
        assert listed == {p.id for p in village.public_pledges(TODAY) if p.status(TODAY) is status}


def test_member_pages_list_their_pledges(site, village):
    for member in village.members.values():
        page = soup(site / "members" / f"{member.id}.html")
        linked = {a["href"] for a in page.select("article table a")}
        mine = {f"../pledges/{p.id}.html" for p in village.public_pledges(TODAY) if p.member == member.id}
        assert mine <= linked


def test_search_index_holds_segmented_chinese(site, village):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    pledge = max(village.public_pledges(TODAY), key=lambda p: len(p.content))
    docs = [d for d in index["docs"] if d["location"].startswith(f"pledges/{pledge.id}.html")]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    tokens = set(re.split(r"[\u200b\s]+", text))
    words = [w for w in jieba.cut(pledge.content) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    assert words and all(w in tokens for w in words), (words, sorted(tokens)[:50])


def test_no_request_to_another_host(site):
    for page in site.rglob("*.html"):
        parsed = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in parsed.find_all(tag):
                value = element.get(attr)
                if value:
                    assert not urlparse(value).netloc, f"{page}: <{tag} {attr}={value}>"


def test_links_are_relative_so_the_site_works_under_any_sub_path(site):
    # 404.html is served at any missing address, so MkDocs gives it root-absolute links; it is
    # the one page that needs `site_url` set to the real sub-path.
    for page in set(site.rglob("*.html")) - {site / "404.html"}:
        for a in soup(page).find_all("a", href=True):
            href = a["href"]
            assert not href.startswith("/"), f"{page}: {href}"


def test_record_pages_stay_out_of_the_navigation(site, village):
    nav = soup(site / "index.html").select("nav.md-nav--primary a")
    assert len(nav) < 40  # a small explicit nav: a few sections, never one link per record (there are hundreds)
    assert not any("pledges/2" in a.get("href", "") for a in nav)


def test_downloads_open_in_excel_and_hold_only_public_records(site, village):
    raw = (site / "open-data" / "pledges.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = raw.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + len(village.public_pledges(TODAY))
    data = json.loads((site / "open-data" / "pledges.json").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in data["records"]) == sorted(p.id for p in village.public_pledges(TODAY))
    assert {f["key"] for f in data["fields"]} >= {"id", "content", "reviews[].outcome", "status"}


def test_bad_data_stops_the_build_without_traceback_and_keeps_the_old_site(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "tests", "*.egg-info"))
    pledges = next((project / "data" / "pledges").glob("*.yml"))
    pledges.write_text(pledges.read_text(encoding="utf-8").replace("target_date:", "traget_date:", 1), encoding="utf-8")
    old = tmp_path / "published"
    old.mkdir()
    (old / "index.html").write_text("上一版网站", encoding="utf-8")
    result = mkdocs_build(project, old)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "未知字段" in result.stderr and "是不是想写“target_date”" in result.stderr
    assert [p.name for p in old.iterdir()] == ["index.html"]
    assert (old / "index.html").read_text(encoding="utf-8") == "上一版网站"


def test_names_stay_whole_in_the_search_index(site, village):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tokens = {t for d in index["docs"] for t in re.split(r"[\u200b\s]+", d["title"] + " " + d["text"])}
    names = [m.name for m in village.members.values()] + [village.profile.name]
    assert [n for n in names if n not in tokens] == []
