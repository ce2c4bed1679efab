"""The one fake: a Bot API server that records what the bot sent and answers as the platform.

It sits at aiogram's session boundary; answers go through aiogram's own response checking, so
errors (429 with retry_after, 400, 403, 5xx) are raised exactly as from the network.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import InputFile

from services.platforms import Platform
from tests import botapi_rules

BOT_IDS = {Platform.TELEGRAM: 700001, Platform.BALE: 800001}
_SENDS = {
    "sendMessage",
    "sendPhoto",
    "sendDocument",
    "copyMessage",
    "forwardMessage",
    "sendMediaGroup",
}


_FORUM_METHODS = {
    "createForumTopic",
    "editForumTopic",
    "closeForumTopic",
    "reopenForumTopic",
    "deleteForumTopic",
}


@dataclass
class Request:
    """One call the bot made, with its parameters as they would go over the wire."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    # What the platform answered when it refused the request for its words, else None.
    refused: str | None = None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    def markup(self) -> dict[str, Any]:
        raw = self.params.get("reply_markup")
        return json.loads(raw) if isinstance(raw, str) else (raw or {})

    def buttons(self) -> list[tuple[str, str]]:
        """Inline buttons as (label, callback data)."""
        return [
            (button["text"], button.get("callback_data", ""))
            for row in self.markup().get("inline_keyboard", [])
            for button in row
        ]

    def keyboard(self) -> list[str]:
        """Reply-keyboard labels."""
        return [
            button["text"] if isinstance(button, dict) else str(button)
            for row in self.markup().get("keyboard", [])
            for button in row
        ]


@dataclass
class Failure:
    method: str
    status: int
    description: str
    retry_after: int | None = None
    times: int = 1


class FakeBotAPI(BaseSession):
    """Records requests; answers success like the platform, or a prepared failure."""

    def __init__(self, platform: Platform) -> None:
        super().__init__()
        self.platform = platform
        self.requests: list[Request] = []
        self.failures: list[Failure] = []
        # Requests the platform refused for their words: never shown to anyone.
        self.refused: list[Request] = []
        self.files: dict[str, bytes] = {}
        # Chat members the platform reports: (chat id, user id) -> status.
        self.members: dict[tuple[int, int], str] = {}
        self._message_ids = itertools.count(1000)
        # Topic ids come from their own count, so that message ids stay 1000, 1001… in order.
        self._topic_ids = itertools.count(500)
        self.topics: dict[int, set[int]] = {}
        self.non_forums: set[int] = set()
        # Bale documents no command menu and no forum topics; its server answers such calls
        # with an error.
        self.unsupported = (
            {"setMyCommands", "deleteMyCommands", *_FORUM_METHODS}
            if platform is Platform.BALE
            else set()
        )

    # --- what tests use -------------------------------------------------------------------

    def fail(
        self,
        method: str,
        status: int,
        description: str,
        *,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        self.failures.append(Failure(method, status, description, retry_after, times))

    def sent(self, method: str | None = None, chat_id: int | None = None) -> list[Request]:
        return [
            request
            for request in self.requests
            if ((method is None and request.method in _SENDS) or request.method == method)
            and (chat_id is None or request.chat_id == chat_id)
            and request.refused is None
        ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [request.text for request in self.sent(chat_id=chat_id)]

    def last(self, chat_id: int | None = None) -> Request:
        sent = self.sent(chat_id=chat_id)
        assert sent, "the bot sent nothing"
        return sent[-1]

    def clear(self) -> None:
        self.requests.clear()

    def not_a_forum(self, chat_id: int) -> None:
        """A group whose topics are off: creating a topic there is refused as on Telegram."""
        self.non_forums.add(chat_id)

    def delete_topic(self, chat_id: int, thread_id: int) -> None:
        """Someone deleted a forum topic: sending into it fails from now on."""
        self.topics.get(chat_id, set()).discard(thread_id)

    # --- the session contract -------------------------------------------------------------

    async def close(self) -> None:
        return None

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - the session contract
    ) -> TelegramType:
        files: dict[str, InputFile] = {}
        params: dict[str, Any] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                params[key] = prepared
        name = method.__api_method__
        uploads = {
            key: b"".join([chunk async for chunk in _read(value, bot)])
            for key, value in files.items()
        }
        request = Request(name, params, uploads)
        self.requests.append(request)
        status, body = self._answer(bot, request)
        response = self.check_response(bot, method, status, json.dumps(body))
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - the session contract
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        path = url.rsplit("/", 1)[-1]
        yield self.files.get(path, b"")

    # --- answers --------------------------------------------------------------------------

    def _answer(self, bot: Bot, request: Request) -> tuple[int, dict[str, Any]]:
        name, params = request.method, request.params
        for failure in self.failures:
            if failure.method == name and failure.times > 0:
                failure.times -= 1
                body: dict[str, Any] = {
                    "ok": False,
                    "error_code": failure.status,
                    "description": failure.description,
                }
                if failure.retry_after is not None:
                    body["parameters"] = {"retry_after": failure.retry_after}
                return failure.status, body
        if name in self.unsupported:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        refused = self._refusal(name, params)
        markdown = self.platform is Platform.BALE
        if (
            refused is None
            and (refused := botapi_rules.refusal(name, params, markdown=markdown)) is not None
        ):
            request.refused = refused
            self.refused.append(request)
        if refused is not None:
            return 400, {"ok": False, "error_code": 400, "description": refused}
        return 200, {"ok": True, "result": self._result(bot, name, params)}

    def _refusal(self, name: str, params: dict[str, Any]) -> str | None:
        """What Telegram refuses about forum topics: a topic in a group that is no forum, or
        a message into a topic that does not exist."""
        chat_id = int(params["chat_id"]) if "chat_id" in params else 0
        if name == "createForumTopic" and chat_id in self.non_forums:
            return "Bad Request: the chat is not a forum"
        thread = params.get("message_thread_id")
        if thread is not None and int(thread) not in self.topics.get(chat_id, set()):
            return "Bad Request: message thread not found"
        return None

    def _result(self, bot: Bot, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return {
                "id": BOT_IDS[self.platform],
                "is_bot": True,
                "first_name": "Pishkhan",
                "username": f"pishkhan_{self.platform}_bot",
            }
        if name == "getChatMember":
            chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
            status = self.members.get((chat_id, user_id), "left")
            if self.platform is Platform.BALE:
                # Bale's member objects lack fields aiogram requires.
                return {"status": status}
            return {
                "status": status,
                "user": {"id": user_id, "is_bot": False, "first_name": "Member"},
            }
        if name == "getFile":
            file_id = params["file_id"]
            return {"file_id": file_id, "file_unique_id": f"u-{file_id}", "file_path": file_id}
        if name == "createForumTopic":
            thread_id = next(self._topic_ids)
            self.topics.setdefault(int(params["chat_id"]), set()).add(thread_id)
            return {"message_thread_id": thread_id, "name": params["name"], "icon_color": 7322096}
        if name in ("sendMessage", "sendPhoto", "sendDocument", "copyMessage"):
            chat_id = int(params["chat_id"])
            message: dict[str, Any] = {
                "message_id": next(self._message_ids),
                "date": 1_790_000_000,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": {"id": BOT_IDS[self.platform], "is_bot": True, "first_name": "Pishkhan"},
            }
            if "message_thread_id" in params:
                message["message_thread_id"] = int(params["message_thread_id"])
                message["is_topic_message"] = True
            if "text" in params:
                message["text"] = params["text"]
            if "caption" in params:
                message["caption"] = params["caption"]
            if name == "sendPhoto":
                message["photo"] = [
                    {
                        "file_id": f"{self.platform}-sent",
                        "file_unique_id": "s",
                        "width": 1,
                        "height": 1,
                    }
                ]
            if name == "sendDocument":
                message["document"] = {"file_id": f"{self.platform}-sent", "file_unique_id": "s"}
            if name == "copyMessage":
                return {"message_id": message["message_id"]}
            return message
        return True


async def _read(value: InputFile, bot: Bot) -> AsyncGenerator[bytes, None]:
    async for chunk in value.read(bot):
        yield chunk
