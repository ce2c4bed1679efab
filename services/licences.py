"""Checking a business licence (DOMAIN.md §2): by number, by website or app, or by name.

Citizens check a business before buying: "does this website have a valid licence?". The answer
is a :class:`LookupResult` of plain :class:`LicenceView` values; the handler words it. A view
leaves out the holder's phone number: lookup is a public service, and a holder's contact data
is given to nobody (DOMAIN.md §4).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from models.repos.licences import LicenceRepo, LicenceRow, parent_domains
from models.tables import Licence
from services.formatting import format_date, localize_digits
from services.normalize import (
    display_host,
    is_blank,
    normalize_text,
    parse_phone,
    parse_website_or_app,
    search_key,
    to_ascii_digits,
)
from services.sheet_import import Cells
from services.texts import Texts

__all__ = [
    "FIELDS",
    "MAX_RESULTS",
    "PROVINCES",
    "REMINDER_OFFSETS",
    "HolderType",
    "LicenceField",
    "LicenceRow",
    "LicenceStatus",
    "LicenceView",
    "LookupResult",
    "MatchKind",
    "canonical_number",
    "canonical_province",
    "effective_status",
    "lookup",
    "parse_holder_type",
    "parse_status",
    "renewal_due",
    "shown_fields",
    "site_candidates",
    "site_label",
    "warning_for",
]

MAX_RESULTS = 8
# One letter matches half the registry; two is the shortest Persian business name ("رز").
MIN_NAME_KEY = 2
# Days before expiry on which a holder is reminded to renew.
REMINDER_OFFSETS = (30, 7, 1)


class LicenceStatus(StrEnum):
    """A licence's status as the union records it."""

    VALID = "valid"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    RENEWAL = "renewal"


class HolderType(StrEnum):
    """Who holds a licence: a natural person (شخص حقیقی) or a legal person (شخص حقوقی)."""

    NATURAL = "natural"
    LEGAL = "legal"


class MatchKind(StrEnum):
    """How a lookup read the query; INVALID when it was too short to search for, EMPTY when
    it showed nothing at all."""

    NUMBER = "number"
    DOMAIN = "domain"
    NAME = "name"
    INVALID = "invalid"
    EMPTY = "empty"


# The 31 provinces, in their official spelling (as stored).
PROVINCES = (
    "آذربایجان شرقی",
    "آذربایجان غربی",
    "اردبیل",
    "اصفهان",
    "البرز",
    "ایلام",
    "بوشهر",
    "تهران",
    "چهارمحال و بختیاری",
    "خراسان جنوبی",
    "خراسان رضوی",
    "خراسان شمالی",
    "خوزستان",
    "زنجان",
    "سمنان",
    "سیستان و بلوچستان",
    "فارس",
    "قزوین",
    "قم",
    "کردستان",
    "کرمان",
    "کرمانشاه",
    "کهگیلویه و بویراحمد",
    "گلستان",
    "گیلان",
    "لرستان",
    "مازندران",
    "مرکزی",
    "هرمزگان",
    "همدان",
    "یزد",
)
# Common spellings drop the "و" ("چهارمحال بختیاری", as the union's own report writes it).
_PROVINCE_KEYS = {
    search_key(spelling): name
    for name in PROVINCES
    for spelling in (name, name.replace(" و ", " "))
}

_STATUS_WORDS = {
    LicenceStatus.VALID: ("valid", "معتبر", "فعال"),
    LicenceStatus.EXPIRED: ("expired", "منقضی", "منقضی شده"),
    LicenceStatus.SUSPENDED: ("suspended", "تعلیق", "تعلیق شده", "معلق"),
    LicenceStatus.REVOKED: ("revoked", "ابطال", "ابطال شده", "باطل", "باطل شده", "لغو شده"),
    LicenceStatus.RENEWAL: ("renewal", "در حال تمدید", "در دست تمدید", "تمدید"),
}
_STATUS_KEYS = {
    search_key(word): status for status, words in _STATUS_WORDS.items() for word in words
}

_HOLDER_WORDS = {
    HolderType.NATURAL: ("natural", "حقیقی", "شخص حقیقی"),
    HolderType.LEGAL: ("legal", "حقوقی", "شخص حقوقی"),
}
_HOLDER_KEYS = {search_key(word): kind for kind, words in _HOLDER_WORDS.items() for word in words}

_WARNINGS = {
    LicenceStatus.EXPIRED: "licence-warning-expired",
    LicenceStatus.SUSPENDED: "licence-warning-suspended",
    LicenceStatus.REVOKED: "licence-warning-revoked",
    LicenceStatus.RENEWAL: "licence-warning-renewal",
}

# Dashes and slashes that keyboards and word processors put in place of "-" and "/".
_SEPARATORS = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "_": "-",
        "\\": "/",
        "\u2215": "/",
        "\u2044": "/",
        "\u00f7": "/",
    }
)
_SPACES = re.compile(r"[\s\u200c]+")
_NUMBER = re.compile(r"[0-9A-Z][0-9A-Z/\-]{1,38}[0-9A-Z]")
# Digits only, perhaps grouped by separators: "۱۴۰۰۱۲۳۴۵", "1399/04512", "98-1234".
_DIGITS_NUMBER = re.compile(r"[0-9]+(?:[/\-][0-9]+)*")
_MIN_NUMBER_DIGITS = 4

_SOCIAL_PLATFORMS = ("instagram", "telegram", "bale")


def canonical_number(text: str) -> str | None:
    """A licence number as stored: ASCII digits and capital letters, "/" or "-" between.

    Persian and Arabic-Indic digits, spaces and half-spaces inside, and look-alike dashes and
    slashes are accepted. 3 to 40 characters, starting and ending with a letter or digit, at
    least one digit; otherwise ``None``.
    """
    value = _SPACES.sub("", to_ascii_digits(normalize_text(text)).translate(_SEPARATORS))
    value = value.upper()
    if not value.isascii() or _NUMBER.fullmatch(value) is None:
        return None
    return value if any(char.isdigit() for char in value) else None


def canonical_province(text: str) -> str | None:
    """The official name of the province written, tolerant of spelling variants; or ``None``."""
    return _PROVINCE_KEYS.get(search_key(text))


def parse_status(text: str) -> LicenceStatus | None:
    """A status in English (valid, …) or Persian (معتبر، منقضی، تعلیق، ابطال، در حال تمدید)."""
    return _STATUS_KEYS.get(search_key(text))


def parse_holder_type(text: str) -> HolderType | None:
    """A holder type in English (natural, legal) or Persian (حقیقی، حقوقی)."""
    return _HOLDER_KEYS.get(search_key(text))


def effective_status(recorded: LicenceStatus, expires_on: date, today: date) -> LicenceStatus:
    """The status a citizen is told: a "valid" licence past its expiry date has expired.

    A licence is valid through its expiry date. Other statuses stand as recorded: a licence
    under renewal stays "renewal" after its old expiry date.
    """
    if recorded is LicenceStatus.VALID and expires_on < today:
        return LicenceStatus.EXPIRED
    return recorded


@dataclass(frozen=True, slots=True)
class LicenceView:
    """A licence as a lookup reports it; ``status`` is the effective one on the day asked."""

    number: str
    holder_type: HolderType
    holder_name: str
    business_name: str
    sites: tuple[str, ...]
    category: str
    isic: str
    province: str
    issued_on: date
    expires_on: date
    recorded_status: LicenceStatus
    status: LicenceStatus

    @classmethod
    def of(cls, licence: Licence, today: date) -> LicenceView:
        """The view of a licence loaded with its sites."""
        recorded = LicenceStatus(licence.status)
        return cls(
            number=licence.number,
            holder_type=HolderType(licence.holder_type),
            holder_name=licence.holder_name,
            business_name=licence.business_name,
            sites=tuple(licence.hosts),
            category=licence.category,
            isic=licence.isic,
            province=licence.province,
            issued_on=licence.issued_on,
            expires_on=licence.expires_on,
            recorded_status=recorded,
            status=effective_status(recorded, licence.expires_on, today),
        )


@dataclass(frozen=True, slots=True)
class LookupResult:
    """What a lookup found: how it read the query, the term it searched, and the licences.

    ``term`` is the canonical number, the host or app id, or the name's search key. ``more``
    is true when more than the listed licences matched.
    """

    kind: MatchKind
    term: str
    views: tuple[LicenceView, ...] = ()
    more: bool = False

    @property
    def found(self) -> bool:
        return bool(self.views)


def site_candidates(site: str) -> list[str]:
    """The registry entries that answer for a site from ``parse_website_or_app``.

    A domain answers for itself and its parent domains; a bare "@handle" for the handle on
    every platform; a platform handle ("instagram:shop") also for the bare "@shop".
    """
    if site.startswith("@"):
        return [site, *(f"{platform}:{site[1:]}" for platform in _SOCIAL_PLATFORMS)]
    platform, colon, handle = site.partition(":")
    if colon and platform in _SOCIAL_PLATFORMS:
        return [site, "@" + handle]
    return parent_domains(site)


def _result(kind: MatchKind, term: str, licences: Sequence[Licence], today: date) -> LookupResult:
    views = tuple(LicenceView.of(licence, today) for licence in licences[:MAX_RESULTS])
    return LookupResult(kind, term, views, more=len(licences) > MAX_RESULTS)


async def lookup(repo: LicenceRepo, query: str, today: date) -> LookupResult:
    """Find the licences a citizen's query names, at most :data:`MAX_RESULTS` of them.

    Tried in order: a licence number (Persian digits and any separators accepted; digits-only
    queries of four digits or more are always read as numbers, while a number with letters
    falls through when no licence has it), then a website or app in any form
    (``parse_website_or_app``: scheme, www., path, case, Persian digits, a subdomain of a
    licensed domain, a handle), then a business name by its ``search_key`` (ي/ی, ك/ک, spaces
    and half-spaces do not matter): exact name first, then names starting with it, then
    names containing it. A query that shows nothing (:func:`is_blank`) is EMPTY.
    """
    if is_blank(query):
        return LookupResult(MatchKind.EMPTY, "")
    text = normalize_text(query)
    number = canonical_number(text)
    if number is not None:
        strict = _DIGITS_NUMBER.fullmatch(number) is not None
        strict = strict and sum(char.isdigit() for char in number) >= _MIN_NUMBER_DIGITS
        licence = await repo.by_number(number)
        if licence is not None or strict:
            found = [licence] if licence is not None else []
            return _result(MatchKind.NUMBER, number, found, today)
    site = parse_website_or_app(text)
    if site is not None:
        licences = await repo.by_hosts(site_candidates(site), limit=MAX_RESULTS + 1)
        return _result(MatchKind.DOMAIN, site, licences, today)
    key = search_key(text)
    if len(key) < MIN_NAME_KEY:
        return LookupResult(MatchKind.INVALID, key)
    licences = await repo.by_name_key(key, MAX_RESULTS + 1)
    return _result(MatchKind.NAME, key, licences, today)


def warning_for(view: LicenceView) -> str | None:
    """The message key of the warning a citizen must see before trusting this licence.

    None for a valid licence; otherwise "licence-warning-expired", "-suspended", "-revoked"
    or "-renewal" by the effective status.
    """
    return _WARNINGS.get(view.status)


def renewal_due(
    expires_on: date, today: date, offsets: Sequence[int] = REMINDER_OFFSETS
) -> int | None:
    """The reminder due today, as days before expiry, or ``None``: one of ``offsets`` only.

    Holders are reminded 30, 7 and 1 days before expiry by default; on other days nothing is
    due, so a daily sweep sends each reminder once.
    """
    days = (expires_on - today).days
    return days if days in offsets else None


# --- the licence's fields, declared once ------------------------------------------------------
#
# Each field of a licence as the import file heads and reads it, as the sample registry fills
# it, and as a citizen's answer shows it: the import's columns and row check
# (services.licence_import), the samples (services.licence_samples) and the answer
# (services.licence_desk.describe_licence, the locale message "licence-details", whose
# arguments are the fields' names) all derive from FIELDS. A new field is its entry here, its
# attribute on LicenceView when it is shown, its column on `models.tables.Licence` with a
# migration, its attribute on `models.repos.licences.LicenceRow`, and its words in the locales.

_TEXT_MAX = 256
_CATEGORY_MAX = 160
_SITE_SEPARATORS = re.compile(r"[;؛,،\s]+")
_ISIC = re.compile(r"[0-9]{6}")

# A field's value from a row's cells, given the fields read before it and the day of import.
Reader = Callable[[Cells, Mapping[str, Any], date], Any]
# A field's value as an answer shows it.
Shower = Callable[[Any, Texts], str]


@dataclass(frozen=True, slots=True)
class LicenceField:
    """One field of a licence.

    ``name`` is the attribute on LicenceRow (and LicenceView); ``column`` the import's column
    key when it differs; ``headers`` how a file may head the column (none: the field is derived
    from others); ``read`` checks a cell into the value (or raises the row's problem); ``shown``
    words it for the answer's argument of the same name (None: not shown as read); ``sample``
    draws a value for the sample registry when its generator does not compose one itself.
    """

    name: str
    headers: tuple[str, ...]
    read: Reader
    required: bool = True
    column: str | None = None
    shown: Shower | None = None
    sample: Callable[[random.Random], Any] | None = None

    @property
    def key(self) -> str:
        """The import's column key."""
        return self.column or self.name


def _number(cells: Cells, _read: Mapping[str, Any], _today: date) -> str:
    raw = cells.required("number")
    number = canonical_number(raw)
    if number is None:
        raise cells.problem("number", "licence-import-bad-number", value=raw)
    return number


def _holder_type(cells: Cells, _read: Mapping[str, Any], _today: date) -> str:
    raw = cells.required("holder_type")
    holder_type = parse_holder_type(raw)
    if holder_type is None:
        raise cells.problem("holder_type", "licence-import-bad-holder-type", value=raw)
    return holder_type.value


def _text(name: str, maximum: int) -> Reader:
    def read(cells: Cells, _read: Mapping[str, Any], _today: date) -> str:
        return cells.text(name, maximum)

    return read


def _holder_phone(cells: Cells, _read: Mapping[str, Any], _today: date) -> str | None:
    raw = cells.optional("holder_phone")
    phone = parse_phone(raw) if raw else None
    if raw and phone is None:
        raise cells.problem("holder_phone", "licence-import-bad-phone", value=raw)
    return phone


def _business_key(_cells: Cells, read: Mapping[str, Any], _today: date) -> str:
    return search_key(read["business_name"])


def _sites(cells: Cells, _read: Mapping[str, Any], _today: date) -> tuple[str, ...]:
    raw = cells.required("websites")
    sites: dict[str, None] = {}
    for entry in _SITE_SEPARATORS.split(raw):
        if not entry:
            continue
        site = parse_website_or_app(entry)
        if site is None:
            raise cells.problem("websites", "licence-import-bad-website", value=entry)
        sites[site] = None
    if not sites:
        raise cells.problem("websites", "licence-import-missing-value")
    return tuple(sites)


def _isic(cells: Cells, _read: Mapping[str, Any], _today: date) -> str:
    raw = cells.required("isic")
    isic = to_ascii_digits(raw).replace(" ", "")
    if _ISIC.fullmatch(isic) is None:
        raise cells.problem("isic", "licence-import-bad-isic", value=raw)
    return isic


def _province(cells: Cells, _read: Mapping[str, Any], _today: date) -> str:
    raw = cells.required("province")
    province = canonical_province(raw)
    if province is None:
        raise cells.problem("province", "licence-import-bad-province", value=raw)
    return province


def _issued_on(cells: Cells, _read: Mapping[str, Any], today: date) -> date:
    issued_on = cells.date("issued_on")
    if issued_on > today:
        raise cells.problem(
            "issued_on", "licence-import-issued-in-future", value=cells.raw("issued_on")
        )
    return issued_on


def _expires_on(cells: Cells, read: Mapping[str, Any], _today: date) -> date:
    expires_on = cells.date("expires_on")
    if expires_on < read["issued_on"]:
        raise cells.problem(
            "expires_on", "licence-import-expires-before-issue", value=cells.raw("expires_on")
        )
    return expires_on


def _status(cells: Cells, _read: Mapping[str, Any], _today: date) -> str:
    raw = cells.required("status")
    status = parse_status(raw)
    if status is None:
        raise cells.problem("status", "licence-import-bad-status", value=raw)
    return status.value


def site_label(site: str, t: Texts) -> str:
    """A website or app as people write it: a host in Unicode, "@handle", an app id."""
    platform, colon, handle = site.partition(":")
    if colon and platform == "app":
        return t.plain("licence-site-app", id=handle)
    if colon and platform in _SOCIAL_PLATFORMS:
        return t.plain(f"licence-site-{platform}", handle=handle)
    return site if site.startswith("@") else display_host(site)


def _as_typed(value: Any, _t: Texts) -> str:
    return str(value)


def _digits(value: Any, t: Texts) -> str:
    return localize_digits(str(value), t.locale)


def _day(value: Any, t: Texts) -> str:
    return format_date(value, t.locale)


def _holder_label(value: Any, t: Texts) -> str:
    return t.plain(f"licence-holder-{value}")


def _site_labels(value: Any, t: Texts) -> str:
    return ("، " if t.locale == "fa" else ", ").join(site_label(site, t) for site in value)


FIELDS = (
    LicenceField(
        "number",
        ("number", "licence number", "license number", "شماره پروانه"),
        _number,
        shown=_digits,
    ),
    LicenceField(
        "holder_type",
        ("holder_type", "holder type", "نوع شخص", "نوع دارنده"),
        _holder_type,
        shown=_holder_label,
    ),
    LicenceField(
        "holder_name",
        ("holder_name", "holder name", "نام دارنده"),
        _text("holder_name", _TEXT_MAX),
        shown=_as_typed,
    ),
    # Never shown: a holder's contact data is given to nobody (DOMAIN.md §4).
    LicenceField(
        "holder_phone",
        ("holder_phone", "holder phone", "تلفن دارنده", "موبایل دارنده"),
        _holder_phone,
        required=False,
    ),
    LicenceField(
        "business_name",
        ("business_name", "business name", "نام کسب‌وکار", "نام کسب و کار", "نام تجاری"),
        _text("business_name", _TEXT_MAX),
        shown=_as_typed,
    ),
    LicenceField("business_key", (), _business_key),
    LicenceField(
        "sites",
        ("websites", "website", "sites", "وب‌سایت‌ها", "وب‌سایت", "سایت"),
        _sites,
        column="websites",
        shown=_site_labels,
    ),
    LicenceField(
        "category",
        ("category", "رسته", "رسته شغلی"),
        _text("category", _CATEGORY_MAX),
        shown=_as_typed,
    ),
    LicenceField("isic", ("isic", "isic code", "کد آیسیک", "آیسیک"), _isic, shown=_digits),
    LicenceField("province", ("province", "استان"), _province, shown=_as_typed),
    LicenceField(
        "issued_on",
        ("issued_on", "issued on", "issue date", "تاریخ صدور"),
        _issued_on,
        shown=_day,
    ),
    LicenceField(
        "expires_on",
        ("expires_on", "expires on", "expiry date", "تاریخ انقضا"),
        _expires_on,
        shown=_day,
    ),
    # Shown as the effective status on the day asked (LicenceView.status), not as recorded.
    LicenceField("status", ("status", "وضعیت"), _status),
)


def shown_fields(view: LicenceView, t: Texts) -> dict[str, str]:
    """The fields an answer shows, worded, by name."""
    return {
        field.name: field.shown(getattr(view, field.name), t)
        for field in FIELDS
        if field.shown is not None
    }
