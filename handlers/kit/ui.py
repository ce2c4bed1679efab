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

from services.names import OPINIONS, QUEUES, SETTINGS, STATUS_NAMES, all_of, shown_args
from services.platforms import PlatformProfile
from services.texts import Rendered, Texts
from services.workflow import Refused

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
    """A refusal of the rules in words: statuses, actions, queues and settings by their
    labels (`services.names`)."""
    return t.render(profile, refused.key, **shown_args(refused.args, t))


# The lists each command's usage shows, as refusals carry them (`services.names`).
_USAGE_LISTS: dict[str, dict[str, str]] = {
    "status": {"statuses": all_of(STATUS_NAMES)},
    "opinion": {"opinions": all_of(OPINIONS)},
    "sla": {"queues": all_of(QUEUES), "settings": all_of(SETTINGS)},
}


def usage_text(t: Texts, profile: PlatformProfile, command: str) -> Rendered:
    """How a staff or admin command is used, with an example, in words."""
    return t.render(profile, f"usage-{command}", **shown_args(_USAGE_LISTS.get(command, {}), t))


async def usage(
    message: Message,
    t: Texts,
    profile: PlatformProfile,
    command: str,
    lead: str | Rendered | None = None,
    **args: Any,
) -> None:
    """Answer a command given nothing, or something it cannot use, with its usage: after what
    was wrong (`lead`: a text key and its args, or a text already rendered)."""
    text = usage_text(t, profile, command)
    if isinstance(lead, Rendered):
        text = Rendered(f"{lead}\n{text}")
    elif lead is not None:
        text = Rendered(f"{t.render(profile, lead, **args)}\n{text}")
    await message.answer(text)
