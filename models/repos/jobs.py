"""Scheduled jobs' runs: a job's period is taken by one worker only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.tables import JobRun
from models.upsert import add_new


class JobRepo:
    """Which periods of which jobs have run."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def done(self, name: str, period: str) -> bool:
        return await self.session.get(JobRun, (name, period)) is not None

    async def mark(self, name: str, period: str, at: datetime) -> bool:
        """Take a job's period for this worker; False if another took it first."""
        taken = JobRun(name=name, period=period, at=at)
        return await add_new(self.session, taken, (JobRun.name, JobRun.period)) is not None

    async def last_run_at(self, name: str) -> datetime | None:
        """When a periodic job last ran, whatever its period; None if it never did."""
        return await self.session.scalar(select(func.max(JobRun.at)).where(JobRun.name == name))
