"""A clerk's words that cannot reach the citizen are told to the clerk in the case's thread.

When the citizen has blocked the bot or their account is gone, a retry changes nothing: the
message is given up at once, the clerk reads a short notice where they wrote (the case's topic,
or under their message by the card), once for that message, and the case's trail keeps it.
Telegram says so with a 403; Bale answers in its own words. Admins are not told of a block, which
is no fault of the desk; every other failure still reaches them as before.
"""

from __future__ import annotations

import itertools
import logging
import re
from typing import Any

import pytest
from sqlalchemy import select

from models.tables import CaseEvent
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.fakes import BOT_IDS, Request
from tests.identifiers import identifiers_in
from tests.staff import (
    GROUP,
    STAFF_CHAT,
    Staff,
    clerk,
    group_messages,
    list_as_clerk,
    outbox_rows,
    press_on_group,
)
from tests.test_delivery import ADMINS, dead_letters
from tests.test_relay import (
    BALE_GROUP,
    BALE_STAFF_CHAT,
    bale_clerk,
    filed,
    reply_target,
    thread_of,
)

NOTICE = "پیام به شاکی نرسید"
BLOCKED = "شاکی ربات را مسدود کرده است"
GONE = "حساب کاربری شاکی دیگر در دسترس نیست"
TELEGRAM_BLOCKED = (403, "Forbidden: bot was blocked by the user")
TELEGRAM_DEACTIVATED = (403, "Forbidden: user is deactivated")
# Bale refuses a chat that blocked the bot, and does not know an account that is gone.
BALE_BLOCKED = (403, "Forbidden: permission_denied")
BALE_GONE = (400, "Bad Request: no such group or user")
BALE_GONE_404 = (404, "Not Found: no such group or user")

_clerk_message_ids = itertools.count(70_000)


async def clerk_writes(
    desk: Desk,
    staff: Staff,
    text: str,
    *,
    chat: dict[str, Any] = GROUP,
    topic: int | None = None,
    reply_to: int | None = None,
) -> int:
    """A clerk writes in the case's thread (its topic, or a reply to the card); the id of the
    clerk's own message."""
    message_id = next(_clerk_message_ids)
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": int(desk.clock.now().timestamp()),
        "chat": chat,
        "from": staff.as_user(),
        "text": text,
    }
    replied: dict[str, Any] = {
        "message_id": reply_to or topic,
        "date": int(desk.clock.now().timestamp()),
        "chat": chat,
        "from": {"id": BOT_IDS[staff.platform], "is_bot": True, "first_name": "Pishkhan"},
        "text": "…",
    }
    if topic is not None:
        message |= {"message_thread_id": topic, "is_topic_message": True}
        replied |= {"message_thread_id": topic, "is_topic_message": True}
        replied["forum_topic_created"] = {"name": "…", "icon_color": 7322096}
    message["reply_to_message"] = replied
    await desk.feed(staff.platform, {"message": message})
    return message_id


def notices(requests: list[Request]) -> list[Request]:
    return [request for request in requests if NOTICE in request.text]


async def trail(desk: Desk, case_id: int) -> list[CaseEvent]:
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        )
        return list(rows)


def refuse(desk: Desk, platform: Platform, failure: tuple[int, str], *, times: int = 1) -> None:
    """The next `times` messages the bot sends on the platform are refused like this (set
    once the handlers have answered, so that it is the outbox's sends that meet it)."""
    status, description = failure
    desk.api[platform].fail("sendMessage", status, description, times=times)


@pytest.mark.parametrize(
    ("failure", "reason", "action"),
    [
        (TELEGRAM_BLOCKED, BLOCKED, "unreachable_blocked"),
        (TELEGRAM_DEACTIVATED, GONE, "unreachable_gone"),
    ],
    ids=["blocked", "deactivated"],
)
async def test_the_clerk_reads_in_the_topic_that_the_citizen_cannot_be_reached(
    desk: Desk, sara: Person, failure: tuple[int, str], reason: str, action: str
) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    heard = len(desk.to(sara))

    written = await clerk_writes(desk, ali, "مدارک را بفرستید.", topic=case.staff_thread_id)
    refuse(desk, Platform.TELEGRAM, failure)
    await desk.drain()

    # Tried once, given up at once.
    assert len(desk.to(sara)) == heard + 1
    (reply,) = await outbox_rows(desk, "relay:reply")
    assert (reply.status, reply.attempts) == ("dead", 1)
    assert failure[1] in (reply.last_error or "")
    # The clerk reads it in the case's topic, under what they wrote.
    (notice,) = notices(group_messages(desk))
    assert reason in notice.text
    assert thread_of(notice) == case.staff_thread_id
    assert reply_target(notice) == written
    (row,) = await outbox_rows(desk, "relay:undelivered")
    assert row.status == "sent" and row.case_id == case.id
    # The trail keeps it; the admins are not troubled.
    last = (await trail(desk, case.id))[-1]
    assert (last.action, last.actor_role, last.actor_id) == (action, "system", None)
    assert dead_letters(desk) == []


async def test_a_message_in_several_pieces_is_told_once(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)

    await clerk_writes(desk, ali, "توضیح مفصل. " * 500, topic=case.staff_thread_id)
    refuse(desk, Platform.TELEGRAM, TELEGRAM_BLOCKED, times=2)
    await desk.drain()
    await desk.drain()

    pieces = await outbox_rows(desk, "relay:reply")
    assert len(pieces) == 2
    assert [(row.status, row.attempts) for row in pieces] == [("dead", 1), ("dead", 1)]
    assert len(notices(group_messages(desk))) == 1
    actions = [event.action for event in await trail(desk, case.id)]
    assert actions.count("unreachable_blocked") == 1


async def test_each_undelivered_message_is_told(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)

    await clerk_writes(desk, ali, "سلام.", topic=case.staff_thread_id)
    refuse(desk, Platform.TELEGRAM, TELEGRAM_BLOCKED)
    await desk.drain()
    await clerk_writes(desk, ali, "پاسخ نمی‌دهید؟", topic=case.staff_thread_id)
    refuse(desk, Platform.TELEGRAM, TELEGRAM_BLOCKED)
    await desk.drain()

    assert len(notices(group_messages(desk))) == 2


async def test_an_undelivered_question_is_told_under_the_card(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    await press_on_group(desk, ali, "پرسش از شاکی")
    await clerk_writes(desk, ali, "تاریخ خرید کی بود؟", topic=case.staff_thread_id)
    refuse(desk, Platform.TELEGRAM, TELEGRAM_BLOCKED)
    await desk.drain()

    (question,) = await outbox_rows(desk, "question")
    assert (question.status, question.attempts) == ("dead", 1)
    (notice,) = notices(group_messages(desk))
    assert BLOCKED in notice.text
    assert thread_of(notice) == case.staff_thread_id
    assert reply_target(notice) == case.staff_message_id


@pytest.mark.parametrize(
    ("failure", "reason"),
    [(BALE_BLOCKED, BLOCKED), (BALE_GONE, GONE), (BALE_GONE_404, GONE)],
    ids=["refused", "unknown", "unknown-404"],
)
async def test_a_bale_citizen_who_cannot_be_reached(
    desk: Desk, reza: Person, failure: tuple[int, str], reason: str
) -> None:
    ali = clerk()
    case = await filed(desk, reza)
    heard = len(desk.to(reza))

    written = await clerk_writes(desk, ali, "رسید را بفرستید.", topic=case.staff_thread_id)
    refuse(desk, Platform.BALE, failure)
    await desk.drain()

    (reply,) = await outbox_rows(desk, "relay:reply")
    assert (reply.status, reply.attempts) == ("dead", 1)
    assert len(desk.to(reza)) == heard + 1  # tried once
    (notice,) = notices(group_messages(desk))
    assert reason in notice.text and "<b>" in notice.text  # the thread is on Telegram
    assert thread_of(notice) == case.staff_thread_id and reply_target(notice) == written
    assert dead_letters(desk) == []


async def test_in_a_bale_thread_the_notice_answers_the_clerks_message(
    bale_desk: Desk, sara: Person
) -> None:
    desk = bale_desk
    hamid = bale_clerk()
    await list_as_clerk(desk, hamid)  # Bale's member objects cannot be read
    case = await filed(desk, sara)
    assert case.staff_message_id is not None

    written = await clerk_writes(
        desk, hamid, "لطفاً پاسخ دهید.", chat=BALE_GROUP, reply_to=case.staff_message_id
    )
    refuse(desk, Platform.TELEGRAM, TELEGRAM_BLOCKED)
    await desk.drain()

    (notice,) = notices(desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT))
    assert BLOCKED in notice.text
    assert "<b>" not in notice.text and "parse_mode" not in notice.params
    assert reply_target(notice) == written and thread_of(notice) is None
    assert dead_letters(desk) == []


async def test_other_failures_still_reach_the_admins_and_not_the_thread(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    case = await filed(desk, sara)

    await clerk_writes(desk, ali, "سلام.", topic=case.staff_thread_id)
    refuse(desk, Platform.TELEGRAM, (400, "Bad Request: can't parse entities"))
    await desk.drain()

    (reply,) = await outbox_rows(desk, "relay:reply")
    assert reply.status == "dead"
    assert set(dead_letters(desk)) == ADMINS
    assert notices(group_messages(desk)) == []
    assert await outbox_rows(desk, "relay:undelivered") == []


async def test_a_group_that_refuses_the_bot_is_no_blocked_citizen(
    desk: Desk, sara: Person
) -> None:
    await filed(desk, sara)

    await desk.say(sara, "پیگیری می‌کنید؟")
    refuse(desk, Platform.TELEGRAM, (403, "Forbidden: bot was kicked from the supergroup chat"))
    await desk.drain()

    (sent,) = await outbox_rows(desk, "relay:citizen")
    assert sent.chat_id == STAFF_CHAT and sent.status == "dead"
    assert set(dead_letters(desk)) == ADMINS


# Why the admins are told a message was given up, in the desk's words: never the platform's.
NO_CHAT = "گفت‌وگو پیدا نشد"
REMOVED = "ربات عضو این گروه نیست"
TOO_LONG = "متن آن بیش از اندازه بلند بود"
MARKUP = "قالب‌بندی متن آن درست نبود"
OTHER = "شرح فنی آن در گزارش سامانه آمده است"


def alerts(desk: Desk) -> list[tuple[Platform, Request]]:
    """The admins' notices of a message given up, on either platform."""
    return [
        (platform, request)
        for platform, admin in ADMINS
        for request in desk.api[platform].sent("sendMessage", chat_id=admin)
        if "فرستاده نشد" in request.text
    ]


def told_in_persian(desk: Desk, reason: str, description: str) -> None:
    """Each admin is told once, with the reason in Persian and none of the platform's words."""
    told = alerts(desk)
    assert {(platform, request.chat_id) for platform, request in told} == ADMINS
    assert len(told) == len(ADMINS)
    for _, request in told:
        (why,) = [line for line in request.text.splitlines() if line.startswith("علت: ")]
        assert reason in why
        assert description not in request.text and "Bad Request" not in request.text
        assert identifiers_in(request.text) == []
        assert not re.search(r"[A-Za-z]{3,}", request.text.replace("<b>", "").replace("</b>", ""))


@pytest.mark.parametrize(
    ("platform", "failure", "reason"),
    [
        (Platform.TELEGRAM, (400, "Bad Request: chat not found"), NO_CHAT),
        (Platform.TELEGRAM, (400, "Bad Request: message is too long"), TOO_LONG),
        (Platform.TELEGRAM, (400, "Bad Request: can't parse entities: Unclosed tag"), MARKUP),
        (Platform.TELEGRAM, (400, "Bad Request: wrong file identifier"), OTHER),
        (Platform.BALE, (400, "Bad Request: chat not found"), NO_CHAT),
        (Platform.BALE, (400, "Bad Request: message is too long"), TOO_LONG),
        (Platform.BALE, (400, "Bad Request: can't parse entities"), MARKUP),
        (Platform.BALE, (400, "Bad Request: unexpected"), OTHER),
    ],
    ids=[
        "telegram-no-chat",
        "telegram-too-long",
        "telegram-markup",
        "telegram-other",
        "bale-no-chat",
        "bale-too-long",
        "bale-markup",
        "bale-other",
    ],
)
async def test_the_admins_read_why_in_persian_never_the_platforms_words(
    desk: Desk,
    sara: Person,
    reza: Person,
    platform: Platform,
    failure: tuple[int, str],
    reason: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    citizen = sara if platform is Platform.TELEGRAM else reza
    case = await filed(desk, citizen)

    await clerk_writes(desk, clerk(), "مدارک را بفرستید.", topic=case.staff_thread_id)
    refuse(desk, platform, failure)
    with caplog.at_level(logging.WARNING, logger="bot.delivery"):
        await desk.drain()

    (reply,) = await outbox_rows(desk, "relay:reply")
    assert (reply.status, reply.attempts) == ("dead", 1)
    told_in_persian(desk, reason, failure[1])
    # The platform's own words are the log's, with nothing of the person in them.
    (logged,) = [r.getMessage() for r in caplog.records if "dead after" in r.getMessage()]
    assert failure[1] in logged and str(citizen.id) not in logged
    assert notices(group_messages(desk)) == []  # nothing for the clerk to act on


async def test_a_telegram_group_that_removed_the_bot_is_said_in_persian(
    desk: Desk, sara: Person
) -> None:
    await filed(desk, sara)
    description = "Forbidden: bot was kicked from the supergroup chat"

    await desk.say(sara, "پیگیری می‌کنید؟")
    refuse(desk, Platform.TELEGRAM, (403, description))
    await desk.drain()

    told_in_persian(desk, REMOVED, description)


async def test_a_bale_group_that_refuses_the_bot_is_said_in_persian(
    bale_desk: Desk, sara: Person
) -> None:
    desk = bale_desk
    await filed(desk, sara)
    description = "Forbidden: permission_denied"

    await desk.say(sara, "پیگیری می‌کنید؟")
    refuse(desk, Platform.BALE, (403, description))
    await desk.drain()

    (sent,) = await outbox_rows(desk, "relay:citizen")
    assert sent.chat_id == BALE_STAFF_CHAT and sent.status == "dead"
    told_in_persian(desk, REMOVED, description)
