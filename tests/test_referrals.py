"""Complaints referred by other bodies: a clerk registers the letter's complaint with /refer in
the staff group on Telegram; the complainant it names by mobile verifies that number on Bale,
finds the case in /mycases and is told of every change from then on.

The clock stands at Sunday 1 Azar 1405 (22 November 2026), 10:00 in Tehran; the office works
Saturday to Wednesday, 08:00 to 16:00.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from models.migrate import upgrade
from models.tables import Case, CaseEvent, Draft
from services.calendar import TEHRAN
from services.formatting import format_code
from services.normalize import to_ascii_digits
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.forms import DESCRIPTION
from tests.staff import (
    STAFF_CHAT,
    clerk,
    group_messages,
    group_texts,
    press_on_group,
    say_in_group,
    second_clerk,
    the_case,
)

MOBILE = "+989123456789"
LETTER_NUMBER = "۱۲۳۴/ص/۱۴۰۵"


def tehran(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TEHRAN)


async def referred(desk: Desk, *, mobile: str = "۰۹۱۲ ۳۴۵ ۶۷۸۹", confirm: bool = True) -> None:
    """A clerk registers the usual referred complaint, answer by answer, in the staff group:
    the Industry, Mine and Trade Organization of Isfahan's letter of Thursday 28 Aban 1405
    (with `confirm` false, the clerk stops at its summary)."""
    ali = clerk()
    await say_in_group(desk, ali, "/refer")
    await press_on_group(desk, ali, "سازمان صنعت، معدن و تجارت")
    for answer in (
        "اصفهان",
        LETTER_NUMBER,
        "۱۴۰۵/۰۸/۲۸",
        "مریم کاظمی",
        mobile,
        "فروشگاه نمونه",
        "shop.ir",
        "-",  # no licence number in the letter
    ):
        await say_in_group(desk, ali, answer)
    await press_on_group(desk, ali, "فصل هشتم")
    await say_in_group(desk, ali, DESCRIPTION)
    await say_in_group(desk, ali, "-")  # no order
    if confirm:
        await press_on_group(desk, ali, "ثبت شکایت ارجاعی")


async def events_of(desk: Desk, case: Case) -> list[CaseEvent]:
    async with desk.repo() as repo:
        return await repo.cases.events_of(case.id)


async def user_id(desk: Desk, person: Person) -> int:
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(person.platform, person.id)
        assert user is not None
        return user.id


def keyboard(desk: Desk, person: Person) -> dict[str, Any]:
    return desk.api[person.platform].last(person.id).markup()


# --- the staff's form -----------------------------------------------------------------------


async def test_a_clerk_registers_a_referred_complaint_with_the_complainants_mobile(
    desk: Desk,
) -> None:
    await referred(desk)

    done = group_texts(desk)[-2:]
    assert "شکایت ارجاعی ثبت شد" in done[0]
    assert "هر وقت شاکی شماره همراه نامه را در پیشخوان تأیید کند" in done[0]
    assert "رسید ثبت شکایت ارجاعی" in done[1]
    assert "سازمان صنعت، معدن و تجارت استان اصفهان" in done[1]
    assert f"شماره {LETTER_NUMBER}" in done[1] and "رایگان" in done[1]
    case = await the_case(desk)
    assert format_code(case.code, "fa") in done[0]
    assert (case.source_kind, case.source_body, case.source_body_name) == (
        "referral",
        "industry_organization",
        "اصفهان",
    )
    assert (case.letter_number, case.letter_date.isoformat() if case.letter_date else None) == (
        LETTER_NUMBER,
        "2026-11-19",
    )
    assert (case.contact_name, case.contact_phone, case.citizen_id) == ("مریم کاظمی", MOBILE, None)
    assert (case.status, case.subject, case.business_url, case.licence_number) == (
        "awaiting_review",
        "guild_law",
        "shop.ir",
        None,
    )
    assert case.province == "اصفهان" and case.platform == "none"
    # Thursday is the weekend: the letter's clock starts at Saturday's opening, and Article 72's
    # ten days end on Tuesday 10 Azar at closing.
    assert case.clock_started_at == tehran(2026, 11, 21, 8)
    assert case.overall_due_at == tehran(2026, 12, 1, 16)
    assert case.received_at == desk.clock.now()
    (event,) = await events_of(desk, case)
    assert (event.action, event.actor_role, event.platform) == ("referred", "clerk", "telegram")
    async with desk.repo() as repo:
        assert await repo.session.scalar(select(Draft.id)) is None
        # The mobile is encrypted at rest, like every phone number.
        stored = await repo.session.scalar(text("SELECT contact_phone FROM cases"))
        assert stored and "9123456789" not in stored


async def test_the_summary_says_in_words_what_the_letter_does_not_give(desk: Desk) -> None:
    await referred(desk, confirm=False)

    summary = group_texts(desk)[-1]
    assert "خلاصه شکایت ارجاعی" in summary
    assert "<b>شماره پروانه:</b> ثبت نشده" in summary
    assert "<b>شماره سفارش:</b> ثبت نشده" in summary
    assert "<b>تاریخ سفارش:</b> ثبت نشده" in summary and "<b>مبلغ:</b> ثبت نشده" in summary
    assert not any(line.rstrip().endswith("—") for line in summary.splitlines())
    assert "</b> —" not in summary


async def test_the_steps_are_counted_one_by_one_on_the_letters_path(desk: Desk) -> None:
    await referred(desk, confirm=False)

    steps = [
        tuple(int(to_ascii_digits(n)) for n in found.groups())
        for text in group_texts(desk)
        if (found := re.search(r"مرحله ([۰-۹]+) از ([۰-۹]+)", text)) is not None
    ]
    # Before the body is chosen every question counts; the Organization names its province,
    # so the province is never asked; the order's date and amount count until it is skipped.
    assert steps == [(1, 15)] + [(k, 14) for k in range(2, 13)]


async def test_the_referred_case_gets_its_card_and_thread_in_the_staff_chat(desk: Desk) -> None:
    await referred(desk)
    await desk.drain()

    card = next(r for r in group_messages(desk) if "شکایت تازه" in r.text)
    assert "ارجاعی از سازمان صنعت، معدن و تجارت استان اصفهان" in card.text
    assert LETTER_NUMBER in card.text and "۲۸ آبان ۱۴۰۵" in card.text
    assert "مریم کاظمی (هنوز در پیشخوان نیست)" in card.text
    assert any("پذیرفتن" in label for label, _ in card.buttons())
    case = await the_case(desk)
    assert case.staff_message_id is not None and case.staff_chat_id == STAFF_CHAT


async def test_bad_answers_are_explained_and_nothing_is_lost(desk: Desk) -> None:
    ali = clerk()
    await say_in_group(desk, ali, "/refer")
    await press_on_group(desk, ali, "مرکز توسعه تجارت")
    await say_in_group(desk, ali, "بدون شماره")
    assert "شماره نامه باید دست‌کم یک رقم داشته باشد" in group_texts(desk)[-1]
    assert group_messages(desk)[-1].markup().get("force_reply")
    await say_in_group(desk, ali, "۵۵۵/الف")
    await say_in_group(desk, ali, "۱۴۰۶/۰۱/۰۱")
    assert "تاریخ نامه نمی‌تواند در آینده باشد" in group_texts(desk)[-1]
    await say_in_group(desk, ali, "۱۴۰۵/۰۹/۰۱")
    await say_in_group(desk, ali, "-")  # no name in the letter
    await say_in_group(desk, ali, "۰۹۱۲")
    assert "این شماره همراه معتبر نیست" in group_texts(desk)[-1]

    async with desk.repo() as repo:
        draft = await repo.session.scalar(select(Draft))
        assert draft is not None and draft.form == "referral"
        assert draft.step.endswith("complainant_mobile")
        assert draft.data["body"] == "ecommerce_center" and draft.data["body_name"] is None
        assert draft.data["letter_number"] == "۵۵۵/الف"
        assert draft.data["letter_date"] == "2026-11-22"
        assert draft.data["complainant_name"] is None


async def test_refer_takes_up_the_form_left_open_after_a_restart(desk: Desk) -> None:
    ali = clerk()
    await say_in_group(desk, ali, "/refer")
    await press_on_group(desk, ali, "اتاق اصناف")
    await say_in_group(desk, ali, "۹۸۷۶")
    await desk.restart()

    await say_in_group(desk, ali, "/refer")

    assert "از همان مرحله ادامه می‌یابد" in group_texts(desk)[-2]
    assert "تاریخ نامه را بنویسید" in group_texts(desk)[-1]
    await say_in_group(desk, ali, "۱۴۰۵/۰۸/۲۵")
    assert "نام شاکی" in group_texts(desk)[-1]


async def test_cancel_drops_the_form(desk: Desk) -> None:
    ali = clerk()
    await say_in_group(desk, ali, "/refer")
    await press_on_group(desk, ali, "اتاق اصناف")
    await say_in_group(desk, ali, "/cancel")

    assert "فرم شکایت ارجاعی کنار گذاشته شد" in group_texts(desk)[-1]
    await say_in_group(desk, ali, "۹۸۷۶")  # no longer an answer
    async with desk.repo() as repo:
        assert await repo.session.scalar(select(Draft.id)) is None
        assert await repo.session.scalar(select(Case.id)) is None


async def test_someone_who_is_not_a_clerk_there_cannot_refer(desk: Desk) -> None:
    await say_in_group(desk, second_clerk(), "/refer")

    assert "فقط از کارشناسان عضو این گروه پذیرفته می‌شود" in group_texts(desk)[-1]
    assert not any("مرحله ۱ از" in text for text in group_texts(desk))


# --- the complainant ------------------------------------------------------------------------


async def test_the_complainant_verifies_the_mobile_on_bale_and_finds_the_case(
    desk: Desk, reza: Person
) -> None:
    await referred(desk)
    await desk.drain()
    case = await the_case(desk)
    code = format_code(case.code, "fa")

    await desk.say(reza, "/mycases")
    assert "هنوز پرونده‌ای ندارید" in desk.last_text(reza)
    assert "شماره همراه خود را با دکمه" in desk.last_text(reza)
    assert keyboard(desk, reza)["keyboard"][0][0]["request_contact"] is True

    await desk.share_contact(reza, "989123456789", owner_id=reza.id)

    listed = desk.last_text(reza)
    assert "پرونده‌های شما" in listed and "فروشگاه نمونه" in listed and code in listed
    assert "شماره همراه شما تأیید شد" in desk.to(reza)[-2].text
    case = await the_case(desk)
    assert case.citizen_id == await user_id(desk, reza) and case.platform == "bale"
    assert (await events_of(desk, case))[-1].action == "complainant_linked"
    await desk.drain()
    told = desk.last_text(reza)
    assert "سازمان صنعت، معدن و تجارت استان اصفهان" in told and LETTER_NUMBER in told
    assert "به نام شما ثبت شده است" in told and "<b>" not in told  # Bale reads no HTML

    await desk.say(reza, f"/track {code}")
    tracked = desk.last_text(reza)
    assert "منتظر بررسی کارشناس" in tracked and "شکایت ارجاعی از نهاد دیگر ثبت شد" in tracked


async def test_the_complainant_is_told_of_the_next_change(desk: Desk, reza: Person) -> None:
    await referred(desk)
    await desk.drain()
    await desk.say(reza, "/mycases")
    await desk.share_contact(reza, "+98 912 345 6789", owner_id=reza.id)
    await desk.drain()

    await press_on_group(desk, clerk(), "پذیرفتن")
    await desk.drain()

    assert "پرونده شما به کارشناس سپرده شد" in desk.last_text(reza)
    assert "در دست اقدام" in group_texts(desk)[-1]


async def test_nobody_else_sees_the_referred_case(desk: Desk, sara: Person, reza: Person) -> None:
    await referred(desk)
    await desk.drain()
    code = format_code((await the_case(desk)).code, "en")

    await desk.say(sara, "/mycases")
    await desk.share_contact(sara, "+989350000000", owner_id=sara.id)
    await desk.say(sara, f"/track {code}")

    assert "پیدا نشد" in desk.last_text(sara)
    assert (await the_case(desk)).citizen_id is None
    # Someone else's number, shared as a contact, verifies nothing.
    await desk.say(reza, "/mycases")
    await desk.share_contact(reza, "989123456789", owner_id=sara.id)
    assert "متعلق به حساب شما نیست" in desk.last_text(reza)
    assert (await the_case(desk)).citizen_id is None


async def test_a_complainant_verified_before_is_told_at_registration(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, "/mycases")
    await desk.share_contact(sara, "+989123456789", owner_id=sara.id)

    await referred(desk)

    assert "ثبت پرونده به او خبر داده شد" in group_texts(desk)[-2]
    case = await the_case(desk)
    assert (case.citizen_id, case.platform) == (await user_id(desk, sara), "telegram")
    await desk.drain()
    assert "<b>" in desk.last_text(sara) and "به نام شما ثبت شده است" in desk.last_text(sara)
    card = next(r for r in group_messages(desk) if "شکایت تازه" in r.text)
    assert "مریم کاظمی (تلگرام)" in card.text


async def test_each_notice_looks_for_the_complainant_by_the_letters_mobile(
    desk: Desk, reza: Person
) -> None:
    await referred(desk)
    await desk.drain()
    # A number verified on the desk by a way that links nothing (an older release, say).
    await desk.say(reza, "/start")
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(reza.platform, reza.id)
        assert user is not None
        user.phone, user.phone_verified_at = MOBILE, desk.clock.now()
        await repo.commit()

    await press_on_group(desk, clerk(), "پذیرفتن")
    await desk.drain()

    assert "پرونده شما به کارشناس سپرده شد" in desk.last_text(reza)
    case = await the_case(desk)
    assert case.citizen_id == await user_id(desk, reza)
    await desk.say(reza, "/mycases")
    assert "فروشگاه نمونه" in desk.last_text(reza)


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.BALE])
async def test_a_person_with_a_verified_mobile_is_not_offered_to_share_it(
    desk: Desk, platform: Platform
) -> None:
    person = Person(platform, 5005)
    await desk.say(person, "/mycases")
    await desk.share_contact(person, "+989121111111", owner_id=person.id)

    await desk.say(person, "/mycases")

    assert "شماره همراه خود را با دکمه" not in desk.last_text(person)
    assert "keyboard" not in keyboard(desk, person)


async def test_a_clerk_hears_when_the_complainant_is_not_on_the_desk_yet(desk: Desk) -> None:
    await referred(desk)
    await desk.drain()
    case = await the_case(desk)
    assert case.staff_message_id is not None

    await press_on_group(desk, clerk(), "پرسش از شاکی")
    await say_in_group(desk, clerk(), "رسید پرداخت را بفرستید.")
    assert "هنوز در پیشخوان نیست" in group_texts(desk)[-1]
    await say_in_group(
        desk, clerk(), "سلام، پرونده شما بررسی می‌شود.", reply_to=case.staff_message_id
    )
    assert "پیام به او فرستاده نشد" in group_texts(desk)[-1]

    async with desk.repo() as repo:
        assert [e.action for e in await repo.cases.events_of(case.id)] == ["referred"]


# --- the migration ----------------------------------------------------------------------------

_BEFORE = [
    "INSERT INTO users (id, platform, platform_user_id, first_name, is_banned, ban_notified,"
    " created_at, updated_at) VALUES (1, 'telegram', 5001, 'Sara', 0, 0, :at, :at)",
    "INSERT INTO cases (id, code, kind, queue, status, subject, business_name, business_key,"
    " description, citizen_id, contact_name, platform, locale, received_at, clock_started_at,"
    " status_changed_at, closed_by_withdrawal, objection_used, opinion, created_at, updated_at)"
    " VALUES (:id, :code, 'complaint', 'complaints', :status, 'guild_law', 'فروشگاه',"
    " 'فروشگاه', 'شرح', 1, 'Sara', 'telegram', 'fa', :at, :at, :at, :withdrawn, 0, :opinion,"
    " :at, :at)",
    "INSERT INTO case_events (case_id, at, actor_role, action) VALUES (:id, :at, 'citizen',"
    " 'filed')",
    "INSERT INTO case_messages (case_id, kind, text, at) VALUES (:id, 'message', 'سلام', :at)",
]


def test_the_migration_keeps_every_cases_history_and_says_why_closed_ones_closed(
    tmp_path: Path,
) -> None:
    database = tmp_path / "before.sqlite3"
    url = f"sqlite+aiosqlite:///{database}"
    upgrade(url, "0014_parties")
    cases = [
        (1, "1000000013", "closed", 1, None),
        (2, "1000000021", "closed", 0, "no_violation"),
        (3, "1000000039", "closed", 0, None),
        (4, "1000000047", "in_progress", 0, None),
    ]
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute(_BEFORE[0], {"at": "2026-11-22 10:00:00"})
        for case_id, code, status, withdrawn, opinion in cases:
            values = {
                "id": case_id,
                "code": code,
                "status": status,
                "withdrawn": withdrawn,
                "opinion": opinion,
                "at": "2026-11-22 10:00:00",
            }
            for statement in _BEFORE[1:]:
                connection.execute(statement, values)

    upgrade(url)

    with closing(sqlite3.connect(database)) as connection:
        # Rebuilding the table to let a case have no account yet deleted nothing that hangs
        # from it.
        assert connection.execute("SELECT count(*) FROM case_events").fetchone() == (4,)
        assert connection.execute("SELECT count(*) FROM case_messages").fetchone() == (4,)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = connection.execute(
            "SELECT id, closing_reason, source_kind FROM cases ORDER BY id"
        ).fetchall()
    assert rows == [
        (1, "withdrawal", "chat"),
        (2, "no_violation", "chat"),
        (3, "supervision", "chat"),
        (4, None, "chat"),
    ]


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.BALE])
async def test_a_citizen_who_tries_refer_is_told_it_is_for_staff(
    desk: Desk, platform: Platform
) -> None:
    citizen = Person(platform, 5009)

    await desk.say(citizen, "/refer")
    await desk.say(citizen, "/agree 12345-67890 توافق شد")

    told = desk.api[platform].texts(citizen.id)
    assert len(told) == 2 and all("فقط برای کارشناسان و مدیران" in text for text in told)
    async with desk.repo() as repo:
        assert await repo.session.scalar(select(Draft.id)) is None
