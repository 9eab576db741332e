"""The clerk's field reference is generated from the schemas: every dataset, every field, no drift."""

from __future__ import annotations

from dataclasses import dataclass

import markdown
from bs4 import BeautifulSoup
from helpers import TODAY

from generator.core import Generated, generate
from generator.datasets import DATASETS
from generator.exports import documented_fields
from generator.kinds import Day, Identifier, Integer, spec
from generator.pages import guide
from generator.records import Dataset
from generator.schema import origin_field


def fields_pages(result: Generated) -> dict[str, BeautifulSoup]:
    """The field reference's index and one page per dataset of a generation's `result`, parsed,
    by page path."""
    assert result.problems == []
    return {
        uri: BeautifulSoup(markdown.markdown(text, extensions=["tables", "md_in_html"]), "lxml")
        for uri, text in result.files.items()
        if uri == "guide/fields.md" or uri.startswith("guide/fields/")
    }


def rows_by_dataset(pages: dict[str, BeautifulSoup]) -> dict[str, list[list[str]]]:
    """Each dataset page's field table, by dataset title (the page heading without its suffix)."""
    return {
        page.find("h1").get_text().removesuffix("（数据字段说明）"): [
            [td.get_text() for td in tr.find_all("td")] for tr in page.find("table").find_all("tr")[1:]
        ]
        for uri, page in sorted(pages.items())
        if uri != "guide/fields.md"
    }


def test_every_field_of_every_dataset_is_explained(demo_generated):
    pages = fields_pages(demo_generated)
    tables = rows_by_dataset(pages)
    assert sorted(tables) == sorted(d.title for d in DATASETS)
    index_links = {a.get_text(): a["href"] for a in pages["guide/fields.md"].select("table a")}
    assert index_links == {d.title: f"fields/{d.name}.md" for d in DATASETS}
    for d in DATASETS:
        expected = [
            [key, f.label, "是" if f.required else "否", f.kind.expected, f.doc]
            for key, f in documented_fields(d, with_private=True)
        ]
        assert tables[d.title] == expected


@dataclass(frozen=True, kw_only=True)
class Ledger:
    """A record type added later: the guide documents it without new code."""

    id: str = spec(Identifier("2026-01-001"), "凭证号", "记账凭证的编号。")
    day: object = spec(Day(), "日期", "记账日期。")
    amount: int = spec(Integer(0, 10**9), "金额（分）", "以分为单位的金额。")
    origin: object = origin_field()


def test_a_record_type_added_later_appears_in_the_guide(monkeypatch, village):
    ledger = Dataset("later", "后加的账目", Ledger, ("later/*.csv",), required=False)
    monkeypatch.setattr(guide, "DATASETS", (*DATASETS, ledger))
    pages = fields_pages(generate(village / "data", TODAY, None, village))  # the guide needs no more data
    assert rows_by_dataset(pages)["后加的账目"][2] == [
        "amount",
        "金额（分）",
        "是",
        "0 到 1000000000 之间的整数",
        "以分为单位的金额。",
    ]
    section = pages["guide/fields/later.md"].find("ul").get_text()
    assert "data/later/*.csv" in section and "cunwu new later" in section and "CSV 和 Excel" in section
