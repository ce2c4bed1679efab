"""The licence's fields, declared once.

Each field of a licence as the import file heads and reads it, as the sample registry fills it,
and as a citizen's answer shows it: the import's columns and row check
(services.licence_import), the samples (services.licence_samples) and the answer
(services.licence_desk.describe_licence, the locale message "licence-details", whose arguments
are the fields' names) all derive from FIELDS. A new field is its entry here, its attribute on
`models.repos.licences.LicenceRow` (a LicenceView has it too), its column on
`models.tables.Licence` with a migration, and its words in the locales.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from services.formatting import format_date, localize_digits
from services.licences import (
    SOCIAL_PLATFORMS,
    LicenceView,
    canonical_number,
    canonical_province,
    parse_holder_type,
    parse_status,
)
from services.normalize import (
    display_host,
    parse_phone,
    parse_website_or_app,
    search_key,
    to_ascii_digits,
)
from services.sheet_import import Cells
from services.texts import Texts

__all__ = ["FIELDS", "LicenceField", "shown_fields", "site_label"]

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
    if colon and platform in SOCIAL_PLATFORMS:
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
