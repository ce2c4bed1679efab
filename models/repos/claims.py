"""Claims on updates, so that each is handled once (see `bot.idempotence`).

The claims are written as plain table statements: no object is loaded, so the ORM's bookkeeping
for them would be work for nothing on every update. Never commits: the caller does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Table,
    bindparam,
    delete,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.common import rowcount
from models.tables import ProcessedUpdate

_CLAIMS = cast(Table, ProcessedUpdate.__table__)

Key = tuple[str, int]


class Held(NamedTuple):
    """A claim as it stands: processing or done, and when it was taken or last renewed."""

    status: str
    at: datetime


def _of(platform: str, update_id: int) -> tuple[ColumnElement[bool], ...]:
    return _CLAIMS.c.platform == platform, _CLAIMS.c.update_id == update_id


# The two statements every update makes, built once (and so compiled once, their cache key
# kept with them): the claim, in each dialect's own spelling of ON CONFLICT, and the done-mark.
def _given(name: str) -> BindParameter[Any]:
    return bindparam(f"given_{name}", type_=_CLAIMS.c[name].type)


_KEY = (_CLAIMS.c.platform == _given("platform"), _CLAIMS.c.update_id == _given("update_id"))
_TAKE = {
    name: insert(_CLAIMS)
    .values(
        platform=_given("platform"),
        update_id=_given("update_id"),
        status="processing",
        at=_given("at"),
        payload=_given("payload"),
    )
    .on_conflict_do_nothing(index_elements=[_CLAIMS.c.platform, _CLAIMS.c.update_id])
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}
_DONE = update(_CLAIMS).where(*_KEY).values(status="done", payload=None)


class ClaimRepo:
    """Claims on updates: taken, renewed, taken over, settled, purged."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def take(self, key: Key, now: datetime, payload: str) -> bool:
        """Claim an update no one has claimed; False if a claim on it is there."""
        platform, update_id = key
        dialect = self.session.get_bind().dialect.name
        fresh = await self.session.execute(
            _TAKE["postgresql" if dialect == "postgresql" else "sqlite"],
            {
                "given_platform": platform,
                "given_update_id": update_id,
                "given_at": now,
                "given_payload": payload,
            },
        )
        return rowcount(fresh) == 1

    async def held(self, key: Key) -> Held | None:
        """The claim as it stands, its row locked until the transaction ends."""
        row = (
            await self.session.execute(
                select(_CLAIMS.c.status, _CLAIMS.c.at).where(*_of(*key)).with_for_update()
            )
        ).first()
        return None if row is None else Held(row.status, row.at)

    async def touch(self, key: Key, now: datetime) -> None:
        """Take the claim over: its time is now."""
        await self.session.execute(update(_CLAIMS).where(*_of(*key)).values(at=now))

    async def renew(self, keys: Sequence[Key], now: datetime) -> int:
        """Renew the lease of the claims in hand among `keys`; how many were renewed."""
        renewed = await self.session.execute(
            update(_CLAIMS)
            .where(
                tuple_(_CLAIMS.c.platform, _CLAIMS.c.update_id).in_(keys),
                _CLAIMS.c.status == "processing",
            )
            .values(at=now)
        )
        return rowcount(renewed)

    async def lapsed(
        self, before: datetime, platforms: Sequence[str], limit: int
    ) -> list[tuple[str, int, datetime]]:
        """Claims in hand, not renewed since `before`, that keep their update: (platform,
        update_id, at), oldest first."""
        rows = (
            await self.session.execute(
                select(_CLAIMS.c.platform, _CLAIMS.c.update_id, _CLAIMS.c.at)
                .where(
                    _CLAIMS.c.status == "processing",
                    _CLAIMS.c.at <= before,
                    _CLAIMS.c.payload.is_not(None),
                    _CLAIMS.c.platform.in_(platforms),
                )
                .order_by(_CLAIMS.c.at)
                .limit(limit)
            )
        ).all()
        return [(platform, update_id, at) for platform, update_id, at in rows]

    async def take_over(self, key: Key, at: datetime, now: datetime) -> str | None:
        """The kept update, if the claim is still as it was read at `at` (no other worker took
        it first); its time is then now."""
        mine = await self.session.execute(
            update(_CLAIMS)
            .where(*_of(*key), _CLAIMS.c.status == "processing", _CLAIMS.c.at == at)
            .values(at=now)
            .returning(_CLAIMS.c.payload)
        )
        payload: str | None = mine.scalar_one_or_none()
        return payload

    async def done(self, key: Key) -> None:
        """The update is handled (or given up): its kept copy goes."""
        platform, update_id = key
        await self.session.execute(
            _DONE, {"given_platform": platform, "given_update_id": update_id}
        )

    async def release(self, key: Key) -> None:
        """Give the claim back: handling failed, and a retry may take it."""
        await self.session.execute(delete(_CLAIMS).where(*_of(*key)))

    async def purge(self, before: datetime) -> int:
        """Claims older than an instant go; how many went."""
        result = await self.session.execute(
            delete(ProcessedUpdate).where(ProcessedUpdate.at < before)
        )
        return rowcount(result)
