"""The outbox: messages written with the change that causes them, sent later by the sender.

A crash after a commit never loses a notification; a restart never sends one twice, because a
row is marked sent in its own transaction right after the platform accepted it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from models.repos import Repo
from models.tables import Case, OutboxMessage, User
from services.desk import ChatRef, DeskConfig
from services.platforms import Platform, profile_of
from services.texts import Texts, UnknownText, texts
from services.view import Button


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    DEAD = "dead"
    # Taken back before it went out: what it said no longer holds.
    CANCELLED = "cancelled"


class Purpose(StrEnum):
    """What an outbox row is for: the stored values are the desk's since its first release."""

    RECEIPT = "receipt"
    PRINTED_RECEIPT = "printed_receipt"
    STAFF_CARD = "staff_card"
    STAFF_CARD_DESCRIPTION = "staff_card_description"
    STAFF_ATTACHMENT = "staff_attachment"
    STAFF_TOPIC = "staff_topic"
    STAFF_TOPIC_TITLE = "staff_topic_title"
    # A notice of a move, stored with its message key (`notice:<key>`).
    CASE_NOTICE = "notice"
    STAFF_NOTICE = "staff_notice"
    ASSIGNED = "assigned"
    QUESTION = "question"
    RELAY_REPLY = "relay:reply"
    RELAY_ANSWER = "relay:answer"
    RELAY_CITIZEN = "relay:citizen"
    RELAY_UNDELIVERED = "relay:undelivered"
    # The respondent's side: told of a complaint, a clerk's words to them, theirs to the thread.
    RESPONDENT_NOTICE = "respondent"
    RELAY_TO_RESPONDENT = "relay:to-respondent"
    RELAY_RESPONDENT = "relay:respondent"
    # The commission's session: an invitation, a change, a reminder (stored with its key).
    SESSION = "session"
    RATING_REQUEST = "rating_request"
    CERT_STATUS = "cert-status"
    CERT_DOCUMENTS = "alert:cert-documents"
    CERT_BREACH = "alert:cert-breach"
    # A request's card posted in the certificates staff chat, stored with the request's id.
    CERT_CARD = "cert_card"
    CERT_DOCUMENT = "cert_document"
    CERT_STAFF_NOTICE = "cert_staff_notice"
    # A deadline alert, stored with its stage (`alert:notice_24h`, `alert:breach`…).
    ALERT = "alert"
    ALERT_FALLBACK = "alert:notice-fallback"
    DEAD_LETTER = "dead-letter"
    DIGEST = "digest"
    LICENCE_RENEWAL = "licence-renewal"


def _purpose_label(purpose: Purpose | None, t: Texts) -> str:
    """What an outbox row was for, in words (a purpose this release has no words for: so)."""
    if purpose is not None:
        try:
            return t.plain(f"purpose-{purpose.name.lower().replace('_', '-')}")
        except UnknownText:
            pass
    return t.plain("purpose-unknown")


def purpose_of(stored: str | None) -> Purpose | None:
    """A row's purpose as stored, with its detail (a stage, a message key) left off; None for
    one this release does not know."""
    if not stored:
        return None
    return _PURPOSES.get(stored) or _PURPOSES.get(stored.split(":", 1)[0])


_PURPOSES = {purpose.value: purpose for purpose in Purpose}


class Method(StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    DOCUMENT = "document"
    # A case's forum topic in its staff chat, created and renamed; the title is the case's own,
    # read when the row is sent.
    TOPIC = "topic"
    TOPIC_TITLE = "topic_title"
    # A printed receipt, laid out as a PDF when the row is sent from the words it keeps
    # (services.receipt_pdf).
    RECEIPT_PDF = "receipt_pdf"


@dataclass(frozen=True)
class FileRef:
    """A file as one platform knows it; sent to another platform it is downloaded first."""

    platform: str
    file_id: str
    file_name: str | None = None


@dataclass(frozen=True)
class Origin:
    """The staff-chat message whose words an outgoing message carries: a failure to deliver
    them is told under it, where its author wrote."""

    platform: str
    chat_id: int
    message_id: int


@dataclass(frozen=True)
class Outgoing:
    """One message to send."""

    platform: Platform
    chat_id: int
    text: str
    parse_mode: str | None
    method: Method = Method.TEXT
    buttons: list[list[Button]] = field(default_factory=list)
    file: FileRef | None = None
    reply_to_outbox_id: int | None = None
    reply_to_message_id: int | None = None
    thread_id: int | None = None
    origin: Origin | None = None
    # The words of a document made when the row is sent (a printed receipt's sheet).
    sheet: dict[str, Any] | None = None


@dataclass(frozen=True)
class Delivered:
    """What the platform answered for a row: the message's id in the chat (None for a forum
    topic made), and the forum topic it went into or the one made."""

    message_id: int | None
    thread_id: int | None


def text_for(
    chat: ChatRef,
    t: Texts,
    key: str,
    /,
    *,
    buttons: list[list[Button]] | None = None,
    reply_to_message_id: int | None = None,
    reply_to_outbox_id: int | None = None,
    **args: Any,
) -> Outgoing:
    """One text of the locales, in `t`'s language, rendered for the chat's platform (the
    template's arguments are `args`)."""
    profile = profile_of(chat.platform)
    return Outgoing(
        platform=chat.platform,
        chat_id=chat.id,
        text=t.render(profile, key, **args),
        parse_mode=profile.parse_mode,
        buttons=buttons or [],
        reply_to_message_id=reply_to_message_id,
        reply_to_outbox_id=reply_to_outbox_id,
    )


def person(user: User) -> ChatRef:
    """A person's private chat."""
    return ChatRef(Platform(user.platform), user.platform_user_id)


def card_in(case: Case, chat: ChatRef) -> int | None:
    """The case's staff card, when it stands in `chat`: a notice about the case replies to it."""
    on_card = case.staff_platform == chat.platform and case.staff_chat_id == chat.id
    return case.staff_message_id if on_card else None


def enqueue(
    repo: Repo,
    message: Outgoing,
    *,
    now: datetime,
    purpose: Purpose,
    detail: str | None = None,
    case_id: int | None = None,
    dedupe_key: str | None = None,
    delay: timedelta = timedelta(0),
) -> OutboxMessage:
    """Add a message to the outbox in the caller's transaction; `detail` (an alert's stage, a
    notice's message key) is stored after the purpose."""
    row = _row(message, now, purpose, detail, case_id, dedupe_key, delay)
    repo.outbox.add(row)
    return row


def _row(
    message: Outgoing,
    now: datetime,
    purpose: Purpose,
    detail: str | None,
    case_id: int | None,
    dedupe_key: str | None,
    delay: timedelta,
) -> OutboxMessage:
    payload: dict[str, Any] = {
        "text": message.text,
        "parse_mode": message.parse_mode,
        "buttons": [[button.stored() for button in row] for row in message.buttons],
        "file": asdict(message.file) if message.file else None,
        "reply_to_outbox_id": message.reply_to_outbox_id,
        "reply_to_message_id": message.reply_to_message_id,
        "thread_id": message.thread_id,
        "origin": asdict(message.origin) if message.origin else None,
    }
    if message.sheet is not None:
        payload["sheet"] = message.sheet
    return OutboxMessage(
        platform=str(message.platform),
        chat_id=message.chat_id,
        method=str(message.method),
        payload=payload,
        status=OutboxStatus.PENDING,
        attempts=0,
        available_at=now + delay,
        created_at=now,
        case_id=case_id,
        purpose=str(purpose) if detail is None else f"{purpose}:{detail}",
        dedupe_key=dedupe_key,
    )


async def enqueue_once(
    repo: Repo,
    message: Outgoing,
    *,
    now: datetime,
    purpose: Purpose,
    dedupe_key: str,
    detail: str | None = None,
    case_id: int | None = None,
    delay: timedelta = timedelta(0),
) -> bool:
    """Add a message to the outbox in the caller's transaction unless one with this dedupe key
    was ever queued (by this worker or another at the same moment); whether it was added."""
    row = _row(message, now, purpose, detail, case_id, dedupe_key, delay)
    return await repo.outbox.add_once(row)


def spent(row: OutboxMessage) -> None:
    """A message delivered or given up keeps none of its words: what the desk still needs of
    it (where it went, its message id there, its purpose and case) are the row's own columns."""
    row.payload = {}


class Unreachable(StrEnum):
    """Why a person can never be reached in their private chat: no retry changes it."""

    BLOCKED = "blocked"  # they blocked the bot
    GONE = "gone"  # their account is deactivated or no longer known


# What each platform answers when a person cannot be reached, matched in the error's
# description whatever its status code: Telegram answers 403; Bale answers in its own words,
# 403 for a refusal and 400 or 404 for an account it does not know.
_UNREACHABLE: dict[Platform, tuple[tuple[str, Unreachable], ...]] = {
    Platform.TELEGRAM: (
        ("bot was blocked by the user", Unreachable.BLOCKED),
        ("user is deactivated", Unreachable.GONE),
    ),
    Platform.BALE: (
        ("permission_denied", Unreachable.BLOCKED),
        ("no such group or user", Unreachable.GONE),
    ),
}


def cannot_reach(platform: Platform, chat_id: int, description: str) -> Unreachable | None:
    """Whether a refusal says that the person in a private chat cannot be reached. Only a
    private chat (a positive id): a group that refuses the bot is the desk's own to fix."""
    if chat_id <= 0:
        return None
    lowered = description.lower()
    return next((why for words, why in _UNREACHABLE[platform] if words in lowered), None)


class Failure(StrEnum):
    """Why a message was given up, as the admins read it: the platform's own words (English,
    and different on each platform) stay in the log."""

    BLOCKED = "blocked"  # the person blocked the bot
    GONE = "gone"  # the person's account is deactivated or no longer known
    NO_CHAT = "no_chat"  # the chat is not found, or the person never started the bot
    REMOVED = "removed"  # the bot is not in the group, or may not write there
    TOO_LONG = "too_long"  # refused: the words are too long
    MARKUP = "markup"  # refused: the markup of the words does not parse
    NETWORK = "network"  # the platform did not answer, however often asked
    OTHER = "other"


# What each kind of refusal says on either platform, matched in the lowered description; the
# first match tells. A private chat's block or lost account is `cannot_reach`'s to say.
_FAILURES: tuple[tuple[str, Failure], ...] = (
    ("chat not found", Failure.NO_CHAT),
    ("no such group or user", Failure.NO_CHAT),
    ("can't initiate conversation", Failure.NO_CHAT),
    ("peer_id_invalid", Failure.NO_CHAT),
    ("kicked", Failure.REMOVED),
    ("not a member", Failure.REMOVED),
    ("not enough rights", Failure.REMOVED),
    ("have no rights", Failure.REMOVED),
    ("permission_denied", Failure.REMOVED),
    ("chat_write_forbidden", Failure.REMOVED),
    ("too long", Failure.TOO_LONG),
    ("too_long", Failure.TOO_LONG),
    ("can't parse", Failure.MARKUP),
    ("entities", Failure.MARKUP),
    ("markdown", Failure.MARKUP),
)


def failure_of(platform: Platform, chat_id: int, description: str) -> Failure:
    """What a refusal of the platform means, in the desk's own terms."""
    unreachable = cannot_reach(platform, chat_id, description)
    if unreachable is not None:
        return Failure(unreachable.value)
    lowered = description.lower()
    return next((why for words, why in _FAILURES if words in lowered), Failure.OTHER)


def retry_delay(attempts: int, *, base: float = 2.0, cap: float = 600.0) -> timedelta:
    """Exponential backoff between failed attempts, capped."""
    return timedelta(seconds=min(cap, base ** max(1, attempts)))


async def dead_letter(
    repo: Repo,
    row: OutboxMessage,
    config: DeskConfig,
    now: datetime,
    *,
    unreachable: Unreachable | None = None,
    failure: Failure = Failure.OTHER,
) -> None:
    """A message given up: a clerk's private notice goes to the case's staff chat instead
    (the clerk may never have opened a chat with the bot), and the admins are told, unless the
    person simply cannot be reached: a block or a deleted account is no fault of the desk, and
    a notice per blocked citizen would bury the faults that need an admin. The admins read
    why in the desk's words (`failure`); the platform's own description is for the log."""
    purpose = purpose_of(row.purpose)
    if purpose is Purpose.DEAD_LETTER:
        return
    notice = purpose is Purpose.ALERT and (row.purpose or "").startswith("alert:notice")
    if notice and row.case_id is not None:
        case = await repo.cases.by_id(row.case_id)
        chat = config.staff_chat(case.queue) if case is not None else None
        if chat is not None and (chat.platform, chat.id) != (row.platform, row.chat_id):
            enqueue(
                repo,
                Outgoing(
                    platform=chat.platform,
                    chat_id=chat.id,
                    text=row.payload["text"],
                    parse_mode=profile_of(chat.platform).parse_mode,
                ),
                now=now,
                purpose=Purpose.ALERT_FALLBACK,
                case_id=row.case_id,
            )
    if unreachable is not None:
        return
    t = texts(config.staff_locale)
    for admin in config.admins:
        enqueue(
            repo,
            text_for(
                admin,
                t,
                "dead-letter",
                purpose=_purpose_label(purpose, t),
                target=t.plain(
                    "dead-letter-target",
                    platform=t.plain(f"platform-{row.platform}"),
                    chat=str(row.chat_id),
                ),
                attempts=str(row.attempts),
                reason=t.plain(f"dead-letter-reason-{failure.name.lower().replace('_', '-')}"),
            ),
            now=now,
            purpose=Purpose.DEAD_LETTER,
        )
