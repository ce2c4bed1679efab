"""A certificate request followed from submission through missing documents to issue."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from models.tables import Case, CertificateEvent, CertificateRequest, OutboxMessage
from scheduler.jobs import Jobs
from services.calendar import TEHRAN
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.staff import list_as_clerk

CERT_CHAT = -2002  # the certificates staff chat is a Bale group in the test settings
APPLICANT_PHONE = "+989121112233"
NIMA = Person(Platform.BALE, 9101, "Nima", None)


@pytest.fixture(autouse=True)
async def nima_is_listed(desk: Desk) -> None:
    """The certificates clerk is on the staff list: Bale's member objects cannot be read."""
    await list_as_clerk(desk, NIMA)


async def staff_says(desk: Desk, text: str, clerk_id: int = 9101) -> None:
    """A clerk writes in the certificates staff group on Bale."""
    message: dict[str, Any] = {
        "message_id": 500 + len(desk.api[Platform.BALE].requests),
        "date": int(desk.clock.now().timestamp()),
        "chat": {"id": CERT_CHAT, "type": "group", "title": "کارشناسان تاییدیه"},
        "from": {"id": clerk_id, "is_bot": False, "first_name": "Nima"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [
            {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
        ]
    await desk.feed(Platform.BALE, {"message": message})


def staff_texts(desk: Desk) -> list[str]:
    return desk.api[Platform.BALE].texts(chat_id=CERT_CHAT)


async def verified_applicant(desk: Desk, person: Person) -> None:
    """The applicant has verified their phone with the desk before."""
    await desk.say(person, "/start")
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(person.platform, person.id)
        assert user is not None
        user.phone = APPLICANT_PHONE
        user.phone_verified_at = desk.clock.now()
        await repo.commit()


async def the_request(desk: Desk) -> CertificateRequest:
    async with desk.repo() as repo:
        request = await repo.session.scalar(select(CertificateRequest))
        assert request is not None
        return request


async def test_staff_register_a_request_and_the_applicant_is_told(
    desk: Desk, sara: Person
) -> None:
    await verified_applicant(desk, sara)

    await staff_says(desk, "/cert new ۰۹۱۲۱۱۱۲۲۳۳ | سامانه حسابداری ابری | شرکت نمونه")

    request = await the_request(desk)
    assert request.status == "submitted"
    assert request.applicant_phone == APPLICANT_PHONE
    assert request.fee_rials == 100_000
    # Sunday 1 Azar 10:00 + 15 working days (Thursdays, Fridays off; no holiday between).
    assert request.due_at == datetime(2026, 12, 13, 16, 0, tzinfo=TEHRAN)
    card = desk.api[Platform.BALE].last(chat_id=CERT_CHAT)
    assert "درخواست ثبت شد" in card.text and "<b>" not in card.text
    assert {label for label, _ in card.buttons()} >= {"🔍 شروع بررسی", "✖️ رد درخواست"}

    await desk.drain()
    assert "سامانه حسابداری ابری" in desk.last_text(sara)


async def test_a_request_goes_from_missing_documents_to_issue(desk: Desk, sara: Person) -> None:
    await verified_applicant(desk, sara)
    await staff_says(desk, "/cert new 09121112233 | سامانه حسابداری ابری | شرکت نمونه")
    code = (await the_request(desk)).code

    await staff_says(desk, f"/cert {code} missing 1405/09/10 گواهی ثبت شرکت؛ مستندات فنی")
    request = await the_request(desk)
    assert request.status == "documents_incomplete"
    assert request.missing_documents == ["گواهی ثبت شرکت", "مستندات فنی"]
    assert request.documents_due_at == datetime(2026, 12, 1, 23, 59, tzinfo=TEHRAN)
    assert request.due_at is None  # the service time waits for the documents
    await desk.drain()
    assert "مستندات فنی" in desk.last_text(sara)

    jobs = Jobs(desk.sessionmaker, desk.settings.config, desk.clock)
    desk.clock.set(datetime(2026, 11, 30, 23, 58, tzinfo=TEHRAN))
    assert await jobs.sweep() == 0
    desk.clock.set(datetime(2026, 11, 30, 23, 59, tzinfo=TEHRAN))
    assert await jobs.sweep() == 1
    assert await jobs.sweep() == 0
    await desk.drain()
    assert "یادآوری" in desk.last_text(sara)

    desk.clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=TEHRAN))
    await staff_says(desk, f"/cert {code} review")
    request = await the_request(desk)
    assert request.status == "under_review"
    assert request.due_at == datetime(2026, 12, 22, 16, 0, tzinfo=TEHRAN)

    await staff_says(desk, f"/cert {code} fee")
    await staff_says(desk, f"/cert {code} issue https://ito.gov.ir/cert/1405-123")
    request = await the_request(desk)
    assert request.status == "issued" and request.public_link == "https://ito.gov.ir/cert/1405-123"
    await desk.drain()
    assert "https://ito.gov.ir/cert/1405-123" in desk.last_text(sara)
    async with desk.repo() as repo:
        events = (await repo.session.scalars(select(CertificateEvent))).all()
        assert [e.to_status for e in events] == [
            "submitted",
            "documents_incomplete",
            "under_review",
            "awaiting_fee",
            "issued",
        ]


async def test_changes_that_lack_what_they_need_are_refused(desk: Desk) -> None:
    await staff_says(desk, "/cert new 09121112233 | سامانه حسابداری ابری | شرکت نمونه")
    code = (await the_request(desk)).code

    await staff_says(desk, f"/cert {code} issue")
    assert "این تغییر وضعیت برای این درخواست ممکن نیست" in staff_texts(desk)[-1]
    assert "اکنون می‌توانید: «نقص»، «رد»، «بررسی»" in staff_texts(desk)[-1]  # by their names
    await staff_says(desk, f"/cert {code} review")
    await staff_says(desk, f"/cert {code} issue")
    assert "نشانی عمومی تأییدیه صادرشده لازم است" in staff_texts(desk)[-1]
    await staff_says(desk, f"/cert {code} missing 1405/08/30 مدرک")  # a past date
    assert "مهلتی در آینده لازم است" in staff_texts(desk)[-1]
    await staff_says(desk, f"/cert {code} reject")
    assert "دلیل رد درخواست لازم است" in staff_texts(desk)[-1]
    assert (await the_request(desk)).status == "under_review"


async def test_a_breach_of_the_service_time_alerts_the_staff_once(desk: Desk) -> None:
    await staff_says(desk, "/cert new 09121112233 | سامانه حسابداری ابری | شرکت نمونه")
    jobs = Jobs(desk.sessionmaker, desk.settings.config, desk.clock)

    desk.clock.set(datetime(2026, 12, 13, 15, 59, tzinfo=TEHRAN))
    assert await jobs.sweep() == 0
    desk.clock.advance(timedelta(minutes=1))
    assert await jobs.sweep() == 1
    desk.clock.advance(timedelta(days=3))
    assert await jobs.sweep() == 0
    await desk.drain()
    assert "موعد تحویل تأییدیه گذشت" in staff_texts(desk)[-1]
    async with desk.repo() as repo:
        alerts = (
            await repo.session.scalars(
                select(OutboxMessage).where(OutboxMessage.purpose == "alert:cert-breach")
            )
        ).all()
        assert len(alerts) == 1


async def test_a_citizen_cannot_run_staff_commands(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/cert new 09121112233 | x | y")

    assert "فقط برای کارشناسان و مدیران" in desk.last_text(sara)
    async with desk.repo() as repo:
        assert await repo.session.scalar(select(CertificateRequest)) is None


async def test_the_applicant_tracks_the_request_and_others_cannot(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await verified_applicant(desk, sara)
    await staff_says(desk, "/cert new 09121112233 | سامانه حسابداری ابری | شرکت نمونه")
    code = (await the_request(desk)).code

    await desk.say(sara, f"/track {code}")
    shown = desk.last_text(sara)
    assert "سامانه حسابداری ابری" in shown and "ثبت شده" in shown

    await desk.say(reza, f"/track {code}")
    assert "پیدا نشد" in desk.last_text(reza)


async def test_a_dispute_opens_a_complaint_linked_to_the_request(desk: Desk, sara: Person) -> None:
    await verified_applicant(desk, sara)
    await staff_says(desk, "/cert new 09121112233 | سامانه حسابداری ابری | شرکت نمونه")
    request = await the_request(desk)

    await desk.say(sara, f"/dispute {request.code}")

    # The IT Organization, its site and province are stated; no union licence is asked for.
    opened = desk.last_text(sara)
    assert "از پیش معلوم است" in opened and "• استان: تهران" in opened
    assert "مرحله ۱ از ۶" in opened and "موضوع شکایت" in opened
    assert "شماره پروانه" not in opened
    await desk.press_button(sara, "موضوع دیگر")
    await desk.say(
        sara, "درخواست من بیش از موعد اعلام‌شده بدون پاسخ مانده است و پیگیری نتیجه نداد."
    )
    await desk.press_button(sara, "سفارشی در کار نیست")
    await desk.press_button(sara, "تمام شد")
    await desk.press_button(sara, "تأیید و ثبت نهایی")

    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        assert case.certificate_id == request.id
        assert case.business_url == "ito.gov.ir"
        assert case.licence_number is None and case.province == "تهران"
