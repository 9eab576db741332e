"""What `mkdocs serve` keeps from one rebuild to the next (generator/reuse.py), without a site
build: the memos' lifetime, reads that invalidate, a reused render's warnings, the guard's scans.
The whole demo's serve rebuilds: tests/built_site/test_serve_reuse.py."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from generator import reuse
from generator.guard import scan_outputs

MOBILE = "13912345678"


class Plain(dict):
    """The configuration `begin` reads: no plugins."""

    def __init__(self) -> None:
        super().__init__(plugins={})


def upper(text: str) -> str:
    return text.upper()


@pytest.fixture(autouse=True)
def nothing_kept():
    yield
    reuse.begin(False, Plain())


def test_only_serve_reuses():
    calls = []

    def twice(text: str) -> str:
        calls.append(text)
        return text * 2

    reuse.begin(False, Plain())
    assert [reuse.call(twice, "a"), reuse.call(twice, "a")] == ["aa", "aa"]
    assert calls == ["a", "a"]
    assert set(reuse.stats().values()) == {0}

    reuse.begin(True, Plain())
    assert [reuse.call(twice, "a"), reuse.call(twice, "a")] == ["aa", "aa"]
    assert calls == ["a", "a", "a"]
    assert reuse.stats()["calls made"] == 1 and reuse.stats()["calls reused"] == 1


def test_a_build_keeps_only_what_the_last_build_used():
    reuse.begin(True, Plain())
    for text in ("a", "b"):
        reuse.call(upper, text)
    reuse.begin(True, Plain())
    reuse.call(upper, "a")  # b is not used by this build
    reuse.begin(True, Plain())
    reuse.call(upper, "a")
    reuse.call(upper, "b")
    assert reuse.stats()["calls reused"] == 1 and reuse.stats()["calls made"] == 1
    assert len(reuse.CALLS) == 2


def test_a_build_with_a_store_reuses_what_the_last_such_build_kept_there(tmp_path, monkeypatch):
    """A village of a township builds in a new process each time: its store carries the memos."""
    store = tmp_path / "v.reuse"
    reuse.begin(False, Plain(), store)
    assert reuse.call(upper, "a") == "A" and reuse.stats()["calls made"] == 1
    reuse.save()
    reuse.begin(False, Plain())  # another build in between: the memos in memory are gone
    assert len(reuse.CALLS) == 0
    reuse.begin(False, Plain(), store)
    assert reuse.call(upper, "a") == "A"
    assert reuse.stats()["calls reused"] == 1 and reuse.stats()["calls made"] == 0

    monkeypatch.setattr(reuse, "code_digest", lambda: b"other code")  # kept by another version of cunwu
    reuse.begin(False, Plain(), store)
    reuse.call(upper, "a")
    assert reuse.stats()["calls made"] == 1 and reuse.stats()["calls reused"] == 0

    store.write_bytes(b"not a store")
    reuse.begin(False, Plain(), store)
    reuse.call(upper, "a")
    assert reuse.stats()["calls made"] == 1


def test_a_build_showing_problems_neither_uses_nor_drops():
    reuse.begin(True, Plain())
    reuse.call(upper, "a")
    reuse.begin(True, Plain())
    reuse.pause()
    assert reuse.call(upper, "b") == "B"
    assert set(reuse.stats().values()) == {0}
    reuse.begin(True, Plain())
    reuse.call(upper, "a")
    assert reuse.stats()["calls reused"] == 1


def test_a_finishing_is_done_again_when_a_file_it_read_changed():
    site = {"img/a.png": b"one"}

    def sizes(html: str, read) -> str:
        return html + str(read("img/a.png")) + str(read("img/none.png"))

    results = []
    for content in (b"one", b"one", b"two", b"two"):
        reuse.begin(True, Plain())
        site["img/a.png"] = content
        results.append((reuse.call_reading(sizes, "<p>", read=site.get), reuse.stats()["calls reused"]))
    assert results == [("<p>b'one'None", 0), ("<p>b'one'None", 1), ("<p>b'two'None", 0), ("<p>b'two'None", 1)]


def render_index(project: Path) -> Page:
    """`docs/index.md` of `project` rendered as a serve rebuild renders it (through reuse)."""
    config = load_config(str(project / "mkdocs.yml"))
    reuse.begin(True, config)
    files = get_files(config)
    page = Page(None, files.get_file_from_path("index.md"), config)
    reuse.page(page, config)
    page.read_source(config)
    page.render(config, files)
    return page


def test_a_reused_render_is_the_same_and_warns_again_about_a_broken_link(tmp_path, caplog):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# 首页\n\n## 一节\n\n[坏链接](missing.md) [其他](other.md#一节)\n", encoding="utf-8"
    )
    (docs / "other.md").write_text("# 其他\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    seen = []
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            page = render_index(tmp_path)
        links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        seen.append((page.content, page.title, [item.title for item in page.toc], links, warnings))
        counts = reuse.stats()
    assert seen[0] == seen[1]
    assert "missing.md" in seen[1][4][0]
    assert seen[1][1] == "首页"
    assert counts["pages reused"] == 1 and counts["pages made"] == 0


def test_a_page_is_rendered_again_when_a_page_it_links_to_appears_not_when_another_does(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("[链接](later.md)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")

    def render() -> tuple[str, int]:
        return render_index(tmp_path).content or "", reuse.stats()["pages reused"]

    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the broken link's warning
    try:
        assert render() == ('<p><a href="later.md">链接</a></p>', 0)
        (docs / "unrelated.md").write_text("# 无关\n", encoding="utf-8")
        assert render() == ('<p><a href="later.md">链接</a></p>', 1)
        (docs / "later.md").write_text("# 后来\n", encoding="utf-8")
        assert render() == ('<p><a href="later/">链接</a></p>', 0)
    finally:
        logger.setLevel(level)


class Counting(dict):
    def __init__(self) -> None:
        super().__init__()
        self.found = 0

    def get(self, key, default=None):
        value = super().get(key, default)
        self.found += value is not None
        return value


def test_the_guard_reads_each_file_once_and_scans_only_changed_ones(tmp_path):
    (tmp_path / "a.html").write_text(f"<p>{MOBILE} 住在青禾村三组12号</p>", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"text": "\\u9752\\u79be\\u6751\\u4e09\\u7ec4"}', encoding="utf-8")
    private = ["住在青禾村三组12号", "青禾村三组", "短"]
    known = Counting()
    first = scan_outputs(tmp_path, frozenset(), private, known=known)
    assert [(h.output, h.number) for h in first.hits] == [("a.html", MOBILE)]
    assert first.private == {"住在青禾村三组12号": ["a.html"], "青禾村三组": ["a.html", "b.json"]}
    assert scan_outputs(tmp_path, frozenset(), private) == first
    assert scan_outputs(tmp_path, frozenset({MOBILE}), private, known=known).hits == []
    assert known.found == 2
    (tmp_path / "a.html").write_text("<p>已删除</p>", encoding="utf-8")
    again = scan_outputs(tmp_path, frozenset(), private, known=known)
    assert again.hits == [] and again.private == {"青禾村三组": ["b.json"]}
    assert known.found == 3
    assert scan_outputs(tmp_path, frozenset(), private[1:], known=known).private == {"青禾村三组": ["b.json"]}
    assert known.found == 3  # other values looked for: scanned again
