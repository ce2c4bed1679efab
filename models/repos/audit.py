"""The audit log: what was done and who looked at what (access records kept six months)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.common import rowcount
from models.tables import AuditEntry

# The access record written on a person's first sight and each refreshed last sight: a Core
# insert built once (no ORM object, no flush of it at the commit).
_ACCESS = insert(cast(Table, AuditEntry.__table__))


class AuditRepo:
    """Audit and access records."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, entry: AuditEntry) -> None:
        self.session.add(entry)

    async def access(self, *, at: datetime, user_id: int, platform: str, detail: str) -> None:
        """An access record, written now in the session's transaction."""
        await self.session.execute(
            _ACCESS,
            {
                "at": at,
                "user_id": user_id,
                "platform": platform,
                "action": "access",
                "detail": detail,
                "case_id": None,
            },
        )

    async def of_users(self, user_ids: Sequence[int]) -> list[AuditEntry]:
        """The records about these accounts, oldest first."""
        rows = await self.session.scalars(
            select(AuditEntry).where(AuditEntry.user_id.in_(user_ids)).order_by(AuditEntry.at)
        )
        return list(rows)

    async def purge_access(self, before: datetime) -> int:
        """Access records older than an instant go; how many went."""
        result = await self.session.execute(
            delete(AuditEntry).where(AuditEntry.action == "access", AuditEntry.at < before)
        )
        return rowcount(result)
