"""An update delivered twice (same platform and update_id) is handled once.

A worker claims an update with a row before handling it and marks it done after. A duplicate
that arrives while the first is being handled, or after, is dropped; one whose first handling
failed (the row was removed) or whose worker died (the claim grew stale) is handled again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, cast

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from sqlalchemy import Table, delete, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.platforms import DeskBot
from models.tables import ProcessedUpdate
from services.clock import Clock

logger = logging.getLogger(__name__)

# A claim older than this belongs to a worker that died: the update may be handled again.
STALE_CLAIM = timedelta(minutes=2)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]

# The claims are written as plain table statements: no object is loaded, so the ORM's
# bookkeeping for them would be work for nothing on every update.
_CLAIMS = cast(Table, ProcessedUpdate.__table__)


class OnceMiddleware(BaseMiddleware):
    """Claims each update before any other work; drops the ones already claimed.

    It works in the update's own session (`DatabaseMiddleware` runs first): the claim and its
    done-mark take a connection once, and are two short transactions of their own, so the claim
    is durable before the handler's first word reaches anyone.
    """

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        bot: DeskBot = data["bot"]
        session: AsyncSession = data["repo"].session
        key = (bot.platform.value, event.update_id)
        if not await self._claim(session, *key):
            logger.info("update handled already: dropped", extra={"platform": key[0]})
            return None
        try:
            result = await handler(event, data)
        except BaseException:
            await self._settle(session, *key, handled=False)
            raise
        await self._settle(session, *key, handled=True)
        return result

    async def _claim(self, session: AsyncSession, platform: str, update_id: int) -> bool:
        now = self.clock.now()
        dialect = session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        # The usual case, a new update, costs one statement.
        fresh = await session.execute(
            insert(_CLAIMS)
            .values(platform=platform, update_id=update_id, status="processing", at=now)
            .on_conflict_do_nothing()
        )
        if getattr(fresh, "rowcount", 0) != 1:
            row = await session.get(ProcessedUpdate, (platform, update_id), with_for_update=True)
            if row is None or row.status == "done" or now - row.at < STALE_CLAIM:
                await session.rollback()
                return False
            row.at = now  # its worker died: take it over
        await session.commit()
        return True

    async def _settle(
        self, session: AsyncSession, platform: str, update_id: int, *, handled: bool
    ) -> None:
        """Mark the update done, or give the claim back when handling failed. What the handler
        left uncommitted is dropped first, as closing its session would have."""
        if session.in_transaction():
            await session.rollback()
        where = (_CLAIMS.c.platform == platform, _CLAIMS.c.update_id == update_id)
        if handled:
            await session.execute(update(_CLAIMS).where(*where).values(status="done"))
        else:
            await session.execute(delete(_CLAIMS).where(*where))
        await session.commit()
