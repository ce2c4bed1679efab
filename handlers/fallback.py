"""The last routers: unknown commands and anything no one else took."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from handlers.kit.keyboards import main_menu
from handlers.kit.ui import acknowledge, reply
from services.platforms import PlatformProfile
from services.texts import Texts


async def unknown_command(message: Message, t: Texts, profile: PlatformProfile) -> None:
    """A command the desk does not know."""
    await reply(message, t, profile, "unknown-command")


async def anything_else(message: Message, t: Texts, profile: PlatformProfile) -> None:
    """Words, stickers or files outside any form: show the way."""
    await reply(message, t, profile, "not-understood", main_menu(t))


async def unknown_button(query: CallbackQuery, t: Texts, profile: PlatformProfile) -> None:
    """A button from an old message."""
    await acknowledge(query, t, profile, "form-stale-button")


def make_router() -> Router:
    """The handlers of this module, in the order they are asked."""
    router = Router(name=__name__)
    router.message.register(unknown_command, F.chat.type == "private", F.text.startswith("/"))
    router.message.register(anything_else, F.chat.type == "private")
    router.callback_query.register(unknown_button)
    return router
