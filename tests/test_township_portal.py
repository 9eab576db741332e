"""The township portal: its figures against an independent recount from the data files, and the
whole three-village site built with `mkdocs build --strict`.

The recount reads the YAML and CSV files with PyYAML and the csv module and applies the rules as
DOMAIN.md states them; it shares no code with the generator.
"""

from __future__ import annotations

import csv
import os
import posixpath
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import ROOT
from helpers.portal_township import BUILD_DATE, DEMO, make_township

from generator.core import generate
from generator.settings import Settings
from generator.township import load_township, portal_files
from generator.township_data import summarise

SLUGS = ("liutang", "shiyan", "zhuping")
GRACE = 10


# --- the independent recount ---------------------------------------------------------------------


def yaml_records(folder: Path, pattern: str) -> list[dict]:
    return [r for path in sorted(folder.glob(pattern)) for r in yaml.safe_load(path.read_text("utf-8")) or []]


def csv_rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def pledge_state(p: dict, today: date) -> str | None:
    reviews = p.get("reviews") or []
    if not reviews or reviews[-1]["outcome"] != "通过" or not p.get("published") or p["published"] > today:
        return None
    failed = (p.get("evaluation") or {}).get("result") == "差" and p["evaluation"]["date"] <= today
    if p.get("completed") and p["completed"] <= today:
        return "未兑现" if failed else "已完成"
    if failed:
        return "未兑现"
    if p["target_date"] < today:
        return "逾期"
    return "践诺中" if any(s["date"] <= today for s in p.get("progress") or []) else "已公开"


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def overdue_periods(published_starts: set[int], months: int, today: date) -> int:
    """Periods (as month indexes of their first month) from the first published one whose last
    day plus the grace days lies before today and that were never published."""
    if not published_starts:
        return 0
    count, period = 0, min(published_starts)
    while True:
        end = date((period + months) // 12, (period + months) % 12 + 1, 1) - timedelta(days=1)
        if end + timedelta(days=GRACE) >= today:
            return count
        count += period not in published_starts
        period += months


def recount(folder: Path, today: date) -> dict:
    states = [pledge_state(p, today) for p in yaml_records(folder, "pledges/*.yml")]
    public = [s for s in states if s]
    periods = yaml_records(folder, "ledgers/periods.yml")
    months = {(int(p["期间"][:4]), int(p["期间"][5:])) for p in periods if p.get("公布日期") and p["公布日期"] <= today}
    month_starts = {y * 12 + m - 1 for y, m in months}
    affairs_days = [
        r["published"]
        for pattern in ("notices/*.yml", "decisions/*.yml", "projects/*.yml", "lists/*.yml")
        for r in yaml_records(folder, pattern)
        if r["published"] <= today
    ]
    quarter_starts = {month_index(d) // 3 * 3 for d in affairs_days}
    notices = yaml_records(folder, "notices/*.yml")
    wishes = yaml_records(folder, "wishes.yml")
    rules = [r["year"] for r in yaml_records(folder, "points/rules.yml") if r["year"] <= today.year]
    rows = [r for path in sorted((folder / "points").glob("*.csv")) for r in csv_rows(path)]
    year = max(rules, default=None)
    active = {
        r["党员编号"] for r in rows if year and r["日期"][:4] == str(year) and date.fromisoformat(r["日期"]) <= today
    }
    members = csv_rows(folder / "members.csv")
    latest = max(months, default=None)
    latest_quarter = max(quarter_starts, default=None)
    return {
        "public": len(public),
        "done": public.count("已完成"),
        "overdue": public.count("逾期"),
        "completion": f"{round(100 * public.count('已完成') / len(public))}%" if public else "—",
        "finance_latest": f"{latest[0]}年{latest[1]}月" if latest else "未公开",
        "affairs_latest": (
            f"{latest_quarter // 12}年第{'一二三四'[latest_quarter % 12 // 3]}季度"
            if latest_quarter is not None
            else "未公开"
        ),
        "disclosures_overdue": overdue_periods(month_starts, 1, today) + overdue_periods(quarter_starts, 3, today),
        "notices_open": sum(
            1 for n in notices if n["kind"] == "公示" and n["published"] <= today and n["start"] <= today <= n["end"]
        ),
        "wishes": f"{sum(1 for w in wishes if w['asked'] <= today and w.get('done') and w['done'] <= today)}"
        f"/{sum(1 for w in wishes if w['asked'] <= today)}",
        "points": f"{year}年 {len(active)}/{len(members)} 人" if year else "—",
    }


# --- reading the portal ----------------------------------------------------------------------------


def table_rows(markdown: str, header_start: str) -> dict[str, list[str]]:
    """The rows of the Markdown table whose header starts with `header_start`, by village name."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[re.sub(r"\[(.*?)\]\(.*?\)", r"\1", cells[0])] = cells[1:]
    return rows


@pytest.fixture(scope="module")
def township(tmp_path_factory) -> Path:
    return make_township(tmp_path_factory.mktemp("township"))


@pytest.fixture(scope="module")
def generated(township):
    result = generate(township / "data", BUILD_DATE, None, township, township / "content")
    assert [str(p) for p in result.problems] == []
    return result


NAMES = {"liutang": "柳塘村", "shiyan": "试验村", "zhuping": "竹坪村"}


@pytest.mark.parametrize("slug", SLUGS)
def test_the_village_list_equals_a_recount_from_the_data_files(township, generated, slug):
    expected = recount(township / "data" / slug, BUILD_DATE)
    page = generated.files["villages/index.md"]
    first = table_rows(page, "| 村 | 公开承诺 |")[NAMES[slug]]
    second = table_rows(page, "| 村 | 公示中 |")[NAMES[slug]]
    assert {
        "public": int(first[0]),
        "done": int(first[1]),
        "completion": first[2],
        "overdue": int(first[3]),
        "finance_latest": first[4],
        "affairs_latest": first[6],
        "disclosures_overdue": int(first[8]),
        "notices_open": int(second[0]),
        "wishes": second[2],
        "points": second[3].split("（")[0],
    } == expected


def test_the_fixture_villages_differ_the_way_real_ones_do(township):
    """The recount itself: one village late with disclosures and pledges, the others on time."""
    late = recount(township / "data" / "liutang", BUILD_DATE)
    assert late["disclosures_overdue"] == 4 and late["overdue"] == 2
    assert recount(township / "data" / "zhuping", BUILD_DATE)["disclosures_overdue"] == 0


def test_the_home_page_lists_what_the_township_must_act_on(township, generated):
    act = table_rows(generated.files["index.md"], "| 村 | 逾期未公开 |")
    late = {
        NAMES[s]
        for s in SLUGS
        if recount(township / "data" / s, BUILD_DATE)["disclosures_overdue"]
        or recount(township / "data" / s, BUILD_DATE)["overdue"]
    }
    assert set(act) == late == {"柳塘村"}
    ending = table_rows(generated.files["index.md"], "| 村 | 公示 | 公示结束 |")
    assert list(ending) == ["竹坪村"]  # 公示 until 2026-11-24: ends within 7 days of 2026-11-20


def test_township_downloads_hold_every_village_with_a_village_column(township, generated):
    rows = list(csv.DictReader(generated.files["open-data/pledges.csv"].decode("utf-8-sig").splitlines()))
    by_village = {name: sum(1 for r in rows if r["村"] == name) for name in NAMES.values()}
    assert by_village == {NAMES[s]: recount(township / "data" / s, BUILD_DATE)["public"] for s in SLUGS}
    assert generated.files["open-data/villages.xlsx"][:2] == b"PK"


def test_the_comparison_workbook_is_the_same_bytes_for_the_same_data(township, generated):
    again = generate(township / "data", BUILD_DATE, None, township, township / "content")
    assert again.files["open-data/villages.xlsx"] == generated.files["open-data/villages.xlsx"]


def test_each_village_home_page_has_a_way_up_to_the_township(generated):
    for slug in SLUGS:
        assert "[返回全镇各村](../index.md)" in generated.files[f"{slug}/index.md"]


# --- the whole site ----------------------------------------------------------------------------


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    config = (DEMO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("../../site_overrides", str(ROOT / "site_overrides"))
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CUNWU_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


@pytest.fixture(scope="module")
def site(township, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("township-site")
    result = build(township, out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return out


@pytest.mark.site
def test_no_village_page_links_into_another_village(site):
    checked = 0
    for slug in SLUGS:
        for page in sorted((site / slug).rglob("*.html")):
            html = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
            here = page.relative_to(site).as_posix()
            for a in html.find_all("a", href=True):
                url = urlparse(a["href"])
                if url.scheme or url.netloc or not url.path:
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(here), url.path))
                top = target.split("/", 1)[0]
                assert top == slug or top not in SLUGS, f"{here} links to {target}"
                checked += 1
    assert checked > 1000


@pytest.mark.site
def test_the_portal_links_to_every_village(site):
    html = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    links = {a["href"] for a in html.find_all("a", href=True)}
    assert {f"{slug}/index.html" for slug in SLUGS} <= links
    assert (site / "villages" / "index.html").exists() and (site / "compare" / "villages.svg").exists()


def test_the_township_feed_merges_every_village_when_site_url_is_set(township):
    from generator.settings import Settings

    settings = Settings(site_url="https://example.org/yunxi/")
    files = generate(township / "data", BUILD_DATE, None, township, township / "content", settings=settings).files
    feed = BeautifulSoup(files["feed.xml"], "xml")
    assert feed.find("title").get_text() == "云溪镇村务公开：典型案例、公告公示和公开承诺"
    villages = {urlparse(e.find("id").get_text()).path.split("/")[2] for e in feed.find_all("entry")}
    assert villages == set(SLUGS)
    assert "[Atom 订阅](feed.xml)" in files["index.md"]


def test_no_feed_without_site_url(generated):
    assert "feed.xml" not in generated.files and "Atom" not in generated.files["index.md"]


def test_no_portal_page_grows_with_the_number_of_villages(tmp_path):
    """One village more than a page holds: the village list and the comparison continue on a second
    page, and the home page lists at most HOME_ROWS villages in any table and says how many there are."""
    from helpers.records import write_village
    from helpers.township import township_yml

    from generator.pages.portal import HOME_ROWS, VILLAGES_PER_PAGE
    from generator.township import load_township, portal_files

    count = VILLAGES_PER_PAGE + 1
    data, slugs = tmp_path / "data", [f"c{n:02d}" for n in range(1, count + 1)]
    for number, slug in enumerate(slugs, start=1):
        write_village(data / slug, f"第{number}段说明文字", tmp_path / "content" / slug)  # its name, too
    (data / "township.yml").write_text(township_yml(dict.fromkeys(slugs, ("", ""))), encoding="utf-8")
    township, problems = load_township(data, BUILD_DATE, tmp_path, content_dir=tmp_path / "content")
    assert problems == [] and township is not None
    files, _ = portal_files(township)

    def villages_on(uri: str) -> list[str]:
        return re.findall(r"\]\((?:\.\./)*(c\d\d)/index\.md\)", str(files[uri]))

    for listing in ("villages/index", "compare/villages"):
        first, second = villages_on(f"{listing}.md"), villages_on(f"{listing}-2.md")
        assert len(set(first)) == VILLAGES_PER_PAGE and set(second) == {slugs[-1]}, listing
        assert f"{listing}-3.md" not in files
    for uri in files:
        if uri.endswith(".md"):
            assert len(set(villages_on(uri))) <= VILLAGES_PER_PAGE, uri
    home = str(files["index.md"])
    tables = [t for t in home.split("\n\n") if t.startswith("| 村 |")]
    assert tables and all(t.count("\n|") - 1 <= HOME_ROWS for t in tables)
    assert f"共 {count} 个村，这里列出前 {HOME_ROWS} 个" in home


def test_the_portal_from_summarised_villages_is_the_portal_from_whole_ones(township):
    """A township's root build keeps of each village only what the portal and the guard take from
    it (`summarise`): the portal rendered from those is the one rendered from the whole villages."""
    settings = Settings(site_url="https://example.org/town/")  # the feed too
    whole, problems = load_township(township / "data", BUILD_DATE, township, settings, content_dir=township / "content")
    summarised, _ = load_township(township / "data", BUILD_DATE, township, settings, content_dir=township / "content")
    assert whole is not None and summarised is not None, problems
    for village in summarised.villages:
        summarise(village, BUILD_DATE)
    assert [set(v.records) for v in summarised.villages] == [{"village"}] * len(SLUGS)
    assert [v.personal_values() for v in summarised.villages] == [v.personal_values() for v in whole.villages]
    assert portal_files(summarised)[0] == portal_files(whole)[0]
