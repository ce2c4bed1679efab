"""The due dates of a complaint, filed through the real form at a set instant.

Step 1 (Article 6 of the commissions bylaw): refer within 2 working days of receipt, due at
16:00 on the second working day after the day the clock starts. Article 72: the union decides
within 10 days, due at 16:00 that day, or on the next working day when it is a day off.
The office works Saturday to Wednesday, 08:00-16:00. Holidays used below, as the `holidays`
package (country IR) lists them: 2026-03-20 Oil Nationalization Day, 2026-03-21..24 Nowruz;
2027-03-20 Oil Nationalization Day, 2027-03-21..24 Nowruz; 2026-05-27 Eid al-Adha,
2026-06-04 Death of Imam Khomeini and Eid al-Ghadir, 2026-06-05 15 Khordad; 2026-06-24 Tasua,
2026-06-25 Ashura. Every expected instant is written out in Tehran time.
"""

from __future__ import annotations

from datetime import date, datetime

import holidays
import pytest

from models.tables import Case, Closure
from services.calendar import TEHRAN
from services.formatting import format_code
from tests.desk import Desk, Person
from tests.forms import answer_from, answer_until
from tests.staff import the_case


def tehran(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TEHRAN)


async def filed_at(desk: Desk, person: Person, instant: datetime) -> Case:
    """File the usual complaint with the clock at `instant`; the stored case."""
    desk.clock.set(instant)
    await answer_until(desk, person, "order_date")
    await desk.say(person, "۱۴۰۴/۱۱/۰۱")  # an order before every instant used here
    await answer_from(desk, person, "order_amount")
    assert "شکایت شما ثبت شد" in "\n".join(r.text for r in desk.to(person))
    return await the_case(desk)


def test_the_holidays_used_here_are_those_of_the_library() -> None:
    """The expectations below rest on these days off; if the library moves one, look again."""
    iran = holidays.country_holidays("IR", years=[2026, 2027])
    for day in (
        date(2026, 3, 20),
        date(2026, 3, 21),
        date(2026, 3, 24),
        date(2026, 5, 27),
        date(2026, 6, 4),
        date(2026, 6, 5),
        date(2026, 6, 24),
        date(2026, 6, 25),
        date(2027, 3, 20),
        date(2027, 3, 21),
        date(2027, 3, 24),
    ):
        assert day in iran, day
    for day in (date(2026, 3, 25), date(2026, 5, 30), date(2026, 6, 27), date(2027, 3, 27)):
        assert day not in iran, day


async def test_an_ordinary_working_morning(desk: Desk, sara: Person) -> None:
    case = await filed_at(desk, sara, tehran(2026, 11, 22, 10, 0))  # Sunday 1 Azar 1405

    assert case.received_at == tehran(2026, 11, 22, 10, 0)
    assert case.clock_started_at == tehran(2026, 11, 22, 10, 0)
    assert case.step == "referral"
    assert case.step_due_at == tehran(2026, 11, 24, 16, 0)  # Tuesday
    assert case.overall_due_at == tehran(2026, 12, 2, 16, 0)  # Wednesday
    assert not any("خارج از ساعت کاری" in r.text for r in desk.to(sara))

    await desk.say(sara, f"/track {format_code(case.code, 'fa')}")
    assert "۳ آذر ۱۴۰۵، ساعت ۱۶:۰۰" in desk.last_text(sara)


async def test_in_the_evening_the_clock_starts_next_working_morning(
    desk: Desk, sara: Person
) -> None:
    case = await filed_at(desk, sara, tehran(2026, 11, 22, 18, 30))  # Sunday evening

    assert case.received_at == tehran(2026, 11, 22, 18, 30)
    assert case.clock_started_at == tehran(2026, 11, 23, 8, 0)  # Monday 08:00
    assert case.step_due_at == tehran(2026, 11, 25, 16, 0)  # Wednesday
    assert case.overall_due_at == tehran(2026, 12, 5, 16, 0)  # 3 Dec is a Thursday
    told = desk.last_text(sara)
    assert "خارج از ساعت کاری" in told
    assert "از دوشنبه ۲ آذر ۱۴۰۵، ساعت ۰۸:۰۰" in told


async def test_before_opening_the_clock_starts_at_eight(desk: Desk, sara: Person) -> None:
    case = await filed_at(desk, sara, tehran(2026, 11, 22, 6, 45))

    assert case.clock_started_at == tehran(2026, 11, 22, 8, 0)
    assert case.step_due_at == tehran(2026, 11, 24, 16, 0)
    assert "از یکشنبه ۱ آذر ۱۴۰۵، ساعت ۰۸:۰۰" in desk.last_text(sara)


async def test_wednesday_afternoon_before_the_weekend(desk: Desk, sara: Person) -> None:
    case = await filed_at(desk, sara, tehran(2026, 11, 25, 14, 0))  # Wednesday 4 Azar

    assert case.clock_started_at == tehran(2026, 11, 25, 14, 0)
    assert case.step_due_at == tehran(2026, 11, 29, 16, 0)  # Sunday, after Thursday-Friday
    assert case.overall_due_at == tehran(2026, 12, 5, 16, 0)  # Saturday


async def test_wednesday_after_closing_waits_for_saturday(desk: Desk, sara: Person) -> None:
    case = await filed_at(desk, sara, tehran(2026, 11, 25, 17, 0))

    assert case.clock_started_at == tehran(2026, 11, 28, 8, 0)  # Saturday 7 Azar
    assert case.step_due_at == tehran(2026, 11, 30, 16, 0)  # Monday
    assert case.overall_due_at == tehran(2026, 12, 8, 16, 0)  # Tuesday
    assert "از شنبه ۷ آذر ۱۴۰۵، ساعت ۰۸:۰۰" in desk.last_text(sara)


async def test_on_a_friday_the_clock_starts_on_saturday(desk: Desk, sara: Person) -> None:
    case = await filed_at(desk, sara, tehran(2026, 11, 27, 11, 0))  # Friday

    assert case.clock_started_at == tehran(2026, 11, 28, 8, 0)
    assert case.step_due_at == tehran(2026, 11, 30, 16, 0)
    assert case.overall_due_at == tehran(2026, 12, 8, 16, 0)


async def test_just_before_nowruz_1406(desk: Desk, sara: Person) -> None:
    # Wednesday 26 Esfand 1405; then Thursday-Friday, 20 March, and Nowruz 21-24 March.
    case = await filed_at(desk, sara, tehran(2027, 3, 17, 10, 0))

    assert case.step_due_at == tehran(2027, 3, 28, 16, 0)  # Sunday, the second working day
    assert case.overall_due_at == tehran(2027, 3, 27, 16, 0)  # Saturday: a working day


async def test_just_before_nowruz_1405(desk: Desk, sara: Person) -> None:
    # Tuesday 26 Esfand 1404: Wednesday works, then 19 March (Thursday) to 24 March are off.
    case = await filed_at(desk, sara, tehran(2026, 3, 17, 12, 0))

    assert case.step_due_at == tehran(2026, 3, 25, 16, 0)  # Wednesday 5 Farvardin
    assert case.overall_due_at == tehran(2026, 3, 28, 16, 0)  # 27 March is a Friday


async def test_just_before_tasua_and_ashura(desk: Desk, sara: Person) -> None:
    case = await filed_at(desk, sara, tehran(2026, 6, 23, 11, 0))  # Tuesday

    assert case.step_due_at == tehran(2026, 6, 28, 16, 0)  # Sunday
    assert case.overall_due_at == tehran(2026, 7, 4, 16, 0)  # 3 July is a Friday


async def test_the_evening_before_tasua_waits_for_saturday(desk: Desk, sara: Person) -> None:
    case = await filed_at(desk, sara, tehran(2026, 6, 23, 19, 0))

    assert case.clock_started_at == tehran(2026, 6, 27, 8, 0)
    assert case.step_due_at == tehran(2026, 6, 29, 16, 0)  # Monday
    assert case.overall_due_at == tehran(2026, 7, 7, 16, 0)  # Tuesday
    assert "از شنبه ۶ تیر ۱۴۰۵، ساعت ۰۸:۰۰" in desk.last_text(sara)


async def test_just_before_eid_al_adha(desk: Desk, sara: Person) -> None:
    case = await filed_at(desk, sara, tehran(2026, 5, 26, 15, 0))  # Tuesday

    assert case.step_due_at == tehran(2026, 5, 31, 16, 0)  # Sunday
    assert case.overall_due_at == tehran(2026, 6, 6, 16, 0)  # 5 June is 15 Khordad, a Friday


async def test_an_admin_closure_pushes_the_deadlines(desk: Desk, sara: Person) -> None:
    async with desk.repo() as repo:
        for day in (date(2026, 11, 23), date(2026, 12, 2)):
            await repo.office.add_closure(
                Closure(day=day, reason="تعطیلی اضطراری", created_at=desk.clock.now())
            )
        await repo.commit()

    case = await filed_at(desk, sara, tehran(2026, 11, 22, 10, 0))

    assert case.step_due_at == tehran(2026, 11, 25, 16, 0)  # Monday closed: Wednesday
    assert case.overall_due_at == tehran(2026, 12, 5, 16, 0)  # Wednesday closed: Saturday


@pytest.mark.parametrize(
    ("instant", "step_due"),
    [
        (tehran(2026, 11, 22, 15, 59), tehran(2026, 11, 24, 16, 0)),
        (tehran(2026, 11, 22, 16, 0), tehran(2026, 11, 25, 16, 0)),
    ],
    ids=["a-minute-before-closing", "at-closing"],
)
async def test_closing_time_is_the_edge(
    desk: Desk, sara: Person, instant: datetime, step_due: datetime
) -> None:
    case = await filed_at(desk, sara, instant)

    assert case.step_due_at == step_due
