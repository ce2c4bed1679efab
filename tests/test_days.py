"""Tests of services.days: a day as people write it, examples and properties."""

from __future__ import annotations

import datetime

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.days import DayProblem, parse_day
from services.formatting import format_date, format_date_numeric, format_weekday_date
from services.normalize import to_ascii_digits

# Sunday 1 Azar 1405, the tests' day.
TODAY = datetime.date(2026, 11, 22)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("۱۴۰۵/۸/۲۵", datetime.date(2026, 11, 16)),
        ("۱۴۰۵/۰۸/۲۵", datetime.date(2026, 11, 16)),
        ("۱۴۰۵-۰۸-۲۵", datetime.date(2026, 11, 16)),
        ("1405.8.25", datetime.date(2026, 11, 16)),
        ("١٤٠٥/٨/٢٥", datetime.date(2026, 11, 16)),
        ("۲۵/۸/۱۴۰۵", datetime.date(2026, 11, 16)),  # day first
        ("۲۵ آبان ۱۴۰۵", datetime.date(2026, 11, 16)),
        ("۲۵ آبان ماه ۱۴۰۵", datetime.date(2026, 11, 16)),
        ("۲۵ام آبان", datetime.date(2026, 11, 16)),
        ("۲۵ آبان", datetime.date(2026, 11, 16)),  # this year
        ("دوشنبه ۲۵ آبان", datetime.date(2026, 11, 16)),
        ("سه\u200cشنبه، ۲۶ آبان ۱۴۰۵", datetime.date(2026, 11, 17)),
        ("۱۰ ارديبهشت", datetime.date(2026, 4, 30)),  # Arabic yeh
        ("۱۰ اردی بهشت", datetime.date(2026, 4, 30)),
        ("۵ امرداد ۱۴۰۵", datetime.date(2026, 7, 27)),
        ("25 Aban 1405", datetime.date(2026, 11, 16)),
        ("امروز", TODAY),
        ("دیروز", datetime.date(2026, 11, 21)),
        ("پریروز", datetime.date(2026, 11, 20)),
        ("دیروز.", datetime.date(2026, 11, 21)),
        ("۳ روز پیش", datetime.date(2026, 11, 19)),
        ("۱۰ روز قبل", datetime.date(2026, 11, 12)),
        ("2026-11-16", datetime.date(2026, 11, 16)),  # Gregorian
        ("۱ آذر", TODAY),  # today itself
    ],
)
def test_days_as_people_write_them(text: str, day: datetime.date) -> None:
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("فردا", DayProblem.FUTURE),
        ("پس‌فردا", DayProblem.FUTURE),
        ("۱۴۰۵/۰۹/۱۵", DayProblem.FUTURE),
        ("۲ آذر", DayProblem.FUTURE),  # this year's is to come, last year's long gone
        ("۲۵ آذر ۱۴۰۵", DayProblem.FUTURE),
        ("۳۱ مهر ۱۴۰۵", DayProblem.NO_SUCH_DAY),
        ("۱۴۰۵/۱۳/۰۱", DayProblem.NO_SUCH_DAY),
        ("۳۰ اسفند ۱۴۰۵", DayProblem.NO_SUCH_DAY),  # 1405 is a common year
        ("سلام", DayProblem.UNREADABLE),
        ("۲۵ فلان", DayProblem.UNREADABLE),
        ("هفته پیش", DayProblem.UNREADABLE),
        ("", DayProblem.UNREADABLE),
    ],
)
def test_what_cannot_be_an_order_day_says_why(text: str, problem: DayProblem) -> None:
    assert parse_day(text, TODAY) is problem


def test_an_esfand_day_told_in_farvardin_is_last_years() -> None:
    farvardin = jdatetime.date(1406, 1, 5).togregorian()
    assert parse_day("۲۸ اسفند", farvardin) == jdatetime.date(1405, 12, 28).togregorian()


days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=TODAY)


@given(days, st.sampled_from(["fa", "en"]))
def test_a_day_as_the_desk_writes_it_reads_back(day: datetime.date, locale: str) -> None:
    for written in (
        format_date(day, locale),
        format_date_numeric(day, locale),
        format_weekday_date(day, locale),
    ):
        assert parse_day(written, TODAY) == day, written


@given(days, st.sampled_from(["/", "-", "."]), st.booleans())
def test_a_numeric_jalali_day_in_any_digits_and_order_reads_back(
    day: datetime.date, mark: str, day_first: bool
) -> None:
    jalali = jdatetime.date.fromgregorian(date=day)
    parts = [str(jalali.year), str(jalali.month), str(jalali.day)]
    written = mark.join(reversed(parts) if day_first else parts)
    assert parse_day(written, TODAY) == day
    assert parse_day(written.translate(ARABIC_INDIC), TODAY) == day


@given(st.integers(min_value=0, max_value=999))
def test_days_ago_count_back_from_today(n: int) -> None:
    assert parse_day(f"{n} روز پیش", TODAY) == TODAY - datetime.timedelta(days=n)


@given(st.dates(min_value=TODAY + datetime.timedelta(days=1), max_value=datetime.date(2200, 1, 1)))
def test_no_day_after_today_is_taken(day: datetime.date) -> None:
    assert parse_day(format_date(day, "fa"), TODAY) is DayProblem.FUTURE
    assert parse_day(to_ascii_digits(format_date_numeric(day, "fa")), TODAY) is DayProblem.FUTURE


@given(st.text(max_size=30), days)
def test_any_text_is_a_past_day_or_a_reason(text: str, today: datetime.date) -> None:
    result = parse_day(text, today)
    assert isinstance(result, DayProblem) or result <= today
