"""Putting the desk together: dispatcher, bots, outbox sender, and how it runs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from aiogram import Dispatcher
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.delivery import OutboxSender
from bot.flood import FloodMiddleware
from bot.idempotence import OnceMiddleware
from bot.middlewares import ContextMiddleware, DatabaseMiddleware
from bot.webhook import serve_webhooks
from handlers import get_routers
from handlers.kit.commands import ADMIN_COMMANDS, CITIZEN_COMMANDS, STAFF_COMMANDS
from handlers.kit.filters import check_on_the_loop
from handlers.kit.platforms import DeskBot, build_bots
from handlers.kit.roles import Roles
from models import crypto
from models.database import make_engine, make_sessionmaker
from scheduler.jobs import Jobs, build_scheduler
from services.clock import Clock, SystemClock
from services.settings import Settings
from services.texts import LOCALES, texts

logger = logging.getLogger(__name__)


def make_storage(settings: Settings) -> BaseStorage:
    """Conversation state: in memory by default, in Redis when several workers share it,
    encrypted there (the answers of a form in progress are personal data at rest)."""
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage

        return RedisStorage.from_url(
            settings.redis_url, json_dumps=crypto.sealed_json, json_loads=crypto.opened_json
        )
    return MemoryStorage()


def build_dispatcher(
    settings: Settings,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: Clock,
    storage: BaseStorage | None = None,
) -> Dispatcher:
    """The one dispatcher that serves every platform's bot."""
    roles = Roles(settings, clock)
    dp = Dispatcher(storage=storage or make_storage(settings), roles=roles)
    # The session first; the once-only claim last, right before the handlers: the person's
    # row, written in the same session, is committed with it, in one commit before the first
    # word goes out.
    dp.update.outer_middleware(DatabaseMiddleware(sessionmaker))
    dp.update.outer_middleware(
        FloodMiddleware(settings.flood_rate, settings.flood_per_seconds, settings.default_locale)
    )
    dp.update.outer_middleware(ContextMiddleware(settings, clock, roles))
    once = OnceMiddleware(sessionmaker, clock, timedelta(seconds=settings.claim_lease_seconds))
    dp.update.outer_middleware(once)
    dp["once"] = once
    dp.include_routers(*get_routers())
    check_on_the_loop(dp)
    return dp


async def set_commands(bot: DeskBot, settings: Settings) -> None:
    """A command menu per audience, in each language, where the platform has menus: citizens
    in private chats, clerks in the staff chats, admins in their own chats. A failure never
    stops the start."""
    if not bot.profile.has_command_menu:
        return
    staff = CITIZEN_COMMANDS + STAFF_COMMANDS
    audiences: list[
        tuple[BotCommandScopeAllPrivateChats | BotCommandScopeChat, tuple[str, ...]]
    ] = [(BotCommandScopeAllPrivateChats(), CITIZEN_COMMANDS)]
    for chat in settings.config.staff_chats.values():
        if chat.platform is bot.platform:
            audiences.append((BotCommandScopeChat(chat_id=chat.id), (*STAFF_COMMANDS, "help")))
    for admin in settings.admin_ids:
        if admin.platform is bot.platform:
            audiences.append((BotCommandScopeChat(chat_id=admin.id), staff + ADMIN_COMMANDS))
    for scope, names in audiences:
        for language in (None, *LOCALES):
            t = texts(language or settings.default_locale)
            commands = [
                BotCommand(command=name, description=t.plain(f"command-{name}")) for name in names
            ]
            try:
                await bot.set_my_commands(commands, scope=scope, language_code=language)
            except TelegramAPIError as error:
                logger.warning("could not set a command menu on %s: %s", bot.platform, error)
                return


def warn_missing_desk_details(settings: Settings) -> None:
    """Once at the start: receipts carry the desk's details (DOMAIN.md §4), and those not set
    print as «ثبت نشده»."""
    missing = settings.missing_desk_details()
    if missing:
        logger.warning(
            "receipts will say «not set» for the desk's %s: set %s in .env (see the README, "
            '"The desk\'s details on receipts")',
            ", ".join(name.removeprefix("DESK_").lower().replace("_", " ") for name in missing),
            ", ".join(missing),
        )


async def run(settings: Settings, clock: Clock | None = None) -> None:
    """Serve every configured platform from one dispatcher, by long polling or by webhooks,
    with the outbox sender and the scheduler beside it. Any number of such processes can run
    against PostgreSQL and Redis: sweeps and the outbox claim rows with SKIP LOCKED."""
    settings.require_tokens()
    warn_missing_desk_details(settings)
    clock = clock or SystemClock()
    engine = make_engine(settings.database_url, echo=settings.database_echo)
    sessionmaker = make_sessionmaker(engine)
    bots = build_bots(settings)
    dp = build_dispatcher(settings, sessionmaker, clock)
    sender = OutboxSender(bots, sessionmaker, settings, clock)
    jobs = Jobs(sessionmaker, settings.config, clock)
    stop = asyncio.Event()
    for bot in bots.values():
        await set_commands(bot, settings)
    # What fell due while the desk was down goes out once, before the first tick.
    await jobs.sweep()
    await jobs.digest()
    scheduler = build_scheduler(jobs, settings.sweep_seconds)
    scheduler.start()
    once: OnceMiddleware = dp["once"]
    background = [
        asyncio.create_task(sender.run(stop), name="outbox"),
        asyncio.create_task(once.keep_claims(stop, dp, bots), name="claims"),
    ]
    try:
        if settings.mode == "webhook":
            await serve_webhooks(dp, bots, settings)
        else:
            logger.info("starting polling on %s", ", ".join(p.value for p in bots))
            await dp.start_polling(*bots.values(), handle_signals=True, close_bot_session=True)
    finally:
        scheduler.shutdown(wait=False)
        stop.set()
        for task in background:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await engine.dispose()
