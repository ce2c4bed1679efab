"""Tests of services.formatting: Jalali dates in Tehran time, numbers, codes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.formatting import (
    TEHRAN,
    format_code,
    format_date,
    format_date_numeric,
    format_datetime,
    format_number,
    format_weekday_date,
    localize_digits,
)
from services.normalize import parse_amount, parse_jalali_or_gregorian_date, to_ascii_digits
from services.tracking import TrackingCode, damm_check_digit

AZAR_2 = date(2026, 11, 23)  # 2 Azar 1405, a Monday
NOWRUZ_1405 = date(2026, 3, 21)  # 1 Farvardin 1405, a Saturday


def test_reference_dates_agree_with_jdatetime() -> None:
    assert jdatetime.date.fromgregorian(date=AZAR_2) == jdatetime.date(1405, 9, 2)
    assert jdatetime.date.fromgregorian(date=NOWRUZ_1405) == jdatetime.date(1405, 1, 1)


def test_format_date() -> None:
    assert format_date(AZAR_2, "fa") == "۲ آذر ۱۴۰۵"
    assert format_date(AZAR_2, "en") == "2 Azar 1405"
    assert format_date(NOWRUZ_1405, "fa") == "۱ فروردین ۱۴۰۵"
    assert format_date(NOWRUZ_1405, "en") == "1 Farvardin 1405"
    assert format_date(date(2026, 3, 20), "en") == "29 Esfand 1404"
    assert format_date(date(2025, 3, 20), "fa") == "۳۰ اسفند ۱۴۰۳"


@pytest.mark.parametrize(
    ("day", "month"),
    [
        (date(2026, 3, 21), "Farvardin"),
        (date(2026, 4, 21), "Ordibehesht"),
        (date(2026, 5, 22), "Khordad"),
        (date(2026, 6, 22), "Tir"),
        (date(2026, 7, 23), "Mordad"),
        (date(2026, 8, 23), "Shahrivar"),
        (date(2026, 9, 23), "Mehr"),
        (date(2026, 10, 23), "Aban"),
        (date(2026, 11, 22), "Azar"),
        (date(2026, 12, 22), "Dey"),
        (date(2027, 1, 21), "Bahman"),
        (date(2027, 2, 20), "Esfand"),
    ],
)
def test_format_date_month_names(day: date, month: str) -> None:
    assert format_date(day, "en") == f"1 {month} 1405"


def test_format_date_fa_month_names() -> None:
    months = [format_date(jdatetime.date(1405, m, 1).togregorian(), "fa") for m in range(1, 13)]
    assert [text.split(" ")[1] for text in months] == [
        "فروردین",
        "اردیبهشت",
        "خرداد",
        "تیر",
        "مرداد",
        "شهریور",
        "مهر",
        "آبان",
        "آذر",
        "دی",
        "بهمن",
        "اسفند",
    ]


def test_format_date_converts_datetimes_to_tehran() -> None:
    # 20:45 UTC is 00:15 the next day in Tehran (UTC+3:30).
    late = datetime(2026, 11, 23, 20, 45, tzinfo=UTC)
    assert format_date(late, "en") == "3 Azar 1405"
    assert format_date(datetime(2026, 11, 23, 20, 29, tzinfo=UTC), "en") == "2 Azar 1405"
    # 01:00 at UTC+5 is 23:30 the previous day in Tehran.
    early = datetime(2026, 11, 23, 1, 0, tzinfo=timezone(timedelta(hours=5)))
    assert format_date(early, "en") == "1 Azar 1405"


def test_naive_datetimes_are_refused() -> None:
    naive = datetime(2026, 11, 23, 12, 0)
    with pytest.raises(ValueError, match="naive"):
        format_date(naive, "fa")
    with pytest.raises(ValueError, match="naive"):
        format_datetime(naive, "en")
    with pytest.raises(ValueError, match="naive"):
        format_date_numeric(naive, "en")
    with pytest.raises(ValueError, match="naive"):
        format_weekday_date(naive, "en")


def test_format_datetime() -> None:
    value = datetime(2026, 11, 23, 14, 30, tzinfo=TEHRAN)
    assert format_datetime(value, "fa") == "۲ آذر ۱۴۰۵، ساعت ۱۴:۳۰"
    assert format_datetime(value, "en") == "2 Azar 1405, 14:30"
    assert (
        format_datetime(datetime(2026, 3, 21, 5, 5, tzinfo=UTC), "en") == "1 Farvardin 1405, 08:35"
    )
    assert (
        format_datetime(datetime(2026, 11, 23, 20, 45, tzinfo=UTC), "en") == "3 Azar 1405, 00:15"
    )


def test_format_date_numeric() -> None:
    assert format_date_numeric(AZAR_2, "fa") == "۱۴۰۵/۰۹/۰۲"
    assert format_date_numeric(AZAR_2, "en") == "1405/09/02"
    assert format_date_numeric(datetime(2026, 11, 23, 21, 0, tzinfo=UTC), "en") == "1405/09/03"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_format_date_numeric_parses_back(day: date) -> None:
    assert parse_jalali_or_gregorian_date(format_date_numeric(day, "fa")) == day
    assert parse_jalali_or_gregorian_date(format_date_numeric(day, "en")) == day


def test_format_weekday_date() -> None:
    assert format_weekday_date(AZAR_2, "fa") == "دوشنبه ۲ آذر ۱۴۰۵"
    assert format_weekday_date(AZAR_2, "en") == "Monday 2 Azar 1405"
    assert format_weekday_date(NOWRUZ_1405, "fa") == "شنبه ۱ فروردین ۱۴۰۵"
    assert format_weekday_date(NOWRUZ_1405, "en") == "Saturday 1 Farvardin 1405"
    assert format_weekday_date(date(2026, 3, 20), "fa") == "جمعه ۲۹ اسفند ۱۴۰۴"
    assert format_weekday_date(date(2026, 11, 24), "fa") == "سه\u200cشنبه ۳ آذر ۱۴۰۵"
    assert format_weekday_date(date(2026, 11, 26), "fa") == "پنج\u200cشنبه ۵ آذر ۱۴۰۵"
    # The weekday is the Tehran one: Friday 22:00 UTC is already Saturday in Tehran.
    friday_night = datetime(2026, 3, 20, 22, 0, tzinfo=UTC)
    assert format_weekday_date(friday_night, "en") == "Saturday 1 Farvardin 1405"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_format_weekday_matches_jdatetime(day: date) -> None:
    names = ["شنبه", "یکشنبه", "دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنج\u200cشنبه", "جمعه"]
    expected = names[jdatetime.date.fromgregorian(date=day).weekday()]
    assert format_weekday_date(day, "fa").split(" ")[0] == expected


def test_format_number() -> None:
    assert format_number(100_000, "fa") == "۱۰۰٬۰۰۰"
    assert format_number(100_000, "en") == "100,000"
    assert format_number(0, "fa") == "۰"
    assert format_number(999, "en") == "999"
    assert format_number(1_234_567_890, "fa") == "۱٬۲۳۴٬۵۶۷٬۸۹۰"
    assert format_number(-1500, "en") == "-1,500"


@given(st.integers(min_value=0, max_value=10**15))
def test_format_number_parses_back(n: int) -> None:
    assert parse_amount(format_number(n, "fa")) == n
    assert parse_amount(format_number(n, "en")) == n


def test_format_code() -> None:
    payload = "123456789"
    digits = payload + damm_check_digit(payload)
    code = TrackingCode(digits)
    assert format_code(code, "en") == digits[:5] + "-" + digits[5:]
    assert format_code(code, "fa") == "۱۲۳۴۵-۶۷۸۹" + localize_digits(digits[9], "fa")
    assert format_code(digits, "fa") == format_code(code, "fa")
    assert to_ascii_digits(format_code(code, "fa")) == code.display()


def test_format_code_refuses_invalid_strings() -> None:
    assert damm_check_digit("123456789") != "0"
    for text in ("1234567890", "12345", ""):
        with pytest.raises(ValueError, match="tracking code"):
            format_code(text, "fa")


def test_localize_digits() -> None:
    assert localize_digits("سفارش 123", "fa") == "سفارش ۱۲۳"
    assert localize_digits("order ۱۲۳ ٤", "en") == "order 123 4"
    assert localize_digits("x", "fa-IR") == "x"
    assert localize_digits("7", "en_US") == "7"


def test_unsupported_locales_are_refused() -> None:
    with pytest.raises(ValueError, match="locale"):
        format_date(AZAR_2, "de")
    with pytest.raises(ValueError, match="locale"):
        format_number(1, "")
