"""Every table of the desk: the mapped classes, their columns, keys and indexes.

The queries on them live in `models.repos`, one module per aggregate."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped
from models.crypto import EncryptedJSON, EncryptedString, EncryptedText

# A case's licence number without the separators citizens type, upper case: the registry's
# `number_key` for the numbers the form accepts. Written once, as SQL, so that the index on it
# and the queries that use it read the same expression.
LICENCE_KEY_SQL = "upper(replace(replace(licence_number, '/', ''), '-', ''))"


class User(Timestamped, Base):
    """A person on one platform; a verified phone links their accounts across platforms."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("platform", "platform_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    platform_user_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str] = mapped_column(String(128), default="")
    last_name: Mapped[str | None] = mapped_column(String(128))
    username: Mapped[str | None] = mapped_column(String(64))
    locale: Mapped[str | None] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(EncryptedString(), index=True)
    phone_verified_at: Mapped[datetime | None]
    is_banned: Mapped[bool] = mapped_column(Boolean, default=False)
    ban_notified: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    last_seen_at: Mapped[datetime | None]

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


class Case(Timestamped, Base):
    """A citizen's case: a complaint, with its workflow state and deadlines."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_open_due", "status", "step_due_at"),
        Index("ix_cases_citizen", "citizen_id", "received_at"),
        # A business's record (services.reports.offenders): its cases by the website given,
        # and by the licence number typed, read without its separators as the registry keys
        # it (the expression is `models.repos.case_reports.typed_number_key`, to the letter).
        Index("ix_cases_business_url", "business_url"),
        Index("ix_cases_licence_key", text(LICENCE_KEY_SQL)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="complaint")
    queue: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(32))
    business_name: Mapped[str] = mapped_column(String(256))
    business_key: Mapped[str] = mapped_column(String(256), index=True)
    business_url: Mapped[str | None] = mapped_column(String(512))
    licence_number: Mapped[str | None] = mapped_column(String(64))
    # The registry's licence the complaint is about (by its number or website): its holder is
    # the respondent (متشاکی). No foreign key: a licence leaving the registry leaves the case.
    respondent_licence_id: Mapped[int | None] = mapped_column(Integer, index=True)
    description: Mapped[str] = mapped_column(EncryptedText())
    # The description's words as keyed digests (services.personal_data): found by /find, never
    # read back.
    description_index: Mapped[str | None] = mapped_column(Text)
    order_number: Mapped[str | None] = mapped_column(String(128))
    order_date: Mapped[date | None] = mapped_column(Date)
    order_amount: Mapped[int | None] = mapped_column(BigInteger)

    # None for a referred complaint whose complainant has not verified the letter's mobile on
    # the desk yet: the case is theirs once they do (services.ownership.complainant).
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    contact_name: Mapped[str] = mapped_column(String(256))
    contact_phone: Mapped[str | None] = mapped_column(EncryptedString(), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(8))

    received_at: Mapped[datetime]
    clock_started_at: Mapped[datetime]
    status_changed_at: Mapped[datetime]
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opinion: Mapped[str | None] = mapped_column(String(32))
    opinion_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    closed_by_withdrawal: Mapped[bool] = mapped_column(Boolean, default=False)
    objection_used: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why a closed case was closed (services.workflow.Closing); None while it is not closed.
    closing_reason: Mapped[str | None] = mapped_column(String(32))
    step: Mapped[str | None] = mapped_column(String(32))
    step_due_at: Mapped[datetime | None]
    overall_due_at: Mapped[datetime | None]
    # The scheduler's next look at this case: one indexed range scan finds every alert due.
    next_alert_at: Mapped[datetime | None] = mapped_column(index=True)
    alert_stage: Mapped[str | None] = mapped_column(String(16))
    first_response_at: Mapped[datetime | None]

    certificate_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate_requests.id", ondelete="SET NULL")
    )
    province: Mapped[str | None] = mapped_column(String(64))
    staff_thread_id: Mapped[int | None] = mapped_column(BigInteger)
    staff_platform: Mapped[str | None] = mapped_column(String(16))
    staff_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    staff_message_id: Mapped[int | None] = mapped_column(BigInteger)

    # Where the complaint came from (services.referrals): filed in chat, or referred by another
    # body with its letter, whose date starts the clock.
    source_kind: Mapped[str] = mapped_column(String(16), default="chat", server_default="chat")
    source_body: Mapped[str | None] = mapped_column(String(32))
    # The province of an Industry, Mine and Trade Organization, or the name of another body.
    source_body_name: Mapped[str | None] = mapped_column(String(256))
    letter_number: Mapped[str | None] = mapped_column(String(64))
    letter_date: Mapped[date | None] = mapped_column(Date, index=True)

    citizen: Mapped[User | None] = relationship(foreign_keys=[citizen_id], lazy="raise")
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="case", lazy="raise", order_by="Attachment.id"
    )
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", lazy="raise", order_by="CaseEvent.id"
    )


class Attachment(Base):
    """A photo or document a citizen sent with a case, as the platform knows it."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    file_id: Mapped[str] = mapped_column(String(256))
    file_unique_id: Mapped[str] = mapped_column(String(128))
    file_name: Mapped[str | None] = mapped_column(String(256))
    mime_type: Mapped[str | None] = mapped_column(String(128))
    file_size: Mapped[int | None] = mapped_column(BigInteger)

    case: Mapped[Case] = relationship(back_populates="attachments", lazy="raise")


class CaseEvent(Base):
    """One line of a case's audit trail: who did what, when, from which platform."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_role: Mapped[str] = mapped_column(String(16))
    platform: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str | None] = mapped_column(String(32))
    # A clerk's reason, a relayed message's words: encrypted like the messages themselves.
    note: Mapped[str | None] = mapped_column(EncryptedText())

    case: Mapped[Case] = relationship(back_populates="events", lazy="raise")


class Draft(Base):
    """A form being filled: every answer is kept here as it is given."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("user_id", "form"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    form: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(128))
    data: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON(), default=dict)
    updated_at: Mapped[datetime]


class OutboxMessage(Base):
    """A message to send, written in the same transaction as the change that causes it."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "available_at"),
        # A citizen's reply names the desk message it answers: found by what was sent where.
        Index("ix_outbox_delivered", "platform", "chat_id", "sent_message_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[str] = mapped_column(String(32))
    # Encrypted while the message waits; emptied once it is delivered or given up.
    payload: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON())
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    available_at: Mapped[datetime]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    purpose: Mapped[str | None] = mapped_column(String(64))
    dedupe_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    sent_message_id: Mapped[int | None] = mapped_column(BigInteger)


class CaseMessage(Base):
    """A message about a case between the desk and the citizen, or a note among staff."""

    __tablename__ = "case_messages"
    __table_args__ = (Index("ix_case_messages_open", "case_id", "kind", "answered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # question, answer, note
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(EncryptedText())
    at: Mapped[datetime]
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None]


class Closure(Base):
    """A day an admin closed the office (beyond weekends and official holidays)."""

    __tablename__ = "closures"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    reason: Mapped[str | None] = mapped_column(String(256))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]


class QueuePolicy(Base):
    """Deadline settings of a queue that differ from the law's defaults."""

    __tablename__ = "queue_policies"

    queue: Mapped[str] = mapped_column(String(16), primary_key=True)
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class JobRun(Base):
    """A periodic job done for one period (a digest for a day): done once, never twice."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime]


class CertificateRequest(Timestamped, Base):
    """A request for the IT Organization's software technical certificate, followed by code."""

    __tablename__ = "certificate_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    applicant_name: Mapped[str] = mapped_column(String(256))
    applicant_phone: Mapped[str] = mapped_column(EncryptedString(), index=True)
    product_name: Mapped[str] = mapped_column(String(256))
    status: Mapped[str] = mapped_column(String(32))
    missing_documents: Mapped[list[str]] = mapped_column(JSON, default=list)
    documents_due_at: Mapped[datetime | None]
    fee_rials: Mapped[int] = mapped_column(BigInteger)
    public_link: Mapped[str | None] = mapped_column(String(512))
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime]
    status_changed_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    next_alert_at: Mapped[datetime | None] = mapped_column(index=True)
    alert_stage: Mapped[str | None] = mapped_column(String(16))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The request's card in the certificates staff chat: documents and notices reply to it.
    staff_platform: Mapped[str | None] = mapped_column(String(16))
    staff_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    staff_message_id: Mapped[int | None] = mapped_column(BigInteger)


class CertificateEvent(Base):
    """One line of a certificate request's history."""

    __tablename__ = "certificate_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("certificate_requests.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_role: Mapped[str] = mapped_column(String(16))
    platform: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)


class Rating(Base):
    """A citizen's satisfaction with a closed case, 1 to 5, with an optional comment."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(EncryptedText())
    at: Mapped[datetime]


class StaffMember(Base):
    """A clerk added by an admin with /staff add (beside members of the staff chats)."""

    __tablename__ = "staff_members"
    __table_args__ = (UniqueConstraint("platform", "platform_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    platform_user_id: Mapped[int] = mapped_column(BigInteger)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime]


class AuditEntry(Base):
    """Who did what, when, from which platform: actions beside a case's own trail, refusals,
    and the access records kept for six months."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    platform: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))


class ThreadMessage(Base):
    """A message in a staff chat that belongs to a case's thread: a reply to it is for the case."""

    __tablename__ = "thread_messages"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)


class ProcessedUpdate(Base):
    """An update a worker has taken: the same update delivered twice is handled once."""

    __tablename__ = "processed_updates"
    # Claims in hand by age: the ones whose lease ran out are looked for often.
    __table_args__ = (Index("ix_processed_updates_status_at", "status", "at"),)

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # processing, done
    at: Mapped[datetime] = mapped_column(index=True)
    # The update as it came, encrypted, kept only while it is in hand: if its worker dies,
    # another handles it from here. Emptied when it is done.
    payload: Mapped[str | None] = mapped_column(EncryptedText())


# --- the licence registry (DOMAIN.md §2) ------------------------------------------------------
#
# A licence's websites and apps live in their own table, one row per normalised host or app id,
# indexed by host: "does this website have a licence?" is then one index hit, however large the
# registry grows. A business name is found by its search key: an exact key through an index on
# (key, id), a part of a name among the registry's distinct keys (`licence_names`) through a
# trigram index, so neither reads more than the answer's rows.


class Licence(Base):
    """A business licence (پروانه کسب) as the union issued it."""

    __tablename__ = "licences"
    # A name's licences in id order straight from the index: a common name (hundreds of
    # licences) costs the answer's rows, not a walk of the whole table in id order.
    __table_args__ = (Index("ix_licences_business_key_id", "business_key", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    number_key: Mapped[str] = mapped_column(String(40), index=True)
    holder_type: Mapped[str] = mapped_column(String(8))
    holder_name: Mapped[str] = mapped_column(String(256))
    # Indexed for renewal reminders: a holder finds their licences by their verified phone.
    holder_phone: Mapped[str | None] = mapped_column(EncryptedString(), index=True)
    business_name: Mapped[str] = mapped_column(String(256))
    business_key: Mapped[str] = mapped_column(String(256))
    category: Mapped[str] = mapped_column(String(160))
    isic: Mapped[str] = mapped_column(String(6))
    province: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())

    sites: Mapped[list[LicenceSite]] = relationship(
        back_populates="licence",
        lazy="raise",
        order_by="LicenceSite.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def hosts(self) -> list[str]:
        """The licence's hosts and app ids in the order the registry lists them."""
        return [site.host for site in self.sites]


class LicenceSite(Base):
    """One website or app of a licence: a host from ``parse_website_or_app``."""

    __tablename__ = "licence_sites"

    licence_id: Mapped[int] = mapped_column(
        ForeignKey("licences.id", ondelete="CASCADE"), primary_key=True
    )
    host: Mapped[str] = mapped_column(String(300), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)

    licence: Mapped[Licence] = relationship(back_populates="sites", lazy="raise")


class LicenceName(Base):
    """A business name's search key the registry holds, once, however many licences carry it.

    A part of a name is looked for among these keys (tens of thousands) rather than among the
    licences (a million), through a trigram index that serves "contains": on SQLite the FTS5
    table ``licence_names_fts`` (trigram tokenizer, external content), on PostgreSQL a GIN
    ``gin_trgm_ops`` index on ``key``. Triggers on ``licences`` keep the keys in step with any
    write, the import's or another's, and triggers on this table keep the FTS5 index in step;
    all of it is made by migration 0010. Every key here belongs to at least one licence.
    """

    __tablename__ = "licence_names"

    # FTS5's external content is addressed by an integer rowid.
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(256), unique=True)


# --- renewal reminders -------------------------------------------------------------------------
#
# A subscription ties an account (whose verified phone is the licence holder's) to a licence. A
# reminder sent is a row keyed by subscription, expiry date and days before expiry: the same
# reminder is never sent twice, and a licence renewed to a new expiry date is reminded afresh.


class RenewalSubscription(Base):
    """An account that asked to be reminded before a licence it holds expires."""

    __tablename__ = "renewal_subscriptions"
    __table_args__ = (UniqueConstraint("user_id", "licence_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    licence_id: Mapped[int] = mapped_column(
        ForeignKey("licences.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]


class RenewalReminder(Base):
    """A reminder sent (or passed over at subscription): once per expiry date and offset."""

    __tablename__ = "renewal_reminders"
    __table_args__ = (UniqueConstraint("subscription_id", "expires_on", "days_before"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("renewal_subscriptions.id", ondelete="CASCADE")
    )
    expires_on: Mapped[date] = mapped_column(Date)
    days_before: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime]


# --- the commission's sessions (Article 6) -----------------------------------------------------
#
# A session of the complaints commission for a case, with both parties invited. Rescheduling
# changes the row and counts a version, so that each version's invitations and reminders go once;
# `next_reminder_at` is the scheduler's next look at it, found with one indexed range scan.


class CommissionSession(Base):
    """A session of the complaints commission about a case: when, and in person or online."""

    __tablename__ = "commission_sessions"
    __table_args__ = (Index("ix_commission_sessions_due", "status", "next_reminder_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(index=True)
    mode: Mapped[str] = mapped_column(String(16))  # in_person, online
    place: Mapped[str] = mapped_column(String(512))  # the address, or the link
    status: Mapped[str] = mapped_column(String(16))  # scheduled, cancelled
    version: Mapped[int] = mapped_column(Integer, default=1)
    reminded: Mapped[str] = mapped_column(String(16), default="")  # "", day, hours
    next_reminder_at: Mapped[datetime | None]
    complainant_answer: Mapped[str | None] = mapped_column(String(16))
    respondent_answer: Mapped[str | None] = mapped_column(String(16))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    changed_at: Mapped[datetime]
