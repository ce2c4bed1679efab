"""Staff read and type the desk's statuses, opinions, queues, settings and people in Persian.

Every command that takes a status, an opinion, a queue or a setting takes any of its names
(its key, its label, a shorter name; with Arabic ي/ك, a half-space or a space); what the desk
says names them in words and names people by name and @username, never by a key or an id.
The clock starts on Sunday 1 Azar 1405, 10:00 in Tehran.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tables import CaseEvent, CertificateRequest, QueuePolicy, StaffMember
from services.formatting import format_code
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.fakes import Request
from tests.identifiers import identifiers_in
from tests.staff import (
    Staff,
    admin,
    answers,
    button_labels,
    clerk,
    group_messages,
    group_texts,
    list_as_clerk,
    message_id_of,
    newest_with_button,
    press_in_group,
    press_on_group,
    say_in_group,
    second_clerk,
    the_case,
)
from tests.test_staff_workflow import events, filed

ADMINS = {
    Platform.TELEGRAM: Staff(Platform.TELEGRAM, 111, "Mina", "Admin", username="mina_admin"),
    Platform.BALE: Staff(Platform.BALE, 222, "Mina", "Admin", username="mina_bale"),
}


# --- statuses and opinions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("باطل‌شده تکراری است", "voided"),  # the label with a half-space
        ("باطل شده تکراری است", "voided"),  # the label with a space
        ("باطل تکراری است", "voided"),  # a word of it that names one status only
        ("voided تکراری است", "voided"),  # the key
        ("كميسيون", "referred_commission"),  # Arabic kaf and yeh
        ("ارجاع به کمیسیون شکایت", "referred_commission"),
        ("کمیته نظارت شاکی عضو اتحادیه است", "referred_supervision"),
    ],
)
async def test_status_takes_any_name_of_a_status(
    desk: Desk, sara: Person, typed: str, status: str
) -> None:
    code = await filed(desk, sara)

    await say_in_group(desk, clerk(), f"/status {code} {typed}")

    case = await the_case(desk)
    assert case.status == status
    assert identifiers_in(group_texts(desk)[-1]) == []


async def test_a_reason_keeps_its_words_as_typed(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)

    await say_in_group(desk, clerk(), f"/status {code} باطل شکایت تکراری (پرونده ۲ closed)")

    voiding = (await events(desk))[-1]
    assert (voiding.action, voiding.note) == ("void", "شکایت تکراری (پرونده ۲ closed)")


async def test_an_unknown_status_is_answered_with_the_names_to_type(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)

    await say_in_group(desk, clerk(), f"/status {code} ارجاع")  # three statuses begin so

    answer = group_texts(desk)[-1]
    assert "وضعیت «ارجاع» شناخته نشد" in answer
    assert "«کمیسیون»، «کمیته نظارت»، «تعزیرات»" in answer
    assert identifiers_in(answer) == []
    assert (await the_case(desk)).status == "awaiting_review"


async def test_the_opinion_by_its_persian_name_shows_in_words_in_the_history(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    code = await filed(desk, sara)
    await say_in_group(desk, ali, f"/status {code} کمیسیون")

    await say_in_group(desk, ali, f"/opinion {code} عدم تخلف")
    await say_in_group(desk, ali, f"/case {code}")

    case = await the_case(desk)
    assert (case.opinion, case.step) == ("no_violation", "decision")
    card = group_texts(desk)[-1]
    assert "ثبت نظر کمیسیون (کارشناس) تخلفی احراز نشد" in card
    assert "<b>نظر کمیسیون:</b> تخلفی احراز نشد" in card
    assert identifiers_in(card) == []


async def test_an_admin_corrects_the_opinion_by_command_with_a_reason(
    desk: Desk, sara: Person
) -> None:
    mina = admin()
    code = await filed(desk, sara)
    await say_in_group(desk, clerk(), f"/status {code} کمیسیون")
    await say_in_group(desk, clerk(), f"/opinion {code} تخلف")

    await desk.say(mina, f"/opinion {code} عدم تخلف")
    assert "دلیل لازم است" in desk.last_text(mina)
    assert "روش استفاده: /opinion" in desk.last_text(mina)
    assert (await the_case(desk)).opinion == "violation"

    await desk.say(mina, f"/opinion {code} عدم تخلف صورت‌جلسه اصلاحی کمیسیون")

    assert (await the_case(desk)).opinion == "no_violation"
    correction = (await events(desk))[-1]
    assert (correction.actor_role, correction.note) == ("admin", "صورت‌جلسه اصلاحی کمیسیون")


# --- the card's buttons ---------------------------------------------------------------------


async def test_once_the_opinion_is_recorded_its_button_is_gone_from_the_card(
    desk: Desk, sara: Person
) -> None:
    ali, mina = clerk(), admin()
    await filed(desk, sara)
    await press_on_group(desk, ali, "ارجاع به کمیسیون")
    message_id, old_keyboard, opinion_button = newest_with_button(desk, "ثبت نظر کمیسیون")

    await press_in_group(desk, ali, opinion_button, message_id=message_id, request=old_keyboard)
    await press_on_group(desk, ali, "تخلفی احراز نشد")

    case = await the_case(desk)
    assert case.opinion == "no_violation"
    card_keyboards = [
        request
        for request in desk.api[Platform.TELEGRAM].sent("editMessageReplyMarkup")
        if int(request.params["message_id"]) == case.staff_message_id
    ]
    assert "ثبت نظر کمیسیون" not in button_labels(card_keyboards[-1])
    assert "مختومه کردن" in button_labels(card_keyboards[-1])
    assert "ثبت نظر کمیسیون" not in button_labels(group_messages(desk)[-1])

    # The admin taps the button on the keyboard drawn before: nothing is asked, nothing changes.
    before = len(group_messages(desk))
    await press_in_group(desk, mina, opinion_button, message_id=message_id, request=old_keyboard)

    assert "دیگر کاربردی ندارد" in answers(desk, mina)[-1]
    assert not any("دلیل" in text for text in group_texts(desk)[before:])
    redrawn = desk.api[Platform.TELEGRAM].sent("editMessageReplyMarkup")[-1]
    assert int(redrawn.params["message_id"]) == message_id
    assert "ثبت نظر کمیسیون" not in button_labels(redrawn)
    assert (await the_case(desk)).opinion == "no_violation"
    assert [e.action for e in await events(desk)][-1] == "record_opinion"


async def test_the_claim_button_says_the_clerk_takes_the_case_on(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)

    card = group_messages(desk)[0]

    assert button_labels(card)[0] == "🙋 پذیرفتن پرونده"
    assert message_id_of(desk, card) == (await the_case(desk)).staff_message_id


# --- people ---------------------------------------------------------------------------------


@pytest.mark.parametrize("platform", list(Platform))
async def test_the_staff_list_names_people_not_ids(desk: Desk, platform: Platform) -> None:
    mina, neda = ADMINS[platform], second_clerk()
    await desk.say(neda, "/start")  # the desk knows her

    await desk.say(mina, "/staff افزودن @neda_s")
    await desk.say(mina, "/staff")

    listed = desk.last_text(mina).replace("\\_", "_")  # Bale's Markdown escapes it
    assert "Neda Samadi (@neda_s) — تلگرام" in listed
    assert "7002" not in listed and "telegram" not in listed
    assert identifiers_in(listed) == []
    async with desk.repo() as repo:
        (member,) = await repo.session.scalars(select(StaffMember))
        assert (member.platform, member.platform_user_id) == ("telegram", neda.id)


async def test_moves_and_assignments_name_the_clerk_with_the_username(
    desk: Desk, sara: Person
) -> None:
    ali, neda = clerk(), second_clerk()
    await list_as_clerk(desk, neda)
    await desk.say(neda, "/start")
    code = await filed(desk, sara)

    await press_on_group(desk, ali, "پذیرفتن")
    assert "(توسط Ali Moradi (@ali_moradi))" in group_texts(desk)[-1]
    await say_in_group(desk, ali, f"/assign {code} @neda_s")

    assert "به Neda Samadi (@neda_s) سپرده شد" in group_texts(desk)[-1]
    await say_in_group(desk, ali, f"/case {code}")
    assert "<b>کارشناس:</b> Neda Samadi (@neda_s)" in group_texts(desk)[-1]


# --- queues and settings (/sla), statuses in /export -----------------------------------------


@pytest.mark.parametrize("platform", list(Platform))
async def test_sla_takes_the_persian_names_of_queues_and_settings(
    desk: Desk, platform: Platform
) -> None:
    mina = ADMINS[platform]

    await desk.say(mina, "/sla شکایات رسیدگی کمیسیون = ۷ مهلت کل=۱۲")

    answer = desk.last_text(mina)
    assert "مهلت‌های صف شکایات تغییر کرد" in answer
    assert identifiers_in(answer) == []
    await desk.say(mina, "/sla تاییدیه ها")
    assert "مهلت‌های صف تأییدیه‌های فنی" in desk.last_text(mina)
    async with desk.repo() as repo:
        policy = await repo.session.get(QueuePolicy, "complaints")
        assert policy is not None
        assert policy.values == {"commission_days": 7, "overall_days": 12}
        assert await repo.session.get(QueuePolicy, "certificates") is None


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("/sla شکایات هفته=۲", "تنظیم «هفته» شناخته نشد. نام‌ها: «ارجاع»، «کمیسیون»"),
        ("/sla شکایات کمیسیون=۴۰۰", "مقدار «کمیسیون» (۴۰۰) بیش از حد مجاز (۳۶۵) است"),
        ("/sla شکایات کمیسیون=هفت", "مقدار «کمیسیون» باید عدد صحیح مثبت باشد"),
        ("/sla پارکینگ", "صف «پارکینگ» شناخته نشد"),
    ],
)
async def test_a_wrong_sla_is_answered_in_persian_names(desk: Desk, typed: str, said: str) -> None:
    mina = ADMINS[Platform.TELEGRAM]

    await desk.say(mina, typed)

    answer = desk.last_text(mina)
    assert said in answer
    assert identifiers_in(answer) == []
    async with desk.repo() as repo:
        assert await repo.session.get(QueuePolicy, "complaints") is None


async def test_export_takes_a_word_of_a_status_and_lists_them_in_persian(
    desk: Desk, sara: Person
) -> None:
    mina = ADMINS[Platform.TELEGRAM]
    code = await filed(desk, sara)
    await say_in_group(desk, clerk(), f"/status {code} باطل تکراری")

    await desk.say(mina, "/export وضعیت باطل")
    document: Request = desk.api[Platform.TELEGRAM].last(chat_id=mina.id)
    assert document.method == "sendDocument"
    assert "وضعیت: باطل شده" in document.text

    await desk.say(mina, "/export status معلق")
    answer = desk.last_text(mina)
    assert "وضعیت «معلق» شناخته نشد" in answer
    assert "«منتظر بررسی»، «در دست اقدام»، «کمیسیون»" in answer
    assert identifiers_in(answer) == []


# --- certificate requests -----------------------------------------------------------------


async def test_cert_takes_persian_verbs_and_statuses(desk: Desk) -> None:
    mina = ADMINS[Platform.TELEGRAM]

    await desk.say(mina, "/cert تازه 09121112233 | سامانه حسابداری ابری | شرکت نمونه")
    async with desk.repo() as repo:
        request = await repo.session.scalar(select(CertificateRequest))
        assert request is not None
    code = format_code(request.code, "fa")
    await desk.say(mina, f"/cert {code} در حال بررسی")

    async with desk.repo() as repo:
        request = await repo.session.scalar(select(CertificateRequest))
        assert request is not None and request.status == "under_review"
    await desk.say(mina, f"/cert {code} نقص ۱۴۰۵/۰۹/۱۵ گواهی ثبت شرکت\nمستندات فنی")
    async with desk.repo() as repo:
        request = await repo.session.scalar(select(CertificateRequest))
        assert request is not None and request.status == "documents_incomplete"
        assert request.missing_documents == ["گواهی ثبت شرکت", "مستندات فنی"]


async def test_the_history_of_a_case_after_a_closure_and_new_deadlines_is_in_words(
    desk: Desk, sara: Person
) -> None:
    mina = ADMINS[Platform.TELEGRAM]
    code = await filed(desk, sara)
    await desk.say(mina, "/holiday افزودن ۱۴۰۵/۰۹/۰۳ تعمیرات")
    await desk.say(mina, "/sla شکایات ارجاع=۳")

    await desk.say(mina, f"/case {code}")

    card = desk.last_text(mina)
    assert "۳ آذر ۱۴۰۵" in card  # the day the office closed
    assert "بررسی و ارجاع به کمیسیون (روز کاری) از ۲ به ۳" in card
    assert identifiers_in(card) == []
    async with desk.repo() as repo:
        actions = list(await repo.session.scalars(select(CaseEvent.action)))
    assert actions == ["filed", "closure_added", "sla_changed"]
