"""The commission's session (Article 6): staff schedule it with /session, both parties are
invited in chat (the complainant on Telegram, the respondent on Bale), answer with buttons,
are reminded the day before and two hours before (each once, across restarts), and hear of a
rescheduling or a cancellation; a time outside office hours or on a holiday is refused."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import jdatetime
from sqlalchemy import select

from models.tables import CaseEvent, CommissionSession
from scheduler.jobs import Jobs
from services.calendar import TEHRAN
from services.platforms import Platform
from tests.conftest import START
from tests.desk import Desk, Person
from tests.fakes import Request
from tests.forms import file_complaint_about_a_licensed_business
from tests.staff import clerk, group_texts, say_in_group, the_case
from tests.test_respondent import registry, verify

LINK = "https://meet.example.ir/room-7"
INVITE = "دعوت به جلسه کمیسیون"
DAY_BEFORE = "فردا جلسه کمیسیون دارید"
TWO_HOURS = "جلسه کمیسیون تا دو ساعت دیگر"


def working_day_after(desk: Desk, day: date, days: int) -> date:
    calendar = desk.settings.config.calendar
    candidate = day + timedelta(days=days)
    while not calendar.is_working_day(candidate):
        candidate += timedelta(days=1)
    return candidate


def jalali(day: date) -> str:
    return jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")


def texts_with(desk: Desk, person: Person, words: str) -> list[Request]:
    return [request for request in desk.to(person) if words in request.text]


async def sweep_at(desk: Desk, instant: datetime) -> None:
    """The scheduler's sweep at an instant, a fresh Jobs as after a restart; then delivery."""
    desk.clock.set(instant)
    await Jobs(desk.sessionmaker, desk.settings.config, desk.clock).sweep()
    await desk.drain()


async def session_row(desk: Desk) -> CommissionSession:
    async with desk.repo() as repo:
        row = await repo.session.scalar(select(CommissionSession))
        assert row is not None
        return row


async def filed_with_respondent(desk: Desk, sara: Person, reza: Person) -> str:
    await registry(desk)
    await verify(desk, reza)
    await file_complaint_about_a_licensed_business(desk, sara)
    await desk.drain()
    return (await the_case(desk)).code


async def test_both_parties_are_invited_answer_and_are_reminded_once(
    desk: Desk, sara: Person, reza: Person
) -> None:
    code = await filed_with_respondent(desk, sara, reza)
    day = working_day_after(desk, START.date(), 2)
    at = datetime.combine(day, time(10, 30), tzinfo=TEHRAN)

    await say_in_group(desk, clerk(), f"/session {code} {jalali(day)} 10:30 online {LINK}")
    answer = group_texts(desk)[-1]
    assert "جلسه کمیسیون پرونده" in answer and "تعیین شد" in answer
    assert "از شاکی و متشاکی دعوت شد" in answer
    await desk.drain()

    # The complainant on Telegram and the respondent on Bale are invited, each as who they are.
    [to_sara] = texts_with(desk, sara, INVITE)
    [to_reza] = texts_with(desk, reza, INVITE)
    assert "شما به‌عنوان شاکی دعوت شده‌اید" in to_sara.text
    assert "شما به‌عنوان متشاکی دعوت شده‌اید" in to_reza.text
    for invite in (to_sara, to_reza):
        assert LINK in invite.text
        assert "ساعت ۱۰:۳۰" in invite.text
        assert [label for label, _ in invite.buttons()] == [
            "✅ حضورم را تأیید می‌کنم",
            "🕑 زمان دیگری می‌خواهم",
        ]
    assert "<b>" not in to_reza.text and to_reza.params.get("parse_mode") is None
    row = await session_row(desk)
    assert (row.at, row.mode, row.place, row.status) == (at, "online", LINK, "scheduled")

    # The complainant confirms; the respondent asks for another time: both reach the thread.
    await desk.press_button(sara, "تأیید می‌کنم")
    assert "ثبت شد" in desk.last_text(sara)
    await desk.press_button(reza, "زمان دیگری")
    assert "به کارشناس رسید" in desk.last_text(reza)
    await desk.drain()
    staff = group_texts(desk)
    assert any("شاکی حضور در جلسه کمیسیون پرونده" in text for text in staff)
    assert any("متشاکی برای جلسه کمیسیون پرونده" in text for text in staff)
    row = await session_row(desk)
    assert (row.complainant_answer, row.respondent_answer) == ("confirmed", "another_time")

    # The card shows the session beside the step's deadline, with the parties' answers.
    await say_in_group(desk, clerk(), f"/case {code}")
    card = group_texts(desk)[-1]
    assert "جلسه کمیسیون:" in card and LINK in card
    assert "شاکی: حضور را تأیید کرده؛ متشاکی: زمان دیگری خواسته" in card

    # Reminders: the day before and two hours before, once each whatever the sweeps do.
    await sweep_at(desk, at - timedelta(hours=24, minutes=1))
    assert not texts_with(desk, sara, DAY_BEFORE)
    await sweep_at(desk, at - timedelta(hours=23, minutes=59))
    await sweep_at(desk, at - timedelta(hours=23))
    assert len(texts_with(desk, sara, DAY_BEFORE)) == 1
    assert len(texts_with(desk, reza, DAY_BEFORE)) == 1
    await sweep_at(desk, at - timedelta(hours=1, minutes=59))
    await sweep_at(desk, at - timedelta(hours=1))
    assert len(texts_with(desk, sara, TWO_HOURS)) == 1
    assert len(texts_with(desk, reza, TWO_HOURS)) == 1
    await sweep_at(desk, at + timedelta(hours=1))
    assert len(texts_with(desk, sara, DAY_BEFORE)) == len(texts_with(desk, sara, TWO_HOURS)) == 1

    # Every step is on the case's history.
    async with desk.repo() as repo:
        actions = list(await repo.session.scalars(select(CaseEvent.action)))
    assert {"session_scheduled", "session_confirmed", "session_another_time"} <= set(actions)

    # The complainant's /track tells them of the session.
    await desk.say(sara, f"/track {code}")
    assert "جلسه کمیسیون تعیین شد" in desk.last_text(sara)


async def test_a_rescheduled_session_is_told_to_both_and_reminded_afresh(
    desk: Desk, sara: Person, reza: Person
) -> None:
    code = await filed_with_respondent(desk, sara, reza)
    first = working_day_after(desk, START.date(), 2)
    second = working_day_after(desk, first, 1)
    address = "تهران، خیابان آزادی، پلاک ۱"
    await say_in_group(desk, clerk(), f"/session {code} {jalali(first)} 10:00 at {address}")
    await desk.drain()
    old_buttons = texts_with(desk, sara, INVITE)[0].buttons()

    await say_in_group(desk, clerk(), f"/session {code} move {jalali(second)} 11:00")
    assert "تغییر کرد" in group_texts(desk)[-1]
    await desk.drain()
    for person in (sara, reza):
        [moved] = texts_with(desk, person, "زمان جلسه کمیسیون تغییر کرد")
        assert "ساعت ۱۱:۰۰" in moved.text and "خیابان آزادی" in moved.text
    row = await session_row(desk)
    assert row.version == 2
    assert row.at == datetime.combine(second, time(11), tzinfo=TEHRAN)

    # A button of the first invitation changes nothing now.
    await desk.press(sara, old_buttons[0][1])
    row = await session_row(desk)
    assert row.complainant_answer is None

    # No reminder for the first time; the second time's come.
    await sweep_at(desk, datetime.combine(first, time(8, 30), tzinfo=TEHRAN))
    assert not texts_with(desk, sara, TWO_HOURS)

    await say_in_group(desk, clerk(), f"/session {code} cancel")
    assert "لغو شد" in group_texts(desk)[-1]
    await desk.drain()
    assert texts_with(desk, sara, "جلسه کمیسیون لغو شد")
    assert texts_with(desk, reza, "جلسه کمیسیون لغو شد")
    await sweep_at(desk, datetime.combine(second, time(9, 30), tzinfo=TEHRAN))
    assert not texts_with(desk, sara, TWO_HOURS) and not texts_with(desk, reza, TWO_HOURS)
    assert (await session_row(desk)).status == "cancelled"


async def test_the_days_sessions_are_in_the_digest(desk: Desk, sara: Person, reza: Person) -> None:
    code = await filed_with_respondent(desk, sara, reza)
    day = working_day_after(desk, START.date(), 2)
    await say_in_group(desk, clerk(), f"/session {code} {jalali(day)} 13:00 online {LINK}")
    desk.clock.set(datetime.combine(day, time(8, 5), tzinfo=TEHRAN))
    await Jobs(desk.sessionmaker, desk.settings.config, desk.clock).digest()
    await desk.drain()
    digest = next(text for text in group_texts(desk) if "گزارش روزانه" in text)
    assert "جلسه‌های کمیسیون امروز" in digest
    assert "۱۳:۰۰" in digest and "برخط" in digest


async def test_a_session_outside_hours_or_on_a_holiday_is_refused_in_words(
    desk: Desk, sara: Person, reza: Person
) -> None:
    code = await filed_with_respondent(desk, sara, reza)
    day = working_day_after(desk, START.date(), 2)
    friday = START.date() + timedelta(days=(4 - START.weekday()) % 7)

    async def refused(args: str) -> str:
        await say_in_group(desk, clerk(), f"/session {args}")
        return group_texts(desk)[-1]

    assert "روش استفاده از /session" in await refused("")
    assert "روش استفاده از /session" in await refused(code)
    assert "تاریخ یا ساعت جلسه خوانده نشد" in await refused(f"{code} فردا ۱۰ صبح at دفتر")
    assert "ساعت کاری" in await refused(f"{code} {jalali(day)} 07:00 online {LINK}")
    assert "ساعت کاری" in await refused(f"{code} {jalali(day)} 16:30 online {LINK}")
    assert "آخر هفته" in await refused(f"{code} {jalali(friday)} 10:00 online {LINK}")
    assert "تعطیل رسمی" in await refused(f"{code} 1406/01/01 10:00 online {LINK}")
    assert "گذشته است" in await refused(f"{code} 1405/08/01 10:00 online {LINK}")
    assert "پیوند جلسه برخط" in await refused(f"{code} {jalali(day)} 10:00 online meet")
    assert "جلسه‌ای تعیین نشده" in await refused(f"{code} cancel")
    async with desk.repo() as repo:
        assert await repo.session.scalar(select(CommissionSession)) is None
    assert not texts_with(desk, sara, INVITE)
    # Persian digits and words are read too.
    persian = jalali(day).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert "تعیین شد" in await refused(f"{code} {persian} ۱۰:۰۰ حضوری تهران، خیابان آزادی")
    await desk.drain()
    assert texts_with(desk, sara, INVITE)


async def test_a_party_is_invited_in_their_own_language(desk: Desk, sara: Person) -> None:
    english = Person(Platform.BALE, 6002, "John", "Smith", language_code="en")
    await desk.say(english, "/language")
    await desk.press_button(english, "English")
    code = await filed_with_respondent(desk, sara, english)
    day = working_day_after(desk, START.date(), 2)
    await say_in_group(desk, clerk(), f"/session {code} {jalali(day)} 10:30 online {LINK}")
    await desk.drain()
    [invite] = [r for r in desk.to(english) if "Invitation to the complaints commission" in r.text]
    assert "you are invited as the respondent" in invite.text
    assert "10:30" in invite.text and LINK in invite.text
    assert [label for label, _ in invite.buttons()] == [
        "✅ I confirm I will attend",
        "🕑 I need another time",
    ]
    assert texts_with(desk, sara, INVITE)


async def test_a_respondent_who_verifies_later_is_invited_then(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await registry(desk)
    await file_complaint_about_a_licensed_business(desk, sara)
    code = (await the_case(desk)).code
    day = working_day_after(desk, START.date(), 2)
    await say_in_group(desk, clerk(), f"/session {code} {jalali(day)} 10:30 online {LINK}")
    assert "متشاکی در پیشخوان نیست" in group_texts(desk)[-1]
    await desk.drain()
    assert len(texts_with(desk, sara, INVITE)) == 1

    await verify(desk, reza)
    [invite] = texts_with(desk, reza, INVITE)
    assert "شما به‌عنوان متشاکی دعوت شده‌اید" in invite.text
    # The complainant is not invited twice.
    assert len(texts_with(desk, sara, INVITE)) == 1
