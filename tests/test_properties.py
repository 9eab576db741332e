"""Property tests (hypothesis) for the amount parser, the date parser, the masking functions and
the links between generated pages."""

from __future__ import annotations

import posixpath
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.kinds import MASK, Day, Invalid, Personal, mask, parse_amount
from generator.markdown_text import relative
from generator.personal_data import find_personal_numbers, is_id_number, luhn_ok

FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
settings.register_profile("no-deadline", deadline=None)  # the CI machine is shared: no per-example time limit
settings.load_profile("no-deadline")
cents = st.integers(min_value=0, max_value=10**13).map(lambda n: Decimal(n).scaleb(-2))


@given(cents, st.sampled_from(["{:f}", "{:,.2f}", "￥{:,.2f}", "{:,.2f}元", "¥{:f}", "人民币{:,.2f}元"]), st.booleans())
def test_amounts_written_any_usual_way_read_back_exactly(value, pattern, full_width):
    text = pattern.format(value)
    if full_width:
        text = text.translate(FULL_WIDTH)
    parsed = parse_amount(text)
    assert parsed == value and parsed.as_tuple().exponent == -2


@given(st.integers(min_value=0, max_value=10**11))
def test_amounts_in_wan_are_exact(fen):
    wan = Decimal(fen).scaleb(-6)  # up to six decimals of 万 is exact to the fen
    assert parse_amount(f"{wan:f}万") == Decimal(fen).scaleb(-2)
    assert parse_amount(f"{wan:f}万元") == Decimal(fen).scaleb(-2)


@given(st.text(alphabet="0123456789,.-万元￥ ()eE壹", max_size=14))
def test_any_text_is_an_exact_amount_or_refused(text):
    try:
        value = parse_amount(text)
    except Invalid as error:
        assert error.summary and error.hint
        return
    assert isinstance(value, Decimal) and value.as_tuple().exponent == -2
    assert parse_amount(f"{value:f}") == value  # what was read is what is printed and read again


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=3, max_value=6))
def test_more_than_two_decimals_is_refused_not_rounded(whole, decimals):
    text = f"{whole}." + "1" * decimals
    with pytest.raises(Invalid) as refused:
        parse_amount(text)
    assert refused.value.summary == "金额超过两位小数"


@given(
    st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(
        [
            "{d:%Y-%m-%d}",
            "{d.year}-{d.month}-{d.day}",
            "{d.year}/{d.month}/{d.day}",
            "{d.year}.{d.month}.{d.day}",
            "{d.year}年{d.month}月{d.day}日",
            "{d:%Y/%m/%d}",
        ]
    ),
    st.booleans(),
)
def test_dates_written_any_usual_way_read_back(day, pattern, full_width):
    text = pattern.format(d=day)
    if full_width:
        text = text.translate(str.maketrans("0123456789-/.", "０１２３４５６７８９－／．"))
    assert Day().parse(text) == day


@given(st.integers(min_value=10000, max_value=99999))
def test_a_five_digit_serial_is_never_taken_for_a_date(serial):
    with pytest.raises(Invalid) as refused:
        Day().parse(str(serial))
    assert refused.value.summary == "这是 Excel 的日期序号，不是日期"


@given(st.text(min_size=1, max_size=30), st.integers(0, 6), st.integers(0, 4))
def test_mask_keeps_length_and_at_most_the_allowed_ends(value, first, last):
    masked = mask(value, first, last)
    assert len(masked) == len(value)
    assert MASK in masked
    shown = [i for i, (a, b) in enumerate(zip(value, masked, strict=False)) if b != MASK]
    assert len(shown) <= first + last
    assert all(masked[i] == value[i] for i in shown)


W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@st.composite
def id_numbers(draw) -> str:
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)))
    body = f"{draw(st.integers(110000, 659999))}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, W, strict=False)) % 11]


@st.composite
def bank_accounts(draw) -> str:
    body = draw(st.text(alphabet="0123456789", min_size=15, max_size=18))
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


phones = st.integers(3, 9).flatmap(lambda second: st.integers(0, 999_999_999).map(lambda rest: f"1{second}{rest:09d}"))


@pytest.mark.parametrize(
    "rule, numbers, first, last",
    [("id_number", id_numbers(), 6, 4), ("phone", phones, 3, 4), ("bank_account", bank_accounts(), 6, 4)],
)
@given(data=st.data())
def test_masked_personal_numbers_are_no_longer_personal_numbers(data, rule, numbers, first, last):
    number = data.draw(numbers)
    kind = Personal(rule)
    assert kind.parse(number) == number  # a valid number is accepted as it is written ...
    masked = mask(kind.parse(number), first, last)
    assert find_personal_numbers(masked) == []  # ... and once masked it is no longer one
    assert masked[:first] == number[:first] and masked[-last:] == number[-last:]
    assert masked.count(MASK) == len(number) - first - last


@given(id_numbers())
def test_generated_id_numbers_are_valid(number):
    assert is_id_number(number)


@given(st.text(alphabet="张王李赵刘陈欧阳司马诸葛", min_size=1, max_size=4))
def test_masked_names_keep_the_first_and_last_character_at_most(name):
    masked = mask(Personal("name").parse(name), 1, 1)
    if len(name) >= 3:
        assert masked == name[0] + MASK * (len(name) - 2) + name[-1]  # 张*明, 欧**葛
    elif len(name) == 2:
        assert masked == name[0] + MASK  # 张*
    else:
        assert masked == MASK  # a one-character name is masked whole


_URIS = st.lists(st.sampled_from(["a", "b", "c.md", "x y", "..", ".", ""]), min_size=1, max_size=5).map("/".join)


@given(_URIS, _URIS.filter(bool))  # relpath refuses an empty path
def test_a_link_between_two_pages_is_what_posixpath_relpath_gives(from_uri, to_uri):
    """`markdown_text.relative` compares plain site paths part by part, and leaves the others
    (absolute, with `.`, `..` or an empty part) to `posixpath.relpath`."""
    assert relative(from_uri, to_uri) == posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
