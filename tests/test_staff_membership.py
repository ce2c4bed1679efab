"""Staff powers in a staff chat are a clerk's only: someone there who is not (or no longer) a
member of it, as the platform says, and not on the staff list, taps, types and writes in vain.

They are answered politely (the button's answer, or one short message in a while), audited,
and shown nothing of any case; the case is unchanged and nothing reaches the citizen.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from models.database import make_engine, make_sessionmaker
from models.tables import AuditEntry, Case, CaseEvent, CaseMessage, ThreadMessage, User
from services.formatting import format_code
from services.platforms import Platform
from tests.conftest import BALE_STAFF_CHAT, TEST_KEYS
from tests.desk import Desk, Person
from tests.fakes import BOT_IDS, Request
from tests.forms import DESCRIPTION
from tests.process import ROOT
from tests.staff import (
    STAFF_CHAT,
    Staff,
    answers,
    clerk,
    group_messages,
    list_as_clerk,
    outbox_rows,
    press_on_group,
    say_in_group,
    the_case,
)
from tests.standin import Bot, Citizen, StandIn
from tests.test_crash import Worker
from tests.test_process import TG, file_a_complaint
from tests.test_relay import BALE_GROUP, bale_clerk, filed, in_group, messages_of

POLITE = "فقط از کارشناسان عضو این گروه پذیرفته می‌شود"
REFUSED = "refused_in_staff_chat"
TTL = timedelta(seconds=120)  # STAFF_MEMBERSHIP_TTL_SECONDS by default


def intruder() -> Staff:
    """Someone in the staff group whom the platform reports as not a member ("left")."""
    return Staff(Platform.TELEGRAM, 7666, "Kaveh", "Gharibeh", username="kaveh_g")


def sent_since(desk: Desk, platform: Platform, mark: int) -> list[Request]:
    """Every request the bot made on a platform after the mark."""
    return desk.api[platform].requests[mark:]


def everything_said(requests: list[Request]) -> str:
    """The words of every text, caption and callback answer among the requests."""
    return "\n".join(request.text for request in requests)


def asked_membership(desk: Desk, platform: Platform = Platform.TELEGRAM) -> list[tuple[int, int]]:
    return [
        (int(r.params["chat_id"]), int(r.params["user_id"]))
        for r in desk.api[platform].sent("getChatMember")
    ]


async def refusals(desk: Desk) -> list[str | None]:
    """The details of the audit log's refusals in staff chats, oldest first."""
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == REFUSED).order_by(AuditEntry.id)
        )
        return list(rows)


async def count(desk: Desk, table: Any) -> int:
    async with desk.repo() as repo:
        return int(await repo.session.scalar(select(func.count()).select_from(table)) or 0)


def assert_nothing_of_the_case(said: str, code: str) -> None:
    """Neither the citizen, nor the business, nor the words of the complaint, nor its code."""
    for secret in (
        "Sara",
        "Ahmadi",
        "912",
        "۹۱۲",
        DESCRIPTION[:20],
        "فروشگاه نمونه",
        "shop.ir",
        format_code(code, "fa"),
        format_code(code, "en"),
    ):
        assert secret not in said


# --- the card's buttons -----------------------------------------------------------------------


async def test_an_intruders_tap_on_take_the_case_changes_nothing(desk: Desk, sara: Person) -> None:
    stranger = intruder()
    case = await filed(desk, sara)
    heard, events = len(desk.to(sara)), await count(desk, CaseEvent)
    mark = len(desk.api[Platform.TELEGRAM].requests)

    await press_on_group(desk, stranger, "پذیرفتن")
    await desk.drain()

    after = await the_case(desk)
    assert after.status == "awaiting_review" and after.assignee_id is None
    assert await count(desk, CaseEvent) == events
    assert len(desk.to(sara)) == heard  # the citizen is told nothing
    assert POLITE in answers(desk, stranger)[-1]
    sent = sent_since(desk, Platform.TELEGRAM, mark)
    assert [r.method for r in sent] == ["getChatMember", "answerCallbackQuery"]
    assert asked_membership(desk) == [(STAFF_CHAT, stranger.id)]
    assert_nothing_of_the_case(everything_said(sent), case.code)
    assert await refusals(desk) == ["button case"]


# --- commands ---------------------------------------------------------------------------------


async def test_an_intruder_reads_nothing_with_case_or_find(desk: Desk, sara: Person) -> None:
    stranger = intruder()
    case = await filed(desk, sara)
    code = format_code(case.code, "en")
    mark = len(desk.api[Platform.TELEGRAM].requests)

    await say_in_group(desk, stranger, f"/case {code}")
    await say_in_group(desk, stranger, "/find 09123456789")
    await say_in_group(desk, stranger, "/find فروشگاه نمونه")

    sent = sent_since(desk, Platform.TELEGRAM, mark)
    assert_nothing_of_the_case(everything_said(sent), case.code)
    (told,) = [r for r in sent if r.method == "sendMessage"]  # once, not at every try
    assert told.chat_id == STAFF_CHAT and POLITE in told.text
    # What was tried, never what was typed (a phone number, a name).
    assert await refusals(desk) == ["/case", "/find", "/find"]


async def test_the_refusal_is_said_again_only_after_a_while(desk: Desk, sara: Person) -> None:
    stranger = intruder()
    await filed(desk, sara)
    mark = len(desk.api[Platform.TELEGRAM].requests)

    for _ in range(3):
        await say_in_group(desk, stranger, "/status 1 closed")
    desk.clock.advance(timedelta(minutes=5))
    await say_in_group(desk, stranger, "/assign 1 @kaveh_g")

    told = [r for r in sent_since(desk, Platform.TELEGRAM, mark) if r.method == "sendMessage"]
    assert [POLITE in r.text for r in told] == [True, True]
    assert await refusals(desk) == ["/status"] * 3 + ["/assign"]
    assert (await the_case(desk)).status == "awaiting_review"


# --- the case's thread ------------------------------------------------------------------------


async def test_an_intruders_words_in_the_topic_or_under_the_card_reach_no_one(
    desk: Desk, sara: Person
) -> None:
    stranger = intruder()
    case = await filed(desk, sara)
    assert case.staff_thread_id is not None and case.staff_message_id is not None
    heard, threads = len(desk.to(sara)), await count(desk, ThreadMessage)
    before = len(group_messages(desk))

    await in_group(desk, stranger, text="پرونده شما بسته شد.", topic=case.staff_thread_id)
    await in_group(desk, stranger, text="کد ملی خود را بفرستید.", reply_to=case.staff_message_id)
    await desk.drain()

    assert len(desk.to(sara)) == heard
    assert await outbox_rows(desk, "relay:") == []
    assert await messages_of(desk, case.id) == []
    assert await count(desk, ThreadMessage) == threads
    after = await the_case(desk)
    assert after.first_response_at is None and after.status == "awaiting_review"
    (told,) = group_messages(desk)[before:]
    assert POLITE in told.text
    assert_nothing_of_the_case(told.text, case.code)
    assert await refusals(desk) == ["thread", "thread"]


async def test_plain_talk_in_the_staff_group_asks_the_platform_nothing(
    desk: Desk, sara: Person
) -> None:
    await filed(desk, sara)
    before = len(group_messages(desk))

    await say_in_group(desk, intruder(), "سلام به همه")
    await say_in_group(desk, clerk(), "صبح بخیر")

    assert asked_membership(desk) == []
    assert len(group_messages(desk)) == before
    assert await refusals(desk) == []


async def test_a_failing_platform_is_asked_once_an_update_and_lets_no_one_in(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()  # a member, but the platform cannot say so now
    case = await filed(desk, sara)
    heard = len(desk.to(sara))
    desk.api[Platform.TELEGRAM].fail("getChatMember", 500, "Internal Server Error", times=5)

    await in_group(desk, ali, text="فاکتور را بفرستید.", topic=case.staff_thread_id)
    await desk.drain()

    # Both the relay and the refusal asked who he is; the platform was asked once.
    assert asked_membership(desk) == [(STAFF_CHAT, ali.id)]
    assert len(desk.to(sara)) == heard
    assert await messages_of(desk, case.id) == []
    assert POLITE in group_messages(desk)[-1].text

    await in_group(desk, ali, text="فاکتور را بفرستید.", topic=case.staff_thread_id)
    assert len(asked_membership(desk)) == 2  # a failure is not remembered as an answer


# --- members who leave, listed clerks ---------------------------------------------------------


def a_member(desk: Desk) -> Staff:
    """A clerk by membership of the staff group alone: not on the staff list."""
    parisa = Staff(Platform.TELEGRAM, 7667, "Parisa", "Nouri", username="parisa_n")
    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, parisa.id)] = "member"
    return parisa


async def test_a_member_who_is_removed_loses_the_powers_once_the_ttl_passes(
    desk: Desk, sara: Person
) -> None:
    parisa = a_member(desk)
    case = await filed(desk, sara)

    await press_on_group(desk, parisa, "پذیرفتن")
    taken = await the_case(desk)
    assert taken.status == "in_progress" and taken.assignee_id is not None

    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, parisa.id)] = "kicked"
    desk.clock.advance(TTL - timedelta(seconds=1))
    await in_group(desk, parisa, text="در حال بررسی است.", topic=case.staff_thread_id)
    desk.clock.advance(timedelta(seconds=2))
    await in_group(desk, parisa, text="پرونده را بستیم.", topic=case.staff_thread_id)
    await say_in_group(desk, parisa, f"/case {format_code(case.code, 'en')}")
    await desk.drain()

    # Believed a member until the platform's word expired, then asked again and refused.
    assert await messages_of(desk, case.id) == [("reply", "در حال بررسی است.")]
    assert "پرونده را بستیم." not in "\n".join(r.text for r in desk.to(sara))
    assert asked_membership(desk) == [(STAFF_CHAT, parisa.id)] * 2
    assert POLITE in group_messages(desk)[-1].text
    assert await refusals(desk) == ["thread", "/case"]


async def test_a_prompt_opened_as_a_member_cannot_be_answered_after_leaving(
    desk: Desk, sara: Person
) -> None:
    parisa = a_member(desk)
    case = await filed(desk, sara)
    heard = len(desk.to(sara))
    await press_on_group(desk, parisa, "پرسش از شاکی")
    assert "پرسش خود از شاکی" in group_messages(desk)[-1].text

    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, parisa.id)] = "left"
    desk.clock.advance(TTL)
    await say_in_group(desk, parisa, "شماره کارت خود را بفرستید.")
    await desk.drain()

    assert len(desk.to(sara)) == heard
    assert await messages_of(desk, case.id) == []
    assert POLITE in group_messages(desk)[-1].text
    assert await refusals(desk) == ["prompt answer"]
    # The prompt is closed: the next words are no answer to it either.
    await say_in_group(desk, parisa, "شماره کارت خود را بفرستید.")
    assert await messages_of(desk, case.id) == []


async def test_a_listed_clerk_is_a_clerk_though_the_platform_says_left(
    desk: Desk, sara: Person
) -> None:
    omid = Staff(Platform.TELEGRAM, 7668, "Omid", "Clerk", username="omid_c")
    await list_as_clerk(desk, omid)
    case = await filed(desk, sara)

    await press_on_group(desk, omid, "پذیرفتن")
    await say_in_group(desk, omid, f"/case {format_code(case.code, 'en')}")

    taken = await the_case(desk)
    assert taken.status == "in_progress" and taken.assignee_id is not None
    assert "فروشگاه نمونه" in group_messages(desk)[-1].text
    assert asked_membership(desk) == []  # the staff list answered first
    assert await refusals(desk) == []


# --- Bale, whose member objects lack fields ---------------------------------------------------


async def bale_tap(desk: Desk, person: Person, label_part: str, query_id: str = "7042") -> None:
    """A tap on a button of the newest bot message in the Bale staff group that has it (an
    older Bale client's query id starts with 1)."""
    for request in reversed(desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)):
        for label, data in request.buttons():
            if label_part in label:
                message = {
                    "message_id": 1000,
                    "date": int(desk.clock.now().timestamp()),
                    "chat": BALE_GROUP,
                    "from": {"id": BOT_IDS[Platform.BALE], "is_bot": True, "first_name": "P"},
                    "text": request.text,
                }
                query = {"id": query_id, "from": person.as_user(), "chat_instance": "bale"}
                await desk.feed(
                    Platform.BALE,
                    {"callback_query": query | {"data": data, "message": message}},
                )
                return
    raise AssertionError(f"no button with {label_part!r} in the Bale staff group")


async def test_on_bale_a_member_not_on_the_staff_list_is_no_clerk(
    bale_desk: Desk, sara: Person
) -> None:
    desk = bale_desk
    member = Staff(Platform.BALE, 8002, "Sima", "Bale")
    desk.api[Platform.BALE].members[(BALE_STAFF_CHAT, member.id)] = "member"
    case = await filed(desk, sara)
    heard = len(desk.to(sara))

    await bale_tap(desk, member, "پذیرفتن")
    await in_group(
        desk, member, chat=BALE_GROUP, text="سلام از بله.", reply_to=case.staff_message_id
    )
    await desk.drain()

    # The platform was asked; its answer could not be read, and that is no "yes".
    assert asked_membership(desk, Platform.BALE) == [(BALE_STAFF_CHAT, member.id)]
    assert (await the_case(desk)).status == "awaiting_review"
    assert len(desk.to(sara)) == heard
    assert await messages_of(desk, case.id) == []
    assert POLITE in answers(desk, member)[-1]
    assert POLITE in desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)[-1].text
    assert await refusals(desk) == ["button case", "thread"]


async def test_an_older_bale_client_is_told_in_the_group_once_in_a_while(
    bale_desk: Desk, sara: Person
) -> None:
    desk = bale_desk
    stranger = Staff(Platform.BALE, 8003, "Kamran", "Bale")
    await filed(desk, sara)
    before = len(desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT))

    await bale_tap(desk, stranger, "پذیرفتن", query_id="1001")
    await bale_tap(desk, stranger, "پذیرفتن", query_id="1002")

    # Such a client shows no callback answer: the refusal is a message in the group, said once.
    (told,) = desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)[before:]
    assert POLITE in told.text
    assert (await the_case(desk)).status == "awaiting_review"
    assert await refusals(desk) == ["button case", "button case"]


async def test_on_bale_a_listed_clerk_works(bale_desk: Desk, sara: Person) -> None:
    desk = bale_desk
    hamid = bale_clerk()
    await list_as_clerk(desk, hamid)
    case = await filed(desk, sara)

    await bale_tap(desk, hamid, "پذیرفتن")
    await in_group(
        desk, hamid, chat=BALE_GROUP, text="سلام از بله.", reply_to=case.staff_message_id
    )
    await desk.drain()

    assert (await the_case(desk)).status == "in_progress"
    assert "سلام از بله." in desk.last_text(sara)
    assert await messages_of(desk, case.id) == [("reply", "سلام از بله.")]
    assert await refusals(desk) == []


# --- the real process -------------------------------------------------------------------------

PROCESS_STAFF_CHAT = -1009000
PROCESS_GROUP = {"id": PROCESS_STAFF_CHAT, "type": "supergroup", "title": "کارشناسان"}


def _from(user_id: int, name: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "fa"}


def _tap(user_id: int, name: str, data: str) -> dict[str, Any]:
    """A tap on the card's button in the staff group, as the platform sends it."""
    card = {
        "message_id": 1,
        "date": 1_790_000_000,
        "chat": PROCESS_GROUP,
        "from": {"id": 700001, "is_bot": True, "first_name": "Pishkhan"},
        "text": "…",
    }
    query = {"id": f"q{user_id}", "chat_instance": "staff", "data": data, "message": card}
    return {"callback_query": query | {"from": _from(user_id, name)}}


def _in_group(user_id: int, name: str, text: str, topic: int | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": 900 + len(text),
        "date": 1_790_000_000,
        "chat": PROCESS_GROUP,
        "from": _from(user_id, name),
        "text": text,
    }
    if text.startswith("/"):
        length = len(text.split()[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    if topic is not None:
        message |= {"message_thread_id": topic, "is_topic_message": True}
    return {"message": message}


async def _read(url: str, query: Any) -> list[Any]:
    engine = make_engine(url)
    async with make_sessionmaker(engine)() as session:
        rows = list(await session.execute(query))
    await engine.dispose()
    return rows


async def _refusals_in(url: str, at_least: int) -> list[str]:
    """The refusals the process audited, once there are that many (it works on its own time)."""
    rows: list[Any] = []
    for _ in range(100):
        rows = await _read(url, select(AuditEntry.detail).where(AuditEntry.action == REFUSED))
        if len(rows) >= at_least:
            return sorted(str(row[0]) for row in rows)
        await asyncio.sleep(0.1)
    raise AssertionError(f"only {len(rows)} refusals were audited")


async def test_in_the_real_process_an_intruder_in_the_staff_chat_gets_nothing(
    tmp_path: Path,
) -> None:
    server = StandIn([Bot(TG, "telegram", 700001)])
    await server.start()
    server.members[(PROCESS_STAFF_CHAT, 7001)] = "member"  # Ali; the intruder 7666 has "left"
    url = f"sqlite+aiosqlite:///{tmp_path / 'desk.sqlite3'}"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TG,
        "TELEGRAM_API_BASE": server.url,
        "DATABASE_URL": url,
        "DATA_KEYS": TEST_KEYS[0],
        "COMPLAINTS_STAFF_CHAT": f"telegram:{PROCESS_STAFF_CHAT}",
        "OUTBOX_POLL_SECONDS": "0.2",
    }
    migrate = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "migrate", env=env, cwd=tmp_path
    )
    assert await migrate.wait() == 0
    worker = Worker(env, tmp_path, tmp_path / "desk.log")
    await worker.start()
    sent = server.bots[TG].sent
    try:
        await server.started(TG)
        await file_a_complaint(Citizen(server, TG, 5001, "Sara"))
        card = await server.wait_for(
            TG,
            lambda m, p: (
                m == "sendMessage"
                and int(p["chat_id"]) == PROCESS_STAFF_CHAT
                and "reply_markup" in p
            ),
        )
        found = re.search(r"[0-9۰-۹]{5}-[0-9۰-۹]{5}", card["text"])
        assert found is not None
        code = found.group()
        claim = next(
            button["callback_data"]
            for row in json.loads(card["reply_markup"])["inline_keyboard"]
            for button in row
            if "پذیرفتن" in button["text"]
        )
        mark = len(sent)

        server.push(TG, _tap(7666, "Kaveh", claim))
        answer = await server.wait_for(TG, lambda m, p: m == "answerCallbackQuery", after=mark)
        assert POLITE in answer["text"]
        server.push(TG, _in_group(7666, "Kaveh", f"/case {code}"))
        told = await server.wait_for(
            TG, lambda m, p: m == "sendMessage" and POLITE in p["text"], after=mark
        )
        assert int(told["chat_id"]) == PROCESS_STAFF_CHAT
        topic = int(card["message_thread_id"])
        server.push(TG, _in_group(7666, "Kaveh", "پرونده شما بسته شد.", topic=topic))
        assert await _refusals_in(url, 3) == ["/case", "button case", "thread"]
        intruder_saw = sent[mark:]

        server.push(TG, _tap(7001, "Ali", claim))  # a member's tap is a clerk's
        await server.wait_for(
            TG,
            lambda m, p: m == "sendMessage" and int(p["chat_id"]) == 5001 and "سپرده" in p["text"],
            after=mark,
        )
    finally:
        await worker.stop()
        await server.stop()

    assert sorted({method for method, _ in intruder_saw}) == [
        "answerCallbackQuery",
        "getChatMember",
        "sendMessage",
    ]
    said = json.dumps([params for _, params in intruder_saw], ensure_ascii=False)
    for secret in ("Sara", "9121234567", "۹۱۲۱۲۳۴۵۶۷", "فروشگاه نمونه", "یک ماه", code):
        assert secret not in said
    case_id, status, assignee_id = (
        await _read(url, select(Case.id, Case.status, Case.assignee_id))
    )[0]
    assignee = await _read(url, select(User.platform_user_id).where(User.id == assignee_id))
    assert status == "in_progress" and assignee[0][0] == 7001
    assert await _read(url, select(CaseMessage.id).where(CaseMessage.case_id == case_id)) == []
    to_citizen = [p["text"] for m, p in sent if m == "sendMessage" and int(p["chat_id"]) == 5001]
    assert not any("بسته شد" in text for text in to_citizen)
