"""Fixtures: the embedded stack always; PostgreSQL and Redis when TEST_DATABASE_URL and
TEST_REDIS_URL name servers to use."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from hypothesis import settings as hypothesis_settings
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Base, crypto
from models.database import make_engine, make_sessionmaker
from models.migrate import upgrade
from services.calendar import TEHRAN
from services.clock import ManualClock
from services.platforms import Platform
from services.settings import Settings
from tests.desk import TOKENS, Desk, Person
from tests.staff import seat_clerk

# Personal identifiers are encrypted at rest; the tests use a fixed key.
TEST_KEYS = [
    "TIrpY3wyJ5mJmfdV3iCwz0F1F6S3mZ0fGm0yYVv2kd8dN6mP0eG0w3N8xj0Y3bq4x2D1yQq1hJxv5Uu0Tt9l1w==",
]
crypto.configure(TEST_KEYS)

# Property tests: Hypothesis's own hundred examples locally; in CI (`.ci/run` exports
# HYPOTHESIS_PROFILE=ci) eight hundred, which makes about ten thousand through the dispatcher.
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.register_profile("ci", max_examples=800, deadline=None, print_blob=True)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
hypothesis_settings.load_profile(HYPOTHESIS_PROFILE)
# Through the dispatcher each example is an update: a handful locally, the profile's in CI.
DISPATCHER_EXAMPLES = 15 if HYPOTHESIS_PROFILE == "dev" else hypothesis_settings().max_examples


def _own_servers_per_worker() -> None:
    """Under `pytest -n`, each worker gets a PostgreSQL database and a Redis database of its
    own (`test_gw0`, `test_gw1`…; Redis 15, 14…), made once and kept, so workers never meet."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    index = int(worker.removeprefix("gw"))
    database = os.environ.get("TEST_DATABASE_URL")
    if database and make_url(database).get_backend_name() == "postgresql":
        shared = make_url(database)
        own = f"{shared.database}_{worker}"

        async def create() -> None:
            engine = make_engine(database)
            async with engine.connect() as connection:
                autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
                found = await autocommit.scalar(
                    text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": own}
                )
                if not found:
                    await autocommit.execute(text(f'CREATE DATABASE "{own}"'))
            await engine.dispose()

        asyncio.run(create())
        os.environ["TEST_DATABASE_URL"] = shared.set(database=own).render_as_string(
            hide_password=False
        )
    redis = os.environ.get("TEST_REDIS_URL")
    if redis:
        parsed = urlsplit(redis)
        number = int(parsed.path.strip("/") or 0)
        os.environ["TEST_REDIS_URL"] = parsed._replace(path=f"/{(number - index) % 16}").geturl()


_own_servers_per_worker()
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL")

STACKS = ["embedded"] + (["server"] if TEST_DATABASE_URL or TEST_REDIS_URL else [])

# Sunday 1 Azar 1405, 10:00 in Tehran: an ordinary working morning.
START = datetime(2026, 11, 22, 10, 0, tzinfo=TEHRAN)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("db") / "template.sqlite3"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The test PostgreSQL, emptied and migrated to head once per run."""
    assert TEST_DATABASE_URL is not None

    async def reset() -> None:
        engine = make_engine(TEST_DATABASE_URL)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()

    asyncio.run(reset())
    upgrade(TEST_DATABASE_URL)
    yield TEST_DATABASE_URL


@pytest.fixture(params=STACKS)
def stack(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(stack: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if stack == "server" and TEST_DATABASE_URL:
        return str(request.getfixturevalue("postgres_url"))
    template: Path = request.getfixturevalue("sqlite_template")
    copy = tmp_path / "pishkhan.sqlite3"
    shutil.copy(template, copy)
    return f"sqlite+aiosqlite:///{copy}"


@pytest.fixture
async def sessionmaker(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(database_url)
    if engine.dialect.name == "postgresql":
        tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        async with engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
def storage_factory(stack: str) -> Callable[[], BaseStorage]:
    """Conversation storage; Redis keeps state across a restart, memory does not."""
    if stack == "server" and TEST_REDIS_URL:
        from aiogram.fsm.storage.redis import RedisStorage

        prefix = f"test-{uuid.uuid4().hex}"
        url = TEST_REDIS_URL
        return lambda: RedisStorage.from_url(
            url,
            key_builder=DefaultKeyBuilder(prefix=prefix),
            json_dumps=crypto.sealed_json,  # as bot.app.make_storage does
            json_loads=crypto.opened_json,
        )
    return MemoryStorage


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": TOKENS[Platform.TELEGRAM],
        "bale_bot_token": TOKENS[Platform.BALE],
        "database_url": "sqlite+aiosqlite:///:memory:",
        "admin_ids": "telegram:111,bale:222",
        "complaints_staff_chat": "telegram:-1001000",
        "licences_staff_chat": "telegram:-1001001",
        "certificates_staff_chat": "bale:-2002",
        "desk_name": "دفتر پیشخوان نمونه",
        "desk_licence_number": "۱۲۳۴۵۶",
        "desk_operator": "مریم رضایی",
        "desk_address": "تهران، خیابان آزادی، پلاک ۱",
        # The platforms' limits are real time; tests of the limiter set their own.
        "rate_per_chat_per_second": 10_000,
        "rate_per_group_per_minute": 600_000,
        "rate_per_bot_per_second": 10_000,
        "flood_rate": 10_000,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def settings() -> Settings:
    return make_settings()


# The complaints staff chat when it is a Bale group (`bale_desk`).
BALE_STAFF_CHAT = -3003


@asynccontextmanager
async def running_desk(
    settings: Settings,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
    first_update_id: int = 1,
) -> AsyncIterator[Desk]:
    harness = Desk(settings, sessionmaker, clock, storage_factory, first_update_id)
    seat_clerk(harness)
    try:
        yield harness
    finally:
        await harness.storage.close()
        for bot in harness.bots.values():
            await bot.session.close()


@pytest.fixture
async def desk(
    settings: Settings,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
) -> AsyncIterator[Desk]:
    async with running_desk(settings, sessionmaker, clock, storage_factory) as harness:
        yield harness


@pytest.fixture
async def bale_desk(
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
) -> AsyncIterator[Desk]:
    """The desk with the complaints staff chat on Bale."""
    settings = make_settings(complaints_staff_chat=f"bale:{BALE_STAFF_CHAT}")
    async with running_desk(settings, sessionmaker, clock, storage_factory) as harness:
        yield harness


@pytest.fixture
def sara() -> Person:
    """A citizen on Telegram."""
    return Person(Platform.TELEGRAM, 5001, "Sara", "Ahmadi")


@pytest.fixture
def reza() -> Person:
    """A citizen on Bale."""
    return Person(Platform.BALE, 6001, "Reza", "Karimi")
