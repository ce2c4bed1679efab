"""The union's whole story of one complaint, end to end, as the people in it live it, through the
real Dispatcher:

1. Ali, a clerk on Telegram, registers by /refer in the staff group a complaint the E-commerce
   Development Center referred by letter, about a business licensed in the union's registry,
   naming the complainant's mobile; the receipt for the Center comes as a PDF in the thread.
2. Maryam, the complainant, later verifies that mobile on Telegram and finds the case in
   /mycases.
3. Kamran, the licence's holder, verifies the licence's phone on Bale, hears of the complaint
   and answers it; his answer reaches the thread as the respondent's.
4. Ali schedules the commission's session online, on a working day within office hours; both
   parties are invited.
5. Ali records the parties' agreement with /agree: the case closes with its own reason, which
   Maryam sees in /track.

The clock stands at Sunday 1 Azar 1405 (22 November 2026), 10:00 in Tehran; the office works
Saturday to Wednesday, 08:00 to 16:00.
"""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select

from models.tables import Case, CaseEvent, CaseMessage, CommissionSession
from services.calendar import TEHRAN
from services.formatting import format_code, localize_digits
from services.lengths import utf16_units
from services.platforms import Platform
from tests.conftest import START
from tests.desk import Desk, Person
from tests.forms import DESCRIPTION
from tests.registry import a_licence
from tests.staff import clerk, group_messages, group_texts, press_on_group, say_in_group
from tests.test_receipt_pdf import text_of
from tests.test_respondent import bale_id_of, reply_on_bale
from tests.test_sessions import jalali, working_day_after

MOBILE = "+989123456789"
HOLDER_PHONE = "+989121110000"
LETTER = "۷۷۱۲/ت/۱۴۰۵"
CENTER = "مرکز توسعه تجارت الکترونیکی"
LINK = "https://meet.example.ir/room-9"
TERMS = "فروشنده تا پنجشنبه ۲٬۵۰۰٬۰۰۰ ریال را بازمی‌گرداند و شاکی از شکایت می‌گذرد"
SHOP = a_licence(
    "1402/00555",
    business_name="فروشگاه نمونه",
    holder_name="کامران نیکو",
    holder_phone=HOLDER_PHONE,
    sites=("shop.ir",),
    province="اصفهان",
)
TOLD = "شکایتی درباره کسب‌وکار شما در اتحادیه ثبت شد"
INVITE = "دعوت به جلسه کمیسیون"


def plain(text: str) -> str:
    return text.replace("<b>", "").replace("</b>", "")


async def case_now(desk: Desk) -> Case:
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        return case


async def actions(desk: Desk, case: Case) -> list[str]:
    async with desk.repo() as repo:
        return [event.action for event in await repo.cases.events_of(case.id)]


async def user_id(desk: Desk, person: Person) -> int:
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(person.platform, person.id)
        assert user is not None
        return user.id


async def test_a_referred_complaint_from_the_letter_to_the_parties_agreement(desk: Desk) -> None:
    ali = clerk()
    maryam = Person(Platform.TELEGRAM, 5101, "Maryam", "Kazemi")
    kamran = Person(Platform.BALE, 6101, "Kamran", "Nikoo")
    async with desk.repo() as repo:
        await repo.licences.upsert_many([SHOP])
        await repo.commit()

    # --- 1. The clerk registers the Center's letter ---------------------------------------------
    await say_in_group(desk, ali, "/refer")
    assert "ثبت شکایت ارجاعی را شروع می‌کنیم" in group_texts(desk)[-2]
    await press_on_group(desk, ali, "مرکز توسعه تجارت")
    for answer in (
        LETTER,
        "۱۴۰۵/۰۸/۲۵",
        "مریم کاظمی",
        "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        "فروشگاه نمونه",
        "shop.ir",
        "۱۴۰۲/۰۰۵۵۵",
    ):
        await say_in_group(desk, ali, answer)
    await press_on_group(desk, ali, "فصل هشتم")
    await say_in_group(desk, ali, DESCRIPTION)
    await say_in_group(desk, ali, "-")  # no order in the letter
    summary = plain(group_texts(desk)[-1])
    assert "نهاد ارجاع‌دهنده: مرکز توسعه تجارت الکترونیکی" in summary and LETTER in summary
    await press_on_group(desk, ali, "ثبت شکایت ارجاعی")

    case = await case_now(desk)
    code = format_code(case.code, "fa")
    registered = group_texts(desk)[-2]
    assert "شکایت ارجاعی ثبت شد" in registered and code in registered
    assert "هر وقت شاکی شماره همراه نامه را در پیشخوان تأیید کند" in registered
    assert (case.source_kind, case.source_body, case.letter_number) == (
        "referral",
        "ecommerce_center",
        LETTER,
    )
    assert (case.contact_name, case.contact_phone, case.citizen_id) == ("مریم کاظمی", MOBILE, None)
    assert (case.licence_number, case.province, case.status) == (
        "1402/00555",
        "اصفهان",  # the registry's
        "awaiting_review",
    )
    async with desk.repo() as repo:
        licence = await repo.licences.by_number("1402/00555")
        assert licence is not None and case.respondent_licence_id == licence.id
    assert await actions(desk, case) == ["referred"]

    await desk.drain()
    card = plain(next(r.text for r in group_messages(desk) if "شکایت تازه" in r.text))
    assert f"ارجاعی از {CENTER}" in card
    assert "مریم کاظمی (هنوز در پیشخوان نیست)" in card
    assert "فروشگاه نمونه (پروانه ۱۴۰۲/۰۰۵۵۵، کامران نیکو) — در پیشخوان نیست" in card
    [printed] = [r for r in group_messages(desk) if r.method == "sendDocument"]
    assert utf16_units(printed.text) <= 1024 and code in printed.text
    receipt = text_of(printed)
    assert f"به: {CENTER}" in receipt and LETTER in receipt and code in receipt
    # Nobody outside the staff has heard anything yet.
    assert desk.to(maryam) == [] and desk.to(kamran) == []

    # --- 2. The complainant verifies the letter's mobile and finds the case -------------------
    await desk.say(maryam, "/mycases")
    assert "هنوز پرونده‌ای ندارید" in desk.last_text(maryam)
    assert "شماره همراه خود را با دکمه" in desk.last_text(maryam)
    await desk.share_contact(maryam, "989123456789", owner_id=maryam.id)
    listed = desk.last_text(maryam)
    assert "پرونده‌های شما" in listed and "فروشگاه نمونه" in listed and code in listed
    await desk.drain()
    found = desk.last_text(maryam)
    assert f"{CENTER} با نامه شماره {LETTER}" in found and "به نام شما ثبت شده است" in found
    assert "912" not in found  # the letter's mobile is not repeated to her

    case = await case_now(desk)
    assert (case.citizen_id, case.platform) == (await user_id(desk, maryam), "telegram")
    assert await actions(desk, case) == ["referred", "complainant_linked"]

    # --- 3. The holder verifies the licence's phone on Bale, hears of it and answers ----------
    await desk.share_contact(kamran, HOLDER_PHONE, owner_id=kamran.id)
    await desk.drain()
    [notice] = [r for r in desk.to(kamran) if TOLD in r.text]
    assert code in notice.text and "فروشگاه نمونه (شماره ۱۴۰۲/۰۰۵۵۵)" in notice.text
    assert DESCRIPTION in notice.text
    assert "912" not in notice.text and "۹۱۲" not in notice.text  # never the complainant's phone
    assert "کاظمی" not in notice.text  # nor, by default, her name
    assert notice.params.get("parse_mode") is None  # Bale reads no HTML

    await reply_on_bale(desk, kamran, bale_id_of(desk, notice), text="کالا دیروز ارسال شد.")
    assert "به کارشناس رسید" in desk.last_text(kamran)
    await desk.drain()
    answered = group_texts(desk)[-1]
    assert "پاسخ متشاکی" in answered and "کالا دیروز ارسال شد." in answered
    assert await actions(desk, case) == [
        "referred",
        "complainant_linked",
        "respondent_told",
        "respondent_wrote",
    ]
    async with desk.repo() as repo:
        kept = list(
            await repo.session.scalars(select(CaseMessage).where(CaseMessage.case_id == case.id))
        )
    assert any(message.text == "کالا دیروز ارسال شد." for message in kept)
    await say_in_group(desk, ali, f"/case {case.code}")
    assert "— در پیشخوان است" in plain(group_texts(desk)[-1])

    # --- 4. The commission's session, online, on a working day ------------------------------
    day = working_day_after(desk, START.date(), 2)
    at = datetime.combine(day, time(10, 30), tzinfo=TEHRAN)
    typed = f"/session {code} {localize_digits(jalali(day), 'fa')} ۱۰:۳۰ برخط {LINK}"
    await say_in_group(desk, ali, typed)  # as a Persian keyboard types it
    scheduled = group_texts(desk)[-1]
    assert "تعیین شد" in scheduled and "از شاکی و متشاکی دعوت شد" in scheduled
    await desk.drain()
    [to_maryam] = [r for r in desk.to(maryam) if INVITE in r.text]
    [to_kamran] = [r for r in desk.to(kamran) if INVITE in r.text]
    assert "شما به‌عنوان شاکی دعوت شده‌اید" in to_maryam.text
    assert "شما به‌عنوان متشاکی دعوت شده‌اید" in to_kamran.text
    for invite in (to_maryam, to_kamran):
        assert LINK in invite.text and "ساعت ۱۰:۳۰" in invite.text
    async with desk.repo() as repo:
        session = await repo.session.scalar(select(CommissionSession))
    assert session is not None
    assert (session.case_id, session.at, session.mode, session.place, session.status) == (
        case.id,
        at,
        "online",
        LINK,
        "scheduled",
    )
    await desk.press_button(maryam, "تأیید می‌کنم")
    await desk.press_button(kamran, "تأیید می‌کنم")
    await desk.drain()
    async with desk.repo() as repo:
        session = await repo.session.scalar(select(CommissionSession))
    assert session is not None
    assert (session.complainant_answer, session.respondent_answer) == ("confirmed", "confirmed")

    # --- 5. The agreement closes the case --------------------------------------------------
    await say_in_group(desk, ali, f"/agree {code} {TERMS}")
    assert "مختومه (سازش طرفین)" in group_texts(desk)[-1]
    case = await case_now(desk)
    assert (case.status, case.closing_reason, case.step) == ("closed", "agreement", None)
    async with desk.repo() as repo:
        last = (await repo.cases.events_of(case.id))[-1]
    assert isinstance(last, CaseEvent)
    assert (last.action, last.note, last.actor_role) == ("agree", TERMS, "clerk")
    await desk.drain()
    closed = next(r.text for r in reversed(desk.to(maryam)) if "سازش" in r.text)
    assert "پرونده مختومه شد" in closed and TERMS in closed
    assert f"/object {code}" in closed  # she may still object within the window

    await desk.say(maryam, f"/track {code}")
    tracked = desk.last_text(maryam)
    assert "مختومه (سازش طرفین)" in tracked and TERMS in tracked
    assert "شکایت ارجاعی از نهاد دیگر ثبت شد" in tracked
    assert "طرفین سازش کردند و پرونده مختومه شد" in tracked
