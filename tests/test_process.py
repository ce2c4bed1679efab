"""The real process, started as a user would, against a stand-in Bot API server answering as
Telegram and as Bale: a citizen on each platform files a complaint end to end."""

from __future__ import annotations

import json
from pathlib import Path

from tests.process import DeskProcess
from tests.standin import Bot, Citizen, StandIn

TG = "700001:TEST-telegram-token-aaaaaaaaaaaaaaaaaaaa"
BALE = "800001:TEST-bale-token-bbbbbbbbbbbbbbbbbbbbbbbbb"
STAFF_CHAT = -1009000


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
    desk = await DeskProcess.start(
        server, tmp_path, COMPLAINTS_STAFF_CHAT=f"telegram:{STAFF_CHAT}"
    )
    try:
        await server.started(TG)
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
        await desk.stop()
        await server.stop()
    log = desk.log
    assert TG.split(":")[1] not in log and BALE.split(":")[1] not in log
    assert "+989121234567" not in log and "9121234567" not in log
    assert desk.process.returncode in (0, -15)
