"""Alembic stairway: every revision goes up, down one step, and up again.

A migration whose downgrade forgets something (a table, an index, an enum type) fails its
second upgrade here. Alembic's env.py runs its own event loop, so these tests are not async.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.script import Script, ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from models import Base
from models.database import make_engine
from models.migrate import alembic_config

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
STAIRWAY_DATABASE = "pishkhan_stairway"


def revisions() -> list[Script]:
    """The revisions from the first to the head."""
    script = ScriptDirectory.from_config(alembic_config("sqlite+aiosqlite://"))
    return list(reversed(list(script.walk_revisions("base", "heads"))))


def walk_the_stairs(database_url: str) -> None:
    config = alembic_config(database_url)
    for revision in revisions():
        command.upgrade(config, revision.revision)
        down = revision.down_revision
        assert down is None or isinstance(down, str), "merge revisions are not expected"
        command.downgrade(config, down or "base")
        command.upgrade(config, revision.revision)


def table_names(database_url: str) -> set[str]:
    async def names() -> set[str]:
        engine = make_engine(database_url)
        async with engine.connect() as connection:
            found = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        await engine.dispose()
        return set(found)

    return asyncio.run(names())


def test_there_is_one_line_of_revisions() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite+aiosqlite://"))
    assert len(script.get_heads()) == 1
    assert revisions(), "no migrations found"


def test_stairway_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'stairway.sqlite3'}"
    walk_the_stairs(url)

    assert {table.name for table in Base.metadata.sorted_tables} <= table_names(url)


@pytest.fixture
def stairway_postgres() -> Iterator[str]:
    """A database of its own on the test server, so the shared test schema is left alone."""
    if not TEST_DATABASE_URL:
        pytest.skip("TEST_DATABASE_URL is not set: no PostgreSQL to walk the stairs on")
    server = make_url(TEST_DATABASE_URL)
    if server.get_backend_name() != "postgresql":
        pytest.skip("TEST_DATABASE_URL is not PostgreSQL")

    async def run(statement: str) -> None:
        engine = make_engine(TEST_DATABASE_URL or "")
        async with engine.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text(statement))
        await engine.dispose()

    asyncio.run(run(f"DROP DATABASE IF EXISTS {STAIRWAY_DATABASE} WITH (FORCE)"))
    asyncio.run(run(f"CREATE DATABASE {STAIRWAY_DATABASE}"))
    try:
        yield server.set(database=STAIRWAY_DATABASE).render_as_string(hide_password=False)
    finally:
        asyncio.run(run(f"DROP DATABASE IF EXISTS {STAIRWAY_DATABASE} WITH (FORCE)"))


def test_stairway_on_postgresql(stairway_postgres: str) -> None:
    walk_the_stairs(stairway_postgres)

    assert {table.name for table in Base.metadata.sorted_tables} <= table_names(stairway_postgres)
