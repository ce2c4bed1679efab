"""Forms in progress, one per user and form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Executable, Table, bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.common import rowcount
from models.tables import Draft

_DRAFTS = cast(Table, Draft.__table__)

# Asked on the updates of a form (a step's answer, the draft looked for), built once, so compiled
# once. The reads refresh a draft this session loaded before and wrote since without the ORM.
_GET = (
    select(Draft)
    .where(Draft.user_id == bindparam("user_id"), Draft.form == bindparam("form"))
    .execution_options(populate_existing=True)
)
_ANY_OF = (
    select(Draft)
    .where(Draft.user_id == bindparam("user_id"))
    .order_by(Draft.updated_at.desc())
    .execution_options(populate_existing=True)
)


def _save(insert: Callable[[Table], postgresql.Insert | sqlite.Insert]) -> Executable:
    """A step kept: one statement whether the form is open or new."""
    statement = insert(_DRAFTS).values(
        user_id=bindparam("user_id"),
        form=bindparam("form"),
        step=bindparam("step"),
        data=bindparam("data", type_=_DRAFTS.c.data.type),
        updated_at=bindparam("updated_at", type_=_DRAFTS.c.updated_at.type),
    )
    return statement.on_conflict_do_update(
        index_elements=[_DRAFTS.c.user_id, _DRAFTS.c.form],
        set_={
            "step": statement.excluded.step,
            "data": statement.excluded.data,
            "updated_at": statement.excluded.updated_at,
        },
    )


# In each dialect's own spelling of ON CONFLICT.
_SAVE = {"postgresql": _save(postgresql.insert), "sqlite": _save(sqlite.insert)}


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
        return await self.session.scalar(_GET, {"user_id": user_id, "form": form})

    async def any_of(self, user_id: int) -> Draft | None:
        if user_id in self._none:
            return None
        draft = await self.session.scalar(_ANY_OF, {"user_id": user_id})
        if draft is None:
            self._none.add(user_id)
        return draft

    async def save(
        self, user_id: int, form: str, step: str, data: dict[str, Any], now: datetime
    ) -> None:
        """Keep a form's step and answers, in one statement whether the form is open or new."""
        self._none.discard(user_id)
        self.saved.add(user_id)
        dialect = self.session.get_bind().dialect.name
        await self.session.execute(
            _SAVE["postgresql" if dialect == "postgresql" else "sqlite"],
            {
                "user_id": user_id,
                "form": form,
                "step": step,
                "data": dict(data),
                "updated_at": now,
            },
        )

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
