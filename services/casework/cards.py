"""The case's card as staff see it, and its buttons."""

from __future__ import annotations

from datetime import datetime

from models.repositories import Repo
from models.tables import Case
from services.casework.moves import actions_for
from services.desk import DeskConfig
from services.formatting import format_code, format_datetime
from services.lengths import Shortened, shorten
from services.outbox import Button
from services.platforms import PlatformProfile
from services.texts import Rendered, Texts
from services.workflow import (
    Role,
    status_label,
)

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
