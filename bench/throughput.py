"""(a) Updates per second and latency of the whole desk against a bare aiogram echo bot.

The same raw updates, as Telegram and Bale send them, are fed with `Dispatcher.feed_raw_update`
to the desk's real dispatcher (`bot.app.build_dispatcher`: middlewares, every router, the
database, the FSM storage) and to a bare `Dispatcher` holding one echo handler. Both answer
through the same no-network session at the Bot API boundary, so the difference is the desk.

Updates come as citizens send them: many users at once (`concurrency` conversations in flight,
as polling hands updates to concurrent tasks), each user's own updates strictly in order. The
mix: new citizens walking the complaint form step by step (/start, /complaint, the answers, a
photo for every other one, the buttons, the contact, confirm), and citizens with a case
checking it (/start, /mycases, /track their code, /track a code that is not theirs). Beside
it, a second mix that any bot can be held to: new citizens each sending /start and then three
texts ("start3").
"""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import io
import itertools
import pstats
import random
import time
import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from aiogram import BaseMiddleware, Dispatcher, Router
from aiogram.client.session.base import BaseSession
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import Message, TelegramObject, Update
from aiohttp import ClientSession
from sqlalchemy import BigInteger, Column, MetaData, String, Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench import apiserver
from bench.common import (
    BALE_TOKEN,
    DEFAULT_REDIS_URL,
    TELEGRAM_TOKEN,
    Backend,
    Result,
    bench_settings,
    fresh_database,
    ms,
    percentile,
    redis_answers,
    say,
)
from bench.drain import free_port
from bench.fakeapi import RecordingSession
from bot.app import build_dispatcher
from handlers.kit.callbacks import FormNav, ProvinceChoice, SubjectChoice
from handlers.kit.platforms import DeskBot, make_session
from models.database import make_sessionmaker
from models.tables import Case, User
from services.calendar import TEHRAN
from services.clock import ManualClock
from services.desk import Subject
from services.platforms import Platform, profile_of
from services.tracking import CodeKind, new_code

# Sunday 1 Azar 1405, 10:00 in Tehran: an ordinary working morning.
START = datetime(2026, 11, 22, 10, 0, tzinfo=TEHRAN)
TARGET_RATIO = 0.5  # of the bare echo, on the bench's own mix (issue 6)
TARGET_DURABLE = 0.5  # of the durable echo (issue 15)
TARGET_BARE = 0.4  # of the bare echo (issue 15)
TARGET_P99 = 0.020  # seconds, with 16 updates in flight (issue 15)
MIXES = ("form", "start3")
FORM_SHARE = 0.6  # of the updates, from citizens walking the complaint form
DESCRIPTION = "کالای سفارش داده شده پس از دو هفته هنوز ارسال نشده و فروشنده پاسخی نمی‌دهد."

Feed = tuple[Platform, dict[str, Any]]
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


@dataclass(frozen=True)
class Citizen:
    platform: Platform
    id: int
    first_name: str
    last_name: str

    def as_user(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "language_code": "fa",
        }

    def chat(self) -> dict[str, Any]:
        return {"id": self.id, "type": "private", "first_name": self.first_name}


class Updates:
    """Raw updates as the platforms send them, with ids that never repeat."""

    def __init__(self, first_update_id: int = 1) -> None:
        self._update_ids = itertools.count(first_update_id)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self.date = int(START.timestamp())

    def _message(self, who: Citizen, **content: Any) -> Feed:
        message = {
            "message_id": next(self._message_ids),
            "date": self.date,
            "chat": who.chat(),
            "from": who.as_user(),
            **content,
        }
        return who.platform, {"update_id": next(self._update_ids), "message": message}

    def say(self, who: Citizen, text: str) -> Feed:
        if text.startswith("/"):
            command = text.split()[0]
            entities = [{"type": "bot_command", "offset": 0, "length": len(command)}]
            return self._message(who, text=text, entities=entities)
        return self._message(who, text=text)

    def photo(self, who: Citizen, file_id: str) -> Feed:
        sizes = [
            {
                "file_id": f"{file_id}-s",
                "file_unique_id": f"{file_id}-us",
                "width": 90,
                "height": 90,
            },
            {
                "file_id": file_id,
                "file_unique_id": f"u-{file_id}",
                "width": 800,
                "height": 600,
                "file_size": 52_000,
            },
        ]
        return self._message(who, photo=sizes)

    def contact(self, who: Citizen, phone: str) -> Feed:
        return self._message(
            who, contact={"phone_number": phone, "first_name": who.first_name, "user_id": who.id}
        )

    def press(self, who: Citizen, data: str) -> Feed:
        """A tap on an inline button under one of the bot's messages."""
        bot_id = int((TELEGRAM_TOKEN if who.platform is Platform.TELEGRAM else BALE_TOKEN)[:6])
        message = {
            "message_id": next(self._message_ids),
            "date": self.date,
            "chat": who.chat(),
            "from": {"id": bot_id, "is_bot": True, "first_name": "Pishkhan"},
            "text": "…",
            "reply_markup": {"inline_keyboard": [[{"text": "…", "callback_data": data}]]},
        }
        query = {
            # Bale's old clients send ids starting with 1; these are recent clients.
            "id": f"9{next(self._query_ids)}",
            "from": who.as_user(),
            "chat_instance": "ci",
            "data": data,
            "message": message,
        }
        return who.platform, {"update_id": next(self._update_ids), "callback_query": query}

    # --- conversations --------------------------------------------------------------------

    def complaint(self, who: Citizen, number: int) -> list[Feed]:
        """A citizen's first complaint, answered step by step (14 or 15 updates)."""
        feeds = [
            self.say(who, "/start"),
            self.say(who, "/complaint"),
            self.say(who, f"فروشگاه نمونه {number}"),
            self.say(who, f"https://www.shop{number}.ir/product/{number}"),
            self.press(who, FormNav(step="licence", action="skip").pack()),
            self.press(who, ProvinceChoice(index=number % 31).pack()),
            self.press(who, SubjectChoice(subject=Subject.GUILD_LAW).pack()),
            self.say(who, DESCRIPTION),
            self.say(who, f"ORD-{number:05d}"),
            self.say(who, "۱۴۰۵/۰۸/۲۵"),
            self.say(who, "۲٬۵۰۰٬۰۰۰"),
        ]
        if number % 2 == 0:
            feeds.append(self.photo(who, f"photo-{who.platform}-{number}"))
        feeds += [
            self.press(who, FormNav(step="attachments", action="done").pack()),
            self.contact(who, f"+98912{number % 10_000_000:07d}"),
            self.press(who, FormNav(step="confirm", action="confirm").pack()),
        ]
        return feeds

    def start_and_texts(self, who: Citizen) -> list[Feed]:
        """A new citizen says /start and then three texts, as a first visit often goes."""
        return [
            self.say(who, "/start"),
            self.say(who, "سلام"),
            self.say(who, "می‌خواهم از یک فروشگاه اینترنتی شکایت کنم."),
            self.say(who, "چه مدارکی لازم است؟"),
        ]

    def checking(self, who: Citizen, own_code: str, other_code: str) -> list[Feed]:
        """A citizen with a case looks at it: the menu, the list, the case, a wrong code."""
        return [
            self.say(who, "/start"),
            self.say(who, "/mycases"),
            self.say(who, f"/track {own_code[:5]}-{own_code[5:]}"),
            self.say(who, f"/track {other_code}"),
        ]


def citizens(first_id: int, count: int) -> list[Citizen]:
    """Citizens, one in four on Bale."""
    return [
        Citizen(
            Platform.BALE if index % 4 == 3 else Platform.TELEGRAM,
            first_id + index,
            "Sara" if index % 2 else "Reza",
            f"Ahmadi{index}",
        )
        for index in range(count)
    ]


# --- playing updates ----------------------------------------------------------------------


@dataclass
class Run:
    """Timings of one pass of the updates through one dispatcher."""

    latencies: list[float] = field(default_factory=list)
    wall: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.count / self.wall if self.wall else 0.0

    def summary(self) -> dict[str, float]:
        return {
            "updates": self.count,
            "seconds": round(self.wall, 3),
            "updates_per_s": round(self.rate, 1),
            "p50_ms": round(percentile(self.latencies, 0.5) * 1000, 3),
            "p90_ms": round(percentile(self.latencies, 0.9) * 1000, 3),
            "p99_ms": round(percentile(self.latencies, 0.99) * 1000, 3),
            "max_ms": round(max(self.latencies, default=0.0) * 1000, 3),
        }


async def play(
    dp: Dispatcher,
    bots: dict[Platform, DeskBot],
    conversations: Sequence[list[Feed]],
    concurrency: int,
) -> Run:
    """Feed conversations, `concurrency` at a time, each one's updates in order."""
    waiting = deque(conversations)
    run = Run()

    async def citizen_after_citizen() -> None:
        while waiting:
            for platform, update in waiting.popleft():
                began = time.perf_counter()
                await dp.feed_raw_update(bots[platform], update)
                run.latencies.append(time.perf_counter() - began)

    began = time.perf_counter()
    await asyncio.gather(*(citizen_after_citizen() for _ in range(concurrency)))
    run.wall = time.perf_counter() - began
    return run


class Api:
    """Where the bots' calls go, counted: the in-process recording session, or the stand-in
    Bot API on loopback HTTP (`bench.apiserver`, in a child process) through aiogram's own
    aiohttp session, as a deployed bot talks to its platform."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.label = "in-process API" if base is None else "HTTP API"
        self._recorders: list[RecordingSession] = []
        self._bots: list[DeskBot] = []

    def bots(self) -> dict[Platform, DeskBot]:
        tokens = {Platform.TELEGRAM: TELEGRAM_TOKEN, Platform.BALE: BALE_TOKEN}
        bots = {}
        for platform in Platform:
            session: BaseSession
            if self.base is None:
                session = RecordingSession()
                self._recorders.append(session)
            else:
                session = make_session(self.base)
            bots[platform] = DeskBot(tokens[platform], profile_of(platform), session=session)
        self._bots.extend(bots.values())
        return bots

    async def forget_calls(self) -> None:
        if self.base is None:
            for recorder in self._recorders:
                recorder.calls.clear()
            return
        async with ClientSession() as client, client.delete(f"{self.base}/calls") as answer:
            answer.raise_for_status()

    async def calls(self) -> dict[str, int]:
        if self.base is None:
            return dict(_sum_calls(self._recorders))
        async with ClientSession() as client, client.get(f"{self.base}/calls") as answer:
            return {str(name): int(count) for name, count in (await answer.json()).items()}

    async def close(self) -> None:
        for bot in self._bots:
            await bot.session.close()


def echo_dispatcher() -> Dispatcher:
    """The baseline: aiogram's own Dispatcher with one handler that echoes a message."""
    router = Router(name="echo")

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "👍")

    dp = Dispatcher()
    dp.include_router(router)
    return dp


_echo_log = Table(
    "bench_echo_log",
    MetaData(),
    Column("platform", String(16), primary_key=True),
    Column("update_id", BigInteger, primary_key=True),
    Column("chat_id", BigInteger, nullable=False),
)


def durable_echo_dispatcher(sessionmaker: async_sessionmaker[AsyncSession]) -> Dispatcher:
    """The floor of any bot that remembers: the echo, plus one row per update written and
    committed through SQLAlchemy to the same database before answering."""
    router = Router(name="durable-echo")

    @router.message()
    async def echo(message: Message, bot: DeskBot, event_update: Update) -> None:
        async with sessionmaker() as session:
            await session.execute(
                insert(_echo_log).values(
                    platform=bot.platform.value,
                    update_id=event_update.update_id,
                    chat_id=message.chat.id,
                )
            )
            await session.commit()
        await message.answer(message.text or "👍")

    dp = Dispatcher()
    dp.include_router(router)
    return dp


# --- where the time goes -----------------------------------------------------------------

HANDLERS = "routers, filters and handlers"


class _Timed(BaseMiddleware):
    """Times an outer middleware (and all it wraps) without changing what it does."""

    def __init__(self, inner: Any, name: str, totals: dict[str, float]) -> None:
        self.inner = inner
        self.name = name
        self.totals = totals

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        began = time.perf_counter()
        try:
            return await self.inner(handler, event, data)
        finally:
            self.totals[self.name] += time.perf_counter() - began


class _TimedHandlers(BaseMiddleware):
    """The innermost layer: the routers, their filters and the handlers."""

    def __init__(self, totals: dict[str, float]) -> None:
        self.totals = totals

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        began = time.perf_counter()
        try:
            return await handler(event, data)
        finally:
            self.totals[HANDLERS] += time.perf_counter() - began


def instrument(dp: Dispatcher) -> tuple[list[str], dict[str, float]]:
    """Wrap each outer middleware of `dp.update`, in order, with a timer."""
    totals: dict[str, float] = defaultdict(float)
    manager = dp.update.outer_middleware
    layers = list(manager)
    names = []
    for layer in layers:
        manager.unregister(layer)
    for layer in layers:
        name = type(layer).__name__
        names.append(name)
        manager.register(_Timed(layer, name, totals))
    manager.register(_TimedHandlers(totals))
    return [*names, HANDLERS], totals


def breakdown(names: list[str], totals: dict[str, float], run: Run) -> dict[str, float]:
    """Mean milliseconds per update spent in each layer alone (its own work, not what it wraps)."""
    count = run.count or 1
    inclusive = [totals[name] for name in names]
    own = {"aiogram: parse the update, dispatch": (sum(run.latencies) - inclusive[0]) / count}
    for index, name in enumerate(names):
        inner = inclusive[index + 1] if index + 1 < len(names) else 0.0
        own[name] = (inclusive[index] - inner) / count
    return {name: round(seconds * 1000, 3) for name, seconds in own.items()}


# --- the benchmark ------------------------------------------------------------------------


@dataclass
class Plan:
    """Who takes part: citizens who file a case while seeding (not timed) and check it later,
    and for each timed pass its own new citizens walking the form."""

    updates: Updates
    seeded: list[Citizen]
    walkers_per_pass: int
    next_walker: int = 6_000_000

    def seeding(self) -> list[list[Feed]]:
        return [self.updates.complaint(who, index) for index, who in enumerate(self.seeded)]

    def timed(self, codes: dict[int, str], count: int) -> tuple[list[list[Feed]], int]:
        """A pass of about `count` updates, shuffled; and how many complaints it files."""
        rng = random.Random(1405)
        walkers = citizens(self.next_walker, self.walkers_per_pass)
        self.next_walker += self.walkers_per_pass
        conversations = [self.updates.complaint(who, who.id % 1_000_000) for who in walkers]
        fed = sum(len(conversation) for conversation in conversations)
        stranger = new_code(CodeKind.COMPLAINT, rng.randrange).display()
        for who in itertools.cycle(self.seeded):
            if fed >= count:
                break
            conversation = self.updates.checking(who, codes[who.id], stranger)
            conversations.append(conversation)
            fed += len(conversation)
        rng.shuffle(conversations)
        return conversations, len(walkers)

    def start3(self, count: int) -> list[list[Feed]]:
        """About `count` updates (up to fours): new citizens, /start and three texts each."""
        visitors = citizens(self.next_walker, max(1, -(-count // 4)))
        self.next_walker += len(visitors)
        return [self.updates.start_and_texts(who) for who in visitors]


def make_plan(count: int, seeds: int) -> Plan:
    walkers = max(1, round(count * FORM_SHARE / 14.5))
    checks = max(1, round((count - walkers * 14.5) / 4))
    return Plan(Updates(), citizens(5_000_000, max(1, min(seeds, checks))), walkers)


def desk_settings_overrides() -> dict[str, Any]:
    """Per-person flood control would (rightly) drop a script that types this fast."""
    return {"flood_rate": 1_000_000_000}


@dataclass
class Pass:
    api: str
    mix: str
    concurrency: int
    bare: Run
    durable: Run
    full: Run
    filed: int
    calls: dict[str, dict[str, int]]
    layers: dict[str, float] | None = None

    @property
    def ratio(self) -> float:
        return self.full.rate / self.bare.rate if self.bare.rate else 0.0

    @property
    def durable_ratio(self) -> float:
        return self.durable.rate / self.bare.rate if self.bare.rate else 0.0

    @property
    def to_durable(self) -> float:
        return self.full.rate / self.durable.rate if self.durable.rate else 0.0


async def measure_backend(
    backend: Backend,
    *,
    count: int,
    concurrencies: Sequence[int],
    seeds: int,
    redis_url: str | None,
    profile_to: str | None,
    http: bool,
    mixes: Sequence[str] = MIXES,
) -> list[Result]:
    """For each API, mix and concurrency: bare echo, durable echo and the full desk on the same
    updates; their ratios."""
    plan = make_plan(count, seeds)
    passes: list[Pass] = []
    async with fresh_database(backend) as url, contextlib.AsyncExitStack() as servers:
        apis = [Api(None)]
        if http:
            apis.append(Api(servers.enter_context(apiserver.running(free_port()))))
        engine = backend.engine(url)
        sessionmaker = make_sessionmaker(engine)
        async with engine.begin() as connection:
            await connection.run_sync(_echo_log.metadata.create_all)
        settings = bench_settings(url, **desk_settings_overrides())
        clock = ManualClock(START)
        storage: BaseStorage = MemoryStorage()
        storage_name = "memory"
        prefix = f"pishkhan-bench-{uuid.uuid4().hex}"
        if redis_url and backend.name == "postgresql" and await redis_answers(redis_url):
            from aiogram.fsm.storage.redis import RedisStorage

            storage = RedisStorage.from_url(
                redis_url, key_builder=DefaultKeyBuilder(prefix=prefix)
            )
            storage_name = "redis"
        label = backend.name if storage_name == "memory" else f"{backend.name}+redis"
        try:
            dp = build_dispatcher(settings, sessionmaker, clock, storage)
            bare, durable = echo_dispatcher(), durable_echo_dispatcher(sessionmaker)
            say(f"throughput/{label}: seeding {len(plan.seeded)} citizens, each filing a case")
            await play(dp, apis[0].bots(), plan.seeding(), max(concurrencies))
            async with sessionmaker() as session:
                rows = await session.execute(
                    select(User.platform_user_id, Case.code).join(Case, Case.citizen_id == User.id)
                )
                codes = {int(user_id): str(code) for user_id, code in rows}
            missing = [who.id for who in plan.seeded if who.id not in codes]
            if missing:
                raise RuntimeError(f"seeding filed no case for {len(missing)} citizens")
            for api in apis:
                bots = api.bots()
                await play(bare, bots, plan.seeding()[:20], 1)  # warm up the session
                for mix, concurrency in itertools.product(mixes, concurrencies):
                    if mix == "form":
                        conversations, walkers = plan.timed(codes, count)
                    else:
                        conversations, walkers = plan.start3(count), 0
                    total = sum(len(conversation) for conversation in conversations)
                    runs: dict[str, Run] = {}
                    calls: dict[str, dict[str, int]] = {}
                    before = await _count_cases(sessionmaker)
                    for name, one in (("bare", bare), ("durable", durable), ("full", dp)):
                        say(
                            f"throughput/{label}, {api.label}, {mix}: {total} updates, "
                            f"{concurrency} in flight: {name}"
                        )
                        await api.forget_calls()
                        runs[name] = await play(one, bots, conversations, concurrency)
                        calls[name] = await api.calls()
                    filed = await _count_cases(sessionmaker) - before
                    if filed != walkers:
                        raise RuntimeError(f"the desk filed {filed} cases, expected {walkers}")
                    passes.append(
                        Pass(
                            api.label,
                            mix,
                            concurrency,
                            runs["bare"],
                            runs["durable"],
                            runs["full"],
                            filed,
                            calls,
                        )
                    )
            if profile_to:
                layers = await _profile(dp, apis[0].bots(), plan, codes, count, label, profile_to)
                if passes:
                    passes[0].layers = layers
        finally:
            for api in apis:
                await api.close()
            await storage.close()
            if storage_name == "redis" and redis_url:
                await _forget_redis_keys(redis_url, prefix)
            await engine.dispose()
    return [_result(label, storage_name, one) for one in passes]


def _result(label: str, storage: str, one: Pass) -> Result:
    full, bare, durable = one.full, one.bare, one.durable

    def speed(run: Run) -> str:
        p50, p99 = percentile(run.latencies, 0.5), percentile(run.latencies, 0.99)
        return f"{run.rate:,.0f} upd/s (p50 {ms(p50)}, p99 {ms(p99)})"

    figure = (
        f"{one.ratio:.1%} of bare, {one.to_durable:.1%} of durable echo: full {speed(full)} / "
        f"bare {speed(bare)}; durable echo {one.durable_ratio:.1%} of bare, {speed(durable)}"
    )
    p99 = percentile(full.latencies, 0.99)
    target = f"≥ {TARGET_BARE:.0%} bare, ≥ {TARGET_DURABLE:.0%} durable"
    passed = one.ratio >= TARGET_BARE and one.to_durable >= TARGET_DURABLE
    if one.mix == "form":
        target += f", ≥ {TARGET_RATIO:.0%} bare"
        passed = passed and one.ratio >= TARGET_RATIO
    if one.concurrency >= 16:
        target += f", p99 < {ms(TARGET_P99)}"
        passed = passed and p99 < TARGET_P99
    return Result(
        "(a) throughput full/bare",
        label,
        f"{one.mix}, {full.count} upd, {one.concurrency} in flight, {one.api}",
        figure,
        target,
        passed,
        {
            "ratio": round(one.ratio, 4),
            "durable_echo_ratio": round(one.durable_ratio, 4),
            "full_to_durable_echo": round(one.to_durable, 4),
            "api": one.api,
            "mix": one.mix,
            "concurrency": one.concurrency,
            "fsm_storage": storage,
            "full": full.summary(),
            "bare": bare.summary(),
            "durable_echo": durable.summary(),
            "complaints_filed": one.filed,
            "api_calls": one.calls,
            **({"ms_per_update_by_layer": one.layers} if one.layers else {}),
        },
    )


async def _profile(
    dp: Dispatcher,
    bots: dict[Platform, DeskBot],
    plan: Plan,
    codes: dict[int, str],
    count: int,
    label: str,
    folder: str,
) -> dict[str, float]:
    """Two more sequential passes of the full desk: one under cProfile, one timing each layer
    (which leaves the dispatcher instrumented: it is the last use of it)."""
    conversations, _ = plan.timed(codes, count)
    profiler = cProfile.Profile()
    profiler.enable()
    await play(dp, bots, conversations, 1)
    profiler.disable()
    conversations, _ = plan.timed(codes, count)
    names, totals = instrument(dp)
    layers = breakdown(names, totals, await play(dp, bots, conversations, 1))
    width = max(len(name) for name in layers)
    lines = [f"{name.ljust(width)}  {value:8.3f} ms" for name, value in layers.items()]
    path = Path(folder) / f"profile-throughput-{label}.txt"
    path.write_text(
        "Mean time per update in each layer alone (sequential pass):\n"
        + "\n".join(lines)
        + "\n\n"
        + _top_costs(profiler),
        encoding="utf-8",
    )
    say(f"throughput/{label}: where the time goes, and a cProfile, written to {path}")
    for line in lines:
        say(f"throughput/{label}:   {line}")
    return layers


async def _count_cases(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(select(func.count(Case.id))) or 0)


def _sum_calls(sessions: Iterable[RecordingSession]) -> Counter[str]:
    total: Counter[str] = Counter()
    for session in sessions:
        total.update(session.calls)
    return total


def _top_costs(profiler: cProfile.Profile, lines: int = 70) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(lines)
    out.write("\n")
    stats.sort_stats("tottime").print_stats(lines)
    return out.getvalue()


async def _forget_redis_keys(url: str, prefix: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*", count=1000)]
        for start in range(0, len(keys), 500):
            await client.delete(*keys[start : start + 500])
    finally:
        await client.aclose()


async def run(
    backends: Sequence[Backend],
    *,
    count: int,
    concurrencies: Sequence[int],
    seeds: int,
    redis_url: str | None = DEFAULT_REDIS_URL,
    profile_to: str | None = None,
    http: bool = True,
    mixes: Sequence[str] = MIXES,
) -> list[Result]:
    results: list[Result] = []
    for backend in backends:
        results.extend(
            await measure_backend(
                backend,
                count=count,
                concurrencies=concurrencies,
                seeds=seeds,
                redis_url=redis_url,
                profile_to=profile_to,
                http=http,
                mixes=mixes,
            )
        )
    return results
