"""What a citizen may see of cases: only their own, and nothing that tells others' apart."""

from __future__ import annotations

from models.repositories import Repo
from models.tables import Case, User
from services.formatting import format_code, format_date, format_datetime, format_number
from services.platforms import PlatformProfile
from services.texts import Rendered, Texts
from services.tracking import parse_code

LIST_LIMIT = 20


async def owned_case(repo: Repo, user: User, text: str) -> Case | None:
    """The case behind a typed code, if it belongs to this person (on any linked account).

    An unknown code, a mistyped one and someone else's case give the same answer: None.
    """
    code = parse_code(text)
    if code is None:
        return None
    case = await repo.cases.by_code(code.digits, with_history=True)
    if case is None or case.citizen_id not in await repo.users.linked_ids(user):
        return None
    return case


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
            status=t.plain(f"status-{case.status}"),
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
    """One case and its history, to its owner; anyone else hears it does not exist."""
    if parse_code(text) is None:
        return t.render(profile, "track-bad-code")
    case = await owned_case(repo, user, text)
    if case is None:
        return t.render(profile, "track-not-found")
    history = "\n".join(
        t.render(
            profile,
            "history-line",
            when=format_datetime(event.at, t.locale),
            event=t.plain(f"event-{event.action}"),
            status=t.plain(f"status-{event.to_status}") if event.to_status else "",
        )
        for event in case.events
    )
    return t.render(
        profile,
        "track-case",
        code=format_code(case.code, t.locale),
        business=case.business_name,
        subject=t.plain(f"subject-{case.subject}"),
        status=t.plain(f"status-{case.status}"),
        received=format_datetime(case.received_at, t.locale),
        due=t.render(profile, "track-due", due=format_datetime(case.step_due_at, t.locale))
        if case.step_due_at
        else "",
        attachments=format_number(len(case.attachments), t.locale),
        history=Rendered(history),
    )
