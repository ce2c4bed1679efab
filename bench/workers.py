"""(a) the desk in several worker processes at once: one database, one Redis, each worker its
own dispatcher, connections and Bot API session, as several webhook or polling processes run.

The start3 mix only (new citizens, `/start` and three texts: no seeding to share), each worker
its own citizens and update ids. Every worker builds its desk and warms it up, then all start
together; the figure is every update handled over the slowest worker's wall time, per worker
and in all, beside a bare aiogram echo measured in one worker process of the same run. How the
total grows from one worker to two is what `--workers 1,2` shows.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage

from bench import apiserver
from bench.common import Backend, Result, bench_settings, fresh_database, ms, percentile, say
from bench.drain import free_port
from bench.throughput import (
    START,
    Api,
    Updates,
    _forget_redis_keys,
    citizens,
    desk_settings_overrides,
    echo_dispatcher,
    play,
)
from bot.app import build_dispatcher
from models import crypto
from models.database import make_sessionmaker
from services.clock import ManualClock

# Per worker, on PostgreSQL and Redis (issue 15): a share of the bare echo.
TARGET_PER_WORKER = 0.25
# Each worker's citizens and update ids, far from each other's and the other passes'.
_SPACING = 10_000_000


@dataclass(frozen=True)
class Job:
    """What one worker process does."""

    backend: str
    url: str
    redis_url: str | None
    prefix: str
    index: int
    count: int
    concurrency: int
    api_base: str | None
    bare: bool


def _worker(job: Job, ready: Any, go: Any, results: Any) -> None:
    """The child process: build, warm up, say ready, wait for the start, play, report."""
    try:
        results.put(asyncio.run(_serve(job, ready, go)))
    except BaseException as error:  # reported to the parent, which raises it
        ready.put(job.index)
        results.put({"index": job.index, "error": repr(error)})


async def _serve(job: Job, ready: Any, go: Any) -> dict[str, Any]:
    backend = Backend(job.backend)
    engine = backend.engine(job.url)
    storage: BaseStorage = MemoryStorage()
    if job.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage

        storage = RedisStorage.from_url(
            job.redis_url, key_builder=DefaultKeyBuilder(prefix=job.prefix)
        )
    settings = bench_settings(job.url, **desk_settings_overrides())
    dp = build_dispatcher(settings, make_sessionmaker(engine), ManualClock(START), storage)
    api = Api(job.api_base)
    bots = api.bots()
    first = (job.index + 1) * _SPACING
    updates = Updates(first_update_id=first)
    warm = [updates.start_and_texts(who) for who in citizens(first + _SPACING // 2, 8)]
    visitors = citizens(first, max(1, -(-job.count // 4)))
    conversations = [updates.start_and_texts(who) for who in visitors]
    try:
        await play(dp, bots, warm, 1)
        bare = None
        if job.bare:
            bare = await play(echo_dispatcher(), bots, conversations, job.concurrency)
        ready.put(job.index)
        await asyncio.get_running_loop().run_in_executor(None, go.wait)
        run = await play(dp, bots, conversations, job.concurrency)
    finally:
        await api.close()
        await storage.close()
        await engine.dispose()
    return {
        "index": job.index,
        "count": run.count,
        "wall": run.wall,
        "latencies": run.latencies,
        "bare_rate": bare.rate if bare else None,
    }


async def _together(jobs: Sequence[Job]) -> list[dict[str, Any]]:
    """Run the jobs in processes of their own, started together; their reports."""
    context = multiprocessing.get_context("spawn")
    ready, results, go = context.Queue(), context.Queue(), context.Event()
    processes = [context.Process(target=_worker, args=(job, ready, go, results)) for job in jobs]
    for process in processes:
        process.start()
    loop = asyncio.get_running_loop()
    for _ in jobs:
        await loop.run_in_executor(None, ready.get)
    go.set()
    reports = [await loop.run_in_executor(None, results.get) for _ in jobs]
    for process in processes:
        await loop.run_in_executor(None, process.join)
    failed = [report["error"] for report in reports if "error" in report]
    if failed:
        raise RuntimeError(f"a worker failed: {failed[0]}")
    return reports


async def measure(
    backend: Backend,
    *,
    count: int,
    workers: Sequence[int],
    concurrency: int,
    redis_url: str | None,
    http: bool,
) -> list[Result]:
    """For each number of workers: every worker handles `count` updates of the start3 mix with
    `concurrency` in flight, all at once."""
    crypto.keyring()  # the key file, if one is made, made once before the workers read it
    results: list[Result] = []
    prefix = f"pishkhan-bench-{uuid.uuid4().hex}"
    redis = redis_url if backend.name == "postgresql" else None
    label = backend.name if redis is None else f"{backend.name}+redis"
    async with fresh_database(backend) as url:
        with contextlib.ExitStack() as stack:
            base = stack.enter_context(apiserver.running(free_port())) if http else None
            passes = []
            for number in workers:
                say(f"throughput/{label}: {number} worker(s), {count} updates each")
                jobs = [
                    Job(
                        backend.name,
                        url,
                        redis,
                        prefix,
                        index=len(passes) * 100 + index,
                        count=count,
                        concurrency=concurrency,
                        api_base=base,
                        bare=index == 0,
                    )
                    for index in range(number)
                ]
                passes.append((number, await _together(jobs)))
    if redis:
        await _forget_redis_keys(redis, prefix)
    alone = [_total(reports) for number, reports in passes if number == 1]
    one = sum(alone) / len(alone) if alone else None
    for number, reports in passes:
        results.append(_result(label, number, reports, one, count, concurrency, http))
    return results


def _total(reports: Sequence[dict[str, Any]]) -> float:
    """Every update the workers handled over the slowest one's wall time."""
    wall = max(report["wall"] for report in reports)
    return sum(report["count"] for report in reports) / wall if wall else 0.0


def _result(
    label: str,
    number: int,
    reports: Sequence[dict[str, Any]],
    one: float | None,
    count: int,
    concurrency: int,
    http: bool,
) -> Result:
    """The line of one pass: in all, per worker, to a bare echo, to one worker alone (the mean
    of this run's one-worker passes)."""
    total = _total(reports)
    per_worker = total / number
    bare = next(report["bare_rate"] for report in reports if report["bare_rate"] is not None)
    latencies = [value for report in reports for value in report["latencies"]]
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    share = per_worker / bare if bare else 0.0
    scaling = total / one if one else None
    target = f"≥ {TARGET_PER_WORKER:.0%} bare per worker"
    passed = share >= TARGET_PER_WORKER
    if number > 1 and scaling is not None:
        target += f", ≥ {0.8 * number:.1f}× one worker"
        passed = passed and scaling >= 0.8 * number
    against_one = f"{scaling:.2f}× one worker's rate; " if scaling is not None else ""
    return Result(
        "(a) throughput, workers",
        label,
        f"start3, {number} worker(s) × {count} upd, {concurrency} in flight each, "
        f"{'HTTP' if http else 'in-process'} API",
        f"{total:,.0f} upd/s in all, {per_worker:,.0f} per worker = {share:.1%} of a bare "
        f"echo ({bare:,.0f} upd/s); {against_one}p50 {ms(p50)}, p99 {ms(p99)}",
        target,
        passed,
        {
            "workers": number,
            "updates": sum(report["count"] for report in reports),
            "wall_seconds": round(max(report["wall"] for report in reports), 3),
            "rate": round(total, 1),
            "per_worker_rate": round(per_worker, 1),
            "bare_rate": round(bare, 1),
            "per_worker_to_bare": round(share, 4),
            "to_one_worker": None if scaling is None else round(scaling, 3),
        },
    )
