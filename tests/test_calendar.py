"""Tests for services.calendar.

Expected dates are worked out by hand from the Iranian holidays that the `holidays` package
lists (checked against its data); they are written as literals on purpose.
Weekdays used below: 2026-05-02 is a Saturday; 2026-03-21 (Nowruz 1405) a Saturday;
2027-03-21 (Nowruz 1406) a Sunday.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest

from services.calendar import TEHRAN, WorkingCalendar, official_holidays, parse_weekend

CAL = WorkingCalendar()
FRIDAY_ONLY = WorkingCalendar(weekend=frozenset({4}))


def tehran(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TEHRAN)


# --- the holiday data the expectations below rely on ------------------------------------------


def test_package_holidays_used_by_these_tests() -> None:
    h2026 = official_holidays(2026)
    h2027 = official_holidays(2027)
    # Nowruz 1405: 29 Esfand (oil nationalisation day) and 1-4 Farvardin.
    for day in range(20, 25):
        assert date(2026, 3, day) in h2026
    assert date(2026, 3, 25) not in h2026
    assert date(2026, 3, 28) not in h2026
    # Nowruz 1406.
    for day in range(20, 25):
        assert date(2027, 3, day) in h2027
    assert date(2027, 3, 27) not in h2027
    assert date(2027, 3, 28) not in h2027
    # 12 and 13 Farvardin 1406.
    assert date(2027, 4, 1) in h2027
    assert date(2027, 4, 2) in h2027
    # Tasua and Ashura 1448 AH, Eid al-Adha 1447 AH.
    assert h2026[date(2026, 6, 24)] == "Tasua"
    assert h2026[date(2026, 6, 25)] == "Ashura"
    assert h2026[date(2026, 5, 27)] == "Eid al-Adha"
    # The ordinary weeks used below hold no holiday.
    for day in range(2, 14):
        assert date(2026, 5, day) not in h2026


def test_official_holidays_is_read_only() -> None:
    table = official_holidays(2026)
    with pytest.raises(TypeError):
        table[date(2026, 5, 2)] = "x"  # type: ignore[index]


# --- working days -----------------------------------------------------------------------------


def test_is_working_day_weekend_holiday_and_ordinary() -> None:
    assert CAL.is_working_day(date(2026, 5, 2))  # Saturday
    assert not CAL.is_working_day(date(2026, 5, 7))  # Thursday
    assert not CAL.is_working_day(date(2026, 5, 8))  # Friday
    assert not CAL.is_working_day(date(2026, 6, 24))  # Tasua, a Wednesday
    assert FRIDAY_ONLY.is_working_day(date(2026, 5, 7))  # Thursday
    assert not FRIDAY_ONLY.is_working_day(date(2026, 5, 8))


def test_next_working_day_is_strictly_after_and_crosses_the_year() -> None:
    assert CAL.next_working_day(date(2026, 5, 2)) == date(2026, 5, 3)
    assert CAL.next_working_day(date(2026, 5, 6)) == date(2026, 5, 9)
    # Wed 2026-12-30 -> Thu 31, Fri 2027-01-01 weekend -> Sat 2027-01-02.
    assert CAL.next_working_day(date(2026, 12, 30)) == date(2027, 1, 2)


def test_holiday_name() -> None:
    name = CAL.holiday_name(date(2026, 3, 21))
    assert name is not None
    assert "Nowruz" in name
    assert CAL.holiday_name(date(2026, 6, 25)) == "Ashura"
    assert CAL.holiday_name(date(2026, 5, 8)) is None  # a plain Friday
    assert CAL.holiday_name(date(2026, 5, 4)) is None
    closed = CAL.with_closures([date(2026, 5, 4), date(2026, 6, 25)])
    assert closed.holiday_name(date(2026, 5, 4)) == "closure"
    assert closed.holiday_name(date(2026, 6, 25)) == "Ashura"


def test_holiday_name_in_persian() -> None:
    persian = WorkingCalendar(holiday_language="fa_IR")
    name = persian.holiday_name(date(2026, 3, 21))
    assert name is not None
    assert "نوروز" in name
    assert persian == CAL


# --- clock start ------------------------------------------------------------------------------


def test_clock_start_before_opening_is_that_days_opening() -> None:
    assert CAL.clock_start(tehran(2026, 5, 2, 7, 15)) == tehran(2026, 5, 2, 8, 0)


def test_clock_start_during_office_hours_is_the_receipt_itself() -> None:
    received = tehran(2026, 5, 2, 12, 34)
    assert CAL.clock_start(received) == received
    assert CAL.clock_start(tehran(2026, 5, 2, 8, 0)) == tehran(2026, 5, 2, 8, 0)


def test_clock_start_after_closing_is_next_working_days_opening() -> None:
    assert CAL.clock_start(tehran(2026, 5, 2, 16, 0)) == tehran(2026, 5, 3, 8, 0)
    assert CAL.clock_start(tehran(2026, 5, 2, 23, 59)) == tehran(2026, 5, 3, 8, 0)
    # Wednesday evening: Thursday and Friday are the weekend.
    assert CAL.clock_start(tehran(2026, 5, 6, 17, 0)) == tehran(2026, 5, 9, 8, 0)


def test_clock_start_on_weekend_and_holiday() -> None:
    assert CAL.clock_start(tehran(2026, 5, 8, 10, 0)) == tehran(2026, 5, 9, 8, 0)  # Friday
    # Tasua (Wed 24 June), Ashura (Thu 25), Friday 26 -> Saturday 27 June 2026.
    assert CAL.clock_start(tehran(2026, 6, 24, 10, 0)) == tehran(2026, 6, 27, 8, 0)
    # Before opening on a holiday is still the next working day.
    assert CAL.clock_start(tehran(2026, 6, 24, 6, 0)) == tehran(2026, 6, 27, 8, 0)


def test_clock_start_converts_to_tehran() -> None:
    # 05:00 UTC is 08:30 in Tehran (UTC+03:30, no daylight saving since 2022).
    received = datetime(2026, 5, 2, 5, 0, tzinfo=UTC)
    start = CAL.clock_start(received)
    assert start == tehran(2026, 5, 2, 8, 30)
    assert start.tzinfo is TEHRAN
    assert start.utcoffset() == timedelta(hours=3, minutes=30)
    # 20:00 UTC Saturday is 23:30 Saturday in Tehran: after closing.
    assert CAL.clock_start(datetime(2026, 5, 2, 20, 0, tzinfo=UTC)) == tehran(2026, 5, 3, 8, 0)


def test_is_office_hours() -> None:
    assert CAL.is_office_hours(tehran(2026, 5, 2, 8, 0))
    assert CAL.is_office_hours(tehran(2026, 5, 2, 15, 59))
    assert not CAL.is_office_hours(tehran(2026, 5, 2, 7, 59))
    assert not CAL.is_office_hours(tehran(2026, 5, 2, 16, 0))
    assert not CAL.is_office_hours(tehran(2026, 5, 8, 10, 0))  # Friday
    assert not CAL.is_office_hours(tehran(2026, 6, 24, 10, 0))  # Tasua
    assert CAL.is_office_hours(datetime(2026, 5, 2, 6, 0, tzinfo=UTC))  # 09:30 Tehran


# --- working-day deadlines --------------------------------------------------------------------


def test_saturday_in_office_hours_two_working_days() -> None:
    assert CAL.add_working_days(tehran(2026, 5, 2, 10, 0), 2) == tehran(2026, 5, 4, 16, 0)


def test_saturday_after_hours_two_working_days() -> None:
    # Clock starts Sunday 08:00; Monday and Tuesday are counted.
    assert CAL.add_working_days(tehran(2026, 5, 2, 20, 0), 2) == tehran(2026, 5, 5, 16, 0)


def test_sunday_in_office_hours_three_working_days() -> None:
    assert CAL.add_working_days(tehran(2026, 5, 3, 11, 0), 3) == tehran(2026, 5, 6, 16, 0)


def test_sunday_after_hours_three_working_days_crosses_weekend() -> None:
    # Clock starts Monday; Tuesday, Wednesday, (Thu/Fri weekend), Saturday.
    assert CAL.add_working_days(tehran(2026, 5, 3, 17, 0), 3) == tehran(2026, 5, 9, 16, 0)


def test_zero_working_days_is_closing_of_clock_start_day() -> None:
    assert CAL.add_working_days(tehran(2026, 5, 2, 10, 0), 0) == tehran(2026, 5, 2, 16, 0)
    assert CAL.add_working_days(tehran(2026, 5, 6, 20, 0), 0) == tehran(2026, 5, 9, 16, 0)


def test_negative_working_days_rejected() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(tehran(2026, 5, 2, 10, 0), -1)


def test_wednesday_afternoon_before_weekend() -> None:
    # In office hours: Saturday and Sunday are counted.
    assert CAL.add_working_days(tehran(2026, 5, 6, 15, 30), 2) == tehran(2026, 5, 10, 16, 0)
    # After closing: clock starts Saturday; Sunday and Monday are counted.
    assert CAL.add_working_days(tehran(2026, 5, 6, 16, 30), 2) == tehran(2026, 5, 11, 16, 0)


def test_friday_only_weekend_counts_thursday() -> None:
    assert FRIDAY_ONLY.add_working_days(tehran(2026, 5, 6, 15, 30), 2) == tehran(2026, 5, 9, 16, 0)


def test_two_working_days_jump_over_nowruz_1406() -> None:
    # Wed 2027-03-17; Thu 18, Fri 19 weekend; Sat 20 (29 Esfand) to Wed 24 (4 Farvardin)
    # holidays; Thu 25, Fri 26 weekend; Saturday 27 and Sunday 28 are counted.
    assert CAL.add_working_days(tehran(2027, 3, 17, 10, 0), 2) == tehran(2027, 3, 28, 16, 0)
    # With only Friday off, Thursdays 18 and 25 are the two working days.
    assert FRIDAY_ONLY.add_working_days(tehran(2027, 3, 17, 10, 0), 2) == tehran(
        2027, 3, 25, 16, 0
    )


def test_two_working_days_jump_over_nowruz_1405() -> None:
    # Wed 2026-03-18; Thu 19, Fri 20 (also 29 Esfand); Sat 21 to Tue 24 holidays;
    # Wednesday 25 counted; Thu 26, Fri 27 weekend; Saturday 28 counted.
    assert CAL.add_working_days(tehran(2026, 3, 18, 10, 0), 2) == tehran(2026, 3, 28, 16, 0)


def test_two_working_days_before_tasua_and_ashura() -> None:
    # Tue 2026-06-23; Tasua Wed 24, Ashura Thu 25, Fri 26; Saturday 27 and Sunday 28.
    assert CAL.add_working_days(tehran(2026, 6, 23, 10, 0), 2) == tehran(2026, 6, 28, 16, 0)


def test_one_working_day_before_eid_al_adha() -> None:
    # Tue 2026-05-26; Eid al-Adha Wed 27; Thu 28, Fri 29 weekend; Saturday 30.
    assert CAL.add_working_days(tehran(2026, 5, 26, 10, 0), 1) == tehran(2026, 5, 30, 16, 0)


def test_admin_closure_pushes_the_deadline() -> None:
    closed = CAL.with_closures([date(2026, 5, 4)])
    assert not closed.is_working_day(date(2026, 5, 4))
    assert closed.add_working_days(tehran(2026, 5, 2, 10, 0), 2) == tehran(2026, 5, 5, 16, 0)
    # The original calendar is unchanged.
    assert CAL.add_working_days(tehran(2026, 5, 2, 10, 0), 2) == tehran(2026, 5, 4, 16, 0)


def test_with_closures_adds_to_existing_closures() -> None:
    once = CAL.with_closures([date(2026, 5, 4)])
    twice = once.with_closures({date(2026, 5, 5)})
    assert twice.closures == frozenset({date(2026, 5, 4), date(2026, 5, 5)})
    assert twice.weekend == CAL.weekend
    assert hash(twice) == hash(WorkingCalendar(closures=twice.closures))


def test_opening_overrides_weekend() -> None:
    cal = WorkingCalendar(openings=frozenset({date(2026, 5, 7)}))  # a Thursday
    assert cal.is_working_day(date(2026, 5, 7))
    assert cal.add_working_days(tehran(2026, 5, 6, 15, 30), 2) == tehran(2026, 5, 9, 16, 0)
    assert cal.clock_start(tehran(2026, 5, 7, 9, 0)) == tehran(2026, 5, 7, 9, 0)


def test_opening_overrides_holiday_and_closure() -> None:
    cal = WorkingCalendar(
        closures=frozenset({date(2026, 5, 4)}),
        openings=frozenset({date(2026, 6, 24), date(2026, 5, 4)}),
    )
    assert cal.is_working_day(date(2026, 6, 24))  # Tasua
    assert cal.is_working_day(date(2026, 5, 4))
    assert cal.add_working_days(tehran(2026, 6, 23, 10, 0), 1) == tehran(2026, 6, 24, 16, 0)
    # The holiday keeps its name even when the office works.
    assert cal.holiday_name(date(2026, 6, 24)) == "Tasua"


# --- calendar-day deadlines -------------------------------------------------------------------


def test_calendar_days_ending_on_working_day() -> None:
    assert CAL.add_calendar_days(tehran(2026, 5, 2, 10, 0), 4) == tehran(2026, 5, 6, 16, 0)
    assert CAL.add_calendar_days(tehran(2026, 5, 2, 10, 0), 0) == tehran(2026, 5, 2, 16, 0)


def test_calendar_days_ending_on_friday_extend_to_next_working_day() -> None:
    # Sat 2026-05-02 + 6 days = Friday 8 May -> Saturday 9 May.
    assert CAL.add_calendar_days(tehran(2026, 5, 2, 10, 0), 6) == tehran(2026, 5, 9, 16, 0)
    # Received on a Friday: the count still starts from its date (+ 5 = Wednesday 13 May).
    assert CAL.add_calendar_days(tehran(2026, 5, 8, 10, 0), 5) == tehran(2026, 5, 13, 16, 0)


def test_calendar_days_ending_on_holiday_extend_to_next_working_day() -> None:
    # Fri 2026-05-22 + 5 = Eid al-Adha Wed 27 May; Thu 28, Fri 29 weekend -> Saturday 30 May.
    assert CAL.add_calendar_days(tehran(2026, 5, 22, 10, 0), 5) == tehran(2026, 5, 30, 16, 0)
    # Two weeks from Wed 2027-03-10 is Wed 24 March, 4 Farvardin -> Saturday 27 March.
    assert CAL.add_calendar_days(tehran(2027, 3, 10, 10, 0), 14) == tehran(2027, 3, 27, 16, 0)


def test_calendar_days_ending_on_closure_extend() -> None:
    closed = CAL.with_closures([date(2026, 5, 6)])
    assert closed.add_calendar_days(tehran(2026, 5, 2, 10, 0), 4) == tehran(2026, 5, 9, 16, 0)


def test_calendar_days_use_the_tehran_date() -> None:
    # 21:00 UTC on Saturday 2 May is 00:30 on Sunday 3 May in Tehran; + 1 = Monday 4 May.
    start = datetime(2026, 5, 2, 21, 0, tzinfo=UTC)
    assert CAL.add_calendar_days(start, 1) == tehran(2026, 5, 4, 16, 0)


def test_negative_calendar_days_rejected() -> None:
    with pytest.raises(ValueError):
        CAL.add_calendar_days(tehran(2026, 5, 2, 10, 0), -3)


# --- working days between ---------------------------------------------------------------------


def test_working_days_between_across_weekend() -> None:
    # (Wed 6 May, Sat 9 May]: Thu, Fri weekend; Saturday counts.
    assert CAL.working_days_between(tehran(2026, 5, 6, 10, 0), tehran(2026, 5, 9, 9, 0)) == 1
    assert CAL.working_days_between(tehran(2026, 5, 9, 9, 0), tehran(2026, 5, 6, 10, 0)) == -1
    # (Sat 2 May, Sat 9 May]: Sun, Mon, Tue, Wed, Sat.
    assert CAL.working_days_between(tehran(2026, 5, 2, 10, 0), tehran(2026, 5, 9, 10, 0)) == 5
    assert CAL.working_days_between(tehran(2026, 5, 9, 10, 0), tehran(2026, 5, 2, 10, 0)) == -5


def test_working_days_between_same_date_is_zero() -> None:
    assert CAL.working_days_between(tehran(2026, 5, 2, 8, 0), tehran(2026, 5, 2, 15, 0)) == 0
    assert CAL.working_days_between(tehran(2026, 5, 2, 15, 0), tehran(2026, 5, 2, 8, 0)) == 0


def test_working_days_between_across_nowruz() -> None:
    # (Wed 2027-03-17, Sun 28 March]: only Saturday 27 and Sunday 28 are working days.
    a = tehran(2027, 3, 17, 10, 0)
    b = tehran(2027, 3, 28, 10, 0)
    assert CAL.working_days_between(a, b) == 2
    assert CAL.working_days_between(b, a) == -2


def test_working_days_between_uses_tehran_dates() -> None:
    # 21:00 UTC Saturday is Sunday 00:30 in Tehran: (Sun 3 May, Mon 4 May] holds one day.
    a = datetime(2026, 5, 2, 21, 0, tzinfo=UTC)
    assert CAL.working_days_between(a, tehran(2026, 5, 4, 9, 0)) == 1


# --- naive datetimes and configuration errors -------------------------------------------------

NAIVE = datetime(2026, 5, 2, 10, 0)

NAIVE_CALLS: list[Callable[[], object]] = [
    lambda: CAL.is_office_hours(NAIVE),
    lambda: CAL.clock_start(NAIVE),
    lambda: CAL.add_working_days(NAIVE, 2),
    lambda: CAL.add_calendar_days(NAIVE, 5),
    lambda: CAL.working_days_between(NAIVE, tehran(2026, 5, 9)),
    lambda: CAL.working_days_between(tehran(2026, 5, 9), NAIVE),
]


@pytest.mark.parametrize("call", NAIVE_CALLS)
def test_naive_datetimes_rejected(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        call()


def test_invalid_configuration_rejected() -> None:
    with pytest.raises(ValueError):
        WorkingCalendar(weekend=frozenset(range(7)))
    with pytest.raises(ValueError):
        WorkingCalendar(weekend=frozenset({7}))
    with pytest.raises(ValueError):
        WorkingCalendar(office_open=time(16, 0), office_close=time(8, 0))
    with pytest.raises(ValueError):
        WorkingCalendar(office_open=time(8, 0, tzinfo=UTC))


def test_calendar_is_hashable() -> None:
    cal = WorkingCalendar(closures={date(2026, 5, 4)})  # type: ignore[arg-type]
    assert isinstance(cal.closures, frozenset)
    assert {cal, WorkingCalendar(closures=frozenset({date(2026, 5, 4)}))} == {cal}


# --- parse_weekend ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("thu,fri", frozenset({3, 4})),
        ("Friday", frozenset({4})),
        (" Thu , FRI ", frozenset({3, 4})),
        ("thurs,friday", frozenset({3, 4})),
        ("sat,sun", frozenset({5, 6})),
        ("fri,fri", frozenset({4})),
        ("", frozenset()),
    ],
)
def test_parse_weekend(value: str, expected: frozenset[int]) -> None:
    assert parse_weekend(value) == expected


@pytest.mark.parametrize("value", ["funday", "thu,xyz", "t", "fr", "friday2"])
def test_parse_weekend_rejects_unknown_names(value: str) -> None:
    with pytest.raises(ValueError, match="unknown day name"):
        parse_weekend(value)
