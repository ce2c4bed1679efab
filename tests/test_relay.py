"""The two-way relay: a clerk answers a citizen through the case's thread in the staff chat,
and the citizen's messages about the case come back to it.

On Telegram the thread is a forum topic titled with the case; where the group is no forum, and
on Bale, it is the case's card and the replies under it. Across platforms a file crosses by
being downloaded from one and uploaded to the other.
"""

from __future__ import annotations

import itertools
import json
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from models.tables import Case, CaseEvent, CaseMessage, OutboxMessage, ThreadMessage
from services.formatting import format_code
from services.platforms import Platform
from tests.conftest import BALE_STAFF_CHAT
from tests.desk import Desk, Person
from tests.fakes import BOT_IDS, Request
from tests.forms import answer_from, answer_until, file_usual_complaint, form_in_db
from tests.staff import (
    GROUP,
    STAFF_CHAT,
    Staff,
    clerk,
    group_messages,
    list_as_clerk,
    message_id_of,
    outbox_rows,
    press_on_group,
    the_case,
)

BALE_GROUP: dict[str, Any] = {"id": BALE_STAFF_CHAT, "type": "group", "title": "کارشناسان"}
HEADER = "پاسخ کارشناس پیشخوان درباره پرونده"
_group_message_ids = itertools.count(60_000)


def bale_clerk() -> Staff:
    """A clerk of the union on Bale, in the Bale staff group."""
    return Staff(Platform.BALE, 8001, "Hamid", "Rostami", username="hamid_r")


# --- the staff group ------------------------------------------------------------------------


def _bot_message(desk: Desk, platform: Platform, chat: dict[str, Any], message_id: int) -> Any:
    return {
        "message_id": message_id,
        "date": int(desk.clock.now().timestamp()),
        "chat": chat,
        "from": {"id": BOT_IDS[platform], "is_bot": True, "first_name": "Pishkhan"},
        "text": "…",
    }


async def in_group(
    desk: Desk,
    person: Person,
    *,
    chat: dict[str, Any] = GROUP,
    text: str | None = None,
    photo: str | None = None,
    document: str | None = None,
    caption: str | None = None,
    reply_to: int | None = None,
    topic: int | None = None,
) -> None:
    """A staff member's message in a staff group: a reply to one of the bot's messages, or in
    a forum topic (where a message that replies to nothing answers the topic's first one)."""
    message: dict[str, Any] = {
        "message_id": next(_group_message_ids),
        "date": int(desk.clock.now().timestamp()),
        "chat": chat,
        "from": person.as_user(),
    }
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            length = len(text.split()[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    if photo is not None:
        message["photo"] = [
            {"file_id": photo, "file_unique_id": f"u-{photo}", "width": 800, "height": 600}
        ]
    if document is not None:
        message["document"] = {
            "file_id": document,
            "file_unique_id": f"u-{document}",
            "file_name": "invoice.pdf",
            "mime_type": "application/pdf",
            "file_size": 1000,
        }
    if caption is not None:
        message["caption"] = caption
    if topic is not None:
        message["message_thread_id"] = topic
        message["is_topic_message"] = True
        replied = _bot_message(desk, person.platform, chat, reply_to or topic)
        if reply_to is None:
            replied["forum_topic_created"] = {"name": "…", "icon_color": 7322096}
        replied |= {"message_thread_id": topic, "is_topic_message": True}
        message["reply_to_message"] = replied
    elif reply_to is not None:
        message["reply_to_message"] = _bot_message(desk, person.platform, chat, reply_to)
    await desk.feed(person.platform, {"message": message})


# --- the citizen ----------------------------------------------------------------------------


async def reply_to_desk(desk: Desk, person: Person, message_id: int, **content: Any) -> None:
    """The citizen answers one of the desk's messages with the client's Reply."""
    replied = {
        "message_id": message_id,
        "date": int(desk.clock.now().timestamp()),
        "chat": {"id": person.id, "type": "private", "first_name": person.first_name},
        "from": {"id": BOT_IDS[person.platform], "is_bot": True, "first_name": "Pishkhan"},
        "text": "…",
    }
    await desk.send(person, reply_to_message=replied, **content)


async def filed(desk: Desk, citizen: Person) -> Case:
    """The citizen files the usual complaint and the outbox goes out."""
    await file_usual_complaint(desk, citizen)
    await desk.drain()
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case).order_by(Case.id.desc()))
        assert case is not None
        return case


async def filed_with_attachments(desk: Desk, citizen: Person) -> Case:
    """The usual complaint with a photo and a document."""
    await answer_until(desk, citizen, "attachments")
    await desk.photo(citizen, f"{citizen.platform}-photo-1")
    await desk.document(citizen, f"{citizen.platform}-doc-1", "invoice.pdf")
    await answer_from(desk, citizen, "attachments")
    await desk.drain()
    return await the_case(desk)


async def sent_to_citizen(desk: Desk, purpose: str) -> int:
    """The message id the newest desk message of this purpose got in the citizen's chat."""
    rows = await outbox_rows(desk, purpose)
    assert rows and rows[-1].sent_message_id is not None
    return rows[-1].sent_message_id


async def messages_of(desk: Desk, case_id: int) -> list[tuple[str, str]]:
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(CaseMessage).where(CaseMessage.case_id == case_id).order_by(CaseMessage.id)
        )
        return [(row.kind, row.text) for row in rows]


async def actions_of(desk: Desk, case_id: int) -> list[str]:
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(CaseEvent.action).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        )
        return list(rows)


def reply_target(request: Request) -> int | None:
    raw = request.params.get("reply_parameters")
    if raw is None:
        return None
    return int((json.loads(raw) if isinstance(raw, str) else raw)["message_id"])


def thread_of(request: Request) -> int | None:
    value = request.params.get("message_thread_id")
    return int(value) if value is not None else None


# --- the thread -----------------------------------------------------------------------------


async def test_a_filed_case_gets_a_forum_topic_before_its_card(desk: Desk, sara: Person) -> None:
    case = await filed_with_attachments(desk, sara)

    (created,) = desk.api[Platform.TELEGRAM].sent("createForumTopic", chat_id=STAFF_CHAT)
    name = str(created.params["name"])
    assert format_code(case.code, "fa") in name
    assert "فصل هشتم" in name and "منتظر بررسی کارشناس" in name
    assert len(name) <= 128
    assert case.staff_thread_id is not None
    card, photo, document = group_messages(desk)
    assert desk.api[Platform.TELEGRAM].requests.index(created) < (
        desk.api[Platform.TELEGRAM].requests.index(card)
    )
    assert {thread_of(card), thread_of(photo), thread_of(document)} == {case.staff_thread_id}
    assert reply_target(photo) == case.staff_message_id  # still under the card
    async with desk.repo() as repo:
        threaded = set(
            await repo.session.scalars(
                select(ThreadMessage.message_id).where(ThreadMessage.case_id == case.id)
            )
        )
    assert {case.staff_thread_id, case.staff_message_id} <= threaded
    assert len(threaded) == 4  # the topic, the card, two attachments


async def test_a_status_change_renames_the_topic(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)

    await press_on_group(desk, ali, "پذیرفتن")
    await desk.drain()

    (renamed,) = desk.api[Platform.TELEGRAM].sent("editForumTopic", chat_id=STAFF_CHAT)
    assert int(renamed.params["message_thread_id"]) == case.staff_thread_id
    assert "در دست اقدام" in str(renamed.params["name"])
    assert "منتظر بررسی" not in str(renamed.params["name"])


async def test_clerk_and_citizen_talk_through_the_topic(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    assert case.staff_thread_id is not None

    await in_group(desk, ali, text="سلام، فاکتور خرید را هم بفرستید.", topic=case.staff_thread_id)
    await desk.drain()

    heard = desk.last_text(sara)
    assert HEADER in heard and format_code(case.code, "fa") in heard
    assert "سلام، فاکتور خرید را هم بفرستید." in heard
    assert "برای شاکی پرونده" in group_messages(desk)[-1].text  # the clerk sees it went
    answered = await the_case(desk)
    assert answered.first_response_at == desk.clock.now()

    await reply_to_desk(
        desk, sara, await sent_to_citizen(desk, "relay:reply"), text="فاکتور را فردا می‌فرستم."
    )
    assert "به کارشناس رسید" in desk.last_text(sara)
    await desk.drain()

    back = group_messages(desk)[-1]
    assert "پیام شاکی" in back.text and "فاکتور را فردا می‌فرستم." in back.text
    assert format_code(case.code, "fa") in back.text
    assert "912" not in back.text and "۹۱۲" not in back.text  # never the citizen's phone
    assert thread_of(back) == case.staff_thread_id
    assert reply_target(back) == case.staff_message_id
    assert await messages_of(desk, case.id) == [
        ("reply", "سلام، فاکتور خرید را هم بفرستید."),
        ("message", "فاکتور را فردا می‌فرستم."),
    ]
    assert (await actions_of(desk, case.id))[-2:] == ["replied", "wrote"]


async def test_without_topics_the_thread_is_the_card_and_its_replies(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    desk.api[Platform.TELEGRAM].not_a_forum(STAFF_CHAT)
    case = await filed_with_attachments(desk, sara)

    assert case.staff_thread_id is None
    (topic,) = await outbox_rows(desk, "staff_topic")
    assert topic.status == "dead" and "not a forum" in (topic.last_error or "")
    card, photo, _ = group_messages(desk)
    assert thread_of(card) is None and reply_target(photo) == case.staff_message_id

    # A reply to any message of the thread is for the case: here, to an attachment.
    await in_group(desk, ali, text="عکس رسید، ممنون.", reply_to=message_id_of(desk, photo))
    await desk.drain()
    assert "عکس رسید، ممنون." in desk.last_text(sara)
    # …and to the bot's word that it went.
    confirmation = message_id_of(desk, group_messages(desk)[-1])
    await in_group(desk, ali, text="تا آخر هفته بررسی می‌شود.", reply_to=confirmation)
    await desk.drain()
    assert "تا آخر هفته بررسی می‌شود." in desk.last_text(sara)

    await desk.say(sara, "خواهش می‌کنم.")  # her only open case: no reply needed
    await desk.drain()
    back = group_messages(desk)[-1]
    assert "خواهش می‌کنم." in back.text
    assert thread_of(back) is None and reply_target(back) == case.staff_message_id

    # A message in the group that replies to nothing of the case stays in the group.
    heard = len(desk.to(sara))
    await in_group(desk, ali, text="ناهار کی برویم؟")
    await desk.drain()
    assert len(desk.to(sara)) == heard


async def test_a_deleted_topic_leaves_the_case_on_its_card(desk: Desk, sara: Person) -> None:
    case = await filed(desk, sara)
    assert case.staff_thread_id is not None
    desk.api[Platform.TELEGRAM].delete_topic(STAFF_CHAT, case.staff_thread_id)

    await desk.say(sara, "پیگیری می‌کنید؟")
    await desk.drain()

    back = group_messages(desk)[-1]
    assert "پیگیری می‌کنید؟" in back.text
    assert thread_of(back) is None and reply_target(back) == case.staff_message_id
    assert (await the_case(desk)).staff_thread_id is None


# --- across platforms -----------------------------------------------------------------------


async def test_a_bale_citizen_and_a_telegram_thread(desk: Desk, reza: Person) -> None:
    ali = clerk()
    case = await filed(desk, reza)
    assert case.staff_thread_id is not None

    await in_group(
        desk, ali, text="لطفاً تصویر رسید پرداخت را بفرستید.", topic=case.staff_thread_id
    )
    await desk.drain()
    heard = desk.to(reza)[-1]
    assert HEADER in heard.text and "لطفاً تصویر رسید پرداخت را بفرستید." in heard.text
    assert "parse_mode" not in heard.params and "<b>" not in heard.text

    desk.api[Platform.BALE].files["bale-receipt-1"] = b"\x89PNG payment receipt"
    await reply_to_desk(
        desk,
        reza,
        await sent_to_citizen(desk, "relay:reply"),
        photo=[{"file_id": "bale-receipt-1", "file_unique_id": "u-r1", "width": 9, "height": 9}],
        caption="این هم رسید",
    )
    await desk.drain()

    back = group_messages(desk)[-1]
    assert back.method == "sendPhoto"
    assert list(back.files.values()) == [b"\x89PNG payment receipt"]  # downloaded, uploaded
    assert "پیام شاکی" in back.text and "این هم رسید" in back.text
    assert thread_of(back) == case.staff_thread_id

    desk.api[Platform.TELEGRAM].files["tg-form-1"] = b"%PDF objection form"
    await in_group(
        desk, ali, document="tg-form-1", caption="فرم را پر کنید.", topic=case.staff_thread_id
    )
    await desk.drain()
    form = desk.to(reza)[-1]
    assert form.method == "sendDocument"
    assert list(form.files.values()) == [b"%PDF objection form"]
    assert HEADER in form.text and "فرم را پر کنید." in form.text and "<b>" not in form.text


async def test_a_telegram_citizen_and_a_bale_thread(bale_desk: Desk, sara: Person) -> None:
    desk = bale_desk
    hamid = bale_clerk()
    await list_as_clerk(desk, hamid)  # Bale's member objects cannot be read
    case = await filed(desk, sara)

    assert desk.api[Platform.BALE].sent("createForumTopic") == []  # Bale has no topics
    assert case.staff_thread_id is None and case.staff_platform == "bale"
    card = desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)[0]
    assert "parse_mode" not in card.params

    desk.api[Platform.BALE].files["bale-guide-1"] = b"%PDF how to object"
    assert case.staff_message_id is not None
    await in_group(
        desk,
        hamid,
        chat=BALE_GROUP,
        document="bale-guide-1",
        caption="راهنمای پیگیری",
        reply_to=case.staff_message_id,
    )
    await desk.drain()

    got = desk.to(sara)[-1]
    assert got.method == "sendDocument"
    assert list(got.files.values()) == [b"%PDF how to object"]
    assert HEADER in got.text and "<b>" in got.text  # Telegram reads HTML

    desk.api[Platform.TELEGRAM].files["tg-photo-7"] = b"\xff\xd8 jpeg of the parcel"
    await desk.send(
        sara,
        photo=[{"file_id": "tg-photo-7", "file_unique_id": "u-7", "width": 9, "height": 9}],
    )
    await desk.drain()
    back = desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)[-1]
    assert back.method == "sendPhoto"
    assert list(back.files.values()) == [b"\xff\xd8 jpeg of the parcel"]
    assert reply_target(back) == case.staff_message_id and "parse_mode" not in back.params


# --- what is never relayed ------------------------------------------------------------------


async def test_the_clerks_identity_never_reaches_the_citizen(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    assert case.staff_thread_id is not None
    heard = len(desk.to(sara))

    await in_group(desk, ali, text="پرونده شما در حال بررسی است.", topic=case.staff_thread_id)
    await desk.drain()

    (reply,) = desk.to(sara)[heard:]
    assert reply.method == "sendMessage"  # a message of the desk's bot, never a forward
    wire = json.dumps(reply.params, ensure_ascii=False)
    for trace in ("Ali", "Moradi", "ali_moradi", str(ali.id)):
        assert trace not in wire
    assert not desk.api[Platform.TELEGRAM].sent("forwardMessage")
    assert not desk.api[Platform.TELEGRAM].sent("copyMessage")


async def test_a_prompt_reply_is_not_relayed(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    assert case.staff_thread_id is not None

    await press_on_group(desk, ali, "یادداشت داخلی")
    prompt_id = message_id_of(desk, group_messages(desk)[-1])
    await in_group(
        desk,
        ali,
        text="فروشنده قبلاً هم تخلف داشته.",
        reply_to=prompt_id,
        topic=case.staff_thread_id,
    )
    await press_on_group(desk, ali, "پرسش از شاکی")
    await in_group(desk, ali, text="مبلغ دقیق چقدر بود؟", topic=case.staff_thread_id)
    await desk.drain()

    told = [request.text for request in desk.to(sara)]
    assert not any("قبلاً هم تخلف" in text for text in told)
    assert sum("مبلغ دقیق چقدر بود؟" in text for text in told) == 1  # as the question, once
    assert not any(HEADER in text for text in told)
    assert [kind for kind, _ in await messages_of(desk, case.id)] == ["note", "question"]


async def test_a_reply_to_a_prompt_left_open_by_a_restart_is_not_relayed(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    heard = len(desk.to(sara))
    await press_on_group(desk, ali, "یادداشت داخلی")
    prompt_id = message_id_of(desk, group_messages(desk)[-1])

    await desk.restart()  # memory storage forgets the prompt; Redis keeps it
    await in_group(
        desk, ali, text="شاکی قبلاً هم شکایت داشته.", reply_to=prompt_id, topic=case.staff_thread_id
    )
    await desk.drain()

    assert len(desk.to(sara)) == heard
    assert ("reply", "شاکی قبلاً هم شکایت داشته.") not in await messages_of(desk, case.id)


async def test_a_command_is_not_relayed(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    assert case.staff_thread_id is not None and case.staff_message_id is not None
    heard = len(desk.to(sara))

    await in_group(desk, ali, text=f"/case {case.code}", topic=case.staff_thread_id)
    await in_group(desk, ali, text=f"/case {case.code}", reply_to=case.staff_message_id)
    await desk.drain()

    assert len(desk.to(sara)) == heard
    assert await messages_of(desk, case.id) == []
    assert "سابقه" in group_messages(desk)[-1].text  # the command did its own work


# --- which case -----------------------------------------------------------------------------


async def test_with_several_open_cases_the_citizen_chooses(desk: Desk, sara: Person) -> None:
    first = await filed(desk, sara)
    second = await filed(desk, sara)
    assert first.id != second.id
    before = len(group_messages(desk))

    await desk.say(sara, "کالا بالاخره رسید ولی ناقص است.")
    await desk.photo(sara, "tg-parcel-1")

    asking = desk.to(sara)[-1]
    assert "کدام پرونده" in asking.text
    labels = [label for label, _ in asking.buttons()]
    assert len(labels) == 2 and all("فروشگاه نمونه" in label for label in labels)
    await desk.drain()
    assert len(group_messages(desk)) == before  # nothing goes before she chooses

    await desk.press_button(sara, format_code(second.code, "fa"))
    await desk.drain()

    assert "به کارشناس رسید" in desk.last_text(sara)
    text, photo = group_messages(desk)[before:]
    assert "ناقص است" in text.text and photo.method == "sendPhoto"
    assert {thread_of(text), thread_of(photo)} == {second.staff_thread_id}
    assert [kind for kind, _ in await messages_of(desk, second.id)] == ["message", "message"]
    assert await messages_of(desk, first.id) == []


async def test_an_answer_by_photo_is_recorded_as_the_answer(desk: Desk, sara: Person) -> None:
    ali = clerk()
    case = await filed(desk, sara)
    await press_on_group(desk, ali, "پرسش از شاکی")
    await in_group(desk, ali, text="تصویر فاکتور را بفرستید.", topic=case.staff_thread_id)
    await desk.drain()

    await reply_to_desk(
        desk,
        sara,
        await sent_to_citizen(desk, "question"),
        photo=[{"file_id": "tg-invoice", "file_unique_id": "u-i", "width": 9, "height": 9}],
    )
    await desk.drain()

    back = group_messages(desk)[-1]
    assert back.method == "sendPhoto" and back.params["photo"] == "tg-invoice"
    assert "پاسخ شاکی" in back.text and "تصویر فاکتور را بفرستید." in back.text
    assert thread_of(back) == case.staff_thread_id
    assert [kind for kind, _ in await messages_of(desk, case.id)] == ["question", "answer"]
    async with desk.repo() as repo:
        question = await repo.session.scalar(
            select(CaseMessage).where(CaseMessage.kind == "question")
        )
        assert question is not None and question.answered_at == desk.clock.now()


# --- a closed case --------------------------------------------------------------------------


async def closed_by_decision(desk: Desk, sara: Person) -> Case:
    ali = clerk()
    case = await filed(desk, sara)
    code = format_code(case.code, "en")
    await in_group(desk, ali, text=f"/status {code} referred_commission")
    await in_group(desk, ali, text=f"/opinion {code} no_violation")
    await in_group(desk, ali, text=f"/status {code} closed فروشنده کالا را ارسال کرد.")
    await desk.drain()
    closed = await the_case(desk, case.code)
    assert closed.status == "closed" and not closed.closed_by_withdrawal
    return closed


async def withdrawn(desk: Desk, sara: Person) -> Case:
    case = await filed(desk, sara)
    await desk.say(sara, f"/withdraw {format_code(case.code, 'en')}")
    await desk.press_button(sara, "انصراف می‌دهم")
    await desk.drain()
    closed = await the_case(desk, case.code)
    assert closed.status == "closed" and closed.closed_by_withdrawal
    return closed


def offer_labels(desk: Desk, sara: Person) -> list[str]:
    return [label for label, _ in desk.to(sara)[-1].buttons()]


async def test_writing_about_a_decided_case_offers_an_objection(desk: Desk, sara: Person) -> None:
    case = await closed_by_decision(desk, sara)
    before = len(group_messages(desk))

    await desk.say(sara, "من با این تصمیم موافق نیستم؛ کالا هنوز نرسیده.")

    assert "پیام شما هنوز به کارشناس فرستاده نشده" in desk.last_text(sara)
    assert offer_labels(desk, sara) == [
        "اعتراض به تصمیم",
        "ثبت شکایت تازه درباره همین کسب‌وکار",
    ]
    await desk.press_button(sara, "اعتراض به تصمیم")
    await desk.drain()

    objected = await the_case(desk, case.code)
    assert objected.status == "referred_judicial" and objected.objection_used
    # What she wrote goes to the thread after the objection.
    assert any("کالا هنوز نرسیده" in r.text for r in group_messages(desk)[before:])
    assert ("message", "من با این تصمیم موافق نیستم؛ کالا هنوز نرسیده.") in (
        await messages_of(desk, case.id)
    )


async def test_writing_about_a_withdrawn_case_offers_to_reopen(desk: Desk, sara: Person) -> None:
    case = await withdrawn(desk, sara)

    await desk.say(sara, "ببخشید، فروشنده هنوز پاسخ نداده؛ می‌خواهم ادامه بدهم.")

    assert offer_labels(desk, sara) == [
        "بازگشایی پرونده",
        "ثبت شکایت تازه درباره همین کسب‌وکار",
    ]
    await desk.press_button(sara, "بازگشایی پرونده")
    await desk.drain()

    reopened = await the_case(desk, case.code)
    assert reopened.status == "awaiting_review" and not reopened.closed_by_withdrawal
    assert "می‌خواهم ادامه بدهم" in group_messages(desk)[-1].text
    assert (await actions_of(desk, case.id))[-2:] == ["reopen", "wrote"]


async def test_a_new_complaint_about_the_same_business(desk: Desk, sara: Person) -> None:
    await withdrawn(desk, sara)

    await desk.say(sara, "دوباره از همین فروشگاه خرید کردم و باز هم خراب بود.")
    await desk.press_button(sara, "ثبت شکایت تازه")

    assert "شماره پروانه" in desk.last_text(sara)  # name and website are known already
    form = await form_in_db(desk, sara)
    assert form is not None
    step, answers = form
    assert step == "ComplaintForm:licence"
    assert (answers["business_name"], answers["website"]) == ("فروشگاه نمونه", "shop.ir")


async def test_a_reply_to_a_closed_cases_message_is_about_that_case(
    desk: Desk, sara: Person
) -> None:
    case = await closed_by_decision(desk, sara)
    await filed(desk, sara)  # another case, open
    (receipt,) = [
        row
        for row in await outbox_rows(desk, "receipt")
        if row.case_id == case.id and row.sent_message_id is not None
    ]
    assert receipt.sent_message_id is not None

    await reply_to_desk(desk, sara, receipt.sent_message_id, text="درباره این پرونده سؤال دارم.")

    assert format_code(case.code, "fa") in desk.last_text(sara)
    assert "اعتراض به تصمیم" in offer_labels(desk, sara)


async def test_an_old_closed_case_gets_no_offer(desk: Desk, sara: Person) -> None:
    await closed_by_decision(desk, sara)
    desk.clock.advance(timedelta(days=45))

    await desk.say(sara, "سلام")

    assert "پیام شما هنوز به کارشناس فرستاده نشده" not in desk.last_text(sara)
    async with desk.repo() as repo:
        count = await repo.session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.purpose.startswith("relay:"))
        )
    assert count is None
