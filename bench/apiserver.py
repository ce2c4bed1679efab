"""A Bot API stand-in on loopback, in a process of its own, for throughput over real HTTP.

Every call is answered at once, as the platform would answer it (`bench.fakeapi.answer`), with
no limits: it stands for a Bot API that is never the bottleneck, so what is measured is the
bot's own side of the wire (aiogram's aiohttp session: the form, the request, the parse).
It runs in a child process so that its work is not charged to the process measured.

    python -m bench.apiserver PORT      # prints "ready" once it listens

`GET /calls` answers the calls counted so far by method, and `DELETE /calls` forgets them.
"""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from aiohttp import web

from bench.fakeapi import answer


def make_app() -> web.Application:
    calls: Counter[str] = Counter()
    message_ids = itertools.count(10_000)

    async def method(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        name = request.match_info["method"]
        form = await request.post()
        params: dict[str, Any] = {key: form[key] for key in form}
        calls[name] += 1
        result = answer(int(token.split(":")[0]), name, params, next(message_ids))
        return web.json_response({"ok": True, "result": result})

    async def counted(_request: web.Request) -> web.Response:
        return web.json_response(dict(calls))

    async def forget(_request: web.Request) -> web.Response:
        calls.clear()
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/bot{token}/{method}", method)
    app.router.add_get("/calls", counted)
    app.router.add_delete("/calls", forget)
    return app


async def serve(port: int) -> None:
    runner = web.AppRunner(make_app(), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    print("ready", flush=True)
    await asyncio.Event().wait()


@contextmanager
def running(port: int) -> Iterator[str]:
    """The stand-in in a child process; its base URL while the block runs."""
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.apiserver", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(f"the Bot API stand-in did not start: {line!r}")
        yield f"http://127.0.0.1:{port}"
    finally:
        child.terminate()
        child.wait(timeout=10)


def main() -> None:
    asyncio.run(serve(int(sys.argv[1])))


if __name__ == "__main__":
    main()
