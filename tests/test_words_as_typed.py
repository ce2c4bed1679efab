"""People's words reach the other side, and the database, as they were typed: the tanwin of
«لطفاً», Arabic ي and ك, the half-space. Normalised forms are only keys for matching."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tables import Case, CaseEvent, CaseMessage, CertificateRequest, Rating
from services.formatting import format_code
from services.normalize import as_written, normalize_text, search_key
from services.personal_data import description_index
from services.platforms import Platform
from tests.conftest import BALE_STAFF_CHAT
from tests.desk import Desk, Person
from tests.forms import answer_between, answer_from, answer_until, file_usual_complaint
from tests.staff import (
    clerk,
    group_messages,
    list_as_clerk,
    press_on_group,
    say_in_group,
    the_case,
)
from tests.test_certificates import CERT_CHAT, NIMA, staff_says, verified_applicant
from tests.test_relay import BALE_GROUP, bale_clerk, in_group, reply_to_desk, sent_to_citizen
from tests.test_satisfaction import closed_case

# A clerk's words: tanwin (U+064B), Arabic ك and ي, a half-space (U+200C).
CLERK_WORDS = "لطفاً فاكتور خريد را هم بفرستيد؛ می‌خواهیم بررسی کنیم."
# A citizen's: the same kinds, and a line break.
CITIZEN_WORDS = "حتماً؛ فاكتور را فردا مي‌فرستم.\nسپاس از پيگيری‌تان."
ADMIN = Person(Platform.TELEGRAM, 111, "Mina", "Admin")


def citizen(platform: Platform) -> Person:
    ids = {Platform.TELEGRAM: 5201, Platform.BALE: 6201}
    return Person(platform, ids[platform], "Sara", "Ahmadi")


def test_the_sample_words_are_ones_normalisation_would_change() -> None:
    for words in (CLERK_WORDS, CITIZEN_WORDS):
        assert normalize_text(words) != words


def test_as_written_drops_only_what_no_one_reads() -> None:
    typed = "  لطفاً\r\nديجي\u200cكالا\x00 \u202eتست\u202c\t "

    assert as_written(typed) == "لطفاً\nديجي\u200cكالا تست"
    assert as_written(as_written(typed)) == as_written(typed)


async def filed(desk: Desk, person: Person) -> Case:
    await file_usual_complaint(desk, person)
    await desk.drain()
    return await the_case(desk)


async def case_rows(desk: Desk, case_id: int) -> tuple[list[tuple[str, str]], list[CaseEvent]]:
    """The case's messages (kind, text) and its events, as the database holds them."""
    async with desk.repo() as repo:
        messages = await repo.session.scalars(
            select(CaseMessage).where(CaseMessage.case_id == case_id).order_by(CaseMessage.id)
        )
        events = await repo.session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        )
        return [(m.kind, m.text) for m in messages], list(events)


# --- the relay --------------------------------------------------------------------------------


@pytest.mark.parametrize("platform", list(Platform))
async def test_a_clerks_reply_and_the_citizens_answer_cross_as_typed(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    case = await filed(desk, sara)
    assert case.staff_thread_id is not None

    await in_group(desk, clerk(), text=CLERK_WORDS, topic=case.staff_thread_id)
    await desk.drain()
    assert CLERK_WORDS in desk.last_text(sara)

    relayed = await sent_to_citizen(desk, "relay:reply")
    await reply_to_desk(desk, sara, relayed, text=CITIZEN_WORDS)
    await desk.drain()
    assert CITIZEN_WORDS in group_messages(desk)[-1].text

    messages, events = await case_rows(desk, case.id)
    assert messages == [("reply", CLERK_WORDS), ("message", CITIZEN_WORDS)]
    assert [e.note for e in events[-2:]] == [CLERK_WORDS, CITIZEN_WORDS]


async def test_on_a_bale_staff_chat_the_words_cross_as_typed(
    bale_desk: Desk, sara: Person
) -> None:
    desk = bale_desk
    hamid = bale_clerk()
    await list_as_clerk(desk, hamid)
    case = await filed(desk, sara)
    assert case.staff_message_id is not None

    await in_group(desk, hamid, chat=BALE_GROUP, text=CLERK_WORDS, reply_to=case.staff_message_id)
    await desk.drain()
    assert CLERK_WORDS in desk.last_text(sara)

    await reply_to_desk(desk, sara, await sent_to_citizen(desk, "relay:reply"), text=CITIZEN_WORDS)
    await desk.drain()
    back = desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)[-1]
    assert CITIZEN_WORDS in back.text and "parse_mode" not in back.params
    messages, _ = await case_rows(desk, case.id)
    assert messages == [("reply", CLERK_WORDS), ("message", CITIZEN_WORDS)]


# --- what a clerk types after a prompt --------------------------------------------------------


@pytest.mark.parametrize("platform", list(Platform))
async def test_a_clerks_question_reaches_the_citizen_as_typed(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    case = await filed(desk, sara)

    await press_on_group(desk, clerk(), "پرسش از شاکی")
    await say_in_group(desk, clerk(), CLERK_WORDS)
    await desk.drain()

    assert CLERK_WORDS in desk.last_text(sara)
    messages, events = await case_rows(desk, case.id)
    assert messages == [("question", CLERK_WORDS)]
    assert (events[-1].action, events[-1].note) == ("asked", CLERK_WORDS)


async def test_an_internal_note_is_kept_and_shown_to_staff_as_typed(
    desk: Desk, sara: Person
) -> None:
    case = await filed(desk, sara)

    await press_on_group(desk, clerk(), "یادداشت داخلی")
    await say_in_group(desk, clerk(), CLERK_WORDS)
    await say_in_group(desk, clerk(), f"/case {format_code(case.code, 'en')}")

    assert CLERK_WORDS in group_messages(desk)[-1].text  # the card's history
    messages, events = await case_rows(desk, case.id)
    assert messages == [("note", CLERK_WORDS)]
    assert events[-1].note == CLERK_WORDS


@pytest.mark.parametrize("platform", list(Platform))
async def test_a_reason_given_by_command_reaches_the_citizen_as_typed(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    case = await filed(desk, sara)

    code = format_code(case.code, "en")
    await say_in_group(desk, clerk(), f"/status {code} باطل شده  {CLERK_WORDS}")
    await desk.drain()

    assert (await the_case(desk)).status == "voided"
    assert CLERK_WORDS in desk.last_text(sara)
    _, events = await case_rows(desk, case.id)
    assert (events[-1].to_status, events[-1].note) == ("voided", CLERK_WORDS)


@pytest.mark.parametrize("platform", list(Platform))
async def test_a_reason_given_after_the_prompt_reaches_the_citizen_as_typed(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    case = await filed(desk, sara)

    await press_on_group(desk, clerk(), "ابطال")
    await say_in_group(desk, clerk(), CLERK_WORDS)
    await desk.drain()

    assert CLERK_WORDS in desk.last_text(sara)
    _, events = await case_rows(desk, case.id)
    assert (events[-1].to_status, events[-1].note) == ("voided", CLERK_WORDS)


# --- the complaint form -----------------------------------------------------------------------

BUSINESS = "فروشگاه  ديجي‌كالاً"
DESCRIPTION = "کالا را سفارش دادم ولي فاكتور ندادند و پاسخ نمي‌دهند؛ لطفاً پيگيري كنيد."


@pytest.mark.parametrize("platform", list(Platform))
async def test_the_business_and_the_description_are_kept_and_shown_as_typed(
    desk: Desk, platform: Platform
) -> None:
    sara = citizen(platform)
    await desk.say(sara, "/complaint")
    await desk.say(sara, BUSINESS)
    await answer_between(desk, sara, "website", "description")
    await desk.say(sara, DESCRIPTION)
    await answer_between(desk, sara, "order_number", "confirm")

    summary = desk.last_text(sara)
    assert BUSINESS in summary and DESCRIPTION in summary
    await answer_from(desk, sara, "confirm")
    await desk.drain()
    card = group_messages(desk)[0].text
    assert BUSINESS in card and DESCRIPTION in card

    case = await the_case(desk)
    assert (case.business_name, case.description) == (BUSINESS, DESCRIPTION)
    # The keys for matching are made from the words as typed, so Persian spellings find them.
    assert case.business_key == search_key("فروشگاه دیجی کالا")
    assert case.description_index == description_index(DESCRIPTION)
    await desk.say(ADMIN, "/find دیجی‌کالا")
    assert format_code(case.code, "fa") in desk.last_text(ADMIN)
    await desk.say(ADMIN, "/find فاکتور")
    assert format_code(case.code, "fa") in desk.last_text(ADMIN)


async def test_a_too_long_name_is_measured_as_it_would_be_kept(desk: Desk, sara: Person) -> None:
    await answer_until(desk, sara, "business_name")
    padded = "بازار" + "\u064e" * 200  # five letters under a pile of harakat: too long to keep

    await desk.say(sara, padded)

    assert "نام کسب‌وکار بلند است" in desk.last_text(sara)


# --- a rating's comment -----------------------------------------------------------------------


async def test_a_rating_comment_is_kept_as_typed(desk: Desk, sara: Person) -> None:
    await closed_case(desk, sara)
    await desk.press_button(sara, "۵")

    await desk.say(sara, CITIZEN_WORDS)

    async with desk.repo() as repo:
        rating = await repo.session.scalar(select(Rating))
    assert rating is not None and rating.comment == CITIZEN_WORDS


# --- certificate requests ---------------------------------------------------------------------


@pytest.mark.parametrize("platform", list(Platform))
async def test_a_certificates_words_reach_the_applicant_as_typed(
    desk: Desk, platform: Platform
) -> None:
    await list_as_clerk(desk, NIMA)
    applicant = citizen(platform)
    await verified_applicant(desk, applicant)
    product = "سامانه حسابداري ابري"
    await staff_says(desk, f"/cert new 09121112233 | {product} | شركت نمونه")
    async with desk.repo() as repo:
        request = await repo.session.scalar(select(CertificateRequest))
        assert request is not None
    assert (request.product_name, request.applicant_name) == (product, "شركت نمونه")

    missing = "گواهي ثبت شركت؛ مستندات فنّی"
    await staff_says(desk, f"/cert {request.code} missing 1405/09/10 {missing}")
    await staff_says(desk, f"/cert {request.code} review")
    await staff_says(desk, f"/cert {request.code} reject {CLERK_WORDS}")
    await desk.drain()

    told = [r.text for r in desk.to(applicant)]
    assert any("گواهي ثبت شركت" in text and "مستندات فنّی" in text for text in told)
    assert CLERK_WORDS in told[-1]
    assert any(product in text for text in desk.api[Platform.BALE].texts(chat_id=CERT_CHAT))
    async with desk.repo() as repo:
        stored = await repo.session.scalar(select(CertificateRequest))
    assert stored is not None and stored.rejection_reason == CLERK_WORDS
