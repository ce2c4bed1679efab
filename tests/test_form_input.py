"""What a citizen types, sends or taps at each step of the complaint form, right or wrong.

Wrong input is answered politely in Persian with what is expected, and the form stays where
it was: the draft in the database keeps its step and its answers, and a right answer then
goes through.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select

from models.tables import Case
from services.normalize import search_key
from tests.desk import Desk, Person
from tests.forms import (
    DESCRIPTION,
    PHONE,
    alerts,
    answer_until,
    button_data,
    count_cases,
    draft_of,
    file_usual_complaint,
    form_in_db,
    state_of,
    step_of,
)

STALE = "این دکمه دیگر فعال نیست."
STICKER = {
    "file_id": "sticker-1",
    "file_unique_id": "u-sticker-1",
    "type": "regular",
    "width": 512,
    "height": 512,
    "is_animated": False,
    "is_video": False,
}
VOICE = {"file_id": "voice-1", "file_unique_id": "u-voice-1", "duration": 3}


async def at_step(desk: Desk, person: Person, step: str) -> tuple[str, dict[str, Any]]:
    """Stand at a step of the form; the draft as it is there."""
    await answer_until(desk, person, step)
    form = await form_in_db(desk, person)
    assert form is not None and form[0] == step_of(step)
    return form


async def answers(desk: Desk, person: Person) -> dict[str, Any]:
    form = await form_in_db(desk, person)
    assert form is not None
    return form[1]


# --- not text where text is asked for ----------------------------------------------------


async def test_a_photo_instead_of_the_business_name_asks_for_text(
    desk: Desk, sara: Person
) -> None:
    before = await at_step(desk, sara, "business_name")
    await desk.photo(sara, "screenshot")

    said = desk.last_text(sara)
    assert "لطفاً" in said and "متن" in said
    assert await form_in_db(desk, sara) == before
    await desk.say(sara, "فروشگاه نمونه")
    assert await form_in_db(desk, sara) == (
        step_of("website"),
        before[1] | {"business_name": "فروشگاه نمونه"},
    )


async def test_a_sticker_instead_of_the_description_asks_for_text(
    desk: Desk, sara: Person
) -> None:
    before = await at_step(desk, sara, "description")
    await desk.send(sara, sticker=STICKER)

    said = desk.last_text(sara)
    assert "لطفاً" in said and "متن" in said
    assert await form_in_db(desk, sara) == before
    await desk.say(sara, DESCRIPTION)
    assert await form_in_db(desk, sara) == (
        step_of("order_number"),
        before[1] | {"description": DESCRIPTION},
    )


async def test_a_voice_message_instead_of_the_amount_asks_for_text(
    desk: Desk, sara: Person
) -> None:
    before = await at_step(desk, sara, "order_amount")
    await desk.send(sara, voice=VOICE)

    said = desk.last_text(sara)
    assert "لطفاً" in said and "متن" in said
    assert await form_in_db(desk, sara) == before
    await desk.say(sara, "۱۲۰٬۰۰۰ ریال")
    assert (await answers(desk, sara))["order_amount"] == 120_000


# --- descriptions -------------------------------------------------------------------------


async def test_a_description_of_ten_thousand_characters_is_refused_with_its_length(
    desk: Desk, sara: Person
) -> None:
    before = await at_step(desk, sara, "description")
    await desk.say(sara, "ب" * 10_000)

    said = desk.last_text(sara)
    assert "۱۰٬۰۰۰" in said  # its length
    assert "۶٬۰۰۰" in said  # the maximum, counted as the platforms count
    assert "لطفاً" in said
    assert await form_in_db(desk, sara) == before
    await desk.say(sara, DESCRIPTION)
    assert (await answers(desk, sara))["description"] == DESCRIPTION


async def test_a_too_short_description_asks_for_more(desk: Desk, sara: Person) -> None:
    before = await at_step(desk, sara, "description")
    await desk.say(sara, "خراب بود")

    said = desk.last_text(sara)
    assert "کوتاه" in said and "۲۰" in said
    assert await form_in_db(desk, sara) == before
    await desk.say(sara, DESCRIPTION)
    assert await form_in_db(desk, sara) == (
        step_of("order_number"),
        before[1] | {"description": DESCRIPTION},
    )


# --- websites, licences, names ------------------------------------------------------------


@pytest.mark.parametrize("typed", ["not a site", "http://"])
async def test_an_invalid_website_is_refused_with_an_example(
    desk: Desk, sara: Person, typed: str
) -> None:
    before = await at_step(desk, sara, "website")
    await desk.say(sara, typed)

    said = desk.last_text(sara)
    assert "معتبر نیست" in said and "example.ir" in said
    assert await form_in_db(desk, sara) == before
    await desk.say(sara, "https://www.Shop.ir/")
    assert (await answers(desk, sara))["website"] == "shop.ir"


async def test_a_licence_number_in_persian_digits_is_kept_in_ascii(
    desk: Desk, sara: Person
) -> None:
    await at_step(desk, sara, "licence")
    await desk.say(sara, "۱۴۰۰-۱۲۳۴۵")

    form = await form_in_db(desk, sara)
    assert form is not None
    assert form[0] == step_of("province")
    assert form[1]["licence_number"] == "1400-12345"


async def test_arabic_letters_in_the_business_name_are_kept_as_typed_and_match_persian(
    desk: Desk, sara: Person
) -> None:
    await at_step(desk, sara, "business_name")
    await desk.say(sara, "شركت كيميا ياب")

    name = (await answers(desk, sara))["business_name"]
    assert name == "شركت كيميا ياب"
    assert search_key(name) == search_key("شرکت کیمیا یاب")


# --- order date and amount ----------------------------------------------------------------


async def test_an_order_date_in_arabic_indic_digits_is_accepted(desk: Desk, sara: Person) -> None:
    await at_step(desk, sara, "order_date")
    await desk.say(sara, "١٤٠٥/٠٨/٢٥")

    form = await form_in_db(desk, sara)
    assert form is not None
    assert form[0] == step_of("order_amount")
    assert form[1]["order_date"] == "2026-11-16"


async def test_an_amount_in_arabic_indic_digits_is_accepted(desk: Desk, sara: Person) -> None:
    await at_step(desk, sara, "order_amount")
    await desk.say(sara, "٢٬٥٠٠٬٠٠٠ ريال")

    form = await form_in_db(desk, sara)
    assert form is not None
    assert form[0] == step_of("attachments")
    assert form[1]["order_amount"] == 2_500_000


async def test_an_order_date_in_the_future_is_refused(desk: Desk, sara: Person) -> None:
    before = await at_step(desk, sara, "order_date")
    await desk.say(sara, "۱۴۰۵/۰۹/۱۵")  # today is 1 Azar 1405

    assert "آینده" in desk.last_text(sara)
    assert await form_in_db(desk, sara) == before
    await desk.say(sara, "۱۴۰۵/۰۹/۰۱")  # today itself is fine
    assert (await answers(desk, sara))["order_date"] == "2026-11-22"


# --- commands and the menu in the middle of the form --------------------------------------


@pytest.mark.parametrize("step", ["description", "subject", "attachments", "confirm"])
async def test_an_unknown_command_mid_form_is_answered_and_changes_nothing(
    desk: Desk, sara: Person, step: str
) -> None:
    before = await at_step(desk, sara, step)
    await desk.say(sara, "/foo")

    assert "این دستور را نمی‌شناسم" in desk.last_text(sara)
    assert await form_in_db(desk, sara) == before
    assert await state_of(desk, sara) == step_of(step)


async def test_my_cases_from_the_menu_mid_form_lists_them_and_the_form_goes_on(
    desk: Desk, sara: Person
) -> None:
    await file_usual_complaint(desk, sara)
    before = await at_step(desk, sara, "description")
    await desk.say(sara, "📂 پرونده‌های من")

    listing, again = desk.to(sara)[-2:]
    assert "پرونده‌های شما" in listing.text and "فروشگاه نمونه" in listing.text
    assert "شرح شکایت را بنویسید" in again.text  # the open question, asked again
    assert await form_in_db(desk, sara) == before
    await desk.say(sara, DESCRIPTION)
    assert await form_in_db(desk, sara) == (
        step_of("order_number"),
        before[1] | {"description": DESCRIPTION},
    )


async def test_my_cases_from_the_menu_at_a_button_step_does_not_answer_the_step(
    desk: Desk, sara: Person
) -> None:
    before = await at_step(desk, sara, "subject")
    await desk.say(sara, "📂 پرونده‌های من")

    assert any("هنوز پرونده‌ای ندارید" in text for text in desk.api[sara.platform].texts())
    assert await form_in_db(desk, sara) == before
    assert "موضوع شکایت شما به کدام نزدیک‌تر است" in desk.last_text(sara)


# --- taps on buttons, twice or late -------------------------------------------------------


async def test_a_double_tap_on_confirm_files_one_case(desk: Desk, sara: Person) -> None:
    await answer_until(desk, sara, "confirm")
    confirm = button_data(desk, sara, "تأیید و ثبت نهایی")
    await desk.press(sara, confirm)
    await desk.press(sara, confirm)

    assert await count_cases(desk) == 1
    assert alerts(desk, sara)[-1] == STALE
    filed = [text for text in desk.api[sara.platform].texts(sara.id) if "ثبت شد" in text]
    assert len(filed) == 1
    assert await draft_of(desk, sara) is None


async def test_two_simultaneous_taps_on_confirm_file_one_case(desk: Desk, sara: Person) -> None:
    await answer_until(desk, sara, "confirm")
    confirm = button_data(desk, sara, "تأیید و ثبت نهایی")
    await asyncio.gather(desk.press(sara, confirm), desk.press(sara, confirm))

    assert await count_cases(desk) == 1
    assert STALE in alerts(desk, sara)
    filed = [text for text in desk.api[sara.platform].texts(sara.id) if "ثبت شد" in text]
    assert len(filed) == 1
    assert await draft_of(desk, sara) is None
    assert await state_of(desk, sara) is None


async def test_a_double_tap_on_a_subject_takes_it_once(desk: Desk, sara: Person) -> None:
    await at_step(desk, sara, "subject")
    guild_law = button_data(desk, sara, "خرید کالا یا خدمت")
    await desk.press(sara, guild_law)
    after_first = await form_in_db(desk, sara)
    await desk.press(sara, guild_law)

    assert after_first is not None and after_first[0] == step_of("description")
    assert after_first[1]["subject"] == "guild_law"
    assert await form_in_db(desk, sara) == after_first
    assert alerts(desk, sara)[-1] == STALE
    asked = [text for text in desk.api[sara.platform].texts(sara.id) if "شرح شکایت" in text]
    assert len(asked) == 1


async def test_a_skip_button_of_an_earlier_step_changes_nothing(desk: Desk, sara: Person) -> None:
    await at_step(desk, sara, "licence")
    skip_licence = button_data(desk, sara, "رد شدن")
    await desk.press(sara, skip_licence)
    await desk.press_button(sara, "تهران")
    await desk.press_button(sara, "خرید کالا یا خدمت")
    before = await form_in_db(desk, sara)
    await desk.press(sara, skip_licence)

    assert alerts(desk, sara)[-1] == STALE
    assert await form_in_db(desk, sara) == before
    assert before is not None and before[0] == step_of("description")


# --- the verified contact -----------------------------------------------------------------


async def test_a_typed_phone_number_is_not_taken_for_the_contact(desk: Desk, sara: Person) -> None:
    before = await at_step(desk, sara, "contact")
    await desk.say(sara, "09123456789")

    request = desk.to(sara)[-1]
    assert "دکمه" in request.text and "پذیرفته نمی‌شود" in request.text
    assert request.markup()["keyboard"][0][0]["request_contact"] is True
    assert await form_in_db(desk, sara) == before
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(sara.platform, sara.id)
        assert user is not None and user.phone is None and user.phone_verified_at is None


async def test_someone_elses_contact_is_refused_and_nothing_is_kept(
    desk: Desk, sara: Person
) -> None:
    before = await at_step(desk, sara, "contact")
    await desk.share_contact(sara, "+98 935 000 1111", owner_id=sara.id + 1)

    assert "متعلق به حساب شما نیست" in desk.last_text(sara)
    assert await form_in_db(desk, sara) == before
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(sara.platform, sara.id)
        assert user is not None and user.phone is None and user.phone_verified_at is None


async def test_a_contact_without_its_owner_is_refused(desk: Desk, sara: Person) -> None:
    before = await at_step(desk, sara, "contact")
    await desk.share_contact(sara, "+98 912 345 6789", owner_id=None)

    assert "متعلق به حساب شما نیست" in desk.last_text(sara)
    assert await form_in_db(desk, sara) == before
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(sara.platform, sara.id)
        assert user is not None and user.phone is None


async def test_a_verified_citizen_is_not_asked_for_the_contact_again(
    desk: Desk, sara: Person
) -> None:
    await file_usual_complaint(desk, sara)
    sent_before = len(desk.to(sara))
    await answer_until(desk, sara, "attachments")
    await desk.press_button(sara, "تمام شد")

    second = desk.to(sara)[sent_before:]
    assert not any("شماره همراه خودتان" in request.text for request in second)
    assert "خلاصه شکایت شما" in desk.last_text(sara)
    form = await form_in_db(desk, sara)
    assert form is not None and form[0] == step_of("confirm")
    await desk.press_button(sara, "تأیید و ثبت نهایی")
    assert await count_cases(desk) == 2


# --- attachments --------------------------------------------------------------------------


async def test_the_same_photo_twice_is_kept_once(desk: Desk, sara: Person) -> None:
    await at_step(desk, sara, "attachments")
    await desk.photo(sara, "receipt")
    await desk.photo(sara, "receipt")

    assert "قبلاً فرستاده‌اید" in desk.last_text(sara)
    form = await form_in_db(desk, sara)
    assert form is not None and form[0] == step_of("attachments")
    assert [item["file_id"] for item in form[1]["attachments"]] == ["receipt"]


async def test_the_last_allowed_attachment_moves_the_form_on(desk: Desk, sara: Person) -> None:
    await at_step(desk, sara, "attachments")
    for index in range(1, 6):  # five, the configured maximum
        await desk.photo(sara, f"shot-{index}")

    limit, question = desk.to(sara)[-2:]
    assert "۵ فایل" in limit.text and "حداکثر" in limit.text
    assert "شماره همراه خودتان" in question.text
    form = await form_in_db(desk, sara)
    assert form is not None and form[0] == step_of("contact")
    assert len(form[1]["attachments"]) == 5


async def test_a_document_over_twenty_megabytes_is_refused(desk: Desk, sara: Person) -> None:
    before = await at_step(desk, sara, "attachments")
    await desk.document(sara, "big-video", "video.pdf", size=21 * 1024 * 1024)

    assert "۲۰ مگابایت" in desk.last_text(sara)
    assert await form_in_db(desk, sara) == before
    await desk.document(sara, "small", "invoice.pdf", size=200_000)
    assert [item["file_id"] for item in (await answers(desk, sara))["attachments"]] == ["small"]


# --- leaving and editing ------------------------------------------------------------------


async def test_cancel_in_the_middle_clears_the_form_and_its_draft(
    desk: Desk, sara: Person
) -> None:
    await at_step(desk, sara, "order_number")
    await desk.say(sara, "/cancel")

    assert "فرم لغو شد" in desk.last_text(sara)
    assert await draft_of(desk, sara) is None
    assert await state_of(desk, sara) is None
    await desk.say(sara, "ORD-1")  # no longer an answer to anything
    assert "منظورتان را متوجه نشدم" in desk.last_text(sara)
    assert await draft_of(desk, sara) is None


async def test_cancel_without_a_form_says_there_is_none(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/start")
    await desk.say(sara, "/cancel")

    assert "فرم بازی برای لغو ندارید" in desk.last_text(sara)
    assert await draft_of(desk, sara) is None


async def test_edit_from_the_summary_changes_one_answer_and_shows_the_summary_again(
    desk: Desk, sara: Person
) -> None:
    before = await at_step(desk, sara, "confirm")
    await desk.press_button(sara, "ویرایش")
    await desk.press_button(sara, "نام کسب‌وکار")
    assert "نام کسب‌وکاری که از آن شکایت دارید" in desk.last_text(sara)
    await desk.say(sara, "فروشگاه درست")

    summary = desk.last_text(sara)
    assert "خلاصه شکایت شما" in summary
    assert "فروشگاه درست" in summary and "فروشگاه نمونه" not in summary
    assert await form_in_db(desk, sara) == (
        step_of("confirm"),
        before[1] | {"business_name": "فروشگاه درست"},
    )
    await desk.press_button(sara, "تأیید و ثبت نهایی")
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None and case.business_name == "فروشگاه درست"
        assert case.description == DESCRIPTION


async def test_editing_the_order_asks_its_date_and_amount_before_the_summary(
    desk: Desk, sara: Person
) -> None:
    await answer_until(desk, sara, "order_number")
    await desk.press_button(sara, "سفارشی در کار نیست")
    await desk.press_button(sara, "تمام شد")
    await desk.share_contact(sara, PHONE, owner_id=sara.id)
    await desk.press_button(sara, "ویرایش")
    await desk.press_button(sara, "اطلاعات سفارش")
    await desk.say(sara, "ORD-5")
    assert "تاریخ سفارش را بنویسید" in desk.last_text(sara)
    await desk.say(sara, "۱۴۰۵/۰۸/۲۰")
    assert "مبلغ پرداختی" in desk.last_text(sara)
    await desk.say(sara, "۹۰ هزار تومان")

    assert "خلاصه شکایت شما" in desk.last_text(sara)
    form = await form_in_db(desk, sara)
    assert form is not None and form[0] == step_of("confirm")
    assert form[1]["order_number"] == "ORD-5"
    assert form[1]["order_date"] == "2026-11-11"
    assert form[1]["order_amount"] == 900_000
