"""Every loader returns records or Chinese problems, never an exception .

Hypothesis generates the inputs: random bytes, random YAML trees and YAML-like text, random CSV
text in each supported encoding, and random located trees for every record type (nested ones
included), so a record type added later is covered too. `EXAMPLES` says how many inputs each test
runs: fewer in the fast tier than in the full suite (tests/helpers/properties.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import TODAY
from helpers.properties import EXAMPLES, FAST, assert_read, chinese
from helpers.records import example_record, write_village
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.datasets import DATASETS
from generator.kinds import Invalid, ListOf, Nested, fields_of
from generator.model import load_site
from generator.readers import Mapping, Sequence
from generator.readers.csv_reader import ENCODINGS, read_csv
from generator.readers.yaml_reader import read_yaml
from generator.schema import parse_record


def record_types() -> list[type]:
    """Every record type, nested and listed ones included."""
    found = []

    def walk(record):
        if record not in found:
            found.append(record)
            for f in fields_of(record):
                if isinstance(f.kind, (Nested, ListOf)):
                    walk(f.kind.record)

    for dataset in DATASETS:
        walk(dataset.record)
    return found


YAML_TEXT = st.text(alphabet=st.sampled_from(list("ab甲:-[]{}&*!|>'\"#%@`?,\n\t 0123456789.~\\")), max_size=200)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), st.dates().map(str)
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=20,
)
CSV_TEXT = st.text(alphabet=st.sampled_from(list('编号姓名,"\r\n \t\x00甲乙M0123456789;=')), max_size=200)


@FAST
@given(st.binary(max_size=300))
@example(b"[" * 3000)
@example(b"a: &a [*a, *a]\n")
@example(b"\xff\xfe\x00")
def test_read_yaml_takes_any_bytes(data):
    assert_read(read_yaml(data, "data/x.yml"), "data/x.yml")


@FAST
@given(YAML_TEXT)
def test_read_yaml_takes_any_yaml_like_text(text):
    assert_read(read_yaml(text.encode("utf-8"), "data/x.yml"), "data/x.yml")


@FAST
@given(TREES)
def test_read_yaml_takes_any_yaml_tree(tree):
    data = yaml.safe_dump(tree, allow_unicode=True).encode("utf-8")
    assert_read(read_yaml(data, "data/x.yml"), "data/x.yml")


@FAST
@given(st.binary(max_size=300))
@example(b"a,b\n" + b"x" * 200_000)
@example(b'"unclosed\n')
def test_read_csv_takes_any_bytes(data):
    assert_read(read_csv(data, "data/x.csv"), "data/x.csv")


@pytest.mark.parametrize("encoding", ("utf-8", *ENCODINGS))
@FAST
@given(text=CSV_TEXT)
def test_read_csv_takes_any_text_in_each_encoding(encoding, text):
    assert_read(read_csv(text.encode(encoding, errors="replace"), "data/x.csv"), "data/x.csv")


def located(record: type):
    """Random located trees for `record`: its own keys and labels, unknown keys, any values."""
    keys = [f.key for f in fields_of(record)] + [f.label for f in fields_of(record)]
    key = st.one_of(st.sampled_from(keys), st.text(max_size=8))
    leaf = st.one_of(
        st.none(),
        st.text(max_size=30),
        st.sampled_from(["", "2025-03-05", "M001", "通过", "9" * 5000, "２０２５年２月３０日", "-1", "1e9"]),
    )

    def grow(inner):
        lists = st.lists(inner, max_size=3).map(lambda items: Sequence(1, items))
        maps = st.lists(st.tuples(key, inner), max_size=6).map(
            lambda pairs: Mapping(1, dict(pairs), {k: n for n, (k, _) in enumerate(pairs, start=1)})
        )
        return st.one_of(lists, maps)

    return st.recursive(leaf, grow, max_leaves=25)


@pytest.mark.parametrize("record", record_types(), ids=lambda r: r.__name__)
@FAST
@given(data=st.data())
def test_parse_record_takes_any_tree_for_every_record_type(record, data):
    raw = data.draw(located(record))
    parsed, problems = parse_record(record, raw, "data/x.yml", 1)
    assert (parsed is None) == bool(problems)
    assert parsed is None or isinstance(parsed, record)
    assert all(chinese(p) and p.file == "data/x.yml" for p in problems)


TEXT = "一段说明文字"
"""The text of the villages below (not a full name, so a wish's 点单人 may hold it)."""


@pytest.fixture(scope="module")
def valid_village(tmp_path_factory) -> Path:
    """A project folder holding one valid village written from the schemas (`write_village`),
    written once: each input below takes one file's place for one load, then the file is put back."""
    root = tmp_path_factory.mktemp("valid-village")
    write_village(root / "data", TEXT)
    return root


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(
    data=st.binary(max_size=200) | YAML_TEXT.map(str.encode) | CSV_TEXT.map(lambda t: t.encode("gb18030", "replace"))
)
def test_loading_a_village_with_any_file_in_place_of_a_dataset(valid_village, dataset, data):
    """The whole load (readers, schema, checks, references) with one file replaced by noise."""
    base = valid_village / ("content" if dataset.in_content else "data")
    target = next(
        p for p in base.rglob("*") if p.is_file() and any(p.relative_to(base).match(q) for q in dataset.patterns)
    )
    valid = target.read_bytes()
    target.write_bytes(data)
    try:
        site, problems = load_site(valid_village / "data", TODAY, valid_village)
    finally:
        target.write_bytes(valid)
    assert (site is None) == bool(problems)
    assert all(chinese(p) for p in problems)


def test_every_dataset_is_made_from_examples(valid_village):
    """The base of the test above is valid (and is again after it), so its problems come from the
    noise alone; and every dataset gets a record, so the schema-driven tests cover it."""
    site, problems = load_site(valid_village / "data", TODAY, valid_village)
    assert problems == [] and site is not None, "\n".join(map(str, problems))
    assert [d.name for d in DATASETS if not site.villages[0].records[d.name]] == []


def test_example_records_are_complete():
    for dataset in DATASETS:
        assert set(example_record(dataset.record, "x")) == {f.key for f in fields_of(dataset.record)}


NASTY = (
    "9" * 5000,
    "-" + "9" * 5000,
    "１２３",
    "٣",
    "2025-02-30",
    "99999-1-1",
    "0000-00-00",
    "\x00",
    "\u202e",
    " ",
    "2025年13月1日",
    "1" * 60,
    "+-1",
    "1,,,2",
)


@pytest.mark.parametrize("record", record_types(), ids=lambda r: r.__name__)
def test_every_field_kind_reads_or_refuses_nasty_text(record):
    """Each kind either reads the text or says why not: `parse_record` never sees another error."""
    for f in fields_of(record):
        for text in NASTY:
            raw = Mapping(1, {f.key: text}, {f.key: 1})
            parsed, problems = parse_record(record, raw, "data/x.yml", 1)
            assert (parsed is None) == bool(problems)
            assert all(chinese(p) for p in problems)


def test_the_messages_for_inputs_that_used_to_crash(monkeypatch):
    """Exact texts (they replaced a RecursionError, a ValueError and a decimal.InvalidOperation)."""
    import yaml as pyyaml

    from generator.readers import yaml_reader

    too_deep = "数据嵌套过深或过大。应为：不超过 40 层、200000 个值。提示：检查是否误用了 YAML 的锚点（&）和引用（*），或括号是否成对。"
    assert [str(p) for p in read_yaml(b"a: " + b"[" * 60 + b"]" * 60, "data/x.yml").problems] == [
        f"data/x.yml 第 1 行：{too_deep}"
    ]
    monkeypatch.setattr(yaml_reader, "LOADER", pyyaml.SafeLoader)  # PyYAML without libyaml recurses
    assert [str(p) for p in read_yaml(b"a: " + b"[" * 3000 + b"]" * 3000, "data/x.yml").problems] == [
        f"data/x.yml：{too_deep}"
    ]
    record = next(r for r in record_types() if r.__name__ == "Member")
    raw = Mapping(
        1, {"id": "M001", "name": "甲", "branch": "乙", "joined": "9" * 5000, "membership": "正式党员"}, {"joined": 3}
    )
    assert [str(p) for p in parse_record(record, raw, "data/members.yml", 1)[1]] == [
        "data/members.yml 第 3 行，字段「joined（入党年份）」：数值超出范围。应为：1921 到 2100 之间的四位年份，如 2008；"
        f"实际为：“{'9' * 40}…”。"
    ]
    from generator.kinds import Money

    with pytest.raises(Invalid) as refused:
        Money().parse("9" * 30)
    assert (refused.value.summary, refused.value.expected, refused.value.hint) == (
        "金额太大",
        "不超过 15 位整数的金额",
        "检查是否多写了数字；金额以元为单位。",
    )


def _workbook() -> bytes:
    """A small valid ledger-like workbook with a merged title row."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["青禾村2026年3月收支明细"])
    sheet.merge_cells("A1:D1")
    sheet.append(["日期", "凭证号", "摘要", "收入"])
    for day in range(1, 8):
        sheet.append([f"2026-03-{day:02d}", f"记-{day:03d}", "村道维修", f"{day * 100}.00"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOK = _workbook()


@FAST
@given(
    st.integers(0, len(WORKBOOK)),
    st.lists(st.tuples(st.integers(0, len(WORKBOOK) - 1), st.integers(0, 255)), max_size=8),
)
@example(len(WORKBOOK) // 2, [])
@example(len(WORKBOOK), [])
def test_read_xlsx_takes_truncated_and_damaged_workbooks(cut, flips):
    from generator.readers.xlsx_reader import read_xlsx

    data = bytearray(WORKBOOK[:cut])
    for position, value in flips:
        if position < len(data):
            data[position] = value
    assert_read(read_xlsx(bytes(data), "data/ledgers/2026-03.xlsx"), "data/ledgers/2026-03.xlsx")
