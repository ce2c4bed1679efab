"""Forms in progress, one per user and form."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.common import rowcount
from models.tables import Draft
from models.upsert import put


class DraftRepo:
    """Forms in progress, one per user and form."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        # People found with no draft in this session (one update): asked again, the answer is
        # known. Saving a draft forgets it.
        self._none: set[int] = set()
        # People whose draft this session saved.
        self.saved: set[int] = set()

    def known_none(self, user_id: int) -> None:
        """The caller knows this person has no draft: asking for one will not query."""
        self._none.add(user_id)

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
        self.saved.add(user_id)
        draft = Draft(user_id=user_id, form=form, step=step, data=dict(data), updated_at=now)
        await put(self.session, draft, (Draft.user_id, Draft.form))

    async def claim(self, user_id: int, form: str) -> bool:
        """Take a draft away for submitting it: of two submissions of one form, only one
        finds it (the second waits on the row and then deletes nothing)."""
        result = await self.session.execute(
            delete(Draft).where(Draft.user_id == user_id, Draft.form == form)
        )
        return rowcount(result) == 1

    async def delete(self, user_id: int, form: str | None = None) -> None:
        query = delete(Draft).where(Draft.user_id == user_id)
        if form is not None:
            query = query.where(Draft.form == form)
        await self.session.execute(query)
