"""An update delivered twice (same platform and update_id) is handled once, and one whose
worker died on it is handled by another.

A worker claims an update with a row before handling it, and marks it done in the same
transaction as the first thing its handling commits (`Repo.done_with_commit`), or after the
handling when it committed nothing. So what an update wrote and its being done are one: a worker
killed after that commit leaves the update done, and no other worker handles it again on top of
its own writes (a form's answer taken a second time for the step after, say); only what the
handler still had to say after that commit is not said. A worker killed before it, or during a
handling that commits nothing, leaves the claim in hand, and the update is handled again. While it
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
from typing import Any

from aiogram import BaseMiddleware, Dispatcher
from aiogram.types import TelegramObject, Update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.kit.platforms import DeskBot
from models.repos import Repo
from models.repos.claims import ClaimRepo, Key
from services.clock import Clock
from services.platforms import Platform

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class OnceMiddleware(BaseMiddleware):
    """Claims each update right before its handlers; drops the ones already claimed.

    It works in the update's own session (`DatabaseMiddleware` runs first), the last of the
    outer middlewares: what they wrote (the person's row, their access record) is committed
    with the claim, in one commit, so the claim is durable before the handler's first word
    reaches anyone. The done-mark goes with the handler's first commit, or is a short
    transaction of its own after a handler that committed nothing.
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
        repo: Repo = data["repo"]
        key = (bot.platform.value, event.update_id)
        if data.get("recovered") == key:
            await repo.session.commit()  # the person's row, written before
        elif not await self._claim(repo.session, key, event):
            logger.info("update handled already: dropped", extra={"platform": key[0]})
            return None
        repo.done_with_commit(key)
        self.held.add(key)
        try:
            result = await handler(event, data)
        except BaseException:
            await self._settle(repo, key, handled=False)
            raise
        finally:
            self.held.discard(key)
        await self._settle(repo, key, handled=True)
        return result

    async def _claim(self, session: AsyncSession, key: Key, event: Update) -> bool:
        """Claim the update: at once if it is new (one statement), after waiting if another
        worker is on it; False if it has been handled. Whatever the session holds besides (the
        person's row) is committed with it, or before the wait."""
        claims = ClaimRepo(session)
        while True:
            now = self.clock.now()
            if await claims.take(key, now, event.model_dump_json(exclude_none=True)):
                await session.commit()
                return True
            row = await claims.held(key)
            if row is not None and row.status == "done":
                await session.commit()
                return False
            if row is not None and now - row.at >= self.lease:
                await claims.touch(key, now)
                await session.commit()
                logger.warning("update taken over from a worker that stopped renewing it")
                return True
            # Being handled (or just given back): look again in a moment.
            await session.commit()
            await asyncio.sleep(self.look_again_seconds)

    async def renew(self) -> int:
        """Renew the lease of every claim this worker holds; how many were renewed."""
        held = list(self.held)
        if not held:
            return 0
        async with self.sessionmaker() as session:
            renewed = await ClaimRepo(session).renew(held, self.clock.now())
            await session.commit()
        return renewed

    async def recover(self, dispatcher: Dispatcher, bots: Mapping[Platform, DeskBot]) -> int:
        """Handle the updates whose workers died with them in hand (their lease ran out and no
        retry came to take them over); how many were taken."""
        now = self.clock.now()
        async with self.sessionmaker() as session:
            lapsed = await ClaimRepo(session).lapsed(
                now - self.lease, [platform.value for platform in bots], limit=100
            )
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
        async with self.sessionmaker() as session:
            payload = await ClaimRepo(session).take_over(key, at, self.clock.now())
            await session.commit()
        if payload is None:
            return None
        return Update.model_validate_json(payload, context={"bot": bot})

    async def _give_up(self, key: Key) -> None:
        async with self.sessionmaker() as session:
            await ClaimRepo(session).done(key)
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

    async def _settle(self, repo: Repo, key: Key, *, handled: bool) -> None:
        """Mark the update done, unless a commit of the handler did, or give the claim back when
        handling failed. What the handler left uncommitted is dropped first, as closing its
        session would have."""
        if repo.session.in_transaction():
            await repo.rollback()
        if handled:
            if repo.done_pending is not None:
                await repo.commit()  # the done-mark alone
            return
        repo.done_pending = None
        await repo.claims.release(key)
        await repo.session.commit()
