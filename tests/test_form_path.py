"""The complaint form's «step k of n», as a citizen walks it on Telegram and on Bale.

k counts only the questions this citizen is asked, one by one; n is right from the first
question and changes only when an answer changes the path, with a word saying so. Answers known
before the form opened (a business from a licence lookup) are stated and can be edited. The
business's province comes from the union's registry when the business is licensed, else the
citizen is asked for it with the 31 provinces, and it is kept on the case.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from models.tables import Case
from services.normalize import to_ascii_digits
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.forms import DESCRIPTION, PHONE, draft_of, file_usual_complaint, form_in_db, step_of
from tests.registry import NAROON_BOOKS

STEP = re.compile(r"مرحله ([۰-۹]+) از ([۰-۹]+)")
PEOPLE = ["sara", "reza"]  # on Telegram, on Bale


@pytest.fixture(params=PEOPLE)
def person(request: pytest.FixtureRequest) -> Person:
    value: Person = request.getfixturevalue(request.param)
    return value


def heading(text: str) -> tuple[int, int] | None:
    found = STEP.search(text)
    if found is None:
        return None
    return int(to_ascii_digits(found.group(1))), int(to_ascii_digits(found.group(2)))


def headings(desk: Desk, person: Person, since: int = 0) -> list[tuple[int, int]]:
    """The «step k of n» of every question sent to this person (from the `since`-th message)."""
    return [
        place
        for request in desk.to(person)[since:]
        if (place := heading(request.text)) is not None
    ]


def assert_counted_one_by_one(shown: list[tuple[int, int]]) -> None:
    assert [k for k, _ in shown] == list(range(1, len(shown) + 1)), shown
    assert shown[-1][0] == shown[-1][1], shown


async def the_case(desk: Desk) -> Case:
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        return case


async def register(desk: Desk) -> None:
    async with desk.repo() as repo:
        await repo.licences.upsert_many([NAROON_BOOKS])
        await repo.commit()


def assert_plain_on_bale(desk: Desk, person: Person) -> None:
    if person.platform == "bale":
        for request in desk.to(person):
            assert "<b>" not in request.text and "parse_mode" not in request.params


# --- the count ------------------------------------------------------------------------------


async def test_without_an_order_the_count_shrinks_with_a_word_and_ends_at_n(
    desk: Desk, person: Person
) -> None:
    await desk.say(person, "/complaint")
    await desk.say(person, "فروشگاه نمونه")
    await desk.say(person, "shop.ir")
    await desk.press_button(person, "رد شدن")
    await desk.press_button(person, "اصفهان")
    await desk.press_button(person, "خرید کالا یا خدمت")
    await desk.say(person, DESCRIPTION)
    await desk.press_button(person, "سفارشی در کار نیست")

    told = desk.last_text(person)
    assert "«تاریخ سفارش» و «مبلغ سفارش» لازم نیست؛ فرم شما اکنون ۹ مرحله دارد." in told
    assert "مرحله ۸ از ۹" in told and "تصویر، رسید یا فایل" in told
    await desk.press_button(person, "تمام شد")
    assert "مرحله ۹ از ۹" in desk.last_text(person)
    await desk.share_contact(person, PHONE, owner_id=person.id)
    verified, summary = (request.text for request in desk.to(person)[-2:])
    assert "شماره همراه شما تأیید شد" in verified and "خلاصه شکایت شما" in summary
    # One word for the one change of the path; none when the number was shared.
    assert sum("لازم" in request.text for request in desk.to(person)) == 1

    shown = headings(desk, person)
    assert shown == [(k, 11) for k in range(1, 8)] + [(8, 9), (9, 9)]
    assert_counted_one_by_one(shown)
    assert_plain_on_bale(desk, person)


async def test_a_skipped_answer_reads_as_not_given_in_the_summary(
    desk: Desk, person: Person
) -> None:
    await desk.say(person, "/complaint")
    await desk.say(person, "فروشگاه نمونه")
    await desk.say(person, "shop.ir")
    await desk.press_button(person, "رد شدن")  # no licence number
    await desk.press_button(person, "رد شدن")  # no province
    await desk.press_button(person, "خرید کالا یا خدمت")
    await desk.say(person, DESCRIPTION)
    await desk.press_button(person, "سفارشی در کار نیست")
    await desk.press_button(person, "تمام شد")
    await desk.share_contact(person, PHONE, owner_id=person.id)

    summary = desk.last_text(person)
    assert "خلاصه شکایت شما" in summary
    bold = "<b>{}</b>" if person.platform == "telegram" else "*{}*"
    for label in ("شماره پروانه:", "استان:", "شماره سفارش:", "تاریخ سفارش:", "مبلغ:"):
        assert f"{bold.format(label)} ثبت نشده" in summary, label
    assert "—" not in summary
    assert_plain_on_bale(desk, person)


async def test_a_verified_citizen_is_told_the_right_count_from_the_first_question(
    desk: Desk, person: Person
) -> None:
    await file_usual_complaint(desk, person)
    since = len(desk.to(person))

    await desk.say(person, "/complaint")
    for answer in ("فروشگاه دوم", "shop2.ir"):
        await desk.say(person, answer)
    await desk.press_button(person, "رد شدن")
    await desk.press_button(person, "تهران")
    await desk.press_button(person, "موضوع دیگر")
    await desk.say(person, DESCRIPTION)
    await desk.say(person, "ORD-2")
    await desk.say(person, "۱۴۰۵/۸/۲۰")
    await desk.say(person, "۴۰۰ هزار تومان")
    await desk.press_button(person, "تمام شد")

    assert "خلاصه شکایت شما" in desk.last_text(person)
    shown = headings(desk, person, since)
    assert shown == [(k, 10) for k in range(1, 11)]  # no «step 9 of 11», then the summary


async def test_a_restart_keeps_the_count_where_it_was(desk: Desk, person: Person) -> None:
    await register(desk)
    await desk.say(person, "/complaint")
    await desk.say(person, "کتاب‌سرا")
    await desk.say(person, "ketabsara-naroon.ir")  # licensed: nine steps
    await desk.restart()

    await desk.press_button(person, "موضوع دیگر")
    assert "مرحله ۴ از ۹" in desk.last_text(person)
    assert await form_in_db(desk, person) is not None


# --- answers known at the opening -----------------------------------------------------------


async def test_a_complaint_from_a_lookup_states_the_known_answers_and_lets_them_be_edited(
    desk: Desk, person: Person
) -> None:
    await desk.say(person, "/licence https://www.Nashenas-Shop.ir/product/۱۲")
    await desk.press_button(person, "ثبت شکایت از این کسب")

    opened = desk.last_text(person)
    assert "این پاسخ‌ها از پیش معلوم است و دوباره پرسیده نمی‌شود" in opened
    assert "• نام کسب‌وکار: nashenas-shop.ir" in opened
    assert "• وب‌سایت یا اپلیکیشن: nashenas-shop.ir" in opened
    assert "«ویرایش»" in opened
    assert "مرحله ۱ از ۹" in opened and "شماره پروانه کسب" in opened

    await desk.press_button(person, "رد شدن")
    await desk.press_button(person, "رد شدن")  # the province is not known either
    await desk.press_button(person, "خرید کالا یا خدمت")
    await desk.say(person, DESCRIPTION)
    await desk.press_button(person, "سفارشی در کار نیست")
    await desk.press_button(person, "تمام شد")
    await desk.share_contact(person, PHONE, owner_id=person.id)
    assert_counted_one_by_one(headings(desk, person))

    await desk.press_button(person, "ویرایش")
    choices = [label for label, _ in desk.to(person)[-1].buttons()]
    assert "نام کسب‌وکار" in choices and "وب‌سایت یا اپلیکیشن" in choices
    assert "استان" in choices
    await desk.press_button(person, "نام کسب‌وکار")
    asked = desk.last_text(person)
    assert "ویرایش پاسخ" in asked and "مرحله" not in asked
    await desk.say(person, "فروشگاه ناشناس")
    assert "خلاصه شکایت شما" in desk.last_text(person)
    await desk.press_button(person, "تأیید و ثبت نهایی")

    case = await the_case(desk)
    assert case.business_name == "فروشگاه ناشناس"
    assert case.business_url == "nashenas-shop.ir"
    assert case.province is None
    assert_plain_on_bale(desk, person)


# --- the registry and the province ----------------------------------------------------------


async def test_a_licensed_website_brings_its_licence_number_and_province(
    desk: Desk, person: Person
) -> None:
    await register(desk)
    await desk.say(person, "/complaint")
    await desk.say(person, "نارون")
    await desk.say(person, "https://www.Ketabsara-Naroon.ir/books")

    told = desk.last_text(person)
    assert "در فهرست پروانه‌های اتحادیه هست: «کتاب‌سرای نارون»" in told
    assert "شماره پروانه ۱۴۰۰/۱۲۳۴۵، استان اصفهان" in told
    assert "«شماره پروانه» و «استان» لازم نیست؛ فرم شما اکنون ۹ مرحله دارد." in told
    assert "مرحله ۳ از ۹" in told and "موضوع شکایت" in told

    await desk.press_button(person, "خرید کالا یا خدمت")
    await desk.say(person, DESCRIPTION)
    await desk.press_button(person, "سفارشی در کار نیست")
    await desk.press_button(person, "تمام شد")
    await desk.share_contact(person, PHONE, owner_id=person.id)
    summary = desk.last_text(person)
    assert "استان:" in summary and "اصفهان" in summary and "۱۴۰۰/۱۲۳۴۵" in summary
    await desk.press_button(person, "تأیید و ثبت نهایی")

    assert_counted_one_by_one(headings(desk, person))
    case = await the_case(desk)
    assert case.province == "اصفهان"
    assert case.licence_number == "1400/12345"


async def test_a_licence_number_found_in_the_registry_brings_its_province(
    desk: Desk, person: Person
) -> None:
    await register(desk)
    await desk.say(person, "/complaint")
    await desk.say(person, "نارون")
    await desk.say(person, "naroon-other.ir")
    await desk.say(person, "۱۴۰۰/۱۲۳۴۵")

    told = desk.last_text(person)
    assert "استان اصفهان" in told
    assert "«استان» لازم نیست؛ فرم شما اکنون ۱۰ مرحله دارد." in told
    assert "مرحله ۴ از ۱۰" in told
    draft = await draft_of(desk, person)
    assert draft is not None and draft.step == step_of("subject")
    assert draft.data["registry"]["province"] == "اصفهان"


async def test_an_unlicensed_business_asks_for_its_province_with_thirty_one_buttons(
    desk: Desk, person: Person
) -> None:
    await desk.say(person, "/complaint")
    await desk.say(person, "فروشگاه نمونه")
    await desk.say(person, "shop.ir")
    await desk.press_button(person, "رد شدن")

    question = desk.to(person)[-1]
    assert "مرحله ۴ از ۱۱" in question.text and "کدام استان" in question.text
    labels = [label for label, _ in question.buttons()]
    assert len(labels) == 32 and "سیستان و بلوچستان" in labels and "رد شدن از این مرحله" in labels

    await desk.say(person, "نمی‌دونم کجاست")
    assert "در فهرست استان‌ها پیدا نکردم" in desk.last_text(person)
    assert (await form_in_db(desk, person) or ("",))[0] == step_of("province")

    await desk.say(person, "خراسان رضوي")  # typed, with an Arabic yeh
    assert "مرحله ۵ از ۱۱" in desk.last_text(person)
    draft = await draft_of(desk, person)
    assert draft is not None and draft.data["province"] == "خراسان رضوی"


async def test_a_province_chosen_is_kept_on_the_case(desk: Desk, person: Person) -> None:
    await file_usual_complaint(desk, person)  # chooses «اصفهان»

    case = await the_case(desk)
    assert case.province == "اصفهان"


async def test_a_skipped_province_is_kept_unknown(desk: Desk, person: Person) -> None:
    await desk.say(person, "/complaint")
    await desk.say(person, "فروشگاه نمونه")
    await desk.say(person, "shop.ir")
    await desk.press_button(person, "رد شدن")
    await desk.press_button(person, "رد شدن")

    draft = await draft_of(desk, person)
    assert draft is not None and draft.step == step_of("subject")
    assert draft.data["province"] is None
    assert "مرحله ۵ از ۱۱" in desk.last_text(person)


async def test_editing_the_website_of_a_licensed_business_asks_what_the_registry_gave(
    desk: Desk, person: Person
) -> None:
    await register(desk)
    await desk.say(person, "/complaint")
    await desk.say(person, "نارون")
    await desk.say(person, "ketabsara-naroon.ir")
    await desk.press_button(person, "موضوع دیگر")
    await desk.say(person, DESCRIPTION)
    await desk.press_button(person, "سفارشی در کار نیست")
    await desk.press_button(person, "تمام شد")
    await desk.share_contact(person, PHONE, owner_id=person.id)
    await desk.press_button(person, "ویرایش")
    await desk.press_button(person, "وب‌سایت یا اپلیکیشن")
    await desk.say(person, "other-shop.ir")

    told = desk.last_text(person)
    assert "با این پاسخ، «شماره پروانه» و «استان» هم پرسیده می‌شود." in told
    assert "ویرایش پاسخ" in told and "شماره پروانه کسب" in told
    await desk.press_button(person, "رد شدن")
    await desk.press_button(person, "فارس")
    assert "خلاصه شکایت شما" in desk.last_text(person)
    await desk.press_button(person, "تأیید و ثبت نهایی")

    case = await the_case(desk)
    assert case.business_url == "other-shop.ir"
    assert case.licence_number is None and case.province == "فارس"


async def test_the_provinces_of_filed_complaints_reach_the_union_report(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await register(desk)
    await file_usual_complaint(desk, sara)  # chooses «اصفهان» on Telegram
    await desk.say(reza, "/complaint")  # a licensed business in Isfahan, on Bale
    await desk.say(reza, "نارون")
    await desk.say(reza, "ketabsara-naroon.ir")
    await desk.press_button(reza, "موضوع دیگر")
    await desk.say(reza, DESCRIPTION)
    await desk.press_button(reza, "سفارشی در کار نیست")
    await desk.press_button(reza, "تمام شد")
    await desk.share_contact(reza, PHONE, owner_id=reza.id)
    await desk.press_button(reza, "تأیید و ثبت نهایی")

    admin = Person(Platform.TELEGRAM, 111, "Mina", "Admin")  # an admin in the test settings
    await desk.say(admin, "/stats")
    report = desk.api[Platform.TELEGRAM].sent("sendMessage", chat_id=admin.id)[-1].text
    report = report.replace("\u2068", "").replace("\u2069", "")  # Fluent's isolation marks
    assert "• اصفهان: ۲" in report
    assert "نامشخص" not in report
