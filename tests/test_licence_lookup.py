"""A citizen checks a business licence in a registry of thousands: by number, website or
name; warnings when it must not be trusted; a list to choose from; no match → a complaint."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tables import Draft
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.registry import NAROON_BOOKS, ZWNJ, fill_registry

MENU_LICENCE = "🪪 استعلام پروانه کسب"


@pytest.fixture(autouse=True)
async def registry(desk: Desk) -> None:
    await fill_registry(desk)


def assert_naroon_books(text: str) -> None:
    """The answer for NAROON_BOOKS, every detail in Persian."""
    for expected in (
        "✅ این پروانه کسب معتبر است",
        "۱۴۰۰/۱۲۳۴۵",  # the number, Persian digits
        "کتاب" + ZWNJ + "سرای نارون",
        "مریم احمدی",
        "شخص حقیقی",
        "ketabsara-naroon.ir",
        "اینستاگرام @ketabsara",
        "سامانه آنلاین ارائه خدمات در محل",
        "کد آیسیک",
        "۵۲۱۱۲۸",
        "اصفهان",
        "۱ فروردین ۱۴۰۴",  # issued, Jalali
        "۱ فروردین ۱۴۰۷",  # expires, Jalali
    ):
        assert expected in text, expected
    assert "هشدار" not in text
    assert "0935" not in text and "۰۹۳۵" not in text  # the holder's phone is nobody's business


@pytest.mark.parametrize(
    "query",
    ["۱۴۰۰/۱۲۳۴۵", "1400/12345", "۱۴۰۰۱۲۳۴۵", "۱۴۰۰-۱۲۳۴۵", " ۱۴۰۰ / ۱۲۳۴۵ "],
    ids=["persian-digits", "latin-digits", "no-separator", "dash", "spaces"],
)
async def test_a_licence_is_found_by_its_number(desk: Desk, sara: Person, query: str) -> None:
    await desk.say(sara, f"/licence {query}")

    assert_naroon_books(desk.last_text(sara))


@pytest.mark.parametrize(
    "query",
    [
        "ketabsara-naroon.ir",
        "https://www.Ketabsara-Naroon.ir/books/۱۲?ref=home",
        "WWW.KETABSARA-NAROON.IR",
        "http://shop.ketabsara-naroon.ir",
        "https://instagram.com/ketabsara/",
        "@Ketabsara",
    ],
    ids=[
        "bare",
        "https-www-path-persian-digits",
        "upper-case",
        "subdomain",
        "instagram",
        "handle",
    ],
)
async def test_a_licence_is_found_by_its_website_in_any_form(
    desk: Desk, sara: Person, query: str
) -> None:
    await desk.say(sara, f"/licence {query}")

    assert_naroon_books(desk.last_text(sara))


@pytest.mark.parametrize(
    "query",
    [
        "کتاب" + ZWNJ + "سرای نارون",
        "كتاب سراي نارون",  # Arabic kaf and yeh, a space for the half-space
        "کتابسرای نارون",  # no space at all
        "کتاب" + ZWNJ + "سرای   نارون",
    ],
    ids=["as-registered", "arabic-letters-and-space", "joined", "extra-spaces"],
)
async def test_a_licence_is_found_by_its_name_however_it_is_typed(
    desk: Desk, sara: Person, query: str
) -> None:
    await desk.say(sara, f"/licence {query}")

    assert_naroon_books(desk.last_text(sara))


async def test_the_menu_asks_what_to_look_for_then_answers(desk: Desk, reza: Person) -> None:
    await desk.say(reza, "/start")
    await desk.say(reza, MENU_LICENCE)

    assert "شماره پروانه کسب، نشانی وب" in desk.last_text(reza)

    await desk.say(reza, "https://ketabsara-naroon.ir/")

    answer = desk.last_text(reza)
    assert "۱۴۰۰/۱۲۳۴۵" in answer and "<b>" not in answer  # Bale: Markdown, not HTML
    # Answered: the next words are not taken for a query.
    await desk.say(reza, "سلام")
    assert "منظورتان را متوجه نشدم" in desk.last_text(reza)


async def test_an_expired_licence_is_shown_with_a_warning(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/licence ۱۴۰۱۹۸۷۶۵")

    answer = desk.last_text(sara)
    assert answer.startswith("⚠️")
    assert "هشدار: اعتبار این پروانه به پایان رسیده است" in answer
    assert "منقضی شده" in answer
    assert "شخص حقوقی" in answer
    assert "معتبر است" not in answer


async def test_a_suspended_licence_is_shown_with_a_warning(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/licence naroongol.ir")

    answer = desk.last_text(sara)
    assert "هشدار: این پروانه تعلیق شده است" in answer
    assert "اجازه فعالیت ندارد" in answer


async def test_a_revoked_licence_is_shown_with_a_warning(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/licence 140366666")

    assert "هشدار: این پروانه ابطال شده است" in desk.last_text(sara)


async def test_several_matches_are_listed_and_one_is_chosen(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/licence نارون")

    listing = desk.to(sara)[-1]
    assert "۳ پروانه پیدا شد" in listing.text
    labels = [label for label, _ in listing.buttons()]
    assert len(labels) == 3
    assert any("کتاب" + ZWNJ + "سرای نارون" in label and "۱۴۰۰/۱۲۳۴۵" in label for label in labels)
    assert any(label.startswith("⛔️") and "نارون گل" in label for label in labels)

    await desk.press_button(sara, "نارون گل")

    answer = desk.last_text(sara)
    assert "هشدار: این پروانه تعلیق شده است" in answer
    assert "۱۴۰۲۵۵۵۵۵" in answer
    # The list stays, to choose another.
    await desk.press_button(sara, "سرای نارون")
    assert_naroon_books(desk.last_text(sara))


async def test_a_common_word_lists_the_first_matches_and_says_there_are_more(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, "/licence کالا")

    listing = desk.to(sara)[-1]
    assert len(listing.buttons()) == 8
    assert "نتایج بیشتری هم هست" in listing.text


async def test_no_match_for_a_website_offers_a_complaint_with_the_business_prefilled(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, "/licence https://www.Nashenas-Shop.ir/product/۱۲")

    answer = desk.last_text(sara)
    assert "برای nashenas-shop.ir پروانه کسبی ثبت نشده است" in answer

    await desk.press_button(sara, "ثبت شکایت از این کسب")

    texts = [request.text for request in desk.to(sara)[-2:]]
    assert "ثبت شکایت را شروع می‌کنیم" in texts[0]
    # Name and website known: stated, not counted; the licence number is the first question.
    assert "از پیش معلوم است" in texts[1] and "• وب‌سایت یا اپلیکیشن: nashenas-shop.ir" in texts[1]
    assert "مرحله ۱ از ۹" in texts[1] and "شماره پروانه کسب" in texts[1]
    async with desk.repo() as repo:
        draft = await repo.session.scalar(select(Draft))
        assert draft is not None
        assert draft.data["business_name"] == "nashenas-shop.ir"
        assert draft.data["website"] == "nashenas-shop.ir"
        assert draft.data["prefilled"] == ["business_name", "website"]


async def test_no_match_for_a_name_offers_a_complaint_with_the_name_prefilled(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, MENU_LICENCE)
    await desk.say(sara, "فروشگاه ناشناس  پارسي")

    # The name is said back as it was typed (its letters and spacing); it is matched by its key.
    assert "کسب‌وکاری با نام «فروشگاه ناشناس  پارسي» در فهرست پروانه‌ها پیدا نشد" in (
        desk.last_text(sara)
    )

    await desk.press_button(sara, "ثبت شکایت از این کسب")

    opened = desk.last_text(sara)
    assert "• نام کسب‌وکار: فروشگاه ناشناس  پارسي" in opened  # as typed
    assert "مرحله ۱ از ۱۰" in opened and "نشانی وب‌سایت" in opened  # the website comes first
    await desk.say(sara, "nashenas-parsi.ir")
    assert "مرحله ۲ از ۱۰" in desk.last_text(sara)
    async with desk.repo() as repo:
        draft = await repo.session.scalar(select(Draft))
        assert draft is not None
        assert draft.data["business_name"] == "فروشگاه ناشناس  پارسي"
        assert draft.data["website"] == "nashenas-parsi.ir"


async def test_no_match_for_a_number_says_so(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/licence ۹۹۹۹۹۹۹")

    answer = desk.last_text(sara)
    assert "پروانه‌ای با شماره ۹۹۹۹۹۹۹ در سامانه ثبت نشده است" in answer


async def test_too_short_a_query_or_a_photo_gets_a_hint(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/licence ب")
    assert "دست‌کم دو حرف" in desk.last_text(sara)

    await desk.say(sara, MENU_LICENCE)
    await desk.photo(sara, "shop-front")
    assert "دست‌کم دو حرف" in desk.last_text(sara)
    await desk.say(sara, "ن")
    assert "دست‌کم دو حرف" in desk.last_text(sara)

    # Still asked: the next words are the query.
    await desk.say(sara, "ketabsara-naroon.ir")
    assert_naroon_books(desk.last_text(sara))


async def test_a_complaint_form_left_open_survives_a_lookup(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "📝 ثبت شکایت")
    await desk.say(sara, "فروشگاه نمونه")  # now at the website step

    await desk.say(sara, MENU_LICENCE)

    hint, question = desk.to(sara)[-2:]
    assert "/licence example.ir" in hint.text
    assert "مرحله ۲ از ۱۱" in question.text

    await desk.say(sara, "/licence ketabsara-naroon.ir")

    answer, question = desk.to(sara)[-2:]
    assert_naroon_books(answer.text)
    assert "مرحله ۲ از ۱۱" in question.text

    await desk.say(sara, "shop.ir")  # the form takes its answer where it was
    assert "مرحله ۳ از ۱۱" in desk.last_text(sara)
    async with desk.repo() as repo:
        draft = await repo.session.scalar(select(Draft))
        assert draft is not None
        assert draft.data == {"business_name": "فروشگاه نمونه", "website": "shop.ir"}


async def test_english_speakers_get_the_same_answer_in_english(desk: Desk) -> None:
    maria = Person(Platform.TELEGRAM, 5002, "Maria", None, language_code="en")
    await desk.say(maria, "/language")
    await desk.press_button(maria, "English")

    await desk.say(maria, f"/licence {NAROON_BOOKS.number}")

    answer = desk.last_text(maria)
    assert "This business licence is valid" in answer
    assert "1400/12345" in answer and "ISIC 521128" in answer
    assert "1 Farvardin 1404" in answer
