"""The respondent (متشاکی): the business a complaint is about, when the registry knows it.

A complaint names a licence of the registry by its number, or by a website or app that one
licence alone lists. The licence's holder is on the desk once an account has verified the
holder's phone number with the platform's own button (as for renewal reminders). Such a holder
is told a complaint was filed (its code, subject and the complainant's words; the
complainant's name only where the settings allow, their phone never), answers in chat, and is
asked by clerks through the case's thread (`services.relay`). A holder who verifies later is
told then of the complaints still followed against their licences. A verified phone links a
person's accounts: the account verified most recently is the one spoken to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.repos import Repo
from models.tables import Case, Licence, User
from services import people
from services.casework.notices import record_event
from services.desk import DeskConfig
from services.formatting import format_code, localize_digits
from services.lengths import shorten
from services.licences import site_candidates
from services.outbox import Outgoing, Purpose, enqueue_once, person
from services.platforms import profile_of
from services.texts import Rendered, texts
from services.workflow import FOLLOWED, Role

__all__ = [
    "Against",
    "account_of",
    "cases_against",
    "is_respondent",
    "licence_named",
    "on_filed",
    "respondent_case",
    "respondent_of",
    "tell_pending",
]


@dataclass(frozen=True)
class Against:
    """A licence a person holds, and the complaints about it."""

    licence: Licence
    cases: list[Case]


async def licence_named(repo: Repo, number: str | None, website: str | None) -> Licence | None:
    """The registry's licence a complaint names: by its number, else by its website or app
    when exactly one licence lists it."""
    if number:
        found = await repo.licences.by_number(number)
        if found is not None:
            return found
    if website:
        licences = await repo.licences.by_hosts(site_candidates(website), limit=2)
        if len(licences) == 1:
            return licences[0]
    return None


async def _licence_of(repo: Repo, case: Case) -> Licence | None:
    if case.respondent_licence_id is None:
        return None
    licence: Licence | None = await repo.session.get(Licence, case.respondent_licence_id)
    return licence


async def account_of(repo: Repo, licence: Licence) -> User | None:
    """The holder's account on the desk: the one that verified the holder's phone most
    recently (and is not banned); None when the holder is not on the desk."""
    if not licence.holder_phone:
        return None
    accounts = [
        user
        for user in await repo.users.with_verified_phone(licence.holder_phone)
        if not user.is_banned
    ]
    if not accounts:
        return None
    return max(accounts, key=lambda user: (user.phone_verified_at or datetime.min, user.id))


async def respondent_of(repo: Repo, case: Case) -> tuple[Licence | None, User | None]:
    """The case's licence and its holder's account, as far as each is known."""
    licence = await _licence_of(repo, case)
    if licence is None:
        return None, None
    return licence, await account_of(repo, licence)


async def _held_ids(repo: Repo, user: User) -> dict[int, Licence]:
    if user.phone is None or user.phone_verified_at is None:
        return {}
    return {licence.id: licence for licence in await repo.licences.held_by(user.phone)}


async def is_respondent(repo: Repo, user: User, case: Case) -> bool:
    """Whether this person holds the licence the case is about."""
    held = await _held_ids(repo, user)
    return case.respondent_licence_id is not None and case.respondent_licence_id in held


async def respondent_case(repo: Repo, user: User, case_id: int) -> Case | None:
    """A case by its id if it is about a licence this person holds; otherwise None."""
    case = await repo.cases.by_id(case_id)
    return case if case is not None and await is_respondent(repo, user, case) else None


async def cases_against(repo: Repo, user: User, *, followed: bool = False) -> list[Against]:
    """The complaints about each licence the person holds (followed ones only, if asked),
    licence by licence; licences without complaints are left out."""
    held = await _held_ids(repo, user)
    statuses = [status.value for status in FOLLOWED] if followed else None
    cases = await repo.cases.against(list(held), statuses=statuses)
    grouped: dict[int, list[Case]] = {}
    for case in cases:
        assert case.respondent_licence_id is not None  # what the query asked for
        grouped.setdefault(case.respondent_licence_id, []).append(case)
    return [Against(held[licence_id], found) for licence_id, found in grouped.items()]


async def on_filed(repo: Repo, case: Case, config: DeskConfig, now: datetime) -> None:
    """A complaint just filed: the licence it names is its respondent's, and a holder on the
    desk is told, in the caller's transaction."""
    licence = await licence_named(repo, case.licence_number, case.business_url)
    if licence is None:
        return
    case.respondent_licence_id = licence.id
    holder = await account_of(repo, licence)
    if holder is not None:
        await _tell(repo, case, licence, holder, config, now)


async def tell_pending(repo: Repo, user: User, config: DeskConfig, now: datetime) -> int:
    """A holder just verified their phone: the complaints still followed about their
    licences, each told once; how many were told now."""
    told = 0
    for against in await cases_against(repo, user, followed=True):
        for case in against.cases:
            told += await _tell(repo, case, against.licence, user, config, now)
    await repo.commit()
    return told


async def _tell(
    repo: Repo, case: Case, licence: Licence, holder: User, config: DeskConfig, now: datetime
) -> bool:
    """The holder is told of the complaint, once a case and account; kept in its history."""
    t = texts(holder.locale or config.staff_locale)
    profile = profile_of(person(holder).platform)
    none = t.plain("value-not-given")
    name = (people.contact_name(case.contact_name, t) or "") if config.respondent_sees_name else ""

    def render(description: str) -> str:
        return t.render(
            profile,
            "respondent-told",
            code=format_code(case.code, t.locale),
            business=licence.business_name,
            licence=localize_digits(licence.number, t.locale),
            subject=t.plain(f"subject-{case.subject}"),
            complainant=(
                t.render(profile, "respondent-complainant", name=name) if name else Rendered("")
            ),
            description=description or none,
        )

    note = t.plain("text-cut-note")
    text = shorten(profile, render, case.description, profile.text_limit, note=note).text
    chat = person(holder)
    message = Outgoing(
        platform=chat.platform, chat_id=chat.id, text=text, parse_mode=profile.parse_mode
    )
    told = await enqueue_once(
        repo,
        message,
        now=now,
        purpose=Purpose.RESPONDENT_NOTICE,
        case_id=case.id,
        dedupe_key=f"respondent:{case.id}:{holder.id}",
    )
    if told:
        record_event(repo, case, None, Role.SYSTEM, "respondent_told", now, licence.number)
    return told
