"""The complaint workflow applied to stored cases: transitions, deadlines, and who is told.

Every accepted transition, in one transaction: the case's new facts and deadlines, an audit
event, and a message to the citizen in their language with the reason. A refused one changes
nothing and says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from models.repositories import Repo
from models.tables import Case, CaseEvent, CaseMessage, QueuePolicy, User
from services import satisfaction
from services.calendar import WorkingCalendar
from services.deadlines import SlaPolicy, compute_deadlines, policy_from_mapping
from services.desk import DeskConfig
from services.formatting import format_code, format_datetime
from services.lengths import Shortened, shorten
from services.outbox import Button, Method, Outgoing, card_in, enqueue, person, text_for
from services.platforms import Platform, PlatformProfile, profile_of
from services.texts import Rendered, Texts, texts
from services.workflow import (
    ILLEGAL,
    OBJECTION_ALREADY_USED,
    TRANSITIONS,
    Action,
    CaseFacts,
    CaseStatus,
    CitizenMay,
    Opinion,
    Planned,
    Refused,
    Role,
    TransitionRequest,
    allowed_actions,
    is_open,
    plan,
    rules_of,
    status_label,
)


async def calendar_for(repo: Repo, config: DeskConfig) -> WorkingCalendar:
    """The office calendar with every closure an admin has added."""
    closures = await repo.workflow.closures()
    return config.calendar.with_closures(closure.day for closure in closures)


async def policy_for(repo: Repo, queue: str) -> SlaPolicy:
    """A queue's deadline settings: the law's defaults unless an admin changed them."""
    stored: QueuePolicy | None = await repo.workflow.policy(queue)
    if stored is None:
        return SlaPolicy()
    policy = policy_from_mapping(stored.values)
    return policy if isinstance(policy, SlaPolicy) else SlaPolicy()


def facts_of(case: Case) -> CaseFacts:
    """What the state machine reads of a stored case."""
    return CaseFacts(
        status=CaseStatus(case.status),
        opinion=Opinion(case.opinion) if case.opinion else None,
        decided_at=case.decided_at,
        closed_by_withdrawal=case.closed_by_withdrawal,
        objection_used=case.objection_used,
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


# --- alerts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertStage:
    """One alert on the way to a deadline: a notice before it, the breach, the escalation."""

    name: str
    at: datetime


def alert_due(case: Case) -> datetime | None:
    """The deadline alerts watch: the nearer of the step's and Article 72's."""
    if not is_open(CaseStatus(case.status)):
        return None
    dues = [due for due in (case.step_due_at, case.overall_due_at) if due is not None]
    return min(dues) if dues else None


def alert_stages(due: datetime, config: DeskConfig) -> list[AlertStage]:
    """The alerts of a deadline in time order: notices (default 24 h and 2 h before), the
    breach at the deadline, and the escalation to the admins past a threshold."""
    stages = [
        AlertStage(f"notice_{hours}h", due - timedelta(hours=hours))
        for hours in sorted(config.notice_hours, reverse=True)
    ]
    stages.append(AlertStage("breach", due))
    stages.append(AlertStage("escalation", due + config.escalate_after))
    return stages


def schedule_alerts(case: Case, config: DeskConfig) -> None:
    """Start the alerts of the case's current deadline afresh (after each transition)."""
    due = alert_due(case)
    case.alert_stage = None
    case.next_alert_at = alert_stages(due, config)[0].at if due is not None else None


def refresh_deadlines(
    case: Case, policy: SlaPolicy, calendar: WorkingCalendar, config: DeskConfig
) -> None:
    """Recompute the deadlines of a case from its facts; its alerts start afresh only when the
    deadline they watch moved (a claim keeps the deadline, so a notice sent is not resent)."""
    watched = alert_due(case)
    deadlines = compute_deadlines(
        status=CaseStatus(case.status),
        opinion=Opinion(case.opinion) if case.opinion else None,
        received_at=case.clock_started_at,
        entered_status_at=case.status_changed_at,
        opinion_at=case.opinion_at,
        policy=policy,
        calendar=calendar,
    )
    case.step = deadlines.step.value if deadlines.step else None
    case.step_due_at = deadlines.step_due
    case.overall_due_at = deadlines.overall_due
    due = alert_due(case)
    if due is None or due != watched:
        schedule_alerts(case, config)


# --- transitions ------------------------------------------------------------------------------


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
    """Move a case if the rules allow it, and commit: case, deadlines, audit, message."""
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
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=actor.id if actor else None,
            actor_role=role.value,
            platform=actor.platform if actor else None,
            action=action.value,
            from_status=result.from_status.value,
            to_status=result.to_status.value,
            note=result.reason or (result.sets_opinion.value if result.sets_opinion else None),
        )
    )
    await tell_citizen(repo, case, result.citizen_message_key, now, reason=result.reason)
    if role is Role.CITIZEN:
        label = texts(config.staff_locale).plain(f"action-{action.value}")
        tell_staff(repo, case, "staff-citizen-action", now, config, action=label)
    if result.changes_status and CitizenMay.RATE in rules_of(result.to_status).citizen:
        await satisfaction.request_rating(repo, case, now)
    if result.changes_status:
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
        purpose="staff_topic_title",
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


async def tell_citizen(
    repo: Repo, case: Case, key: str, now: datetime, *, reason: str | None = None
) -> None:
    """A message to the complainant about their case, in their language and platform."""
    citizen = await repo.users.get(case.citizen_id)
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
        purpose=key,
        case_id=case.id,
    )


# --- what staff see -------------------------------------------------------------------------

HISTORY_SHOWN = 10


def staff_buttons(
    case: Case, role: Role, now: datetime, config: DeskConfig, t: Texts
) -> list[list[Button]]:
    """The buttons under a case for staff: the moves allowed now, then ask and note."""

    def button(action: str) -> Button:
        return Button(
            t.plain(f"action-{action}"),
            callback={"kind": "case", "case_id": case.id, "action": action, "seen": case.status},
        )

    rows = [[button(action.value)] for action in actions_for(case, role, now, config)]
    rows.append([button("ask"), button("note")])
    return rows


async def staff_card(repo: Repo, case: Case, t: Texts, profile: PlatformProfile) -> Shortened:
    """A case as staff see it: who, what, where it stands, its deadlines and its history, in
    one message the platform takes: a description too long for it is cut with a note (the
    whole is `description_in_full`)."""
    citizen = await repo.users.get(case.citizen_id)
    assignee = await repo.users.get(case.assignee_id) if case.assignee_id else None
    none = t.plain("value-none")
    events = await repo.cases.events_of(case.id, limit=HISTORY_SHOWN)
    history = "\n".join(
        t.render(
            profile,
            "staff-history-line",
            when=format_datetime(event.at, t.locale),
            event=t.plain(f"event-{event.action}"),
            role=t.plain(f"role-{event.actor_role}"),
            note=event.note or "",
        )
        for event in events
    )

    def render(description: str) -> str:
        return t.render(
            profile,
            "staff-case-card",
            code=format_code(case.code, t.locale),
            status=t.plain(status_label(case.status)),
            subject=t.plain(f"subject-{case.subject}"),
            business=case.business_name,
            website=case.business_url or none,
            citizen=case.contact_name or (citizen.full_name if citizen else none),
            phone=case.contact_phone or none,
            assignee=assignee.full_name if assignee else t.plain("digest-unassigned"),
            received=format_datetime(case.received_at, t.locale),
            step=t.plain(f"step-{case.step}") if case.step else none,
            step_due=format_datetime(case.step_due_at, t.locale) if case.step_due_at else none,
            overall_due=format_datetime(case.overall_due_at, t.locale)
            if case.overall_due_at
            else none,
            opinion=t.plain(f"opinion-{case.opinion}") if case.opinion else none,
            description=description,
            history=Rendered(history),
        )

    note = t.plain("text-cut-note")
    return shorten(profile, render, case.description, profile.text_limit, note=note)


def description_in_full(case: Case, t: Texts, profile: PlatformProfile) -> Rendered:
    """A case's description whole, under its card where the card shows it cut."""
    code = format_code(case.code, t.locale)
    return t.render(profile, "staff-description-full", code=code, description=case.description)


def action_towards(case: Case, target: CaseStatus, role: Role) -> Action | None:
    """The move that takes a case from its status to `target` for `role`, if there is one."""
    status = CaseStatus(case.status)
    for row in TRANSITIONS:
        if status in row.sources and role in row.roles and row.target is target:
            if row.target is status:
                continue
            return row.action
    return None


async def note(repo: Repo, case: Case, author: User, role: Role, text: str, now: datetime) -> None:
    """An internal note among staff: kept in the audit trail, never sent to the citizen."""
    repo.workflow.add_message(
        CaseMessage(case_id=case.id, kind="note", author_id=author.id, text=text, at=now)
    )
    _event(repo, case, author, role, "note", now, text)
    await repo.commit()


async def assign(repo: Repo, case: Case, clerk: User, by: User, role: Role, now: datetime) -> None:
    """Give a case to a clerk, and tell the clerk."""
    case.assignee_id = clerk.id
    _event(repo, case, by, role, "assigned", now, clerk.full_name)
    t = texts(clerk.locale or case.locale)
    enqueue(
        repo,
        text_for(
            person(clerk),
            t,
            "staff-assigned-to-you",
            code=format_code(case.code, t.locale),
            business=case.business_name,
        ),
        now=now,
        purpose="assigned",
        case_id=case.id,
    )
    await repo.commit()


def _event(
    repo: Repo,
    case: Case,
    actor: User | None,
    role: Role,
    action: str,
    now: datetime,
    note: str | None,
) -> None:
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=actor.id if actor else None,
            actor_role=role.value,
            platform=actor.platform if actor else None,
            action=action,
            from_status=case.status,
            to_status=case.status,
            note=note,
        )
    )


async def ask_citizen(
    repo: Repo, case: Case, clerk: User, role: Role, question: str, now: datetime
) -> None:
    """A clerk's question reaches the citizen; their reply comes back to the case."""
    citizen = await repo.users.get(case.citizen_id)
    if citizen is None:
        return
    t = texts(citizen.locale or case.locale)
    row = enqueue(
        repo,
        text_for(
            person(citizen),
            t,
            "citizen-question",
            code=format_code(case.code, t.locale),
            question=question,
        ),
        now=now,
        purpose="question",
        case_id=case.id,
    )
    await repo.session.flush()
    repo.workflow.add_message(
        CaseMessage(
            case_id=case.id,
            kind="question",
            author_id=clerk.id,
            text=question,
            at=now,
            outbox_id=row.id,
        )
    )
    if case.first_response_at is None:
        case.first_response_at = now
    _event(repo, case, clerk, role, "asked", now, question)
    await repo.commit()


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
        purpose=key,
        case_id=case.id,
    )
