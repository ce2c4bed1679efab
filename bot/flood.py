"""Per-person flood control: a burst beyond the limit is dropped, and the person told once."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from aiogram.types import User as PlatformUser

from handlers.kit.platforms import DeskBot
from services.texts import texts

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class FloodMiddleware(BaseMiddleware):
    """A token bucket per (platform, person): `rate` updates per `per` seconds."""

    def __init__(self, rate: int, per: float, locale: str) -> None:
        self.rate = rate
        self.per = per
        self.locale = locale
        self._buckets: dict[tuple[str, int], tuple[float, float, bool]] = {}

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        sender: PlatformUser | None = data.get("event_from_user")
        bot: DeskBot = data["bot"]
        if sender is None:
            return await handler(event, data)
        key = (bot.platform.value, sender.id)
        now = time.monotonic()
        tokens, last, warned = self._buckets.get(key, (float(self.rate), now, False))
        tokens = min(float(self.rate), tokens + (now - last) * self.rate / self.per)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now, True)
            if not warned:
                t = texts(self.locale)
                await bot.send_message(sender.id, t.render(bot.profile, "flood-slow-down"))
            return None
        self._buckets[key] = (tokens - 1.0, now, False)
        if len(self._buckets) > 100_000:
            self._forget_idle(now)
        return await handler(event, data)

    def _forget_idle(self, now: float) -> None:
        idle = [key for key, (_, last, _) in self._buckets.items() if now - last > self.per]
        for key in idle:
            del self._buckets[key]
