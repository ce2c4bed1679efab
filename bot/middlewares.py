"""Middlewares on every update: database session, the handlers' context (the person, their
role and language), their form."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import Chat, TelegramObject, Update
from aiogram.types import User as PlatformUser
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.kit.context import Ctx
from handlers.kit.platforms import DeskBot
from handlers.kit.roles import Roles
from models.repos import Names, Repo
from models.tables import User
from services.clock import Clock
from services.desk import ChatRef
from services.settings import Settings
from services.texts import Texts, texts
from services.workflow import Role

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]

# How many people without a draft are remembered at most (then forgotten all at once).
_REMEMBERED_AT_MOST = 100_000


class DatabaseMiddleware(BaseMiddleware):
    """One session per update, with the repositories in `repo`."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.sessionmaker = sessionmaker

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self.sessionmaker() as session:
            data["repo"] = Repo(session)
            return await handler(event, data)


class ContextMiddleware(BaseMiddleware):
    """Who is speaking, on which platform, in which language; a form left open is resumed."""

    def __init__(self, settings: Settings, clock: Clock, roles: Roles) -> None:
        self.settings = settings
        self.clock = clock
        self.roles = roles
        # People whose last update here ended with no form open and no draft: their drafts
        # are not looked for again until one of their updates ends otherwise. Only where the
        # conversations live in this process's memory (with Redis other workers share them,
        # and may open a form this one never hears of).
        self._without_draft: set[int] = set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        bot: DeskBot = data["bot"]
        repo: Repo = data["repo"]
        sender: PlatformUser | None = data.get("event_from_user")
        user, new = None, False
        if sender is not None and not sender.is_bot:
            user, new = await self._person(repo, bot, sender, event)
        is_admin = sender is not None and self.settings.is_admin(bot.platform, sender.id)
        locale = (user.locale if user else None) or self.settings.default_locale
        ctx = Ctx(
            bot=bot,
            repo=repo,
            person=user,
            # The clerk's role is given by the staff filter, asked only where a staff action is.
            role=Role.ADMIN if is_admin else Role.CITIZEN,
            is_admin=is_admin,
            t=texts(locale),
            profile=bot.profile,
            clock=self.clock,
            settings=self.settings,
            roles=self.roles,
            clerk_check=self.roles.check(
                bot, repo, user, _staff_chat_of(self.settings, bot, event)
            ),
        )
        data["ctx"] = ctx
        if user is not None and user.is_banned and ctx.role is not Role.ADMIN:
            await _turn_away(bot, repo, user, event, ctx.t)
            return None
        state: FSMContext | None = data.get("state")
        if user is None or state is None or not _is_private(event):
            return await handler(event, data)
        remembers = isinstance(state.storage, MemoryStorage)
        # Read once: a handler that rolls back expires the row, and it is not read again.
        user_id = user.id
        if new or (remembers and user_id in self._without_draft):
            repo.drafts.known_none(user_id)  # someone seen first just now has none either
        none_found = await _resume_form(repo, user_id, state, data)
        self._without_draft.discard(user_id)
        result = await handler(event, data)
        if (
            remembers
            and none_found
            and user_id not in repo.drafts.saved
            and await state.get_state() is None
        ):
            if len(self._without_draft) >= _REMEMBERED_AT_MOST:
                self._without_draft.clear()
            self._without_draft.add(user_id)
        return result

    async def _person(
        self, repo: Repo, bot: DeskBot, sender: PlatformUser, event: TelegramObject
    ) -> tuple[User, bool]:
        """The sender's row, made on first sight, names and last sight kept fresh; and whether
        it was not there before this update. Someone seen
        a moment ago under the same names costs one read; otherwise one statement writes, with
        an access record when it refreshed their row, committed with the update's claim
        (`OnceMiddleware`, next)."""
        now = self.clock.now()
        names = Names(sender.first_name or "", sender.last_name, sender.username)
        known = await repo.users.by_platform_id(bot.platform, sender.id)
        if known is not None and repo.users.is_current(known, names, now):
            return known, False
        user, refreshed = await repo.users.upsert(
            platform=bot.platform, platform_user_id=sender.id, names=names, now=now
        )
        if refreshed:
            # Each refreshed last sight is an access record, kept six months.
            await repo.audit.access(
                at=now, user_id=user.id, platform=user.platform, detail=_kind_of(event)
            )
        return user, known is None


async def _turn_away(
    bot: DeskBot, repo: Repo, user: User, event: TelegramObject, t: Texts
) -> None:
    """A banned person is told once, in private; after that nothing they send is answered.
    Their row, as this update left it, is kept (no claim is made to commit it with)."""
    tell = not user.ban_notified and _is_private(event)
    if tell:
        user.ban_notified = True
    await repo.commit()
    if tell:
        await bot.send_message(user.platform_user_id, t.render(bot.profile, "banned-notice"))


def _staff_chat_of(settings: Settings, bot: DeskBot, event: TelegramObject) -> int | None:
    """The configured staff chat the update comes from, if it comes from one."""
    chat = _chat_of(event)
    if chat is not None and ChatRef(bot.platform, chat.id) in settings.config.staff_chats.values():
        return chat.id
    return None


def _chat_of(event: TelegramObject) -> Chat | None:
    if isinstance(event, Update):
        if event.message:
            return event.message.chat
        if event.callback_query and event.callback_query.message:
            return event.callback_query.message.chat
    return None


def _kind_of(event: TelegramObject) -> str:
    if isinstance(event, Update):
        return str(event.event_type)
    return type(event).__name__


def _is_private(event: TelegramObject) -> bool:
    chat = _chat_of(event)
    return chat is not None and chat.type == "private"


async def _resume_form(repo: Repo, user_id: int, state: FSMContext, data: dict[str, Any]) -> bool:
    """After a restart the conversation state is gone but the draft is not: pick it up again.
    True when there was neither a form open nor a draft. The state as aiogram read it for this
    update (`raw_state`) is the one asked; a resumed form's is put there for the state filters."""
    if data.get("raw_state") is not None:
        return False
    draft = await repo.drafts.any_of(user_id)
    if draft is None:
        return True
    await state.set_state(draft.step)
    await state.set_data(dict(draft.data))
    data["raw_state"] = draft.step
    logger.info("form resumed from its draft", extra={"form": draft.form})
    return False
