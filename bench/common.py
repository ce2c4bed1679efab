"""What every benchmark shares: results, percentiles, throwaway databases, settings."""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import platform
import shutil
import sqlite3
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from models.database import make_engine
from models.migrate import upgrade
from services.settings import Settings

# The maintenance database on the local server: used only to CREATE and DROP our own database.
DEFAULT_POSTGRES_ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"

TELEGRAM_TOKEN = "700001:BENCH-telegram-token-aaaaaaaaaaaaaaaaaaaa"
BALE_TOKEN = "800001:BENCH-bale-token-bbbbbbbbbbbbbbbbbbbbbbbbbbb"
STAFF_CHAT = -1001000


@dataclass
class Result:
    """One line of the final table, with everything measured kept beside it for the JSON."""

    benchmark: str
    backend: str
    size: str
    figure: str
    target: str
    passed: bool | None  # None: informational, no target
    details: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    @property
    def verdict(self) -> str:
        if self.error is not None:
            return "ERROR"
        if self.passed is None:
            return "info"
        return "pass" if self.passed else "FAIL"


def percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) of values, interpolated linearly between neighbours."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ms(seconds: float) -> str:
    """Seconds as milliseconds, to a sensible precision."""
    value = seconds * 1000
    if value < 1:
        return f"{value:.3f} ms"
    if value < 10:
        return f"{value:.2f} ms"
    return f"{value:.1f} ms"


def say(message: str) -> None:
    """Progress on stderr-like terms, on stdout, flushed at once (runs take minutes)."""
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", flush=True)


def bench_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings of a desk with both platforms and a staff chat per queue; no `.env` read."""
    values: dict[str, Any] = {
        "telegram_bot_token": TELEGRAM_TOKEN,
        "bale_bot_token": BALE_TOKEN,
        "database_url": database_url,
        "redis_url": None,
        "admin_ids": "telegram:111,bale:222",
        "complaints_staff_chat": f"telegram:{STAFF_CHAT}",
        "licences_staff_chat": "telegram:-1001001",
        "certificates_staff_chat": "bale:-2002",
        "desk_name": "دفتر پیشخوان نمونه",
        "desk_licence_number": "۱۲۳۴۵۶",
        "desk_operator": "مریم رضایی",
        "desk_address": "تهران، خیابان آزادی، پلاک ۱",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


# --- databases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Backend:
    """A database server kind the benchmarks run on."""

    # "sqlite", "aiosqlite" (SQLite through aiosqlite's threads, to compare) or "postgresql"
    name: str
    admin_url: str | None = None  # PostgreSQL only

    def engine(self, url: str) -> AsyncEngine:
        """The desk's engine for this backend's database."""
        return make_engine(url, sqlite_on_loop=self.name != "aiosqlite")


async def postgres_answers(admin_url: str) -> str | None:
    """The server's version when PostgreSQL answers on the admin URL, else None."""
    engine = create_async_engine(admin_url, connect_args={"timeout": 3})
    try:
        async with engine.connect() as connection:
            version = await connection.scalar(text("SHOW server_version"))
            return str(version)
    except Exception:
        return None
    finally:
        await engine.dispose()


async def redis_answers(url: str) -> str | None:
    """The server's version when Redis answers at the URL, else None."""
    from redis.asyncio import Redis

    client = Redis.from_url(url, socket_connect_timeout=2)
    try:
        info = await client.info("server")
        return str(info.get("redis_version", "?"))
    except Exception:
        return None
    finally:
        await client.aclose()


_sequence = iter(range(1, 1_000_000))


@contextlib.asynccontextmanager
async def fresh_database(backend: Backend, *, migrate: bool = True) -> AsyncIterator[str]:
    """A database of our own, migrated to head, removed afterwards.

    SQLite: a file in a temporary folder. PostgreSQL: `CREATE DATABASE pishkhan_bench_<pid>_<n>`
    on an AUTOCOMMIT connection to the maintenance database, dropped (WITH FORCE) at the end;
    no other database is touched.
    """
    if backend.name in ("sqlite", "aiosqlite"):
        folder = Path(tempfile.mkdtemp(prefix="pishkhan-bench-"))
        url = f"sqlite+aiosqlite:///{folder / 'bench.sqlite3'}"
        try:
            if migrate:
                await asyncio.to_thread(upgrade, url)
            yield url
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    assert backend.admin_url is not None
    name = f"pishkhan_bench_{os.getpid()}_{next(_sequence)}"
    admin = create_async_engine(backend.admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(backend.admin_url).set(database=name).render_as_string(hide_password=False)
        try:
            if migrate:
                await asyncio.to_thread(upgrade, url)
            yield url
        finally:
            async with admin.connect() as connection:
                await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


async def retrying(
    what: str, attempt: Callable[[], Any], *, tries: int = 3, pause: float = 20.0
) -> Any:
    """Run a benchmark; if it breaks (colleagues may be mid-edit), wait and try again."""
    for number in range(1, tries + 1):
        try:
            return await attempt()
        except Exception as error:
            if number == tries:
                raise
            say(f"{what} broke ({type(error).__name__}: {error}); retrying in {pause:.0f} s")
            await asyncio.sleep(pause)
    raise AssertionError("unreachable")


# --- the machine ----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count() or "?"),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
