"""What a citizen may see of cases: only their own, and nothing that tells others' apart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from models.repos import Repo
from models.tables import Case, CertificateEvent, User
from services import certificates, relay, respondents
from services.casework.notices import status_text, step_lines
from services.certificate_import import IMPORTED
from services.formatting import (
    format_code,
    format_date,
    format_datetime,
    format_number,
    localize_digits,
)
from services.normalize import search_key
from services.ownership import owns
from services.platforms import PlatformProfile
from services.texts import LOCALES, Rendered, Texts, texts
from services.tracking import CodeKind, CodeReading, Typed, parse_code, read_code
from services.workflow import Action, CaseStatus, Closing, status_label

LIST_LIMIT = 20


async def owned_case(repo: Repo, user: User, text: str) -> Case | None:
    """The case behind a typed code, if it belongs to this person (on any linked account).

    An unknown code, a mistyped one and someone else's case give the same answer: None.
    """
    code = parse_code(text)
    if code is None:
        return None
    case = await repo.cases.by_code(code.digits, with_history=True)
    return case if case is not None and await owns(repo, user, case) else None


def asks_for_own_cases(text: str) -> bool:
    """Whether a message is one of the ways people ask for their cases or their status
    («وضعیت پرونده», «پرونده‌های من», «پیگیری»…, in either language), however it is spelt:
    Arabic ي and ك, spaces or half-spaces, harakat and punctuation do not matter."""
    keys, longest = _own_cases_keys()
    # Most messages are far longer than any of these ways: they are not keyed at all.
    return len(text) <= 2 * longest and search_key(text) in keys


@cache
def _own_cases_keys() -> tuple[frozenset[str], int]:
    """The keys of the ways people ask for their cases, and the longest way's length."""
    lines = [
        line
        for locale in LOCALES
        for line in texts(locale).plain("my-cases-phrases").splitlines()
        if search_key(line)
    ]
    return frozenset(map(search_key, lines)), max(map(len, lines))


def is_a_code(text: str) -> bool:
    """Whether a message is a valid tracking code, as people type or paste it."""
    return parse_code(text) is not None


async def awaits_an_answer(repo: Repo, user: User) -> bool:
    """Whether a clerk's question to this person (on any linked account) waits for an answer."""
    _, questions = await relay.open_questions(repo, await repo.users.linked_ids(user))
    return bool(questions)


async def list_cases(repo: Repo, user: User, t: Texts, profile: PlatformProfile) -> str:
    """The citizen's complaints, newest first, then their certificate requests; the way to see
    one, once."""
    ids = await repo.users.linked_ids(user)
    cases = await repo.cases.of_citizens(ids, limit=LIST_LIMIT)
    requests = await certificates.requests_of(repo, user, limit=LIST_LIMIT)
    against = await respondents.cases_against(repo, user)
    if not cases and not requests and not against:
        return t.render(profile, "my-cases-empty")
    parts = [await _complaints(repo, ids, cases, t, profile)] if cases else []
    if against:
        parts.append(_against(against, t, profile))
    if requests:
        lines = [
            t.render(
                profile,
                "my-requests-line",
                code=format_code(request.code, t.locale),
                product=request.product_name,
                status=t.plain(f"cert-status-{request.status}"),
                date=format_date(request.submitted_at, t.locale),
            )
            for request in requests
        ]
        parts.append(
            t.render(
                profile,
                "my-requests",
                count=format_number(len(requests), t.locale),
                lines=Rendered("\n".join(lines)),
            )
        )
    parts.append(t.render(profile, "my-cases-hint"))
    return "\n\n".join(parts)


def _against(against: list[respondents.Against], t: Texts, profile: PlatformProfile) -> str:
    """The complaints about the licences a person holds, under each licence: apart from the
    complaints they filed."""
    groups = [
        t.render(
            profile,
            "my-cases-against-licence",
            business=group.licence.business_name,
            licence=localize_digits(group.licence.number, t.locale),
            lines=Rendered(
                "\n".join(
                    t.render(
                        profile,
                        "my-cases-against-line",
                        code=format_code(case.code, t.locale),
                        subject=t.plain(f"subject-{case.subject}"),
                        status=t.plain(status_label(case.status)),
                        date=format_date(case.received_at, t.locale),
                    )
                    for case in group.cases
                )
            ),
        )
        for group in against
    ]
    count = sum(len(group.cases) for group in against)
    return t.render(
        profile,
        "my-cases-against",
        count=format_number(count, t.locale),
        groups=Rendered("\n".join(groups)),
    )


async def _complaints(
    repo: Repo, ids: list[int], cases: list[Case], t: Texts, profile: PlatformProfile
) -> str:
    total = await repo.cases.count_of_citizens(ids)
    lines = [
        t.render(
            profile,
            "my-cases-line",
            code=format_code(case.code, t.locale),
            business=case.business_name,
            status=t.plain(status_label(case.status)),
            date=format_date(case.received_at, t.locale),
        )
        for case in cases
    ]
    return t.render(
        profile,
        "my-cases",
        count=format_number(total, t.locale),
        shown=format_number(len(cases), t.locale),
        more=t.render(profile, "my-cases-more", count=format_number(total - len(cases), t.locale))
        if total > len(cases)
        else "",
        lines=Rendered("\n".join(lines)),
    )


@dataclass(frozen=True)
class Tracked:
    """What following a code answers, and whether the desk waits for the code again: it does
    after a slip (a mistyped code, a wrong number of digits, words), so the corrected code is
    read as a code."""

    text: str
    again: bool = False


async def track(repo: Repo, user: User, text: str, t: Texts, profile: PlatformProfile) -> Tracked:
    """One case and its story, to its owner; anyone else hears it does not exist.

    The code tells the kind: a complaint, or a software certificate request.
    """
    reading = read_code(text)
    if reading.code is None:
        return Tracked(slip(reading, text, t, profile), again=True)
    if reading.code.kind is CodeKind.CERTIFICATE:
        return Tracked(await _track_certificate(repo, user, reading.code.digits, t, profile))
    case = await owned_case(repo, user, reading.code.digits)
    if case is None:
        return Tracked(t.render(profile, "track-not-found"))
    return Tracked(case_story(case, t, profile))


def slip(reading: CodeReading, typed: str, t: Texts, profile: PlatformProfile) -> str:
    """Why what was typed is no code, in words that help to type it again (what was typed is
    shown back with the language's digits, so a slip is easy to see)."""
    shown = localize_digits(typed.strip(), t.locale)
    if reading.typed is Typed.MISTYPED:
        return t.render(profile, "track-mistyped", typed=shown)
    if reading.typed is Typed.WRONG_LENGTH:
        count = format_number(len(reading.digits), t.locale)
        return t.render(profile, "track-wrong-length", typed=shown, count=count)
    return t.render(profile, "track-no-digits")


# What a complainant reads of their case's events, each in words of its own; the others
# (internal notes, messages that did not reach them, the desk's settings) are the staff's.
STORY: Mapping[str, str] = MappingProxyType(
    {
        "filed": "story-filed",
        Action.CLAIM: "story-claim",
        "assigned": "story-assigned",
        Action.REFER_TO_COMMISSION: "story-refer_to_commission",
        Action.REFER_TO_SUPERVISION: "story-refer_to_supervision",
        Action.RECORD_OPINION: "story-record_opinion",
        Action.CLOSE: "story-close",
        Action.REFER_TO_JUDICIAL: "story-refer_to_judicial",
        Action.VOID: "story-void",
        Action.WITHDRAW: "story-withdraw",
        Action.OBJECT: "story-object",
        Action.REOPEN: "story-reopen",
        Action.AGREE: "story-agree",
        "referred": "story-referred",
        "complainant_linked": "story-complainant_linked",
        "asked": "story-asked",
        "answered": "story-answered",
        "wrote": "story-wrote",
        "replied": "story-replied",
        "rated": "story-rated",
        "rating_comment": "story-rating_comment",
        "session_scheduled": "story-session_scheduled",
        "session_moved": "story-session_moved",
        "session_cancelled": "story-session_cancelled",
    }
)
# Moves whose reason the complainant was told with the move's notice, and so may read again.
_TOLD_REASON = frozenset(
    {Action.CLOSE, Action.VOID, Action.REFER_TO_SUPERVISION, Action.REOPEN}
    # The commission's session, when and where, as the parties were told it.
    | {"session_scheduled", "session_moved", "session_cancelled"}
)


def case_story(case: Case, t: Texts, profile: PlatformProfile) -> str:
    """The case as its owner follows it: what it is, where it stands, the step that runs and
    its deadline while one runs, then one line per event, dated, in words."""
    story = [
        t.render(
            profile,
            "story-line-reason" if event.action in _TOLD_REASON and event.note else "story-line",
            when=format_datetime(event.at, t.locale),
            event=t.plain(STORY[event.action]),
            reason=event.note or "",
        )
        for event in case.events
        if event.action in STORY
    ]
    lines = [
        t.render(
            profile,
            "track-case",
            code=format_code(case.code, t.locale),
            business=case.business_name,
            subject=t.plain(f"subject-{case.subject}-plain"),  # the citizen's words
            status=status_text(case, t),
            received=format_datetime(case.received_at, t.locale),
        ),
        *step_lines(case, t, profile),
    ]
    if case.closing_reason == Closing.AGREEMENT and case.status == CaseStatus.CLOSED:
        # The terms the parties agreed on, when their agreement closed the case.
        terms = next((e.note for e in reversed(case.events) if e.action == Action.AGREE), None)
        terms = terms or t.plain("value-not-given")
        lines.append(t.render(profile, "track-agreement", terms=terms))
    if case.attachments:
        count = format_number(len(case.attachments), t.locale)
        lines.append(t.render(profile, "track-attachments", count=count))
    lines.append(t.render(profile, "track-story", story=Rendered("\n".join(story))))
    return "\n".join(lines)


async def _track_certificate(
    repo: Repo, user: User, text: str, t: Texts, profile: PlatformProfile
) -> str:
    request = await certificates.owned_request(repo, user, text)
    if request is None:
        return t.render(profile, "track-not-found")
    history = "\n".join(
        t.render(
            profile,
            "history-line",
            when=format_datetime(event.at, t.locale),
            event=_certificate_event(event, t),
            # An imported request says where it came from, then where it stood.
            status=t.plain(f"cert-status-{event.to_status}") if event.action == IMPORTED else "",
        )
        for event in await repo.certificates.events_of(request.id)
    )
    return t.render(
        profile,
        "track-certificate",
        details=certificates.describe(request, t, profile),
        history=Rendered(history),
        code=format_code(request.code, t.locale),
    )


def _certificate_event(event: CertificateEvent, t: Texts) -> str:
    """What happened to a request, in words: a status reached, or what the applicant did."""
    if event.action == IMPORTED:
        return t.plain("cert-event-imported")
    if event.action == certificates.DOCUMENT:
        if event.note:
            return t.plain("cert-event-document", name=event.note)
        return t.plain("cert-event-document-unnamed")
    if event.action in (certificates.DOCUMENTS_SENT, certificates.FEE_REPORTED):
        return t.plain(f"cert-event-{event.action}")
    return t.plain(f"cert-status-{event.to_status}")
