"""Messages about a case to its citizen and to its staff chat, and the audit events of what
staff did beside the workflow's moves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from models.repos import Repo
from models.tables import Case, CaseEvent, User
from services.desk import DeskConfig
from services.formatting import format_code, format_datetime
from services.outbox import Outgoing, Purpose, card_in, enqueue, text_for
from services.ownership import complainant
from services.platforms import profile_of
from services.texts import Texts, texts
from services.workflow import (
    CaseStatus,
    Role,
    closing_label,
    is_open,
    status_label,
)


def status_text(case: Case, t: Texts) -> str:
    """A case's status in words, with why it was closed where it was: «مختومه (سازش طرفین)»."""
    status = t.plain(status_label(case.status))
    if case.status != CaseStatus.CLOSED or not case.closing_reason:
        return status
    closing = t.plain(closing_label(case.closing_reason))
    return t.plain("status-with-closing", status=status, closing=closing)


async def tell_citizen(
    repo: Repo,
    case: Case,
    key: str,
    now: datetime,
    *,
    reason: str | None = None,
    **args: str,
) -> None:
    """A message to the complainant about their case, in their language and platform; a
    referred case's complainant is looked for by the letter's mobile at every notice."""
    citizen = await complainant(repo, case, now)
    if citizen is None:
        return
    t = texts(citizen.locale or case.locale)
    profile = profile_of(citizen.platform)
    body = t.render(
        profile,
        key,
        code=format_code(case.code, t.locale),
        status=t.plain(status_label(case.status)),
        reason=reason or "",
        **args,
    )
    due = (
        t.render(profile, "notice-due", due=format_datetime(case.step_due_at, t.locale))
        if case.step_due_at is not None and is_open(CaseStatus(case.status))
        else ""
    )
    text = t.render(
        profile, "case-notice", body=body, due=due, code=format_code(case.code, t.locale)
    )
    enqueue(
        repo,
        Outgoing(
            platform=profile.platform,
            chat_id=citizen.platform_user_id,
            text=text,
            parse_mode=profile.parse_mode,
        ),
        now=now,
        purpose=Purpose.CASE_NOTICE,
        detail=key,
        case_id=case.id,
    )


def tell_staff(
    repo: Repo, case: Case, key: str, now: datetime, config: DeskConfig, **args: str
) -> None:
    """A message to the case's staff chat, under the case's card where it is known."""
    chat = config.staff_chat(case.queue)
    if chat is None:
        return
    t = texts(config.staff_locale)
    values: dict[str, Any] = {
        "code": format_code(case.code, t.locale),
        "status": t.plain(status_label(case.status)),
        **args,
    }
    enqueue(
        repo,
        text_for(chat, t, key, reply_to_message_id=card_in(case, chat), **values),
        now=now,
        purpose=Purpose.STAFF_NOTICE,
        detail=key,
        case_id=case.id,
    )


def record_event(
    repo: Repo,
    case: Case,
    actor: User | None,
    role: Role,
    action: str,
    now: datetime,
    note: str | None,
    *,
    from_status: str | None = None,
) -> None:
    """An audit event of the case as it stands now (`from_status`: where a move took it from)."""
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=actor.id if actor else None,
            actor_role=role.value,
            platform=actor.platform if actor else None,
            action=action,
            from_status=from_status or case.status,
            to_status=case.status,
            note=note,
        )
    )
