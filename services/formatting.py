"""Dates, numbers and codes as citizens read them.

Dates are always in the Jalali (Solar Hijri) calendar and times in Asia/Tehran. Two locales
exist: ``"fa"`` (Persian digits and month names) and ``"en"`` (Latin digits, transliterated
month names). A locale tag such as ``"fa-IR"`` counts as its language; any other language is
a programming error (ValueError): choosing a supported locale is the i18n layer's job.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

import jdatetime

from services.normalize import to_ascii_digits, to_persian_digits
from services.tracking import TrackingCode, parse_code

__all__ = [
    "TEHRAN",
    "format_code",
    "format_date",
    "format_date_numeric",
    "format_datetime",
    "format_number",
    "format_phone",
    "format_weekday_date",
    "localize_digits",
    "localize_value",
    "reads_as_number",
]

TEHRAN = ZoneInfo("Asia/Tehran")

_MONTHS_FA = (
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
)
_MONTHS_EN = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)
# Indexed by Python's date.weekday(): Monday is 0.
_WEEKDAYS_FA = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه", "شنبه", "یکشنبه")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _is_persian(locale: str) -> bool:
    language = locale.replace("_", "-").split("-", 1)[0].lower()
    if language == "fa":
        return True
    if language == "en":
        return False
    raise ValueError(f"unsupported locale {locale!r}")


def localize_digits(text: str, locale: str) -> str:
    """Write the digits of ``text`` in the locale's script: Persian for fa, ASCII for en."""
    return to_persian_digits(text) if _is_persian(locale) else to_ascii_digits(text)


def reads_as_number(value: str) -> bool:
    """Whether a value is a number however it is written: digits of any script with spaces,
    signs and separators between them (a licence, order or phone number, a count, a numeric
    date), no letter at all. A value with a word in it (a name, an address, a link, a code such
    as "ORD-98765") is someone's writing, not a number."""
    return any(char.isdigit() for char in value) and not any(
        unicodedata.category(char)[0] in "LM" for char in value
    )


def localize_value(value: str, locale: str) -> str:
    """A value as a text shows it: a number, however typed, in the reader's digits (Persian
    for fa, so «140212345» and «۱۴۰۲۱۲۳۴۵» read the same); anything with words in it exactly as
    it was written, since people's words are shown as they typed them."""
    return localize_digits(value, locale) if reads_as_number(value) else value


def _tehran_date(value: date | datetime) -> date:
    """The calendar day of ``value``; a datetime must be aware and is taken in Tehran."""
    if isinstance(value, datetime):
        return _tehran(value).date()
    return value


def _tehran(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("a naive datetime has no known instant; pass an aware one")
    return value.astimezone(TEHRAN)


def _jalali(value: date) -> jdatetime.date:
    jalali: jdatetime.date = jdatetime.date.fromgregorian(date=value)
    return jalali


def format_date(value: date | datetime, locale: str) -> str:
    """Day, month name and year in the Jalali calendar: "۲ آذر ۱۴۰۵" / "2 Azar 1405"."""
    jalali = _jalali(_tehran_date(value))
    months = _MONTHS_FA if _is_persian(locale) else _MONTHS_EN
    text = f"{jalali.day} {months[jalali.month - 1]} {jalali.year}"
    return localize_digits(text, locale)


def format_datetime(value: datetime, locale: str) -> str:
    """Jalali date and 24-hour Tehran time: "۲ آذر ۱۴۰۵، ساعت ۱۴:۳۰" / "2 Azar 1405, 14:30"."""
    local = _tehran(value)
    day = format_date(local, locale)
    clock = localize_digits(f"{local.hour:02d}:{local.minute:02d}", locale)
    return f"{day}، ساعت {clock}" if _is_persian(locale) else f"{day}, {clock}"


def format_date_numeric(value: date | datetime, locale: str) -> str:
    """Jalali year/month/day with two-digit month and day: "۱۴۰۵/۰۹/۰۲" / "1405/09/02"."""
    jalali = _jalali(_tehran_date(value))
    return localize_digits(f"{jalali.year:04d}/{jalali.month:02d}/{jalali.day:02d}", locale)


def format_weekday_date(value: date | datetime, locale: str) -> str:
    """Weekday name, then :func:`format_date`: "دوشنبه ۲ آذر ۱۴۰۵" / "Monday 2 Azar 1405"."""
    day = _tehran_date(value)
    weekdays = _WEEKDAYS_FA if _is_persian(locale) else _WEEKDAYS_EN
    return f"{weekdays[day.weekday()]} {format_date(day, locale)}"


def format_weekday_datetime(value: datetime, locale: str) -> str:
    """Weekday name, then :func:`format_datetime`: "دوشنبه ۲ آذر ۱۴۰۵، ساعت ۰۸:۰۰"."""
    weekdays = _WEEKDAYS_FA if _is_persian(locale) else _WEEKDAYS_EN
    return f"{weekdays[_tehran_date(value).weekday()]} {format_datetime(value, locale)}"


def format_number(n: int, locale: str) -> str:
    """An integer with thousands separators: "۱۰۰٬۰۰۰" (U+066C, Persian digits) / "100,000"."""
    text = f"{n:,}"
    if _is_persian(locale):
        text = to_persian_digits(text.replace(",", "٬"))
    return text


def format_phone(e164: str, locale: str) -> str:
    """A phone number as people of the locale write it.

    For fa, an Iranian number in its national form with Persian digits ("۰۹۱۲۳۴۵۶۷۸۹") and a
    foreign one after the international prefix 00 ("۰۰۴۴۲۰…"): a leading "+" is a weak bidi
    character that a right-to-left line moves to the number's far end. For en, E.164 as stored.
    """
    if not _is_persian(locale):
        return to_ascii_digits(e164)
    digits = to_ascii_digits(e164).removeprefix("+")
    national = "0" + digits[2:] if digits.startswith("98") else "00" + digits
    return to_persian_digits(national if e164.startswith("+") else e164)


def format_code(code: TrackingCode | str, locale: str) -> str:
    """A tracking code in its display form "12345-67890", with Persian digits for fa.

    A string is read with :func:`services.tracking.parse_code`; an invalid one is a
    ValueError, since only stored (valid) codes are ever formatted.
    """
    if isinstance(code, str):
        parsed = parse_code(code)
        if parsed is None:
            raise ValueError(f"not a valid tracking code: {code!r}")
        code = parsed
    return localize_digits(code.display(), locale)
