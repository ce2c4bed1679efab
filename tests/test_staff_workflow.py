"""A clerk in the staff group drives complaints through the statutory workflow.

One case goes by the card's buttons from receipt to closing; another by commands to the
Government Discretionary Punishments Organization (Taazirat). The clock starts on Sunday
1 Azar 1405 (22 November 2026), 10:00 in Tehran; the office works Saturday to Wednesday.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import func, select

from models.tables import AuditEntry, CaseEvent, CaseMessage, OutboxMessage, User
from services.calendar import TEHRAN
from services.formatting import format_code
from tests.desk import Desk, Person
from tests.forms import file_usual_complaint
from tests.staff import (
    STAFF_CHAT,
    Staff,
    admin,
    answers,
    button_labels,
    clerk,
    group_messages,
    group_texts,
    list_as_clerk,
    newest_with_button,
    outbox_rows,
    press_in_group,
    press_on_group,
    say_in_group,
    second_clerk,
    the_case,
)


def tehran(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TEHRAN)


async def filed(desk: Desk, citizen: Person) -> str:
    """The citizen files the usual complaint and the outbox goes out; the code as typed."""
    await file_usual_complaint(desk, citizen)
    await desk.drain()
    case = await the_case(desk)
    return format_code(case.code, "en")


async def user_of(desk: Desk, person: Person) -> User:
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(person.platform, person.id)
        assert user is not None
        return user


async def events(desk: Desk) -> list[CaseEvent]:
    async with desk.repo() as repo:
        return list(await repo.session.scalars(select(CaseEvent).order_by(CaseEvent.id)))


async def citizen_hears(desk: Desk, citizen: Person) -> str:
    """Send what waits in the outbox; the newest message the citizen received."""
    await desk.drain()
    return desk.last_text(citizen)


# --- the card and its buttons ---------------------------------------------------------------


async def test_the_staff_card_offers_exactly_the_moves_allowed(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)

    card = group_messages(desk)[0]
    assert "شکایت تازه" in card.text
    assert button_labels(card) == [
        "🙋 پذیرفتن پرونده",
        "ارجاع به کمیسیون شکایت",
        "ارجاع به کمیته نظارت",
        "🤝 سازش طرفین",
        "ابطال",
        "❓ پرسش از شاکی",
        "📝 یادداشت داخلی",
    ]


async def test_claim_takes_the_case_and_tells_the_citizen(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)

    await press_on_group(desk, ali, "پذیرفتن")

    assert "در دست اقدام" in group_texts(desk)[-1] and "Ali Moradi" in group_texts(desk)[-1]
    case = await the_case(desk)
    assert case.status == "in_progress"
    assert case.assignee_id == (await user_of(desk, ali)).id
    assert "به کارشناس سپرده شد" in await citizen_hears(desk, sara)
    redrawn = desk.api[ali.platform].sent("editMessageReplyMarkup", chat_id=STAFF_CHAT)[-1]
    assert int(redrawn.params["message_id"]) == case.staff_message_id
    assert "🙋 پذیرفتن پرونده" not in button_labels(redrawn)
    assert "ارجاع به کمیسیون شکایت" in button_labels(redrawn)


async def test_a_double_tap_on_claim_changes_nothing_the_second_time(
    desk: Desk, sara: Person
) -> None:
    ali, neda = clerk(), second_clerk()
    await list_as_clerk(desk, neda)  # a clerk by the staff list, not by the group
    await filed(desk, sara)
    message_id, card, claim = newest_with_button(desk, "پذیرفتن")

    await press_in_group(desk, ali, claim, message_id=message_id, request=card)
    before = await events(desk)
    await press_in_group(desk, neda, claim, message_id=message_id, request=card)

    assert "این دکمه قدیمی است" in answers(desk, neda)[-1]
    assert "در دست اقدام" in answers(desk, neda)[-1]
    case = await the_case(desk)
    assert case.status == "in_progress"
    assert case.assignee_id == (await user_of(desk, ali)).id
    assert len(await events(desk)) == len(before)


async def test_referral_to_the_commission_starts_its_five_days(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)
    await press_on_group(desk, ali, "پذیرفتن")
    desk.clock.set(tehran(2026, 11, 22, 11, 0))

    await press_on_group(desk, ali, "ارجاع به کمیسیون")

    case = await the_case(desk)
    assert case.status == "referred_commission"
    assert case.step == "commission"
    # Five days from Sunday is Friday, a day off: the period runs to Saturday's closing.
    assert case.step_due_at == tehran(2026, 11, 28, 16, 0)
    assert case.overall_due_at == tehran(2026, 12, 2, 16, 0)
    assert "کمیسیون رسیدگی به شکایات ارجاع شد" in await citizen_hears(desk, sara)


async def test_the_commissions_opinion_by_its_buttons_starts_the_decision_step(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    await filed(desk, sara)
    await press_on_group(desk, ali, "ارجاع به کمیسیون")
    desk.clock.set(tehran(2026, 11, 25, 10, 0))  # Wednesday

    await press_on_group(desk, ali, "ثبت نظر کمیسیون")
    assert "نظر کمیسیون درباره پرونده" in group_texts(desk)[-1]
    await press_on_group(desk, ali, "تخلفی احراز نشد")

    case = await the_case(desk)
    assert case.status == "referred_commission"
    assert case.opinion == "no_violation"
    assert case.opinion_at == tehran(2026, 11, 25, 10, 0)
    assert case.step == "decision"
    assert case.step_due_at == tehran(2026, 11, 30, 16, 0)  # Sat, Sun, Mon: 3 working days
    assert "کمیسیون نظر خود را" in await citizen_hears(desk, sara)
    # The clerk's next moves come with the confirmation.
    assert "مختومه کردن" in button_labels(group_messages(desk)[-1])


async def test_a_clerk_can_cancel_a_prompt_with_cancel(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)
    await press_on_group(desk, ali, "ابطال")
    assert "دلیل «ابطال»" in group_messages(desk)[-1].text

    await say_in_group(desk, ali, "/cancel")
    await say_in_group(desk, ali, "این متن دلیل ابطال نیست.")

    assert "لغو شد" in "\n".join(group_texts(desk))
    case = await the_case(desk)
    assert case.status == "awaiting_review"
    assert [e.action for e in await events(desk)] == ["filed"]


async def test_closing_asks_for_the_reason_and_tells_the_citizen(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)
    await press_on_group(desk, ali, "ارجاع به کمیسیون")
    await press_on_group(desk, ali, "ثبت نظر کمیسیون")
    await press_on_group(desk, ali, "تخلفی احراز نشد")

    await press_on_group(desk, ali, "مختومه کردن")
    prompt = group_messages(desk)[-1]
    assert "دلیل «مختومه کردن»" in prompt.text
    assert prompt.markup().get("force_reply") is True
    assert (await the_case(desk)).status == "referred_commission"

    await say_in_group(desk, ali, "فروشنده کالا را ارسال کرد و شاکی رضایت داد.")

    case = await the_case(desk)
    assert case.status == "closed"
    assert case.step is None and case.step_due_at is None and case.overall_due_at is None
    assert case.decided_at == desk.clock.now()
    told = await citizen_hears(desk, sara)
    assert "مختومه شد" in told
    assert "فروشنده کالا را ارسال کرد و شاکی رضایت داد." in told
    assert "/object" in told
    closing = (await events(desk))[-1]
    assert (closing.action, closing.to_status) == ("close", "closed")
    assert closing.note == "فروشنده کالا را ارسال کرد و شاکی رضایت داد."


# --- the same by commands -------------------------------------------------------------------


async def test_case_command_shows_the_card_with_its_history(desk: Desk, sara: Person) -> None:
    ali = clerk()
    code = await filed(desk, sara)
    await press_on_group(desk, ali, "پذیرفتن")

    await say_in_group(desk, ali, f"/case {code}")

    shown = group_messages(desk)[-1]
    assert format_code(code, "fa") in shown.text
    assert "در دست اقدام" in shown.text
    assert "Ali Moradi" in shown.text  # the assignee
    assert "پذیرفتن پرونده توسط کارشناس" in shown.text  # the history
    assert "۳ آذر ۱۴۰۵، ساعت ۱۶:۰۰" in shown.text  # the referral deadline
    assert "ارجاع به کمیسیون شکایت" in button_labels(shown)


async def test_commands_take_a_case_to_taazirat(desk: Desk, sara: Person) -> None:
    ali = clerk()
    code = await filed(desk, sara)

    await say_in_group(desk, ali, f"/status {code} referred_commission")
    await say_in_group(desk, ali, f"/opinion {code} violation")
    assert (await the_case(desk)).step == "decision"
    desk.clock.set(tehran(2026, 11, 24, 9, 0))
    await say_in_group(desk, ali, f"/status {code} referred_judicial")

    assert "مراجع قضایی" in group_texts(desk)[-1]
    case = await the_case(desk)
    assert case.status == "referred_judicial"
    assert case.opinion == "violation"
    assert case.step == "judicial"
    assert case.step_due_at == tehran(2026, 12, 8, 16, 0)  # two weeks, followed up
    assert case.overall_due_at is None
    assert "تعزیرات حکومتی ارسال شد" in await citizen_hears(desk, sara)
    assert [(e.action, e.to_status) for e in await events(desk)] == [
        ("filed", "awaiting_review"),
        ("refer_to_commission", "referred_commission"),
        ("record_opinion", "referred_commission"),
        ("refer_to_judicial", "referred_judicial"),
    ]


async def test_status_takes_a_persian_label_and_a_reason(desk: Desk, sara: Person) -> None:
    ali = clerk()
    code = await filed(desk, sara)

    await say_in_group(desk, ali, f"/status {code} باطل شده تکراری است")

    assert "باطل شده" in group_texts(desk)[-1]
    case = await the_case(desk)
    assert case.status == "voided"
    assert "تکراری است" in await citizen_hears(desk, sara)


async def test_assign_by_username_tells_the_clerk(desk: Desk, sara: Person) -> None:
    ali, neda = clerk(), second_clerk()
    await desk.say(neda, "/start")  # the desk knows her
    code = await filed(desk, sara)

    await say_in_group(desk, ali, f"/assign {code} @Neda_S")

    assert "Neda Samadi" in group_texts(desk)[-1]
    case = await the_case(desk)
    assert case.assignee_id == (await user_of(desk, neda)).id
    await desk.drain()
    assert "به شما سپرده شد" in desk.last_text(neda)
    assigned = (await events(desk))[-1]
    assert (assigned.action, assigned.actor_role) == ("assigned", "clerk")


async def test_assign_by_platform_and_id(desk: Desk, sara: Person) -> None:
    ali, neda = clerk(), second_clerk()
    await desk.say(neda, "/start")
    code = await filed(desk, sara)

    await say_in_group(desk, ali, f"/assign {code} telegram:{neda.id}")

    assert (await the_case(desk)).assignee_id == (await user_of(desk, neda)).id


async def test_assign_to_someone_unknown_is_refused(desk: Desk, sara: Person) -> None:
    ali = clerk()
    code = await filed(desk, sara)

    await say_in_group(desk, ali, f"/assign {code} @nobody_here")

    assert "نمی‌شناسیم" in group_texts(desk)[-1]
    assert (await the_case(desk)).assignee_id is None


async def test_an_illegal_move_is_refused_and_nothing_changes(desk: Desk, sara: Person) -> None:
    ali = clerk()
    code = await filed(desk, sara)
    before = await the_case(desk)

    await say_in_group(desk, ali, f"/status {code} closed")

    refusal = group_texts(desk)[-1]
    assert "در وضعیت «منتظر بررسی کارشناس» است و از آن نمی‌توان به «مختومه» رفت" in refusal
    # What may be done instead, as the commands that do it.
    shown = format_code(before.code, "fa")
    for status in ("در دست اقدام", "کمیسیون", "کمیته نظارت", "باطل"):
        assert f"<code>/status {shown} {status}</code>" in refusal
    case = await the_case(desk)
    assert (case.status, case.step_due_at, case.decided_at) == (
        before.status,
        before.step_due_at,
        None,
    )
    assert [e.action for e in await events(desk)] == ["filed"]


async def test_closing_against_the_commissions_opinion_is_refused(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    code = await filed(desk, sara)
    await say_in_group(desk, ali, f"/status {code} referred_commission")
    await say_in_group(desk, ali, f"/opinion {code} violation")

    await say_in_group(desk, ali, f"/status {code} closed بدون دلیل قانع‌کننده")

    assert "باید به تعزیرات ارجاع شود" in group_texts(desk)[-1]
    assert (await the_case(desk)).status == "referred_commission"


async def test_a_second_opinion_is_refused(desk: Desk, sara: Person) -> None:
    ali = clerk()
    code = await filed(desk, sara)
    await say_in_group(desk, ali, f"/status {code} referred_commission")
    await say_in_group(desk, ali, f"/opinion {code} violation")

    await say_in_group(desk, ali, f"/opinion {code} no_violation")

    assert "قبلاً ثبت شده" in group_texts(desk)[-1]
    assert (await the_case(desk)).opinion == "violation"


async def test_a_citizen_is_not_staff_in_private(desk: Desk, sara: Person, reza: Person) -> None:
    code = await filed(desk, sara)

    await desk.say(reza, f"/status {code} closed")
    assert "فقط برای کارشناسان و مدیران" in desk.last_text(reza)
    await desk.say(reza, f"/case {code}")
    assert "فقط برای کارشناسان و مدیران" in desk.last_text(reza)
    await desk.say(sara, f"/status {code} referred_commission")
    assert "فقط برای کارشناسان و مدیران" in desk.last_text(sara)

    case = await the_case(desk)
    assert case.status == "awaiting_review"
    assert [e.action for e in await events(desk)] == ["filed"]
    async with desk.repo() as repo:
        refused = (
            await repo.session.scalars(select(AuditEntry).where(AuditEntry.action == "refused"))
        ).all()
        assert [entry.detail for entry in refused] == ["/status", "/case", "/status"]


async def test_a_staff_button_pressed_outside_the_staff_group_does_nothing(
    desk: Desk, sara: Person
) -> None:
    await filed(desk, sara)
    _, _, claim = newest_with_button(desk, "پذیرفتن")

    await desk.press(sara, claim)  # a forged or forwarded button, in her private chat

    assert "فقط برای کارشناسان و مدیران" in answers(desk, sara)[-1]
    case = await the_case(desk)
    assert (case.status, case.assignee_id) == ("awaiting_review", None)


async def test_an_admin_may_use_staff_commands_in_private(desk: Desk, sara: Person) -> None:
    mina = admin()
    code = await filed(desk, sara)

    await desk.say(mina, f"/status {code} referred_commission")

    assert (await the_case(desk)).status == "referred_commission"
    moved = (await events(desk))[-1]
    assert (moved.actor_role, moved.platform) == ("admin", "telegram")


# --- questions and notes --------------------------------------------------------------------


async def answers_stored(desk: Desk) -> int:
    async with desk.repo() as repo:
        count = await repo.session.scalar(
            select(func.count(CaseMessage.id)).where(CaseMessage.kind == "answer")
        )
        return int(count or 0)


async def ask(desk: Desk, clerk_: Staff, question: str) -> None:
    await press_on_group(desk, clerk_, "پرسش از شاکی")
    await say_in_group(desk, clerk_, question)


async def test_a_clerks_question_reaches_the_citizen(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)

    await press_on_group(desk, ali, "پرسش از شاکی")
    prompt = group_messages(desk)[-1]
    assert "پرسش خود از شاکی" in prompt.text
    assert prompt.markup().get("force_reply") is True
    await say_in_group(desk, ali, "لطفا تصویر فاکتور را بفرستید.")

    assert "فرستاده شد" in group_texts(desk)[-1]
    question = await citizen_hears(desk, sara)
    assert "پرسش کارشناس" in question and "لطفا تصویر فاکتور را بفرستید." in question
    async with desk.repo() as repo:
        stored = await repo.session.scalar(select(CaseMessage))
        assert stored is not None
        assert (stored.kind, stored.text, stored.answered_at) == (
            "question",
            "لطفا تصویر فاکتور را بفرستید.",
            None,
        )
    assert (await events(desk))[-1].action == "asked"


async def test_the_citizens_reply_to_the_question_comes_back_under_the_card(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    await filed(desk, sara)
    await ask(desk, ali, "شماره سفارش دقیق چیست؟")
    await desk.drain()
    (delivered,) = await outbox_rows(desk, "question")
    assert delivered.sent_message_id is not None

    await desk.say(
        sara,
        "شماره سفارش ORD-98765 است.",
        reply_to_message={
            "message_id": delivered.sent_message_id,
            "date": int(desk.clock.now().timestamp()),
            "chat": {"id": sara.id, "type": "private", "first_name": sara.first_name},
            "from": {"id": 700001, "is_bot": True, "first_name": "Pishkhan"},
            "text": "پرسش کارشناس",
        },
    )

    assert "به کارشناس رسید" in desk.last_text(sara)
    await desk.drain()
    back = group_messages(desk)[-1]
    assert "پاسخ شاکی" in back.text and "ORD-98765" in back.text
    assert "شماره سفارش دقیق چیست؟" in back.text
    case = await the_case(desk)
    assert json.loads(back.params["reply_parameters"])["message_id"] == case.staff_message_id
    async with desk.repo() as repo:
        kinds = list(await repo.session.scalars(select(CaseMessage.kind).order_by(CaseMessage.id)))
        assert kinds == ["question", "answer"]
        assert await repo.session.scalar(
            select(func.count(CaseMessage.id)).where(CaseMessage.answered_at.is_not(None))
        )


async def test_plain_text_answers_the_only_open_question(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)
    await ask(desk, ali, "تاریخ دقیق خرید؟")
    await desk.drain()

    await desk.say(sara, "بیست و پنجم آبان")

    assert "به کارشناس رسید" in desk.last_text(sara)
    await desk.drain()
    assert "بیست و پنجم آبان" in group_texts(desk)[-1]


async def test_with_two_open_questions_plain_text_asks_which(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)
    await ask(desk, ali, "تاریخ دقیق خرید؟")
    await ask(desk, ali, "مبلغ دقیق؟")
    await desk.drain()

    await desk.say(sara, "نمی‌دانم")

    assert "چند پرسش بی‌پاسخ دارید" in desk.last_text(sara)
    assert await answers_stored(desk) == 0


async def test_the_main_menu_is_not_taken_for_an_answer(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)
    await ask(desk, ali, "تاریخ دقیق خرید؟")
    await desk.drain()

    await desk.say(sara, "📂 پرونده‌های من")

    assert "به کارشناس رسید" not in desk.last_text(sara)
    assert "فروشگاه نمونه" in desk.last_text(sara)  # her cases, as the menu promised
    assert await answers_stored(desk) == 0


async def test_an_internal_note_is_kept_and_never_sent_to_the_citizen(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    await filed(desk, sara)
    heard_before = len(desk.to(sara))

    await press_on_group(desk, ali, "یادداشت داخلی")
    await say_in_group(desk, ali, "فروشنده سابقه دو شکایت مشابه دارد.")
    async with desk.repo() as repo:  # what waits to be sent (emptied once it is)
        waiting = await repo.session.scalars(select(OutboxMessage.payload))
        assert not any("سابقه دو شکایت" in payload.get("text", "") for payload in waiting)
    await desk.drain()

    assert "یادداشت پرونده" in group_texts(desk)[-1]
    assert len(desk.to(sara)) == heard_before
    async with desk.repo() as repo:
        note = await repo.session.scalar(select(CaseMessage))
        assert note is not None and note.kind == "note"
        assert note.text == "فروشنده سابقه دو شکایت مشابه دارد."
    noted = (await events(desk))[-1]
    assert (noted.action, noted.note) == ("note", "فروشنده سابقه دو شکایت مشابه دارد.")


async def test_every_move_is_audited_with_actor_role_and_platform(
    desk: Desk, sara: Person
) -> None:
    ali = clerk()
    await filed(desk, sara)
    await press_on_group(desk, ali, "پذیرفتن")
    desk.clock.advance(timedelta(minutes=30))
    await press_on_group(desk, ali, "ارجاع به کمیسیون")

    ali_id = (await user_of(desk, ali)).id
    moves = (await events(desk))[1:]
    assert [
        (e.action, e.from_status, e.to_status, e.actor_id, e.actor_role, e.platform) for e in moves
    ] == [
        ("claim", "awaiting_review", "in_progress", ali_id, "clerk", "telegram"),
        ("refer_to_commission", "in_progress", "referred_commission", ali_id, "clerk", "telegram"),
    ]
    assert moves[1].at == tehran(2026, 11, 22, 10, 30)
