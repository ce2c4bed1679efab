"""The outbox sender: limits honoured, failures retried, the hopeless given up and reported."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models.tables import OutboxMessage
from services.outbox import Outgoing, enqueue
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.identifiers import identifiers_in

ADMINS = {(Platform.TELEGRAM, 111), (Platform.BALE, 222)}


async def queue_text(desk: Desk, person: Person, text: str, purpose: str = "test") -> int:
    async with desk.repo() as repo:
        row = enqueue(
            repo,
            Outgoing(platform=person.platform, chat_id=person.id, text=text, parse_mode=None),
            now=desk.clock.now(),
            purpose=purpose,
        )
        await repo.commit()
        return row.id


async def row(desk: Desk, row_id: int) -> OutboxMessage:
    async with desk.repo() as repo:
        found = await repo.session.get(OutboxMessage, row_id)
        assert found is not None
        return found


def dead_letters(desk: Desk) -> list[tuple[Platform, int]]:
    return [
        (platform, request.chat_id or 0)
        for platform in Platform
        for request in desk.api[platform].sent("sendMessage")
        if "فرستاده نشد" in request.text
    ]


async def test_a_429_waits_for_retry_after_then_sends_once(desk: Desk, sara: Person) -> None:
    desk.api[Platform.TELEGRAM].fail("sendMessage", 429, "Too Many Requests", retry_after=7)
    row_id = await queue_text(desk, sara, "سلام")

    assert await desk.drain() == 0
    assert (await row(desk, row_id)).status == "pending"
    desk.clock.advance(timedelta(seconds=6))
    assert await desk.drain() == 0
    desk.clock.advance(timedelta(seconds=1))
    assert await desk.drain() == 1

    assert [r.text for r in desk.api[Platform.TELEGRAM].sent("sendMessage")] == ["سلام", "سلام"]
    assert (await row(desk, row_id)).status == "sent"
    assert dead_letters(desk) == []


async def test_bales_420_is_a_wait_too(desk: Desk, reza: Person) -> None:
    """Bale may answer a flood with 420 instead of 429: with its retry_after, the message
    waits that long; without one, it is tried again later, never given up at once."""
    desk.api[Platform.BALE].fail("sendMessage", 420, "Too Many Requests", retry_after=5)
    waiting = await queue_text(desk, reza, "سلام")

    assert await desk.drain() == 0
    assert (await row(desk, waiting)).status == "pending"
    desk.clock.advance(timedelta(seconds=5))
    assert await desk.drain() == 1
    assert (await row(desk, waiting)).status == "sent"

    desk.api[Platform.BALE].fail("sendMessage", 420, "Too Many Requests")
    retried = await queue_text(desk, reza, "دوباره")
    assert await desk.drain() == 0
    assert ((await row(desk, retried)).status, (await row(desk, retried)).attempts) == (
        "pending",
        1,
    )
    desk.clock.advance(timedelta(seconds=2))
    assert await desk.drain() == 1
    assert dead_letters(desk) == []


async def test_server_errors_are_retried_with_backoff(desk: Desk, sara: Person) -> None:
    desk.api[Platform.TELEGRAM].fail("sendMessage", 502, "Bad Gateway", times=2)
    row_id = await queue_text(desk, sara, "سلام")

    await desk.drain()
    first = await row(desk, row_id)
    assert (first.status, first.attempts) == ("pending", 1)
    desk.clock.advance(timedelta(seconds=2))
    await desk.drain()
    second = await row(desk, row_id)
    assert (second.status, second.attempts) == ("pending", 2)
    assert second.available_at - desk.clock.now() == timedelta(seconds=4)  # backoff doubles
    desk.clock.advance(timedelta(seconds=4))
    assert await desk.drain() == 1


async def test_after_the_last_attempt_the_message_is_dead_and_admins_are_told(
    desk: Desk, sara: Person
) -> None:
    desk.api[Platform.TELEGRAM].fail("sendMessage", 500, "Internal Server Error", times=8)
    row_id = await queue_text(desk, sara, "سلام")

    for _ in range(8):
        await desk.drain()
        desk.clock.advance(timedelta(minutes=15))
    await desk.drain()

    dead = await row(desk, row_id)
    assert (dead.status, dead.attempts) == ("dead", 8)
    assert set(dead_letters(desk)) == ADMINS
    told = desk.api[Platform.TELEGRAM].last(chat_id=111).text
    assert "تلگرام، گفت‌وگوی ۵۰۰۱" in told and identifiers_in(told) == []
    assert "علت: پیام‌رسان پس از چند بار تلاش پاسخی نداد." in told
    assert "Error" not in told and "Internal Server" not in told


async def test_a_blocked_bot_gives_up_at_once(desk: Desk, sara: Person) -> None:
    desk.api[Platform.TELEGRAM].fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    row_id = await queue_text(desk, sara, "سلام")

    await desk.drain()
    await desk.drain()

    dead = await row(desk, row_id)
    assert (dead.status, dead.attempts) == ("dead", 1)
    assert "blocked" in (dead.last_error or "")
    assert dead_letters(desk) == []  # a citizen's block is no fault for the admins to fix


async def test_a_sent_message_is_never_sent_again(desk: Desk, sara: Person) -> None:
    await queue_text(desk, sara, "سلام")

    assert await desk.drain() == 1
    await desk.restart()
    assert await desk.drain() == 0

    assert len(desk.api[Platform.TELEGRAM].sent("sendMessage")) == 1


async def test_a_clerk_notice_that_cannot_reach_the_clerk_goes_to_the_staff_chat(
    desk: Desk, sara: Person
) -> None:
    from tests.test_complaint_flow import file_complaint

    await file_complaint(desk, sara)
    await desk.drain()
    async with desk.repo() as repo:
        case = (await repo.cases.of_citizens([1, 2, 3], limit=1))[0]
        notice = enqueue(
            repo,
            Outgoing(platform=Platform.TELEGRAM, chat_id=7777, text="⏰ یادآوری", parse_mode=None),
            now=desk.clock.now(),
            purpose="alert:notice_24h",
            case_id=case.id,
        )
        await repo.commit()
    desk.api[Platform.TELEGRAM].fail("sendMessage", 403, "Forbidden: bot can't initiate")
    await desk.drain()

    assert (await row(desk, notice.id)).status == "dead"
    staff = desk.api[Platform.TELEGRAM].texts(chat_id=-1001000)
    assert "⏰ یادآوری" in staff
    async with desk.repo() as repo:
        fallback = await repo.session.scalar(
            select(OutboxMessage).where(OutboxMessage.purpose == "alert:notice-fallback")
        )
        assert fallback is not None and fallback.status == "sent"
