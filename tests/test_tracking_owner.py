"""Following a case by its tracking code: its owner sees it, no one else can tell it exists."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.formatting import format_code
from services.normalize import to_persian_digits
from services.platforms import Platform
from services.tracking import CodeKind, new_code
from tests.desk import Desk, Person
from tests.forms import PHONE, answer_until, file_usual_complaint

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.fixture
def nima() -> Person:
    """Another citizen on Telegram."""
    return Person(Platform.TELEGRAM, 5002, "Nima", "Moradi")


@pytest.fixture
def sara_on_bale() -> Person:
    """Sara again, from her Bale account."""
    return Person(Platform.BALE, 6002, "Sara", "Ahmadi")


async def filed_code(desk: Desk, person: Person) -> str:
    """File the usual complaint; its tracking code, ten ASCII digits."""
    await file_usual_complaint(desk, person)
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(person.platform, person.id)
        assert user is not None
        cases = await repo.cases.of_citizens([user.id])
    assert len(cases) == 1
    return cases[0].code


def unknown_code(taken: str) -> str:
    """A well-formed code that no case has."""
    while (code := new_code(CodeKind.COMPLAINT).digits) == taken:
        pass
    return code


def shows_the_case(text: str, code: str) -> bool:
    return (
        format_code(code, "fa") in text
        and "فروشگاه نمونه" in text
        and "منتظر بررسی کارشناس" in text
        and "— شکایت شما ثبت شد" in text  # the story, one dated line an event
    )


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda code: code, id="ascii"),
        pytest.param(lambda code: to_persian_digits(code), id="persian"),
        pytest.param(lambda code: code.translate(ARABIC_INDIC), id="arabic-indic"),
        pytest.param(lambda code: f"{code[:5]}-{code[5:]}", id="dash"),
        pytest.param(
            lambda code: to_persian_digits(f"{code[:3]} {code[3:5]} - {code[5:]}"), id="spaces"
        ),
    ],
)
async def test_the_owner_sees_the_case_and_its_history(
    desk: Desk, sara: Person, typed: Callable[[str], str]
) -> None:
    code = await filed_code(desk, sara)
    await desk.say(sara, f"/track {typed(code)}")

    assert shows_the_case(desk.last_text(sara), code)


async def test_another_citizen_hears_what_an_unknown_code_gets(
    desk: Desk, sara: Person, nima: Person
) -> None:
    code = await filed_code(desk, sara)
    await desk.say(nima, f"/track {unknown_code(code)}")
    unknown = desk.last_text(nima)
    await desk.say(nima, f"/track {code}")

    assert desk.last_text(nima) == unknown
    assert "پیدا نشد" in unknown
    assert "فروشگاه نمونه" not in unknown


async def test_a_citizen_on_the_other_platform_hears_what_an_unknown_code_gets(
    desk: Desk, sara: Person, reza: Person
) -> None:
    code = await filed_code(desk, sara)
    await desk.say(reza, f"/track {unknown_code(code)}")
    unknown = desk.last_text(reza)
    await desk.say(reza, f"/track {to_persian_digits(code)}")

    assert desk.last_text(reza) == unknown
    assert "پیدا نشد" in unknown


async def test_a_code_with_a_wrong_check_digit_is_not_valid(desk: Desk, sara: Person) -> None:
    code = await filed_code(desk, sara)
    mistyped = code[:-1] + str((int(code[-1]) + 1) % 10)
    await desk.say(sara, f"/track {mistyped}")

    said = desk.last_text(sara)
    assert "این کد رهگیری درست نیست" in said
    assert "فروشگاه نمونه" not in said


async def test_the_menu_asks_for_the_code_and_the_typed_code_shows_the_case(
    desk: Desk, sara: Person
) -> None:
    code = await filed_code(desk, sara)
    await desk.say(sara, "🔎 پیگیری با کد رهگیری")
    assert "کد رهگیری را بفرستید" in desk.last_text(sara)
    await desk.say(sara, format_code(code, "fa"))

    assert shows_the_case(desk.last_text(sara), code)


async def test_tracking_mid_form_shows_the_case_and_the_form_goes_on(
    desk: Desk, sara: Person
) -> None:
    code = await filed_code(desk, sara)
    await answer_until(desk, sara, "business_name")
    await desk.say(sara, "🔎 پیگیری با کد رهگیری")
    await desk.say(sara, format_code(code, "fa"))

    case, question = desk.to(sara)[-2:]
    assert shows_the_case(case.text, code)
    assert "نام کسب‌وکاری که از آن شکایت دارید" in question.text
    await desk.say(sara, "فروشگاه دیگر")
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(sara.platform, sara.id)
        assert user is not None
        draft = await repo.drafts.get(user.id, "complaint")
    # Her number was verified with the first case: the form keeps it as on file.
    assert draft is not None
    assert draft.data == {"business_name": "فروشگاه دیگر", "contact": "on_file"}


async def verify_phone(desk: Desk, person: Person) -> None:
    """Share one's own number at the form's contact step, then leave the form."""
    await answer_until(desk, person, "contact")
    await desk.share_contact(person, PHONE, owner_id=person.id)
    await desk.say(person, "/cancel")


async def test_the_same_person_on_bale_lists_the_telegram_case(
    desk: Desk, sara: Person, sara_on_bale: Person
) -> None:
    code = await filed_code(desk, sara)
    await desk.say(sara_on_bale, "/mycases")
    assert "هنوز پرونده‌ای ندارید" in desk.last_text(sara_on_bale)  # not linked yet
    await verify_phone(desk, sara_on_bale)
    await desk.say(sara_on_bale, "/mycases")

    listing = desk.last_text(sara_on_bale)
    assert format_code(code, "fa") in listing and "فروشگاه نمونه" in listing


async def test_the_same_person_on_bale_tracks_the_telegram_case(
    desk: Desk, sara: Person, sara_on_bale: Person
) -> None:
    code = await filed_code(desk, sara)
    await desk.say(sara_on_bale, f"/track {code}")
    assert "پیدا نشد" in desk.last_text(sara_on_bale)  # not linked yet
    await verify_phone(desk, sara_on_bale)
    await desk.say(sara_on_bale, f"/track {code}")

    assert shows_the_case(desk.last_text(sara_on_bale), code)
    async with desk.repo() as repo:
        on_bale = await repo.users.by_platform_id(Platform.BALE, sara_on_bale.id)
        assert on_bale is not None and on_bale.phone == "+989123456789"
