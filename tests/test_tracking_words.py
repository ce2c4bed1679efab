"""A citizen follows a case the way people do: a code mistyped once and sent again, a code
pasted on its own, «وضعیت پرونده» in their own words. Each is answered, on Telegram and on
Bale, and none of it is passed to a clerk as a message about the case."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.tables import Case
from services.formatting import format_code
from services.normalize import to_persian_digits
from services.platforms import Platform
from services.tracking import damm_check_digit
from tests.desk import Desk, Person
from tests.forms import state_of
from tests.staff import clerk, group_texts, press_on_group, say_in_group
from tests.test_relay import actions_of, filed, messages_of
from tests.test_reports import code_of, insert_case, person_in_db
from tests.test_tracking_owner import shows_the_case

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
TRACKING = "TrackForm:code"


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def citizen(request: pytest.FixtureRequest, sara: Person, reza: Person) -> Person:
    """The complainant, on either platform."""
    return sara if request.param is Platform.TELEGRAM else reza


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def stranger(request: pytest.FixtureRequest) -> Person:
    """Another citizen, with a phone of their own, on either platform."""
    if request.param is Platform.TELEGRAM:
        return Person(Platform.TELEGRAM, 5002, "Nima", "Moradi")
    return Person(Platform.BALE, 6003, "Parisa", "Rahimi")


def mistyped(code: str) -> str:
    """The code with its last digit mistyped: ten digits that fail the check digit."""
    return code[:-1] + str((int(code[-1]) + 1) % 10)


def unchecked(payload: str) -> str:
    """Nine digits and a check digit that does not match them."""
    return payload + str((int(damm_check_digit(payload)) + 1) % 10)


async def nothing_reached_the_clerk(desk: Desk, case: Case, relayed_before: int) -> None:
    """Nothing the citizen typed became a message about the case: no message kept, no
    event, nothing new in the staff chat that quotes the complainant."""
    await desk.drain()
    assert await messages_of(desk, case.id) == []
    assert "wrote" not in await actions_of(desk, case.id)
    relayed = [text for text in group_texts(desk) if "پیام شاکی" in text]
    assert len(relayed) == relayed_before


async def test_a_mistyped_code_is_a_slip_and_the_corrected_one_is_followed(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)
    await desk.say(citizen, "🔎 پیگیری با کد رهگیری")

    await desk.say(citizen, mistyped(case.code))

    said = desk.last_text(citizen)
    assert "اشتباه تایپ شده یا دو رقم جابه‌جا شده‌اند" in said
    assert "پیدا نشد" not in said and "ده رقم دارد" not in said
    # What was typed is shown back, in Persian digits, so the slip is easy to see.
    assert to_persian_digits(mistyped(case.code)) in said
    assert await state_of(desk, citizen) == TRACKING  # still ready for the code

    await desk.say(citizen, case.code)

    assert shows_the_case(desk.last_text(citizen), case.code)
    assert await state_of(desk, citizen) is None
    await nothing_reached_the_clerk(desk, case, 0)


async def test_too_few_digits_and_words_are_told_apart_and_the_desk_waits(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)
    await desk.say(citizen, f"/track {to_persian_digits(case.code[:7])}")
    assert "۷ رقم دارد" in desk.last_text(citizen)
    await desk.say(citizen, "کدم را پیدا نمی‌کنم")
    assert "در رسید ثبت شکایت آمده است" in desk.last_text(citizen)
    assert await state_of(desk, citizen) == TRACKING

    await desk.say(citizen, f"کد من {format_code(case.code, 'fa')} است")

    assert shows_the_case(desk.last_text(citizen), case.code)
    await nothing_reached_the_clerk(desk, case, 0)


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda code: code, id="ascii"),
        pytest.param(lambda code: to_persian_digits(code), id="persian"),
        pytest.param(lambda code: code.translate(ARABIC_INDIC), id="arabic-indic"),
        pytest.param(lambda code: format_code(code, "fa"), id="persian-dash"),
        pytest.param(lambda code: f" {code[:5]} {code[5:]} ", id="spaces"),
    ],
)
async def test_a_code_sent_on_its_own_is_followed_and_never_relayed(
    desk: Desk, citizen: Person, typed: Callable[[str], str]
) -> None:
    case = await filed(desk, citizen)

    await desk.say(citizen, typed(case.code))

    assert shows_the_case(desk.last_text(citizen), case.code)
    await nothing_reached_the_clerk(desk, case, 0)


async def test_a_mistyped_code_sent_on_its_own_is_a_slip_and_the_desk_waits(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)

    slip = to_persian_digits(mistyped(case.code))
    await desk.say(citizen, f"{slip[:5]}-{slip[5:]}")

    assert "اشتباه تایپ شده" in desk.last_text(citizen)
    assert await state_of(desk, citizen) == TRACKING
    await desk.say(citizen, case.code)
    assert shows_the_case(desk.last_text(citizen), case.code)
    await nothing_reached_the_clerk(desk, case, 0)


async def test_someone_elses_code_on_its_own_gets_the_unknown_code_answer(
    desk: Desk, sara: Person, stranger: Person
) -> None:
    """The owner-only rule holds for a code sent on its own: the stranger, whose own case is
    open (so their words would reach its clerk), hears what an unknown code gets, and nothing
    reaches anyone's thread."""
    theirs = await filed(desk, sara)
    async with desk.repo() as repo:
        own = insert_case(repo, 2, await person_in_db(repo, stranger))
        await repo.commit()
    await desk.say(stranger, code_of(99))  # a valid code no case has
    unknown_answer = desk.last_text(stranger)

    await desk.say(stranger, theirs.code)

    assert desk.last_text(stranger) == unknown_answer
    assert "پیدا نشد" in unknown_answer and "فروشگاه نمونه" not in unknown_answer
    await nothing_reached_the_clerk(desk, theirs, 0)
    await nothing_reached_the_clerk(desk, own, 0)


@pytest.mark.parametrize(
    "words",
    [
        "وضعیت پرونده",
        "وضعيت پرونده؟",  # Arabic yeh, a question mark
        "پرونده هاي من",  # a space for the half-space, Arabic yeh
        "پرونده‌های من",
        "پیگیری",
        "وضعیت شکایت",
        "شكايت من چی شد؟",  # Arabic kaf and yeh
    ],
)
async def test_words_for_my_cases_answer_as_mycases(
    desk: Desk, citizen: Person, words: str
) -> None:
    case = await filed(desk, citizen)
    await desk.say(citizen, "/mycases")
    listing = desk.last_text(citizen)

    await desk.say(citizen, words)

    assert desk.last_text(citizen) == listing
    assert format_code(case.code, "fa") in listing
    await nothing_reached_the_clerk(desk, case, 0)


async def test_words_for_my_cases_in_the_tracking_prompt_list_them(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)
    await desk.say(citizen, "/track")

    await desk.say(citizen, "وضعیت پرونده")

    assert "پرونده‌های شما" in desk.last_text(citizen)
    assert format_code(case.code, "fa") in desk.last_text(citizen)
    assert await state_of(desk, citizen) is None


async def test_a_ten_digit_answer_to_a_clerks_question_reaches_the_clerk(
    desk: Desk, citizen: Person
) -> None:
    """A national ID asked for by a clerk is ten digits too: while a question waits, ten
    digits that are no valid code are the answer."""
    case = await filed(desk, citizen)
    ali = clerk()
    await press_on_group(desk, ali, "پرسش از شاکی")
    await say_in_group(desk, ali, "کد ملی خود را بفرستید.")
    await desk.drain()
    national_id = unchecked("123456789")

    await desk.say(citizen, to_persian_digits(national_id))

    assert "به کارشناس رسید" in desk.last_text(citizen)
    assert await messages_of(desk, case.id) == [
        ("question", "کد ملی خود را بفرستید."),
        ("answer", to_persian_digits(national_id)),
    ]


async def test_ten_digits_that_cannot_be_a_code_are_words_for_the_clerk(
    desk: Desk, citizen: Person
) -> None:
    """A code starts with its kind digit and never a 0 after it: a phone number without its
    leading 0 is the citizen's words."""
    case = await filed(desk, citizen)

    await desk.say(citizen, "9123456789")

    assert "به کارشناس رسید" in desk.last_text(citizen)
    assert await messages_of(desk, case.id) == [("message", "9123456789")]
