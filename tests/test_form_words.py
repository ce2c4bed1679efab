"""The complaint form in a citizen's words, on Telegram and on Bale: subjects in plain words
with everyday examples (the legal names stay for staff), amounts in tomans or rials as people
write them, and dates in every common Jalali form, the future refused by the desk's clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models.tables import Case
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.forms import answer_between, answer_until, form_in_db, step_of

STAFF_CHAT = -1001000
PEOPLE = ["sara", "reza"]  # on Telegram, on Bale


@pytest.fixture(params=PEOPLE)
def person(request: pytest.FixtureRequest) -> Person:
    value: Person = request.getfixturevalue(request.param)
    return value


async def the_case(desk: Desk) -> Case:
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        return case


async def answers(desk: Desk, person: Person) -> dict[str, object]:
    form = await form_in_db(desk, person)
    assert form is not None
    return form[1]


# --- subjects -------------------------------------------------------------------------------


async def test_subjects_are_offered_in_plain_words_with_everyday_examples(
    desk: Desk, person: Person
) -> None:
    await answer_until(desk, person, "subject")

    question = desk.to(person)[-1]
    for example in (
        "کالا نرسید",
        "گران‌فروشی",
        "با توضیح یا عکسش فرق داشت",
        "پول را پس نمی‌دهند",
        "نماد اتحادیه",
        "کالای مرجوعی را نمی‌پذیرد",
        "برای عضویت پول گرفتند",
        "طرح‌های هرمی",
    ):
        assert example in question.text, example
    labels = [label for label, _ in question.buttons()]
    assert labels == [
        "🛒 خرید کالا یا خدمت",
        "🌐 رفتار فروشگاه اینترنتی",
        "👥 بازاریابی شبکه‌ای یا هرمی",
        "📝 موضوع دیگر",
    ]
    for legal in ("ماده", "فصل هشتم", "آیین‌نامه"):
        assert legal not in question.text and not any(legal in label for label in labels)


async def test_the_legal_name_stays_for_staff_and_the_citizen_reads_plain_words(
    desk: Desk, person: Person
) -> None:
    await answer_until(desk, person, "subject")
    await desk.press_button(person, "بازاریابی شبکه‌ای")
    await answer_between(desk, person, "description", "confirm")

    summary = desk.last_text(person)
    assert "👥 بازاریابی شبکه‌ای یا هرمی" in summary and "ماده ۱۳" not in summary
    await desk.press_button(person, "تأیید و ثبت نهایی")
    await desk.drain()

    case = await the_case(desk)
    assert case.subject == "network_marketing"
    card = desk.api[Platform.TELEGRAM].sent(chat_id=STAFF_CHAT)[0]
    assert "تخلفات ماده ۱۳ آیین‌نامه (بازاریابی شبکه‌ای)" in card.text
    await desk.say(person, f"/track {case.code}")
    assert "بازاریابی شبکه‌ای یا هرمی" in desk.last_text(person)


# --- amounts and dates ----------------------------------------------------------------------


async def test_an_order_in_tomans_from_yesterday_is_shown_in_rials_and_kept_in_rials(
    desk: Desk, person: Person
) -> None:
    await answer_until(desk, person, "order_date")
    await desk.say(person, "دیروز")
    assert "✔️ تاریخ سفارش: شنبه ۳۰ آبان ۱۴۰۵" in desk.last_text(person)
    await desk.say(person, "۳ میلیون تومان")
    assert "✔️ مبلغ: ۳۰٬۰۰۰٬۰۰۰ ریال (۳٬۰۰۰٬۰۰۰ تومان)" in desk.last_text(person)
    await answer_between(desk, person, "attachments", "confirm")

    summary = desk.last_text(person)
    assert "۳۰٬۰۰۰٬۰۰۰ ریال (۳٬۰۰۰٬۰۰۰ تومان)" in summary
    assert "۳۰ آبان ۱۴۰۵" in summary
    await desk.press_button(person, "تأیید و ثبت نهایی")
    case = await the_case(desk)
    assert case.order_amount == 30_000_000
    assert case.order_date == date(2026, 11, 21)


@pytest.mark.parametrize(
    ("typed", "rials"),
    [
        ("۲٫۵ میلیون تومان", 25_000_000),
        ("۲/۵ میلیون تومان", 25_000_000),
        ("۳ میلیون و ۵۰۰ هزار تومان", 35_000_000),
        ("2,500,000 ریال", 2_500_000),
        ("٢٬٥٠٠٬٠٠٠ ﷼", 2_500_000),
    ],
)
async def test_amounts_are_read_as_people_write_them(
    desk: Desk, sara: Person, typed: str, rials: int
) -> None:
    await answer_until(desk, sara, "order_amount")
    await desk.say(sara, typed)

    form = await form_in_db(desk, sara)
    assert form is not None and form[0] == step_of("attachments")
    assert form[1]["order_amount"] == rials


async def test_an_amount_without_a_unit_is_read_in_tomans_and_said_so(
    desk: Desk, person: Person
) -> None:
    await answer_until(desk, person, "order_amount")
    assert "اگر واحد را ننویسید، تومان حساب می‌شود" in desk.last_text(person)
    await desk.say(person, "۵۰۰ هزار")

    told = desk.last_text(person)
    assert "۵٬۰۰۰٬۰۰۰ ریال (۵۰۰٬۰۰۰ تومان)" in told and "تومان حساب شد" in told
    assert (await answers(desk, person))["order_amount"] == 5_000_000


async def test_an_amount_that_cannot_be_read_is_refused_politely_and_nothing_is_lost(
    desk: Desk, person: Person
) -> None:
    await answer_until(desk, person, "order_amount")
    before = await form_in_db(desk, person)

    for typed, said in (
        ("۳ میلیون و ۵۰۰", "نتوانستم بخوانم"),
        ("۲۰۰ هزار تومان ریال", "هم ریال آمده و هم تومان"),
        ("۰ تومان", "بیشتر از صفر"),
    ):
        await desk.say(person, typed)
        refusal = desk.last_text(person)
        assert said in refusal and "لطفاً" in refusal, typed
        assert await form_in_db(desk, person) == before
    await desk.say(person, "۳ میلیون و ۵۰۰ هزار تومان")
    assert (await answers(desk, person))["order_amount"] == 35_000_000


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("۱۴۰۵/۸/۲۵", "2026-11-16"),
        ("۱۴۰۵-۰۸-۲۵", "2026-11-16"),
        ("۲۵ آبان ۱۴۰۵", "2026-11-16"),
        ("۲۵ آبان", "2026-11-16"),
        ("امروز", "2026-11-22"),
        ("پریروز", "2026-11-20"),
        ("۳ روز پیش", "2026-11-19"),
    ],
)
async def test_dates_are_read_in_every_common_jalali_form(
    desk: Desk, sara: Person, typed: str, day: str
) -> None:
    await answer_until(desk, sara, "order_date")
    await desk.say(sara, typed)

    form = await form_in_db(desk, sara)
    assert form is not None and form[0] == step_of("order_amount")
    assert form[1]["order_date"] == day


async def test_a_future_date_is_refused_by_the_desks_clock_with_a_reason(
    desk: Desk, person: Person
) -> None:
    await answer_until(desk, person, "order_date")
    before = await form_in_db(desk, person)

    await desk.say(person, "۲ آذر")
    refusal = desk.last_text(person)
    assert "نمی‌تواند در آینده باشد؛ امروز ۱ آذر ۱۴۰۵ است" in refusal
    assert await form_in_db(desk, person) == before
    await desk.say(person, "فردا")
    assert "آینده" in desk.last_text(person)
    await desk.say(person, "۳۱ مهر ۱۴۰۵")
    assert "چنین روزی در تقویم نیست" in desk.last_text(person)
    assert await form_in_db(desk, person) == before

    desk.clock.advance(timedelta(days=1))  # now it is 2 Azar
    await desk.say(person, "۲ آذر")
    assert (await answers(desk, person))["order_date"] == "2026-11-23"
