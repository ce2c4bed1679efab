"""Who is speaking: admins by configuration, clerks by the staff list or staff-chat membership.

A clerk acting in a staff chat is listed with /staff add or a current member of that chat as
the platform says; elsewhere (a command in private) a member of any staff chat of their
platform. What the platform said is remembered for STAFF_MEMBERSHIP_TTL_SECONDS at most. A
member object that cannot be read (Bale's lack fields) or a failed question lets no one in:
only the staff list speaks then.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    ChatMemberAdministrator,
    ChatMemberMember,
    ChatMemberOwner,
    ChatMemberRestricted,
)
from pydantic import ValidationError

from handlers.kit.platforms import DeskBot
from models.repos import Repo
from models.tables import User
from services.clock import Clock
from services.settings import Settings

logger = logging.getLogger(__name__)

# Failures that say nothing about the person: asked again next time, not remembered.
_PASSING_FAILURES = (TelegramNetworkError, TelegramRetryAfter, TelegramServerError)
_REMEMBERED_AT_MOST = 10_000


class Roles:
    """Resolves whether a person is a clerk, remembering staff-chat membership for a while."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self.ttl = timedelta(seconds=settings.staff_membership_ttl_seconds)
        # (platform, chat id, user id) -> (a current member, until when this is believed)
        self._members: dict[tuple[str, int, int], tuple[bool, datetime]] = {}

    def check(
        self, bot: DeskBot, repo: Repo, user: User | None, staff_chat: int | None
    ) -> ClerkCheck:
        """The question for one update, asked only if a staff action needs the answer."""
        return ClerkCheck(self, bot, repo, user, staff_chat)

    async def is_clerk(
        self, bot: DeskBot, repo: Repo, user: User, staff_chat: int | None = None
    ) -> bool:
        """Listed with /staff add, or a current member of `staff_chat`, the staff chat acted
        in; outside the staff chats, of any staff chat on the person's platform."""
        if await repo.staff.member(user.platform, user.platform_user_id) is not None:
            return True
        if staff_chat is not None:
            chats = [staff_chat]
        else:
            configured = self.settings.config.staff_chats.values()
            chats = [chat.id for chat in configured if chat.platform is bot.platform]
        for chat_id in chats:
            if await self._is_member(bot, chat_id, user.platform_user_id):
                return True
        return False

    def forget(self, user: User) -> None:
        """Drop what is remembered of a person (after /staff add or remove)."""
        for key in [
            k for k in self._members if (k[0], k[2]) == (user.platform, user.platform_user_id)
        ]:
            del self._members[key]

    async def _is_member(self, bot: DeskBot, chat_id: int, user_id: int) -> bool:
        key = (bot.platform.value, chat_id, user_id)
        now = self.clock.now()
        remembered = self._members.get(key)
        if remembered is not None and now < remembered[1]:
            return remembered[0]
        try:
            member = await bot.get_chat_member(chat_id, user_id)
        except _PASSING_FAILURES as error:
            logger.info("membership check failed on %s: %s", bot.platform, type(error).__name__)
            return False
        except (TelegramAPIError, ClientDecodeError, ValidationError) as error:
            # "User not found", or a member object that cannot be read: not a member.
            logger.info("membership unreadable on %s: %s", bot.platform, type(error).__name__)
            current = False
        else:
            current = _is_current_member(member)
        if len(self._members) >= _REMEMBERED_AT_MOST:
            self._members = {k: v for k, v in self._members.items() if now < v[1]}
        self._members[key] = (current, now + self.ttl)
        return current


def _is_current_member(member: object) -> bool:
    """Creator, administrator or member, or restricted while still a member; not left or
    kicked."""
    if isinstance(member, ChatMemberRestricted):
        return member.is_member
    return isinstance(member, ChatMemberOwner | ChatMemberAdministrator | ChatMemberMember)


class ClerkCheck:
    """Whether the sender of one update is a clerk where they act: resolved when a staff
    action first needs it, then kept for the rest of the update."""

    def __init__(
        self, roles: Roles, bot: DeskBot, repo: Repo, user: User | None, staff_chat: int | None
    ) -> None:
        self.roles = roles
        self.bot = bot
        self.repo = repo
        self.user = user
        self.staff_chat = staff_chat
        self._answer: bool | None = None

    @property
    def in_staff_chat(self) -> bool:
        """The update comes from inside one of the configured staff chats."""
        return self.staff_chat is not None

    async def __call__(self) -> bool:
        if self._answer is None:
            self._answer = self.user is not None and await self.roles.is_clerk(
                self.bot, self.repo, self.user, self.staff_chat
            )
        return self._answer
