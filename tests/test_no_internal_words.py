"""No word of the program reaches a person: a whole case, tried as a new clerk and a new admin
would, and every text the desk sent anyone on the way is read for snake_case words and the
keys of statuses, opinions, queues, settings and moves (web addresses, file names, @usernames
and commands aside: `tests.identifiers`).

The citizen and the admin are on Telegram, then on Bale; the clerks work in the Telegram staff
group. The clock starts on Sunday 1 Azar 1405, 10:00 in Tehran.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from models.tables import Case, QueuePolicy, Rating, StaffMember
from scheduler.jobs import Jobs
from services.calendar import TEHRAN
from services.formatting import format_code
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.forms import file_usual_complaint
from tests.identifiers import identifiers_in, words_of
from tests.staff import (
    Staff,
    clerk,
    group_messages,
    list_as_clerk,
    press_on_group,
    say_in_group,
    second_clerk,
)

PEOPLE = {
    Platform.TELEGRAM: (
        Person(Platform.TELEGRAM, 5001, "Sara", "Ahmadi"),
        Staff(Platform.TELEGRAM, 111, "Mina", "Admin", username="mina_admin"),
    ),
    Platform.BALE: (
        Person(Platform.BALE, 6001, "Reza", "Karimi"),
        Staff(Platform.BALE, 222, "Mina", "Admin", username="mina_bale"),
    ),
}


async def a_whole_case(desk: Desk, citizen: Person, mina: Staff) -> str:
    """From filing to closing, with the staff's and the admin's commands on the way; the
    case's code as typed."""
    ali, neda = clerk(), second_clerk()
    await desk.say(neda, "/start")
    await list_as_clerk(desk, neda)
    await file_usual_complaint(desk, citizen)
    await desk.drain()
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
    code = format_code(case.code, "en")

    # The clerk takes the case on, asks, refers it, records the opinion and closes it.
    await press_on_group(desk, ali, "پذیرفتن")
    await say_in_group(desk, ali, f"/case {code}")
    await say_in_group(desk, ali, f"/status {code} مختومه")  # not yet: the moves open now
    await press_on_group(desk, ali, "ارجاع به کمیسیون")
    await press_on_group(desk, ali, "ثبت نظر کمیسیون")
    await press_on_group(desk, ali, "تخلفی احراز نشد")
    await say_in_group(desk, ali, f"/assign {code} @neda_s")
    desk.clock.set(datetime(2026, 11, 23, 11, 0, tzinfo=TEHRAN))
    await press_on_group(desk, ali, "مختومه کردن")
    assert "دلیل" in group_messages(desk)[-1].text
    await say_in_group(desk, ali, "سازش طرفین؛ کالا پس گرفته شد.")
    await say_in_group(desk, ali, f"/case {code}")
    await desk.drain()
    await desk.say(citizen, "/mycases")
    await desk.say(citizen, f"/track {code}")

    # The admin's console.
    for command in (
        "/help",
        "/stats",
        "/export",
        "/export وضعیت مختومه قالب csv",
        "/export status معلق",
        "/sla",
        "/sla شکایات کمیسیون=۷",
        "/sla شکایات هفته=۲",
        "/sla تأییدیه‌ها",
        "/staff",
        "/staff افزودن @ali_moradi",
        "/find کالا",
        f"/find {code}",
        "/holiday",
    ):
        await desk.say(mina, command)
    desk.clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=TEHRAN))
    await Jobs(desk.sessionmaker, desk.settings.config, desk.clock).digest()
    await desk.drain()
    await desk.press_button(citizen, "۵ ⭐")  # asked once the case was closed
    await desk.drain()
    return code


@pytest.mark.parametrize("platform", list(Platform))
async def test_no_key_of_the_program_reaches_anyone(desk: Desk, platform: Platform) -> None:
    citizen, mina = PEOPLE[platform]

    await a_whole_case(desk, citizen, mina)

    shown = [
        (platform_, request.method, words)
        for platform_, api in desk.api.items()
        for request in api.requests
        for words in words_of(request)
    ]
    assert len(shown) > 40  # the whole story was told
    leaks = [
        (where, method, found, words)
        for where, method, words in shown
        if (found := identifiers_in(words))
    ]
    assert leaks == []
    # The story did happen as told.
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        assert (case.status, case.opinion) == ("closed", "no_violation")
        assert await repo.session.scalar(select(Rating.score)) == 5
        policy = await repo.session.get(QueuePolicy, "complaints")
        assert policy is not None and policy.values == {"commission_days": 7}
        listed = set(await repo.session.scalars(select(StaffMember.platform_user_id)))
        assert listed == {clerk().id, second_clerk().id}
