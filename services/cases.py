"""What a citizen may see of cases: only their own, and nothing that tells others' apart."""

from __future__ import annotations

from models.repositories import Repo
from models.tables import Case, User
from services import certificates
from services.certificate_import import IMPORTED
from services.formatting import format_code, format_date, format_datetime, format_number
from services.ownership import owns
from services.platforms import PlatformProfile
from services.texts import Rendered, Texts
from services.tracking import CodeKind, parse_code
from services.workflow import status_label

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


async def list_cases(repo: Repo, user: User, t: Texts, profile: PlatformProfile) -> str:
    """The citizen's cases, newest first."""
    ids = await repo.users.linked_ids(user)
    cases = await repo.cases.of_citizens(ids, limit=LIST_LIMIT)
    if not cases:
        return t.render(profile, "my-cases-empty")
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


async def track(repo: Repo, user: User, text: str, t: Texts, profile: PlatformProfile) -> str:
    """One case and its history, to its owner; anyone else hears it does not exist.

    The code tells the kind: a complaint, or a software certificate request.
    """
    code = parse_code(text)
    if code is None:
        return t.render(profile, "track-bad-code")
    if code.kind is CodeKind.CERTIFICATE:
        return await _track_certificate(repo, user, text, t, profile)
    case = await owned_case(repo, user, text)
    if case is None:
        return t.render(profile, "track-not-found")
    history = "\n".join(
        t.render(
            profile,
            "history-line",
            when=format_datetime(event.at, t.locale),
            event=t.plain(f"event-{event.action}"),
            status=t.plain(status_label(event.to_status)) if event.to_status else "",
        )
        for event in case.events
    )
    return t.render(
        profile,
        "track-case",
        code=format_code(case.code, t.locale),
        business=case.business_name,
        subject=t.plain(f"subject-{case.subject}-plain"),  # the citizen's words
        status=t.plain(status_label(case.status)),
        received=format_datetime(case.received_at, t.locale),
        due=_current_step(case, t, profile),
        attachments=format_number(len(case.attachments), t.locale),
        history=Rendered(history),
    )


def _current_step(case: Case, t: Texts, profile: PlatformProfile) -> Rendered:
    """The step the case is at and when it is due, while a step runs."""
    if case.step is None or case.step_due_at is None:
        return Rendered("")
    step = t.render(profile, "track-step", step=t.plain(f"step-{case.step}"))
    due = t.render(profile, "track-due", due=format_datetime(case.step_due_at, t.locale))
    return Rendered(f"{step}\n{due}")


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
            # An imported request says where it came from, then where it stood.
            event=t.plain("cert-event-imported")
            if event.action == IMPORTED
            else t.plain(f"cert-status-{event.to_status}"),
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
