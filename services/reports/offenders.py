"""Repeat offenders: a business's complaint record, and the businesses with the most complaints.

A business is told apart by its licence when a case names one (the registry's licence the case
is linked to, else the number typed, without separators), else by its website or app as stored,
else by its name's search key (`models.repos.case_reports.Business`). Its record counts the
complaints received over the last year: those still open (the union owes work), closed, those
where the commission found a violation, and those referred to Taazirat (تعزیرات حکومتی).

Staff read a business's record on the case's card (the other complaints about it) and under a
licence looked up with /licence; admins list the businesses with the most complaints of a
period with `/stats offenders [PERIOD]`. Each is one grouped statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from models.repos import Repo
from models.repos.case_reports import Business, Categories, Offender, Record
from models.repos.licences import number_key
from models.tables import Case, Licence
from services.formatting import format_number, localize_digits
from services.licence_fields import site_label
from services.licences import MatchKind
from services.normalize import (
    normalize_text,
    parse_website_or_app,
    search_key,
    to_ascii_digits,
)
from services.platforms import PlatformProfile
from services.reports.stats import Period, parse_period, period_label
from services.texts import Rendered, Texts
from services.workflow import OPEN_STATUSES, CaseStatus, Opinion, Refused

__all__ = [
    "OFFENDERS_SHOWN",
    "RECORD_DAYS",
    "Offenders",
    "business_of",
    "describe_offenders",
    "gather_offenders",
    "licence_record",
    "offenders_asked",
    "record_of_case",
    "record_of_words",
    "record_text",
]

# A business's record looks back this far.
RECORD_DAYS = 365
# The businesses `/stats offenders` lists.
OFFENDERS_SHOWN = 15
# The words after /stats that ask for the businesses with the most complaints.
_WORDS = frozenset({"offenders", "متخلفان", "پرشکایت", "پرشکایت‌ها"})


# The record's categories as the workflow names them.
CATEGORIES = Categories(
    open_statuses=sorted(status.value for status in OPEN_STATUSES),
    closed=CaseStatus.CLOSED.value,
    violation=Opinion.VIOLATION.value,
    judicial=CaseStatus.REFERRED_JUDICIAL.value,
)


def _typed_key(number: str) -> str:
    """A typed licence number as `case_reports.typed_number_key` reads it in SQL (the form
    keeps it without spaces)."""
    return number.replace(" ", "").replace("/", "").replace("-", "").upper()


async def business_of(repo: Repo, case: Case) -> Business:
    """The business a case is about (see the module's rules)."""
    if case.respondent_licence_id is not None:
        # Loaded already by the card's respondent line: the session's identity map has it.
        licence = await repo.session.get(Licence, case.respondent_licence_id)
        if licence is not None:
            return Business(licence_key=licence.number_key)
    if case.licence_number:
        return Business(licence_key=_typed_key(case.licence_number))
    if case.business_url:
        return Business(website=case.business_url)
    return Business(name_key=case.business_key)


async def _record(
    repo: Repo, business: Business, now: datetime, excluding: int | None = None
) -> Record:
    return await repo.case_reports.business_record(
        business,
        now - timedelta(days=RECORD_DAYS),
        CATEGORIES,
        excluding=excluding,
    )


async def record_of_case(repo: Repo, case: Case, now: datetime) -> Record:
    """The other complaints about a case's business received over the last year."""
    return await _record(repo, await business_of(repo, case), now, excluding=case.id)


async def licence_record(repo: Repo, number: str, now: datetime) -> Record:
    """The complaints about the business of the registry's licence `number` received over the
    last year."""
    return await _record(repo, Business(licence_key=number_key(number)), now)


async def record_of_words(repo: Repo, kind: MatchKind, words: str, now: datetime) -> Record | None:
    """The record of a business the registry does not hold, as a clerk's lookup read it: by
    the licence number typed, the website or app, or the name, each read as a complaint's
    form reads it; None for words that name no business."""
    business = None
    if kind is MatchKind.NUMBER:
        business = Business(licence_key=_typed_key(to_ascii_digits(normalize_text(words))))
    elif kind is MatchKind.DOMAIN:
        website = parse_website_or_app(words)
        business = Business(website=website) if website else None
    elif kind is MatchKind.NAME:
        business = Business(name_key=search_key(words)) if search_key(words) else None
    return await _record(repo, business, now) if business is not None else None


def _counts(record: Record, locale: str) -> dict[str, str]:
    return {
        "total": format_number(record.total, locale),
        "open": format_number(record.open, locale),
        "closed": format_number(record.closed, locale),
        "violations": format_number(record.violations, locale),
        "judicial": format_number(record.judicial, locale),
    }


def record_text(record: Record, key: str, t: Texts, profile: PlatformProfile) -> Rendered:
    """A record in one line: `business-record` (the card: the other complaints) or
    `licence-record` (/licence), or its `-none` when there is none."""
    if record.total == 0:
        return t.render(profile, f"{key}-none")
    return t.render(profile, key, **_counts(record, t.locale))


# --- /stats offenders -------------------------------------------------------------------------


def offenders_asked(args: str, now: datetime) -> Period | Refused | None:
    """The period of `/stats offenders [PERIOD]` (`/stats متخلفان ماه قبل`); None when the
    words do not ask for offenders."""
    first, _, rest = normalize_text(args).strip().partition(" ")
    if first.lower() not in _WORDS:
        return None
    return parse_period(rest, now)


@dataclass(frozen=True)
class Offenders:
    """The businesses with the most complaints received in a period, most first."""

    period: Period
    businesses: list[Offender]


async def gather_offenders(repo: Repo, period: Period, limit: int = OFFENDERS_SHOWN) -> Offenders:
    """The `limit` businesses with the most complaints of the period, each with its record."""
    found = await repo.case_reports.offenders(
        period.received(),
        limit,
        CATEGORIES,
    )
    return Offenders(period, found)


def _business_label(offender: Offender, t: Texts) -> str:
    """How the business is known: its licence number, else its website, else neither."""
    business = offender.business
    if business.licence_key is not None:
        return t.plain(
            "stats-offender-licence", number=localize_digits(business.licence_key, t.locale)
        )
    if business.website is not None:
        return site_label(business.website, t)
    return t.plain("stats-offender-name")


def describe_offenders(found: Offenders, t: Texts, profile: PlatformProfile) -> Rendered:
    """The list: rank, the name as typed in one of its complaints, how it is known, and its
    counts."""
    period = period_label(found.period, t)
    if not found.businesses:
        return t.render(profile, "stats-offenders-empty", period=period)
    locale = t.locale
    lines: Sequence[str] = [
        t.render(
            profile,
            "stats-offender-line",
            rank=format_number(rank, locale),
            name=offender.name,
            business=_business_label(offender, t),
            **_counts(offender.record, locale),
        )
        for rank, offender in enumerate(found.businesses, start=1)
    ]
    head = t.render(
        profile,
        "stats-offenders-head",
        period=period,
        count=format_number(len(found.businesses), locale),
    )
    return Rendered("\n".join([head, *lines]))
