"""A message the platform would refuse as too long, as several it takes, in order.

Every text and caption the desk sends passes here (`DeskBot.__call__` and the outbox sender):
a text over the platform's limit goes as several messages cut at lines and words, the buttons
on the last; a file whose caption is too long goes with the caption's beginning and the rest
follows as text; an edit too long keeps the beginning in the message and the rest follows as
replies to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.methods import (
    CopyMessage,
    EditMessageCaption,
    EditMessageText,
    SendAnimation,
    SendAudio,
    SendDocument,
    SendMessage,
    SendPhoto,
    SendVideo,
    SendVoice,
    TelegramMethod,
)
from aiogram.types import ReplyParameters

from services.lengths import split_rendered
from services.platforms import PlatformProfile

_WITH_CAPTION = (
    SendPhoto,
    SendDocument,
    SendVideo,
    SendAnimation,
    SendAudio,
    SendVoice,
    CopyMessage,
)


@dataclass(frozen=True)
class Pieces:
    """The requests that carry one message, and which one's answer stands for it."""

    methods: list[TelegramMethod[Any]]
    main: int = 0


def pieces(profile: PlatformProfile, method: TelegramMethod[Any]) -> Pieces:
    """The method as the platform takes it: itself when its words fit."""
    if isinstance(method, SendMessage):
        return _text(profile, method)
    if isinstance(method, _WITH_CAPTION) and method.caption:
        return _captioned(profile, method)
    if isinstance(method, EditMessageText) and method.text:
        return _edited(profile, method, method.text, profile.text_limit)
    if isinstance(method, EditMessageCaption) and method.caption:
        return _edited(profile, method, method.caption, profile.caption_limit)
    return Pieces([method])


def _text(profile: PlatformProfile, method: SendMessage) -> Pieces:
    texts = split_rendered(profile, method.text, profile.text_limit)
    if len(texts) == 1:
        return Pieces([method])
    methods: list[TelegramMethod[Any]] = [
        method.model_copy(update={"text": text, **_following(method, index, len(texts))})
        for index, text in enumerate(texts)
    ]
    return Pieces(methods, main=len(methods) - 1)


def _following(method: Any, index: int, count: int) -> dict[str, Any]:
    """What a piece keeps of the whole: the buttons go on the last; in a forum topic only the
    first answers what the whole answered, elsewhere each does, so that all stay together."""
    changes: dict[str, Any] = {}
    if index < count - 1:
        changes["reply_markup"] = None
    if index > 0 and method.message_thread_id is not None:
        changes["reply_parameters"] = None
        changes["reply_to_message_id"] = None
    return changes


def _captioned(profile: PlatformProfile, method: Any) -> Pieces:
    caption: str = method.caption
    texts = split_rendered(profile, caption, profile.text_limit, first=profile.caption_limit)
    if len(texts) == 1:
        return Pieces([method])
    count = len(texts)
    methods: list[TelegramMethod[Any]] = [
        method.model_copy(update={"caption": texts[0], **_following(method, 0, count)})
    ]
    for index, text in enumerate(texts[1:], start=1):
        methods.append(_as_text(method, text, **_following(method, index, count)))
    return Pieces(methods)


def _edited(
    profile: PlatformProfile, method: EditMessageText | EditMessageCaption, words: str, limit: int
) -> Pieces:
    field = "text" if isinstance(method, EditMessageText) else "caption"
    if method.chat_id is None or method.message_id is None:
        # A message of inline mode has no chat to continue in: it keeps what fits.
        first = split_rendered(profile, words, limit)[0]
        return Pieces([method.model_copy(update={field: first})])
    texts = split_rendered(profile, words, profile.text_limit, first=limit)
    if len(texts) == 1:
        return Pieces([method])
    methods: list[TelegramMethod[Any]] = [
        method.model_copy(update={field: texts[0], "reply_markup": None})
    ]
    # The rest answers the message edited, which keeps it in the same forum topic.
    under = ReplyParameters(message_id=method.message_id, allow_sending_without_reply=True)
    for index, text in enumerate(texts[1:], start=1):
        last = index == len(texts) - 1
        methods.append(
            _as_text(
                method,
                text,
                reply_parameters=under,
                reply_markup=method.reply_markup if last else None,
            )
        )
    return Pieces(methods)


def _as_text(method: Any, text: str, **changes: Any) -> SendMessage:
    """Words that follow a file or an edit, as a text in the same chat and topic."""
    return SendMessage(
        chat_id=method.chat_id,
        text=text,
        message_thread_id=getattr(method, "message_thread_id", None),
        business_connection_id=getattr(method, "business_connection_id", None),
        parse_mode=method.parse_mode,
        disable_notification=getattr(method, "disable_notification", None),
        reply_parameters=getattr(method, "reply_parameters", None),
        reply_markup=method.reply_markup,
    ).model_copy(update=changes)
