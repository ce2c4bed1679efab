"""(d) Outbox drain rate against a local stand-in Bot API server that enforces the limits.

The stand-in is an aiohttp web server on 127.0.0.1 (a free port) serving
`/bot<token>/<method>` as the Bot API does. It counts, per bot token, per private chat and per
group, with the platforms' published limits (settings: about 30 messages/s per bot, 1/s per
private chat, 20/min per group) as token buckets that hold one period's allowance (the usual
reading of "N per period"; 20 ms of slack for clock jitter on the loopback). A send over a
limit is refused exactly as Telegram refuses it: HTTP 429 with
`{"ok": false, "error_code": 429, "description": "Too Many Requests: retry after N",
"parameters": {"retry_after": N}}`.

The outbox is filled with messages as the desk writes them (`services.outbox.enqueue`), then
the real `OutboxSender.drain`, with the settings' limits, sends them through `DeskBot` on
`make_session(<stand-in>)` until the outbox is empty (or a deadline passes). The figure is the
sustained rate the server accepted, after the first second's burst allowance, as a share of
the per-bot limit; and the count of 429s.

Scenarios: "one message per chat" (many private chats, plus three staff groups receiving their
share of 20 a minute) is what the target is about; "some chats twice" sends two or three
messages to a third of the private chats, in random order (informational): the sender waits
for one chat's limit before it sends to anyone else, and a chat's next message comes as soon
as its own limit allows, so this is where the two limits meet.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import random
import socket
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from sqlalchemy import func, select

from bench.common import TELEGRAM_TOKEN, Backend, Result, bench_settings, fresh_database, say
from bot.delivery import OutboxSender
from handlers.kit.platforms import DeskBot, make_session
from models.database import make_sessionmaker
from models.repos import Repo
from models.tables import OutboxMessage
from services.clock import SystemClock
from services.outbox import OutboxStatus, Outgoing, enqueue
from services.platforms import Platform, profile_of

TARGET_SHARE = 0.95
SLACK = 0.020  # seconds of clock jitter the stand-in forgives
GROUPS = (-1001000, -1001001, -1001002)


class Bucket:
    """GCRA: `burst` sends at once, then one every `interval` seconds."""

    def __init__(self, per_period: float, period: float) -> None:
        self.interval = period / per_period
        self.tolerance = (max(1.0, math.floor(per_period)) - 1) * self.interval + SLACK
        self.tat = 0.0  # theoretical arrival time of the next send

    def wait(self, now: float) -> float:
        return max(0.0, self.tat - self.tolerance - now)

    def take(self, now: float) -> None:
        self.tat = max(self.tat, now) + self.interval


@dataclass
class StandIn:
    """The stand-in Bot API: limits enforced, every accepted send recorded."""

    per_bot: float
    per_chat: float
    per_group_per_minute: float
    accepted: list[float] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)
    chats: Counter[int] = field(default_factory=Counter)
    buckets: dict[tuple[Any, ...], Bucket] = field(default_factory=dict)
    message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def _bucket(self, key: tuple[Any, ...]) -> Bucket:
        if key not in self.buckets:
            if key[0] == "bot":
                self.buckets[key] = Bucket(self.per_bot, 1.0)
            elif key[0] == "group":
                self.buckets[key] = Bucket(self.per_group_per_minute, 60.0)
            else:
                self.buckets[key] = Bucket(self.per_chat, 1.0)
        return self.buckets[key]

    async def handle(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        method = request.match_info["method"]
        form = await request.post()
        if method not in ("sendMessage", "sendPhoto", "sendDocument"):
            return _json(200, {"ok": True, "result": True})
        chat_id = int(str(form["chat_id"]))
        now = time.monotonic()
        kind = "group" if chat_id < 0 else "chat"
        buckets = {"bot": self._bucket(("bot", token)), kind: self._bucket((kind, token, chat_id))}
        waits = {name: bucket.wait(now) for name, bucket in buckets.items()}
        wait = max(waits.values())
        if wait > 0:
            self.refused[max(waits, key=lambda name: waits[name])] += 1
            retry_after = max(1, math.ceil(wait))
            return _json(
                429,
                {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {retry_after}",
                    "parameters": {"retry_after": retry_after},
                },
            )
        for bucket in buckets.values():
            bucket.take(now)
        self.accepted.append(now)
        self.chats[chat_id] += 1
        message = {
            "message_id": next(self.message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "group" if chat_id < 0 else "private"},
            "text": str(form.get("text", "")),
        }
        return _json(200, {"ok": True, "result": message})


def _json(status: int, body: dict[str, Any]) -> web.Response:
    return web.Response(status=status, text=json.dumps(body), content_type="application/json")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Scenario:
    name: str
    repeats: bool  # some private chats receive two or three messages
    targeted: bool


SCENARIOS = {
    "one message per chat": Scenario("one message per chat", False, True),
    "some chats twice": Scenario("some chats twice", True, False),
}


def messages_for(scenario: Scenario, count: int, group_max: int) -> list[int]:
    """The chat of each message, in the order the desk wrote them."""
    rng = random.Random(1405)
    groups = [chat for chat in GROUPS for _ in range(group_max)][: max(0, count // 10)]
    private = count - len(groups)
    chats: list[int] = []
    next_chat = itertools.count(7_000_001)
    while len(chats) < private:
        chat = next(next_chat)
        copies = 1
        if scenario.repeats and rng.random() < 1 / 3:
            copies = 2 if rng.random() < 0.7 else 3
        chats.extend([chat] * copies)
    chats = chats[:private] + groups
    rng.shuffle(chats)
    return chats


async def measure(backend: Backend, scenario: Scenario, seconds: float) -> Result:
    async with fresh_database(backend) as url:
        settings = bench_settings(url)
        limit = settings.rate_per_bot_per_second
        count = int(limit * seconds)
        server = StandIn(
            settings.rate_per_bot_per_second,
            settings.rate_per_chat_per_second,
            settings.rate_per_group_per_minute,
        )
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", server.handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        port = free_port()
        site = web.TCPSite(runner, "127.0.0.1", port)
        await site.start()
        engine = backend.engine(url)
        sessionmaker = make_sessionmaker(engine)
        clock = SystemClock()
        bot = DeskBot(
            TELEGRAM_TOKEN,
            profile_of(Platform.TELEGRAM),
            session=make_session(f"http://127.0.0.1:{port}"),
        )
        try:
            chats = messages_for(
                scenario, count, int(settings.rate_per_group_per_minute * seconds / 60) or 1
            )
            async with sessionmaker() as session:
                repo = Repo(session)
                now = clock.now()
                for number, chat in enumerate(chats):
                    enqueue(
                        repo,
                        Outgoing(
                            platform=Platform.TELEGRAM,
                            chat_id=chat,
                            text=f"پیام شماره {number} از پیشخوان",
                            parse_mode="HTML",
                        ),
                        now=now,
                        purpose="bench",
                    )
                await repo.commit()
            sender = OutboxSender({Platform.TELEGRAM: bot}, sessionmaker, settings, clock)
            say(
                f"drain/{backend.name}: {scenario.name}: {len(chats)} messages to "
                f"{len(set(chats))} chats, limit {limit:g}/s"
            )
            began = time.monotonic()
            deadline = began + seconds * 3 + 10
            while time.monotonic() < deadline:
                await sender.drain()
                if await _unsent(sessionmaker) == 0:
                    break
                await asyncio.sleep(0.2)
            ended = time.monotonic()
            left = await _unsent(sessionmaker)
        finally:
            await bot.session.close()
            await runner.cleanup()
            await engine.dispose()

    accepted = server.accepted
    sent = len(accepted)
    overall = sent / (accepted[-1] - began) if sent > 1 else 0.0
    sustained = sustained_rate(accepted)
    share = sustained / limit
    too_many = sum(server.refused.values())
    passed = share >= TARGET_SHARE and too_many == 0 and left == 0
    return Result(
        f"(d) outbox drain, {scenario.name}",
        backend.name,
        f"{len(chats)} msgs, {len(set(chats))} chats",
        f"{share:.1%} of {limit:g}/s ({sustained:.1f}/s sustained, {overall:.1f}/s overall); "
        f"{too_many} × 429",
        f"≥ {TARGET_SHARE:.0%}, 0 × 429" if scenario.targeted else "— (informational)",
        passed if scenario.targeted else None,
        {
            "messages": len(chats),
            "chats": len(set(chats)),
            "sent": sent,
            "left_unsent": left,
            "seconds": round(ended - began, 3),
            "sustained_per_s": round(sustained, 2),
            "overall_per_s": round(overall, 2),
            "share_of_limit": round(share, 4),
            "too_many_requests": dict(server.refused),
            "limits": {
                "per_bot_per_s": settings.rate_per_bot_per_second,
                "per_chat_per_s": settings.rate_per_chat_per_second,
                "per_group_per_min": settings.rate_per_group_per_minute,
            },
        },
    )


def sustained_rate(accepted: Sequence[float], settle: float = 2.0) -> float:
    """Sends per second the server accepted once the opening burst allowance is spent: over
    the run after its first `settle` seconds (over all of it for a short run)."""
    if len(accepted) < 2:
        return 0.0
    start = accepted[0] + settle
    if accepted[-1] - start < 1.0:
        start = accepted[0]
    window = [instant for instant in accepted if instant > start]
    return len(window) / (accepted[-1] - start)


async def _unsent(sessionmaker: Any) -> int:
    async with sessionmaker() as session:
        total = await session.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.status != OutboxStatus.SENT)
        )
        return int(total or 0)


async def run(
    backends: Sequence[Backend], seconds: float, scenarios: Sequence[str]
) -> list[Result]:
    results: list[Result] = []
    for name in scenarios:
        scenario = SCENARIOS[name]
        # The limits are the platform's, not the database's: the extra scenario runs once.
        for backend in backends if scenario.targeted else backends[:1]:
            result = await measure(backend, scenario, seconds)
            say(f"drain/{backend.name}: {scenario.name}: {result.figure}")
            results.append(result)
    return results
