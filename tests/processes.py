"""The real process, `python -m bot run`, as a child of the test: started, stopped, killed,
and waited for until it listens."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from tests.standin import StandIn


class Worker:
    """`python -m bot run` as a child process, killed at will."""

    def __init__(self, env: dict[str, str], cwd: Path, log: Path | None = None) -> None:
        self.env, self.cwd, self.log = env, cwd, log
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with open(self.log or os.devnull, "ab") as log:  # noqa: ASYNC230 - opened once
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                env=self.env,
                cwd=self.cwd,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=log,
            )

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> None:
        """Stop it gracefully, or kill it: a test never leaves a worker behind."""
        if self.process is None or self.process.returncode is not None:
            return
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), timeout=15)
        except TimeoutError:
            await self.kill()


async def until_polling(server: StandIn, token: str, within: float = 120) -> None:
    """A worker just started asks the stand-in who its bot is, then polls: wait for that. It
    takes seconds to import its libraries, and far longer on a busy machine."""
    asked = len(server.bots[token].sent)
    await server.wait_for(token, lambda method, _: method == "getMe", after=asked, within=within)


def free_port() -> int:
    """A port nothing listens on, for a worker in webhook mode."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def until_listening(port: int, logs: list[Path], within: float = 120) -> None:
    """Every worker has bound the port (each says so in its log) and it answers. A worker
    takes seconds to import its libraries, and far longer on a busy machine."""
    for _ in range(int(within * 10)):
        bound = all(log.exists() and "webhooks listening" in log.read_text() for log in logs)
        if bound:
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                pass
            else:
                writer.close()
                await writer.wait_closed()
                return
        await asyncio.sleep(0.1)
    raise TimeoutError("the workers did not start listening")


def command_update(update_id: int, user_id: int, command: str = "/start") -> dict[str, Any]:
    """A command in a private chat, as a platform posts it."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_790_000_000,
            "chat": {"id": user_id, "type": "private", "first_name": "Citizen"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Citizen"},
            "text": command,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
        },
    }
