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
from sqlalchemy import (
    Column,
    Executable,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.schema import CreateIndex

from models import sqlite_driver
from models.database import make_engine, make_sessionmaker

notes = Table("notes", MetaData(), Column("id", Integer, primary_key=True), Column("body", String))
due = select(notes.c.id).cte("due")
# A read whose SQL has a writing word in it: `WITH cleaned AS (SELECT replace(…)) SELECT …`.
cleaned = select(select(func.replace(notes.c.body, "-", " ").label("body")).cte("cleaned"))


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'desk.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
    yield engine
    await engine.dispose()


@pytest.fixture
def gate_taken(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry each time a statement took the write gate."""
    taken: list[int] = []
    acquire = sqlite_driver.WriteGate.acquire

    async def counting(self: sqlite_driver.WriteGate) -> None:
        taken.append(1)
        await acquire(self)

    monkeypatch.setattr(sqlite_driver.WriteGate, "acquire", counting)
    return taken


# What the desk sends as SQLAlchemy builds it; statements it cannot build are text.
@pytest.mark.parametrize(
    ("statement", "writes"),
    [
        pytest.param(select(notes), False, id="SELECT * FROM notes"),
        pytest.param(select(literal(1)), False, id="select 1"),
        pytest.param(
            text("EXPLAIN QUERY PLAN SELECT 1").execution_options(writes=False),
            False,
            id="EXPLAIN QUERY PLAN SELECT 1, said to read",
        ),
        pytest.param(select(due), False, id="WITH due AS (SELECT id FROM notes) SELECT"),
        pytest.param(cleaned, False, id="WITH cleaned AS (SELECT replace(…)) SELECT"),
        pytest.param(text("PRAGMA user_version = 7"), True, id="PRAGMA that writes"),
        pytest.param(
            text("-- the import's mark\nINSERT INTO notes (body) VALUES ('x')"),
            True,
            id="text INSERT after a comment",
        ),
        pytest.param(
            select(func.count()).execution_options(writes=True),
            True,
            id="SELECT of a function that writes, said to write",
        ),
        pytest.param(
            delete(notes).where(notes.c.id.in_(select(due.c.id))),
            True,
            id="WITH due AS (SELECT id FROM notes) DELETE",
        ),
        pytest.param(insert(notes).values(body="x"), True, id="INSERT"),
        pytest.param(update(notes).values(body="x"), True, id="UPDATE"),
        pytest.param(delete(notes), True, id="DELETE"),
        pytest.param(CreateIndex(Index("ix", notes.c.body)), True, id="CREATE INDEX"),
        pytest.param(text("BEGIN"), True, id="BEGIN"),
        pytest.param(text("INSERT INTO notes (body) VALUES ('x')"), True, id="text INSERT"),
        pytest.param(text("SELECT * FROM notes"), True, id="text SELECT, unsure"),
        pytest.param(
            text("SELECT * FROM notes").execution_options(writes=False),
            False,
            id="text SELECT, said to read",
        ),
    ],
)
async def test_what_counts_as_writing(
    engine: AsyncEngine, gate_taken: list[int], statement: Executable, writes: bool
) -> None:
    async with make_sessionmaker(engine)() as session:
        await session.execute(statement)
        await session.rollback()

    assert bool(gate_taken) is writes


async def test_a_connection_is_set_up_without_the_gate(
    engine: AsyncEngine, gate_taken: list[int]
) -> None:
    """Its PRAGMAs set the connection (foreign keys, WAL, syncing), not the data: a reader that
    connects while a writer holds the gate does not wait."""
    async with engine.connect() as first, engine.connect() as second:
        reads = text("PRAGMA foreign_keys").execution_options(writes=False)
        settings = [await first.scalar(reads), await second.scalar(reads)]
        journal = await second.scalar(text("PRAGMA journal_mode").execution_options(writes=False))

    assert settings == [1, 1] and journal == "wal"
    assert gate_taken == []


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
            count = await session.scalar(select(func.count()).select_from(notes))
        order.append("reader")
        let_go.set()
        return int(count or 0)

    *_, seen = await asyncio.gather(first(), second(), reader())

    assert seen == 0  # the reader saw the database before the first writer's commit
    assert order == ["reader", "first", "second"]
    async with sessionmaker() as session:
        bodies = (await session.scalars(text("SELECT body FROM notes ORDER BY id"))).all()
    assert bodies == ["first", "second"]


async def holding_the_gate(
    engine: AsyncEngine, let_go: asyncio.Event, order: list[str]
) -> AsyncIterator[None]:
    """A writer that has written and keeps its transaction open until `let_go`."""
    async with make_sessionmaker(engine)() as session:
        await session.execute(insert(notes).values(body="first"))
        yield
        await let_go.wait()
        await session.commit()
        order.append("first")


async def test_a_read_with_a_writing_word_in_its_sql_passes_a_writer(engine: AsyncEngine) -> None:
    """`WITH … replace(…) SELECT` reads: it does not wait for the writer's commit."""
    let_go = asyncio.Event()
    order: list[str] = []
    writer = holding_the_gate(engine, let_go, order)
    await anext(writer)
    try:
        async with make_sessionmaker(engine)() as session:
            rows = await asyncio.wait_for(session.execute(cleaned), 1)
        assert rows.all() == []  # the writer's row is not committed yet
    finally:
        let_go.set()
        await anext(writer, None)
    assert order == ["first"]


async def test_a_pragma_that_writes_waits_its_turn_at_the_gate(engine: AsyncEngine) -> None:
    """`PRAGMA user_version = 7` writes the file's header: it queues at the gate behind the
    writer before it and ahead of the writer after it, instead of spinning on SQLite's lock."""
    sessionmaker = make_sessionmaker(engine)
    let_go = asyncio.Event()
    order: list[str] = []
    writer = holding_the_gate(engine, let_go, order)
    await anext(writer)

    async def pragma() -> None:
        async with sessionmaker() as session:
            await session.execute(text("PRAGMA user_version = 7"))
            await session.commit()
        order.append("pragma")

    async def second() -> None:
        await asyncio.sleep(0.05)  # after the pragma
        async with sessionmaker() as session:
            await session.execute(insert(notes).values(body="second"))
            await asyncio.sleep(0.2)  # e.g. a Bot API call in the middle of a transaction
            await session.commit()
        order.append("second")

    async def first_commits() -> None:
        await asyncio.sleep(0.1)
        let_go.set()
        await anext(writer, None)

    await asyncio.wait_for(asyncio.gather(pragma(), second(), first_commits()), 5)

    assert order == ["first", "pragma", "second"]
    async with sessionmaker() as session:
        assert await session.scalar(text("PRAGMA user_version")) == 7


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
