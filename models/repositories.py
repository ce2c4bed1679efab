"""Queries on the tables, grouped in one holder with a single commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.tables import (
    Attachment,
    Case,
    CaseEvent,
    CaseMessage,
    CertificateEvent,
    CertificateRequest,
    Closure,
    Draft,
    JobRun,
    OutboxMessage,
    QueuePolicy,
    User,
)

# Last sight is kept to this resolution, so that not every update writes.
SEEN_RESOLUTION = timedelta(minutes=5)


class UserRepo:
    """People on the platforms."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def by_platform_id(self, platform: str, platform_user_id: int) -> User | None:
        return await self.session.scalar(
            select(User).where(
                User.platform == platform, User.platform_user_id == platform_user_id
            )
        )

    async def by_username(self, username: str) -> User | None:
        return await self.session.scalar(
            select(User).where(func.lower(User.username) == username.lower()).limit(1)
        )

    async def upsert(
        self,
        *,
        platform: str,
        platform_user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        now: datetime,
    ) -> tuple[User, bool]:
        """The user of an update, created on first sight; names and last sight kept fresh.

        Returns the user and whether anything was written, so that a caller commits only then.
        """
        user = await self.by_platform_id(platform, platform_user_id)
        if user is None:
            user = User(
                platform=platform,
                platform_user_id=platform_user_id,
                first_name=first_name,
                last_name=last_name,
                username=username,
                last_seen_at=now,
                is_banned=False,
            )
            self.session.add(user)
            await self.session.flush()
            return user, True
        changed = False
        fresh = {"first_name": first_name, "last_name": last_name, "username": username}
        for name, value in fresh.items():
            if getattr(user, name) != value:
                setattr(user, name, value)
                changed = True
        if user.last_seen_at is None or now - user.last_seen_at > SEEN_RESOLUTION:
            user.last_seen_at = now
            changed = True
        return user, changed

    async def with_verified_phone(self, phone: str) -> list[User]:
        """Every account that verified this phone number."""
        rows = await self.session.scalars(
            select(User)
            .where(User.phone == phone, User.phone_verified_at.is_not(None))
            .order_by(User.id)
        )
        return list(rows)

    async def linked_ids(self, user: User) -> list[int]:
        """Ids of every account of the same person: those sharing a verified phone."""
        if user.phone is None or user.phone_verified_at is None:
            return [user.id]
        rows = await self.session.scalars(
            select(User.id).where(User.phone == user.phone, User.phone_verified_at.is_not(None))
        )
        ids = set(rows)
        ids.add(user.id)
        return sorted(ids)


class CaseRepo:
    """Cases, their attachments and their audit trail."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, case: Case) -> None:
        self.session.add(case)

    def add_attachment(self, attachment: Attachment) -> None:
        self.session.add(attachment)

    def add_event(self, event: CaseEvent) -> None:
        self.session.add(event)

    async def code_exists(self, code: str) -> bool:
        return (await self.session.scalar(select(Case.id).where(Case.code == code))) is not None

    async def by_code(self, code: str, *, with_history: bool = False) -> Case | None:
        query = select(Case).where(Case.code == code)
        if with_history:
            query = query.options(selectinload(Case.events), selectinload(Case.attachments))
        return await self.session.scalar(query)

    async def by_id(self, case_id: int, *, for_update: bool = False) -> Case | None:
        query = select(Case).where(Case.id == case_id)
        if for_update:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def events_of(self, case_id: int, *, limit: int) -> list[CaseEvent]:
        """The newest events of a case, in time order."""
        rows = await self.session.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == case_id)
            .order_by(CaseEvent.id.desc())
            .limit(limit)
        )
        return list(reversed(list(rows)))

    async def of_citizens(self, citizen_ids: Sequence[int], *, limit: int = 20) -> list[Case]:
        rows = await self.session.scalars(
            select(Case)
            .where(Case.citizen_id.in_(citizen_ids))
            .order_by(Case.received_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return list(rows)

    async def count_of_citizens(self, citizen_ids: Sequence[int]) -> int:
        total = await self.session.scalar(
            select(func.count(Case.id)).where(Case.citizen_id.in_(citizen_ids))
        )
        return int(total or 0)


class WorkflowRepo:
    """What the workflow and the scheduler read and write beside cases."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def closures(self) -> list[Closure]:
        return list(await self.session.scalars(select(Closure).order_by(Closure.day)))

    async def closure(self, day: date) -> Closure | None:
        return await self.session.get(Closure, day)

    def add_closure(self, closure: Closure) -> None:
        self.session.add(closure)

    async def remove_closure(self, day: date) -> bool:
        result = await self.session.execute(delete(Closure).where(Closure.day == day))
        return bool(getattr(result, "rowcount", 0))

    async def policy(self, queue: str) -> QueuePolicy | None:
        return await self.session.get(QueuePolicy, queue)

    def add_policy(self, policy: QueuePolicy) -> None:
        self.session.add(policy)

    async def job_done(self, name: str, period: str) -> bool:
        return await self.session.get(JobRun, (name, period)) is not None

    def mark_job(self, name: str, period: str, at: datetime) -> None:
        self.session.add(JobRun(name=name, period=period, at=at))

    async def cases_due_for_alert(self, now: datetime, limit: int) -> list[Case]:
        """Cases whose next alert time has come, oldest first; claimed so no two sweeps share.

        One range scan of the index on `next_alert_at`, however many cases there are.
        """
        rows = await self.session.scalars(
            select(Case)
            .where(Case.next_alert_at <= now)
            .order_by(Case.next_alert_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list(rows)

    async def open_cases_due_after(self, instant: datetime, statuses: Sequence[str]) -> list[Case]:
        """Cases in `statuses` whose deadlines fall at or after an instant."""
        rows = await self.session.scalars(
            select(Case).where(
                Case.status.in_(statuses),
                or_(Case.step_due_at >= instant, Case.overall_due_at >= instant),
            )
        )
        return list(rows)

    async def open_cases_with_due(
        self, queues: Sequence[str], statuses: Sequence[str]
    ) -> list[Case]:
        rows = await self.session.scalars(
            select(Case).where(Case.queue.in_(queues), Case.status.in_(statuses))
        )
        return list(rows)

    async def count_received_since(self, queues: Sequence[str], since: datetime) -> int:
        total = await self.session.scalar(
            select(func.count(Case.id)).where(Case.queue.in_(queues), Case.received_at >= since)
        )
        return int(total or 0)

    def add_message(self, message: CaseMessage) -> None:
        self.session.add(message)

    async def open_questions(self, case_ids: Sequence[int]) -> list[CaseMessage]:
        rows = await self.session.scalars(
            select(CaseMessage)
            .where(
                CaseMessage.case_id.in_(case_ids),
                CaseMessage.kind == "question",
                CaseMessage.answered_at.is_(None),
            )
            .order_by(CaseMessage.id)
        )
        return list(rows)

    async def question_by_sent_message(
        self, platform: str, chat_id: int, message_id: int
    ) -> CaseMessage | None:
        """The question whose delivered message a citizen is replying to."""
        return await self.session.scalar(
            select(CaseMessage)
            .join(OutboxMessage, OutboxMessage.id == CaseMessage.outbox_id)
            .where(
                CaseMessage.kind == "question",
                OutboxMessage.platform == platform,
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.sent_message_id == message_id,
            )
        )


class CertificateRepo:
    """Software certificate requests and their history."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, request: CertificateRequest) -> None:
        self.session.add(request)

    def add_event(self, event: CertificateEvent) -> None:
        self.session.add(event)

    async def by_code(self, code: str) -> CertificateRequest | None:
        return await self.session.scalar(
            select(CertificateRequest).where(CertificateRequest.code == code)
        )

    async def by_id(
        self, request_id: int, *, for_update: bool = False
    ) -> CertificateRequest | None:
        query = select(CertificateRequest).where(CertificateRequest.id == request_id)
        if for_update:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def events_of(self, request_id: int) -> list[CertificateEvent]:
        rows = await self.session.scalars(
            select(CertificateEvent)
            .where(CertificateEvent.request_id == request_id)
            .order_by(CertificateEvent.id)
        )
        return list(rows)

    async def due_for_alert(self, now: datetime, limit: int) -> list[CertificateRequest]:
        """Requests whose next alert time has come; claimed so no two sweeps share one."""
        rows = await self.session.scalars(
            select(CertificateRequest)
            .where(CertificateRequest.next_alert_at <= now)
            .order_by(CertificateRequest.next_alert_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list(rows)


class DraftRepo:
    """Forms in progress, one per user and form."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: int, form: str) -> Draft | None:
        return await self.session.scalar(
            select(Draft).where(Draft.user_id == user_id, Draft.form == form)
        )

    async def any_of(self, user_id: int) -> Draft | None:
        return await self.session.scalar(
            select(Draft).where(Draft.user_id == user_id).order_by(Draft.updated_at.desc())
        )

    async def save(
        self, user_id: int, form: str, step: str, data: dict[str, Any], now: datetime
    ) -> Draft:
        draft = await self.get(user_id, form)
        if draft is None:
            draft = Draft(user_id=user_id, form=form, step=step, data=dict(data), updated_at=now)
            self.session.add(draft)
        else:
            draft.step = step
            draft.data = dict(data)
            draft.updated_at = now
        await self.session.flush()
        return draft

    async def delete(self, user_id: int, form: str | None = None) -> None:
        query = delete(Draft).where(Draft.user_id == user_id)
        if form is not None:
            query = query.where(Draft.form == form)
        await self.session.execute(query)


class OutboxRepo:
    """Messages waiting to be sent."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, message: OutboxMessage) -> None:
        self.session.add(message)

    async def claim_due(self, now: datetime, lease_until: datetime, limit: int) -> list[int]:
        """Take due rows for this sender: leased rows are invisible to others until the lease ends.

        On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets any number of senders claim at once.
        """
        due = (
            select(OutboxMessage.id)
            .where(
                or_(OutboxMessage.status == "pending", OutboxMessage.status == "sending"),
                OutboxMessage.available_at <= now,
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        ids = list(await self.session.scalars(due))
        if ids:
            await self.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(ids))
                .values(status="sending", available_at=lease_until)
            )
        return ids

    async def get(self, message_id: int) -> OutboxMessage | None:
        return await self.session.get(OutboxMessage, message_id)

    async def has_dedupe_key(self, key: str) -> bool:
        """Whether a message with this dedupe key was ever queued."""
        found = await self.session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)
        )
        return found is not None

    async def pending_count(self) -> int:
        total = await self.session.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.status != "sent")
        )
        return int(total or 0)


class Repo:
    """Every repository over one session; the service that ends a unit of work commits once."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.users = UserRepo(session)
        self.cases = CaseRepo(session)
        self.drafts = DraftRepo(session)
        self.outbox = OutboxRepo(session)
        self.workflow = WorkflowRepo(session)
        self.certificates = CertificateRepo(session)

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
