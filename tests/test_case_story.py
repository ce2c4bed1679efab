"""`/track` tells a case as a story: one dated line for each event, in words, without the
staff's internal notes, and no empty line where no deadline runs; on Telegram and on Bale."""

from __future__ import annotations

import re

import pytest

from models.tables import Case
from services.formatting import format_code
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.staff import clerk, press_on_group, say_in_group
from tests.test_relay import actions_of, filed
from tests.test_reports import shown

NOTE = "فروشنده سابقه دو شکایت مشابه دارد."
# "• ۱ آذر ۱۴۰۵، ساعت ۱۰:۰۰ — words": a date, a time, then what happened.
STORY_LINE = re.compile(r"• [۰-۹]{1,2} \S+ [۰-۹]{4}، ساعت [۰-۹]{2}:[۰-۹]{2} — (.+)")


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def citizen(request: pytest.FixtureRequest, sara: Person, reza: Person) -> Person:
    """The complainant, on either platform."""
    return sara if request.param is Platform.TELEGRAM else reza


async def story(desk: Desk, citizen: Person, case: Case) -> tuple[str, list[str]]:
    """The whole answer to /track, as read, and what its story lines say happened."""
    await desk.say(citizen, f"/track {case.code}")
    text = shown(desk.last_text(citizen))
    events = [match.group(1) for match in map(STORY_LINE.fullmatch, text.split("\n")) if match]
    return text, events


async def test_a_decided_case_reads_as_a_story(desk: Desk, citizen: Person) -> None:
    case = await filed(desk, citizen)
    ali = clerk()
    code = format_code(case.code, "en")
    await say_in_group(desk, ali, f"/status {code} in_progress")
    await press_on_group(desk, ali, "یادداشت داخلی")
    await say_in_group(desk, ali, NOTE)
    await say_in_group(desk, ali, f"/status {code} referred_commission")
    await say_in_group(desk, ali, f"/opinion {code} no_violation")
    await say_in_group(desk, ali, f"/status {code} closed فروشنده کالا را ارسال کرد")
    await desk.drain()
    assert "note" in await actions_of(desk, case.id)

    text, events = await story(desk, citizen, case)

    assert events == [
        "شکایت شما ثبت شد",
        "کارشناس پرونده را برای بررسی برداشت",
        "پرونده به کمیسیون رسیدگی به شکایات ارجاع شد",
        "کمیسیون نظر خود را اعلام کرد",
        "اتحادیه پرونده را مختومه کرد: فروشنده کالا را ارسال کرد",
    ]
    # Internal notes are neither shown nor hinted at.
    assert "سابقه دو شکایت" not in text and "یادداشت" not in text
    # Nothing runs on a closed case: no step, no deadline, and no empty line left for them.
    assert "مهلت" not in text and "مرحله فعلی" not in text
    assert all(line.strip() for line in text.split("\n"))
    assert "مختومه شد مختومه" not in text


async def test_an_open_case_names_its_step_and_deadline_once(desk: Desk, citizen: Person) -> None:
    case = await filed(desk, citizen)

    text, events = await story(desk, citizen, case)

    assert events == ["شکایت شما ثبت شد"]
    assert "ثبت شکایت منتظر بررسی کارشناس" not in text
    lines = text.split("\n")
    assert [line for line in lines if "مرحله فعلی:" in line and "مهلت" not in line] != []
    assert len([line for line in lines if "مرحله فعلی:" in line]) == 2
    assert text.count("مهلت مرحله فعلی:") == 1
    assert all(line.strip() for line in text.split("\n"))


async def test_the_citizens_own_moves_and_words_are_told_as_theirs(
    desk: Desk, citizen: Person
) -> None:
    case = await filed(desk, citizen)
    await desk.say(citizen, "سلام، فاکتور را هم دارم.")
    await desk.say(citizen, f"/withdraw {case.code}")
    await desk.press_button(citizen, "بله، انصراف")

    _, events = await story(desk, citizen, case)

    assert events == [
        "شکایت شما ثبت شد",
        "برای کارشناس پیام فرستادید",
        "از شکایت انصراف دادید و پرونده مختومه شد",
    ]
