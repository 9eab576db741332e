"""No script injection from any data or content.

Known payloads go into every `Text` field of every record type and every other field that
accepts them (Markdown bodies, personal fields), written from the schemas (see `helpers.records`),
one village per payload, into a notice attachment's title (with a real attachment file), into
the front matter (title, description, author) and the first heading of a hand-written page of
each village, and into one more hand-written page; the site is built with `mkdocs build --strict`
and every HTML page and the search index are parsed the way a browser parses them (html5lib, an
implementation of the HTML5 parsing algorithm, with scripting on): `<title>`, `<textarea>`,
`<style>`, `<script>`, `<noscript>` and `<xmp>` hold text that ends only at their own end tag,
which Python's `html.parser` and lxml do not follow. No payload may survive as active markup, and
every payload written into data must still be visible as text, so that the test cannot pass by
losing the data.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from helpers import ROOT, mkdocs_build, new_project
from helpers.payloads import PAYLOADS, active_elements, active_markup, parsed, text_of
from helpers.records import text_fields, write_village
from helpers.township import township_yml

pytestmark = pytest.mark.site

ATTACHMENT = ROOT / "tests" / "fixtures" / "attachments" / "clean.pdf"
"""A real attachment file (made by LibreOffice, see fixtures/attachments/make.sh)."""
ROOT_SITE_NAME = "青禾村村务公开"
"""The site name of the township's own pages (the project's mkdocs.yml)."""

FRONT_MATTER_KEYS = ("title", "description", "author")
"""Front-matter texts that Material prints into <head> or the navigation."""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path]:
    """The demo project with one village per payload and a hand-written page of payloads."""
    base = tmp_path_factory.mktemp("hostile")
    project = new_project(base, nav=["about.md", "hostile.md"])
    data = project / "data"
    shutil.rmtree(data)
    # content/guide/index.md links to the generated guide/fields.md, which a site of several
    # villages generates under each village's folder instead: a broken link there (reported).
    guide = project / "content" / "guide" / "index.md"
    if guide.exists():
        guide.write_text("# 编辑指南\n", encoding="utf-8")
    for number, payload in enumerate(PAYLOADS, start=1):
        name = f"v{number:02d}"
        write_village(data / name, payload, project / "content" / name)
        profile = data / name / "village.yml"  # a payload too long for a name leaves the example name:
        text = profile.read_text(encoding="utf-8")  # villages of one township need distinct names
        profile.write_text(text.replace("name: 甲\n", f"name: 甲{number}\n", 1), encoding="utf-8")
        write_attachment(data / name / "notices" / "records.yml", project / "content" / name, "附件.pdf", payload)
        write_hand_written_pages(project / "content" / name, payload)
    (data / "township.yml").write_text(township_yml({f"v{n:02d}": ("", "") for n in range(1, len(PAYLOADS) + 1)}))
    (project / "content" / "hostile.md").write_text("# 手写页面\n\n" + "\n\n".join(PAYLOADS) + "\n", encoding="utf-8")
    site = base / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[:3000]
    return project, site


@pytest.fixture(scope="module")
def pages(hostile_site) -> dict[str, object]:
    """Every HTML page of the hostile site by site path, parsed once (html5lib is slow)."""
    _, site = hostile_site
    return {p.relative_to(site).as_posix(): parsed(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def site_names(hostile_site) -> dict[str, str]:
    """Each village folder's site name as a browser shows it: its village name and 村务公开."""
    project, _ = hostile_site
    names = {}
    for profile in sorted((project / "data").glob("*/village.yml")):
        name = yaml.safe_load(profile.read_text(encoding="utf-8"))["name"]
        names[profile.parent.name] = " ".join(name.split()) + "村务公开"
    return names


def site_name_of(page: str, site_names: dict[str, str]) -> str:
    return site_names.get(page.split("/")[0], ROOT_SITE_NAME)


def write_attachment(notices: Path, content: Path, file: str, payload: str) -> None:
    """Give the notice in `notices` a real attachment file whose title is the payload."""
    records = yaml.safe_load(notices.read_text(encoding="utf-8"))
    title = payload if len(" ".join(payload.split())) <= ATTACHMENT_TITLE_LENGTH else "甲"
    records[0]["attachments"] = [{"file": file, "title": title}]
    notices.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (content / file).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ATTACHMENT, content / file)


ATTACHMENT_TITLE_LENGTH = 80


def write_hand_written_pages(folder: Path, payload: str) -> None:
    """A page with the payload in its front matter, and one with it as its headings (the title, the
    table of contents)."""
    front = yaml.safe_dump(dict.fromkeys(FRONT_MATTER_KEYS, payload), allow_unicode=True, sort_keys=False)
    (folder / "front.md").write_text(f"---\n{front}---\n\n正文。\n", encoding="utf-8")
    line = " ".join(payload.split())
    (folder / "heading.md").write_text(f"# {line}\n\n## {line}\n\n正文。\n", encoding="utf-8")


def test_payloads_cover_every_text_field_of_every_record_type():
    fields = text_fields()
    pairs = sum(1 for p in PAYLOADS for f in fields if len(p) <= f.max_length)
    print(
        f"\n{len(PAYLOADS)} payloads × {len(fields)} text fields in {len({f.dataset for f in fields})} "
        f"record types: {pairs} payload-field pairs fit the field's length limit"
    )
    assert pairs >= len(fields) * 10, "most fields should receive most payloads"


def search_entries(site: Path) -> list[dict]:
    """The entries of every search index of the site (the portal's and each village's)."""
    return [
        doc
        for index in sorted(site.rglob("search/search_index.json"))
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]
    ]


def test_no_payload_survives_as_active_markup_in_any_page(hostile_site, pages):
    _, site = hostile_site
    assert len(pages) > len(PAYLOADS) * 10
    survivors = {page: found for page, root in pages.items() if (found := active_elements(root))}
    index = {"docs": search_entries(site)}
    fields = len(text_fields()) + 1 + len(FRONT_MATTER_KEYS) + 2  # attachment title; heading, page body
    live = sorted({p.split("/")[0] for p in survivors})
    print(
        f"\n{len(PAYLOADS)} payloads × {fields} fields × {len(pages)} pages + {len(index['docs'])} search entries "
        f"judged with html5lib: {sum(map(len, survivors.values()))} live elements on {len(survivors)} pages, "
        f"from {len(live)} payloads: {[PAYLOADS[int(v[1:]) - 1] for v in live if v.startswith('v')]}"
    )
    assert survivors == {}


def test_no_payload_survives_in_the_search_index(hostile_site):
    """Material's search shows each entry's title and text as HTML (innerHTML); every village of
    the township has its own index."""
    _, site = hostile_site
    entries = search_entries(site)
    assert len(entries) > len(PAYLOADS) * 10
    survivors = [
        (d["location"], found)
        for d in entries
        if (found := active_markup(d["title"], fragment=True) + active_markup(d["text"], fragment=True))
    ]
    assert survivors == []


def test_every_page_title_is_its_heading_as_text(pages, site_names):
    """The <title> in <head> is the page's visible heading, as a browser reads both: a record's
    text neither ends the title element early nor shows entities (&amp;lt;) instead of characters.

    A hand-written heading made of HTML (heading.md) is the exception: MkDocs takes the title
    from the heading with its tags' text kept, before the sanitiser removes a <script> from the
    visible heading; its title must still be one text-only <title> in <head>."""
    checked, wrong = 0, {}
    for page, document in pages.items():
        titles = document.findall(".//title")
        heading = document.find(".//article//h1")
        if page.endswith("/heading.html"):
            if len(titles) != 1 or document.find("head/title") is None or list(titles[0]):
                wrong[page] = [text_of(t) for t in titles]
            continue
        in_site = page.split("/", 1)[1] if page.split("/")[0] in site_names else page  # the page in its own site
        if heading is None or not titles or in_site in ("index.html", "404.html") or "/print/" in f"/{page}":
            continue  # the home page and 404 say the site's name; a print view's heading is not its first element
        checked += 1
        shown = [text_of(t) for t in titles]
        if shown != [f"{text_of(heading)} - {site_name_of(page, site_names)}"] or document.find("head/title") is None:
            wrong[page] = (shown, text_of(heading))
    assert checked > len(PAYLOADS) * 10
    assert wrong == {}


def test_front_matter_texts_stay_text_in_head(pages, site_names):
    """A hand-written page's title, description and author are shown, never parsed as markup."""
    for number, payload in enumerate(PAYLOADS, start=1):
        document = pages[f"v{number:02d}/front.html"]
        meta = {m.get("name"): m.get("content") for m in document.findall("head/meta") if m.get("name")}
        assert (meta["description"], meta["author"]) == (payload, payload)
        assert [text_of(t) for t in document.findall(".//title")] == [
            f"{' '.join(payload.split())} - {site_names[f'v{number:02d}']}"
        ]


def test_every_data_payload_is_shown_as_text(pages):
    """Escaping must keep the data: each payload is visible, character for character."""
    for number, payload in enumerate(PAYLOADS, start=1):
        village = f"v{number:02d}/"
        text = " ".join(
            text_of(root.find("body"))
            for page, root in pages.items()
            if page.startswith(village) and page.rpartition("/")[2] not in ("front.html", "heading.html")
        )
        assert " ".join(payload.split()) in text, payload


def test_the_attachment_title_is_a_link_text(pages):
    for number, payload in enumerate(PAYLOADS, start=1):
        notices = f"v{number:02d}/notices/"
        links = [
            text_of(a)
            for page, root in pages.items()
            if page.startswith(notices)
            for a in root.iter("a")
            if unquote(a.get("href", "")).endswith("附件.pdf")
        ]
        title = " ".join(payload.split())
        assert links == [title if len(title) <= ATTACHMENT_TITLE_LENGTH else "甲"], payload


def test_every_text_field_reaches_the_downloads(hostile_site):
    """The JSON downloads hold every text field with the payload unchanged (nested ones too)."""
    _, site = hostile_site
    for number, payload in enumerate(PAYLOADS, start=1):
        for field in text_fields():
            if len(" ".join(payload.split())) > field.max_length:
                continue
            records = json.loads(
                (site / f"v{number:02d}" / "open-data" / f"{field.dataset}.json").read_text(encoding="utf-8")
            )["records"]
            shown = " ".join(payload.split())  # a text field keeps one line
            assert records and all(shown in _values(r, field.path.split(".")) for r in records), (field, payload)


def test_downloads_never_start_a_cell_with_a_formula(hostile_site):
    _, site = hostile_site
    for download in site.rglob("*.csv"):
        for row in csv.reader(io.StringIO(download.read_bytes().decode("utf-8-sig"))):
            formulas = [c for c in row if re.match(r"[=+@]|-[^\d]", c)]
            assert formulas == [], download


def test_the_hand_written_page_is_sanitised(pages):
    assert active_elements(pages["hostile.html"]) == []
    article = pages["hostile.html"].find(".//article")
    assert text_of(article.find(".//h1")) == "手写页面"
    assert "点我" in text_of(article), "the text of a neutralised link stays"


def _values(record, path: list[str]) -> list[str]:
    """The values at a dotted field path (``reviews[].note``) of an exported JSON record."""
    key, rest = path[0], path[1:]
    listed = key.endswith("[]")
    value = record.get(key.removesuffix("[]"))
    items = value if listed else [value]
    if not rest:
        return items
    return [v for item in items if item for v in _values(item, rest)]
