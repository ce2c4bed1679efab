"""The clerks' list: who may work cases, per platform."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.common import rowcount
from models.tables import StaffMember
from models.upsert import add_new


class StaffRepo:
    """The clerks' list."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def member(self, platform: str, platform_user_id: int) -> StaffMember | None:
        return await self.session.scalar(
            select(StaffMember).where(
                StaffMember.platform == platform, StaffMember.platform_user_id == platform_user_id
            )
        )

    async def members(self) -> list[StaffMember]:
        rows = await self.session.scalars(select(StaffMember).order_by(StaffMember.id))
        return list(rows)

    async def add(self, member: StaffMember) -> bool:
        """List a clerk; False if they were listed already."""
        key = (StaffMember.platform, StaffMember.platform_user_id)
        return await add_new(self.session, member, key) is not None

    async def remove(self, platform: str, platform_user_id: int) -> bool:
        result = await self.session.execute(
            delete(StaffMember).where(
                StaffMember.platform == platform, StaffMember.platform_user_id == platform_user_id
            )
        )
        return bool(rowcount(result))
