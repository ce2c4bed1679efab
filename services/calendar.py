"""Working-day calendar for Iranian offices, in Asia/Tehran time.

Deadlines in the complaint workflow are counted in working days ("within 2 working days") or
in calendar days ("within 5 days"). A working day skips the office's weekend, Iran's official
holidays (solar and the moving lunar ones, taken from the `holidays` package) and closures an
admin adds; an admin may also force a day open.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays

__all__ = ["CLOSURE_NAME", "TEHRAN", "WorkingCalendar", "official_holidays", "parse_weekend"]

TEHRAN = ZoneInfo("Asia/Tehran")

CLOSURE_NAME = "closure"

DEFAULT_HOLIDAY_LANGUAGE = "en_US"

_DAY_NAMES: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
# Shorter prefixes are ambiguous ("t", "s"); three letters is the usual abbreviation.
_MIN_ABBREVIATION = 3

_ONE_DAY = timedelta(days=1)


@functools.lru_cache(maxsize=64)
def official_holidays(year: int, language: str = DEFAULT_HOLIDAY_LANGUAGE) -> Mapping[date, str]:
    """Iran's official holidays in Gregorian `year`, as a read-only date -> name mapping.

    Rule: the days and names are those of the `holidays` package for country "IR" (Nowruz,
    national days and the lunar Hijri holidays). Several holidays on one day are joined with
    "; ". Cached per (year, language) because calendars query it in hot loops.
    """
    table = holidays.country_holidays("IR", years=year, language=language)
    # A plain copy: a HolidayBase grows itself when asked about another year, which would make
    # the cached value mutable shared state.
    return MappingProxyType({day: str(name) for day, name in table.items()})


def parse_weekend(value: str) -> frozenset[int]:
    """Parse a comma-separated list of English day names into Python weekday numbers.

    Rule: each item is a full day name or a prefix of at least three letters ("thu", "thurs",
    "Friday"), case-insensitive, surrounding spaces ignored; Monday is 0 and Sunday 6. Empty
    items are skipped, so "" means no weekend. An unknown name raises ValueError.
    """
    days: set[int] = set()
    for raw in value.split(","):
        token = raw.strip().lower()
        if not token:
            continue
        matches = [
            number
            for number, name in enumerate(_DAY_NAMES)
            if len(token) >= _MIN_ABBREVIATION and name.startswith(token)
        ]
        if len(matches) != 1:
            raise ValueError(f"unknown day name: {raw.strip()!r}")
        days.add(matches[0])
    return frozenset(days)


def _require_aware(value: datetime, argument: str) -> datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"{argument} must be a timezone-aware datetime, got {value!r}")
    return value.astimezone(TEHRAN)


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days and hours an office works, and the deadlines that follow from them.

    All datetimes taken must be timezone-aware (a naive one raises ValueError); they are
    converted to Asia/Tehran and every rule applies to the Tehran local date and time. All
    datetimes returned are aware and in TEHRAN.
    """

    weekend: frozenset[int] = frozenset({3, 4})
    office_open: time = time(8, 0)
    office_close: time = time(16, 0)
    closures: frozenset[date] = frozenset()
    openings: frozenset[date] = frozenset()
    holiday_language: str = field(default=DEFAULT_HOLIDAY_LANGUAGE, compare=False)

    def __post_init__(self) -> None:
        # Callers may pass plain sets; frozensets keep the calendar hashable.
        object.__setattr__(self, "weekend", frozenset(self.weekend))
        object.__setattr__(self, "closures", frozenset(self.closures))
        object.__setattr__(self, "openings", frozenset(self.openings))
        if not all(isinstance(day, int) and 0 <= day <= 6 for day in self.weekend):
            raise ValueError(f"weekend days must be weekday numbers 0-6, got {self.weekend}")
        if len(self.weekend) == len(_DAY_NAMES):
            raise ValueError("a weekend of all seven days leaves no working day")
        if self.office_open.tzinfo is not None or self.office_close.tzinfo is not None:
            raise ValueError("office hours are Tehran wall-clock times and take no tzinfo")
        if self.office_open >= self.office_close:
            raise ValueError(
                f"office_open {self.office_open} must be before office_close {self.office_close}"
            )

    def is_working_day(self, day: date) -> bool:
        """Whether the office works on `day`.

        Rule: a day in `openings` is a working day; otherwise a day is a working day unless it
        is in `weekend`, is an official Iranian holiday, or is in `closures`.
        """
        if day in self.openings:
            return True
        return (
            day.weekday() not in self.weekend
            and day not in official_holidays(day.year, self.holiday_language)
            and day not in self.closures
        )

    def holiday_name(self, day: date) -> str | None:
        """The name of the holiday on `day`, or None.

        Rule: the official holiday's name from the `holidays` package (in `holiday_language`);
        for an admin closure that is not an official holiday, "closure"; None otherwise,
        including plain weekend days. A day in `openings` keeps its name: it is still the
        holiday, the office merely works on it.
        """
        name = official_holidays(day.year, self.holiday_language).get(day)
        if name is not None:
            return name
        if day in self.closures:
            return CLOSURE_NAME
        return None

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        candidate = day + _ONE_DAY
        while not self.is_working_day(candidate):
            candidate += _ONE_DAY
        return candidate

    def is_office_hours(self, instant: datetime) -> bool:
        """Whether `instant` is within office hours.

        Rule: the Tehran date is a working day and office_open <= Tehran time < office_close.
        """
        local = _require_aware(instant, "instant")
        return self.is_working_day(local.date()) and (
            self.office_open <= local.time() < self.office_close
        )

    def clock_start(self, received: datetime) -> datetime:
        """When a deadline's clock starts for something received at `received`.

        Rule: within office hours it is `received` itself; before opening on a working day it
        is that day's opening time; otherwise (after closing, on a weekend, holiday or
        closure) it is the opening time of the next working day.
        """
        local = _require_aware(received, "received")
        today = local.date()
        if self.is_working_day(today):
            if local.time() < self.office_open:
                return self._at(today, self.office_open)
            if local.time() < self.office_close:
                return local
        return self._at(self.next_working_day(today), self.office_open)

    def add_working_days(self, start: datetime, n: int) -> datetime:
        """The deadline for "within `n` working days of `start`".

        Rule: office closing time on the n-th working day after the day of
        clock_start(start); that day itself is not counted, so n=0 gives the closing time of
        the clock-start day. A negative n raises ValueError.
        """
        if n < 0:
            raise ValueError(f"n must not be negative, got {n}")
        day = self.clock_start(start).date()
        for _ in range(n):
            day = self.next_working_day(day)
        return self._at(day, self.office_close)

    def add_calendar_days(self, start: datetime, n: int) -> datetime:
        """The deadline for "within `n` days of `start`".

        Rule: office closing time on the Tehran date of `start` plus n days; when that date is
        not a working day the period runs to the closing time of the next working day.
        A negative n raises ValueError.
        """
        if n < 0:
            raise ValueError(f"n must not be negative, got {n}")
        day = _require_aware(start, "start").date() + timedelta(days=n)
        if not self.is_working_day(day):
            day = self.next_working_day(day)
        return self._at(day, self.office_close)

    def working_days_between(self, a: datetime, b: datetime) -> int:
        """The number of working days d with a's Tehran date < d <= b's Tehran date.

        Rule: when b's date is before a's the count is taken from b to a and negated, so
        working_days_between(a, b) == -working_days_between(b, a).
        """
        first = _require_aware(a, "a").date()
        last = _require_aware(b, "b").date()
        if last < first:
            return -self._count_working_days(last, first)
        return self._count_working_days(first, last)

    def with_closures(self, closures: Iterable[date]) -> WorkingCalendar:
        """A copy of this calendar with `closures` added to its existing closures."""
        return replace(self, closures=self.closures | frozenset(closures))

    def _count_working_days(self, after: date, until: date) -> int:
        count = 0
        day = after + _ONE_DAY
        while day <= until:
            if self.is_working_day(day):
                count += 1
            day += _ONE_DAY
        return count

    @staticmethod
    def _at(day: date, clock: time) -> datetime:
        return datetime.combine(day, clock, tzinfo=TEHRAN)


def tehran_today(instant: datetime) -> date:
    """The date in Tehran at an instant."""
    return _require_aware(instant, "instant").astimezone(TEHRAN).date()
