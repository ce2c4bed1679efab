"""The outbox: messages written with the change that causes them, sent later by the sender.

A crash after a commit never loses a notification; a restart never sends one twice, because a
row is marked sent in its own transaction right after the platform accepted it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from models.repositories import Repo
from models.tables import OutboxMessage
from services.platforms import Platform


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    DEAD = "dead"


class Method(StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    DOCUMENT = "document"
    # A case's forum topic in its staff chat, created and renamed; the title is the case's own,
    # read when the row is sent.
    TOPIC = "topic"
    TOPIC_TITLE = "topic_title"


@dataclass(frozen=True)
class Button:
    """An inline button: a callback (kind and fields, packed by the bot layer) or a link."""

    text: str
    callback: dict[str, Any] | None = None
    url: str | None = None


@dataclass(frozen=True)
class FileRef:
    """A file as one platform knows it; sent to another platform it is downloaded first."""

    platform: str
    file_id: str
    file_name: str | None = None


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


def enqueue(
    repo: Repo,
    message: Outgoing,
    *,
    now: datetime,
    purpose: str,
    case_id: int | None = None,
    dedupe_key: str | None = None,
    delay: timedelta = timedelta(0),
) -> OutboxMessage:
    """Add a message to the outbox in the caller's transaction."""
    payload: dict[str, Any] = {
        "text": message.text,
        "parse_mode": message.parse_mode,
        "buttons": [[asdict(button) for button in row] for row in message.buttons],
        "file": asdict(message.file) if message.file else None,
        "reply_to_outbox_id": message.reply_to_outbox_id,
        "reply_to_message_id": message.reply_to_message_id,
        "thread_id": message.thread_id,
    }
    row = OutboxMessage(
        platform=str(message.platform),
        chat_id=message.chat_id,
        method=str(message.method),
        payload=payload,
        status=OutboxStatus.PENDING,
        attempts=0,
        available_at=now + delay,
        created_at=now,
        case_id=case_id,
        purpose=purpose,
        dedupe_key=dedupe_key,
    )
    repo.outbox.add(row)
    return row


def retry_delay(attempts: int, *, base: float = 2.0, cap: float = 600.0) -> timedelta:
    """Exponential backoff between failed attempts, capped."""
    return timedelta(seconds=min(cap, base ** max(1, attempts)))
