"""Who is speaking: admins by configuration, clerks by the staff list or staff-chat membership.

Membership is asked of the platform and remembered for a while; a platform whose member object
lacks fields (Bale) or fails is not a reason to let anyone in, nor to crash.
"""

from __future__ import annotations

import logging
import time

from aiogram.exceptions import ClientDecodeError, TelegramAPIError
from pydantic import ValidationError

from bot.platforms import DeskBot
from bot.settings import Settings
from models.repositories import Repo
from models.tables import User

logger = logging.getLogger(__name__)

MEMBER_STATUSES = frozenset({"creator", "administrator", "member"})


class Roles:
    """Resolves whether a person is a clerk, with a cache of staff-chat membership."""

    def __init__(self, settings: Settings, ttl_seconds: float = 600.0) -> None:
        self.settings = settings
        self.ttl = ttl_seconds
        self._members: dict[tuple[str, int], tuple[bool, float]] = {}

    async def is_clerk(self, bot: DeskBot, repo: Repo, user: User) -> bool:
        """Listed with /staff add, or a member of a staff chat on the same platform."""
        if await repo.people.staff_member(user.platform, user.platform_user_id) is not None:
            return True
        key = (user.platform, user.platform_user_id)
        cached = self._members.get(key)
        if cached is not None and time.monotonic() - cached[1] < self.ttl:
            return cached[0]
        member = await self._ask_platform(bot, user.platform_user_id)
        self._members[key] = (member, time.monotonic())
        return member

    def forget(self, user: User) -> None:
        """Drop what is remembered of a person (after /staff add or remove)."""
        self._members.pop((user.platform, user.platform_user_id), None)

    async def _ask_platform(self, bot: DeskBot, user_id: int) -> bool:
        for chat in self.settings.config.staff_chats.values():
            if chat.platform is not bot.platform:
                continue
            try:
                member = await bot.get_chat_member(chat.id, user_id)
            except (TelegramAPIError, ClientDecodeError, ValidationError) as error:
                logger.info(
                    "membership check failed on %s: %s", bot.platform, type(error).__name__
                )
                continue
            status = getattr(member, "status", None)
            if status in MEMBER_STATUSES or (
                status == "restricted" and getattr(member, "is_member", False)
            ):
                return True
        return False
