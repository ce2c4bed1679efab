"""Every filter of the desk is checked on the loop, with what aiogram gives a filter."""

from __future__ import annotations

import threading
from typing import Any

from aiogram import Bot, Dispatcher, F, Router
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import build_dispatcher
from handlers.kit.filters import check_on_the_loop, filters_of
from services.clock import ManualClock
from tests.conftest import START, make_settings


def test_no_filter_of_the_desk_goes_to_a_thread(tmp_path: Any) -> None:
    settings = make_settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    dp = build_dispatcher(settings, async_sessionmaker(class_=AsyncSession), ManualClock(START))

    filters = list(filters_of(dp))

    assert len(filters) > 30
    assert all(one.awaitable for one in filters)


async def test_magic_filters_states_and_predicates_still_decide_and_give_values() -> None:
    seen: list[tuple[str, Any, str]] = []
    main = threading.get_ident()

    def long_enough(message: Message) -> bool:
        seen.append(("predicate", threading.get_ident() == main, ""))
        return len(message.text or "") > 3

    router = Router()
    router.message.filter(F.chat.type == "private")

    @router.message(F.text.startswith("/"))
    async def command(message: Message) -> None:
        seen.append(("command", message.text, ""))

    @router.message(long_enough, F.text.as_("said"))
    async def text(message: Message, said: str) -> None:
        seen.append(("text", said, ""))

    dp = Dispatcher()
    dp.include_router(router)
    turned = check_on_the_loop(dp)
    bot = Bot("42:TEST")

    def update(number: int, text: str, chat_type: str = "private") -> dict[str, Any]:
        chat = {"id": 7 if chat_type == "private" else -7, "type": chat_type}
        message = {"message_id": number, "date": 0, "chat": chat, "text": text}
        message["from"] = {"id": 7, "is_bot": False, "first_name": "Sara"}
        return {"update_id": number, "message": message}

    await dp.feed_raw_update(bot, update(1, "/start"))
    await dp.feed_raw_update(bot, update(2, "سلام دنیا"))
    await dp.feed_raw_update(bot, update(3, "هی"))
    await dp.feed_raw_update(bot, update(4, "/start", chat_type="group"))

    assert turned == 4
    assert seen == [
        ("command", "/start", ""),
        ("predicate", True, ""),
        ("text", "سلام دنیا", ""),
        ("predicate", True, ""),
    ]
