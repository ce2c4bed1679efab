"""Admin commands: the office's closures (more come with the admin console)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.types import Message, TelegramObject

from handlers.kit.context import Ctx
from handlers.kit.ui import reply
from services import closures, people
from services.calendar import tehran_today
from services.formatting import format_number, format_weekday_date
from services.normalize import is_blank, parse_jalali_or_gregorian_date
from services.texts import Rendered
from services.workflow import Role

LIST_DAYS = 60


class AdminOnly(Filter):
    """Passes admins only."""

    async def __call__(self, event: TelegramObject, ctx: Ctx) -> bool:
        return ctx.role is Role.ADMIN


async def holiday(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/holiday [list] | add DATE [reason] | remove DATE`: days the office is closed."""
    verb, _, rest = (command.args or "list").strip().partition(" ")
    verb = verb.lower()
    if verb == "list":
        await _list(message, ctx)
        return
    raw_day, _, reason = rest.strip().partition(" ")
    day = parse_jalali_or_gregorian_date(raw_day) if raw_day else None
    if verb not in ("add", "remove") or day is None:
        await reply(message, ctx.t, ctx.profile, "holiday-usage")
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


async def _list(message: Message, ctx: Ctx) -> None:
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
    await reply(
        message,
        ctx.t,
        ctx.profile,
        "holiday-list",
        days=format_number(LIST_DAYS, ctx.t.locale),
        lines=Rendered("\n".join(lines)) if lines else ctx.t.plain("value-none"),
    )


async def staff(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/staff list | add WHO | remove WHO`: clerks beside the staff chats' members."""
    verb, _, who = (command.args or "list").strip().partition(" ")
    verb = verb.lower()
    if verb == "list":
        members = await ctx.repo.staff.members()
        lines = [
            ctx.t.render(ctx.profile, "staff-list-line", who=f"{m.platform}:{m.platform_user_id}")
            for m in members
        ]
        body = Rendered("\n".join(lines)) if lines else ctx.t.plain("value-none")
        await reply(message, ctx.t, ctx.profile, "staff-list", lines=body)
        return
    person = await people.find_person(ctx.repo, who, ctx.user.platform) if who else None
    if verb not in ("add", "remove") or person is None:
        await reply(
            message,
            ctx.t,
            ctx.profile,
            "staff-usage" if person is None and not who else "staff-unknown",
            who=who,
        )
        return
    if verb == "add":
        changed = await people.add_clerk(ctx.repo, person, ctx.user, ctx.clock.now())
        key = "staff-added" if changed else "staff-already"
    else:
        changed = await people.remove_clerk(ctx.repo, person, ctx.user, ctx.clock.now())
        key = "staff-removed" if changed else "staff-not-listed"
    ctx.roles.forget(person)
    await reply(message, ctx.t, ctx.profile, key, who=person.full_name or who)


async def ban(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/ban WHO` and `/unban WHO`: an abusive person is told once, then ignored."""
    banning = command.command == "ban"
    who = (command.args or "").strip().split(" ")[0]
    person = await people.find_person(ctx.repo, who, ctx.user.platform) if who else None
    if person is None:
        await reply(
            message, ctx.t, ctx.profile, "ban-usage" if not who else "staff-unknown", who=who
        )
        return
    if person.id == ctx.user.id:
        await reply(message, ctx.t, ctx.profile, "ban-self")
        return
    changed = await people.set_banned(ctx.repo, person, banning, ctx.user, ctx.clock.now())
    key = ("banned" if banning else "unbanned") if changed else "ban-unchanged"
    await reply(message, ctx.t, ctx.profile, key, who=person.full_name or who)


def make_router() -> Router:
    """Admin-only commands."""
    router = Router(name=__name__)
    router.message.filter(AdminOnly())
    router.message.register(holiday, Command("holiday"))
    router.message.register(staff, Command("staff"))
    router.message.register(ban, Command("ban", "unban"))
    return router
