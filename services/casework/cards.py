"""The case's card as staff see it, rendered here alone: posted to the staff chat when the
case is filed, shown again by /case, and its buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Literal

from models.repos import Repo
from models.tables import Case, CaseEvent, OutboxMessage, User
from services import respondents, sessions
from services.casework.moves import actions_for
from services.casework.notices import status_text
from services.desk import ChatRef, DeskConfig
from services.formatting import (
    format_code,
    format_date,
    format_datetime,
    format_number,
    format_phone,
    localize_digits,
)
from services.lengths import Shortened, shorten
from services.names import OPINIONS, QUEUES, SETTINGS
from services.normalize import parse_jalali_or_gregorian_date
from services.outbox import Delivered, FileRef, Method, Outgoing, Purpose, enqueue
from services.people import contact_name, display_name
from services.platforms import PlatformProfile, profile_of
from services.reports import offenders
from services.sources import source_text
from services.texts import Rendered, Texts, texts
from services.view import Button, ButtonPayload
from services.workflow import Action, CaseStatus, Role

HISTORY_SHOWN = 10


@dataclass(frozen=True)
class CaseMove(ButtonPayload):
    """A staff button under a case: a move drawn while the case had status `seen`, or asking
    the citizen, a note, or the card itself ("view", drawn without a status)."""

    kind: ClassVar[str] = "case"

    case_id: int
    action: Action | Literal["view", "ask", "note", "respondent"]
    seen: CaseStatus | Literal[""] = ""


def drawn_moves(case: Case, role: Role, now: datetime, config: DeskConfig) -> list[Action]:
    """The moves drawn as buttons under a case: those allowed now, but not the opinion once
    it is recorded (an admin corrects it with /opinion and a reason, not with the button that
    recorded it). A tap on a move not drawn now changes nothing."""
    return [
        action
        for action in actions_for(case, role, now, config)
        if not (action is Action.RECORD_OPINION and case.opinion)
    ]


def staff_buttons(
    case: Case, role: Role, now: datetime, config: DeskConfig, t: Texts
) -> list[list[Button]]:
    """The buttons under a case for staff: the moves drawn now, then ask and note."""
    seen = CaseStatus(case.status)

    def button(action: Action | Literal["ask", "note", "respondent"]) -> Button:
        return Button(t.plain(f"action-{action}"), callback=CaseMove(case.id, action, seen))

    rows = [[button(action)] for action in drawn_moves(case, role, now, config)]
    rows.append([button("ask"), button("note")])
    if case.respondent_licence_id is not None:
        # The business complained about is in the registry: it may be written to.
        rows.append([button("respondent")])
    return rows


async def staff_card(
    repo: Repo,
    case: Case,
    t: Texts,
    profile: PlatformProfile,
    now: datetime,
    *,
    new: bool = False,
) -> Shortened:
    """A case as staff see it: who, what, where it stands, the business's record (its other
    complaints over the last year, as of `now`), its deadlines and its history, in one
    message the platform takes: a description too long for it is cut with a note (the whole
    is `description_in_full`). `new` heads it as a complaint just filed."""
    citizen = await repo.users.get(case.citizen_id) if case.citizen_id is not None else None
    respondent = await respondent_line(repo, case, t, profile)
    record = offenders.record_text(
        await offenders.record_of_case(repo, case, now), "business-record", t, profile
    )
    session = await repo.sessions.latest_of(case.id)
    assignee = await repo.users.get(case.assignee_id) if case.assignee_id else None
    attachments = await repo.cases.attachments(case.id)
    none = t.plain("value-not-given")
    events = await repo.cases.events_of(case.id, limit=HISTORY_SHOWN)
    history = "\n".join(
        t.render(
            profile,
            "staff-history-line",
            when=format_datetime(event.at, t.locale),
            event=t.plain(f"event-{event.action}"),
            role=t.plain(f"role-{event.actor_role}"),
            note=history_note(event, t),
        )
        for event in events
    )

    def when(value: datetime | None) -> str:
        return format_datetime(value, t.locale) if value else t.plain("value-no-deadline")

    def render(description: str) -> str:
        return t.render(
            profile,
            "staff-card",
            heading=t.render(profile, "staff-card-new" if new else "staff-card-seen"),
            code=format_code(case.code, t.locale),
            status=status_text(case, t),
            subject=t.plain(f"subject-{case.subject}"),
            business=case.business_name,
            website=case.business_url or t.plain("value-no-website"),
            licence=case.licence_number or none,
            citizen=contact_name(case.contact_name, t)
            or (citizen.full_name if citizen else None)
            or none,
            respondent=respondent,
            record=record,
            platform=t.plain(f"platform-{case.platform}"),
            phone=(
                format_phone(case.contact_phone, t.locale)
                if case.contact_phone
                else t.plain("value-no-phone")
            ),
            source=source_text(case, t),
            assignee=display_name(assignee, t) if assignee else t.plain("digest-unassigned"),
            received=format_datetime(case.received_at, t.locale),
            step=t.plain(f"step-{case.step}") if case.step else t.plain("value-no-step"),
            step_due=when(case.step_due_at),
            session=sessions.session_line(session, t),
            overall_due=when(case.overall_due_at),
            opinion=(
                t.plain(f"opinion-{case.opinion}") if case.opinion else t.plain("value-not-yet")
            ),
            order_number=case.order_number or none,
            order_date=format_date(case.order_date, t.locale) if case.order_date else none,
            order_amount=(
                t.plain("amount-rials", amount=format_number(case.order_amount, t.locale))
                if case.order_amount
                else none
            ),
            attachments=format_number(len(attachments), t.locale),
            description=description,
            history=Rendered(history),
        )

    note = t.plain("text-cut-note")
    return shorten(profile, render, case.description, profile.text_limit, note=note)


def history_note(event: CaseEvent, t: Texts) -> str:
    """An event's note in the case's history: what a person wrote, as they wrote it; what the
    desk noted (an opinion, a day off, changed deadlines) in words, never by its keys."""
    note = event.note or ""
    if event.action == Action.RECORD_OPINION and note in OPINIONS.keys:
        return OPINIONS.label(note, t)
    if event.action in ("closure_added", "closure_removed"):
        day = parse_jalali_or_gregorian_date(note)
        return format_date(day, t.locale) if day else ""
    if event.action == "sla_changed":
        return _deadlines_changed(note, t)
    return note


def _deadlines_changed(note: str, t: Texts) -> str:
    """`complaints: commission_days 5→7, …` (services.reports.sla) in words; what cannot be
    read so is left out rather than shown by its keys."""
    queue, _, changes = note.partition(": ")
    parts = [QUEUES.label(queue, t)] if queue in QUEUES.keys else []
    for change in changes.split(", "):
        setting, _, values = change.partition(" ")
        before, _, after = values.partition("→")
        if setting in SETTINGS.keys and before.isdigit() and after.isdigit():
            parts.append(
                t.plain(
                    "history-deadline-changed",
                    setting=SETTINGS.label(setting, t),
                    before=format_number(int(before), t.locale),
                    after=format_number(int(after), t.locale),
                )
            )
    return "، ".join(parts) if t.locale == "fa" else ", ".join(parts)


async def respondent_line(repo: Repo, case: Case, t: Texts, profile: PlatformProfile) -> Rendered:
    """Who the respondent is: the registry's licence the complaint names, and whether its
    holder is on the desk (and can be asked with /respondent) or not."""
    licence, holder = await respondents.respondent_of(repo, case)
    if licence is None:
        return t.render(profile, "staff-respondent-unknown")
    return t.render(
        profile,
        "staff-respondent-on-desk" if holder is not None else "staff-respondent-off-desk",
        business=licence.business_name,
        licence=localize_digits(licence.number, t.locale),
        holder=licence.holder_name,
    )


def description_in_full(case: Case, t: Texts, profile: PlatformProfile) -> Rendered:
    """A case's description whole, under its card where the card shows it cut."""
    code = format_code(case.code, t.locale)
    return t.render(profile, "staff-description-full", code=code, description=case.description)


async def post_card(
    repo: Repo, case: Case, citizen: User | None, config: DeskConfig, chat: ChatRef, now: datetime
) -> None:
    """A new case's card in its staff chat, in one message with its buttons: a description too
    long for it is cut there, and follows in full under the card; then the attachments."""
    t = texts(config.staff_locale)
    profile = profile_of(chat.platform)
    card = await staff_card(repo, case, t, profile, now, new=True)
    row = enqueue(
        repo,
        Outgoing(
            platform=profile.platform,
            chat_id=chat.id,
            text=card.text,
            parse_mode=profile.parse_mode,
            buttons=staff_buttons(case, Role.CLERK, now, config, t),
        ),
        now=now,
        purpose=Purpose.STAFF_CARD,
        case_id=case.id,
        dedupe_key=f"staff_card:{case.code}",
    )
    await repo.session.flush()
    if card.cut:
        enqueue(
            repo,
            Outgoing(
                platform=profile.platform,
                chat_id=chat.id,
                text=description_in_full(case, t, profile),
                parse_mode=profile.parse_mode,
                reply_to_outbox_id=row.id,
            ),
            now=now,
            purpose=Purpose.STAFF_CARD_DESCRIPTION,
            case_id=case.id,
            dedupe_key=f"staff_card_description:{case.code}",
        )
    attachments = sorted(await repo.cases.attachments(case.id), key=lambda item: item.id)
    for index, item in enumerate(attachments, start=1):
        enqueue(
            repo,
            Outgoing(
                platform=profile.platform,
                chat_id=chat.id,
                text=t.render(
                    profile,
                    "staff-attachment",
                    code=format_code(case.code, t.locale),
                    index=format_number(index, t.locale),
                ),
                parse_mode=profile.parse_mode,
                method=Method.PHOTO if item.kind == "photo" else Method.DOCUMENT,
                file=FileRef(
                    platform=item.platform, file_id=item.file_id, file_name=item.file_name
                ),
                reply_to_outbox_id=row.id,
            ),
            now=now,
            purpose=Purpose.STAFF_ATTACHMENT,
            case_id=case.id,
            dedupe_key=f"staff_attachment:{case.code}:{index}",
        )


async def card_delivered(
    repo: Repo, row: OutboxMessage, case: Case | None, delivered: Delivered
) -> None:
    """The card's place in its staff chat: every later notice about the case replies to it."""
    if case is None or delivered.message_id is None:
        return
    case.staff_platform = row.platform
    case.staff_chat_id = row.chat_id
    case.staff_message_id = delivered.message_id
