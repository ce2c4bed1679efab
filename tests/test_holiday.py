"""An admin closes the office for a day; running deadlines move with it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from models.tables import Case, CaseEvent, Closure
from services.calendar import TEHRAN
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.test_complaint_flow import file_complaint

ADMIN = Person(Platform.TELEGRAM, 111, "Mina", "Admin")


async def test_a_closure_announced_the_same_day_moves_running_deadlines(
    desk: Desk, sara: Person
) -> None:
    await file_complaint(desk, sara)  # Sunday 1 Azar 1405, 10:00
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        assert case.step_due_at == datetime(2026, 11, 24, 16, 0, tzinfo=TEHRAN)  # Tuesday

    await desk.say(ADMIN, "/holiday add ۱۴۰۵/۰۹/۰۲ تعطیلی اضطراری")  # Monday 2 Azar

    assert "تعطیل اعلام شد" in desk.last_text(ADMIN)
    assert "۱" in desk.last_text(ADMIN)  # one case moved
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        assert case.step_due_at == datetime(2026, 11, 25, 16, 0, tzinfo=TEHRAN)  # Wednesday
        closure = await repo.session.get(Closure, date(2026, 11, 23))
        assert closure is not None and closure.reason == "تعطیلی اضطراری"
        moved = await repo.session.scalar(
            select(CaseEvent).where(CaseEvent.action == "closure_added")
        )
        assert moved is not None and moved.note == "2026-11-23"


async def test_removing_a_closure_brings_the_deadlines_back(desk: Desk, sara: Person) -> None:
    await desk.say(ADMIN, "/holiday add 2026-11-23")
    await file_complaint(desk, sara)
    await desk.say(ADMIN, "/holiday remove 2026-11-23")

    assert "برداشته شد" in desk.last_text(ADMIN)
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        assert case.step_due_at == datetime(2026, 11, 24, 16, 0, tzinfo=TEHRAN)


async def test_holiday_list_shows_official_holidays_and_closures(desk: Desk) -> None:
    await desk.say(ADMIN, "/holiday add 1405/09/20 مرمت ساختمان")
    await desk.say(ADMIN, "/holiday")

    listing = desk.last_text(ADMIN)
    assert "تعطیلی دفتر مرمت ساختمان" in listing
    assert "۲۰ آذر ۱۴۰۵" in listing


async def test_a_citizen_cannot_close_the_office(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/holiday add 1405/09/20")

    assert "فقط برای مدیران" in desk.last_text(sara)
    async with desk.repo() as repo:
        assert (await repo.session.scalars(select(Closure))).all() == []


async def test_a_bad_date_gets_the_usage(desk: Desk) -> None:
    await desk.say(ADMIN, "/holiday add 1405/13/40")

    assert "روش استفاده" in desk.last_text(ADMIN)
