"""Webhook mode: one aiohttp server, one path per platform.

Telegram signs each request with the secret token header; Bale sends none and only reaches
ports 443 and 88, so its path itself carries the secret. Several processes may listen on the
same port (SO_REUSEPORT) and share the load.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import signal
from collections.abc import Mapping

from aiogram import Dispatcher
from aiogram.exceptions import TelegramAPIError
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

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


def build_app(
    dp: Dispatcher, bots: Mapping[Platform, DeskBot], settings: Settings
) -> web.Application:
    """The web application with each platform's handler on its path."""
    app = web.Application()
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    for platform, bot in bots.items():
        SimpleRequestHandler(
            dispatcher=dp,
            bot=bot,
            handle_in_background=False,
            secret_token=secret if bot.profile.has_secret_token else None,
        ).register(app, path=webhook_path(platform, settings))
    return app


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
    runner = web.AppRunner(build_app(dp, bots, settings))
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
