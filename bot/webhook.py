"""Webhook mode: one aiohttp server, one path per platform.

Telegram signs each request with the secret token header; Bale sends none and only reaches
ports 443 and 88, so its path itself carries the secret: the access log names the platform a
request came for, never the path. Several processes may listen on the same port (SO_REUSEPORT)
and share the load.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import signal
from collections.abc import Mapping
from typing import Any, Final

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiogram.types.update import UpdateTypeLookupError
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from handlers.kit.platforms import DeskBot
from services.platforms import Platform
from services.settings import Settings

logger = logging.getLogger(__name__)


def webhook_path(platform: Platform, settings: Settings) -> str:
    """The path a platform posts to: plain for Telegram (it sends the secret in a header),
    secret-bearing for Bale (it cannot)."""
    if platform is Platform.TELEGRAM:
        return "/webhook/telegram"
    assert settings.webhook_secret is not None  # checked by the settings in webhook mode
    digest = hashlib.sha256(settings.webhook_secret.get_secret_value().encode()).hexdigest()
    return f"/webhook/bale/{digest[:32]}"


class UpdateHandler(SimpleRequestHandler):
    """Aiogram's handler for one bot, except for a body that is no update: refused with 400
    and one line in the log (the sender's mistake or a forgery, not the desk's fault)."""

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        try:
            update = Update.model_validate(
                await request.json(loads=bot.session.json_loads), context={"bot": bot}
            )
        except ValueError:  # not UTF-8, not JSON, or not shaped as an update
            logger.warning("a request to %s was not an update: refused", _platform_of(request))
            return web.Response(status=400, text="Bad Request")
        if not _known(update):
            # Acknowledged all the same: a refusal would have the platform send it again and again.
            logger.warning("an update of a kind the desk does not know: dropped")
            return web.json_response({})
        result: TelegramMethod[Any] | None = await self.dispatcher.feed_webhook_update(
            bot, update, **self.data
        )
        return web.Response(body=self._build_response_writer(bot=bot, result=result))


def _known(update: Update) -> bool:
    try:
        return bool(update.event_type)
    except UpdateTypeLookupError:
        return False


class PlatformAccessLog(AbstractAccessLogger):
    """One line a request: the platform whose path it came to, never the path itself."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(
            "%s to %s: %s in %.3fs", request.method, _platform_of(request), response.status, time
        )

    @property
    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.INFO)


def _platform_of(request: web.BaseRequest) -> str:
    """The platform a request came for, by the route it matched (named so in `build_app`)."""
    route = request.match_info.route.name if isinstance(request, web.Request) else None
    return f"the {route} webhook" if route else "no webhook's path"


def build_app(
    dp: Dispatcher, bots: Mapping[Platform, DeskBot], settings: Settings
) -> web.Application:
    """The web application with each platform's handler on its path, named by the platform."""
    app = web.Application()
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    for platform, bot in bots.items():
        UpdateHandler(
            dispatcher=dp,
            bot=bot,
            handle_in_background=False,
            secret_token=secret if bot.profile.has_secret_token else None,
        ).register(app, path=webhook_path(platform, settings), name=platform.value)
    return app


# How the server runs the application: with an access log that leaves the paths out.
RUNNER_OPTIONS: Final[dict[str, Any]] = {"access_log_class": PlatformAccessLog}


async def register_webhooks(bots: Mapping[Platform, DeskBot], settings: Settings) -> None:
    """Tell each platform where to post; a platform that refuses is logged, not fatal."""
    base = (settings.webhook_base_url or "").rstrip("/")
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    for platform, bot in bots.items():
        url = base + webhook_path(platform, settings)
        try:
            await bot.set_webhook(
                url,
                secret_token=secret if bot.profile.has_secret_token else None,
                drop_pending_updates=False,
            )
        except TelegramAPIError as error:
            logger.warning("could not set the webhook on %s: %s", platform, error)


async def serve_webhooks(
    dp: Dispatcher, bots: Mapping[Platform, DeskBot], settings: Settings
) -> None:
    """Serve until SIGTERM or SIGINT."""
    await register_webhooks(bots, settings)
    runner = web.AppRunner(build_app(dp, bots, settings), **RUNNER_OPTIONS)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port, reuse_port=True)
    await site.start()
    logger.info("webhooks listening on port %s", settings.webhook_port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
        for bot in bots.values():
            await bot.session.close()
