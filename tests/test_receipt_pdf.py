"""The printed receipt (seed 004, item 9; DOMAIN.md §4): besides the receipt in the chat, an A5
PDF with every field in Persian, the desk's details and a link that opens the case in the bot;
sent again by `/receipt CODE` to its owner only; on Telegram and on Bale."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import pytest
from aiogram.fsm.storage.base import BaseStorage
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import warn_missing_desk_details
from models.tables import Case
from services import receipt_pdf
from services.clock import ManualClock
from services.formatting import format_code, format_datetime
from services.platforms import Platform
from tests.conftest import make_settings, running_desk
from tests.desk import Desk, Person
from tests.fakes import Request
from tests.forms import answer_between, file_usual_complaint
from tests.staff import group_texts, outbox_rows, the_case
from tests.test_referrals import referred

# Where each platform's start link opens the bot (the fake's getMe names the bots).
LINKS = {
    Platform.TELEGRAM: "https://t.me/pishkhan_telegram_bot?start=case_{code}",
    Platform.BALE: "https://ble.ir/pishkhan_bale_bot?start=case_{code}",
}
NOT_FOUND = "پرونده‌ای با این کد رهگیری در میان پرونده‌های شما پیدا نشد."
NOT_SET = "ثبت نشده"


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE])
def citizen(request: pytest.FixtureRequest) -> Person:
    """A citizen on each platform."""
    if request.param is Platform.TELEGRAM:
        return Person(Platform.TELEGRAM, 5001, "Sara", "Ahmadi")
    return Person(Platform.BALE, 6001, "Reza", "Karimi")


def stranger_beside(person: Person) -> Person:
    """Someone else on the same platform."""
    return Person(person.platform, person.id + 77, "Nima", "Rahimi")


def documents(desk: Desk, person: Person) -> list[Request]:
    return [request for request in desk.to(person) if request.method == "sendDocument"]


def pdf_of(request: Request) -> PdfReader:
    [content] = request.files.values()
    assert content.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(content))


# A number as it is printed: digits with their separators (a code's dash, a time's colon).
_NUMBER = re.compile(r"[0-9۰-۹](?:[0-9۰-۹:/٬٫-]*[0-9۰-۹])?")
_PERSIAN_LETTER = re.compile(r"[\u0600-\u06ff]")


def in_reading_order(line: str) -> str:
    """pypdf reads a right-to-left line backwards as a whole, its numbers too; a reader reads
    a number left to right wherever it stands."""
    if not _PERSIAN_LETTER.search(_NUMBER.sub("", line)):
        return line
    return _NUMBER.sub(lambda number: number.group()[::-1], line)


def text_of(request: Request) -> str:
    """The words of the PDF as a reader reads them."""
    pages = (page.extract_text() for page in pdf_of(request).pages)
    return "\n".join(in_reading_order(line) for page in pages for line in page.splitlines())


async def filed(desk: Desk, person: Person) -> Case:
    await file_usual_complaint(desk, person)
    await desk.drain()
    return await the_case(desk)


async def test_a_filed_complaint_brings_a_printed_receipt_after_the_chat_one(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)

    sent = desk.to(citizen)
    [printed] = documents(desk, citizen)
    assert "رسید الکترونیکی" in sent[sent.index(printed) - 1].text  # the chat receipt first
    code = format_code(case.code, "fa")
    assert code in printed.text  # the caption names the case
    if citizen.platform is Platform.TELEGRAM:
        assert printed.params["parse_mode"] == "HTML" and f"<code>{code}</code>" in printed.text
    else:
        assert "parse_mode" not in printed.params and "<" not in printed.text

    text = text_of(printed)
    name = f"{citizen.first_name} {citizen.last_name}"
    link = LINKS[citizen.platform].format(code=case.code)
    for expected in (
        "رسید خدمت",
        "ثبت شکایت از کسب‌وکار مجازی",  # the service
        name,  # the recipient
        f"/track {code}",  # the tracking code, as it is sent to the bot
        format_datetime(case.received_at, "fa"),  # the Jalali date and Tehran time
        "رایگان (۰ ریال)",  # the amount taken
        "فروشگاه نمونه",
        "دفتر پیشخوان نمونه",  # the licence holder
        "۱۲۳۴۵۶",  # the licence number
        "مریم رضایی",  # the operator
        "تهران، خیابان آزادی",  # the address
        link,
    ):
        assert expected in text, expected

    async with desk.repo() as repo:
        [row] = [r for r in await outbox_rows(desk, "printed_receipt")]
        assert (row.method, row.status, row.case_id) == ("receipt_pdf", "sent", case.id)
        assert row.dedupe_key == f"printed_receipt:{case.code}"
        assert row.payload == {}  # nothing of the receipt is kept once it is delivered
        assert await repo.cases.by_code(case.code) is not None


async def test_the_printed_receipt_is_a5_with_its_font_embedded_and_its_link_live(
    desk: Desk, sara: Person
) -> None:
    case = await filed(desk, sara)

    reader = pdf_of(documents(desk, sara)[0])
    [page] = reader.pages
    width_mm, height_mm = (float(side) * 25.4 / 72 for side in page.mediabox[2:])
    assert round(width_mm) == 148 and round(height_mm) == 210
    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        assert "DejaVuSans" in font["/BaseFont"]
        [descendant] = font["/DescendantFonts"]
        assert "/FontFile2" in descendant.get_object()["/FontDescriptor"]  # embedded
    links = [annotation.get_object()["/A"]["/URI"] for annotation in page["/Annots"]]
    assert links == [LINKS[Platform.TELEGRAM].format(code=case.code)]
    assert reader.metadata is not None and reader.metadata.title == "رسید خدمت"


async def test_the_receipts_link_opens_the_case_for_its_owner_only(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)

    await desk.say(citizen, f"/start case_{case.code}")
    shown = desk.last_text(citizen)
    assert format_code(case.code, "fa") in shown
    assert "فروشگاه نمونه" in shown and "منتظر بررسی کارشناس" in shown

    stranger = stranger_beside(citizen)
    await desk.say(stranger, f"/start case_{case.code}")
    answer = desk.last_text(stranger)
    assert answer == NOT_FOUND
    assert "فروشگاه نمونه" not in "".join(desk.api[citizen.platform].texts(stranger.id))

    await desk.say(stranger, "/start")
    assert "خوش آمدید" in desk.last_text(stranger)  # a plain start still greets


async def test_receipt_sends_the_printed_receipt_again_to_its_owner_only(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)
    typed = format_code(case.code, "fa")  # as a Persian keyboard types it

    await desk.say(citizen, f"/receipt {typed}")
    await desk.drain()
    again = documents(desk, citizen)
    assert len(again) == 2
    assert f"/track {typed}" in text_of(again[1])

    stranger = stranger_beside(citizen)
    await desk.say(stranger, f"/receipt {case.code}")
    await desk.drain()
    assert desk.last_text(stranger) == NOT_FOUND
    assert documents(desk, stranger) == []
    assert len(await outbox_rows(desk, "printed_receipt")) == 2  # the filing's and the owner's

    await desk.say(citizen, "/receipt")
    assert "/receipt ۱۲۳۴۵-۶۷۸۹۰" in desk.last_text(citizen)
    mistyped = case.code[:-1] + str((int(case.code[-1]) + 1) % 10)
    await desk.say(citizen, f"/receipt {mistyped}")
    assert "این کد رهگیری درست نیست" in desk.last_text(citizen)
    await desk.drain()
    assert len(documents(desk, citizen)) == 2


async def test_the_printed_receipt_is_sent_once_across_a_failure_and_a_restart(
    desk: Desk, sara: Person
) -> None:
    await file_usual_complaint(desk, sara)
    desk.api[Platform.TELEGRAM].fail("sendDocument", 502, "Bad Gateway")
    await desk.drain()
    [row] = await outbox_rows(desk, "printed_receipt")
    assert (row.status, row.attempts) == ("pending", 1)  # kept, to be tried again
    assert row.payload["sheet"]["code"] == row.dedupe_key.removeprefix("printed_receipt:")

    await desk.restart()
    desk.clock.advance(timedelta(minutes=1))
    await desk.drain()
    await desk.drain()

    failed, delivered = documents(desk, sara)  # the platform refused the first try
    # Made again after the restart from the words the row kept: the same document.
    assert list(failed.files.values()) == list(delivered.files.values())
    [row] = await outbox_rows(desk, "printed_receipt")
    assert (row.status, row.attempts, row.payload) == ("sent", 2, {})


@pytest.fixture
async def bare_desk(
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
) -> AsyncIterator[Desk]:
    """A desk whose licence number, operator and address were never set (the licence number
    still holds the dash of an old example)."""
    settings = make_settings(desk_licence_number="-", desk_operator="", desk_address=" ")
    async with running_desk(settings, sessionmaker, clock, storage_factory) as harness:
        yield harness


async def test_desk_details_never_set_are_said_plainly_not_as_a_dash(
    bare_desk: Desk, citizen: Person, caplog: pytest.LogCaptureFixture
) -> None:
    desk = bare_desk
    with caplog.at_level(logging.WARNING, logger="bot.app"):
        warn_missing_desk_details(desk.settings)
    [warning] = [r.getMessage() for r in caplog.records if r.name == "bot.app"]
    assert "DESK_LICENCE_NUMBER, DESK_OPERATOR, DESK_ADDRESS" in warning
    assert "DESK_NAME" not in warning

    await filed(desk, citizen)

    receipt = next(r.text for r in desk.to(citizen) if "رسید الکترونیکی" in r.text)
    assert receipt.count(NOT_SET) == 3
    for line in receipt.splitlines():
        assert not line.rstrip().endswith((":", ": -", ":* -", ":</b> -", "-")), line
    text = text_of(documents(desk, citizen)[0])
    assert text.count(NOT_SET) == 3
    assert "دفتر پیشخوان نمونه" in text


async def test_a_desk_with_every_detail_set_says_nothing_at_the_start(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.app"):
        warn_missing_desk_details(desk.settings)
    assert [r for r in caplog.records if r.name == "bot.app"] == []


async def test_the_printed_receipt_is_sent_again_in_the_owners_language_now(
    desk: Desk, sara: Person
) -> None:
    case = await filed(desk, sara)
    await desk.say(sara, "/language")
    await desk.press_button(sara, "English")

    await desk.say(sara, f"/receipt {case.code}")
    await desk.drain()

    printed = documents(desk, sara)[-1]
    assert f"<code>{format_code(case.code, 'en')}</code>" in printed.text
    text = text_of(printed)
    for expected in ("Service receipt", "Sara Ahmadi", "Free (0 rials)", "Azar"):
        assert expected in text, expected
    assert f"/track {format_code(case.code, 'en')}" in text


async def test_a_name_with_markup_characters_is_printed_as_typed(desk: Desk) -> None:
    tagged = Person(Platform.TELEGRAM, 5010, "<i>Sara</i> *VIP*", "A&B_")
    await filed(desk, tagged)

    printed = documents(desk, tagged)[0]
    assert "<i>Sara</i> *VIP* A&B_" in text_of(printed)  # paper has no markup to escape
    assert "Sara" not in printed.text  # the caption names the case, not the person


async def test_a_letter_the_font_draws_in_another_spelling_is_not_lost(
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
    sara: Person,
) -> None:
    settings = make_settings(desk_address="تهران، طبقۀ دوم")  # ۀ, which DejaVu Sans lacks
    async with running_desk(settings, sessionmaker, clock, storage_factory) as desk:
        await filed(desk, sara)
        assert "تهران، طبقهٔ دوم" in text_of(documents(desk, sara)[0])  # ه with hamza above


# --- what the font cannot draw ------------------------------------------------------------

# Names and businesses as people type them, and as the receipt prints them: an emoji (which
# DejaVu Sans cannot draw) is left off with the space around it kept single; a zero-width
# non-joiner, Arabic ي and ك, Latin beside Persian and a letter pasted in its presentation
# form all print.
TYPED = [
    pytest.param("علی 😀", "رضایی", "فروشگاه 🛒 نمونه", "علی رضایی", "فروشگاه نمونه", id="emoji"),
    pytest.param(
        "👨‍👩‍👧 مهسا", "کریمی ❤️", "لوازم‌خانگی🏠سپهر", "مهسا کریمی", "لوازم‌خانگی سپهر", id="joined"
    ),
    pytest.param("علي", "كريمي", "كتاب‌فروشي ياس", "علي كريمي", "كتاب‌فروشي ياس", id="arabic"),
    pytest.param("Sara", "احمدی", "Digi کتاب 🛍", "Sara احمدی", "Digi کتاب", id="mixed"),
    pytest.param("ﻣﺮﯾﻢ", "ﺻﺎﺩﻗﯽ", "ＡＢＣ فروشگاه", "مریم صادقی", "ABC فروشگاه", id="pasted"),
]


def glyphs_drawn(request: Request) -> set[str]:
    """Every character the PDF draws, as its text layer names them: one the font lacks would
    be drawn as an empty box and still be named."""
    return {char for page in pdf_of(request).pages for char in page.extract_text()}


@pytest.mark.parametrize(("first", "last", "business", "name", "shown"), TYPED)
@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.BALE])
async def test_what_people_type_prints_without_boxes_and_reads_as_typed(
    desk: Desk,
    platform: Platform,
    first: str,
    last: str,
    business: str,
    name: str,
    shown: str,
) -> None:
    person = Person(platform, 5020 if platform is Platform.TELEGRAM else 6020, first, last)
    await desk.say(person, "/complaint")
    await desk.say(person, business)
    await answer_between(desk, person, "website", None)
    await desk.drain()

    [printed] = documents(desk, person)
    text = text_of(printed)
    assert name in text and shown in text
    printable = receipt_pdf._printable()
    assert {char for char in glyphs_drawn(printed) if ord(char) not in printable} <= {"\n"}
    assert not any("  " in line or line != line.strip() for line in text.splitlines())


_PERSIAN = st.text(alphabet="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيك۰۱۲۳", min_size=1, max_size=6)
_WORDS = st.one_of(
    _PERSIAN,
    st.builds(lambda a, b: f"{a}\u200c{b}", _PERSIAN, _PERSIAN),  # می‌شود
    st.text(alphabet="abcXYZ019&<>*_", min_size=1, max_size=6),
)
_EMOJI = st.sampled_from(["😀", "❤️", "👨‍👩‍👧", "👍🏽", "🇮🇷", "🛒", "1️⃣"])
_SPACE = st.sampled_from(["", " ", "  "])


@given(st.lists(st.tuples(st.one_of(_WORDS, _EMOJI), _SPACE), min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_text_the_font_cannot_draw_all_leaves_the_rest_reading_as_typed(
    typed: list[tuple[str, str]],
) -> None:
    emoji = {"😀", "❤️", "👨‍👩‍👧", "👍🏽", "🇮🇷", "🛒"}
    text = "".join(token + space for token, space in typed)
    # What a reader expects: each emoji gone as if it were a space, the words as they were.
    keycap = {"1️⃣": "1"}
    expected = "".join(
        (" " if token in emoji else keycap.get(token, token)) + space for token, space in typed
    ).split()

    drawn = receipt_pdf._drawable(text)

    printable = receipt_pdf._printable()
    assert all(ord(char) in printable for char in drawn)
    assert drawn.split(" ") == expected if drawn else expected == []
    assert receipt_pdf._drawable(drawn) == drawn


async def test_a_referred_complaints_chat_receipt_says_plainly_what_the_desk_never_set(
    bare_desk: Desk,
) -> None:
    await referred(bare_desk)

    receipt = next(text for text in group_texts(bare_desk) if "رسید ثبت شکایت ارجاعی" in text)
    assert receipt.count(NOT_SET) == 3
    for line in receipt.splitlines():
        assert not line.rstrip().endswith((":", ":</b>", ":*", "-")), line
