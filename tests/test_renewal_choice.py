"""A licence holder shares their phone, sees the licences held under it and chooses which to
follow, and can stop later; a contact shared at any moment is understood where the
conversation stands."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from models.tables import RenewalSubscription
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.fakes import Request
from tests.forms import state_of
from tests.registry import TODAY, a_licence, fill_registry
from tests.test_renewal import LATER, PHONE, SOMEONE_ELSES, SOON, at, reminders, sweep_on

REVOKED = a_licence(
    "1402/00011",
    business_name="آوا قدیم",
    holder_phone=PHONE,
    status="revoked",
    expires_on=TODAY + timedelta(days=100),
)


@pytest.fixture(autouse=True)
async def registry(desk: Desk) -> None:
    await fill_registry(desk, SOON, LATER, REVOKED, SOMEONE_ELSES)


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def holder(request: pytest.FixtureRequest, sara: Person, reza: Person) -> Person:
    return sara if request.param is Platform.TELEGRAM else reza


def latest_list(desk: Desk, person: Person) -> Request:
    """The newest form of the licences' list: sent, or edited in place after a choice."""
    for request in reversed(desk.api[person.platform].requests):
        if request.chat_id == person.id and "پروانه‌های کسب به نام" in request.text:
            return request
    raise AssertionError("no list of licences was shown")


def line_of(listing: Request, business: str) -> str:
    return next(line for line in listing.text.splitlines() if business in line)


async def followed(desk: Desk, person: Person) -> set[str]:
    """The numbers of the licences this person follows, as the database holds them."""
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(person.platform, person.id)
        assert user is not None
        ids = await repo.renewals.followed_by(user.id)
        licences = await repo.licences.held_by(PHONE)
        return {licence.number for licence in licences if licence.id in ids}


async def licence_id(desk: Desk, number: str) -> int:
    async with desk.repo() as repo:
        licence = await repo.licences.by_number(number)
        assert licence is not None
        return licence.id


async def shared(desk: Desk, person: Person, phone: str = PHONE) -> None:
    await desk.share_contact(person, phone, owner_id=person.id)


async def test_the_holder_sees_each_licence_with_its_expiry_and_days_left(
    desk: Desk, holder: Person
) -> None:
    await desk.say(holder, "/renewal")
    asked = desk.to(holder)[-1]
    assert asked.keyboard() == ["📱 ارسال شماره همراه من"]
    assert asked.markup()["keyboard"][0][0]["request_contact"] is True

    await shared(desk, holder)

    listing = latest_list(desk, holder)
    soon = line_of(listing, "آوا شاپ")
    assert "شماره ۱۴۰۳/۰۰۰۷۷" in soon
    assert "اعتبار تا ۱۱ دی ۱۴۰۵" in soon and "۴۰ روز مانده" in soon
    assert "یادآوری خاموش" in soon
    assert "۲۰ خرداد ۱۴۰۶" in line_of(listing, "آوا کتاب")
    assert "بدون یادآوری (ابطال شده)" in line_of(listing, "آوا قدیم")
    assert "دیگری" not in listing.text
    labels = [label for label, _ in listing.buttons()]
    assert labels == [
        "🔔 یادآوری برای آوا شاپ (۱۴۰۳/۰۰۰۷۷)",
        "🔔 یادآوری برای آوا کتاب (۱۴۰۴/۰۰۰۸۸)",
        "🔔 یادآوری برای همه",
        "نه، یادآوری نمی‌خواهم",
    ]
    if holder.platform is Platform.BALE:
        assert "<b>" not in listing.text
    assert await followed(desk, holder) == set()


async def test_one_licence_is_followed_and_stopped_later(desk: Desk, holder: Person) -> None:
    await desk.say(holder, "/renewal")
    await shared(desk, holder)

    await desk.press_button(holder, "یادآوری برای آوا شاپ")

    assert await followed(desk, holder) == {SOON.number}
    listing = latest_list(desk, holder)
    assert listing.method == "editMessageText"  # the same list, changed in place
    assert "یادآوری روشن" in line_of(listing, "آوا شاپ")
    assert "یادآوری خاموش" in line_of(listing, "آوا کتاب")
    labels = [label for label, _ in listing.buttons()]
    assert "🔕 خاموش کردن یادآوری آوا شاپ (۱۴۰۳/۰۰۰۷۷)" in labels

    await desk.say(holder, "/renewal")  # another day: the list again, as it stands
    assert "یادآوری روشن" in line_of(latest_list(desk, holder), "آوا شاپ")
    soon = await licence_id(desk, SOON.number)
    await desk.press(holder, f"renew:{soon}:0")

    assert await followed(desk, holder) == set()
    assert "یادآوری خاموش" in line_of(latest_list(desk, holder), "آوا شاپ")


async def test_all_are_followed_at_once_and_turned_off_at_once(desk: Desk, holder: Person) -> None:
    await desk.say(holder, "/renewal")
    await shared(desk, holder)

    await desk.press_button(holder, "یادآوری برای همه")

    # The revoked licence has no renewal to remind of.
    assert await followed(desk, holder) == {SOON.number, LATER.number}
    assert "🔕 خاموش کردن همه" in [label for label, _ in latest_list(desk, holder).buttons()]

    await desk.press(holder, "renew:0:0")

    assert await followed(desk, holder) == set()


async def test_no_thanks_follows_nothing_and_says_how_to_come_back(
    desk: Desk, holder: Person
) -> None:
    await desk.say(holder, "/renewal")
    await shared(desk, holder)

    await desk.press_button(holder, "نه، یادآوری نمی‌خواهم")

    assert "یادآوری‌ای روشن نشد" in desk.last_text(holder)
    assert "/renewal" in desk.last_text(holder)
    assert await followed(desk, holder) == set()


async def test_a_licence_held_by_someone_else_cannot_be_followed(
    desk: Desk, holder: Person
) -> None:
    await desk.say(holder, "/renewal")
    await shared(desk, holder)
    theirs = await licence_id(desk, SOMEONE_ELSES.number)

    await desk.press(holder, f"renew:{theirs}:1")

    async with desk.repo() as repo:
        rows = (await repo.session.scalars(select(RenewalSubscription))).all()
        assert rows == []


async def test_a_contact_shared_outside_any_form_is_verified_and_says_what_it_enables(
    desk: Desk, holder: Person
) -> None:
    await desk.say(holder, "/start")

    await shared(desk, holder)

    told = desk.last_text(holder)
    assert "منظورتان را متوجه نشدم" not in told
    assert "شماره همراه شما تأیید شد" in told
    assert "/mycases" in told
    assert "۳ پروانه کسب به نام این شماره است" in told and "/renewal" in told
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(holder.platform, holder.id)
        assert user is not None
        assert user.phone == PHONE and user.phone_verified_at == desk.clock.now()
        # At rest the number is encrypted, never in clear.
        stored = await repo.session.scalar(
            text("SELECT phone FROM users WHERE id = :id"), {"id": user.id}
        )
        assert stored is not None and "989121234567" not in str(stored)


async def test_a_contact_after_a_number_without_licences_is_understood(
    desk: Desk, holder: Person
) -> None:
    await desk.say(holder, "/renewal")
    await shared(desk, holder, "+98 912 000 1111")
    told = desk.last_text(holder)
    assert "به نام دارنده ثبت نشده است" in told and "/licence" in told

    await shared(desk, holder)  # the holder's other number, shared afterwards

    told = desk.last_text(holder)
    assert "منظورتان را متوجه نشدم" not in told
    assert "شماره همراه شما تأیید شد" in told and "۳ پروانه" in told


async def test_someone_elses_contact_outside_any_form_verifies_nothing(
    desk: Desk, holder: Person
) -> None:
    await desk.say(holder, "/start")

    await desk.share_contact(holder, PHONE, owner_id=holder.id + 1)

    assert "این شماره متعلق به حساب شما نیست" in desk.last_text(holder)
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(holder.platform, holder.id)
        assert user is not None and user.phone_verified_at is None


async def test_a_contact_shared_in_the_middle_of_a_complaint_keeps_its_step(
    desk: Desk, holder: Person
) -> None:
    await desk.say(holder, "/complaint")
    question = desk.last_text(holder)

    await shared(desk, holder)

    said, asked_again = desk.to(holder)[-2:]
    assert "شماره همراه شما تأیید شد" in said.text
    # The same question; the phone now known, the form has one step fewer to count.
    assert asked_again.text == question.replace("۱ از ۱۱", "۱ از ۱۰")
    assert await state_of(desk, holder) == "ComplaintForm:business_name"
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(holder.platform, holder.id)
        assert user is not None and user.phone == PHONE


async def test_a_reminder_says_how_to_change_the_reminders(desk: Desk, holder: Person) -> None:
    await desk.say(holder, "/renewal")
    await shared(desk, holder)
    await desk.press_button(holder, "یادآوری برای آوا شاپ")

    await sweep_on(desk, at(SOON.expires_on - timedelta(days=30)))

    [reminder] = reminders(desk, holder)
    assert "۳۰ روز دیگر" in reminder and "/renewal" in reminder
