"""A licence holder follows their licences and is reminded 30, 7 and 1 days before expiry,
each reminder once, whatever the scheduler and the desk do in between."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from models.tables import RenewalReminder, RenewalSubscription
from scheduler.jobs import Jobs
from services.calendar import TEHRAN
from tests.desk import Desk, Person
from tests.registry import TODAY, a_licence, fill_registry

PHONE = "+989121234567"
SOON = a_licence(
    "1403/00077",
    business_name="آوا شاپ",
    holder_phone=PHONE,
    issued_on=date(2024, 1, 1),
    expires_on=TODAY + timedelta(days=40),
)
LATER = a_licence(
    "1404/00088", business_name="آوا کتاب", holder_phone=PHONE, expires_on=TODAY + timedelta(200)
)
SOMEONE_ELSES = a_licence(
    "1404/00099", business_name="دیگری", holder_phone="+989390000000", expires_on=SOON.expires_on
)
TITLE = "یادآوری تمدید پروانه کسب"


@pytest.fixture(autouse=True)
async def registry(desk: Desk) -> None:
    await fill_registry(desk, SOON, LATER, SOMEONE_ELSES)


async def follow(desk: Desk, person: Person, phone: str = PHONE) -> None:
    """/renewal, the verified phone by the platform's button, then «remind me for all»."""
    await desk.say(person, "/renewal")
    await desk.share_contact(person, phone, owner_id=person.id)
    await desk.press_button(person, "یادآوری برای همه")


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TEHRAN)


async def sweep_on(desk: Desk, instant: datetime) -> None:
    """The scheduler's sweep at an instant (a fresh Jobs: as after a restart), then delivery."""
    desk.clock.set(instant)
    await Jobs(desk.sessionmaker, desk.settings.config, desk.clock).sweep()
    await desk.drain()


def reminders(desk: Desk, person: Person) -> list[str]:
    return [
        request.text
        for request in desk.api[person.platform].sent(chat_id=person.id)
        if TITLE in request.text
    ]


async def test_a_holder_follows_their_licences_with_their_verified_phone(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, "/renewal")

    asked = desk.to(sara)[-1]
    assert "شماره همراه شما باید همان شماره دارنده پروانه باشد" in asked.text
    assert asked.keyboard() == ["📱 ارسال شماره همراه من"]

    await desk.share_contact(sara, "+98 912 123 4567", owner_id=sara.id)

    verified, listing = desk.to(sara)[-2:]
    assert "شماره همراه شما تأیید شد" in verified.text
    assert "پروانه‌های کسب به نام شماره همراه شما" in listing.text
    assert "آوا شاپ (شماره ۱۴۰۳/۰۰۰۷۷)" in listing.text
    assert "آوا کتاب" in listing.text
    assert "دیگری" not in listing.text
    async with desk.repo() as repo:
        # Nothing is followed before the holder chooses.
        assert await repo.session.scalar(select(func.count(RenewalSubscription.id))) == 0

    await desk.press_button(sara, "یادآوری برای همه")

    async with desk.repo() as repo:
        count = await repo.session.scalar(select(func.count(RenewalSubscription.id)))
        assert count == 2


async def test_someone_elses_number_follows_nothing(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/renewal")
    await desk.share_contact(sara, "+98 912 000 1111", owner_id=sara.id)

    assert "پروانه‌ای با شماره همراه +۹۸۹۱۲۰۰۰۱۱۱۱ به نام دارنده ثبت نشده است" in (
        desk.last_text(sara)
    )


async def test_a_shared_contact_of_another_person_is_refused(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/renewal")
    await desk.share_contact(sara, PHONE, owner_id=999)

    assert "این شماره متعلق به حساب شما نیست" in desk.last_text(sara)
    async with desk.repo() as repo:
        assert await repo.session.scalar(select(func.count(RenewalSubscription.id))) == 0


async def test_reminders_go_30_7_and_1_days_before_expiry_each_once(
    desk: Desk, sara: Person
) -> None:
    await follow(desk, sara)
    expiry = SOON.expires_on

    await sweep_on(desk, at(expiry - timedelta(days=30)))
    await sweep_on(desk, at(expiry - timedelta(days=30), hour=15))  # the same day again
    await sweep_on(desk, at(expiry - timedelta(days=29)))

    sent = reminders(desk, sara)
    assert len(sent) == 1
    assert "پروانه شماره ۱۴۰۳/۰۰۰۷۷ «آوا شاپ» ۳۰ روز دیگر" in sent[0]

    await sweep_on(desk, at(expiry - timedelta(days=7)))
    await desk.restart()
    await sweep_on(desk, at(expiry - timedelta(days=7), hour=18))  # after a restart

    assert len(reminders(desk, sara)) == 2
    assert "۷ روز دیگر" in reminders(desk, sara)[-1]

    await sweep_on(desk, at(expiry - timedelta(days=1)))
    await sweep_on(desk, at(expiry))
    await sweep_on(desk, at(expiry + timedelta(days=1)))

    sent = reminders(desk, sara)
    assert len(sent) == 3
    assert "فردا" in sent[-1]
    async with desk.repo() as repo:
        rows = (await repo.session.scalars(select(RenewalReminder))).all()
        assert sorted(row.days_before for row in rows) == [1, 7, 30]


async def test_nothing_goes_before_the_morning_hour(desk: Desk, sara: Person) -> None:
    await follow(desk, sara)
    day = SOON.expires_on - timedelta(days=30)

    await sweep_on(desk, at(day, hour=6))
    assert reminders(desk, sara) == []

    await sweep_on(desk, at(day, hour=9))
    assert len(reminders(desk, sara)) == 1


async def test_a_reminder_missed_while_the_desk_was_down_goes_late_once(
    desk: Desk, sara: Person
) -> None:
    await follow(desk, sara)
    expiry = SOON.expires_on

    # Down from 40 days before expiry until 6 days before: the 30- and 7-day reminders fell due.
    await sweep_on(desk, at(expiry - timedelta(days=6)))
    await sweep_on(desk, at(expiry - timedelta(days=5)))

    sent = reminders(desk, sara)
    assert len(sent) == 1
    assert "۶ روز دیگر" in sent[0]


async def test_following_inside_the_window_does_not_repeat_what_was_just_shown(
    desk: Desk, sara: Person
) -> None:
    desk.clock.set(at(SOON.expires_on - timedelta(days=20)))
    await follow(desk, sara)

    await sweep_on(desk, at(SOON.expires_on - timedelta(days=20), hour=12))
    assert reminders(desk, sara) == []

    await sweep_on(desk, at(SOON.expires_on - timedelta(days=7)))
    assert len(reminders(desk, sara)) == 1


async def test_a_renewed_licence_is_reminded_again_before_its_new_expiry(
    desk: Desk, sara: Person
) -> None:
    await follow(desk, sara)
    await sweep_on(desk, at(SOON.expires_on - timedelta(days=30)))
    renewed = a_licence(
        SOON.number,
        business_name=SOON.business_name,
        holder_phone=PHONE,
        expires_on=SOON.expires_on + timedelta(days=365),
    )
    async with desk.repo() as repo:
        await repo.licences.upsert_many([renewed])
        await repo.commit()

    await sweep_on(desk, at(renewed.expires_on - timedelta(days=30)))

    assert len(reminders(desk, sara)) == 2


async def test_renewal_off_stops_the_reminders(desk: Desk, sara: Person) -> None:
    await follow(desk, sara)

    await desk.say(sara, "/renewal off")

    assert "یادآوری تمدید ۲ پروانه لغو شد" in desk.last_text(sara)
    await sweep_on(desk, at(SOON.expires_on - timedelta(days=30)))
    assert reminders(desk, sara) == []
    await desk.say(sara, "/renewal off")
    assert "یادآوری تمدیدی برای شما فعال نبود" in desk.last_text(sara)


async def verified_holder(desk: Desk, person: Person) -> None:
    """The holder has written to the desk and verified their phone before."""
    await desk.say(person, "/start")
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(str(person.platform), person.id)
        assert user is not None
        user.phone = PHONE
        user.phone_verified_at = desk.clock.now()
        await repo.commit()


async def test_a_verified_holder_sees_their_licences_at_once(desk: Desk, sara: Person) -> None:
    await verified_holder(desk, sara)

    await desk.say(sara, "/renewal")

    assert "پروانه‌های کسب به نام شماره همراه شما" in desk.last_text(sara)
    await desk.press_button(sara, "یادآوری برای همه")
    await desk.say(sara, "/renewal")
    await desk.press(sara, "renew:0:1")  # again: nothing doubles
    async with desk.repo() as repo:
        count = await repo.session.scalar(select(func.count(RenewalSubscription.id)))
        assert count == 2
