"""The respondent (متشاکی): the holder of the licence a complaint is about hears of it, answers
in chat, is asked by clerks from the case's thread, and finds the complaints against them in
/mycases apart from their own. Here the complainant is on Telegram, the respondent on Bale and
the staff on Telegram."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from models.tables import Case, CaseEvent, CaseMessage, OutboxMessage
from services.formatting import format_code
from services.platforms import Platform
from tests.conftest import make_settings, running_desk
from tests.desk import Desk, Person
from tests.fakes import BOT_IDS, Request
from tests.forms import DESCRIPTION, PHONE, answer_from, file_complaint_about_a_licensed_business
from tests.registry import a_licence
from tests.staff import (
    clerk,
    group_messages,
    group_texts,
    message_id_of,
    press_on_group,
    say_in_group,
    the_case,
)

HOLDER_PHONE = "+989121110000"
SHOP = a_licence(
    "1402/00555",
    business_name="فروشگاه نمونه",
    holder_name="کامران نیکو",
    holder_phone=HOLDER_PHONE,
    sites=("shop.ir",),
)
TOLD = "شکایتی درباره کسب‌وکار شما در اتحادیه ثبت شد"


async def registry(desk: Desk, *licences: Any) -> None:
    async with desk.repo() as repo:
        await repo.licences.upsert_many(list(licences or [SHOP]))
        await repo.commit()


async def verify(desk: Desk, person: Person, phone: str = HOLDER_PHONE) -> None:
    await desk.share_contact(person, phone, owner_id=person.id)
    await desk.drain()


def bale_id_of(desk: Desk, request: Request) -> int:
    """The id the fake Bale API gave a message it sent."""
    api = desk.api[Platform.BALE]
    numbered = [r for r in api.requests if r.method in {"sendMessage", "sendDocument"}]
    return 1000 + next(i for i, r in enumerate(numbered) if r is request)


async def reply_on_bale(desk: Desk, person: Person, message_id: int, **content: Any) -> None:
    replied = {
        "message_id": message_id,
        "date": int(desk.clock.now().timestamp()),
        "chat": {"id": person.id, "type": "private", "first_name": person.first_name},
        "from": {"id": BOT_IDS[person.platform], "is_bot": True, "first_name": "Pishkhan"},
        "text": "…",
    }
    await desk.send(person, reply_to_message=replied, **content)


def told(desk: Desk, person: Person) -> list[Request]:
    return [request for request in desk.to(person) if TOLD in request.text]


async def events(desk: Desk, case: Case) -> list[CaseEvent]:
    async with desk.repo() as repo:
        return list(
            await repo.session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)
            )
        )


async def test_a_holder_on_the_desk_hears_answers_and_is_asked(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await registry(desk)
    await verify(desk, reza)
    await file_complaint_about_a_licensed_business(desk, sara)
    await desk.drain()
    case = await the_case(desk)
    code = format_code(case.code, "fa")
    assert case.respondent_licence_id is not None

    # The holder, on Bale, is told: code, subject in words, the complainant's words; never the
    # complainant's phone, nor (by default) their name; no markup on Bale.
    [notice] = told(desk, reza)
    assert code in notice.text
    assert "فروشگاه نمونه (شماره ۱۴۰۲/۰۰۵۵۵)" in notice.text
    assert "تخلفات و جرایم فصل هشتم قانون نظام صنفی" in notice.text
    assert DESCRIPTION in notice.text
    assert "912" not in notice.text and "۹۱۲" not in notice.text
    assert "Sara" not in notice.text and "Ahmadi" not in notice.text
    assert "<b>" not in notice.text and notice.params.get("parse_mode") is None

    # The card says who the respondent is and that they are on the desk.
    await say_in_group(desk, clerk(), f"/case {case.code}")
    assert "متشاکی: فروشگاه نمونه (پروانه ۱۴۰۲/۰۰۵۵۵، کامران نیکو) — در پیشخوان است" in (
        group_texts(desk)[-1].replace("<b>", "").replace("</b>", "")
    )

    # The holder answers with text and with a file: both reach the thread as theirs.
    await reply_on_bale(desk, reza, bale_id_of(desk, notice), text="کالا ارسال شده؛ کد مرسوله ۱۲۳")
    assert "به کارشناس رسید" in desk.last_text(reza)
    await reply_on_bale(
        desk,
        reza,
        bale_id_of(desk, notice),
        document={
            "file_id": "bale-invoice",
            "file_unique_id": "u-bale-invoice",
            "file_name": "invoice.pdf",
            "mime_type": "application/pdf",
            "file_size": 1000,
        },
        caption="رسید پست",
    )
    await desk.drain()
    staff = group_texts(desk)
    assert any("پاسخ متشاکی" in text and "کد مرسوله ۱۲۳" in text for text in staff)
    documents = desk.api[Platform.TELEGRAM].sent("sendDocument")
    assert any("پاسخ متشاکی" in sent.text and "رسید پست" in sent.text for sent in documents)

    # A clerk asks the respondent from the staff chat; it reaches Bale signed as the desk.
    await say_in_group(desk, clerk(), f"/respondent {case.code} لطفاً رسید پستی را بفرستید.")
    assert "برای متشاکی پرونده" in group_texts(desk)[-1]
    await desk.drain()
    asked = desk.to(reza)[-1]
    assert "لطفاً رسید پستی را بفرستید." in asked.text
    assert "Ali" not in asked.text
    # …and the respondent's reply to that question reaches the thread too.
    await reply_on_bale(desk, reza, bale_id_of(desk, asked), text="فرستادم.")
    await desk.drain()
    assert "پاسخ متشاکی" in group_texts(desk)[-1]

    # In the case's thread (a reply to its card) the code is not needed.
    card = next(r for r in group_messages(desk) if "شکایت تازه" in r.text)
    await say_in_group(
        desk, clerk(), "/respondent آیا کالا بیمه شده بود؟", reply_to=message_id_of(desk, card)
    )
    assert "برای متشاکی پرونده" in group_texts(desk)[-1]
    await desk.drain()
    assert "آیا کالا بیمه شده بود؟" in desk.to(reza)[-1].text

    # …or with the card's button, as they ask the complainant.
    await press_on_group(desk, clerk(), "پیام به متشاکی")
    assert "پیام خود به متشاکی" in group_texts(desk)[-1]
    await say_in_group(desk, clerk(), "تاریخ ارسال کالا را بنویسید.")
    assert "برای متشاکی پرونده" in group_texts(desk)[-1]
    await desk.drain()
    assert "تاریخ ارسال کالا را بنویسید." in desk.to(reza)[-1].text

    # Every exchange is on the case's history, the respondent's marked as theirs.
    actions = [(event.action, event.actor_role) for event in await events(desk, case)]
    assert ("respondent_told", "system") in actions
    assert actions.count(("respondent_wrote", "respondent")) == 3
    assert actions.count(("asked_respondent", "clerk")) == 3
    async with desk.repo() as repo:
        kinds = list(
            await repo.session.scalars(
                select(CaseMessage.kind).where(CaseMessage.case_id == case.id)
            )
        )
    assert kinds.count("respondent") == 3 and kinds.count("to_respondent") == 3

    # The complainant heard nothing of the respondent's words.
    assert not any("کد مرسوله" in request.text for request in desk.to(sara))

    # The respondent's /mycases lists the complaint against their licence.
    await desk.say(reza, "/mycases")
    listing = desk.last_text(reza).replace("*", "")
    assert "شکایت‌ها از کسب‌وکار شما (۱)" in listing
    assert "فروشگاه نمونه (پروانه ۱۴۰۲/۰۰۵۵۵)" in listing
    assert code in listing


async def test_a_holder_not_on_the_desk_is_told_once_they_verify(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await registry(desk)
    await file_complaint_about_a_licensed_business(desk, sara)
    await desk.drain()
    case = await the_case(desk)
    code = format_code(case.code, "fa")
    card = next(text for text in group_texts(desk) if code in text and "متشاکی" in text)
    assert "در پیشخوان نیست" in card
    assert not told(desk, reza)

    await say_in_group(desk, clerk(), f"/respondent {case.code} سلام")
    assert "در پیشخوان نیست" in group_texts(desk)[-1]
    await say_in_group(desk, clerk(), "/respondent")
    assert "روش استفاده: /respondent" in group_texts(desk)[-1]

    # The holder verifies on Bale: the complaint against their licence is told now, once.
    await verify(desk, reza)
    assert len(told(desk, reza)) == 1
    await verify(desk, reza)
    assert len(told(desk, reza)) == 1
    async with desk.repo() as repo:
        rows = list(
            await repo.session.scalars(
                select(OutboxMessage).where(OutboxMessage.purpose == "respondent")
            )
        )
    assert [row.case_id for row in rows] == [case.id]


async def test_a_holder_of_two_licences_sees_each_complaint_under_its_licence(
    desk: Desk, sara: Person, reza: Person
) -> None:
    other = a_licence(
        "1403/00777", business_name="کتاب آوا", holder_phone=HOLDER_PHONE, sites=("ava.ir",)
    )
    await registry(desk, SHOP, other)
    await verify(desk, reza)
    await file_complaint_about_a_licensed_business(desk, sara)
    # The second complaint names the licence by its website.
    await desk.say(sara, "/complaint")
    await desk.say(sara, "کتاب آوا")
    await desk.say(sara, "https://www.ava.ir/")  # the registry's: no licence or province asked
    await answer_from(desk, sara, "subject")
    await desk.drain()
    assert len(told(desk, reza)) == 2

    await desk.say(reza, "/mycases")
    listing = desk.last_text(reza).replace("*", "")
    assert "شکایت‌ها از کسب‌وکار شما (۲)" in listing
    assert "فروشگاه نمونه (پروانه ۱۴۰۲/۰۰۵۵۵)" in listing
    assert "کتاب آوا (پروانه ۱۴۰۳/۰۰۷۷۷)" in listing

    # A message replying to nothing: the holder chooses which complaint it is about.
    await desk.say(reza, "توضیح ما درباره شکایت")
    assert "کدام پرونده" in desk.last_text(reza)
    async with desk.repo() as repo:
        cases = list(await repo.session.scalars(select(Case).order_by(Case.id)))
    await desk.press_button(reza, format_code(cases[1].code, "fa"))
    await desk.drain()
    assert "پاسخ متشاکی" in group_texts(desk)[-1]
    assert "توضیح ما درباره شکایت" in group_texts(desk)[-1]
    actions = [event.action for event in await events(desk, cases[1])]
    assert "respondent_wrote" in actions


async def test_the_complainants_name_reaches_the_respondent_only_where_allowed(
    sessionmaker: Any, clock: Any, storage_factory: Any, sara: Person, reza: Person
) -> None:
    settings = make_settings(respondent_sees_complainant_name=True)
    async with running_desk(settings, sessionmaker, clock, storage_factory) as desk:
        await registry(desk)
        await verify(desk, reza)
        await file_complaint_about_a_licensed_business(desk, sara)
        await desk.drain()
        [notice] = told(desk, reza)
        assert "شاکی:* Sara Ahmadi" in notice.text
        assert PHONE.replace(" ", "")[-4:] not in notice.text
