"""The whole demo site, built with `mkdocs build --strict` and read with a real HTML parser."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

import jieba
import pytest
import yaml
from helpers import ROOT, TODAY, mkdocs_build, soup

from generator.personal_data import find_personal_numbers
from generator.readers.csv_reader import read_csv
from generator.records.pledge import PUBLIC_STATUSES

pytestmark = pytest.mark.site


def test_every_public_pledge_has_its_page_and_no_draft_leaks(demo_site, demo_village):
    public = demo_village.public_pledges(TODAY)
    for pledge in public:
        page = soup(demo_site / "pledges" / f"{pledge.id}.html")
        assert page.find("h1").get_text(strip=True) == pledge.content
    hidden = [p for p in demo_village.pledges if not p.is_public(TODAY)]
    assert hidden, "the demo data should contain unpublished pledges"
    everything = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in demo_site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".csv", ".xml"}
    )
    for pledge in hidden:
        assert not (demo_site / "pledges" / f"{pledge.id}.html").exists()
        assert pledge.content not in everything.replace("\u200b", "")


def test_board_counts_match_the_data(demo_site, demo_village):
    board = soup(demo_site / "pledges" / "index.html")
    heading = board.find("h2", string="按状态")
    rows = heading.find_next("table").find("tbody").find_all("tr")
    shown = {r.find_all("td")[0].get_text(strip=True): int(r.find_all("td")[1].get_text(strip=True)) for r in rows}
    expected = {
        s.text: sum(1 for p in demo_village.public_pledges(TODAY) if p.status(TODAY) is s) for s in PUBLIC_STATUSES
    }
    assert shown == expected
    assert all(expected.values()), "the demo data should cover every public status"


def test_status_listings_hold_exactly_their_pledges(demo_site, demo_village):
    for status in PUBLIC_STATUSES:
        listed = set()
        for page in sorted((demo_site / "pledges" / "status").glob(f"{status.slug}*.html")):
            for a in soup(page).select("article table a[href^='../']"):
                if re.fullmatch(r"\.\./\d{4}-\d{3}\.html", a["href"]):
                    listed.add(a["href"][3:-5])
        assert listed == {p.id for p in demo_village.public_pledges(TODAY) if p.status(TODAY) is status}


def test_member_pages_list_their_pledges(demo_site, demo_village):
    for member in demo_village.members.values():
        page = soup(demo_site / "members" / f"{member.id}.html")
        linked = {a["href"] for a in page.select("article table a")}
        mine = {f"../pledges/{p.id}.html" for p in demo_village.public_pledges(TODAY) if p.member == member.id}
        assert mine <= linked


def test_search_index_holds_segmented_chinese(demo_site, demo_village):
    index = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    pledge = max(demo_village.public_pledges(TODAY), key=lambda p: len(p.content))
    docs = [d for d in index["docs"] if d["location"].startswith(f"pledges/{pledge.id}.html")]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    tokens = set(re.split(r"[\u200b\s]+", text))
    words = [w for w in jieba.cut(pledge.content) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    assert words and all(w in tokens for w in words), (words, sorted(tokens)[:50])


def test_no_request_to_another_host(demo_site):
    for page in demo_site.rglob("*.html"):
        parsed = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in parsed.find_all(tag):
                value = element.get(attr)
                if value:
                    assert not urlparse(value).netloc, f"{page}: <{tag} {attr}={value}>"


def test_links_are_relative_so_the_site_works_under_any_sub_path(demo_site):
    # 404.html is served at any missing address, so MkDocs gives it root-absolute links; it is
    # the one page that needs `site_url` set to the real sub-path.
    for page in set(demo_site.rglob("*.html")) - {demo_site / "404.html"}:
        for a in soup(page).find_all("a", href=True):
            href = a["href"]
            assert not href.startswith("/"), f"{page}: {href}"


def test_record_pages_stay_out_of_the_navigation(demo_site, demo_village):
    nav = soup(demo_site / "index.html").select("nav.md-nav--primary a[href]")
    listed = {
        page.removesuffix(".md") + ".html"
        for page in _nav_pages(yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["nav"])
    }
    linked = {posixpath.normpath(a["href"]) for a in nav if a["href"].endswith(".html")}
    assert linked and linked <= listed, linked - listed
    assert not any("pledges/2" in a.get("href", "") for a in nav)


def _nav_pages(entries) -> list[str]:
    """Every page file named in mkdocs.yml's nav."""
    pages = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_downloads_open_in_excel_and_hold_only_public_records(demo_site, demo_village):
    raw = (demo_site / "open-data" / "pledges.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = raw.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + len(demo_village.public_pledges(TODAY))
    data = json.loads((demo_site / "open-data" / "pledges.json").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in data["records"]) == sorted(p.id for p in demo_village.public_pledges(TODAY))
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


def test_names_stay_whole_in_the_search_index(demo_site, demo_village):
    index = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tokens = {t for d in index["docs"] for t in re.split(r"[\u200b\s]+", d["title"] + " " + d["text"])}
    names = [m.name for m in demo_village.members.values()] + [demo_village.profile.name]
    assert [n for n in names if n not in tokens] == []


def test_the_site_ships_materials_search_worker_with_the_query_segmenter_fixed(demo_site):
    import material

    from generator.search import fix_query_segmenter

    original = sorted((Path(material.__file__).parent / "templates").glob("assets/javascripts/workers/search.*.min.js"))
    assert len(original) == 1
    shipped = demo_site / original[0].relative_to(Path(material.__file__).parent / "templates")
    assert shipped.read_text(encoding="utf-8") == fix_query_segmenter(original[0].read_text(encoding="utf-8"))


# --- village affairs and finance (issue 4) ---------------------------------------------------


def _yuan(text: str) -> Decimal:
    return Decimal(text.replace(",", "")) if text.strip() else Decimal("0.00")


def _period(page: Path) -> dict:
    """A finance period page read from its HTML: asserts its rows sum to its totals and its balances
    reconcile, and returns the balances and the number of rows."""
    html = soup(page)
    table = html.find("h2", string=re.compile(r"^收支明细")).find_next("table")
    assert [th.get_text() for th in table.select("thead th")][4:6] == ["收入", "支出"]
    *rows, total = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    income, expense = (sum(_yuan(row[column]) for row in rows) for column in (4, 5))
    assert total[0] == "合计" and (income, expense) == (_yuan(total[4]), _yuan(total[5])), page
    balance = _balances(html)
    assert (balance["income"], balance["expense"]) == (income, expense)
    assert balance["opening"] + income - expense == balance["closing"], page
    return {**balance, "rows": len(rows), "html": html}


def _balances(html) -> dict:
    """A period page's summary: opening balance, income, expense, closing balance."""
    summary = html.find("th", string="期初余额").find_parent("table")
    figures = (_yuan(td.get_text()) for td in summary.select("tbody td"))
    return dict(zip(("opening", "income", "expense", "closing"), figures, strict=False))


MONTH_PAGE = re.compile(r"20\d\d-\d\d\.html")
QUARTER_PAGE = re.compile(r"20\d\d-Q[1-4]\.html")


def test_each_month_rows_sum_to_its_totals_in_the_html(demo_site, demo_village):
    months = sorted(p for p in (demo_site / "finance").glob("20*.html") if MONTH_PAGE.fullmatch(p.name))
    assert len(months) >= 12
    for page in months:
        assert _period(page)["rows"] == len([e for e in demo_village.records["ledger"] if e.period == page.stem]), page


def _quarter_link(tag) -> bool:
    """A link whose text is a quarter's name (its year may sit in a nowrap span)."""
    return tag.name == "a" and re.fullmatch(r"\d{4}年第[一二三四]季度", tag.get_text()) is not None


def test_each_quarter_adds_up_its_months_in_the_html(demo_site):
    quarters = sorted(p for p in (demo_site / "finance").glob("20*.html") if QUARTER_PAGE.fullmatch(p.name))
    assert len(quarters) >= 4
    index = {a["href"] for a in soup(demo_site / "finance" / "index.html").select("article table a")}
    for page in quarters:
        quarter = _period(demo_site / "print" / "finance" / page.name)  # its print view lists every row
        html = soup(page)
        assert _balances(html) == {k: quarter[k] for k in ("opening", "income", "expense", "closing")}, page
        links = html.find("h2", string="各月").find_next("table").select("tbody a")
        rows_at = html.find("h2", string=re.compile(r"^收支明细")).find_next("p").select("a")  # the months' pages
        assert [a["href"] for a in rows_at] == [a["href"] for a in links], page
        months = [_period(page.parent / a["href"]) for a in links]
        year, number = int(page.stem[:4]), int(page.stem[-1])
        numbers = [int(a["href"][5:7]) for a in links if a["href"].startswith(f"{year}-")]
        assert len(numbers) == len(links) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        assert {(n - 1) // 3 + 1 for n in numbers} == {number}, page
        assert quarter["opening"] == months[0]["opening"] and quarter["closing"] == months[-1]["closing"], page
        for key in ("income", "expense", "rows"):
            assert quarter[key] == sum(m[key] for m in months), (page, key)
        assert page.name in index
        for month in months:
            found = month["html"].find(_quarter_link)
            assert found["href"] == page.name


def test_no_unmasked_personal_number_anywhere_in_the_site(demo_site, demo_village):
    allowed = demo_village.profile.public_phones()
    raw = set()
    for path in (ROOT / "data" / "lists").glob("*.csv"):
        for row in read_csv(path.read_bytes(), path.name).value:
            raw |= {v for k, v in row.items() if k in ("身份证号", "联系电话", "银行账号") and v}
    assert len(raw) > 20, "the demo name lists should carry raw personal numbers to mask"
    scanned = 0
    for path in demo_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".csv", ".xml", ".js", ".svg", ".txt", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace").replace("\u200b", "")
            assert find_personal_numbers(text, allowed) == [], path
            assert not [n for n in raw if n in text], path
            scanned += 1
    assert (demo_site / "search" / "search_index.json").exists() and (
        demo_site / "open-data" / "list_entries.csv"
    ).exists()
    assert scanned > 100


def test_print_views_have_no_navigation_and_say_why_there_is_no_qr_code(demo_site):
    for page in [
        demo_site / "print" / "notices" / "GS-2026-09.html",
        demo_site / "print" / "finance" / "2026-06.html",
        demo_site / "print" / "decisions" / "JC-2026-03.html",
    ]:
        html = soup(page)
        assert html.select_one("div.md-sidebar--primary").has_attr("hidden")
        assert html.select_one(".cunwu-print h1")
        assert "没有设置 site_url，无法生成二维码" in html.select_one(".cunwu-print-qr").get_text()
    css = (demo_site / "assets" / "stylesheets" / "cunwu.css").read_text(encoding="utf-8")
    assert "size: A4" in css and "@media print" in css


def test_every_new_dataset_is_downloadable_with_its_columns_documented(demo_site, demo_village):
    index = soup(demo_site / "open-data" / "index.html")
    for name, title in [
        ("notices", "公告公示"),
        ("decisions", "四议两公开"),
        ("projects", "村级项目"),
        ("periods", "财务公开期间"),
        ("ledger", "财务收支明细"),
        ("namelists", "名单公示"),
        ("list_entries", "名单明细（已脱敏）"),
    ]:
        row = index.find("a", href=f"{name}.html", string=title).find_parent("tr")
        assert row.find("a", href=f"{name}.csv") and row.find("a", href=f"{name}.json")
        page = soup(demo_site / "open-data" / f"{name}.html")
        assert page.find("h1").get_text(strip=True) == f"{title}（开放数据）"
        assert page.find("a", href=f"{name}.csv") and page.find("a", href=f"{name}.json") and page.find("table")
        data = json.loads((demo_site / "open-data" / f"{name}.json").read_text(encoding="utf-8"))
        assert data["records"] and {f["key"] for f in data["fields"]} >= set(data["records"][0])
    ledger = json.loads((demo_site / "open-data" / "ledger.json").read_text(encoding="utf-8"))["records"]
    assert all(isinstance(r["income"] or r["expense"], str) for r in ledger)  # exact decimals, never floats
    assert len(ledger) == sum(1 for e in demo_village.records["ledger"])


def test_a_draft_notice_never_reaches_the_site(demo_site, demo_village):
    drafts = [n for n in demo_village.records["notices"] if n.published > TODAY]
    assert drafts
    everything = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in demo_site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".csv"}
    ).replace("\u200b", "")
    for notice in drafts:
        assert not (demo_site / "notices" / f"{notice.id}.html").exists()
        assert notice.title not in everything


def test_a_masking_rule_that_keeps_too_much_stops_the_build_in_chinese(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "tests", "*.egg-info"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("id_number: 6+4", "id_number: 10+8"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr + result.stdout
    assert (
        "mkdocs.yml，字段「plugins.cunwu.masking.id_number」：脱敏规则不对或保留得太多。应为：“前几位+后几位”，最多 6+4；"
        "实际为：“10+8”。"
    ) in result.stderr
    assert not (tmp_path / "out").exists()


def test_private_fields_never_reach_the_site(demo_site, demo_village):
    from generator.guard import as_read, read_text
    from generator.schema import private_values

    private = {value for records in demo_village.records.values() for r in records for value, _, _ in private_values(r)}
    assert private, "the demo data should hold private values (name-list addresses)"
    for path in demo_site.rglob("*"):
        text = read_text(path) if path.is_file() else None
        if text is not None:
            plain = as_read(text)
            assert not [v for v in private if v in plain], path
    assert "住址" not in (demo_site / "open-data" / "list_entries.csv").read_text(encoding="utf-8-sig").splitlines()[0]
