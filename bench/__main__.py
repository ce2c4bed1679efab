"""`python -m bench`: run the benchmarks, print one table, keep it under bench/results/.

    python -m bench                  # everything at the sizes issue 6 asks (≈ 10–15 min)
    python -m bench --quick          # small sizes (≈ 1–2 min)
    python -m bench --only sweep     # one benchmark (or several: --only sweep,lookup)
    python -m bench --backends sqlite --cases 10000,100000

Benchmarks: throughput (a), sweep (b), lookup (c), drain (d). PostgreSQL is used when it
answers at --postgres-admin-url (a database of our own is created and dropped there); Redis
holds the FSM state of the PostgreSQL throughput run when it answers at --redis-url.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench import drain, lookup, report, sweep, throughput, workers
from bench.common import (
    DEFAULT_POSTGRES_ADMIN_URL,
    DEFAULT_REDIS_URL,
    Backend,
    Result,
    machine,
    postgres_answers,
    redis_answers,
    retrying,
    say,
)

BENCHMARKS = ("throughput", "sweep", "lookup", "drain")
RESULTS = Path(__file__).resolve().parent / "results"


def _ints(text: str) -> list[int]:
    return [int(float(item)) for item in text.split(",") if item.strip()]


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Pishkhan benchmarks (issue 6 §6)."
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME[,NAME]",
        help=f"benchmarks to run, of {', '.join(BENCHMARKS)} (default: all)",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, about a minute")
    parser.add_argument(
        "--backends",
        default="sqlite,postgresql",
        help="sqlite, postgresql, and aiosqlite (SQLite on aiosqlite's threads, to compare)",
    )
    parser.add_argument(
        "--postgres-admin-url",
        default=os.environ.get("BENCH_POSTGRES_ADMIN_URL", DEFAULT_POSTGRES_ADMIN_URL),
        help="a maintenance database on the server; ours is created and dropped beside it",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help="FSM storage of the PostgreSQL throughput run ('' for memory)",
    )
    parser.add_argument(
        "--no-http",
        action="store_true",
        help="(a) only the in-process Bot API, not also the loopback HTTP stand-in",
    )
    parser.add_argument(
        "--mix",
        default=",".join(throughput.MIXES),
        help="(a) the updates: form (the complaint form and case checks), start3 (/start and "
        "three texts) [form,start3]",
    )
    size = parser.add_argument_group("sizes (defaults: issue 6; --quick: small)")
    size.add_argument("--updates", type=int, help="(a) updates per pass [2000; quick 300]")
    size.add_argument("--concurrency", help="(a) conversations in flight, one pass each [1,16]")
    size.add_argument(
        "--workers",
        help="(a) also run the start3 mix in this many worker processes at once, each number "
        "its own pass, the largest --concurrency in flight in each (e.g. 1,2) [none]",
    )
    size.add_argument("--seeds", type=int, help="(a) citizens with a case to check [60; 15]")
    size.add_argument("--cases", help="(b) open cases [10000,100000,1000000; 10000,100000]")
    size.add_argument(
        "--due-fraction", type=float, default=1e-4, help="(b) share of open cases due [0.0001]"
    )
    size.add_argument("--sweep-repeats", type=int, default=3, help="(b) passes per size [3]")
    size.add_argument("--licences", type=int, help="(c) registry size [1000000; 100000]")
    size.add_argument("--lookups", type=int, help="(c) lookups per kind [1000; 200]")
    size.add_argument("--scans", type=int, help="(c) LIKE-scan lookups [30; 10]")
    size.add_argument("--drain-seconds", type=float, help="(d) seconds of sending [20; 5]")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="(a) write a cProfile of the full desk's sequential pass to bench/results/",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write results")
    args = parser.parse_args(argv)
    chosen = [name.strip() for item in args.only for name in item.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose of {BENCHMARKS}")
    args.only = [name for name in BENCHMARKS if name in chosen] or list(BENCHMARKS)
    quick = args.quick
    args.updates = args.updates or (300 if quick else 2000)
    args.concurrency = _ints(args.concurrency or "1,16")
    args.workers = _ints(args.workers or "")
    args.mix = [name.strip() for name in args.mix.split(",") if name.strip()]
    if set(args.mix) - set(throughput.MIXES):
        parser.error(f"unknown mix in {args.mix}; choose of {throughput.MIXES}")
    args.seeds = args.seeds or (15 if quick else 60)
    args.cases = _ints(args.cases or ("10000,100000" if quick else "10000,100000,1000000"))
    args.licences = args.licences or (100_000 if quick else 1_000_000)
    args.lookups = args.lookups or (200 if quick else 1000)
    args.scans = args.scans or (10 if quick else 30)
    args.drain_seconds = args.drain_seconds or (5.0 if quick else 20.0)
    return args


async def backends_of(args: argparse.Namespace, servers: dict[str, str]) -> list[Backend]:
    backends = []
    for name in (item.strip() for item in args.backends.split(",")):
        if name in ("sqlite", "aiosqlite"):
            backends.append(Backend(name))
        elif name == "postgresql":
            version = await postgres_answers(args.postgres_admin_url)
            if version is None:
                say(f"PostgreSQL does not answer at {args.postgres_admin_url}: skipped")
            else:
                say(f"PostgreSQL {version} answers: its runs use a database of their own")
                servers["postgresql"] = version
                backends.append(Backend("postgresql", args.postgres_admin_url))
        elif name:
            raise SystemExit(f"unknown backend {name!r}: sqlite, aiosqlite or postgresql")
    return backends


async def throughput_and_workers(
    args: argparse.Namespace, backends: list[Backend]
) -> list[Result]:
    """(a) in one process, then (with --workers) in several at once."""
    results = await throughput.run(
        backends,
        count=args.updates,
        concurrencies=args.concurrency,
        seeds=args.seeds,
        redis_url=args.redis_url or None,
        profile_to=str(args.results) if args.profile else None,
        http=not args.no_http,
        mixes=args.mix,
    )
    for backend in backends if args.workers else []:
        results.extend(
            await workers.measure(
                backend,
                count=args.updates,
                workers=args.workers,
                concurrency=max(args.concurrency),
                redis_url=args.redis_url or None,
                http=not args.no_http,
            )
        )
    return results


async def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    logging.basicConfig(level=logging.WARNING)
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    servers: dict[str, str] = {}
    backends = await backends_of(args, servers)
    redis_version = await redis_answers(args.redis_url) if args.redis_url else None
    if redis_version:
        servers["redis"] = redis_version
    if not backends:
        print("no database backend to run on", file=sys.stderr)
        return 2
    if args.profile:
        args.results.mkdir(parents=True, exist_ok=True)
    jobs: dict[str, Callable[[], Awaitable[list[Result]]]] = {
        "throughput": lambda: throughput_and_workers(args, backends),
        "sweep": lambda: sweep.run(backends, args.cases, args.due_fraction, args.sweep_repeats),
        "lookup": lambda: lookup.run(backends, args.licences, args.lookups, args.scans),
        "drain": lambda: drain.run(backends, args.drain_seconds, list(drain.SCENARIOS)),
    }
    results: list[Result] = []
    for name in args.only:
        print(f"\n== {name}", flush=True)
        began = time.perf_counter()
        try:
            results.extend(await retrying(name, jobs[name]))
        except Exception as error:  # reported in the table; the other benchmarks still run
            logging.exception("benchmark %s failed", name)
            results.append(
                Result(name, "-", "-", "-", "-", False, error=f"{type(error).__name__}: {error}")
            )
        say(f"{name} took {time.perf_counter() - began:.0f} s")

    seconds = time.perf_counter() - started
    run: dict[str, Any] = {
        "argv": sys.argv[1:] if argv is None else argv,
        "finished": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "seconds": round(seconds, 1),
        "load_average": [load_before, os.getloadavg()[0]],
        "options": {
            key: (str(value) if isinstance(value, Path) else value)
            for key, value in vars(args).items()
            if key not in ("postgres_admin_url", "redis_url")
        },
    }
    json_path, md_path = report.write(args.results, results, run, machine() | servers)
    print()
    print(report.text_table(results))
    for line in report.plan_lines(results):
        print(line)
    print(f"\n{len(results)} results in {seconds:.0f} s; written to {md_path} and {json_path}")
    return 2 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
