"""A citizen who replies to a clerk about a case that has ended is still heard.

A reply (the client's Reply) to a clerk's own message, relayed or asked as a question, about a
case that is closed or voided reaches that case's thread, marked for the clerk with the case's
status and the date it ended; the citizen is told that it went, and is offered beside that
what the rules still allow. Anything else written about an ended case is answered as before:
with the offer, and nothing goes to the thread.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from models.tables import Case, CaseEvent, CaseMessage
from services.formatting import format_code, format_date
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.staff import (
    Staff,
    clerk,
    group_messages,
    list_as_clerk,
    outbox_rows,
    press_on_group,
    the_case,
)
from tests.test_relay import (
    BALE_GROUP,
    BALE_STAFF_CHAT,
    GROUP,
    bale_clerk,
    filed,
    in_group,
    messages_of,
    offer_labels,
    reply_target,
    reply_to_desk,
    sent_to_citizen,
    thread_of,
)

CLOSED_MARK = "پرونده بسته است"
WENT = "به کارشناس پیشخوان رسید"
NOT_YET = "پیام شما هنوز به کارشناس فرستاده نشده"
OBJECT = "اعتراض به تصمیم"
REOPEN = "بازگشایی پرونده"
NEW = "ثبت شکایت تازه درباره همین کسب‌وکار"


async def decide(
    desk: Desk, staff: Staff, case: Case, *commands: str, chat: dict[str, Any] = GROUP
) -> Case:
    """Staff move the case with commands in their group; the case as it is afterwards."""
    code = format_code(case.code, "en")
    for command in commands:
        await in_group(desk, staff, chat=chat, text=command.format(code=code))
    await desk.drain()
    return await the_case(desk, case.code)


CLOSE_BY_DECISION = (
    "/status {code} referred_commission",
    "/opinion {code} no_violation",
    "/status {code} closed فروشنده کالا را ارسال کرد.",
)


async def clerk_answered_then_closed(desk: Desk, citizen: Person) -> tuple[Case, int]:
    """A clerk writes to the citizen in the case's topic, then the case is closed by decision;
    the case, and the id the clerk's words got in the citizen's chat."""
    ali = clerk()
    case = await filed(desk, citizen)
    await in_group(desk, ali, text="کالا را فرستاده‌اند؟", topic=case.staff_thread_id)
    await desk.drain()
    relayed = await sent_to_citizen(desk, "relay:reply")
    closed = await decide(desk, ali, case, *CLOSE_BY_DECISION)
    assert closed.status == "closed" and closed.decided_at is not None
    return closed, relayed


async def events_of(desk: Desk, case_id: int) -> list[CaseEvent]:
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        )
        return list(rows)


async def test_a_reply_to_the_clerk_on_a_closed_case_reaches_the_thread(
    desk: Desk, sara: Person
) -> None:
    case, relayed = await clerk_answered_then_closed(desk, sara)
    before = len(group_messages(desk))

    await reply_to_desk(desk, sara, relayed, text="بله رسید، ولی رنگش اشتباه است.")
    await desk.drain()

    # The clerk sees it in the case's topic, marked closed, with its status and Jalali date.
    (back,) = group_messages(desk)[before:]
    assert CLOSED_MARK in back.text and "مختومه" in back.text
    assert case.decided_at is not None
    decided = format_date(case.decided_at, "fa")
    assert decided in back.text and "۱۴۰۵" in decided
    assert "پیام شاکی" in back.text and "رنگش اشتباه است" in back.text
    assert format_code(case.code, "fa") in back.text
    assert thread_of(back) == case.staff_thread_id
    assert reply_target(back) == case.staff_message_id
    # The citizen hears, politely, that it went and that the case is closed; the offer stays.
    told = desk.to(sara)[-1]
    assert WENT in told.text and "مختومه" in told.text and NOT_YET not in told.text
    assert offer_labels(desk, sara) == [OBJECT, NEW]
    # Kept with the case and audited, the case unchanged.
    assert (await messages_of(desk, case.id))[-1] == (
        "message",
        "بله رسید، ولی رنگش اشتباه است.",
    )
    last = (await events_of(desk, case.id))[-1]
    assert (last.action, last.actor_role, last.from_status, last.to_status) == (
        "wrote",
        "citizen",
        "closed",
        "closed",
    )
    assert (await the_case(desk, case.code)).status == "closed"
    assert [row.status for row in await outbox_rows(desk, "relay:citizen")] == ["sent"]


async def test_the_objection_offered_with_the_confirmation_still_works(
    desk: Desk, sara: Person
) -> None:
    case, relayed = await clerk_answered_then_closed(desk, sara)
    await reply_to_desk(desk, sara, relayed, text="با این تصمیم موافق نیستم.")
    await desk.drain()
    before = len(group_messages(desk))

    await desk.press_button(sara, OBJECT)
    await desk.drain()

    objected = await the_case(desk, case.code)
    assert objected.status == "referred_judicial" and objected.objection_used
    # What she wrote already went: it is not sent a second time.
    assert not any("موافق نیستم" in request.text for request in group_messages(desk)[before:])
    kinds = [kind for kind, _ in await messages_of(desk, case.id)]
    assert kinds.count("message") == 1


async def test_a_reply_to_a_question_on_a_withdrawn_case_is_its_answer(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    await press_on_group(desk, ali, "پرسش از شاکی")
    await in_group(desk, ali, text="شماره سفارش چند بود؟", topic=case.staff_thread_id)
    await desk.drain()
    asked = await sent_to_citizen(desk, "question")
    await desk.say(sara, f"/withdraw {format_code(case.code, 'en')}")
    await desk.press_button(sara, "انصراف می‌دهم")
    await desk.drain()
    before = len(group_messages(desk))

    await reply_to_desk(desk, sara, asked, text="۴۵۶۷۸")
    await desk.drain()

    back = group_messages(desk)[before:][-1]
    assert CLOSED_MARK in back.text and "پاسخ شاکی" in back.text
    assert "شماره سفارش چند بود؟" in back.text and "۴۵۶۷۸" in back.text
    assert thread_of(back) == case.staff_thread_id
    assert WENT in desk.last_text(sara)
    assert offer_labels(desk, sara) == [REOPEN, NEW]  # her own withdrawal, within its window
    async with desk.repo() as repo:
        question = await repo.session.scalar(
            select(CaseMessage).where(CaseMessage.kind == "question")
        )
        assert question is not None and question.answered_at == desk.clock.now()
    assert [kind for kind, _ in await messages_of(desk, case.id)] == ["question", "answer"]
    assert (await events_of(desk, case.id))[-1].action == "answered"


async def test_a_voided_case_offers_only_a_new_complaint(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    await in_group(desk, ali, text="این فروشگاه در حوزه اتحادیه نیست.", topic=case.staff_thread_id)
    await desk.drain()
    relayed = await sent_to_citizen(desk, "relay:reply")
    voided = await decide(desk, ali, case, "/status {code} voided خارج از حوزه اتحادیه")
    assert voided.status == "voided"

    await reply_to_desk(desk, sara, relayed, text="پس کجا باید شکایت کنم؟")
    await desk.drain()

    back = group_messages(desk)[-1]
    assert CLOSED_MARK in back.text and "باطل شده" in back.text
    assert "کجا باید شکایت کنم" in back.text
    assert "باطل شده" in desk.last_text(sara) and WENT in desk.last_text(sara)
    assert offer_labels(desk, sara) == [NEW]


async def test_long_after_the_decision_the_reply_still_reaches_the_clerk(
    desk: Desk, sara: Person
) -> None:
    _, relayed = await clerk_answered_then_closed(desk, sara)
    desk.clock.advance(timedelta(days=45))  # past the objection window

    await reply_to_desk(desk, sara, relayed, text="سلام، دوباره همان مشکل پیش آمد.")
    assert WENT in desk.last_text(sara)
    assert offer_labels(desk, sara) == [NEW]
    await desk.drain()

    assert any("دوباره همان مشکل" in request.text for request in group_messages(desk))


async def test_other_messages_about_a_closed_case_are_answered_as_before(
    desk: Desk, sara: Person
) -> None:
    case, _ = await clerk_answered_then_closed(desk, sara)
    (receipt,) = [row for row in await outbox_rows(desk, "receipt") if row.case_id == case.id]
    assert receipt.sent_message_id is not None
    before = len(group_messages(desk))

    await desk.say(sara, "این پرونده چه شد؟")  # no reply at all
    assert NOT_YET in desk.last_text(sara)
    assert offer_labels(desk, sara) == [OBJECT, NEW]
    await reply_to_desk(desk, sara, receipt.sent_message_id, text="رسید را دیدم.")  # not a clerk
    assert NOT_YET in desk.last_text(sara)
    await desk.drain()

    assert len(group_messages(desk)) == before
    assert await outbox_rows(desk, "relay:citizen") == []


async def test_on_bale_the_reply_reaches_the_card_of_a_bale_thread(
    bale_desk: Desk, reza: Person
) -> None:
    desk = bale_desk
    hamid = bale_clerk()
    await list_as_clerk(desk, hamid)  # Bale's member objects cannot be read
    case = await filed(desk, reza)
    assert case.staff_message_id is not None and case.staff_thread_id is None
    await in_group(
        desk, hamid, chat=BALE_GROUP, text="فاکتور را دیدم.", reply_to=case.staff_message_id
    )
    await desk.drain()
    relayed = await sent_to_citizen(desk, "relay:reply")
    closed = await decide(desk, hamid, case, *CLOSE_BY_DECISION, chat=BALE_GROUP)
    assert closed.status == "closed"

    await reply_to_desk(desk, reza, relayed, text="ممنون از پیگیری شما.")
    await desk.drain()

    back = desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)[-1]
    assert CLOSED_MARK in back.text and "مختومه" in back.text and "ممنون از پیگیری" in back.text
    assert "<b>" not in back.text and "parse_mode" not in back.params  # Bale reads Markdown
    assert reply_target(back) == case.staff_message_id and thread_of(back) is None
    told = desk.to(reza)[-1]
    assert WENT in told.text and "<b>" not in told.text and "<code>" not in told.text
    assert [label for label, _ in told.buttons()] == [OBJECT, NEW]
    assert (await messages_of(desk, case.id))[-1] == ("message", "ممنون از پیگیری شما.")
