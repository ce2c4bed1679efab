"""Bots for each configured platform, each carrying its platform profile."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import Response, TelegramMethod

from handlers.kit.pieces import pieces
from services.platforms import Platform, PlatformProfile, profile_of
from services.settings import Settings

T = TypeVar("T")


class DeskBot(Bot):
    """An aiogram Bot that knows which platform it speaks to."""

    def __init__(self, token: str, profile: PlatformProfile, **kwargs: Any) -> None:
        super().__init__(
            token,
            default=DefaultBotProperties(
                parse_mode=profile.parse_mode, link_preview_is_disabled=True
            ),
            **kwargs,
        )
        self.profile = profile

    @property
    def platform(self) -> Platform:
        return self.profile.platform

    async def __call__(self, method: TelegramMethod[T], request_timeout: int | None = None) -> T:
        """Every request goes out as the platform takes it: words too long for one message
        go in several, in order (handlers.kit.pieces)."""
        _keep_response_type(method)
        split = pieces(self.profile, method)
        if len(split.methods) == 1:
            return cast(T, await super().__call__(split.methods[0], request_timeout))
        answers = []
        for piece in split.methods:
            answers.append(await super().__call__(piece, request_timeout))
        return cast(T, answers[split.main])


# The answer types of the methods sent, kept alive. aiogram reads every answer as
# `Response[<what the method returns>]`, and pydantic only keeps such a type while something
# holds it: dropped by the garbage collector, it is built again (tens of milliseconds) on the
# next answer of that kind.
_RESPONSE_TYPES: dict[Any, type[Any]] = {}


def _keep_response_type(method: TelegramMethod[Any]) -> None:
    returning = method.__returning__
    if returning not in _RESPONSE_TYPES:
        _RESPONSE_TYPES[returning] = Response[returning]  # type: ignore[valid-type]


def make_session(base: str) -> BaseSession:
    """An HTTP session to a Bot API server (official, Bale's, or a local stand-in)."""
    return AiohttpSession(api=TelegramAPIServer.from_base(base))


def build_bots(settings: Settings) -> dict[Platform, DeskBot]:
    """One bot per platform that has a token."""
    bots: dict[Platform, DeskBot] = {}
    for platform in settings.platforms:
        token = settings.token(platform)
        assert token is not None  # platforms lists only those with a token
        bots[platform] = DeskBot(
            token.get_secret_value(),
            profile_of(platform),
            session=make_session(settings.api_base(platform)),
        )
    return bots
