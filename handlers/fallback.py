"""The last routers: unknown commands and anything no one else took."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from handlers.kit.context import Ctx
from handlers.kit.keyboards import main_menu
from handlers.kit.ui import acknowledge, reply


async def unknown_command(message: Message, ctx: Ctx) -> None:
    """A command the desk does not know."""
    await reply(message, ctx.t, ctx.profile, "unknown-command")


async def anything_else(message: Message, ctx: Ctx) -> None:
    """Words, stickers or files outside any form: show the way."""
    await reply(message, ctx.t, ctx.profile, "not-understood", main_menu(ctx.t))


async def unknown_button(query: CallbackQuery, ctx: Ctx) -> None:
    """A button from an old message."""
    await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")


def make_router() -> Router:
    """The handlers of this module, in the order they are asked."""
    router = Router(name=__name__)
    router.message.register(unknown_command, F.chat.type == "private", F.text.startswith("/"))
    router.message.register(anything_else, F.chat.type == "private")
    router.callback_query.register(unknown_button)
    return router
