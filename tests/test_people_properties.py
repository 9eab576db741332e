"""Property tests for the small parsers and sort keys of the people side."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.kinds import References, Words
from generator.pages.slugs import natural, value_slug
from generator.readers import Sequence

ids = st.lists(st.from_regex(r"[A-Z][0-9]{3}", fullmatch=True), min_size=1, max_size=6, unique=True)
CN = "一二三四五六七八九"


@given(ids, st.sampled_from(["、", ",", "，", "；", " "]))
def test_references_read_a_cell_or_a_list_alike(values, separator):
    kind = References("M001", ("members", "talents"), "党员或人才")
    assert kind.parse(separator.join(values)) == tuple(values)
    assert kind.parse(Sequence(1, values)) == tuple(values)


@given(st.lists(st.text(alphabet="油茶竹编电商稻虾", min_size=1, max_size=6), min_size=1, max_size=5, unique=True))
def test_words_keep_order_and_text(values):
    assert Words().parse("、".join(values)) == tuple(values)


@given(st.integers(1, 99), st.integers(1, 99))
def test_natural_orders_chinese_group_numbers_as_numbers(a, b):
    def numeral(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (("" if tens == 1 else CN[tens - 1]) + "十" if tens else "") + (CN[ones - 1] if ones else "")

    assert (natural(f"第{numeral(a)}组") < natural(f"第{numeral(b)}组")) == (a < b)


@given(st.text(min_size=1, max_size=20))
def test_value_slug_is_ascii_and_stable(text):
    slug = value_slug(text)
    assert slug.isascii() and len(slug) == 8 and slug == value_slug(text)
