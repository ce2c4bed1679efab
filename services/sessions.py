"""The complaints commission's session (Article 6: the commission examines a complaint within
five days, with the complainant and the respondent invited).

Staff schedule a session for a case: a Jalali date and time within office hours on a working
day, in person at an address or online at a link. Both parties (the complainant, and the
respondent when on the desk: `services.respondents`) are invited in chat in their language,
with buttons to confirm or to ask for another time (the request reaches the case's thread).
They are reminded the day before and two hours before, each once: the sweep claims a reminder
by moving the row's `reminded` stage in the same transaction that queues the messages, whose
dedupe keys name the session's version; a sweep that comes late sends only the latest reminder
owed, and none once the session has begun. Rescheduling counts a new version (invitations and
reminders afresh); rescheduling and cancellation are told to both. Every step is on the case's
history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any, ClassVar

from models.repos import Repo
from models.tables import Case, CommissionSession, User
from services import respondents
from services.calendar import TEHRAN, WorkingCalendar
from services.casework import clocks
from services.casework.notices import record_event, tell_staff
from services.desk import DeskConfig
from services.formatting import format_code, format_datetime, localize_digits
from services.normalize import normalize_text, parse_jalali_or_gregorian_date, to_ascii_digits
from services.outbox import Outgoing, Purpose, enqueue_once, person
from services.platforms import profile_of
from services.relay import Party
from services.texts import Texts, texts
from services.view import Button, ButtonPayload
from services.workflow import FOLLOWED, Role

__all__ = [
    "REMINDERS",
    "Mode",
    "Refusal",
    "SessionAnswer",
    "cancel",
    "invite_pending",
    "parse_when",
    "reply",
    "schedule",
    "send_reminders",
    "session_line",
]

SCHEDULED = "scheduled"
CANCELLED = "cancelled"
# The reminders, latest last: the day before, and two hours before.
REMINDERS: tuple[tuple[str, timedelta], ...] = (
    ("day", timedelta(hours=24)),
    ("hours", timedelta(hours=2)),
)
SWEEP_BATCH = 200
_TIME = re.compile(r"([0-9]{1,2})[:٫.]([0-9]{2})")
_LINK = re.compile(r"https?://\S+\.\S+", re.IGNORECASE)


class Mode(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"


class Answer(StrEnum):
    CONFIRMED = "confirmed"
    ANOTHER_TIME = "another_time"


@dataclass(frozen=True)
class SessionAnswer(ButtonPayload):
    """A party's button under an invitation: confirm, or ask for another time; drawn for one
    version of the session."""

    kind: ClassVar[str] = "session"

    session_id: int
    version: int
    answer: Answer


@dataclass(frozen=True)
class Refusal:
    """Why staff's session was not taken: a message key and its arguments."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)


# --- when ----------------------------------------------------------------------------------


def parse_when(day_text: str, time_text: str) -> datetime | None:
    """A Jalali (or Gregorian) date and a 24-hour time, as Tehran's wall clock."""
    day = parse_jalali_or_gregorian_date(day_text)
    match = _TIME.fullmatch(to_ascii_digits(normalize_text(time_text)))
    if day is None or match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return datetime.combine(day, time(hour, minute), tzinfo=TEHRAN)


def _refusal_of_time(
    at: datetime, now: datetime, calendar: WorkingCalendar, t: Texts
) -> Refusal | None:
    """A session starts in the future, on a working day, within office hours."""
    if at <= now:
        return Refusal("session-refused-past")
    local = at.astimezone(TEHRAN)
    day = local.date()
    if not calendar.is_working_day(day):
        holiday = calendar.holiday_name(day)
        if holiday is not None:
            return Refusal("session-refused-holiday", {"name": holiday})
        return Refusal("session-refused-weekend")
    if not calendar.office_open <= local.time() < calendar.office_close:
        return Refusal(
            "session-refused-hours",
            {
                "open": localize_digits(calendar.office_open.strftime("%H:%M"), t.locale),
                "close": localize_digits(calendar.office_close.strftime("%H:%M"), t.locale),
            },
        )
    return None


def parse_place(words: list[str]) -> tuple[Mode, str] | Refusal:
    """`online LINK` or `at ADDRESS` (also «آنلاین» / «برخط» and «حضوری» / «در»)."""
    if not words:
        return Refusal("session-usage")
    kind, rest = words[0].lower(), " ".join(words[1:]).strip()
    if kind in ("online", "آنلاین", "برخط"):
        if not _LINK.fullmatch(rest):
            return Refusal("session-refused-link")
        return Mode.ONLINE, rest
    if kind in ("at", "حضوری", "در"):
        if len(rest) < 5:
            return Refusal("session-refused-address")
        return Mode.IN_PERSON, rest[:512]
    return Refusal("session-usage")


def _next_reminder(session: CommissionSession) -> datetime | None:
    """The next reminder's instant: the first not yet sent."""
    stages = [name for name, _ in REMINDERS]
    done = stages.index(session.reminded) + 1 if session.reminded in stages else 0
    later = REMINDERS[done:]
    return session.at - later[0][1] if later else None


# --- staff -------------------------------------------------------------------------------


async def _calendar(repo: Repo, config: DeskConfig) -> WorkingCalendar:
    return await clocks.calendar_for(repo, config)


async def schedule(
    repo: Repo,
    case: Case,
    clerk: User,
    role: Role,
    at: datetime,
    place: tuple[Mode, str] | None,
    now: datetime,
    config: DeskConfig,
    *,
    moving: bool = False,
) -> CommissionSession | Refusal:
    """Schedule the case's session, or move the one scheduled (`moving`; `place` None keeps
    its place); both parties are invited, and the case's history keeps it."""
    t = texts(config.staff_locale)
    if case.status not in {status.value for status in FOLLOWED}:
        return Refusal("session-refused-ended")
    refused = _refusal_of_time(at, now, await _calendar(repo, config), t)
    if refused is not None:
        return refused
    session = await repo.sessions.scheduled_of(case.id)
    if moving and session is None:
        return Refusal("session-none")
    if not moving and session is not None:
        return Refusal("session-exists", {"when": format_datetime(session.at, t.locale)})
    moved = session is not None
    if session is None:
        if place is None:
            return Refusal("session-usage")
        session = CommissionSession(
            case_id=case.id,
            at=at,
            mode=place[0],
            place=place[1],
            status=SCHEDULED,
            version=1,
            reminded="",
            created_by=clerk.id,
            created_at=now,
            changed_at=now,
        )
        repo.sessions.add(session)
    else:
        session.at = at
        session.version += 1
        session.reminded = ""
        session.complainant_answer = None
        session.respondent_answer = None
        session.changed_at = now
        if place is not None:
            session.mode, session.place = place
    # A reminder whose time has passed already is not owed: the invitation says it all.
    passed = [name for name, before in REMINDERS if at - before <= now]
    session.reminded = passed[-1] if passed else ""
    session.next_reminder_at = _next_reminder(session)
    await repo.session.flush()
    action = "session_moved" if moved else "session_scheduled"
    record_event(repo, case, clerk, role, action, now, _note(session, t))
    await _tell_parties(
        repo, case, session, "session-moved" if moved else "session-invite", now, config
    )
    await repo.commit()
    return session


async def cancel(
    repo: Repo, case: Case, clerk: User, role: Role, now: datetime, config: DeskConfig
) -> CommissionSession | Refusal:
    """Cancel the case's scheduled session; both parties are told."""
    session = await repo.sessions.scheduled_of(case.id)
    if session is None:
        return Refusal("session-none")
    session.status = CANCELLED
    session.next_reminder_at = None
    session.changed_at = now
    t = texts(config.staff_locale)
    record_event(repo, case, clerk, role, "session_cancelled", now, _note(session, t))
    await _tell_parties(repo, case, session, "session-cancelled", now, config)
    await repo.commit()
    return session


def _note(session: CommissionSession, t: Texts) -> str:
    """The session as the case's history keeps it: when, and where."""
    return t.plain(
        f"session-note-{session.mode}",
        when=format_datetime(session.at, t.locale),
        place=session.place,
    )


def session_line(session: CommissionSession | None, t: Texts) -> str:
    """The session on the staff card and in the case's story."""
    if session is None:
        return t.plain("session-line-none")
    return t.plain(
        "session-line",
        note=_note(session, t),
        complainant=t.plain(f"session-answer-{session.complainant_answer or 'none'}"),
        respondent=t.plain(f"session-answer-{session.respondent_answer or 'none'}"),
    )


async def _parties(repo: Repo, case: Case) -> list[tuple[Party, User]]:
    """Whom a session is told to: the complainant, and the respondent when on the desk."""
    found: list[tuple[Party, User]] = []
    citizen = await repo.users.get(case.citizen_id) if case.citizen_id is not None else None
    if citizen is not None and not citizen.is_banned:
        found.append((Party.COMPLAINANT, citizen))
    _, holder = await respondents.respondent_of(repo, case)
    if holder is not None:
        found.append((Party.RESPONDENT, holder))
    return found


async def _tell_parties(
    repo: Repo,
    case: Case,
    session: CommissionSession,
    key: str,
    now: datetime,
    config: DeskConfig,
) -> int:
    """One message to each party, once for this version of the session: the invitation (and
    a rescheduling) with the buttons to answer."""
    told = 0
    for party, user in await _parties(repo, case):
        t = texts(user.locale or case.locale)
        profile = profile_of(person(user).platform)
        buttons: list[list[Button]] = []
        if key in ("session-invite", "session-moved"):
            buttons = [
                [
                    Button(
                        t.plain(f"session-button-{answer}"),
                        callback=SessionAnswer(session.id, session.version, answer),
                    )
                ]
                for answer in Answer
            ]
        chat = person(user)
        text = t.render(
            profile,
            key,
            code=format_code(case.code, t.locale),
            party=t.plain(f"session-party-{party}"),
            place=t.render(
                profile,
                f"session-place-{session.mode}",
                place=session.place,
            ),
            when=format_datetime(session.at, t.locale),
        )
        told += await enqueue_once(
            repo,
            Outgoing(
                platform=chat.platform,
                chat_id=chat.id,
                text=text,
                parse_mode=profile.parse_mode,
                buttons=buttons,
            ),
            now=now,
            purpose=Purpose.SESSION,
            detail=key,
            case_id=case.id,
            dedupe_key=f"session:{session.id}:v{session.version}:{key}:{user.id}",
        )
    return told


async def invite_pending(repo: Repo, user: User, config: DeskConfig, now: datetime) -> int:
    """A licence holder just on the desk: the sessions scheduled for complaints against their
    licences are told to them now (each party's invitation goes once a version)."""
    told = 0
    for against in await respondents.cases_against(repo, user, followed=True):
        for case in against.cases:
            session = await repo.sessions.scheduled_of(case.id)
            if session is not None and session.at > now:
                key = "session-invite" if session.version == 1 else "session-moved"
                told += await _tell_parties(repo, case, session, key, now, config)
    await repo.commit()
    return told


# --- the parties' answers -----------------------------------------------------------------


@dataclass(frozen=True)
class Replied:
    """What answering did: nothing (a button of another version, or no party's), or the
    answer recorded."""

    recorded: bool
    case: Case | None = None


async def reply(
    repo: Repo, user: User, payload: SessionAnswer, now: datetime, config: DeskConfig
) -> Replied:
    """A party confirms, or asks for another time: kept on the session and the history, and
    told in the case's thread."""
    session = await repo.sessions.get(payload.session_id)
    if session is None or session.status != SCHEDULED or session.version != payload.version:
        return Replied(False)
    case = await repo.cases.by_id(session.case_id)
    if case is None:
        return Replied(False)
    party: Party | None = None
    if case.citizen_id in await repo.users.linked_ids(user):
        party = Party.COMPLAINANT
    elif await respondents.is_respondent(repo, user, case):
        party = Party.RESPONDENT
    if party is None:
        return Replied(False)
    if party is Party.COMPLAINANT:
        session.complainant_answer = payload.answer
    else:
        session.respondent_answer = payload.answer
    t = texts(config.staff_locale)
    role = Role.CITIZEN if party is Party.COMPLAINANT else Role.RESPONDENT
    record_event(repo, case, user, role, f"session_{payload.answer}", now, _note(session, t))
    tell_staff(
        repo,
        case,
        f"session-staff-{payload.answer}",
        now,
        config,
        party=t.plain(f"session-party-{party}"),
        when=format_datetime(session.at, t.locale),
    )
    await repo.commit()
    return Replied(True, case)


# --- reminders and the digest -------------------------------------------------------------


async def send_reminders(repo: Repo, now: datetime, config: DeskConfig) -> int:
    """The reminders now due, each once; a late sweep sends the latest owed only, and none
    once the session has begun."""
    sent = 0
    while True:
        due = await repo.sessions.due(now, limit=SWEEP_BATCH)
        if not due:
            return sent
        for session in due:
            owed = [name for name, before in REMINDERS if session.at - before <= now]
            session.reminded = owed[-1] if owed else session.reminded
            session.next_reminder_at = _next_reminder(session)
            if session.at <= now:
                session.next_reminder_at = None
                continue
            case = await repo.cases.by_id(session.case_id)
            if case is None or not owed:
                continue
            sent += await _tell_parties(
                repo, case, session, f"session-reminder-{session.reminded}", now, config
            )
        await repo.commit()
