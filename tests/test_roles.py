"""Roles: admins by configuration, clerks by the staff list or staff-chat membership; bans."""

from __future__ import annotations

from sqlalchemy import select

from models.tables import AuditEntry, StaffMember, User
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.test_complaint_flow import file_complaint

ADMIN = Person(Platform.TELEGRAM, 111, "Mina", "Admin")
STAFF_CHAT = -1001000


async def filed_code(desk: Desk, person: Person) -> str:
    await file_complaint(desk, person)
    async with desk.repo() as repo:
        cases = await repo.cases.of_citizens([1, 2, 3, 4], limit=1)
        return cases[0].code


async def test_a_clerk_added_by_an_admin_may_open_cases_in_private(
    desk: Desk, sara: Person
) -> None:
    clerk = Person(Platform.TELEGRAM, 7301, "Omid", "Clerk")
    code = await filed_code(desk, sara)
    await desk.say(clerk, "/start")
    await desk.say(clerk, f"/case {code}")
    assert "فقط برای کارشناسان و مدیران" in desk.last_text(clerk)

    await desk.say(ADMIN, "/staff add telegram:7301")
    assert "به فهرست کارشناسان افزوده شد" in desk.last_text(ADMIN)
    await desk.say(clerk, f"/case {code}")

    assert "فروشگاه ديجي‌كالا" in desk.last_text(clerk)
    async with desk.repo() as repo:
        listed = await repo.session.scalar(select(StaffMember))
        assert listed is not None and listed.platform_user_id == 7301
        actions = list(
            await repo.session.scalars(
                select(AuditEntry.action).where(AuditEntry.action != "access")
            )
        )
        assert actions == ["refused", "staff_added"]


async def test_a_member_of_the_staff_chat_is_a_clerk_in_private_too(
    desk: Desk, sara: Person
) -> None:
    clerk = Person(Platform.TELEGRAM, 7302, "Leila", "Clerk")
    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, 7302)] = "member"
    code = await filed_code(desk, sara)

    await desk.say(clerk, f"/case {code}")

    assert "فروشگاه ديجي‌كالا" in desk.last_text(clerk)
    asked = desk.api[Platform.TELEGRAM].sent("getChatMember")
    assert [r.params["user_id"] for r in asked] == ["7302"]
    await desk.say(clerk, f"/case {code}")  # remembered: the platform is not asked again
    assert len(desk.api[Platform.TELEGRAM].sent("getChatMember")) == 1


async def test_a_former_member_is_not_a_clerk(desk: Desk, sara: Person) -> None:
    visitor = Person(Platform.TELEGRAM, 7303, "Ali", "Visitor")
    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, 7303)] = "left"
    code = await filed_code(desk, sara)

    await desk.say(visitor, f"/case {code}")

    assert "فقط برای کارشناسان و مدیران" in desk.last_text(visitor)


async def test_bale_member_objects_without_fields_are_tolerated(desk: Desk, reza: Person) -> None:
    desk.api[Platform.BALE].members[(-2002, reza.id)] = "member"

    await desk.say(reza, "/cert 12345-67890")

    assert desk.api[Platform.BALE].sent("getChatMember")
    # The member object could not be read: not a clerk, and no crash.
    assert "فقط برای کارشناسان و مدیران" in desk.last_text(reza)


async def test_a_clerk_may_not_use_admin_commands(desk: Desk) -> None:
    clerk = Person(Platform.TELEGRAM, 7304, "Omid", "Clerk")
    await desk.say(clerk, "/start")
    await desk.say(ADMIN, "/staff add telegram:7304")

    await desk.say(clerk, "/holiday add 1405/09/20")

    assert "فقط برای مدیران" in desk.last_text(clerk)


async def test_help_lists_what_the_asker_may_use(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/help")
    citizen = "\n".join(desk.api[Platform.TELEGRAM].texts(chat_id=sara.id))
    assert "/complaint" in citizen and "/stats" not in citizen and "/case" not in citizen

    await desk.say(ADMIN, "/help")
    admin = "\n".join(desk.api[Platform.TELEGRAM].texts(chat_id=ADMIN.id))
    assert "/stats" in admin and "/case" in admin and "/ban" in admin


async def test_a_banned_person_is_told_once_then_ignored(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/start")
    await desk.say(ADMIN, "/ban telegram:5001")
    assert "مسدود شد" in desk.last_text(ADMIN)

    await desk.say(sara, "/mycases")
    await desk.say(sara, "/mycases")
    await desk.say(sara, "سلام")

    told = [text for text in desk.api[Platform.TELEGRAM].texts(chat_id=sara.id) if "مسدود" in text]
    assert len(told) == 1
    assert "پرونده" not in desk.last_text(sara)
    async with desk.repo() as repo:
        user = await repo.session.scalar(select(User).where(User.platform_user_id == 5001))
        assert user is not None and user.is_banned and user.ban_notified

    await desk.say(ADMIN, "/unban telegram:5001")
    await desk.say(sara, "/mycases")
    assert "هنوز پرونده‌ای ندارید" in desk.last_text(sara)
