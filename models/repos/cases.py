"""Cases and what belongs to them: their events, attachments and messages; the deadline
queries the alerts and the digest read; and the staff's searches."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, bindparam, case, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.tables import Attachment, Case, CaseEvent, CaseMessage, User

# The contact name a case keeps once its complainant has asked to be forgotten (/forget):
# shown to people in words (services.people.contact_name), never as it is stored.
ERASED_CONTACT_NAME = "—"

# At most this many of a person's cases are read to find what a message of theirs is about.
_WRITTEN_ABOUT_AT_MOST = 200

# What a citizen's message may be about, asked on every message outside a form: built once, so
# compiled once.
_FOLLOWED_OR_ENDED_SINCE = (
    select(Case)
    .where(
        Case.citizen_id.in_(bindparam("citizen_ids", expanding=True)),
        or_(
            Case.status.in_(bindparam("followed", expanding=True)),
            and_(
                Case.status.in_(bindparam("ended", expanding=True)),
                Case.decided_at >= bindparam("since"),
            ),
        ),
    )
    .order_by(Case.received_at.desc(), Case.id.desc())
    .limit(_WRITTEN_ABOUT_AT_MOST)
)


class CaseRepo:
    """Cases, their attachments, their audit trail and their messages."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- one case ---------------------------------------------------------------------------

    def add(self, case: Case) -> None:
        self.session.add(case)

    def add_attachment(self, attachment: Attachment) -> None:
        self.session.add(attachment)

    def add_event(self, event: CaseEvent) -> None:
        self.session.add(event)

    def add_message(self, message: CaseMessage) -> None:
        self.session.add(message)

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

    async def events_of(self, case_id: int, *, limit: int | None = None) -> list[CaseEvent]:
        """A case's events in time order: the newest `limit` of them, or all."""
        query = select(CaseEvent).where(CaseEvent.case_id == case_id)
        if limit is None:
            return list(await self.session.scalars(query.order_by(CaseEvent.id)))
        rows = await self.session.scalars(query.order_by(CaseEvent.id.desc()).limit(limit))
        return list(reversed(list(rows)))

    async def attachments(self, case_id: int) -> list[Attachment]:
        return list(
            await self.session.scalars(select(Attachment).where(Attachment.case_id == case_id))
        )

    async def messages_to_and_from_citizen(self, case_id: int) -> list[CaseMessage]:
        """A case's messages, without the staff's internal notes."""
        rows = await self.session.scalars(
            select(CaseMessage)
            .where(CaseMessage.case_id == case_id, CaseMessage.kind != "note")
            .order_by(CaseMessage.id)
        )
        return list(rows)

    async def open_questions(self, case_ids: Sequence[int]) -> list[CaseMessage]:
        if not case_ids:  # no case, no question: nothing to ask the database
            return []
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

    async def question_sent_as(self, outbox_id: int) -> CaseMessage | None:
        """The clerk's question delivered by this outbox row."""
        return await self.session.scalar(
            select(CaseMessage).where(
                CaseMessage.outbox_id == outbox_id, CaseMessage.kind == "question"
            )
        )

    # --- a person's cases -------------------------------------------------------------------

    async def of_citizens(
        self,
        citizen_ids: Sequence[int],
        *,
        statuses: Sequence[str] | None = None,
        limit: int | None = 20,
    ) -> list[Case]:
        """A person's cases (in `statuses`, if given), newest first; `limit` None: all."""
        query = select(Case).where(Case.citizen_id.in_(citizen_ids))
        if statuses is not None:
            query = query.where(Case.status.in_(statuses))
        query = query.order_by(Case.received_at.desc(), Case.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return list(await self.session.scalars(query))

    async def followed_or_ended_since(
        self,
        citizen_ids: Sequence[int],
        *,
        followed: Sequence[str],
        ended: Sequence[str],
        since: datetime,
    ) -> tuple[list[Case], list[Case]]:
        """In one statement, a person's cases in a `followed` status (newest first, twenty at
        most) and those that ended (in `ended`) at or after an instant (latest ended first)."""
        rows = list(
            await self.session.scalars(
                _FOLLOWED_OR_ENDED_SINCE,
                {
                    "citizen_ids": list(citizen_ids),
                    "followed": list(followed),
                    "ended": list(ended),
                    "since": since,
                },
            )
        )
        following = set(followed)
        in_follow = [row for row in rows if row.status in following][:20]
        done = [row for row in rows if row.status not in following and row.decided_at is not None]
        done.sort(key=lambda row: (row.decided_at, row.id), reverse=True)
        return in_follow, done

    async def count_of_citizens(
        self, citizen_ids: Sequence[int], statuses: Sequence[str] | None = None
    ) -> int:
        """How many cases a person has (in `statuses`, if given)."""
        query = select(func.count(Case.id)).where(Case.citizen_id.in_(citizen_ids))
        if statuses is not None:
            query = query.where(Case.status.in_(statuses))
        return int(await self.session.scalar(query) or 0)

    async def against(
        self, licence_ids: Sequence[int], *, statuses: Sequence[str] | None = None, limit: int = 50
    ) -> list[Case]:
        """The complaints about these licences (in `statuses`, if given), newest first."""
        if not licence_ids:
            return []
        query = select(Case).where(Case.respondent_licence_id.in_(licence_ids))
        if statuses is not None:
            query = query.where(Case.status.in_(statuses))
        query = query.order_by(Case.received_at.desc(), Case.id.desc()).limit(limit)
        return list(await self.session.scalars(query))

    async def awaiting_complainant(self, phone: str) -> list[Case]:
        """Referred cases that name this mobile as their complainant's and no account yet."""
        rows = await self.session.scalars(
            select(Case)
            .where(Case.contact_phone == phone, Case.citizen_id.is_(None))
            .order_by(Case.id)
        )
        return list(rows)

    async def letters_of(
        self, body: str, letter_date: date
    ) -> list[tuple[str | None, str | None, str]]:
        """What tells apart the cases a body referred by its letters of one day: each one's
        body name, letter number and business key (no encrypted column is read)."""
        rows = await self.session.execute(
            select(Case.source_body_name, Case.letter_number, Case.business_key).where(
                Case.letter_date == letter_date, Case.source_body == body
            )
        )
        return [(name, number, business) for name, number, business in rows]

    async def forget_contact(self, citizen_id: int) -> None:
        """The contact details kept on a person's cases go (the cases stay)."""
        await self.session.execute(
            update(Case)
            .where(Case.citizen_id == citizen_id)
            .values(contact_name=ERASED_CONTACT_NAME, contact_phone=None)
        )

    # --- deadlines --------------------------------------------------------------------------

    async def due_for_alert(self, now: datetime, limit: int) -> list[Case]:
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

    async def due_after(self, instant: datetime, statuses: Sequence[str]) -> list[Case]:
        """Cases in `statuses` whose deadlines fall at or after an instant."""
        rows = await self.session.scalars(
            select(Case).where(
                Case.status.in_(statuses),
                or_(Case.step_due_at >= instant, Case.overall_due_at >= instant),
            )
        )
        return list(rows)

    async def in_queues(self, queues: Sequence[str], statuses: Sequence[str]) -> list[Case]:
        rows = await self.session.scalars(
            select(Case).where(Case.queue.in_(queues), Case.status.in_(statuses))
        )
        return list(rows)

    async def counts_by_clerk(
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

    async def any_event_since(self, queues: Sequence[str], since: datetime | None) -> bool:
        """Whether anything happened to a case of these queues since then (ever, if None)."""
        query = (
            select(CaseEvent.id)
            .join(Case, Case.id == CaseEvent.case_id)
            .where(Case.queue.in_(queues))
        )
        if since is not None:
            query = query.where(CaseEvent.at >= since)
        return await self.session.scalar(query.limit(1)) is not None

    async def count_received_since(self, queues: Sequence[str], since: datetime) -> int:
        total = await self.session.scalar(
            select(func.count(Case.id)).where(Case.queue.in_(queues), Case.received_at >= since)
        )
        return int(total or 0)

    # --- the staff's searches ---------------------------------------------------------------

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
