"""Ratings: one per case, given by its complainant once it ended."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.tables import Rating
from models.upsert import add_new


class RatingRepo:
    """Cases' ratings."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, rating_id: int) -> Rating | None:
        return await self.session.get(Rating, rating_id)

    async def of_case(self, case_id: int) -> Rating | None:
        return await self.session.scalar(select(Rating).where(Rating.case_id == case_id))

    async def add(self, rating: Rating) -> Rating | None:
        """Keep a case's rating; None if the case was rated already (one rating a case)."""
        return await add_new(self.session, rating, (Rating.case_id,))

    async def counts(self) -> dict[int, int]:
        """How many ratings gave each score."""
        rows = await self.session.execute(
            select(Rating.score, func.count(Rating.id)).group_by(Rating.score)
        )
        return {int(score): int(count) for score, count in rows}

    async def forget_comments(self, user_id: int) -> None:
        """A person's comments on their ratings go (the scores stay)."""
        await self.session.execute(
            update(Rating).where(Rating.user_id == user_id).values(comment=None)
        )
