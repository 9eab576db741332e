"""The Atom feed: valid XML, absolute links under site_url, the right entries (stories, public notices,
pledges); none without site_url."""

from __future__ import annotations

import pytest
from helpers import ROOT, TODAY
from lxml import etree

from generator.core import generate
from generator.settings import Settings

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/qinghe/"


@pytest.fixture(scope="module")
def result():
    generated = generate(ROOT / "data", TODAY, ROOT / "site_overrides", ROOT, settings=Settings(site_url=SITE_URL))
    assert generated.problems == []
    return generated


def test_feed_is_valid_atom_with_the_newest_stories_notices_and_pledges(result):
    feed = etree.fromstring(result.files["feed.xml"])
    assert feed.tag == f"{ATOM}feed"
    for required in ("title", "id", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None
    village = result.site.villages[0]
    stories = sorted(
        (s for s in village.records["cases"] if s.date <= TODAY), key=lambda s: (s.date, s.slug), reverse=True
    )
    notices = sorted(
        (n for n in village.records["notices"] if n.published <= TODAY), key=lambda n: (n.published, n.id), reverse=True
    )
    pledges = sorted(
        (p for p in village.pledges if p.is_public(TODAY)), key=lambda p: (p.published, p.id), reverse=True
    )
    expected = (
        {SITE_URL + f"cases/{s.slug}.html" for s in stories[:20]}
        | {SITE_URL + f"notices/{n.id}.html" for n in notices[:20]}
        | {SITE_URL + f"pledges/{p.id}.html" for p in pledges[:20]}
    )
    entries = feed.findall(f"{ATOM}entry")
    assert {e.findtext(f"{ATOM}id") for e in entries} == expected
    assert len(stories) >= 8 and len(notices) >= 8 and len(entries) == len(expected)
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True) and feed.findtext(f"{ATOM}updated") == updated[0]
    for link in feed.iter(f"{ATOM}link"):
        assert link.get("href").startswith(SITE_URL)
        path = link.get("href").removeprefix(SITE_URL)
        page = path.removesuffix(".html") + ".md" if path.endswith(".html") else path
        assert page in result.files or (ROOT / "content" / page).exists(), page


def test_a_notice_entry_has_its_title_kind_and_period(result):
    feed = etree.fromstring(result.files["feed.xml"])
    entries = {e.findtext(f"{ATOM}id"): e for e in feed.findall(f"{ATOM}entry")}
    notice = max(
        (n for n in result.site.villages[0].records["notices"] if n.published <= TODAY and n.kind == "公示"),
        key=lambda n: (n.published, n.id),
    )
    entry = entries[SITE_URL + f"notices/{notice.id}.html"]
    assert entry.findtext(f"{ATOM}title") == notice.title
    assert entry.find(f"{ATOM}category").get("term") == "公示"
    assert entry.findtext(f"{ATOM}updated") == f"{notice.published.isoformat()}T00:00:00+08:00"
    assert entry.findtext(f"{ATOM}summary") == (
        f"{notice.category}类公示，公示期 {notice.start.isoformat()} 至 {notice.end.isoformat()}。"
    )


def test_a_notice_not_yet_published_is_not_in_the_feed(result):
    drafts = [n for n in result.site.villages[0].records["notices"] if n.published > TODAY]
    assert drafts, "the demo data should hold a notice dated after the build date"
    feed = result.files["feed.xml"].decode("utf-8")
    for notice in drafts:
        assert f"notices/{notice.id}.html" not in feed and notice.title not in feed


def test_same_data_gives_the_same_feed(result):
    again = generate(ROOT / "data", TODAY, ROOT / "site_overrides", ROOT, settings=Settings(site_url=SITE_URL))
    assert again.files["feed.xml"] == result.files["feed.xml"]


def test_no_feed_and_no_link_to_it_without_site_url(demo_generated):
    result = demo_generated
    assert "feed.xml" not in result.files
    assert "feed.xml" not in result.files["cases/index.md"]
    assert "feed.xml" not in result.files["notices/index.md"]


@pytest.mark.site
def test_a_site_with_site_url_publishes_the_feed_and_links_to_it(tmp_path):
    import shutil

    from bs4 import BeautifulSoup
    from helpers import mkdocs_build

    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "tests", "*.egg-info"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert 'site_url: ""' in text
    config.write_text(text.replace('site_url: ""', f"site_url: {SITE_URL}"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    feed = etree.fromstring((tmp_path / "site" / "feed.xml").read_bytes())
    assert len(feed.findall(f"{ATOM}entry")) > 8
    cases = BeautifulSoup((tmp_path / "site" / "cases" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert cases.find("a", string="Atom 订阅")["href"] == "../feed.xml"
    notices = BeautifulSoup((tmp_path / "site" / "notices" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert notices.find("a", string="Atom 订阅")["href"] == "../feed.xml"
