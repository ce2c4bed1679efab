"""A stand-in Bot API server on loopback: answers as Telegram or as Bale does, queues updates
for long polling, records what the bot sends. Used to run the real process end to end."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests import botapi_rules

# Bale documents no command menu and no forum topics: its server answers such calls with 404.
BALE_MISSING = {"setMyCommands", "deleteMyCommands", "createForumTopic", "editForumTopic"}


@dataclass
class Bot:
    """One bot the server knows, by its token."""

    token: str
    platform: str
    bot_id: int
    # Every update, kept until a getUpdates offset confirms it, as the platforms do.
    updates: list[dict[str, Any]] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    sent: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    # What the server refused for its words, with the description it answered.
    refused: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)
    waiters: list[asyncio.Event] = field(default_factory=list)


class StandIn:
    """The server: `url` is what TELEGRAM_API_BASE / BALE_API_BASE point at."""

    def __init__(self, bots: list[Bot]) -> None:
        self.bots = {bot.token: bot for bot in bots}
        self.ids = itertools.count(5000)
        self.update_ids: dict[str, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self.files: dict[str, bytes] = {}
        self.runner: web.AppRunner | None = None
        self.url = ""
        # Seconds each send takes, to widen the window a test kills a worker in.
        self.delay = 0.0
        # Chat members as getChatMember reports them: (chat id, user id) -> status.
        self.members: dict[tuple[int, int], str] = {}

    async def start(self) -> None:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._method)
        app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        # A handler still sleeping (`delay`) when the test ends is not waited for.
        self.runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    def push(self, token: str, update: dict[str, Any]) -> None:
        bot = self.bots[token]
        update.setdefault("update_id", next(self.update_ids[token]))
        bot.updates.append(update)
        bot.arrived.set()

    async def wait_for(
        self, token: str, predicate: Any, *, after: int = 0, within: float = 20.0
    ) -> dict[str, Any]:
        """The first request the bot sent (from index `after`) that matches, waiting for it."""
        bot = self.bots[token]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        seen = after
        while True:
            for method, params in bot.sent[seen:]:
                if predicate(method, params):
                    return params
            seen = len(bot.sent)
            if loop.time() > deadline:
                raise TimeoutError(f"nothing matched among {[m for m, _ in bot.sent]}")
            event = asyncio.Event()
            bot.waiters.append(event)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout=max(0.05, deadline - loop.time()))

    async def started(self, token: str, within: float = 120.0) -> None:
        """Wait for the process's first call: starting takes a while on a busy machine."""
        await self.wait_for(token, lambda method, params: True, within=within)

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        params: dict[str, Any] = {}
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if part.filename:  # type: ignore[union-attr]
                    params[f"file:{part.name}"] = await part.read()  # type: ignore[union-attr]
                else:
                    params[str(part.name)] = await part.text()  # type: ignore[union-attr]
            return params
        data = await request.post()
        return {key: value for key, value in data.items()}

    async def _file(self, request: web.Request) -> web.Response:
        return web.Response(body=self.files.get(request.match_info["path"], b""))

    async def _method(self, request: web.Request) -> web.Response:
        bot = self.bots.get(request.match_info["token"])
        if bot is None:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        if method == "getUpdates":
            return web.json_response({"ok": True, "result": await self._updates(bot, params)})
        if self.delay and method.startswith("send"):
            await asyncio.sleep(self.delay)
        words = botapi_rules.refusal(method, params, markdown=bot.platform == "bale")
        if words is not None:
            bot.refused.append((method, params, words))
            return web.json_response(
                {"ok": False, "error_code": 400, "description": words}, status=400
            )
        bot.sent.append((method, params))
        for waiter in bot.waiters:
            waiter.set()
        bot.waiters.clear()
        if bot.platform == "bale" and method in BALE_MISSING:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        return web.json_response({"ok": True, "result": self._result(bot, method, params)})

    async def _updates(self, bot: Bot, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 1.0)
        bot.updates = [update for update in bot.updates if update["update_id"] >= offset]
        if not bot.updates and timeout:
            bot.arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(bot.arrived.wait(), timeout=timeout)
        return [update for update in bot.updates if update["update_id"] >= offset]

    def _result(self, bot: Bot, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {
                "id": bot.bot_id,
                "is_bot": True,
                "first_name": "Pishkhan",
                "username": "desk_bot",
            }
        if method == "getFile":
            return {
                "file_id": params["file_id"],
                "file_unique_id": "u",
                "file_path": params["file_id"],
            }
        if method == "getChatMember":
            return {
                "status": self.members.get(
                    (int(params["chat_id"]), int(params["user_id"])), "left"
                ),
                "user": {"id": int(params["user_id"]), "is_bot": False, "first_name": "x"},
            }
        if method in ("sendMessage", "sendPhoto", "sendDocument"):
            chat_id = int(params["chat_id"])
            message: dict[str, Any] = {
                "message_id": next(self.ids),
                "date": 1_790_000_000,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": {"id": bot.bot_id, "is_bot": True, "first_name": "Pishkhan"},
            }
            if "text" in params:
                message["text"] = params["text"]
            return message
        if method == "createForumTopic":
            return {
                "message_thread_id": next(self.ids),
                "name": params.get("name", ""),
                "icon_color": 0,
            }
        return True


def as_json(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else json.loads(value)


class Citizen:
    """Someone chatting with the bot through the stand-in server."""

    def __init__(self, server: StandIn, token: str, user_id: int, name: str) -> None:
        self.server, self.token, self.id, self.name = server, token, user_id, name
        self.seen = 0

    def _user(self) -> dict[str, Any]:
        return {"id": self.id, "is_bot": False, "first_name": self.name, "language_code": "fa"}

    def _message(self, **content: Any) -> dict[str, Any]:
        return {
            "message_id": 100 + self.seen,
            "date": 1_790_000_000,
            "chat": {"id": self.id, "type": "private", "first_name": self.name},
            "from": self._user(),
            **content,
        }

    def _to_me(self, method: str, params: dict[str, Any]) -> bool:
        return method == "sendMessage" and int(params["chat_id"]) == self.id

    async def _reply(self) -> dict[str, Any]:
        """The last message of the bot's answer: the first one, and any that follow at once."""
        params = await self.server.wait_for(self.token, self._to_me, after=self.seen)
        while True:
            self.seen = len(self.server.bots[self.token].sent)
            try:
                params = await self.server.wait_for(
                    self.token, self._to_me, after=self.seen, within=0.4
                )
            except TimeoutError:
                return params

    async def say(self, text: str) -> dict[str, Any]:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
        self.server.push(self.token, {"message": self._message(**content)})
        return await self._reply()

    async def share_contact(self, phone: str) -> dict[str, Any]:
        contact = {"phone_number": phone, "first_name": self.name, "user_id": self.id}
        self.server.push(self.token, {"message": self._message(contact=contact)})
        return await self._reply()

    async def press(self, reply: dict[str, Any], label: str) -> dict[str, Any]:
        markup = json.loads(reply["reply_markup"])
        data = next(
            button["callback_data"]
            for row in markup["inline_keyboard"]
            for button in row
            if label in button["text"]
        )
        self.server.push(
            self.token,
            {
                "callback_query": {
                    "id": f"9{self.seen}",
                    "from": self._user(),
                    "chat_instance": "c",
                    "data": data,
                    "message": self._message(text="…"),
                }
            },
        )
        return await self._reply()


class GroupMember(Citizen):
    """Someone writing in a group the bot is in (a clerk in the staff chat): the bot's
    answers are those sent into the group."""

    def __init__(self, server: StandIn, token: str, user_id: int, name: str, chat_id: int) -> None:
        super().__init__(server, token, user_id, name)
        self.chat_id = chat_id
        self.chat_type = "supergroup" if server.bots[token].platform == "telegram" else "group"

    def _message(self, **content: Any) -> dict[str, Any]:
        return {
            "message_id": 100 + self.seen,
            "date": 1_790_000_000,
            "chat": {"id": self.chat_id, "type": self.chat_type, "title": "Staff"},
            "from": self._user(),
            **content,
        }

    def _to_me(self, method: str, params: dict[str, Any]) -> bool:
        return method in ("sendMessage", "sendDocument") and int(params["chat_id"]) == self.chat_id
