"""The process restarts while a citizen is filling the form: nothing typed is lost.

On the embedded stack the conversation state lives in memory and is gone after a restart; the
draft in the database brings the form back. On the Redis stack the state survives by itself.
"""

from __future__ import annotations

from sqlalchemy import select

from models.tables import Attachment, Case
from tests.desk import Desk, Person
from tests.forms import (
    DESCRIPTION,
    answer_from,
    answer_until,
    count_cases,
    draft_of,
    form_in_db,
    step_of,
)


async def the_case(desk: Desk) -> Case:
    async with desk.repo() as repo:
        case: Case | None = await repo.session.scalar(select(Case))
        assert case is not None
        return case


async def test_a_restart_mid_form_resumes_at_the_same_step_with_the_answers(
    desk: Desk, sara: Person
) -> None:
    await answer_until(desk, sara, "order_date")
    before = await form_in_db(desk, sara)
    await desk.restart()

    await desk.say(sara, "۱۴۰۵/۰۸/۲۵")  # the answer to the step she was at
    form = await form_in_db(desk, sara)
    assert before is not None and form is not None
    assert form[0] == step_of("order_amount")
    assert form[1] == before[1] | {"order_date": "2026-11-16"}
    assert "مبلغ پرداختی" in desk.last_text(sara)

    await answer_from(desk, sara, "order_amount")
    assert "شکایت شما ثبت شد" in desk.last_text(sara)
    case = await the_case(desk)
    assert case.business_name == "فروشگاه نمونه"
    assert case.business_url == "shop.ir"
    assert case.subject == "guild_law"
    assert case.description == DESCRIPTION
    assert case.order_number == "ORD-98765"
    assert str(case.order_date) == "2026-11-16"
    assert case.order_amount == 2_500_000
    assert case.contact_phone == "+989123456789"
    assert await draft_of(desk, sara) is None


async def test_a_restart_while_attachments_are_coming_keeps_them(desk: Desk, sara: Person) -> None:
    await answer_until(desk, sara, "attachments")
    await desk.photo(sara, "first-shot")
    await desk.restart()

    await desk.photo(sara, "second-shot")
    assert "فایل ۲ از ۵" in desk.last_text(sara)
    await answer_from(desk, sara, "attachments")
    case = await the_case(desk)
    async with desk.repo() as repo:
        files = (await repo.session.scalars(select(Attachment.file_id))).all()
    assert case.code and sorted(files) == ["first-shot", "second-shot"]


async def test_a_restart_at_the_summary_then_confirm_files_the_case(
    desk: Desk, sara: Person
) -> None:
    await answer_until(desk, sara, "confirm")
    await desk.restart()

    await desk.press_button(sara, "تأیید و ثبت نهایی")
    assert "شکایت شما ثبت شد" in desk.last_text(sara)
    assert await count_cases(desk) == 1
    case = await the_case(desk)
    assert case.business_name == "فروشگاه نمونه" and case.order_amount == 2_500_000
    assert await draft_of(desk, sara) is None


async def test_complaint_after_a_restart_offers_to_continue_and_continuing_works(
    desk: Desk, sara: Person
) -> None:
    await answer_until(desk, sara, "description")
    before = await form_in_db(desk, sara)
    await desk.restart()

    await desk.say(sara, "/complaint")
    offer = desk.to(sara)[-1]
    assert "شکایت نیمه‌کاره" in offer.text
    assert [label for label, _ in offer.buttons()] == ["ادامه همان شکایت", "شروع از ابتدا"]
    await desk.press_button(sara, "ادامه همان شکایت")
    assert "شرح شکایت را بنویسید" in desk.last_text(sara)
    assert await form_in_db(desk, sara) == before

    await desk.say(sara, DESCRIPTION)
    form = await form_in_db(desk, sara)
    assert form is not None and before is not None
    assert form == (step_of("order_number"), before[1] | {"description": DESCRIPTION})


async def test_complaint_after_a_restart_offers_to_start_over_and_starting_over_works(
    desk: Desk, sara: Person
) -> None:
    await answer_until(desk, sara, "description")
    await desk.restart()

    await desk.say(sara, "/complaint")
    await desk.press_button(sara, "شروع از ابتدا")
    assert "نام کسب‌وکاری که از آن شکایت دارید" in desk.last_text(sara)
    assert await form_in_db(desk, sara) == (step_of("business_name"), {})

    await desk.say(sara, "فروشگاه دیگر")
    form = await form_in_db(desk, sara)
    assert form == (step_of("website"), {"business_name": "فروشگاه دیگر"})
