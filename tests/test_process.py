"""The real process, started as a user would, against a stand-in Bot API server answering as
Telegram and as Bale: a citizen on each platform files a complaint end to end."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

from tests.standin import Bot, StandIn

ROOT = Path(__file__).resolve().parent.parent
TG = "700001:TEST-telegram-token-aaaaaaaaaaaaaaaaaaaa"
BALE = "800001:TEST-bale-token-bbbbbbbbbbbbbbbbbbbbbbbbb"
STAFF_CHAT = -1009000


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


async def file_a_complaint(citizen: Citizen) -> str:
    assert "خوش آمدید" in (await citizen.say("/start"))["text"]
    await citizen.say("/complaint")
    await citizen.say("فروشگاه نمونه")
    licence = await citizen.say("www.shop-nemooneh.ir")
    subject = await citizen.press(licence, "رد شدن")
    await citizen.press(subject, "سایر")
    order = await citizen.say("سفارش من پس از یک ماه هنوز نرسیده و پاسخی هم نمی‌دهند.")
    attachments = await citizen.press(order, "سفارشی در کار نیست")
    await citizen.press(attachments, "تمام شد")
    summary = await citizen.share_contact("+989121234567")
    await citizen.press(summary, "تأیید")
    receipt = await citizen.server.wait_for(
        citizen.token,
        lambda method, p: citizen._to_me(method, p) and "رسید" in p["text"],
        within=10,
    )
    return str(receipt["text"])


async def test_a_citizen_on_each_platform_files_a_complaint(tmp_path: Path) -> None:
    server = StandIn([Bot(TG, "telegram", 700001), Bot(BALE, "bale", 800001)])
    await server.start()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TG,
        "BALE_BOT_TOKEN": BALE,
        "TELEGRAM_API_BASE": server.url,
        "BALE_API_BASE": server.url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'desk.sqlite3'}",
        "COMPLAINTS_STAFF_CHAT": f"telegram:{STAFF_CHAT}",
        "OUTBOX_POLL_SECONDS": "0.2",
    }
    migrate = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "migrate", env=env, cwd=tmp_path
    )
    assert await migrate.wait() == 0
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=env,
        cwd=tmp_path,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        telegram_receipt = await file_a_complaint(Citizen(server, TG, 5001, "Sara"))
        bale_receipt = await file_a_complaint(Citizen(server, BALE, 6001, "Reza"))

        assert "<b>" in telegram_receipt
        assert "<b>" not in bale_receipt and "*" in bale_receipt
        cards = [
            params
            for method, params in server.bots[TG].sent
            if method == "sendMessage" and int(params["chat_id"]) == STAFF_CHAT
        ]
        assert len(cards) >= 2
        bale_calls = {method for method, _ in server.bots[BALE].sent}
        assert "setMyCommands" not in bale_calls
        assert "parse_mode" not in json.dumps(
            [p for m, p in server.bots[BALE].sent if m == "sendMessage"]
        )
    finally:
        process.terminate()
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
        await server.stop()
    log = stderr.decode()
    assert TG.split(":")[1] not in log and BALE.split(":")[1] not in log
    assert "+989121234567" not in log and "9121234567" not in log
    assert process.returncode in (0, -15)
