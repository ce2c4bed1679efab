"""Small helpers that handlers share for answering people."""

from __future__ import annotations

import logging
from typing import Any

from aiogram.exceptions import TelegramAPIError
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from services.formatting import format_number
from services.platforms import PlatformProfile
from services.texts import Texts
from services.workflow import Refused, status_label

logger = logging.getLogger(__name__)

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove


async def reply(
    message: Message,
    t: Texts,
    profile: PlatformProfile,
    key: str,
    markup: Markup | None = None,
    **args: Any,
) -> Message:
    """Answer a message with a text by key."""
    return await message.answer(t.render(profile, key, **args), reply_markup=markup)


async def acknowledge(
    query: CallbackQuery, t: Texts, profile: PlatformProfile, key: str | None = None, **args: Any
) -> None:
    """Answer a button press; where the client cannot show an answer, say it in the chat."""
    if profile.callback_answer_by_message(query.id):
        if key is not None and query.message is not None and query.bot is not None:
            await query.bot.send_message(query.message.chat.id, t.render(profile, key, **args))
        return
    try:
        await query.answer(t.plain(key, **args) if key else None)
    except TelegramAPIError as error:
        # An expired query cannot be answered; the press itself was handled.
        logger.info("callback answer failed: %s", type(error).__name__)


async def drop_buttons(query: CallbackQuery) -> None:
    """Take the buttons off a message whose choice has been made."""
    message = query.message
    if isinstance(message, Message) and message.reply_markup is not None:
        try:
            await message.edit_reply_markup(reply_markup=None)
        except TelegramAPIError as error:
            logger.info("could not remove buttons: %s", type(error).__name__)


def refusal(t: Texts, profile: PlatformProfile, refused: Refused) -> str:
    """A refusal of the rules in words: statuses and actions by their labels."""
    args: dict[str, Any] = {}
    for name, value in refused.args.items():
        if name in ("from_status", "to_status"):
            args[name] = t.plain(status_label(str(value)))
        elif name == "action":
            args[name] = t.plain(f"action-{value}")
        elif name == "role":
            args[name] = t.plain(f"role-{value}")
        elif isinstance(value, int):
            args[name] = format_number(value, t.locale)
        else:
            args[name] = str(value)
    return t.render(profile, refused.key, **args)
