"""Tests of services.money: amounts as Persian citizens write them, examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.formatting import format_number
from services.money import MAX_RIALS, AmountProblem, Money, Unit, parse_money
from services.normalize import to_ascii_digits, to_persian_digits

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("text", "rials"),
    [
        ("۳ میلیون تومان", 30_000_000),
        ("۳ میلیون", 30_000_000),  # a bare price is in tomans
        ("۲٫۵ میلیون تومان", 25_000_000),
        ("2.5 میلیون تومان", 25_000_000),
        ("۲/۵ میلیون تومان", 25_000_000),  # the slash of Persian handwriting
        ("۲٬۵ میلیون", 25_000_000),  # a thousands mark slipped in for the decimal one
        ("۳ میلیون و ۵۰۰ هزار تومان", 35_000_000),
        ("۱ و نیم میلیون تومان", 15_000_000),
        ("۱ میلیارد و ۲۰۰ میلیون ریال", 1_200_000_000),
        ("۵۰۰ هزار", 5_000_000),
        ("۲٬۵۰۰٬۰۰۰ ریال", 2_500_000),
        ("2,500,000 ریال", 2_500_000),
        ("٢،٥٠٠،٠٠٠ ريال", 2_500_000),  # Arabic comma, Arabic-Indic digits, Arabic yeh
        ("1.200.000 ریال", 1_200_000),
        ("1 200 000 ریال", 1_200_000),
        ("۱۲۰۰۰۰۰ ﷼", 1_200_000),
        ("۳۵۰ تومن", 3_500),
        ("3 million toman", 30_000_000),
        ("  ۴۰۰ هزار تومان.  ", 4_000_000),
        ("۳\u200cمیلیون\u200cتومان", 30_000_000),
    ],
)
def test_amounts_as_people_write_them(text: str, rials: int) -> None:
    result = parse_money(text)
    assert isinstance(result, Money), result
    assert result.rials == rials


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", AmountProblem.UNREADABLE),
        ("تومان", AmountProblem.UNREADABLE),
        ("سه میلیون", AmountProblem.UNREADABLE),
        ("۳ میلیون و ۵۰۰", AmountProblem.UNREADABLE),  # five hundred what?
        ("۵۰۰ هزار و ۳ میلیون", AmountProblem.UNREADABLE),  # scales must fall
        ("-۵۰۰ هزار", AmountProblem.UNREADABLE),
        ("۱۲٬۳۴ ریال٬۵", AmountProblem.UNREADABLE),
        ("۱,۲۳۴۵,۰۰۰", AmountProblem.UNREADABLE),
        ("۰", AmountProblem.NOT_POSITIVE),
        ("۰ ریال", AmountProblem.NOT_POSITIVE),
        ("۲۰۰ تومان ریال", AmountProblem.TWO_UNITS),
        ("۰٫۵ ریال", AmountProblem.FRACTION),
        ("۱۰۰۰۰۰۰ میلیارد تومان", AmountProblem.TOO_LARGE),
        ("1" + "0" * 30, AmountProblem.TOO_LARGE),
        ("9" * 5000 + " ریال", AmountProblem.TOO_LARGE),
    ],
)
def test_what_cannot_be_an_amount_says_why(text: str, problem: AmountProblem) -> None:
    assert parse_money(text) is problem


def test_the_unit_written_or_assumed_is_known() -> None:
    assert parse_money("۳ میلیون") == Money(30_000_000, Unit.TOMAN, unit_written=False)
    assert parse_money("۳ میلیون تومان") == Money(30_000_000, Unit.TOMAN, unit_written=True)
    assert parse_money("۳ میلیون ریال") == Money(3_000_000, Unit.RIAL, unit_written=True)
    assert parse_money("۳ میلیون", Unit.RIAL) == Money(3_000_000, Unit.RIAL, unit_written=False)


amounts = st.integers(min_value=1, max_value=MAX_RIALS // 10)
digits = st.sampled_from(["latin", "persian", "arabic"])


def _in(script: str, text: str) -> str:
    if script == "persian":
        return to_persian_digits(text)
    return text.translate(ARABIC_INDIC) if script == "arabic" else text


@given(amounts, st.sampled_from([",", "٬", "،", ".", " "]), digits)
def test_any_grouped_amount_in_rials_reads_back(amount: int, mark: str, script: str) -> None:
    grouped = f"{amount:,}".replace(",", mark)
    result = parse_money(_in(script, f"{grouped} ریال"))
    assert isinstance(result, Money) and result.rials == amount


@given(amounts)
def test_tomans_are_ten_rials(amount: int) -> None:
    shown = format_number(amount, "fa")
    tomans = parse_money(f"{shown} تومان")
    bare = parse_money(shown)
    assert isinstance(tomans, Money) and tomans.rials == amount * 10
    assert bare == Money(amount * 10, Unit.TOMAN, unit_written=False)


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("هزار", 10**3), ("میلیون", 10**6), ("میلیارد", 10**9)]),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(["٫", "/", "."]),
)
def test_a_scale_word_with_a_decimal_is_exact(
    whole: int, scale: tuple[str, int], tenth: int, point: str
) -> None:
    word, factor = scale
    result = parse_money(f"{whole}{point}{tenth} {word} تومان")
    assert isinstance(result, Money)
    assert result.rials == (whole * 10 + tenth) * factor


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_millions_and_thousands_add_up(millions: int, thousands: int) -> None:
    text = format_number(millions, "fa") + " میلیون و " + format_number(thousands, "fa")
    result = parse_money(text + " هزار تومان")
    assert isinstance(result, Money)
    assert result.rials == (millions * 10**6 + thousands * 10**3) * 10


@given(st.text(max_size=40))
def test_any_text_is_an_amount_or_a_reason(text: str) -> None:
    result = parse_money(text)
    if isinstance(result, Money):
        assert 1 <= result.rials <= MAX_RIALS
        assert any(char.isdigit() for char in to_ascii_digits(text))
    else:
        assert result in set(AmountProblem)
