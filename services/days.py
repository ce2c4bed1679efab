"""A day as people write it: Jalali dates in their common forms, and words like «دیروز».

«۱۴۰۵/۸/۲۵», «۱۴۰۵-۰۸-۲۵», «۲۵/۸/۱۴۰۵», «۲۵ آبان ۱۴۰۵», «دوشنبه ۲۵ آبان»، «۲۵ آبان»,
«امروز», «دیروز», «پریروز», «۳ روز پیش», and a Gregorian «2026-11-16» are all read, in any
digits. Everything here is pure: the day it is today is given.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum

import jdatetime

from services.normalize import (
    ZWNJ,
    normalize_text,
    parse_jalali_or_gregorian_date,
    to_ascii_digits,
)

__all__ = ["DayProblem", "parse_day"]


class DayProblem(StrEnum):
    """Why a written day cannot be taken."""

    UNREADABLE = "unreadable"
    NO_SUCH_DAY = "no_such_day"
    FUTURE = "future"


# The Jalali months by their names, Persian and Latin, as people write them.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("فروردین", "farvardin"),
            ("اردیبهشت", "ordibehesht"),
            ("خرداد", "khordad"),
            ("تیر", "tir"),
            ("مرداد", "امرداد", "mordad"),
            ("شهریور", "shahrivar"),
            ("مهر", "mehr"),
            ("آبان", "aban"),
            ("آذر", "azar"),
            ("دی", "dey"),
            ("بهمن", "bahman"),
            ("اسفند", "esfand"),
        ),
        start=1,
    )
    for name in names
}
# Days before today, by the words for them; the words for days to come are read to be refused.
_RELATIVE = {
    "امروز": 0,
    "دیروز": 1,
    "پریروز": 2,
    "پسپریروز": 3,
    "today": 0,
    "yesterday": 1,
    "فردا": -1,
    "پسفردا": -2,
    "tomorrow": -1,
}
_WEEKDAYS = frozenset(
    {"شنبه", "یکشنبه", "دوشنبه", "سهشنبه", "چهارشنبه", "پنجشنبه", "جمعه"}
    | {"saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"}
)
_DAYS_AGO = re.compile(r"([0-9]{1,3}) ?(?:روز|day|days) ?(?:پیش|قبل|گذشته|ago)")
_DAY_FIRST = re.compile(r"([0-9]{1,2})\s*([/\-.])\s*([0-9]{1,2})\s*\2\s*([0-9]{4})")
_NAMED = re.compile(r"([0-9]{1,2})(?:ام|م|th)? ?([^\s0-9]+)(?: ?ماه)?(?: ?([0-9]{4}))?")
_TRIM = " .،,؛;:!؟?()«»\"'"
# A day and month without a year is last year's when this year's is still to come and last
# year's is this recent: an Esfand order told in Farvardin.
_RECENT = datetime.timedelta(days=183)


def _words(text: str) -> str:
    """The text for matching: ASCII digits, lower case, one space between words, the words
    people join with a half-space or a space (سه‌شنبه، پس فردا) written together."""
    text = to_ascii_digits(normalize_text(text)).casefold().replace(",", " ").replace("،", " ")
    text = " ".join(text.replace(ZWNJ, "").split()).strip(_TRIM)
    for joined in ("سه شنبه", "پنج شنبه", "یک شنبه", "پس فردا", "پس پریروز", "اردی بهشت"):
        text = text.replace(joined, joined.replace(" ", ""))
    first, _, rest = text.partition(" ")
    return rest if first in _WEEKDAYS and rest else text


def parse_day(text: str, today: datetime.date) -> datetime.date | DayProblem:
    """The day a person wrote, as a Gregorian date; or why it cannot be taken.

    Read: year/month/day or day/month/year with «/», «-» or «.» (a year below 1700 is Jalali,
    as in :func:`services.normalize.parse_jalali_or_gregorian_date`); a day, a Jalali month's
    name and perhaps a year, after a weekday or not; امروز، دیروز، پریروز and «N روز پیش».
    A day and month without a year are this year's, or last year's when this year's is still
    to come and last year's was less than half a year ago. A day after ``today`` is refused
    (FUTURE), as is a date the calendar does not have (NO_SUCH_DAY: 31 Mehr, 30 Esfand of a
    common year).
    """
    words = _words(text)
    if words in _RELATIVE:
        return _not_after(today - datetime.timedelta(days=_RELATIVE[words]), today)
    ago = _DAYS_AGO.fullmatch(words)
    if ago is not None:
        return today - datetime.timedelta(days=int(ago.group(1)))
    day = _numeric(words)
    if day is None:
        day = _named(words, today)
    if isinstance(day, DayProblem):
        return day
    return _not_after(day, today)


def _not_after(day: datetime.date, today: datetime.date) -> datetime.date | DayProblem:
    return DayProblem.FUTURE if day > today else day


def _numeric(words: str) -> datetime.date | DayProblem | None:
    """Year/month/day or day/month/year; None when the text is not written so."""
    compact = words.replace(" ", "")
    reversed_order = _DAY_FIRST.fullmatch(compact)
    if reversed_order is not None:
        day, separator, month, year = reversed_order.groups()
        compact = f"{year}{separator}{month}{separator}{day}"
    elif not re.fullmatch(r"[0-9]{4}([/\-.])[0-9]{1,2}\1[0-9]{1,2}", compact):
        return None
    found = parse_jalali_or_gregorian_date(compact)
    return DayProblem.NO_SUCH_DAY if found is None else found


def _named(words: str, today: datetime.date) -> datetime.date | DayProblem:
    """A day, a Jalali month by its name, perhaps a year."""
    match = _NAMED.fullmatch(words)
    if match is None or match.group(2) not in MONTHS:
        return DayProblem.UNREADABLE
    day, month = int(match.group(1)), MONTHS[match.group(2)]
    if match.group(3) is not None:
        return _jalali(int(match.group(3)), month, day)
    this_year = jdatetime.date.fromgregorian(date=today).year
    found = _jalali(this_year, month, day)
    if isinstance(found, datetime.date) and found <= today:
        return found
    earlier = _jalali(this_year - 1, month, day)
    if isinstance(earlier, datetime.date) and today - earlier < _RECENT:
        return earlier
    return found


def _jalali(year: int, month: int, day: int) -> datetime.date | DayProblem:
    try:
        gregorian: datetime.date = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return DayProblem.NO_SUCH_DAY
    return gregorian
