"""Checking a business licence (DOMAIN.md §2): by number, by website or app, or by name.

Citizens check a business before buying: "does this website have a valid licence?". The answer
is a :class:`LookupResult` of plain :class:`LicenceView` values; the handler words it. A view
leaves out the holder's phone number: lookup is a public service, and a holder's contact data
is given to nobody (DOMAIN.md §4).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

from models.repos.licences import LicenceRepo, LicenceRow, parent_domains
from models.tables import Licence
from services.normalize import (
    is_blank,
    normalize_text,
    parse_website_or_app,
    search_key,
    to_ascii_digits,
)

__all__ = [
    "MAX_RESULTS",
    "PROVINCES",
    "REMINDER_OFFSETS",
    "HolderType",
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
    "site_candidates",
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

SOCIAL_PLATFORMS = ("instagram", "telegram", "bale")


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


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenceView(LicenceRow):
    """A licence as a lookup reports it: every field of the row but the holder's phone, and
    ``status`` the effective one on the day asked (``recorded_status`` as the union wrote it)."""

    holder_type: HolderType
    # Never in a view: a holder's contact data is given to nobody (DOMAIN.md §4).
    holder_phone: None = None
    business_key: str = ""
    recorded_status: LicenceStatus
    status: LicenceStatus

    @classmethod
    def of(cls, licence: Licence, today: date) -> LicenceView:
        """The view of a licence loaded with its sites."""
        recorded = LicenceStatus(licence.status)
        values = {
            field.name: getattr(licence, field.name)
            for field in fields(LicenceRow)
            if field.name != "sites"
        }
        values.update(
            sites=tuple(licence.hosts),
            holder_type=HolderType(licence.holder_type),
            holder_phone=None,
            recorded_status=recorded,
            status=effective_status(recorded, licence.expires_on, today),
        )
        return cls(**values)


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
        return [site, *(f"{platform}:{site[1:]}" for platform in SOCIAL_PLATFORMS)]
    platform, colon, handle = site.partition(":")
    if colon and platform in SOCIAL_PLATFORMS:
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
