"""The commission's sessions of cases: the scheduled one of a case, the reminders due, a day's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.tables import Case, CommissionSession

SCHEDULED = "scheduled"


class SessionRepo:
    """Queries on `commission_sessions`."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: CommissionSession) -> None:
        self.session.add(row)

    async def get(self, session_id: int) -> CommissionSession | None:
        return await self.session.get(CommissionSession, session_id, with_for_update=True)

    async def scheduled_of(self, case_id: int) -> CommissionSession | None:
        """The case's session still to come (one at a time), claimed for the change."""
        return await self.session.scalar(
            select(CommissionSession)
            .where(CommissionSession.case_id == case_id, CommissionSession.status == SCHEDULED)
            .order_by(CommissionSession.id.desc())
            .limit(1)
            .with_for_update()
        )

    async def latest_of(self, case_id: int) -> CommissionSession | None:
        """The case's latest session, scheduled or cancelled."""
        return await self.session.scalar(
            select(CommissionSession)
            .where(CommissionSession.case_id == case_id)
            .order_by(CommissionSession.id.desc())
            .limit(1)
        )

    async def due(self, now: datetime, limit: int) -> list[CommissionSession]:
        """Scheduled sessions whose next reminder has come; claimed so no two sweeps share.
        One range scan of the index on (status, next_reminder_at)."""
        rows = await self.session.scalars(
            select(CommissionSession)
            .where(
                CommissionSession.status == SCHEDULED,
                CommissionSession.next_reminder_at <= now,
            )
            .order_by(CommissionSession.next_reminder_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list(rows)

    async def between(
        self, start: datetime, end: datetime, queues: Sequence[str]
    ) -> list[tuple[CommissionSession, Case]]:
        """Scheduled sessions from `start` until `end`, of cases in these queues, by time."""
        rows = await self.session.execute(
            select(CommissionSession, Case)
            .join(Case, Case.id == CommissionSession.case_id)
            .where(
                CommissionSession.status == SCHEDULED,
                CommissionSession.at >= start,
                CommissionSession.at < end,
                Case.queue.in_(queues),
            )
            .order_by(CommissionSession.at, CommissionSession.id)
        )
        return [(row[0], row[1]) for row in rows]
