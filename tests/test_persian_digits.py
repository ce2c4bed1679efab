"""Numbers in Persian texts are written in Persian digits, whoever wrote them and in whatever
digits they were typed; English texts keep Latin digits; codes read back in any digits."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from models.tables import Case
from services.normalize import to_persian_digits
from services.platforms import Platform
from services.texts import texts
from services.tracking import parse_code
from tests.conftest import BALE_STAFF_CHAT
from tests.desk import Desk, Person
from tests.forms import answer_between, answer_from, answer_until

STAFF_CHAT = -1001000
LATIN = re.compile(r"[0-9]")


def citizen(platform: Platform, language: str = "fa") -> Person:
    ids = {Platform.TELEGRAM: 5101, Platform.BALE: 6101}
    return Person(platform, ids[platform], "Sara", "Ahmadi", language_code=language)


async def fill_with_latin_numbers(desk: Desk, person: Person) -> None:
    """The form up to its summary, the licence and order numbers typed in Latin digits; the
    other steps (the province, the subject…) answered the usual way."""
    await answer_until(desk, person, "licence")
    await desk.say(person, "140212345")
    await answer_between(desk, person, "province", "order_number")
    await desk.say(person, "45678")
    await answer_between(desk, person, "order_date", "confirm")


@pytest.mark.parametrize("platform", list(Platform))
async def test_numbers_typed_in_latin_digits_are_summarised_in_persian_digits(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    await fill_with_latin_numbers(desk, sara)

    summary = desk.last_text(sara)
    assert "۱۴۰۲۱۲۳۴۵" in summary and "۴۵۶۷۸" in summary
    assert LATIN.search(summary) is None, summary

    await answer_from(desk, sara, "confirm")
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        # The licence number is a key matched against the registry; the order number is the
        # citizen's, kept as typed.
        assert case.licence_number == "140212345"
        assert case.order_number == "45678"


async def test_the_staff_card_shows_the_phone_as_iranians_write_it(
    desk: Desk, sara: Person
) -> None:
    await fill_with_latin_numbers(desk, sara)
    await answer_from(desk, sara, "confirm")
    await desk.drain()

    card = desk.api[Platform.TELEGRAM].sent(chat_id=STAFF_CHAT)[0].text
    assert "۰۹۱۲۳۴۵۶۷۸۹" in card and "+98" not in card
    assert "۱۴۰۲۱۲۳۴۵" in card and "۴۵۶۷۸" in card
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None and case.contact_phone == "+989123456789"


async def test_the_staff_card_on_bale_shows_persian_digits(bale_desk: Desk, reza: Person) -> None:
    await fill_with_latin_numbers(bale_desk, reza)
    await answer_from(bale_desk, reza, "confirm")
    await bale_desk.drain()

    card = bale_desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)[0]
    assert "parse_mode" not in card.params
    assert "۰۹۱۲۳۴۵۶۷۸۹" in card.text and "۱۴۰۲۱۲۳۴۵" in card.text
    assert "+98" not in card.text and "140212345" not in card.text


@pytest.mark.parametrize("platform", list(Platform))
async def test_help_gives_its_example_code_in_persian_digits(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    await desk.say(sara, "/help")

    shown = desk.last_text(sara)
    assert "/track ۱۲۳۴۵-۶۷۸۹۰" in shown
    assert LATIN.search(shown) is None, shown


@pytest.mark.parametrize("platform", list(Platform))
async def test_an_english_reader_keeps_latin_digits(desk: Desk, platform: Platform) -> None:
    john = citizen(platform, "en")
    await desk.say(john, "/language")
    await desk.press_button(john, "English")
    await desk.say(john, "/help")

    shown = desk.last_text(john)
    assert "/track 12345-67890" in shown
    assert re.search("[۰-۹]", shown) is None


@pytest.mark.parametrize("platform", list(Platform))
async def test_counts_the_desk_gives_are_in_persian_digits_with_persian_separators(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    await answer_until(desk, sara, "description")
    await desk.say(sara, "ش" * 7000)

    refused = desk.last_text(sara)
    assert "۷٬۰۰۰" in refused and "۶٬۰۰۰" in refused
    assert LATIN.search(refused) is None, refused


@pytest.mark.parametrize("platform", list(Platform))
async def test_the_code_on_the_receipt_can_be_copied_back_as_shown(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    await fill_with_latin_numbers(desk, sara)
    await answer_from(desk, sara, "confirm")
    await desk.drain()
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
    code = parse_code(case.code)
    assert code is not None

    # The code is shown in Persian digits, whole (on Telegram inside <code>, one tap copies it).
    receipt = desk.last_text(sara)
    shown = to_persian_digits(code.display())
    assert shown in receipt
    if platform is Platform.TELEGRAM:
        assert f"<code>{shown}</code>" in receipt

    await desk.say(sara, f"/track {shown}")
    tracked = desk.last_text(sara)
    assert shown in tracked and "منتظر بررسی کارشناس" in tracked


def test_texts_write_typed_numbers_in_the_readers_digits_and_words_as_typed() -> None:
    fa, en = texts("fa"), texts("en")

    assert fa.plain("licence-cli-file-missing", path="140212345").endswith("۱۴۰۲۱۲۳۴۵")
    assert en.plain("licence-cli-file-missing", path="۱۴۰۲۱۲۳۴۵").endswith("140212345")
    # A value with words in it is someone's writing: shown as written, digits and all.
    assert fa.plain("licence-cli-file-missing", path="/tmp/list 2.csv").endswith("/tmp/list 2.csv")
