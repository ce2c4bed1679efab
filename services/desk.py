"""The desk itself: its queues, complaint subjects, and the details printed on receipts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from enum import StrEnum

from services.calendar import WorkingCalendar
from services.platforms import Platform


class Queue(StrEnum):
    """A staff queue: every case belongs to one, and each has its staff chat."""

    COMPLAINTS = "complaints"
    LICENCES = "licences"
    CERTIFICATES = "certificates"


class Subject(StrEnum):
    """The complaint subjects the union reports on (DOMAIN.md §1, سرفصل شکایات)."""

    GUILD_LAW = "guild_law"  # Chapter 8 of the Guild System Law
    ONLINE_BUSINESS = "online_business"  # Article 5 of the bylaw of Article 87
    NETWORK_MARKETING = "network_marketing"  # Article 13 of that bylaw
    OTHER = "other"


@dataclass(frozen=True, order=True)
class ChatRef:
    """A chat or user on a platform, written `platform:id` in settings."""

    platform: Platform
    id: int

    @classmethod
    def parse(cls, value: str) -> ChatRef:
        platform, sep, raw_id = value.strip().partition(":")
        if not sep:
            raise ValueError(f"expected platform:id, got {value!r}")
        try:
            return cls(Platform(platform.strip().lower()), int(raw_id.strip()))
        except ValueError as error:
            raise ValueError(f"expected platform:id, got {value!r}") from error

    def __str__(self) -> str:
        return f"{self.platform}:{self.id}"


@dataclass(frozen=True)
class DeskInfo:
    """The office's details that every receipt carries (DOMAIN.md §4)."""

    name: str
    licence_number: str
    operator: str
    address: str


@dataclass(frozen=True)
class Windows:
    """Periods a citizen has after a decision: to object to it, or to reopen a withdrawal."""

    objection: timedelta
    reopen: timedelta


@dataclass(frozen=True)
class DeskConfig:
    """What the rules need from the settings, without knowing where settings come from."""

    desk: DeskInfo
    staff_chats: dict[Queue, ChatRef]
    admins: tuple[ChatRef, ...]
    calendar: WorkingCalendar
    windows: Windows
    notice_hours: tuple[int, ...]
    escalate_after: timedelta
    digest_time: time
    staff_locale: str
    # The IT Organization's published service time, in working days, once documents are in.
    certificate_service_days: int = 15
    certificate_fee_rials: int = 100_000
    # Where the applicant pays the fee online (through a payment gateway licensed by the
    # Central Bank: DOMAIN.md §4, no cash).
    certificate_payment_url: str = "https://ito.gov.ir"
    documents_notice: timedelta = timedelta(hours=24)
    respondent_sees_name: bool = False

    def staff_chat(self, queue: Queue | str) -> ChatRef | None:
        return self.staff_chats.get(Queue(queue))

    def queues_of(self, chat: ChatRef) -> list[Queue]:
        """The queues whose staff chat this is."""
        return [queue for queue, ref in self.staff_chats.items() if ref == chat]
