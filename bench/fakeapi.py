"""A Bot API session with no network: it serialises each call as a real session would, counts
it, and answers with what the platform would return, through aiogram's own response checks."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import AsyncGenerator
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import InputFile

_MESSAGE_METHODS = {"sendMessage", "sendPhoto", "sendDocument", "editMessageReplyMarkup"}


class RecordingSession(BaseSession):
    """Counts requests by method; answers every one with success."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[str] = Counter()
        self._message_ids = itertools.count(10_000)

    async def close(self) -> None:
        return None

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - the session contract
    ) -> TelegramType:
        # What a real session does before the wire: every parameter prepared for the form.
        files: dict[str, InputFile] = {}
        params: dict[str, Any] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                params[key] = prepared
        name = method.__api_method__
        self.calls[name] += 1
        body = {"ok": True, "result": answer(bot.id, name, params, next(self._message_ids))}
        response = self.check_response(bot, method, 200, json.dumps(body))
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - the session contract
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""


def answer(bot_id: int, name: str, params: dict[str, Any], message_id: int) -> Any:
    """What the platform returns for a call: the bot for getMe, the sent message for a send,
    `true` for the rest."""
    if name == "getMe":
        return {"id": bot_id, "is_bot": True, "first_name": "Pishkhan", "username": "bench"}
    if name not in _MESSAGE_METHODS:
        return True
    chat_id = int(params["chat_id"])
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": 1_790_000_000,
        "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
        "from": {"id": bot_id, "is_bot": True, "first_name": "Pishkhan"},
    }
    for key in ("text", "caption"):
        if key in params:
            message[key] = params[key]
    return message
