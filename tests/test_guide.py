"""The clerk's field reference is generated from the schemas: every dataset, every field, no drift."""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup
import markdown

from conftest import ROOT, TODAY
from generator.core import generate
from generator.datasets import DATASETS
from generator.exports import documented_fields
from generator.pages import guide
from generator.records import Dataset
from generator.schema import Day, Identifier, Integer, origin_field, spec


def fields_page() -> BeautifulSoup:
    result = generate(ROOT / "data", TODAY, ROOT / "site_overrides", ROOT)
    assert result.problems == []
    html = markdown.markdown(result.files["guide/fields.md"], extensions=["tables", "md_in_html"])
    return BeautifulSoup(html, "lxml")


def rows_by_dataset(page: BeautifulSoup) -> dict[str, list[list[str]]]:
    return {h.get_text(): [[td.get_text() for td in tr.find_all("td")] for tr in h.find_next("table").find_all("tr")[1:]]
            for h in page.find_all("h2")}


def test_every_field_of_every_dataset_is_explained():
    tables = rows_by_dataset(fields_page())
    assert list(tables) == [d.title for d in DATASETS]
    for d in DATASETS:
        expected = [[key, f.label, "是" if f.required else "否", f.kind.expected, f.doc] for key, f in documented_fields(d, with_private=True)]
        assert tables[d.title] == expected


@dataclass(frozen=True, kw_only=True)
class Ledger:
    """A record type added later: the guide documents it without new code."""

    id: str = spec(Identifier("2026-01-001"), "凭证号", "记账凭证的编号。")
    day: object = spec(Day(), "日期", "记账日期。")
    amount: int = spec(Integer(0, 10**9), "金额（分）", "以分为单位的金额。")
    origin: object = origin_field()


def test_a_record_type_added_later_appears_in_the_guide(monkeypatch):
    ledger = Dataset("ledger", "财务账目", Ledger, ("ledger/*.csv",), required=False)
    monkeypatch.setattr(guide, "DATASETS", DATASETS + (ledger,))
    page = fields_page()
    assert rows_by_dataset(page)["财务账目"][2] == ["amount", "金额（分）", "是", "0 到 1000000000 之间的整数", "以分为单位的金额。"]
    section = page.find("h2", string="财务账目").find_next("ul").get_text()
    assert "data/ledger/*.csv" in section and "cunwu new ledger" in section and "CSV 和 Excel" in section
