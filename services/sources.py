"""Where a complaint came from: filed by a citizen in chat, or referred by another body.

DOMAIN.md §1: in 1399, 18.8 % of the union's complaints were referred by other bodies — the
E-commerce Development Center, the provincial Industry, Mine and Trade Organizations, the
Chamber of Guilds and its inspectors under Article 52 — each as a letter whose number and date
the case keeps. The union reports complaints by source; a case's card shows its source.
"""

from __future__ import annotations

from enum import StrEnum

from models.tables import Case
from services.formatting import format_date
from services.licences import canonical_province
from services.normalize import search_key
from services.texts import Texts

__all__ = [
    "NAMED",
    "ReferringBody",
    "Source",
    "body_text",
    "parse_body",
    "source_text",
]


class Source(StrEnum):
    """How a complaint reached the desk (stored in `cases.source_kind`)."""

    CHAT = "chat"
    REFERRAL = "referral"


class ReferringBody(StrEnum):
    """The bodies that refer complaints to the union (stored in `cases.source_body`)."""

    ECOMMERCE_CENTER = "ecommerce_center"  # مرکز توسعه تجارت الکترونیکی
    INDUSTRY_ORGANIZATION = "industry_organization"  # سازمان صنعت، معدن و تجارت استان …
    GUILDS_CHAMBER = "guilds_chamber"  # اتاق اصناف
    ARTICLE_52_INSPECTORS = "article52_inspectors"  # بازرسان ماده ۵۲ اتاق اصناف
    OTHER = "other"


# The bodies named further: an Industry, Mine and Trade Organization by its province, another
# body by its name.
NAMED = frozenset({ReferringBody.INDUSTRY_ORGANIZATION, ReferringBody.OTHER})

_B = ReferringBody
# How a sheet or a clerk writes each body; an organization's province may follow its name.
_WORDS: dict[ReferringBody, tuple[str, ...]] = {
    _B.ECOMMERCE_CENTER: (
        "ecommerce_center",
        "e-commerce development center",
        "ecommerce development center",
        "مرکز توسعه تجارت الکترونیکی",
        "مرکز توسعه تجارت الکترونیک",
        "مرکز توسعه",
    ),
    _B.INDUSTRY_ORGANIZATION: (
        "industry_organization",
        "industry, mine and trade organization of",
        "industry mine and trade organization",
        "سازمان صنعت، معدن و تجارت استان",
        "سازمان صنعت معدن و تجارت",
        "سازمان صمت استان",
        "سازمان صمت",
        "صمت",
    ),
    _B.GUILDS_CHAMBER: (
        "guilds_chamber",
        "chamber of guilds",
        "اتاق اصناف",
    ),
    _B.ARTICLE_52_INSPECTORS: (
        "article52_inspectors",
        "article 52 inspectors",
        "inspectors",
        "بازرسان ماده ۵۲",
        "بازرسان ماده ۵۲ اتاق اصناف",
        "بازرسان اتاق اصناف",
        "ماده ۵۲",
    ),
    _B.OTHER: ("other", "سایر", "دیگر"),
}
# Longest first, so that "بازرسان ماده ۵۲ اتاق اصناف" is the inspectors, not the chamber.
_KEYS: list[tuple[str, ReferringBody]] = sorted(
    ((search_key(word), body) for body, words in _WORDS.items() for word in words),
    key=lambda item: -len(item[0]),
)


def parse_body(text: str) -> tuple[ReferringBody, str | None] | None:
    """A referring body as written, and what follows its name: an organization's province
    (``سازمان صمت استان اصفهان``, its official name returned) or nothing. None when the words
    name no known body, or name an organization of a province that does not exist."""
    key = search_key(text)
    for words, body in _KEYS:
        if not key.startswith(words):
            continue
        rest = key[len(words) :]
        if not rest:
            return body, None
        if body is _B.INDUSTRY_ORGANIZATION:
            province = canonical_province(rest)
            return (body, province) if province is not None else None
        return None
    return None


def body_text(body: str, name: str | None, t: Texts) -> str:
    """A referring body in words: ``سازمان صنعت، معدن و تجارت استان اصفهان``, or another
    body by its own name."""
    if body == _B.OTHER and name:
        return name
    return t.plain(f"referral-body-{body}", name=name or t.plain("value-unknown"))


def source_text(case: Case, t: Texts) -> str:
    """Where a case came from, for its card: the chat, or the referring body and its letter."""
    if case.source_kind != Source.REFERRAL or case.source_body is None:
        return t.plain("source-chat")
    return t.plain(
        "source-referral",
        body=body_text(case.source_body, case.source_body_name, t),
        number=case.letter_number or t.plain("value-not-in-letter"),
        date=format_date(case.letter_date, t.locale) if case.letter_date else "",
    )
