"""A citizen files a complaint end to end, on Telegram and on Bale."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from models.tables import Attachment, Case, CaseEvent, Draft, OutboxMessage, User
from services.normalize import search_key
from services.platforms import Platform
from services.tracking import parse_code
from tests.desk import Desk, Person

STAFF_CHAT = -1001000


async def file_complaint(desk: Desk, person: Person) -> None:
    """The whole form, as a person answers it."""
    await desk.say(person, "/start")
    await desk.say(person, "📝 ثبت شکایت")
    await desk.say(person, "فروشگاه ديجي‌كالا")  # Arabic ي and ك, as many keyboards type
    await desk.say(person, "https://www.Example-Shop.ir/product/۱۲۳")
    await desk.press_button(person, "رد شدن")  # no licence number
    await desk.press_button(person, "تهران")
    await desk.press_button(person, "خرید کالا یا خدمت")
    await desk.say(person, "کالای سفارش داده شده پس از دو هفته هنوز ارسال نشده و پاسخی نمی‌دهند.")
    await desk.say(person, "ORD-۹۸۷۶۵")
    await desk.say(person, "۱۴۰۵/۰۸/۲۵")
    await desk.say(person, "۲٬۵۰۰٬۰۰۰ ریال")
    await desk.photo(person, f"{person.platform}-photo-1")
    await desk.document(person, f"{person.platform}-doc-1", "invoice.pdf")
    await desk.press_button(person, "تمام شد")
    await desk.share_contact(person, "+98 912 345 6789", owner_id=person.id)
    await desk.press_button(person, "تأیید و ثبت نهایی")


async def test_telegram_citizen_files_a_complaint_and_gets_a_receipt(
    desk: Desk, sara: Person
) -> None:
    await file_complaint(desk, sara)

    filed = desk.last_text(sara)
    assert "شکایت شما ثبت شد" in filed
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        assert case.status == "awaiting_review"
        assert case.business_name == "فروشگاه ديجي‌كالا"  # as typed, Arabic ي and ك and all
        assert case.business_key == search_key("فروشگاه دیجی‌کالا")  # matched as Persian
        assert case.business_url == "example-shop.ir"
        assert case.licence_number is None
        assert case.subject == "guild_law"
        assert case.order_number == "ORD-۹۸۷۶۵"
        assert str(case.order_date) == "2026-11-16"
        assert case.order_amount == 2_500_000
        assert case.contact_phone == "+989123456789"
        attachments = (await repo.session.scalars(select(Attachment))).all()
        assert [a.kind for a in attachments] == ["photo", "document"]
        events = (await repo.session.scalars(select(CaseEvent))).all()
        assert [(e.action, e.to_status) for e in events] == [("filed", "awaiting_review")]
        assert await repo.session.scalar(select(func.count(Draft.id))) == 0
        user = await repo.users.by_platform_id("telegram", sara.id)
        assert user is not None and user.phone_verified_at is not None
    code = parse_code(case.code)
    assert code is not None and code.kind == "1"

    sent = await desk.drain()
    # The case's forum topic, the receipt and its printed copy, the staff card, two attachments.
    assert sent == 6
    *_, chat_receipt, printed = desk.to(sara)
    assert printed.method == "sendDocument"  # the printed copy after it (test_receipt_pdf)
    receipt = chat_receipt.text
    for expected in (
        "رسید",
        "ثبت شکایت از کسب‌وکار مجازی",  # the service
        "Sara Ahmadi",  # the recipient
        "۱ آذر ۱۴۰۵",  # Jalali date, Persian digits
        "۱۰:۰۰",  # Tehran time
        "رایگان",  # the amount
        "دفتر پیشخوان نمونه",
        "۱۲۳۴۵۶",  # the desk's licence
        "مریم رضایی",
        "تهران، خیابان آزادی",
    ):
        assert expected in receipt, expected
    shown = re.search(r"کد رهگیری:</b> <code>(.*?)</code>", receipt)
    assert shown is not None and parse_code(shown.group(1)) == code

    staff = desk.api[Platform.TELEGRAM].sent(chat_id=STAFF_CHAT)
    assert [r.method for r in staff] == ["sendMessage", "sendPhoto", "sendDocument"]
    card = staff[0]
    assert "شکایت تازه" in card.text and "فروشگاه ديجي‌كالا" in card.text
    assert card.params["parse_mode"] == "HTML"
    assert staff[1].params["photo"] == "telegram-photo-1"  # same platform: the file id itself
    assert staff[1].params["reply_parameters"]  # threaded under the card
    async with desk.repo() as repo:
        case = await repo.cases.by_code(code.digits)
        assert case is not None and case.staff_message_id is not None
        statuses = set(await repo.session.scalars(select(OutboxMessage.status)))
        assert statuses == {"sent"}


async def test_bale_citizen_files_a_complaint_without_html(desk: Desk, reza: Person) -> None:
    desk.api[Platform.BALE].files["bale-photo-1"] = b"\x89PNG screenshot"
    desk.api[Platform.BALE].files["bale-doc-1"] = b"%PDF invoice"
    await file_complaint(desk, reza)
    await desk.drain()

    for request in desk.to(reza):
        assert "parse_mode" not in request.params
        assert "<b>" not in request.text and "</" not in request.text
    *_, chat_receipt, printed = desk.to(reza)
    assert "رسید" in chat_receipt.text and "Reza Karimi" in chat_receipt.text
    assert printed.method == "sendDocument"
    # The staff chat is on Telegram: Bale's files cross by download and upload.
    staff = desk.api[Platform.TELEGRAM].sent(chat_id=STAFF_CHAT)
    assert [r.method for r in staff] == ["sendMessage", "sendPhoto", "sendDocument"]
    assert list(staff[1].files.values()) == [b"\x89PNG screenshot"]
    assert list(staff[2].files.values()) == [b"%PDF invoice"]
    async with desk.repo() as repo:
        user = await repo.session.scalar(select(User).where(User.platform == "bale"))
        assert user is not None and user.phone == "+989123456789"


async def test_my_cases_lists_only_my_own(desk: Desk, sara: Person, reza: Person) -> None:
    await file_complaint(desk, sara)
    await desk.say(sara, "/mycases")
    mine = desk.last_text(sara)
    assert "فروشگاه ديجي‌كالا" in mine and "منتظر بررسی کارشناس" in mine

    await desk.say(reza, "/mycases")
    assert "هنوز پرونده‌ای ندارید" in desk.last_text(reza)
