"""An applicant follows their certificate request in the bot: each step told with its code and
what comes next, missing documents sent as files to the request's card in the certificates
chat, the fee with its amount and how it is paid, and word that it was paid."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import pytest
from aiogram.fsm.storage.base import BaseStorage
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.tables import CertificateEvent, CertificateRequest
from scheduler.jobs import Jobs
from services.calendar import TEHRAN
from services.clock import ManualClock
from services.platforms import Platform
from tests.conftest import make_settings, running_desk
from tests.desk import Desk, Person
from tests.fakes import Request
from tests.forms import file_usual_complaint
from tests.staff import list_as_clerk
from tests.test_certificates import (
    APPLICANT_PHONE,
    CERT_CHAT,
    NIMA,
    staff_says,
    staff_texts,
    the_request,
    verified_applicant,
)

NEW = "/cert new 09121112233 | سامانه حسابداری ابری | شرکت نمونه"
MISSING = "missing 1405/09/10 گواهی ثبت شرکت؛ مستندات فنی"


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def applicant(request: pytest.FixtureRequest, sara: Person, reza: Person) -> Person:
    """The applicant, on either platform (the certificates staff chat is a Bale group)."""
    return sara if request.param is Platform.TELEGRAM else reza


@pytest.fixture(autouse=True)
async def nima_is_listed(desk: Desk) -> None:
    await list_as_clerk(desk, NIMA)


def persian_code(code: str) -> str:
    digits = code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    return f"{digits[:5]}-{digits[5:]}"


def staff_sent(desk: Desk) -> list[Request]:
    return desk.api[Platform.BALE].sent(chat_id=CERT_CHAT)


def replied_to(sent: Request) -> int:
    """The message a request answered, as it went over the wire."""
    return int(json.loads(sent.params["reply_parameters"])["message_id"])


def assert_plain_on_bale(person: Person, text: str) -> None:
    """Bale reads no HTML: what reaches a Bale user carries none of its tags."""
    if person.platform is Platform.BALE:
        assert "<b>" not in text and "<code>" not in text


async def events(desk: Desk, action: str) -> list[CertificateEvent]:
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(CertificateEvent)
            .where(CertificateEvent.action == action)
            .order_by(CertificateEvent.id)
        )
        return list(rows)


async def registered(desk: Desk, person: Person) -> CertificateRequest:
    """The applicant verified their phone; a clerk registers their request in the chat."""
    await verified_applicant(desk, person)
    await staff_says(desk, NEW)
    await desk.drain()
    return await the_request(desk)


async def test_a_new_request_is_announced_with_its_code_and_what_comes_next(
    desk: Desk, applicant: Person
) -> None:
    request = await registered(desk, applicant)

    told = desk.last_text(applicant)
    assert "وضعیت درخواست شما تغییر کرد" not in told
    assert "درخواست تأییدیه فنی نرم‌افزار شما ثبت شد" in told
    assert f"کد رهگیری آن {persian_code(request.code)} است" in told.replace("<code>", "").replace(
        "</code>", ""
    ).replace("`", "")
    assert "گام بعد: کارشناسان مدارک شما را بررسی می‌کنند" in told
    assert f"/track {persian_code(request.code)}" in told
    assert "۲۲ آذر ۱۴۰۵" in told  # the due date, 15 working days on
    assert_plain_on_bale(applicant, told)


async def test_missing_documents_are_listed_with_their_due_date_and_sent_as_files(
    desk: Desk, applicant: Person
) -> None:
    request = await registered(desk, applicant)
    await staff_says(desk, f"/cert {request.code} {MISSING}")
    await desk.drain()
    card_id = (await the_request(desk)).staff_message_id
    assert card_id is not None  # the card the clerk moved, in the certificates chat

    notice = desk.to(applicant)[-1]
    assert "مدارک درخواست" in notice.text and "کامل نیست" in notice.text
    assert "• گواهی ثبت شرکت\n• مستندات فنی" in notice.text
    assert "۱۰ آذر ۱۴۰۵، ساعت ۲۳:۵۹" in notice.text
    assert "به صورت عکس یا فایل بفرستید" in notice.text
    assert [label for label, _ in notice.buttons()] == ["📎 ارسال مدارک"]
    assert_plain_on_bale(applicant, notice.text)

    await desk.press_button(applicant, "ارسال مدارک")
    asked = desk.last_text(applicant)
    assert "• گواهی ثبت شرکت" in asked and "مهلت ارسال" in asked
    await desk.photo(applicant, "registration-scan")
    assert "فایل ۱ برای درخواست" in desk.last_text(applicant)
    await desk.document(applicant, "tech-docs", "مستندات فنی.pdf")
    assert "فایل ۲ برای درخواست" in desk.last_text(applicant)
    await desk.say(applicant, "فرستادم")
    assert "به صورت عکس یا فایل بفرستید" in desk.last_text(applicant)
    await desk.press_button(applicant, "تمام شد")
    assert "۲ فایل درخواست" in desk.last_text(applicant)
    await desk.drain()

    photo, document, done = staff_sent(desk)[-3:]
    assert (photo.method, document.method) == ("sendPhoto", "sendDocument")
    code = persian_code(request.code)
    assert f"مدرک متقاضی برای درخواست `{code}`" in photo.text
    for sent in (photo, document, done):
        assert replied_to(sent) == card_id
    assert "ارسال مدارک درخواست" in done.text and "۲ فایل" in done.text
    assert "🔍 شروع بررسی" in [label for label, _ in done.buttons()]
    if applicant.platform is Platform.BALE:
        assert photo.params["photo"] == "registration-scan"  # the same platform: its own id
    else:
        # Another platform: downloaded from it and uploaded again.
        assert str(photo.params["photo"]).startswith("attach://") and photo.files
    documents = await events(desk, "document")
    assert [event.note for event in documents] == [None, "مستندات فنی.pdf"]
    assert len(await events(desk, "documents_sent")) == 1

    await desk.say(applicant, f"/track {request.code}")
    history = desk.last_text(applicant)
    assert "عکس مدرک فرستاده شد" in history
    assert "مدرک فرستاده شد: مستندات فنی.pdf" in history
    assert "ارسال مدارک تمام شد" in history


async def test_a_file_sent_without_the_button_reaches_the_only_request_awaiting_documents(
    desk: Desk, applicant: Person
) -> None:
    request = await registered(desk, applicant)
    await staff_says(desk, f"/cert {request.code} {MISSING}")
    await desk.drain()

    await desk.document(applicant, "scan", "ثبت شرکت.pdf")

    assert "فایل ۱ برای درخواست" in desk.last_text(applicant)
    assert "منظورتان را متوجه نشدم" not in " ".join(r.text for r in desk.to(applicant))
    await desk.drain()
    assert staff_sent(desk)[-1].method == "sendDocument"
    assert [event.note for event in await events(desk, "document")] == ["ثبت شرکت.pdf"]


async def test_with_two_requests_awaiting_documents_the_file_waits_for_the_choice(
    desk: Desk, sara: Person
) -> None:
    await verified_applicant(desk, sara)
    await staff_says(desk, NEW)
    await staff_says(desk, "/cert new 09121112233 | سامانه انبارداری | شرکت نمونه")
    async with desk.repo() as repo:
        codes = list(await repo.session.scalars(select(CertificateRequest.code)))
    for code in codes:
        await staff_says(desk, f"/cert {code} {MISSING}")
    await desk.drain()

    await desk.document(sara, "scan", "ثبت شرکت.pdf")
    assert "برای کدام درخواست است" in desk.last_text(sara)
    assert await events(desk, "document") == []

    await desk.press_button(sara, "سامانه انبارداری")

    assert "فایل ۱ برای درخواست" in desk.last_text(sara)
    [document] = await events(desk, "document")
    async with desk.repo() as repo:
        chosen = await repo.certificates.by_id(document.request_id)
        assert chosen is not None and chosen.product_name == "سامانه انبارداری"


async def test_the_fee_says_its_amount_and_how_it_is_paid_and_a_payment_is_reported_once(
    desk: Desk, applicant: Person
) -> None:
    request = await registered(desk, applicant)
    await staff_says(desk, f"/cert {request.code} review")
    await staff_says(desk, f"/cert {request.code} fee")
    await desk.drain()

    notice = desk.to(applicant)[-1]
    assert "نوبت پرداخت هزینه است" in notice.text
    assert "۱۰۰٬۰۰۰ ریال (۱۰٬۰۰۰ تومان)" in notice.text
    assert "درگاه پرداخت شاپرکی" in notice.text and "پرداخت نقدی پذیرفته نمی‌شود" in notice.text
    rows = notice.markup()["inline_keyboard"]
    assert rows[0] == [{"text": "💳 پرداخت برخط", "url": "https://ito.gov.ir"}]
    assert rows[1][0]["text"] == "✅ پرداخت کردم"
    assert_plain_on_bale(applicant, notice.text)

    await desk.press_button(applicant, "پرداخت کردم")
    assert "اعلام پرداخت شما برای درخواست" in desk.last_text(applicant)
    await desk.press_button(applicant, "پرداخت کردم")
    assert "پیش‌تر اعلام کرده‌اید" in desk.last_text(applicant)
    await desk.drain()

    told = [text for text in staff_texts(desk) if "اعلام کرد هزینه" in text]
    assert len(told) == 1 and "۱۰۰٬۰۰۰ ریال" in told[0]
    paid = staff_sent(desk)[-1]
    assert "✅ صدور تأییدیه" in [label for label, _ in paid.buttons()]
    assert len(await events(desk, "fee_reported")) == 1

    await staff_says(desk, f"/cert {request.code} issue https://ito.gov.ir/cert/1405-9")
    await desk.drain()
    assert (await the_request(desk)).status == "issued"
    assert "صادر شد" in desk.last_text(applicant)
    await desk.say(applicant, f"/track {request.code}")
    assert "متقاضی پرداخت هزینه را اعلام کرد" in desk.last_text(applicant)


async def test_word_of_a_payment_is_refused_when_no_fee_is_awaited(
    desk: Desk, sara: Person
) -> None:
    request = await registered(desk, sara)
    await staff_says(desk, f"/cert {request.code} review")
    await staff_says(desk, f"/cert {request.code} fee")
    await desk.drain()
    await staff_says(desk, f"/cert {request.code} review")  # back to the review

    await desk.press_button(sara, "پرداخت کردم")

    assert "در انتظار پرداخت هزینه نیست" in desk.last_text(sara)
    assert await events(desk, "fee_reported") == []


async def test_the_fee_is_a_setting(
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
    reza: Person,
) -> None:
    settings = make_settings(certificate_fee_rials=250_000)
    async with running_desk(settings, sessionmaker, clock, storage_factory) as desk:
        await list_as_clerk(desk, NIMA)
        request = await registered(desk, reza)
        await staff_says(desk, f"/cert {request.code} review")
        await staff_says(desk, f"/cert {request.code} fee")
        await desk.drain()

        assert "۲۵۰٬۰۰۰ ریال (۲۵٬۰۰۰ تومان)" in desk.last_text(reza)
        assert (await the_request(desk)).fee_rials == 250_000


async def test_a_rejection_shows_the_way_to_dispute_once(desk: Desk, applicant: Person) -> None:
    request = await registered(desk, applicant)
    await staff_says(desk, f"/cert {request.code} reject نرم‌افزار با شرایط اعلام‌شده سازگار نیست")
    await desk.drain()

    rejected = desk.last_text(applicant)
    assert "رد شد" in rejected and "نرم‌افزار با شرایط اعلام‌شده سازگار نیست" in rejected
    assert rejected.count("/dispute") == 1
    await desk.say(applicant, f"/track {request.code}")
    assert desk.last_text(applicant).count("/dispute") == 1
    assert all("/dispute" not in text for text in staff_texts(desk))


async def test_mycases_lists_requests_beside_complaints(desk: Desk, applicant: Person) -> None:
    await file_usual_complaint(desk, applicant)  # verifies +98 912 345 6789
    await staff_says(desk, "/cert new 09123456789 | سامانه حسابداری ابری | شرکت نمونه")
    request = await the_request(desk)

    await desk.say(applicant, "/mycases")

    listing = desk.last_text(applicant)
    assert "فروشگاه نمونه" in listing and "منتظر بررسی کارشناس" in listing
    assert "درخواست‌های تأییدیه فنی نرم‌افزار شما" in listing
    assert persian_code(request.code) in listing
    assert "سامانه حسابداری ابری — ثبت شده — ۱ آذر ۱۴۰۵" in listing
    assert listing.count("/track") == 1
    assert_plain_on_bale(applicant, listing)


async def test_only_requests_show_for_someone_with_no_complaint(
    desk: Desk, applicant: Person, reza: Person
) -> None:
    await registered(desk, applicant)

    await desk.say(applicant, "/mycases")
    listing = desk.last_text(applicant)
    assert "درخواست‌های تأییدیه فنی نرم‌افزار شما" in listing and "(۱)" in listing
    other = reza if applicant is not reza else Person(Platform.TELEGRAM, 5999, "Ali", None)
    await desk.say(other, "/mycases")
    assert "هنوز پرونده‌ای ندارید" in desk.last_text(other)


async def test_documents_of_a_request_with_no_card_in_the_chat_bring_its_card_first(
    desk: Desk, sara: Person
) -> None:
    """A request registered by a clerk elsewhere (their private chat) has no card in the
    certificates chat: the first document posts it, and the files answer it."""
    await verified_applicant(desk, sara)
    await desk.feed(
        Platform.BALE,
        {
            "message": {
                "message_id": 77,
                "date": int(desk.clock.now().timestamp()),
                "chat": {"id": NIMA.id, "type": "private", "first_name": "Nima"},
                "from": NIMA.as_user(),
                "text": NEW,
                "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
            }
        },
    )
    request = await the_request(desk)
    assert request.staff_message_id is None
    await staff_says(desk, f"/cert {request.code} {MISSING}")  # this card is in the chat
    async with desk.repo() as repo:
        moved = await repo.certificates.by_id(request.id)
        assert moved is not None
        moved.staff_message_id = None  # as for a request imported from a file
        await repo.commit()
    before = len(staff_sent(desk))

    await desk.document(sara, "scan", "ثبت شرکت.pdf")
    await desk.drain()

    card, document = staff_sent(desk)[before:]
    assert "گواهی ثبت شرکت" in card.text
    assert "🔍 شروع بررسی" in [label for label, _ in card.buttons()]
    card_id = (await the_request(desk)).staff_message_id
    assert card_id is not None
    assert replied_to(document) == card_id


async def test_someone_else_cannot_send_documents_or_report_a_payment(
    desk: Desk, sara: Person, reza: Person
) -> None:
    request = await registered(desk, sara)
    await staff_says(desk, f"/cert {request.code} {MISSING}")
    await desk.say(reza, "/start")

    await desk.press(reza, f"certdocs:{request.id}")
    await desk.press(reza, f"certpaid:{request.id}")
    await desk.document(reza, "scan", "x.pdf")

    assert "مدارک درخواست" not in " ".join(r.text for r in desk.to(reza))
    assert await events(desk, "document") == []
    assert await events(desk, "fee_reported") == []


async def test_the_documents_reminder_carries_the_way_to_send_them(
    desk: Desk, applicant: Person
) -> None:
    request = await registered(desk, applicant)
    await staff_says(desk, f"/cert {request.code} {MISSING}")
    jobs = Jobs(desk.sessionmaker, desk.settings.config, desk.clock)
    desk.clock.set(datetime(2026, 11, 30, 23, 59, tzinfo=TEHRAN))
    assert await jobs.sweep() == 1
    await desk.drain()

    reminder = desk.to(applicant)[-1]
    assert "یادآوری: مهلت ارسال مدارک درخواست" in reminder.text
    assert [label for label, _ in reminder.buttons()] == ["📎 ارسال مدارک"]
    assert APPLICANT_PHONE not in reminder.text
