"""SQLite on the loop's thread: writers of one process queue in order, readers never wait,
another process's write lock is waited out without blocking the loop."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from models import sqlite_driver
from models.database import make_engine, make_sessionmaker


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'desk.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
    yield engine
    await engine.dispose()


@pytest.mark.parametrize(
    ("statement", "writes"),
    [
        ("SELECT * FROM notes", False),
        ("  select 1", False),
        ("PRAGMA foreign_keys=ON", False),
        ("EXPLAIN QUERY PLAN SELECT 1", False),
        ("WITH due AS (SELECT id FROM notes) SELECT * FROM due", False),
        ("WITH due AS (SELECT id FROM notes) DELETE FROM notes WHERE id IN due", True),
        ("INSERT INTO notes (body) VALUES (?)", True),
        ("UPDATE notes SET body = ?", True),
        ("DELETE FROM notes", True),
        ("CREATE INDEX ix ON notes (body)", True),
        ("BEGIN", True),
    ],
)
def test_what_counts_as_writing(statement: str, writes: bool) -> None:
    assert sqlite_driver.writes(statement) is writes


async def test_writers_queue_in_order_and_readers_pass_them(engine: AsyncEngine) -> None:
    sessionmaker = make_sessionmaker(engine)
    order: list[str] = []
    first_holds = asyncio.Event()
    let_go = asyncio.Event()

    async def first() -> None:
        async with sessionmaker() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('first')"))
            first_holds.set()
            await let_go.wait()  # e.g. a Bot API call in the middle of a transaction
            await session.commit()
            order.append("first")

    async def second() -> None:
        await first_holds.wait()
        async with sessionmaker() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('second')"))
            await session.commit()
            order.append("second")

    async def reader() -> int:
        await first_holds.wait()
        async with sessionmaker() as session:
            count = await session.scalar(text("SELECT count(*) FROM notes"))
        order.append("reader")
        let_go.set()
        return int(count or 0)

    *_, seen = await asyncio.gather(first(), second(), reader())

    assert seen == 0  # the reader saw the database before the first writer's commit
    assert order == ["reader", "first", "second"]
    async with sessionmaker() as session:
        bodies = (await session.scalars(text("SELECT body FROM notes ORDER BY id"))).all()
    assert bodies == ["first", "second"]


async def test_a_failed_write_gives_the_gate_back(engine: AsyncEngine) -> None:
    sessionmaker = make_sessionmaker(engine)
    async with sessionmaker() as session:
        await session.execute(text("INSERT INTO notes (id, body) VALUES (1, 'one')"))
        await session.commit()
    async with sessionmaker() as session:
        with pytest.raises(Exception, match="UNIQUE"):
            await session.execute(text("INSERT INTO notes (id, body) VALUES (1, 'again')"))
    # The session closed with a rollback: the next writer is not kept waiting.
    async with sessionmaker() as session:
        await asyncio.wait_for(
            session.execute(text("INSERT INTO notes (id, body) VALUES (2, 'two')")), 1
        )
        await session.commit()


async def test_another_process_lock_is_waited_out_while_the_loop_runs(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    """An import from the command line holds the write lock for a while: the desk's write
    waits for it, and the loop keeps serving meanwhile."""
    holder = sqlite3.connect(tmp_path / "desk.db", check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO notes (body) VALUES ('import')")

    def finish_import() -> None:
        time.sleep(0.3)
        holder.commit()
        holder.close()

    threading.Thread(target=finish_import).start()
    ticks = 0

    async def ticking() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(ticking())
    began = time.monotonic()
    try:
        async with make_sessionmaker(engine)() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('desk')"))
            await session.commit()
    finally:
        ticker.cancel()
    waited = time.monotonic() - began

    assert waited >= 0.25
    assert ticks >= 10  # the loop was not blocked while the write waited
    async with make_sessionmaker(engine)() as session:
        bodies = (await session.scalars(text("SELECT body FROM notes ORDER BY id"))).all()
    assert bodies == ["import", "desk"]


async def test_a_writer_gives_up_after_the_busy_timeout(tmp_path: Path) -> None:
    gate = sqlite_driver.WriteGate(busy_timeout=0.05)
    await gate.acquire()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        await gate.acquire()
    gate.release()


async def test_a_lock_held_too_long_by_another_process_ends_in_locked(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    connect = sqlite_driver.creator(str(path), busy_timeout=0.1)
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    setup.execute("BEGIN IMMEDIATE")
    connection = await connect()
    try:
        cursor = connection.cursor()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await cursor.execute("INSERT INTO notes (body) VALUES ('desk')")
        assert not connection._conn.in_transaction  # the empty transaction was let go
    finally:
        await connection.close()
        setup.rollback()
        setup.close()


async def test_the_engine_reports_sqlite_errors_as_usual(engine: AsyncEngine) -> None:
    async with make_sessionmaker(engine)() as session:
        with pytest.raises(OperationalError, match="no such table"):
            await session.execute(text("SELECT * FROM missing"))
