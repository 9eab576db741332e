"""The people side of the demo site (issue 5), built with `mkdocs build --strict`, read with lxml."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, TODAY, soup

pytestmark = pytest.mark.site


def links(site: Path, page: str) -> set[str]:
    """Every page (site path) the article of `page` links to."""
    found = set()
    for a in soup(site / page).select("article a[href]"):
        href = a["href"].split("#")[0]
        if href and "://" not in href and not href.startswith(("tel:", "mailto:")):
            found.add(posixpath.normpath(posixpath.join(posixpath.dirname(page), href)))
    return found


def listing(site: Path, first: str) -> set[str]:
    """The pages linked from a paginated listing, following its 下一页 links."""
    seen, page, linked = set(), first, set()
    while page and page not in seen:
        seen.add(page)
        linked |= links(site, page)
        nxt = soup(site / page).find("a", string="下一页")
        page = posixpath.normpath(posixpath.join(posixpath.dirname(page), nxt["href"])) if nxt else None
    return linked


def person_page(person_id: str) -> str:
    return f"{'members' if person_id.startswith('M') else 'talents'}/{person_id}.html"


def test_every_talent_and_shuangdai_member_is_reachable_from_the_talent_page(demo_site, demo_village):
    expected = {m.id for m in demo_village.members.values() if m.shuangdai} | {
        t.id for t in demo_village.records["talents"]
    }
    reached = {p for p in listing(demo_site, "talents/index.html") if p.startswith(("members/", "talents/T"))}
    assert reached == {person_page(i) for i in expected}


def test_filter_pages_hold_exactly_their_people(demo_site, demo_village):
    index = soup(demo_site / "talents" / "index.html")
    filters = [
        a["href"] for a in index.select("article a[href]") if a["href"].startswith(("type/", "group/", "skill/"))
    ]
    assert any(f.startswith("skill/") for f in filters) and any(f.startswith("group/") for f in filters)
    for href in sorted(set(filters)):
        page = "talents/" + href.replace(".md", ".html")
        title = soup(demo_site / page).find("h1").get_text(strip=True)
        kind, _, value = title.partition("：")
        people = {p for p in listing(demo_site, page) if p.startswith(("members/", "talents/T"))}
        people_in_data = set()
        for m in demo_village.members.values():
            if (
                m.shuangdai
                and value
                in {"人才类型": [m.shuangdai], "村民小组": [m.group], "专长": m.skills.replace("；", ";").split(";")}[
                    kind
                ]
            ):
                people_in_data.add(person_page(m.id))
        for t in demo_village.records["talents"]:
            if (
                value
                in {"人才类型": [t.kind], "村民小组": [t.group], "专长": t.skills.replace("；", ";").split(";")}[kind]
            ):
                people_in_data.add(person_page(t.id))
        assert people == people_in_data, title


def test_person_pages_show_training_hours_against_the_target(demo_site, demo_village):
    for person_id in ("M004", "T001"):
        rows = (
            soup(demo_site / person_page(person_id)).find("h2", string="培训学时").find_next("table").select("tbody tr")
        )
        shown = {int(r.find_all("td")[0].text): int(r.find_all("td")[1].text) for r in rows}
        expected: dict[int, int] = {}
        for row in demo_village.records["training"]:
            if row.person == person_id:
                expected[row.date.year] = expected.get(row.date.year, 0) + row.hours
        assert shown == expected
        for r in rows:
            reached = int(r.find_all("td")[1].text) >= 32
            assert r.find_all("td")[2].text == ("达到" if reached else "未达到")


def test_every_pair_card_links_its_people_and_each_person_links_back(demo_site, demo_village):
    pairs = demo_village.records["mentoring"]
    assert len(pairs) >= 10
    listed = listing(demo_site, "mentoring/index.html")
    for pair in pairs:
        card = f"mentoring/{pair.id}.html"
        assert card in listed
        assert {person_page(p) for p in pair.people()} <= links(demo_site, card)
        for person in pair.people():
            assert card in links(demo_site, person_page(person)), (pair.id, person)


def read_rules_and_rows() -> tuple[dict, list[tuple[str, str, str]]]:
    """The demo's rules and point rows read with plain yaml and csv, not with the generator."""
    import csv

    import yaml

    rules = {r["year"]: r for r in yaml.safe_load((ROOT / "data" / "points" / "rules.yml").read_text(encoding="utf-8"))}
    rows = []
    for path in sorted((ROOT / "data" / "points").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows += [(r["党员编号"], r["日期"], r["事项编号"]) for r in csv.DictReader(f)]
    return rules, rows


def expected_scores(year: int, rules: dict, rows: list, today: str) -> dict[str, tuple[int, int, int]]:
    """member → (daily, evaluation, total) computed from the rules as written in rules.yml."""
    from collections import Counter

    r = rules[year]
    counts = Counter((m, code) for m, d, code in rows if d.startswith(f"{year}-") and d <= today)
    result = {}
    for member in sorted({m for m, _ in counts}):
        parts = {"日常": r["base"], "评议": 0}
        for item in r["items"]:
            raw = item["points"] * counts[member, item["code"]]
            parts[item["part"]] += max(-item["cap"], min(item["cap"], raw))
        daily = max(0, min(r["daily_weight"], parts["日常"]))
        evaluation = max(0, min(r["evaluation_weight"], parts["评议"]))
        result[member] = (daily, evaluation, daily + evaluation)
    return result


def test_every_published_score_recomputes_from_the_rules_and_rows(demo_site):
    rules, rows = read_rules_and_rows()
    assert len(rules) >= 3
    for year in sorted(rules):
        expected = expected_scores(year, rules, rows, TODAY.isoformat())
        shown, page = {}, f"points/{year}.html"
        while page:
            doc = soup(demo_site / page)
            for tr in doc.select("article table tbody tr"):
                cells = [td.get_text(strip=True) for td in tr.find_all("td")]
                member = tr.find("a")["href"].rsplit("/", 1)[-1].removesuffix(".html")
                shown[member] = (int(cells[0]), int(cells[2]), int(cells[3]), int(cells[4]))
            nxt = doc.find("a", string="下一页")
            page = posixpath.normpath(posixpath.join("points", nxt["href"])) if nxt else None
        assert {m: s[1:] for m, s in shown.items()} == expected, year
        totals = sorted((s[2] for s in expected.values()), reverse=True)
        assert all(shown[m][0] == 1 + totals.index(expected[m][2]) for m in shown), year
        for member, (_daily, _evaluation, total) in expected.items():
            detail = soup(demo_site / "points" / str(year) / f"{member}.html")
            summary = detail.find("strong", string=str(total))
            assert summary is not None, (year, member)


def table_after(doc: BeautifulSoup, heading: str) -> list[list]:
    """The body rows of the first table after an h2, as lists of cells."""
    return [tr.find_all("td") for tr in doc.find("h2", string=heading).find_next("table").select("tbody tr")]


def test_wish_board_counts_match_the_data(demo_site, demo_village):
    board = soup(demo_site / "wishes" / "index.html")
    wishes = [w for w in demo_village.records["wishes"] if w.asked <= TODAY]
    assert len(wishes) >= 30
    shown = {
        cells[0].get_text(strip=True): int(cells[1].get_text(strip=True)) for cells in table_after(board, "按状态")
    }
    expected = {}
    for w in wishes:
        step = (
            "已完成"
            if w.done and w.done <= TODAY
            else "已接单"
            if w.taken and w.taken <= TODAY
            else "已派单"
            if w.assigned and w.assigned <= TODAY
            else "待派单"
        )
        expected[step] = expected.get(step, 0) + 1
    assert {k: v for k, v in shown.items() if v} == expected
    per_member = {
        cells[0].find("a")["href"]: (int(cells[1].text), int(cells[2].text))
        for cells in table_after(board, "党员接单情况")
    }
    for member_id in {w.member for w in wishes if w.member}:
        taken = [w for w in wishes if w.member == member_id and w.taken and w.taken <= TODAY]
        done = [w for w in taken if w.done and w.done <= TODAY]
        if taken:
            assert per_member[f"../members/{member_id}.html"] == (len(taken), len(done))
            assert {f"wishes/{w.id}.html" for w in taken} <= links(demo_site, f"members/{member_id}.html")


def test_five_goods_history_shows_every_year_and_rating(demo_site, demo_village):
    from generator.records.five_goods import CRITERIA

    history = soup(demo_site / "five-goods" / "index.html")
    rows = history.select("article table tbody tr")
    assessed = sorted(demo_village.records["five_goods"], key=lambda a: a.year, reverse=True)
    assert len(assessed) >= 3 and len(rows) == len(assessed)
    for tr, a in zip(rows, assessed, strict=False):
        cells = [td.get_text(strip=True) for td in tr.find_all("td")]
        assert cells[0] == f"{a.year}年"
        assert cells[1:6] == [next(r.rating for r in a.ratings if r.criterion == c) for c in CRITERIA]
        year_page = soup(demo_site / "five-goods" / f"{a.year}.html")
        bases = [tr.find_all("td")[2].get_text(strip=True) for tr in year_page.select("article table tbody tr")]
        assert bases == [next(r.basis for r in a.ratings if r.criterion == c) for c in CRITERIA]


def test_every_story_links_its_people_and_each_person_links_back(demo_site, demo_village):
    stories = [s for s in demo_village.records["cases"] if s.date <= TODAY]
    assert len(stories) >= 8
    listed = listing(demo_site, "cases/index.html")
    for story in stories:
        page = f"cases/{story.slug}.html"
        assert page.isascii() and (demo_site / page).exists()
        assert page in listed
        assert {person_page(p) for p in story.people} <= links(demo_site, page), story.slug
        for person in story.people:
            assert page in links(demo_site, person_page(person)), (story.slug, person)
        image = soup(demo_site / page).select_one("article img")
        assert image is not None and (demo_site / "cases" / image["src"]).exists()


def test_story_listings_by_kind_and_tag_hold_exactly_their_stories(demo_site, demo_village):
    index = soup(demo_site / "cases" / "index.html")
    hrefs = {a["href"] for a in index.select("article a[href]") if a["href"].startswith(("kind/", "tag/"))}
    published = [s for s in demo_village.records["cases"] if s.date <= TODAY]
    tags = {t for s in published for t in s.tags}
    assert len([h for h in hrefs if h.startswith("tag/")]) == len(tags)
    for href in sorted(hrefs):
        page = "cases/" + href
        title = soup(demo_site / page).find("h1").get_text(strip=True)
        value = title.removeprefix("标签：")
        expected = {f"cases/{s.slug}.html" for s in published if value in s.tags or value == s.kind}
        assert {
            p
            for p in listing(demo_site, page)
            if p.startswith("cases/") and p.count("/") == 1 and p != "cases/index.html"
        } == expected, title


def test_statistics_match_a_recount_of_the_data_and_charts_are_self_contained(demo_site, demo_village):
    from lxml import etree

    page = soup(demo_site / "stats" / "index.html")
    tables = {h2.get_text(strip=True): h2.find_next("table") for h2 in page.select("article h2")}

    def shown(title: str) -> dict[int, list[int]]:
        return {
            int(tr.find_all("td")[0].text): [int(td.text) for td in tr.find_all("td")[1:]]
            for tr in tables[title].select("tbody tr")
        }

    pledges = [
        p
        for p in demo_village.pledges
        if p.reviews and p.reviews[-1].outcome == "通过" and p.published and p.published <= TODAY
    ]
    done = [
        p
        for p in pledges
        if p.completed
        and p.completed <= TODAY
        and not (p.evaluation and p.evaluation.result == "差" and p.evaluation.date <= TODAY)
    ]
    for year, (made, fulfilled) in shown("党员公开承诺").items():
        assert made == sum(1 for p in pledges if p.published.year == year)
        assert fulfilled == sum(1 for p in done if p.completed.year == year)
    wishes = [w for w in demo_village.records["wishes"] if w.asked <= TODAY]
    for year, (asked, fulfilled) in shown("微心愿、微建议").items():
        assert asked == sum(1 for w in wishes if w.asked.year == year)
        assert fulfilled == sum(1 for w in wishes if w.done and w.done <= TODAY and w.done.year == year)
    for year, (count,) in shown("乡土人才发展为党员").items():
        assert count == sum(
            1 for t in demo_village.records["talents"] if t.member and demo_village.members[t.member].joined == year
        )
    for img in page.select("article img"):
        svg = etree.fromstring((demo_site / "stats" / img["src"]).read_bytes())
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        assert not [e for e in svg.iter() if any(k.endswith("href") for k in e.attrib)], "charts load nothing"


def test_a_story_dated_after_the_build_date_is_not_built_or_listed(demo_site, demo_village):
    later = [s for s in demo_village.records["cases"] if s.date > TODAY]
    assert later, "the demo data should hold a story dated after the build date"
    everything = "\n".join(
        p.read_text(encoding="utf-8") for p in demo_site.rglob("*") if p.suffix in {".html", ".json", ".csv", ".xml"}
    ).replace("\u200b", "")
    for story in later:
        assert not list((demo_site / "cases").glob(f"{story.slug}.*")), "neither the story nor its pictures"
        assert story.title not in everything and f"{story.slug}.html" not in everything


def test_wish_photos_are_shown_from_the_site_itself(demo_site, demo_village):
    with_photo = [w for w in demo_village.records["wishes"] if w.photo and w.done and w.done <= TODAY]
    assert with_photo
    for w in with_photo:
        image = soup(demo_site / "wishes" / f"{w.id}.html").select_one("article img")
        assert image is not None and "://" not in image["src"] and (demo_site / "wishes" / image["src"]).is_file()
