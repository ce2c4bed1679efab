"""The real process, started as a user would, against a stand-in Bot API server answering as
Telegram and as Bale: a citizen on each platform files a complaint end to end; a clerk in the
staff chat on each platform registers a referred complaint, has its printed receipt sent again
and sets the commission's session; in webhook mode, its log keeps Bale's secret path out and a
body that is no update is refused."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import jdatetime
import pytest

from services.calendar import TEHRAN, WorkingCalendar
from tests.process import ROOT, DeskProcess
from tests.processes import Worker, command_update, free_port, until_listening
from tests.standin import Bot, Citizen, GroupMember, StandIn

TG = "700001:TEST-telegram-token-aaaaaaaaaaaaaaaaaaaa"
BALE = "800001:TEST-bale-token-bbbbbbbbbbbbbbbbbbbbbbbbb"
STAFF_CHAT = -1009000
BALE_STAFF_CHAT = -3009000


async def file_a_complaint(citizen: Citizen) -> str:
    assert "خوش آمدید" in (await citizen.say("/start"))["text"]
    await citizen.say("/complaint")
    await citizen.say("فروشگاه نمونه")
    licence = await citizen.say("www.shop-nemooneh.ir")
    province = await citizen.press(licence, "رد شدن")
    subject = await citizen.press(province, "رد شدن")
    await citizen.press(subject, "موضوع دیگر")
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


async def migrated(server: StandIn, tmp_path: Path, **more: str) -> dict[str, str]:
    """The environment of a desk with both bots on the stand-in and its SQLite database in
    `tmp_path`, migrated as `python -m bot migrate` does."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TG,
        "BALE_BOT_TOKEN": BALE,
        "TELEGRAM_API_BASE": server.url,
        "BALE_API_BASE": server.url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'desk.sqlite3'}",
        "COMPLAINTS_STAFF_CHAT": f"telegram:{STAFF_CHAT}",
        **more,
    }
    migrate = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "migrate", env=env, cwd=tmp_path
    )
    assert await migrate.wait() == 0
    return env


async def test_a_citizen_on_each_platform_files_a_complaint(tmp_path: Path) -> None:
    server = StandIn([Bot(TG, "telegram", 700001), Bot(BALE, "bale", 800001)])
    await server.start()
    desk = await DeskProcess.start(
        server, tmp_path, COMPLAINTS_STAFF_CHAT=f"telegram:{STAFF_CHAT}"
    )
    try:
        await server.started(TG)
        telegram_receipt = await file_a_complaint(Citizen(server, TG, 5001, "Sara"))
        bale_receipt = await file_a_complaint(Citizen(server, BALE, 6001, "Reza"))

        assert "<b>" in telegram_receipt
        assert "<b>" not in bale_receipt and "*" in bale_receipt

        def is_card(method: str, params: dict[str, Any]) -> bool:
            return method == "sendMessage" and int(params["chat_id"]) == STAFF_CHAT

        # Each case's card reaches the staff chat, the second after its printed receipt.
        first = await server.wait_for(TG, is_card)
        second = await server.wait_for(
            TG, lambda m, p: is_card(m, p) and p is not first and "شکایت تازه" in p["text"]
        )
        assert "<b>شکایت تازه</b>" in first["text"] and "&lt;b&gt;" not in second["text"]
        bale_calls = {method for method, _ in server.bots[BALE].sent}
        assert "setMyCommands" not in bale_calls
        assert "parse_mode" not in json.dumps(
            [p for m, p in server.bots[BALE].sent if m == "sendMessage"]
        )
    finally:
        await desk.stop()
        await server.stop()
    log = desk.log
    assert TG.split(":")[1] not in log and BALE.split(":")[1] not in log
    assert "+989121234567" not in log and "9121234567" not in log
    assert desk.process.returncode in (0, -15)


async def test_a_webhook_worker_logs_no_secret_path_and_refuses_what_is_no_update(
    tmp_path: Path,
) -> None:
    server = StandIn([Bot(TG, "telegram", 700001), Bot(BALE, "bale", 800001)])
    await server.start()
    port = free_port()
    secret = "webhook-secret-for-the-test"
    env = await migrated(
        server,
        tmp_path,
        MODE="webhook",
        WEBHOOK_BASE_URL=f"http://127.0.0.1:{port}",
        WEBHOOK_HOST="127.0.0.1",
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET=secret,
        LOG_LEVEL="DEBUG",
    )
    log = tmp_path / "desk.log"
    worker = Worker(env, tmp_path, log=log)
    await worker.start()
    try:
        await until_listening(port, [log])
        # Where the desk told Bale to post: its secret path.
        bale_url = str(
            (await server.wait_for(BALE, lambda method, _: method == "setWebhook"))["url"]
        )
        telegram = (
            f"http://127.0.0.1:{port}/webhook/telegram",
            {"X-Telegram-Bot-Api-Secret-Token": secret},
        )
        bale = (bale_url, {})
        async with aiohttp.ClientSession() as client:

            async def post(target: tuple[str, dict[str, str]], body: bytes) -> int:
                url, headers = target
                headers = headers | {"Content-Type": "application/json"}
                async with client.post(url, data=body, headers=headers) as response:
                    return response.status

            welcomed = await post(bale, json.dumps(command_update(1, 6001)).encode())
            refused = [
                await post(target, body)
                for body in (b"{not json", b"[]", b'{"update_id": "x"}', b"\xff")
                for target in (telegram, bale)
            ]
        await server.wait_for(
            BALE, lambda method, p: method == "sendMessage" and int(p["chat_id"]) == 6001
        )
    finally:
        await worker.stop()
        await server.stop()
    text = log.read_text()
    assert welcomed == 200 and refused == [400] * 8
    assert "POST to the bale webhook: 200" in text
    assert text.count("POST to the telegram webhook: 400") == 4
    assert text.count("POST to the bale webhook: 400") == 4
    assert bale_url.rsplit("/", 1)[1] not in text and "/webhook/bale/" not in text
    assert secret not in text
    assert TG.split(":")[1] not in text and BALE.split(":")[1] not in text
    assert "Traceback" not in text


def a_working_day_ahead() -> str:
    """A working day a week or more from today, as a clerk types it in Jalali."""
    day = datetime.now(TEHRAN).date() + timedelta(days=7)
    calendar = WorkingCalendar()
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return str(jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d"))


def is_pdf(params: dict[str, Any]) -> bool:
    """Whether a sendDocument uploaded a PDF (aiogram names the file part `attach://…`)."""
    reference = str(params.get("document") or "")
    content = params.get("file:" + reference.removeprefix("attach://"), b"")
    return isinstance(content, bytes | bytearray) and bytes(content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("token", "chat"), [(TG, STAFF_CHAT), (BALE, BALE_STAFF_CHAT)], ids=["telegram", "bale"]
)
async def test_a_clerk_refers_prints_a_receipt_and_sets_a_session_in_the_staff_chat(
    tmp_path: Path, token: str, chat: int
) -> None:
    """In the staff chat on each platform, as DESIGN.md has Bale differ (a plain group, no
    topics, no HTML): /refer registers a referred complaint and its receipt arrives as a
    PDF, /receipt CODE sends it again, and /session sets the commission's session."""
    server = StandIn([Bot(TG, "telegram", 700001), Bot(BALE, "bale", 800001)])
    await server.start()
    platform = server.bots[token].platform
    clerk_id = 4101
    server.members[(chat, clerk_id)] = "member"
    desk = await DeskProcess.start(server, tmp_path, COMPLAINTS_STAFF_CHAT=f"{platform}:{chat}")
    try:
        await server.started(token)
        ali = GroupMember(server, token, clerk_id, "Ali", chat)
        body = await ali.say("/refer")
        asked = await ali.press(body, "سازمان صنعت، معدن و تجارت")
        for answer in (
            "اصفهان",
            "۱۲۳۴/ص/۱۴۰۵",
            "۱۴۰۵/۰۸/۲۸",
            "مریم کاظمی",
            "۰۹۱۲ ۳۴۵ ۶۷۸۹",
            "فروشگاه نمونه",
            "shop.ir",
            "-",
        ):
            asked = await ali.say(answer)
        asked = await ali.press(asked, "فصل هشتم")
        asked = await ali.say("کالای سفارش داده شده پس از دو هفته هنوز ارسال نشده است.")
        summary = await ali.say("-")
        assert "خلاصه شکایت ارجاعی" in summary["text"]
        await ali.press(summary, "ثبت شکایت ارجاعی")
        registered = await server.wait_for(
            token, lambda m, p: ali._to_me(m, p) and "شکایت ارجاعی ثبت شد" in p.get("text", "")
        )
        code = next(word for word in registered["text"].split() if "-" in word)
        code = code.removeprefix("<code>").removesuffix("</code>").strip("`")
        printed = await server.wait_for(
            token, lambda m, p: m == "sendDocument" and int(p["chat_id"]) == chat
        )
        assert is_pdf(printed)

        before = len(server.bots[token].sent)
        await ali.say(f"/receipt {code}")
        again = await server.wait_for(
            token,
            lambda m, p: m == "sendDocument" and int(p["chat_id"]) == chat,
            after=before,
        )
        assert is_pdf(again)

        when = a_working_day_ahead()
        told = await ali.say(f"/session {code} {when} ۱۰:۳۰ برخط https://meet.example.ir/room_1")
        assert "جلسه" in told["text"] and "روش استفاده" not in told["text"]
        refused = server.bots[token].refused
        assert refused == [], refused
        if platform == "bale":
            bale = [p for m, p in server.bots[BALE].sent if m.startswith("send")]
            assert all("parse_mode" not in p and "<b>" not in str(p.get("text")) for p in bale)
            assert "createForumTopic" not in {m for m, _ in server.bots[BALE].sent}
    finally:
        await desk.stop()
        await server.stop()
    assert "Traceback" not in desk.log, desk.log
    assert "9123456789" not in desk.log
