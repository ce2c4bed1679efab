"""Whatever a careless or hostile person sends, at every step of the complaint form and through
the relay, is answered and breaks nothing.

Hypothesis draws the messages: words that show nothing (invisible and formatting characters
only), Arabic ي and ك, Persian and Arabic-Indic digits, emoji, markup (``<b>``, ``&``, ``<``),
texts of ten thousand characters, and photos, stickers, voice notes, files, places and other
people's contacts where words are asked for. Each test stands one desk at its step once and
sends every example there: each gets an answer, none raises, and the database holds either the
step as it was or the answer the step's rule gives. How many examples run is the Hypothesis
profile's (``HYPOTHESIS_PROFILE``: a quick default locally, ``ci`` in CI; see conftest).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from handlers.kit.keyboards import MENU_KEYS
from models.tables import Case, CaseMessage, Draft
from services import complaints as rules
from services.calendar import tehran_today
from services.money import Money
from services.normalize import is_blank
from services.platforms import Platform
from services.texts import LOCALES, texts
from tests.conftest import DISPATCHER_EXAMPLES, STACKS
from tests.desk import Desk, Person
from tests.fakes import BOT_IDS
from tests.forms import STEPS, answer_until, file_usual_complaint, step_of
from tests.staff import GROUP, STAFF_CHAT, clerk, the_case
from tests.test_form_input import STICKER

EMPTY = "پیام شما خالی است"

# --- what people send -----------------------------------------------------------------------

INVISIBLE = (
    "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u00ad\u180e\ufeff\u200b\u2060\u061c\u0301\u0651\u20dd\ufe0f\U000e0100\u3164 \t\n"
)
PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىةۀآأإؤئ ًٌٍَُِّْ\u200c،؛؟"
DIGITS = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩/-.,٬ "
EMOJI = ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🇮🇷", "1️⃣", "❤️", "🏳️‍🌈", "𝕏"]
MARKUP = [
    "<b>",
    "</b>",
    "&",
    "<",
    ">",
    "&amp;",
    '<a href="x">',
    "</code>",
    "*",
    "_",
    "`",
    "[a](b)",
]
# Answers some step takes, so that examples also go through.
PLAUSIBLE = [
    "فروشگاه نمونه",
    "shop.ir",
    "https://www.Shop.ir/",
    "@shop_name",
    "1400-12345",
    "۱۴۰۵/۰۸/۲۵",
    "١٤٠٥/٠٨/٢٥",
    "۲٬۵۰۰٬۰۰۰",
    "ORD-98765",
    "کالای سفارش داده شده پس از دو هفته هنوز ارسال نشده است.",
]
_MENU = {texts(locale).plain(key) for locale in LOCALES for key in MENU_KEYS}

invisible = st.text(alphabet=INVISIBLE, min_size=1, max_size=20)
fragment = st.one_of(
    invisible,
    st.text(alphabet=PERSIAN, min_size=1, max_size=30),
    st.text(alphabet=DIGITS, min_size=1, max_size=15),
    st.sampled_from(EMOJI),
    st.sampled_from(MARKUP),
    st.sampled_from(PLAUSIBLE),
    st.text(min_size=1, max_size=20),
)
ten_thousand = st.builds(
    lambda unit, size: (unit * size)[:size],
    st.sampled_from(["ب", "😀", "a ", "ی\u200c", "<b>&", "\u200f"]),
    st.sampled_from([3_001, 4_097, 10_000]),
)


def _said(text: str) -> bool:
    """Words the person could send as words: commands and the menu's buttons are other
    updates, tested on their own."""
    words = text.split()
    return bool(text) and text not in _MENU and not (words and words[0].startswith("/"))


words = st.one_of(
    invisible,
    st.lists(fragment, min_size=1, max_size=6).map("".join),
    ten_thousand,
).filter(_said)


def _photo(caption: str | None) -> dict[str, Any]:
    photo = [{"file_id": "shot", "file_unique_id": "u-shot", "width": 800, "height": 600}]
    return {"photo": photo} | ({"caption": caption} if caption else {})


def _document(name: str, size: int) -> dict[str, Any]:
    document = {"file_id": "doc", "file_unique_id": "u-doc", "file_name": name, "file_size": size}
    return {"document": document}


not_words = st.one_of(
    st.builds(_photo, st.one_of(st.none(), words)),
    st.builds(
        _document,
        st.one_of(st.just("invoice.pdf"), words.map(lambda text: text[:200])),
        st.sampled_from([1_000, 21 * 1024 * 1024]),
    ),
    st.just({"sticker": STICKER}),
    st.just({"voice": {"file_id": "voice-1", "file_unique_id": "u-voice-1", "duration": 3}}),
    st.just({"location": {"latitude": 35.7, "longitude": 51.4}}),
    st.just({"dice": {"emoji": "🎲", "value": 3}}),
    # Someone else's number, shared as a contact.
    st.just({"contact": {"phone_number": "+989350001111", "first_name": "X", "user_id": 1}}),
)
messages = st.one_of(words.map(lambda text: {"text": text}), not_words)

# One desk for all the examples of a test: each example must be cheap, and leave the step as
# it found it.
_CHEAP = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
EXAMPLES = settings(max_examples=DISPATCHER_EXAMPLES, deadline=None, suppress_health_check=_CHEAP)
# On PostgreSQL and Redis, where an example costs more, one test draws a sample of the same
# at every step and through the relay: as many examples as two steps have on the embedded stack.
SERVER_EXAMPLES = settings(
    max_examples=2 * DISPATCHER_EXAMPLES, deadline=None, suppress_health_check=_CHEAP
)


@pytest.fixture
def stack() -> str:
    """These tests run on the embedded stack; the server stack has its own sample below."""
    return "embedded"


# --- the complaint form ---------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """Someone at a step of the form, and the draft the database held when they got there."""

    person: Person
    user_id: int
    step: str
    form: tuple[str, dict[str, Any]]


async def stand_at(desk: Desk, person: Person, step: str) -> Standing:
    await answer_until(desk, person, step)
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(person.platform, person.id)
        assert user is not None
    form = await draft_of(desk, user.id)
    assert form is not None and form[0] == step_of(step)
    return Standing(person, user.id, step, form)


async def draft_of(desk: Desk, user_id: int) -> tuple[str, dict[str, Any]] | None:
    """A person's complaint draft: its step and answers (one query: examples are many)."""
    async with desk.repo() as repo:
        found = await repo.session.execute(
            select(Draft.step, Draft.data).where(
                Draft.user_id == user_id, Draft.form == rules.FORM
            )
        )
        row = found.one_or_none()
        return None if row is None else (row.step, dict(row.data))


def _rule(step: str, text: str, limits: rules.Limits, today: date) -> tuple[str, Any] | None:
    """The field a step that asks for words keeps, and what its rule makes of the text."""
    if step == "business_name":
        return "business_name", rules.check_business_name(text, limits)
    if step == "website":
        return "website", rules.check_website(text)
    if step == "licence":
        return "licence_number", rules.check_licence_number(text)
    if step == "description":
        return "description", rules.check_description(text, limits)
    if step == "order_number":
        return "order_number", rules.check_order_number(text, limits)
    if step == "order_date":
        return "order_date", rules.check_order_date(text, today)
    if step == "order_amount":
        return "order_amount", rules.check_order_amount(text)
    return None


def _kept(step: str, content: dict[str, Any], desk: Desk) -> tuple[str, Any] | None:
    """The answer the step's rule keeps from this message (field and value), or None when
    the rule refuses it; the attachments step keeps a photo or a small enough file."""
    if step == "attachments":
        size = content.get("document", {}).get("file_size", 0)
        return ("attachments", ...) if "photo" in content or 0 < size < 2**20 else None
    text = content.get("text")
    if text is None:
        return None
    limits = rules.Limits(
        text_max=desk.settings.text_max_chars,
        description_min=desk.settings.description_min_chars,
        description_max=desk.settings.description_max_chars,
        max_attachments=desk.settings.max_attachments,
    )
    ruled = _rule(step, text, limits, tehran_today(desk.clock.now()))
    if ruled is None or isinstance(ruled[1], rules.Invalid):
        return None
    field, value = ruled
    if isinstance(value, Money):
        return field, value.rials  # an amount is kept in rials, whatever unit was written
    return field, value.isoformat() if isinstance(value, date) else value


async def put_back(desk: Desk, at: Standing) -> None:
    """The form as it was before an example that went through: the conversation and the
    draft, as the form itself keeps them."""
    step, data = at.form
    person = at.person
    context = desk.dp.fsm.get_context(
        bot=desk.bots[person.platform], chat_id=person.id, user_id=person.id
    )
    await context.set_state(step)
    await context.set_data(data)
    async with desk.repo() as repo:
        await repo.drafts.save(at.user_id, rules.FORM, step, data, desk.clock.now())
        await repo.commit()


async def sent_at_a_step(desk: Desk, at: Standing, content: dict[str, Any]) -> None:
    """One message at a step: answered; the draft as it was, or holding what the rule kept."""
    desk.api[at.person.platform].clear()

    await desk.send(at.person, **content)

    assert desk.to(at.person), "no answer"
    text = content.get("text")
    if text is not None and is_blank(text):
        assert EMPTY in desk.last_text(at.person)
    after = await draft_of(desk, at.user_id)
    kept = _kept(at.step, content, desk)
    if kept is None:
        assert after == at.form
        return
    assert after is not None and after != at.form
    field, value = kept
    if value is not ...:
        assert after[1][field] == value
    await put_back(desk, at)


@pytest.fixture
async def standing(desk: Desk, sara: Person, step: str) -> Standing:
    return await stand_at(desk, sara, step)


@pytest.mark.parametrize("step", STEPS)
@EXAMPLES
@given(content=messages)
async def test_whatever_is_sent_at_a_step_is_answered_and_kept_only_by_its_rule(
    desk: Desk, standing: Standing, content: dict[str, Any]
) -> None:
    await sent_at_a_step(desk, standing, content)


# --- the relay ------------------------------------------------------------------------------


async def count_messages(desk: Desk, kind: str) -> int:
    async with desk.repo() as repo:
        query = select(func.count(CaseMessage.id)).where(CaseMessage.kind == kind)
        return int(await repo.session.scalar(query) or 0)


def _carried(content: dict[str, Any]) -> bool:
    """A message the relay passes on: words that show something, a photo, a small file."""
    if "text" in content:
        return not is_blank(content["text"])
    if "document" in content:
        return bool(content["document"]["file_size"] < 2**20)
    return "photo" in content


async def sent_by_the_citizen(desk: Desk, citizen: Person, content: dict[str, Any]) -> None:
    """One message of a citizen with a case, outside any form: answered; only what the relay
    carries reaches the case."""
    desk.api[citizen.platform].clear()
    before = await count_messages(desk, "message")

    await desk.send(citizen, **content)

    assert desk.to(citizen), "no answer"
    relayed = await count_messages(desk, "message") - before
    assert relayed == (1 if _carried(content) else 0)
    if "text" in content and is_blank(content["text"]):
        assert EMPTY in desk.last_text(citizen)


_clerk_message_ids = itertools.count(90_000)


async def sent_by_the_clerk(desk: Desk, case: Case, content: dict[str, Any]) -> None:
    """One message of a clerk in the case's thread (a reply to its card): answered there;
    only what the relay carries reaches the citizen."""
    api = desk.api[Platform.TELEGRAM]
    api.clear()
    before = await count_messages(desk, "reply")
    card = {
        "message_id": case.staff_message_id,
        "date": int(desk.clock.now().timestamp()),
        "chat": GROUP,
        "from": {"id": BOT_IDS[Platform.TELEGRAM], "is_bot": True, "first_name": "Pishkhan"},
        "text": "…",
    }
    message = {
        "message_id": next(_clerk_message_ids),
        "date": int(desk.clock.now().timestamp()),
        "chat": GROUP,
        "from": clerk().as_user(),
        "reply_to_message": card,
    } | content

    await desk.feed(Platform.TELEGRAM, {"message": message})

    answered = api.sent(chat_id=STAFF_CHAT)
    assert answered, "no answer"
    relayed = await count_messages(desk, "reply") - before
    assert relayed == (1 if _carried(content) else 0)
    if "text" in content and is_blank(content["text"]):
        assert EMPTY in answered[-1].text


@pytest.fixture
async def filed(desk: Desk, sara: Person) -> Case:
    """Sara's complaint, filed and delivered: its thread in the staff chat is open."""
    await file_usual_complaint(desk, sara)
    await desk.drain()
    return await the_case(desk)


@EXAMPLES
@given(content=messages)
async def test_whatever_a_citizen_sends_about_a_case_is_answered_and_only_words_relayed(
    desk: Desk, sara: Person, filed: Case, content: dict[str, Any]
) -> None:
    await sent_by_the_citizen(desk, sara, content)


@EXAMPLES
@given(content=messages)
async def test_whatever_a_clerk_sends_in_a_cases_thread_is_answered_and_only_words_relayed(
    desk: Desk, filed: Case, content: dict[str, Any]
) -> None:
    await sent_by_the_clerk(desk, filed, content)


# --- the same on PostgreSQL and Redis, a sample ---------------------------------------------


@dataclass(frozen=True)
class Everywhere:
    """One desk with someone at every step of the form, and Sara's filed case."""

    steps: dict[str, Standing]
    sara: Person
    case: Case


@pytest.fixture
async def everywhere(desk: Desk, sara: Person) -> Everywhere:
    steps = {
        step: await stand_at(desk, Person(Platform.TELEGRAM, 5100 + index), step)
        for index, step in enumerate(STEPS)
    }
    await file_usual_complaint(desk, sara)
    await desk.drain()
    return Everywhere(steps, sara, await the_case(desk))


@pytest.mark.skipif(len(STACKS) == 1, reason="TEST_DATABASE_URL and TEST_REDIS_URL are not set")
@pytest.mark.parametrize("stack", ["server"])
@SERVER_EXAMPLES
@given(where=st.sampled_from([*STEPS, "citizen", "clerk"]), content=messages)
async def test_on_the_server_stack_whatever_is_sent_anywhere_is_answered(
    desk: Desk, everywhere: Everywhere, where: str, content: dict[str, Any]
) -> None:
    if where == "citizen":
        await sent_by_the_citizen(desk, everywhere.sara, content)
    elif where == "clerk":
        await sent_by_the_clerk(desk, everywhere.case, content)
    else:
        await sent_at_a_step(desk, everywhere.steps[where], content)
