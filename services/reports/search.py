"""Staff search of cases by tracking code, phone or business name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from models.repos import Repo
from models.tables import Case, User
from services import people, personal_data
from services.formatting import (
    format_code,
    format_date,
    format_number,
)
from services.normalize import (
    normalize_text,
    parse_phone,
    search_key,
)
from services.platforms import PlatformProfile
from services.reports.stats import label_of
from services.texts import Rendered, Texts
from services.tracking import parse_code

FIND_LIMIT = 20


class FoundBy(StrEnum):
    CODE = "code"
    PHONE = "phone"
    TEXT = "text"


@dataclass(frozen=True)
class Found:
    """Cases that match a search, newest first, at most FIND_LIMIT; `more` when others do."""

    by: FoundBy
    cases: list[Case]
    more: bool


async def find_cases(repo: Repo, text: str, by: User, now: datetime) -> Found | None:
    """Cases by tracking code (any digits), phone (any usual spelling), business name
    (tolerant key, prefix or inside) or whole words of the description (tolerant keys); None
    for an empty query. Each search is kept in the audit log, with any phone number or national
    ID in it as its keyed digest only."""
    query = normalize_text(text)
    if not query:
        return None
    found = await _search(repo, query)
    # A code the desk gave is no one's datum, though its digits may pass for a national ID.
    own_code = found.by is FoundBy.CODE
    people.audit(
        repo, by, "find", now, detail=query if own_code else personal_data.redacted(query)
    )
    await repo.commit()
    return found


async def _search(repo: Repo, query: str) -> Found:
    """A code the desk never gave may be someone's number: it is looked for as one."""
    code = parse_code(query)
    by_code = await repo.cases.by_code(code.digits) if code is not None else None
    if by_code is not None:
        return Found(FoundBy.CODE, [by_code], more=False)
    phone = parse_phone(query)
    if phone is not None:
        cases = await repo.cases.find_by_phone(phone, FIND_LIMIT + 1)
        return Found(FoundBy.PHONE, cases[:FIND_LIMIT], more=len(cases) > FIND_LIMIT)
    words = personal_data.index_terms(query)
    cases = await repo.cases.find_by_text(search_key(query), words, FIND_LIMIT + 1)
    return Found(FoundBy.TEXT, cases[:FIND_LIMIT], more=len(cases) > FIND_LIMIT)


def describe_found(found: Found, t: Texts, profile: PlatformProfile) -> Rendered:
    """The cases found, a line each: code, status, business, date received."""
    if not found.cases:
        return t.render(profile, "find-none")
    lines = "\n".join(
        t.render(
            profile,
            "find-line",
            code=format_code(case.code, t.locale),
            status=label_of(t, "status", case.status),
            business=case.business_name,
            date=format_date(case.received_at, t.locale),
        )
        for case in found.cases
    )
    text = t.render(
        profile,
        "find-results",
        count=format_number(len(found.cases), t.locale),
        lines=Rendered(lines),
    )
    return Rendered(text + "\n" + t.render(profile, "find-more")) if found.more else text
