"""Admin commands: the office's closures (more come with the admin console)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.types import Message, TelegramObject

from bot.settings import Settings
from bot.ui import reply
from models.repositories import Repo
from models.tables import User
from services import closures
from services.calendar import tehran_today
from services.clock import Clock
from services.formatting import format_number, format_weekday_date
from services.normalize import parse_jalali_or_gregorian_date
from services.platforms import PlatformProfile
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
            repo, day, reason.strip() or None, user, now, settings.config
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


def make_router() -> Router:
    """Admin-only commands."""
    router = Router(name=__name__)
    router.message.filter(AdminOnly())
    router.message.register(holiday, Command("holiday"))
    return router
