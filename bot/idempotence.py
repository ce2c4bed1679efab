"""An update delivered twice (same platform and update_id) is handled once, and one whose
worker died on it is handled by another.

A worker claims an update with a row before handling it and marks it done after. While it
handles it, it renews the claim (`keep_claims`), so a claim that stops being renewed for a lease
belongs to a worker that died. A duplicate of a finished update is dropped. A duplicate that
comes while the first is still being handled waits: it is dropped once the first is done, and
handled if the first's worker turns out to be dead (its lease runs out) or its handling failed
(the row was removed). So a platform's retry after a worker was killed in the middle of an
update is not lost.

Nor is an update the platform will not send again (in polling mode the next `getUpdates` has
acknowledged it while it was still in hand): the claim keeps the update itself, encrypted, until
it is done, and `keep_claims` hands any claim whose lease ran out to this worker's dispatcher.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, cast

from aiogram import BaseMiddleware, Dispatcher
from aiogram.types import TelegramObject, Update
from sqlalchemy import Table, delete, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.kit.platforms import DeskBot
from models.tables import ProcessedUpdate
from models.upsert import insert
from services.clock import Clock
from services.platforms import Platform

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
Key = tuple[str, int]

# The claims are written as plain table statements: no object is loaded, so the ORM's
# bookkeeping for them would be work for nothing on every update.
_CLAIMS = cast(Table, ProcessedUpdate.__table__)


class OnceMiddleware(BaseMiddleware):
    """Claims each update before any other work; drops the ones already claimed.

    It works in the update's own session (`DatabaseMiddleware` runs first): the claim and its
    done-mark take a connection once, and are two short transactions of their own, so the claim
    is durable before the handler's first word reaches anyone.
    """

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        clock: Clock,
        lease: timedelta,
        look_again_seconds: float = 0.5,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.clock = clock
        self.lease = lease
        self.look_again_seconds = look_again_seconds
        self.held: set[Key] = set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        bot: DeskBot = data["bot"]
        session: AsyncSession = data["repo"].session
        key = (bot.platform.value, event.update_id)
        if data.get("recovered") != key and not await self._claim(session, key, event):
            logger.info("update handled already: dropped", extra={"platform": key[0]})
            return None
        self.held.add(key)
        try:
            result = await handler(event, data)
        except BaseException:
            await self._settle(session, *key, handled=False)
            raise
        finally:
            self.held.discard(key)
        await self._settle(session, *key, handled=True)
        return result

    async def _claim(self, session: AsyncSession, key: Key, event: Update) -> bool:
        """Claim the update: at once if it is new (one statement), after waiting if another
        worker is on it; False if it has been handled."""
        platform, update_id = key
        where = (_CLAIMS.c.platform == platform, _CLAIMS.c.update_id == update_id)
        while True:
            now = self.clock.now()
            fresh = await session.execute(
                insert(session, _CLAIMS)
                .values(
                    platform=platform,
                    update_id=update_id,
                    status="processing",
                    at=now,
                    payload=event.model_dump_json(exclude_none=True),
                )
                .on_conflict_do_nothing(index_elements=[_CLAIMS.c.platform, _CLAIMS.c.update_id])
            )
            if getattr(fresh, "rowcount", 0) == 1:
                await session.commit()
                return True
            row = (
                await session.execute(
                    select(_CLAIMS.c.status, _CLAIMS.c.at).where(*where).with_for_update()
                )
            ).first()
            if row is not None and row.status == "done":
                await session.rollback()
                return False
            if row is not None and now - row.at >= self.lease:
                await session.execute(update(_CLAIMS).where(*where).values(at=now))
                await session.commit()
                logger.warning("update taken over from a worker that stopped renewing it")
                return True
            # Being handled (or just given back): look again in a moment.
            await session.rollback()
            await asyncio.sleep(self.look_again_seconds)

    async def renew(self) -> int:
        """Renew the lease of every claim this worker holds; how many were renewed."""
        held = list(self.held)
        if not held:
            return 0
        async with self.sessionmaker() as session:
            renewed = await session.execute(
                update(_CLAIMS)
                .where(
                    tuple_(_CLAIMS.c.platform, _CLAIMS.c.update_id).in_(held),
                    _CLAIMS.c.status == "processing",
                )
                .values(at=self.clock.now())
            )
            await session.commit()
        return int(getattr(renewed, "rowcount", 0) or 0)

    async def recover(self, dispatcher: Dispatcher, bots: Mapping[Platform, DeskBot]) -> int:
        """Handle the updates whose workers died with them in hand (their lease ran out and no
        retry came to take them over); how many were taken."""
        now = self.clock.now()
        async with self.sessionmaker() as session:
            lapsed = (
                await session.execute(
                    select(_CLAIMS.c.platform, _CLAIMS.c.update_id, _CLAIMS.c.at)
                    .where(
                        _CLAIMS.c.status == "processing",
                        _CLAIMS.c.at <= now - self.lease,
                        _CLAIMS.c.payload.is_not(None),
                        _CLAIMS.c.platform.in_([platform.value for platform in bots]),
                    )
                    .order_by(_CLAIMS.c.at)
                    .limit(100)
                )
            ).all()
        taken = 0
        for platform, update_id, at in lapsed:
            bot = bots[Platform(platform)]
            key = (platform, update_id)
            try:
                update_ = await self._take_over(key, at, bot)
            except Exception:
                # Unreadable (its key was retired, say): retrying would fail for ever.
                logger.exception("a kept update could not be read: given up")
                await self._give_up(key)
                continue
            if update_ is None:
                continue
            logger.warning("update taken over from a worker that stopped renewing it")
            taken += 1
            try:
                await dispatcher.feed_update(bot, update_, recovered=key)
            except Exception:  # handled like any failed update: its claim was given back
                logger.exception("a recovered update failed")
        return taken

    async def _take_over(self, key: Key, at: datetime, bot: DeskBot) -> Update | None:
        """The kept update, if this worker is the one to take it: the claim is still as it was
        read (no other worker took it first)."""
        platform, update_id = key
        async with self.sessionmaker() as session:
            mine = await session.execute(
                update(_CLAIMS)
                .where(
                    _CLAIMS.c.platform == platform,
                    _CLAIMS.c.update_id == update_id,
                    _CLAIMS.c.status == "processing",
                    _CLAIMS.c.at == at,
                )
                .values(at=self.clock.now())
                .returning(_CLAIMS.c.payload)
            )
            payload = mine.scalar_one_or_none()
            await session.commit()
        if payload is None:
            return None
        return Update.model_validate_json(payload, context={"bot": bot})

    async def _give_up(self, key: Key) -> None:
        platform, update_id = key
        async with self.sessionmaker() as session:
            await session.execute(
                update(_CLAIMS)
                .where(_CLAIMS.c.platform == platform, _CLAIMS.c.update_id == update_id)
                .values(status="done", payload=None)
            )
            await session.commit()

    async def keep_claims(
        self, stop: asyncio.Event, dispatcher: Dispatcher, bots: Mapping[Platform, DeskBot]
    ) -> None:
        """Renew this worker's claims a few times a lease, and take over lapsed ones, until
        `stop`."""
        every = self.lease.total_seconds() / 3
        while not stop.is_set():
            try:
                await self.renew()
                await self.recover(dispatcher, bots)
            except Exception:  # a database hiccup must not end the renewals
                logger.exception("could not renew the claims on updates in hand")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)

    async def _settle(
        self, session: AsyncSession, platform: str, update_id: int, *, handled: bool
    ) -> None:
        """Mark the update done, or give the claim back when handling failed. What the handler
        left uncommitted is dropped first, as closing its session would have."""
        if session.in_transaction():
            await session.rollback()
        where = (_CLAIMS.c.platform == platform, _CLAIMS.c.update_id == update_id)
        if handled:
            done = update(_CLAIMS).where(*where).values(status="done", payload=None)
            await session.execute(done)
        else:
            await session.execute(delete(_CLAIMS).where(*where))
        await session.commit()
