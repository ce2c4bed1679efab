"""One event, one message: a citizen's withdrawal, objection or reopening is confirmed once,
in whole lines; the same thing is said in the same words everywhere (the step's deadline, the
tracking code), on Telegram and on Bale."""

from __future__ import annotations

import pytest

from models.tables import Case
from services.formatting import format_code
from services.platforms import Platform
from services.satisfaction import RATING_DELAY
from tests.desk import Desk, Person
from tests.staff import clerk, say_in_group, the_case
from tests.test_relay import actions_of, filed, messages_of


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def citizen(request: pytest.FixtureRequest, sara: Person, reza: Person) -> Person:
    """The complainant, on either platform."""
    return sara if request.param is Platform.TELEGRAM else reza


async def everything_after(desk: Desk, citizen: Person, seen: int) -> list[str]:
    """What reached the citizen after the first `seen` messages, once the outbox has gone
    out and the quarter of an hour before a rating question has passed."""
    await desk.drain()
    desk.clock.advance(RATING_DELAY)
    await desk.drain()
    return [request.text for request in desk.to(citizen)[seen:]]


def in_whole_lines(text: str) -> bool:
    """No line is empty or ends in a space."""
    return all(line and line == line.rstrip() for line in text.split("\n"))


async def closed_by_decision(desk: Desk, case: Case) -> None:
    ali = clerk()
    code = format_code(case.code, "en")
    await say_in_group(desk, ali, f"/status {code} referred_commission")
    await say_in_group(desk, ali, f"/opinion {code} no_violation")
    await say_in_group(desk, ali, f"/status {code} closed فروشنده کالا را ارسال کرد")
    await desk.drain()


async def test_a_withdrawal_is_confirmed_once(desk: Desk, citizen: Person) -> None:
    case = await filed(desk, citizen)
    await desk.say(citizen, f"/withdraw {case.code}")
    seen = len(desk.to(citizen))

    await desk.press_button(citizen, "بله، انصراف")

    [confirmation] = await everything_after(desk, citizen, seen)
    assert "انصراف شما ثبت شد و پرونده مختومه شد." in confirmation
    assert format_code(case.code, "fa") in confirmation
    assert in_whole_lines(confirmation)
    assert (await the_case(desk)).closed_by_withdrawal


async def test_an_objection_is_confirmed_once(desk: Desk, citizen: Person) -> None:
    case = await filed(desk, citizen)
    await closed_by_decision(desk, case)
    await desk.say(citizen, f"/object {case.code}")
    seen = len(desk.to(citizen))

    await desk.press_button(citizen, "بله، اعتراض")

    [confirmation] = await everything_after(desk, citizen, seen)
    assert "اعتراض شما ثبت شد" in confirmation
    # The step that now runs, Taazirat's, with its deadline.
    assert "رسیدگی تعزیرات حکومتی" in confirmation and "مهلت مرحله فعلی" in confirmation
    assert in_whole_lines(confirmation)
    assert (await the_case(desk)).status == "referred_judicial"


async def test_a_reopening_with_waiting_words_is_one_message(desk: Desk, citizen: Person) -> None:
    case = await filed(desk, citizen)
    await desk.say(citizen, f"/withdraw {case.code}")
    await desk.press_button(citizen, "بله، انصراف")
    await desk.drain()
    await desk.say(citizen, "فروشنده هنوز پاسخ نداده؛ می‌خواهم ادامه بدهم.")
    seen = len(desk.to(citizen))

    await desk.press_button(citizen, "بازگشایی پرونده")

    [confirmation] = await everything_after(desk, citizen, seen)
    assert "پرونده شما دوباره باز شد." in confirmation
    assert "پیام شما هم به کارشناس رسید." in confirmation
    assert in_whole_lines(confirmation)
    assert (await actions_of(desk, case.id))[-2:] == ["reopen", "wrote"]
    assert await messages_of(desk, case.id) == [
        ("message", "فروشنده هنوز پاسخ نداده؛ می‌خواهم ادامه بدهم.")
    ]


async def test_a_notice_and_track_name_the_step_and_its_deadline_alike(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)
    await say_in_group(desk, clerk(), f"/status {format_code(case.code, 'en')} in_progress")
    await desk.drain()
    notice = desk.last_text(citizen)
    assert "کارشناس سپرده شد" in notice

    await desk.say(citizen, f"/track {case.code}")

    tracked = desk.last_text(citizen)
    step_lines = [line for line in notice.split("\n") if "مرحله فعلی" in line]
    assert len(step_lines) == 2  # the step, and its deadline
    assert all(line in tracked.split("\n") for line in step_lines)
    assert "مهلت مرحله بعد" not in notice
    assert in_whole_lines(notice)


async def test_the_receipt_calls_the_code_a_tracking_code(desk: Desk, citizen: Person) -> None:
    case = await filed(desk, citizen)

    [receipt] = [text for text in (r.text for r in desk.to(citizen)) if "رسید الکترونیکی" in text]

    assert "کد رهگیری" in receipt and "شماره رهگیری" not in receipt
    assert format_code(case.code, "fa") in receipt
