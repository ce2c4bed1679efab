"""Admin commands: the office's closures (more come with the admin console)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.types import Message, TelegramObject

from handlers.kit.roles import Roles
from handlers.kit.ui import reply
from models.repositories import Repo
from models.tables import User
from services import closures, people
from services.calendar import tehran_today
from services.clock import Clock
from services.formatting import format_number, format_weekday_date
from services.normalize import is_blank, parse_jalali_or_gregorian_date
from services.platforms import PlatformProfile
from services.settings import Settings
from services.texts import Rendered, Texts
from services.workflow import Role

LIST_DAYS = 60


class AdminOnly(Filter):
    """Passes admins only."""

    async def __call__(self, event: TelegramObject, role: Role) -> bool:
        return role is Role.ADMIN


async def holiday(
    message: Message,
    command: CommandObject,
    repo: Repo,
    user: User,
    t: Texts,
    profile: PlatformProfile,
    settings: Settings,
    clock: Clock,
) -> None:
    """`/holiday [list] | add DATE [reason] | remove DATE`: days the office is closed."""
    verb, _, rest = (command.args or "list").strip().partition(" ")
    verb = verb.lower()
    if verb == "list":
        await _list(message, repo, t, profile, clock)
        return
    raw_day, _, reason = rest.strip().partition(" ")
    day = parse_jalali_or_gregorian_date(raw_day) if raw_day else None
    if verb not in ("add", "remove") or day is None:
        await reply(message, t, profile, "holiday-usage")
        return
    now = clock.now()
    shown = format_weekday_date(day, t.locale)
    if verb == "add":
        moved = await closures.add_closure(
            repo, day, None if is_blank(reason) else reason.strip(), user, now, settings.config
        )
        key = "holiday-added" if moved is not None else "holiday-already"
    else:
        moved = await closures.remove_closure(repo, day, user, now, settings.config)
        key = "holiday-removed" if moved is not None else "holiday-not-closed"
    await reply(message, t, profile, key, day=shown, moved=format_number(moved or 0, t.locale))


async def _list(
    message: Message, repo: Repo, t: Texts, profile: PlatformProfile, clock: Clock
) -> None:
    today = tehran_today(clock.now())
    days = await closures.days_off(repo, today, LIST_DAYS, t.locale)
    lines = [
        t.render(
            profile,
            "holiday-line-closure" if day.closure else "holiday-line",
            day=format_weekday_date(day.day, t.locale),
            name=day.name,
        )
        for day in days
    ]
    await reply(
        message,
        t,
        profile,
        "holiday-list",
        days=format_number(LIST_DAYS, t.locale),
        lines=Rendered("\n".join(lines)) if lines else t.plain("value-none"),
    )


async def staff(
    message: Message,
    command: CommandObject,
    repo: Repo,
    user: User,
    roles: Roles,
    t: Texts,
    profile: PlatformProfile,
    clock: Clock,
) -> None:
    """`/staff list | add WHO | remove WHO`: clerks beside the staff chats' members."""
    verb, _, who = (command.args or "list").strip().partition(" ")
    verb = verb.lower()
    if verb == "list":
        members = await repo.people.staff_members()
        lines = [
            t.render(profile, "staff-list-line", who=f"{m.platform}:{m.platform_user_id}")
            for m in members
        ]
        body = Rendered("\n".join(lines)) if lines else t.plain("value-none")
        await reply(message, t, profile, "staff-list", lines=body)
        return
    person = await people.find_person(repo, who, user.platform) if who else None
    if verb not in ("add", "remove") or person is None:
        await reply(
            message,
            t,
            profile,
            "staff-usage" if person is None and not who else "staff-unknown",
            who=who,
        )
        return
    if verb == "add":
        changed = await people.add_clerk(repo, person, user, clock.now())
        key = "staff-added" if changed else "staff-already"
    else:
        changed = await people.remove_clerk(repo, person, user, clock.now())
        key = "staff-removed" if changed else "staff-not-listed"
    roles.forget(person)
    await reply(message, t, profile, key, who=person.full_name or who)


async def ban(
    message: Message,
    command: CommandObject,
    repo: Repo,
    user: User,
    t: Texts,
    profile: PlatformProfile,
    clock: Clock,
) -> None:
    """`/ban WHO` and `/unban WHO`: an abusive person is told once, then ignored."""
    banning = command.command == "ban"
    who = (command.args or "").strip().split(" ")[0]
    person = await people.find_person(repo, who, user.platform) if who else None
    if person is None:
        await reply(message, t, profile, "ban-usage" if not who else "staff-unknown", who=who)
        return
    if person.id == user.id:
        await reply(message, t, profile, "ban-self")
        return
    changed = await people.set_banned(repo, person, banning, user, clock.now())
    key = ("banned" if banning else "unbanned") if changed else "ban-unchanged"
    await reply(message, t, profile, key, who=person.full_name or who)


def make_router() -> Router:
    """Admin-only commands."""
    router = Router(name=__name__)
    router.message.filter(AdminOnly())
    router.message.register(holiday, Command("holiday"))
    router.message.register(staff, Command("staff"))
    router.message.register(ban, Command("ban", "unban"))
    return router
