"""The complaint workflow applied to stored cases: every accepted transition, in one
transaction, moves the case's facts and deadlines, writes an audit event and tells the
citizen in their language with the reason; a refused one changes nothing and says why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.repos import Repo
from models.tables import Case, User
from services import satisfaction
from services.casework.clocks import calendar_for, policy_for, refresh_deadlines
from services.casework.notices import record_event, tell_citizen, tell_staff
from services.desk import DeskConfig
from services.outbox import Method, Outgoing, Purpose, enqueue
from services.platforms import Platform
from services.texts import texts
from services.workflow import (
    ILLEGAL,
    OBJECTION_ALREADY_USED,
    TRANSITIONS,
    Action,
    CaseFacts,
    CaseStatus,
    Closing,
    Opinion,
    Planned,
    Refused,
    Role,
    TransitionRequest,
    allowed_actions,
    plan,
)


def facts_of(case: Case) -> CaseFacts:
    """What the state machine reads of a stored case."""
    return CaseFacts(
        status=CaseStatus(case.status),
        opinion=Opinion(case.opinion) if case.opinion else None,
        decided_at=case.decided_at,
        closed_by_withdrawal=case.closed_by_withdrawal,
        objection_used=case.objection_used,
        closing=Closing(case.closing_reason) if case.closing_reason else None,
    )


def actions_for(case: Case, role: Role, now: datetime, config: DeskConfig) -> list[Action]:
    """The moves `role` may make on a case now: exactly the buttons to draw."""
    return allowed_actions(
        facts_of(case),
        role,
        now,
        objection_window=config.windows.objection,
        reopen_window=config.windows.reopen,
    )


@dataclass(frozen=True)
class Applied:
    """A transition that was made."""

    planned: Planned
    case: Case


async def apply(
    repo: Repo,
    case: Case,
    *,
    action: Action,
    actor: User | None,
    role: Role,
    now: datetime,
    config: DeskConfig,
    reason: str | None = None,
    opinion: Opinion | None = None,
) -> Applied | Refused:
    """Move a case if the rules allow it, and commit: case, deadlines, audit, message (to the
    complainant for a staff move; the caller confirms the complainant's own)."""
    request = TransitionRequest(action=action, role=role, now=now, reason=reason, opinion=opinion)
    result = plan(
        facts_of(case),
        request,
        objection_window=config.windows.objection,
        reopen_window=config.windows.reopen,
    )
    if isinstance(result, Refused):
        return _explained(result, case, action)
    after = result.after
    case.status = after.status.value
    case.opinion = after.opinion.value if after.opinion else None
    case.decided_at = after.decided_at
    case.closed_by_withdrawal = after.closed_by_withdrawal
    case.objection_used = after.objection_used
    case.closing_reason = after.closing.value if after.closing else None
    if result.sets_opinion is not None:
        case.opinion_at = now
    if result.changes_status:
        case.status_changed_at = now
    if action is Action.REOPEN:
        case.clock_started_at = now
        case.opinion_at = None
    if action is Action.CLAIM and actor is not None:
        case.assignee_id = actor.id
    if role is not Role.CITIZEN and case.first_response_at is None:
        case.first_response_at = now
    refresh_deadlines(
        case, await policy_for(repo, case.queue), await calendar_for(repo, config), config
    )
    note = result.reason or (result.sets_opinion.value if result.sets_opinion else None)
    from_status = result.from_status.value
    record_event(repo, case, actor, role, action.value, now, note, from_status=from_status)
    if role is Role.CITIZEN:
        # The complainant's own move is confirmed once, in the chat where they made it.
        label = texts(config.staff_locale).plain(f"action-{action.value}")
        tell_staff(repo, case, "staff-citizen-action", now, config, action=label)
    else:
        await tell_citizen(repo, case, result.citizen_message_key, now, reason=result.reason)
    if result.changes_status:
        await satisfaction.after_move(repo, case, action, now)
        _retitle_thread(repo, case, now)
    await repo.commit()
    return Applied(result, case)


def _retitle_thread(repo: Repo, case: Case, now: datetime) -> None:
    """A case's forum topic is titled with its status: renamed when the status moves (the
    sender reads the title from the case, so the newest status wins)."""
    if case.staff_thread_id is None or case.staff_platform is None or case.staff_chat_id is None:
        return
    enqueue(
        repo,
        Outgoing(
            platform=Platform(case.staff_platform),
            chat_id=case.staff_chat_id,
            text="",
            parse_mode=None,
            method=Method.TOPIC_TITLE,
        ),
        now=now,
        purpose=Purpose.STAFF_TOPIC_TITLE,
        case_id=case.id,
    )


def refusal_of(
    case: Case, action: Action, role: Role, now: datetime, config: DeskConfig
) -> Refused | None:
    """Why `role` may not ask for `action` on the case now; None when the rules allow it
    (a reason still to be typed is asked for later, so it is no refusal)."""
    request = TransitionRequest(action=action, role=role, now=now, reason="-")
    result = plan(
        facts_of(case),
        request,
        objection_window=config.windows.objection,
        reopen_window=config.windows.reopen,
    )
    return _explained(result, case, action) if isinstance(result, Refused) else None


def _explained(refused: Refused, case: Case, action: Action) -> Refused:
    # An objection is made once: a second one is refused as such, wherever the case went.
    if refused.key == ILLEGAL and action is Action.OBJECT and case.objection_used:
        return Refused(OBJECTION_ALREADY_USED)
    return refused


def action_towards(case: Case, target: CaseStatus, role: Role) -> Action | None:
    """The move that takes a case from its status to `target` for `role`, if there is one; a
    move asked for by its own name (the parties' agreement) is never taken for it."""
    status = CaseStatus(case.status)
    for row in TRANSITIONS:
        if status in row.sources and role in row.roles and row.target is target:
            if row.target is status or row.named_only:
                continue
            return row.action
    return None


def target_of(case: Case, action: Action, role: Role) -> CaseStatus | None:
    """Where `action` by `role` takes the case from its status, if it may be asked for."""
    status = CaseStatus(case.status)
    for row in TRANSITIONS:
        if row.action is action and status in row.sources and role in row.roles:
            return row.target
    return None
