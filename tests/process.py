"""The desk's own process, started as `make run` starts it, against the stand-in server."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.standin import StandIn

ROOT = Path(__file__).resolve().parent.parent


class DeskProcess:
    """The desk's own process, `python -m bot run` as `make run` starts it, on a fresh SQLite
    database against the stand-in server; its log is kept once it stopped."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.log = ""

    @classmethod
    async def start(cls, server: StandIn, workdir: Path, **settings: str) -> DeskProcess:
        """Migrate and start the process, with `settings` over the defaults, and wait until it
        polls."""
        tokens = {bot.platform: bot.token for bot in server.bots.values()}
        env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": tokens["telegram"],
            "BALE_BOT_TOKEN": tokens["bale"],
            "TELEGRAM_API_BASE": server.url,
            "BALE_API_BASE": server.url,
            "DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'desk.sqlite3'}",
            "OUTBOX_POLL_SECONDS": "0.2",
            **settings,
        }
        migrate = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "migrate", env=env, cwd=workdir
        )
        assert await migrate.wait() == 0
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *("-m", "bot", "run"),
            env=env,
            cwd=workdir,
            stderr=asyncio.subprocess.PIPE,
        )
        desk = cls(process)
        try:
            # A cold start imports a great deal: the desk is up once each bot asked who it is.
            for token in tokens.values():
                await server.wait_for(token, lambda method, _: method == "getMe", within=180)
        except BaseException:
            await desk.stop()
            raise
        return desk

    async def stop(self) -> None:
        """Stop the process (kill it if it hangs: never leave a worker behind); keep its log."""
        if self.process.returncode is None:
            self.process.terminate()
        try:
            _, stderr = await asyncio.wait_for(self.process.communicate(), timeout=20)
        except TimeoutError:
            self.process.kill()
            _, stderr = await self.process.communicate()
        self.log = stderr.decode()
