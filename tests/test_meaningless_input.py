"""Input that means nothing is refused, and changes nothing.

An answer made only of invisible or formatting characters (ZWNJ, ZWJ, the bidi controls, a
soft hyphen, U+180E, a BOM, combining marks with no letter, variation selectors, Hangul
fillers) is refused as an empty one, at every step, in every prompt, and through the relay.
A forged button (a value the desk never draws) gets the stale-button answer, and the database
is as it was.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from models.tables import (
    AuditEntry,
    Case,
    CaseEvent,
    CaseMessage,
    CertificateRequest,
    Draft,
    OutboxMessage,
    Rating,
    User,
)
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.forms import (
    STEPS,
    alerts,
    answer_until,
    file_usual_complaint,
    form_in_db,
    state_of,
    step_of,
)
from tests.staff import (
    STAFF_CHAT,
    Staff,
    answers,
    clerk,
    group_texts,
    press_in_group,
    press_on_group,
    say_in_group,
    the_case,
)
from tests.test_form_input import STICKER

EMPTY = "پیام شما خالی است"
STALE = "این دکمه دیگر فعال نیست."
# Each shows nothing, however many characters it has.
INVISIBLE = [
    "\u00ad ",  # a soft hyphen and a space: a business name the desk once took
    "\u180e",  # the Mongolian vowel separator: an order number the desk once took
    "\u200c",  # ZWNJ
    "\u200d\u200c\u200d",  # ZWJ and ZWNJ
    "\u200f\u200e",  # RLM, LRM
    "\u202b\u202e\u202c",  # embedding, override, pop
    "\u2067\u2068\u2069",  # isolates
    "\ufeff",  # BOM
    "\u200b\u2060",  # zero-width space, word joiner
    "\u0301\u0651",  # combining marks with no letter
    "\ufe0f\U000e0100",  # variation selectors
    "\u3164 \u2800",  # a Hangul filler, the blank Braille cell
    " \u00ad\t\u200c\n\u200f ",  # a mix, with whitespace
]


async def a_known_clerk(desk: Desk) -> Staff:
    """A clerk who has spoken in the staff chat before, so the desk knows them already."""
    ali = clerk()
    await say_in_group(desk, ali, "/help")
    return ali


async def draft_rows(desk: Desk) -> list[tuple[int, str, dict[str, Any]]]:
    async with desk.repo() as repo:
        drafts = await repo.session.scalars(select(Draft).order_by(Draft.id))
        return [(draft.user_id, draft.step, dict(draft.data)) for draft in drafts]


async def the_desk_holds(desk: Desk) -> dict[str, Any]:
    """What a forged button might have changed: people, cases, their events and messages,
    drafts, ratings, requests, and what is waiting to be sent."""
    async with desk.repo() as repo:
        session = repo.session

        async def count(column: Any) -> int:
            return int(await session.scalar(select(func.count(column))) or 0)

        people = await session.execute(
            select(User.id, User.locale, User.phone_verified_at).order_by(User.id)
        )
        cases = await session.execute(
            select(Case.id, Case.status, Case.assignee_id, Case.opinion).order_by(Case.id)
        )
        requests = await session.execute(
            select(CertificateRequest.id, CertificateRequest.status).order_by(
                CertificateRequest.id
            )
        )
        return {
            "people": list(people),
            "cases": list(cases),
            "requests": list(requests),
            "events": await count(CaseEvent.id),
            "messages": await count(CaseMessage.id),
            "ratings": await count(Rating.id),
            "outbox": await count(OutboxMessage.id),
            "audit": await count(AuditEntry.id),
            "drafts": await draft_rows(desk),
        }


# --- the complaint form -----------------------------------------------------------------------


@pytest.mark.parametrize("step", STEPS)
async def test_an_invisible_answer_at_any_step_is_refused_as_empty(
    desk: Desk, sara: Person, step: str
) -> None:
    await answer_until(desk, sara, step)
    before = await form_in_db(desk, sara)
    assert before is not None and before[0] == step_of(step)

    for typed in INVISIBLE:
        await desk.say(sara, typed)

        assert EMPTY in desk.last_text(sara), repr(typed)
        assert await form_in_db(desk, sara) == before, repr(typed)
        assert await state_of(desk, sara) == step_of(step)


@pytest.mark.parametrize(
    ("step", "typed"),
    [
        pytest.param("business_name", "\u00ad ", id="a business name of a soft hyphen"),
        pytest.param("order_number", "\u180e", id="an order number of one invisible character"),
    ],
)
async def test_what_the_desk_once_took_is_refused(
    desk: Desk, sara: Person, step: str, typed: str
) -> None:
    await answer_until(desk, sara, step)
    await desk.say(sara, typed)

    assert EMPTY in desk.last_text(sara)
    form = await form_in_db(desk, sara)
    assert form is not None and form[0] == step_of(step)
    assert step not in form[1]


async def test_invisible_characters_inside_a_real_answer_are_kept_as_typed(
    desk: Desk, sara: Person
) -> None:
    await answer_until(desk, sara, "business_name")
    await desk.say(sara, "فروشگاه\u00adنمونه\u200cای")

    form = await form_in_db(desk, sara)
    assert form is not None and form[0] == step_of("website")
    assert form[1]["business_name"] == "فروشگاه\u00adنمونه\u200cای"


# --- other questions: a licence lookup, a tracking code, a rating's comment -------------------


async def test_an_invisible_licence_query_is_refused_and_the_question_stays(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, "/licence")
    for typed in INVISIBLE:
        await desk.say(sara, typed)

        assert EMPTY in desk.last_text(sara), repr(typed)
        assert await state_of(desk, sara) == "LicenceLookup:query"
    await desk.say(sara, "/licence \u200f\u00ad")
    assert EMPTY in desk.last_text(sara)


async def test_an_invisible_tracking_code_is_refused_and_the_question_stays(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, "/track")
    for typed in INVISIBLE:
        await desk.say(sara, typed)

        assert EMPTY in desk.last_text(sara), repr(typed)
        assert await state_of(desk, sara) == "TrackForm:code"


# --- what staff type after a prompt -----------------------------------------------------------


@pytest.mark.parametrize(
    "button",
    [
        pytest.param("یادداشت داخلی", id="note"),
        pytest.param("پرسش از شاکی", id="question"),
        pytest.param("ابطال", id="reason"),
    ],
)
async def test_an_invisible_note_question_or_reason_is_refused_and_asked_again(
    desk: Desk, sara: Person, button: str
) -> None:
    ali = clerk()
    await file_usual_complaint(desk, sara)
    await desk.drain()
    await press_on_group(desk, ali, button)
    before = await the_desk_holds(desk)

    for typed in INVISIBLE:
        await say_in_group(desk, ali, typed)

        assert EMPTY in group_texts(desk)[-1], repr(typed)
        assert await the_desk_holds(desk) == before, repr(typed)
    await say_in_group(desk, ali, "شکایت تکراری است.")
    assert EMPTY not in group_texts(desk)[-1]
    assert (await the_desk_holds(desk))["events"] == before["events"] + 1


# --- the relay --------------------------------------------------------------------------------


async def test_an_invisible_message_of_a_citizen_is_not_relayed(desk: Desk, sara: Person) -> None:
    await file_usual_complaint(desk, sara)
    await desk.drain()
    before = await the_desk_holds(desk)
    in_group = len(group_texts(desk))

    for typed in INVISIBLE:
        await desk.say(sara, typed)

        assert EMPTY in desk.last_text(sara), repr(typed)
    assert await the_desk_holds(desk) == before
    await desk.drain()
    assert len(group_texts(desk)) == in_group


async def test_an_invisible_message_of_a_clerk_in_the_thread_does_not_reach_the_citizen(
    desk: Desk, sara: Person
) -> None:
    await file_usual_complaint(desk, sara)
    await desk.drain()
    ali = await a_known_clerk(desk)
    case = await the_case(desk)
    assert case.staff_message_id is not None
    before = await the_desk_holds(desk)
    heard = len(desk.to(sara))

    for typed in INVISIBLE:
        await say_in_group(desk, ali, typed, reply_to=case.staff_message_id)

        assert EMPTY in group_texts(desk)[-1], repr(typed)
    assert await the_desk_holds(desk) == before
    await desk.drain()
    assert len(desk.to(sara)) == heard


async def test_a_sticker_of_a_clerk_in_the_thread_is_said_not_to_be_sent(
    desk: Desk, sara: Person
) -> None:
    await file_usual_complaint(desk, sara)
    await desk.drain()
    ali = await a_known_clerk(desk)
    case = await the_case(desk)
    before = await the_desk_holds(desk)
    message = {
        "message_id": 90_001,
        "date": int(desk.clock.now().timestamp()),
        "chat": {"id": STAFF_CHAT, "type": "supergroup", "title": "کارشناسان شکایات"},
        "from": ali.as_user(),
        "sticker": STICKER,
        "reply_to_message": {
            "message_id": case.staff_message_id,
            "date": int(desk.clock.now().timestamp()),
            "chat": {"id": STAFF_CHAT, "type": "supergroup", "title": "کارشناسان شکایات"},
            "from": {"id": 700001, "is_bot": True, "first_name": "Pishkhan"},
            "text": "…",
        },
    }
    await desk.feed(Platform.TELEGRAM, {"message": message})

    assert "به شاکی فرستاده نمی‌شود" in group_texts(desk)[-1]
    assert await the_desk_holds(desk) == before


# --- forged buttons ---------------------------------------------------------------------------


async def test_a_forged_language_of_sixty_characters_changes_nothing(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, "/language")
    before = await the_desk_holds(desk)

    await desk.press(sara, "lang:" + "x" * 60)

    assert alerts(desk, sara)[-1] == STALE
    assert await the_desk_holds(desk) == before
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(sara.platform, sara.id)
        assert user is not None and user.locale is None  # never chosen: the default
    await desk.press_button(sara, "English")
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(sara.platform, sara.id)
        assert user is not None and user.locale == "en"


# Values the desk never draws, for each kind of button a citizen taps (case and request 1 exist).
CITIZEN_FORGERIES = [
    "lang:de",
    "lang:fa ",
    "form:confirm:skip",
    "form:licence:done",
    "form:nowhere:skip",
    "form:start:resume:more",
    "subj:bogus",
    "subj:GUILD_LAW",
    "edit:phone",
    "edit:",
    "mine:1:close:awaiting_review",
    "mine:1:withdraw:nowhere",
    "mine:01:withdraw:awaiting_review",
    "mine:1:withdraw",
    "rate:1:9",
    "rate:1:0",
    "rate:1:-1",
    "rate:1:٥",
    "lic:<b>1400</b>",
    "lic:",
    "licc:-1",
    "licc:one",
    "forget:yes",
    "forget:2",
    "relay:0",
    "relay:abc",
    "relay:99999999999",
    "ended:1:burn:closed",
    "ended:1:new:finished",
    "nothing:at:all",
    "x" * 64,
]
# And for each kind a clerk taps in the staff chat.
STAFF_FORGERIES = [
    "case:1:zap:awaiting_review",
    "case:1:claim:nowhere",
    "case:1:claim:",
    "case:1:view:awaiting_review",
    "case:0:claim:awaiting_review",
    "case:99999999999:claim:awaiting_review",
    "case: 1:claim:awaiting_review",
    "opin:1:maybe:awaiting_review",
    "opin:1:violation:",
    "cert:1:flying:submitted",
    "cert:1:issued:nowhere",
    "cert:-1:under_review:submitted",
]


async def a_desk_with_a_case_and_a_request(desk: Desk, sara: Person) -> None:
    """Sara's case (id 1) is filed and delivered, a certificate request (id 1) registered,
    and Sara is at the summary of a second complaint."""
    await file_usual_complaint(desk, sara)
    await say_in_group(desk, clerk(), "/cert new ۰۹۱۲۱۱۱۲۲۳۳ | سامانه حسابداری ابری | شرکت نمونه")
    await desk.drain()
    await answer_until(desk, sara, "confirm")
    held = await the_desk_holds(desk)
    assert [case[0] for case in held["cases"]] == [1] and held["requests"] == [(1, "submitted")]


@pytest.mark.parametrize("data", CITIZEN_FORGERIES)
async def test_a_forged_button_of_a_citizen_is_stale_and_changes_nothing(
    desk: Desk, sara: Person, data: str
) -> None:
    await a_desk_with_a_case_and_a_request(desk, sara)
    before = await the_desk_holds(desk)
    state = await state_of(desk, sara)

    await desk.press(sara, data)

    assert alerts(desk, sara)[-1] == STALE
    assert await the_desk_holds(desk) == before
    assert await state_of(desk, sara) == state


@pytest.mark.parametrize("data", STAFF_FORGERIES)
async def test_a_forged_button_in_the_staff_chat_is_stale_and_changes_nothing(
    desk: Desk, sara: Person, data: str
) -> None:
    await a_desk_with_a_case_and_a_request(desk, sara)
    ali = await a_known_clerk(desk)
    before = await the_desk_holds(desk)

    await press_in_group(desk, ali, data, message_id=1000)

    assert answers(desk, ali)[-1] == STALE
    assert await the_desk_holds(desk) == before
