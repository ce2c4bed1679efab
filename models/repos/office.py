"""The office's settings that the workflow reads: days closed, and each queue's deadlines."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.common import rowcount
from models.tables import Closure, QueuePolicy
from models.upsert import add_new, put


class OfficeRepo:
    """Closures and queue policies."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def closures(self) -> list[Closure]:
        return list(await self.session.scalars(select(Closure).order_by(Closure.day)))

    async def add_closure(self, closure: Closure) -> bool:
        """Close the office on a day; False if it was closed already."""
        return await add_new(self.session, closure, (Closure.day,)) is not None

    async def remove_closure(self, day: date) -> bool:
        result = await self.session.execute(delete(Closure).where(Closure.day == day))
        return bool(rowcount(result))

    async def policy(self, queue: str) -> QueuePolicy | None:
        return await self.session.get(QueuePolicy, queue)

    async def set_policy(self, policy: QueuePolicy) -> None:
        """A queue's deadline settings, over any stored before."""
        await put(self.session, policy, (QueuePolicy.queue,))
