"""The test harness: both bots on one real Dispatcher, the fake Bot API, a clock, a database."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from aiogram import Dispatcher
from aiogram.fsm.storage.base import BaseStorage
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import build_dispatcher
from bot.delivery import OutboxSender
from handlers.kit.platforms import DeskBot
from models.repos import Repo
from services.clock import ManualClock
from services.platforms import Platform, profile_of
from services.settings import Settings
from tests.fakes import BOT_IDS, FakeBotAPI, Request

TOKENS = {
    Platform.TELEGRAM: "700001:TEST-telegram-token-aaaaaaaaaaaaaaaaaaaa",
    Platform.BALE: "800001:TEST-bale-token-bbbbbbbbbbbbbbbbbbbbbbbbb",
}


@dataclass
class Person:
    """Someone who writes to the bot."""

    platform: Platform
    id: int
    first_name: str = "Sara"
    last_name: str | None = "Ahmadi"
    language_code: str | None = "fa"

    def as_user(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            user["last_name"] = self.last_name
        if self.language_code:
            user["language_code"] = self.language_code
        return user


class Desk:
    """Feeds raw updates, as a platform would send them, through the real Dispatcher."""

    def __init__(
        self,
        settings: Settings,
        sessionmaker: async_sessionmaker[AsyncSession],
        clock: ManualClock,
        storage_factory: Any,
        first_update_id: int = 1,
    ) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker
        self.clock = clock
        self.storage_factory = storage_factory
        self.api = {platform: FakeBotAPI(platform) for platform in Platform}
        self.bots = {
            platform: DeskBot(TOKENS[platform], profile_of(platform), session=self.api[platform])
            for platform in Platform
        }
        # Another worker's updates are numbered apart: a platform numbers them once for all.
        self._update_ids = itertools.count(first_update_id)
        self._message_ids = itertools.count(1)
        self.storage: BaseStorage = storage_factory()
        self.dp: Dispatcher = build_dispatcher(settings, sessionmaker, clock, self.storage)
        self.sender = OutboxSender(self.bots, sessionmaker, settings, clock)

    async def restart(self) -> None:
        """A new process: a new dispatcher and sender; memory storage starts empty."""
        await self.storage.close()
        self.storage = self.storage_factory()
        self.dp = build_dispatcher(self.settings, self.sessionmaker, self.clock, self.storage)
        self.sender = OutboxSender(self.bots, self.sessionmaker, self.settings, self.clock)

    # --- updates --------------------------------------------------------------------------

    async def feed(self, platform: Platform, update: dict[str, Any]) -> None:
        update.setdefault("update_id", next(self._update_ids))
        await self.dp.feed_raw_update(self.bots[platform], update)

    def _message(self, person: Person, chat: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(self.clock.now().timestamp()),
            "chat": chat or {"id": person.id, "type": "private", "first_name": person.first_name},
            "from": person.as_user(),
        }

    async def say(self, person: Person, text: str, **extra: Any) -> None:
        message = self._message(person) | {"text": text} | extra
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        await self.feed(person.platform, {"message": message})

    async def send(self, person: Person, **content: Any) -> None:
        """A non-text message: photo, document, sticker, voice, contact…"""
        await self.feed(person.platform, {"message": self._message(person) | content})

    async def photo(self, person: Person, file_id: str) -> None:
        await self.send(
            person,
            photo=[
                {
                    "file_id": f"{file_id}-s",
                    "file_unique_id": f"{file_id}-us",
                    "width": 90,
                    "height": 90,
                },
                {
                    "file_id": file_id,
                    "file_unique_id": f"u-{file_id}",
                    "width": 800,
                    "height": 600,
                    "file_size": 52000,
                },
            ],
        )

    async def document(self, person: Person, file_id: str, name: str, size: int = 1000) -> None:
        await self.send(
            person,
            document={
                "file_id": file_id,
                "file_unique_id": f"u-{file_id}",
                "file_name": name,
                "mime_type": "application/pdf",
                "file_size": size,
            },
        )

    async def share_contact(self, person: Person, phone: str, owner_id: int | None = None) -> None:
        contact: dict[str, Any] = {"phone_number": phone, "first_name": person.first_name}
        if owner_id is not None:
            contact["user_id"] = owner_id
        await self.send(person, contact=contact)

    async def press(
        self, person: Person, data: str, message_id: int = 1, query_id: str | None = None
    ) -> None:
        """A tap on an inline button."""
        await self.feed(
            person.platform,
            {
                "callback_query": {
                    "id": query_id or f"9{next(self._update_ids)}",
                    "from": person.as_user(),
                    "chat_instance": "ci",
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "date": int(self.clock.now().timestamp()),
                        "chat": {
                            "id": person.id,
                            "type": "private",
                            "first_name": person.first_name,
                        },
                        "from": {
                            "id": BOT_IDS[person.platform],
                            "is_bot": True,
                            "first_name": "Pishkhan",
                        },
                        "text": "…",
                    },
                }
            },
        )

    async def press_button(self, person: Person, label_part: str) -> None:
        """Tap the newest inline button to this person whose label contains the words given."""
        for request in reversed(self.api[person.platform].sent(chat_id=person.id)):
            for label, data in request.buttons():
                if label_part in label:
                    await self.press(person, data)
                    return
        raise AssertionError(f"no button with {label_part!r} was sent to {person.id}")

    # --- what came out --------------------------------------------------------------------

    def to(self, person: Person) -> list[Request]:
        return self.api[person.platform].sent(chat_id=person.id)

    def last_text(self, person: Person) -> str:
        return self.api[person.platform].last(chat_id=person.id).text

    async def drain(self) -> int:
        return await self.sender.drain()

    @asynccontextmanager
    async def repo(self) -> AsyncIterator[Repo]:
        async with self.sessionmaker() as session:
            yield Repo(session)
