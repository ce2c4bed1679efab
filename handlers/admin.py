"""Admin commands: the office's closures (more come with the admin console)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from handlers.kit.context import Ctx
from handlers.kit.gates import AdminOnly
from handlers.kit.ui import reply, usage, usage_text
from models.tables import User
from services import closures, people
from services.calendar import tehran_today
from services.formatting import format_number, format_weekday_date
from services.names import VERBS
from services.normalize import is_blank, parse_jalali_or_gregorian_date
from services.texts import Rendered

LIST_DAYS = 60


async def holiday(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/holiday [list] | add DATE [reason] | remove DATE`: days the office is closed; the
    verbs in Persian too (فهرست، افزودن، حذف). Alone, the list and how the command is used."""
    args = (command.args or "").strip()
    named = VERBS.leading(args) if args else ("list", "")
    if named is not None and named[0] == "list" and not named[1]:
        await _list(message, ctx, with_usage=not args)
        return
    verb, rest = named if named is not None else ("", args)
    raw_day, _, reason = rest.strip().partition(" ")
    day = parse_jalali_or_gregorian_date(raw_day) if raw_day else None
    if verb not in ("add", "remove") or day is None:
        unknown = (raw_day if verb else args.split()[0]) if args else None
        lead = "command-word-unknown" if unknown else None
        await usage(message, ctx.t, ctx.profile, "holiday", lead, name=unknown)
        return
    now = ctx.clock.now()
    shown = format_weekday_date(day, ctx.t.locale)
    if verb == "add":
        moved = await closures.add_closure(
            ctx.repo,
            day,
            None if is_blank(reason) else reason.strip(),
            ctx.user,
            now,
            ctx.settings.config,
        )
        key = "holiday-added" if moved is not None else "holiday-already"
    else:
        moved = await closures.remove_closure(ctx.repo, day, ctx.user, now, ctx.settings.config)
        key = "holiday-removed" if moved is not None else "holiday-not-closed"
    await reply(
        message, ctx.t, ctx.profile, key, day=shown, moved=format_number(moved or 0, ctx.t.locale)
    )


async def _list(message: Message, ctx: Ctx, *, with_usage: bool) -> None:
    today = tehran_today(ctx.clock.now())
    days = await closures.days_off(ctx.repo, today, LIST_DAYS, ctx.t.locale)
    lines = [
        ctx.t.render(
            ctx.profile,
            "holiday-line-closure" if day.closure else "holiday-line",
            day=format_weekday_date(day.day, ctx.t.locale),
            name=day.name,
        )
        for day in days
    ]
    shown = ctx.t.render(
        ctx.profile,
        "holiday-list",
        days=format_number(LIST_DAYS, ctx.t.locale),
        lines=Rendered("\n".join(lines)) if lines else ctx.t.plain("value-nothing-listed"),
    )
    await message.answer(_and_usage(shown, ctx, "holiday") if with_usage else shown)


def _and_usage(text: Rendered, ctx: Ctx, command: str) -> Rendered:
    """What a command does alone, then how it does the rest."""
    return Rendered(f"{text}\n\n{usage_text(ctx.t, ctx.profile, command)}")


async def staff(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/staff [list] | add WHO | remove WHO`: clerks beside the staff chats' members; the
    verbs in Persian too. Alone, the list and how the command is used."""
    args = (command.args or "").strip()
    named = VERBS.leading(args) if args else ("list", "")
    if named is not None and named[0] == "list" and not named[1]:
        await _staff_list(message, ctx, with_usage=not args)
        return
    if named is None or named[0] not in ("add", "remove"):
        await usage(
            message, ctx.t, ctx.profile, "staff", "command-word-unknown", name=args.split()[0]
        )
        return
    verb, who = named
    person = await _person(message, ctx, "staff", who)
    if person is None:
        return
    if verb == "add":
        changed = await people.add_clerk(ctx.repo, person, ctx.user, ctx.clock.now())
        key = "staff-added" if changed else "staff-already"
    else:
        changed = await people.remove_clerk(ctx.repo, person, ctx.user, ctx.clock.now())
        key = "staff-removed" if changed else "staff-not-listed"
    ctx.roles.forget(person)
    await reply(message, ctx.t, ctx.profile, key, who=people.display_name(person, ctx.t))


async def _staff_list(message: Message, ctx: Ctx, *, with_usage: bool) -> None:
    """The listed clerks by name and @username, with their platform."""
    lines = []
    for member in await ctx.repo.staff.members():
        user = await ctx.repo.users.by_platform_id(member.platform, member.platform_user_id)
        lines.append(
            ctx.t.render(
                ctx.profile,
                "staff-list-line",
                who=people.display_name(user, ctx.t)
                if user is not None
                else people.unknown_person(member.platform, member.platform_user_id, ctx.t),
                platform=ctx.t.plain(f"platform-{member.platform}"),
            )
        )
    body = Rendered("\n".join(lines)) if lines else ctx.t.plain("value-nothing-listed")
    shown = ctx.t.render(ctx.profile, "staff-list", lines=body)
    await message.answer(_and_usage(shown, ctx, "staff") if with_usage else shown)


async def _person(message: Message, ctx: Ctx, command: str, who: str) -> User | None:
    """Someone an admin names by @username (or platform:id); else the command's usage."""
    who = who.strip()
    person = await people.find_person(ctx.repo, who, ctx.user.platform) if who else None
    if person is None:
        lead = "staff-person-unknown" if who else None
        await usage(message, ctx.t, ctx.profile, command, lead, who=who)
    return person


async def ban(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/ban WHO` and `/unban WHO`: an abusive person is told once, then ignored."""
    banning = command.command == "ban"
    person = await _person(message, ctx, "ban", (command.args or "").strip().split(" ")[0])
    if person is None:
        return
    if person.id == ctx.user.id:
        await reply(message, ctx.t, ctx.profile, "ban-self")
        return
    changed = await people.set_banned(ctx.repo, person, banning, ctx.user, ctx.clock.now())
    key = ("banned" if banning else "unbanned") if changed else "ban-unchanged"
    await reply(message, ctx.t, ctx.profile, key, who=people.display_name(person, ctx.t))


def make_router() -> Router:
    """Admin-only commands."""
    router = Router(name=__name__)
    router.message.filter(AdminOnly())
    router.message.register(holiday, Command("holiday"))
    router.message.register(staff, Command("staff"))
    router.message.register(ban, Command("ban", "unban"))
    return router
