"""Queries on the tables, grouped in one holder with a single commit."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    cast,
    delete,
    extract,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased, selectinload

from models.case_reports import CaseReportRepo
from models.licences import LicenceRepo
from models.renewals import RenewalRepo
from models.tables import (
    Attachment,
    AuditEntry,
    Case,
    CaseEvent,
    CaseMessage,
    CertificateEvent,
    CertificateRequest,
    Closure,
    Draft,
    JobRun,
    OutboxMessage,
    ProcessedUpdate,
    QueuePolicy,
    Rating,
    StaffMember,
    ThreadMessage,
    User,
)
from models.upsert import add_new, insert, put

# Last sight is kept to this resolution, so that not every update writes.
SEEN_RESOLUTION = timedelta(minutes=5)


class Names(NamedTuple):
    """What a platform says a person is called."""

    first_name: str
    last_name: str | None
    username: str | None


# Bound parameters per IN (…) list: well under SQLite's and asyncpg's limits.
_IN_CHUNK = 500


class UserRepo:
    """People on the platforms."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def by_platform_id(self, platform: str, platform_user_id: int) -> User | None:
        """The person's row as stored now, over anything this session loaded of it before."""
        return await self.session.scalar(
            select(User)
            .where(User.platform == platform, User.platform_user_id == platform_user_id)
            .execution_options(populate_existing=True)
        )

    async def by_username(self, username: str) -> User | None:
        return await self.session.scalar(
            select(User).where(func.lower(User.username) == username.lower()).limit(1)
        )

    @staticmethod
    def is_current(user: User, names: Names, now: datetime) -> bool:
        """Whether a person's row says what an update of theirs does: the same names, and a
        last sight within the resolution."""
        return (
            (user.first_name, user.last_name, user.username) == names
            and user.last_seen_at is not None
            and now - user.last_seen_at <= SEEN_RESOLUTION
        )

    async def upsert(
        self, *, platform: str, platform_user_id: int, names: Names, now: datetime
    ) -> tuple[User, bool]:
        """The user of an update, created on first sight; names and last sight kept fresh.

        One statement, so that two updates of a new person at once both find them. Returns the
        user and whether this statement wrote (created the row, changed a name, or refreshed
        the last sight); the caller commits at once either way, ending the write it began.
        """
        statement = insert(self.session, User)
        given = statement.excluded
        stale = or_(User.last_seen_at.is_(None), User.last_seen_at < now - SEEN_RESOLUTION)
        written = await self.session.scalar(
            statement.values(
                platform=platform,
                platform_user_id=platform_user_id,
                first_name=names.first_name,
                last_name=names.last_name,
                username=names.username,
                last_seen_at=now,
                is_banned=False,
            )
            .on_conflict_do_update(
                index_elements=[User.platform, User.platform_user_id],
                set_={
                    "first_name": given.first_name,
                    "last_name": given.last_name,
                    "username": given.username,
                    "last_seen_at": case((stale, given.last_seen_at), else_=User.last_seen_at),
                    "updated_at": func.now(),
                },
                where=or_(
                    stale,
                    User.first_name.is_distinct_from(given.first_name),
                    User.last_name.is_distinct_from(given.last_name),
                    User.username.is_distinct_from(given.username),
                ),
            )
            .returning(User)
            .execution_options(populate_existing=True)
        )
        if written is not None:
            return written, True
        # Another update of theirs wrote the same a moment before: theirs is the row.
        user = await self.by_platform_id(platform, platform_user_id)
        assert user is not None  # the conflict was with it
        return user, False

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

    async def indexed_under_another_key(self, key_id: str, after: int, limit: int) -> list[Case]:
        """Cases after id `after` whose description is not indexed under the key `key_id`."""
        rows = await self.session.scalars(
            select(Case)
            .where(
                Case.id > after,
                or_(
                    Case.description_index.is_(None),
                    ~Case.description_index.startswith(f"{key_id} ", autoescape=True),
                ),
            )
            .order_by(Case.id)
            .limit(limit)
        )
        return list(rows)


class WorkflowRepo:
    """What the workflow and the scheduler read and write beside cases."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def closures(self) -> list[Closure]:
        return list(await self.session.scalars(select(Closure).order_by(Closure.day)))

    async def add_closure(self, closure: Closure) -> bool:
        """Close the office on a day; False if it was closed already."""
        return await add_new(self.session, closure, (Closure.day,)) is not None

    async def remove_closure(self, day: date) -> bool:
        result = await self.session.execute(delete(Closure).where(Closure.day == day))
        return bool(getattr(result, "rowcount", 0))

    async def policy(self, queue: str) -> QueuePolicy | None:
        return await self.session.get(QueuePolicy, queue)

    async def set_policy(self, policy: QueuePolicy) -> None:
        """A queue's deadline settings, over any stored before."""
        await put(self.session, policy, (QueuePolicy.queue,))

    async def job_done(self, name: str, period: str) -> bool:
        return await self.session.get(JobRun, (name, period)) is not None

    async def mark_job(self, name: str, period: str, at: datetime) -> bool:
        """Take a job's period for this worker; False if another took it first."""
        taken = JobRun(name=name, period=period, at=at)
        return await add_new(self.session, taken, (JobRun.name, JobRun.period)) is not None

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

    async def users_by_id(self, user_ids: Sequence[int]) -> dict[int, User]:
        """The people with these ids (the clerks of a batch of alerts), in one statement."""
        found: dict[int, User] = {}
        for start in range(0, len(user_ids), _IN_CHUNK):
            chunk = user_ids[start : start + _IN_CHUNK]
            rows = await self.session.scalars(select(User).where(User.id.in_(chunk)))
            found.update({user.id: user for user in rows})
        return found

    async def alerts_already_queued(self, dedupe_keys: Sequence[str]) -> set[str]:
        """Those of these dedupe keys that a message in the outbox already carries.

        One probe of the unique index per key, up to 500 keys a statement.
        """
        found: set[str] = set()
        for start in range(0, len(dedupe_keys), _IN_CHUNK):
            chunk = dedupe_keys[start : start + _IN_CHUNK]
            rows = await self.session.scalars(
                select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(chunk))
            )
            found.update(key for key in rows if key is not None)
        return found

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

    async def open_counts_by_clerk(
        self, queues: Sequence[str], statuses: Sequence[str], now: datetime, day_ends: datetime
    ) -> list[tuple[int | None, int, int, int]]:
        """Per clerk (None: unassigned): open cases, those past their deadline, and those due
        from now to `day_ends`. A case's deadline is the nearer of its step's and the overall
        one, as the alerts watch it. Counted by the database, not loaded."""
        step, overall = Case.step_due_at, Case.overall_due_at
        due = case(
            (step.is_(None), overall),
            (overall.is_(None), step),
            (step < overall, step),
            else_=overall,
        )
        breached = func.sum(case((due < now, 1), else_=0))
        due_today = func.sum(case((and_(due >= now, due < day_ends), 1), else_=0))
        rows = await self.session.execute(
            select(Case.assignee_id, func.count(Case.id), breached, due_today)
            .where(Case.queue.in_(queues), Case.status.in_(statuses))
            .group_by(Case.assignee_id)
        )
        return [
            (assignee, int(count), int(late or 0), int(today or 0))
            for assignee, count, late, today in rows
        ]

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


class PeopleRepo:
    """The clerks' list and the audit log."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def staff_member(self, platform: str, platform_user_id: int) -> StaffMember | None:
        return await self.session.scalar(
            select(StaffMember).where(
                StaffMember.platform == platform, StaffMember.platform_user_id == platform_user_id
            )
        )

    async def staff_members(self) -> list[StaffMember]:
        rows = await self.session.scalars(select(StaffMember).order_by(StaffMember.id))
        return list(rows)

    async def add_staff(self, member: StaffMember) -> bool:
        """List a clerk; False if they were listed already."""
        key = (StaffMember.platform, StaffMember.platform_user_id)
        return await add_new(self.session, member, key) is not None

    async def remove_staff(self, platform: str, platform_user_id: int) -> bool:
        result = await self.session.execute(
            delete(StaffMember).where(
                StaffMember.platform == platform, StaffMember.platform_user_id == platform_user_id
            )
        )
        return bool(getattr(result, "rowcount", 0))

    def add_audit(self, entry: AuditEntry) -> None:
        self.session.add(entry)


class PrivacyRepo:
    """Everything held about a person, and its erasure and retention."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def accounts(self, ids: Sequence[int]) -> list[User]:
        return list(await self.session.scalars(select(User).where(User.id.in_(ids))))

    async def cases(self, citizen_ids: Sequence[int]) -> list[Case]:
        return list(
            await self.session.scalars(select(Case).where(Case.citizen_id.in_(citizen_ids)))
        )

    async def audit_of(self, ids: Sequence[int]) -> list[AuditEntry]:
        rows = await self.session.scalars(
            select(AuditEntry).where(AuditEntry.user_id.in_(ids)).order_by(AuditEntry.at)
        )
        return list(rows)

    async def events(self, case_id: int) -> list[CaseEvent]:
        rows = await self.session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        )
        return list(rows)

    async def messages_to_and_from_citizen(self, case_id: int) -> list[CaseMessage]:
        """A case's messages, without the staff's internal notes."""
        rows = await self.session.scalars(
            select(CaseMessage)
            .where(CaseMessage.case_id == case_id, CaseMessage.kind != "note")
            .order_by(CaseMessage.id)
        )
        return list(rows)

    async def attachments(self, case_id: int) -> list[Attachment]:
        return list(
            await self.session.scalars(select(Attachment).where(Attachment.case_id == case_id))
        )

    async def rating(self, case_id: int) -> Rating | None:
        return await self.session.scalar(select(Rating).where(Rating.case_id == case_id))

    async def certificate_requests(self, phones: Sequence[str]) -> list[CertificateRequest]:
        rows = await self.session.scalars(
            select(CertificateRequest).where(CertificateRequest.applicant_phone.in_(phones))
        )
        return list(rows)

    async def count_cases(self, citizen_ids: Sequence[int], statuses: Sequence[str]) -> int:
        total = await self.session.scalar(
            select(func.count(Case.id)).where(
                Case.citizen_id.in_(citizen_ids), Case.status.in_(statuses)
            )
        )
        return int(total or 0)

    async def erase(self, user_id: int) -> None:
        """Forms in progress, rating comments, and the contact details kept on cases."""
        await self.session.execute(delete(Draft).where(Draft.user_id == user_id))
        await self.session.execute(
            update(Rating).where(Rating.user_id == user_id).values(comment=None)
        )
        await self.session.execute(
            update(Case)
            .where(Case.citizen_id == user_id)
            .values(contact_name="—", contact_phone=None)
        )

    async def purge(self, access_before: datetime, claims_before: datetime) -> tuple[int, int]:
        """Access records and update claims older than the given instants."""
        access = await self.session.execute(
            delete(AuditEntry).where(AuditEntry.action == "access", AuditEntry.at < access_before)
        )
        claims = await self.session.execute(
            delete(ProcessedUpdate).where(ProcessedUpdate.at < claims_before)
        )
        return int(getattr(access, "rowcount", 0)), int(getattr(claims, "rowcount", 0))


class DraftRepo:
    """Forms in progress, one per user and form."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        # People found with no draft in this session (one update): asked again, the answer is
        # known. Saving a draft forgets it.
        self._none: set[int] = set()

    async def get(self, user_id: int, form: str) -> Draft | None:
        if user_id in self._none:
            return None
        return await self.session.scalar(
            select(Draft).where(Draft.user_id == user_id, Draft.form == form)
        )

    async def any_of(self, user_id: int) -> Draft | None:
        if user_id in self._none:
            return None
        draft = await self.session.scalar(
            select(Draft).where(Draft.user_id == user_id).order_by(Draft.updated_at.desc())
        )
        if draft is None:
            self._none.add(user_id)
        return draft

    async def save(
        self, user_id: int, form: str, step: str, data: dict[str, Any], now: datetime
    ) -> None:
        """Keep a form's step and answers, in one statement whether the form is open or new."""
        self._none.discard(user_id)
        draft = Draft(user_id=user_id, form=form, step=step, data=dict(data), updated_at=now)
        await put(self.session, draft, (Draft.user_id, Draft.form))

    async def claim(self, user_id: int, form: str) -> bool:
        """Take a draft away for submitting it: of two submissions of one form, only one
        finds it (the second waits on the row and then deletes nothing)."""
        result = await self.session.execute(
            delete(Draft).where(Draft.user_id == user_id, Draft.form == form)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

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

    async def add_once(self, message: OutboxMessage) -> bool:
        """Queue a message unless one with its dedupe key was ever queued; whether it was."""
        return await add_new(self.session, message, (OutboxMessage.dedupe_key,)) is not None


class CaseExportRow(NamedTuple):
    """One case as exported: its own columns, its clerk's name and its rating."""

    code: str
    status: str
    subject: str
    business_name: str
    business_url: str | None
    licence_number: str | None
    received_at: datetime
    step_due_at: datetime | None
    assignee_first_name: str | None
    assignee_last_name: str | None
    province: str | None
    score: int | None


class ReportRepo:
    """Statistics, exports, searches and ratings: grouped queries and streamed rows, never
    every case loaded at once (a desk holds up to millions)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    # --- counts ---------------------------------------------------------------------------

    async def count_cases(self) -> int:
        return int(await self.session.scalar(select(func.count(Case.id))) or 0)

    async def _count_by(self, column: InstrumentedAttribute[Any]) -> list[tuple[Any, int]]:
        total = func.count(Case.id)
        rows = await self.session.execute(
            select(column, total).group_by(column).order_by(total.desc(), column)
        )
        return [(key, int(count)) for key, count in rows]

    async def counts_by_status(self) -> list[tuple[str, int]]:
        return await self._count_by(Case.status)

    async def counts_by_subject(self) -> list[tuple[str, int]]:
        return await self._count_by(Case.subject)

    async def counts_by_province(self) -> list[tuple[str | None, int]]:
        return await self._count_by(Case.province)

    async def counts_by_assignee(self) -> list[tuple[int | None, str | None, str | None, int]]:
        """Cases per clerk (None: no clerk), with the clerk's names, most first."""
        total = func.count(Case.id)
        rows = await self.session.execute(
            select(Case.assignee_id, User.first_name, User.last_name, total)
            .outerjoin(User, User.id == Case.assignee_id)
            .group_by(Case.assignee_id, User.first_name, User.last_name)
            .order_by(total.desc(), Case.assignee_id)
        )
        return [(clerk, first, last, int(count)) for clerk, first, last, count in rows]

    async def counts_by_period(self, bounds: Sequence[datetime]) -> list[int]:
        """Cases received in each period [bounds[i], bounds[i + 1]), in one grouped query."""
        periods = len(bounds) - 1
        bucket = case(
            *[(Case.received_at < bound, index) for index, bound in enumerate(bounds[1:])]
        ).label("bucket")
        # Grouped over a subquery: PostgreSQL would not see two renderings of the CASE (with
        # their own parameters) as the same expression.
        inner = (
            select(bucket)
            .where(Case.received_at >= bounds[0], Case.received_at < bounds[-1])
            .subquery()
        )
        rows = await self.session.execute(
            select(inner.c.bucket, func.count()).group_by(inner.c.bucket)
        )
        counts = [0] * periods
        for index, count in rows:
            counts[int(index)] = int(count)
        return counts

    # --- durations ------------------------------------------------------------------------

    def _seconds_between(
        self, start: InstrumentedAttribute[datetime], end: InstrumentedAttribute[datetime | None]
    ) -> ColumnElement[Any]:
        if self._dialect() == "postgresql":
            return extract("epoch", end - start)
        # SQLite keeps UTC text; strftime('%s') reads it as whole seconds since the epoch.
        return cast(func.strftime("%s", end), Integer) - cast(func.strftime("%s", start), Integer)

    async def _quantiles(
        self,
        seconds: ColumnElement[Any],
        where: Sequence[ColumnElement[bool]],
        quantiles: Sequence[float],
    ) -> tuple[int, list[float]]:
        """How many rows match, and the quantiles of `seconds` over them, interpolated
        linearly between neighbours (PostgreSQL's percentile_cont; elsewhere the same by
        ordered offsets, two rows a quantile)."""
        if self._dialect() == "postgresql":
            row = (
                await self.session.execute(
                    select(
                        func.count(),
                        *[func.percentile_cont(q).within_group(seconds) for q in quantiles],
                    )
                    .select_from(Case)
                    .where(*where)
                )
            ).one()
            count = int(row[0])
            return count, [float(value) for value in row[1:]] if count else []
        count = int(await self.session.scalar(select(func.count(Case.id)).where(*where)) or 0)
        if count == 0:
            return 0, []
        values = []
        for q in quantiles:
            position = q * (count - 1)
            low = math.floor(position)
            pair = [
                float(value)
                for value in await self.session.scalars(
                    select(seconds).where(*where).order_by(seconds).offset(low).limit(2)
                )
            ]
            values.append(pair[0] + (pair[-1] - pair[0]) * (position - low))
        return count, values

    async def first_response_seconds(self, quantiles: Sequence[float]) -> tuple[int, list[float]]:
        """Time from receipt to the desk's first response, over the cases answered."""
        return await self._quantiles(
            self._seconds_between(Case.received_at, Case.first_response_at),
            [Case.first_response_at.is_not(None)],
            quantiles,
        )

    async def closing_seconds(
        self, closed_status: str, quantiles: Sequence[float]
    ) -> tuple[int, list[float]]:
        """Time from receipt to the decision, over the cases in `closed_status`."""
        return await self._quantiles(
            self._seconds_between(Case.received_at, Case.decided_at),
            [Case.status == closed_status, Case.decided_at.is_not(None)],
            quantiles,
        )

    # --- ratings --------------------------------------------------------------------------

    async def rating_counts(self) -> dict[int, int]:
        """How many ratings gave each score."""
        rows = await self.session.execute(
            select(Rating.score, func.count(Rating.id)).group_by(Rating.score)
        )
        return {int(score): int(count) for score, count in rows}

    async def rating_of_case(self, case_id: int) -> Rating | None:
        return await self.session.scalar(select(Rating).where(Rating.case_id == case_id))

    async def rating(self, rating_id: int) -> Rating | None:
        return await self.session.get(Rating, rating_id)

    async def add_rating(self, rating: Rating) -> Rating | None:
        """Keep a case's rating; None if the case was rated already (one rating a case)."""
        return await add_new(self.session, rating, (Rating.case_id,))

    # --- export ---------------------------------------------------------------------------

    async def export_rows(
        self,
        *,
        since: datetime | None,
        before: datetime | None,
        status: str | None,
        batch: int,
    ) -> AsyncIterator[list[CaseExportRow]]:
        """Cases received in [since, before) and in `status` (None: any), oldest first, in
        batches streamed from the database (a server-side cursor on PostgreSQL)."""
        assignee = aliased(User)
        query = (
            select(
                Case.code,
                Case.status,
                Case.subject,
                Case.business_name,
                Case.business_url,
                Case.licence_number,
                Case.received_at,
                Case.step_due_at,
                assignee.first_name,
                assignee.last_name,
                Case.province,
                Rating.score,
            )
            .outerjoin(assignee, assignee.id == Case.assignee_id)
            .outerjoin(Rating, Rating.case_id == Case.id)
            .order_by(Case.received_at, Case.id)
        )
        if since is not None:
            query = query.where(Case.received_at >= since)
        if before is not None:
            query = query.where(Case.received_at < before)
        if status is not None:
            query = query.where(Case.status == status)
        result = await self.session.stream(query.execution_options(yield_per=batch))
        async for partition in result.partitions(batch):
            yield [CaseExportRow._make(row) for row in partition]

    # --- search ---------------------------------------------------------------------------

    async def find_by_code(self, code: str) -> list[Case]:
        return list(await self.session.scalars(select(Case).where(Case.code == code)))

    async def find_by_phone(self, phone: str, limit: int) -> list[Case]:
        """Cases whose contact phone is `phone`, or whose citizen's account has it."""
        citizens = select(User.id).where(User.phone == phone)
        rows = await self.session.scalars(
            select(Case)
            .where(or_(Case.contact_phone == phone, Case.citizen_id.in_(citizens)))
            .order_by(Case.received_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return list(rows)

    async def find_by_text(
        self, business_key: str, words: Sequence[tuple[str, Sequence[str]]], limit: int
    ) -> list[Case]:
        """Cases whose business key contains `business_key` (those starting with it first), or
        whose description index, under one of the keys, holds every digest given for that key
        (`words`: key id and digests, services.personal_data.index_terms), newest first."""
        matches: list[ColumnElement[bool]] = []
        if business_key:
            matches.append(Case.business_key.contains(business_key, autoescape=True))
        index = Case.description_index
        matches.extend(
            and_(
                index.startswith(f"{key_id} ", autoescape=True),
                *[index.contains(f" {digest} ", autoescape=True) for digest in digests],
            )
            for key_id, digests in words
            if digests
        )
        if not matches:
            return []
        query = select(Case).where(or_(*matches))
        if business_key:
            prefix_first = case(
                (Case.business_key.startswith(business_key, autoescape=True), 0), else_=1
            )
            query = query.order_by(prefix_first)
        rows = await self.session.scalars(
            query.order_by(Case.received_at.desc(), Case.id.desc()).limit(limit)
        )
        return list(rows)


class ThreadRepo:
    """A case's conversation: its messages in staff chats, and the desk's messages about it."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, message: ThreadMessage) -> None:
        """A message joins its case's thread; one already in a thread stays where it is."""
        key = (ThreadMessage.platform, ThreadMessage.chat_id, ThreadMessage.message_id)
        await add_new(self.session, message, key)

    async def case_of(self, platform: str, chat_id: int, message_id: int) -> Case | None:
        """The case a staff-chat message (or a forum topic, by its id) belongs to."""
        return await self.session.scalar(
            select(Case)
            .join(ThreadMessage, ThreadMessage.case_id == Case.id)
            .where(
                ThreadMessage.platform == platform,
                ThreadMessage.chat_id == chat_id,
                ThreadMessage.message_id == message_id,
            )
        )

    async def sent_about_a_case(
        self, platform: str, chat_id: int, message_id: int
    ) -> OutboxMessage | None:
        """The desk's delivered message, about a case, that a person is replying to."""
        return await self.session.scalar(
            select(OutboxMessage)
            .where(
                OutboxMessage.platform == platform,
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.sent_message_id == message_id,
                OutboxMessage.case_id.is_not(None),
            )
            .limit(1)
        )

    async def question_sent_as(self, outbox_id: int) -> CaseMessage | None:
        """The clerk's question delivered by this outbox row."""
        return await self.session.scalar(
            select(CaseMessage).where(
                CaseMessage.outbox_id == outbox_id, CaseMessage.kind == "question"
            )
        )

    async def unsent(self, case_id: int, method: str, platform: str, chat_id: int) -> bool:
        """Whether a message of this kind for the case still waits to be sent to this chat."""
        found = await self.session.scalar(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.case_id == case_id,
                OutboxMessage.method == method,
                OutboxMessage.platform == platform,
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.status.in_(("pending", "sending")),
            )
            .limit(1)
        )
        return found is not None

    async def card_row(self, case_id: int) -> OutboxMessage | None:
        """The outbox row of the case's card in its staff chat."""
        return await self.session.scalar(
            select(OutboxMessage)
            .where(OutboxMessage.case_id == case_id, OutboxMessage.purpose == "staff_card")
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        )

    async def cases_in(
        self, citizen_ids: Sequence[int], statuses: Sequence[str], limit: int = 20
    ) -> list[Case]:
        """A person's cases in some statuses, newest first."""
        rows = await self.session.scalars(
            select(Case)
            .where(Case.citizen_id.in_(citizen_ids), Case.status.in_(statuses))
            .order_by(Case.received_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return list(rows)

    async def decided_since(
        self,
        citizen_ids: Sequence[int],
        statuses: Sequence[str],
        since: datetime,
        limit: int = 20,
    ) -> list[Case]:
        """A person's cases that ended (in `statuses`) at or after an instant, newest first."""
        rows = await self.session.scalars(
            select(Case)
            .where(
                Case.citizen_id.in_(citizen_ids),
                Case.status.in_(statuses),
                Case.decided_at >= since,
            )
            .order_by(Case.decided_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return list(rows)


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
        self.licences = LicenceRepo(session)
        self.renewals = RenewalRepo(session)
        self.people = PeopleRepo(session)
        self.privacy = PrivacyRepo(session)
        self.threads = ThreadRepo(session)
        self.reports = ReportRepo(session)
        self.case_reports = CaseReportRepo(session)

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
