"""Messages about a case to its citizen and to its staff chat, and the audit events of what
staff did beside the workflow's moves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from models.repos import Repo
from models.tables import Case, CaseEvent, User
from services.desk import DeskConfig
from services.formatting import format_code, format_datetime
from services.outbox import Outgoing, Purpose, card_in, enqueue, text_for
from services.ownership import complainant
from services.platforms import PlatformProfile, profile_of
from services.texts import Rendered, Texts, texts
from services.workflow import CaseStatus, Role, closing_label, status_label


def step_lines(case: Case, t: Texts, profile: PlatformProfile) -> list[Rendered]:
    """The step a case is at and when it is due, while a step runs; the same words in a
    notice and in `/track`."""
    if case.step is None or case.step_due_at is None:
        return []
    return [
        t.render(profile, "track-step", step=t.plain(f"step-{case.step}")),
        t.render(profile, "track-due", due=format_datetime(case.step_due_at, t.locale)),
    ]


def notice_text(
    case: Case,
    key: str,
    t: Texts,
    profile: PlatformProfile,
    *,
    heading: str = "case-notice",
    reason: str | None = None,
    after: Sequence[Rendered] = (),
    extra: Mapping[str, str] | None = None,
) -> Rendered:
    """What happened to a case in one message: the heading with its code, the words of `key`,
    the step that now runs, and any lines `after`; no line is left empty."""
    code = format_code(case.code, t.locale)
    body = t.render(
        profile,
        key,
        code=code,
        status=t.plain(status_label(case.status)),
        reason=reason or "",
        **(extra or {}),
    )
    lines = [t.render(profile, heading, code=code), body.strip(), *step_lines(case, t, profile)]
    lines.extend(after)
    return Rendered("\n".join(line for line in lines if line))


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
    enqueue(
        repo,
        Outgoing(
            platform=profile.platform,
            chat_id=citizen.platform_user_id,
            text=notice_text(case, key, t, profile, reason=reason, extra=args),
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
