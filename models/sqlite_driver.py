"""SQLite run on the event loop's own thread, for SQLAlchemy's asyncio engine.

aiosqlite gives each connection a thread of its own and hands every call across to it: the
cursor, the statement, the fetch, the commit. Each hand-off costs tens of microseconds and wakes
the loop through its self-pipe, while SQLite's own work for the desk's statements (an index
look-up, a small write in WAL mode) takes a few. An update makes about thirty such calls, so the
hand-offs, not the database, were most of an update's time. This driver makes the same calls
directly; SQLAlchemy's aiosqlite dialect drives it unchanged (`async_creator`).

Running on the loop thread moves two waits that the threads used to hide:

* Two connections of one process must never wait for each other inside SQLite: a connection
  stuck in SQLite's busy handler would block the loop, and with it the connection it waits for.
  So the connections of one engine share a `WriteGate`, a first-come-first-served asyncio lock
  held from a transaction's first writing statement until its commit or rollback. Readers never
  take it (WAL lets them read beside a writer). A writer that cannot get it within the busy
  timeout gets SQLite's own "database is locked" error, as it would have from SQLite.
* Another process (an import from the command line) may hold SQLite's write lock. Then the
  statement that opened the transaction fails fast; the transaction, still empty, is rolled back
  and the statement tried again after an asynchronous pause, until the busy timeout.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

# The time SQLite itself may wait for a lock before handing the wait to the loop.
_SQLITE_WAIT = 0.005
_FIRST_PAUSE = 0.002
_LONGEST_PAUSE = 0.1

_FIRST_WORD = re.compile(r"\s*(\w+)")
_WRITING_WORD = re.compile(r"\b(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
_READING = frozenset({"SELECT", "EXPLAIN", "PRAGMA"})


def writes(statement: str) -> bool:
    """Whether a statement may write (and so needs the write gate). Unsure means yes."""
    first = _FIRST_WORD.match(statement)
    word = first.group(1).upper() if first else ""
    if word in _READING:
        return False
    if word == "WITH":
        return _WRITING_WORD.search(statement) is not None
    return True


def _is_busy(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


class WriteGate:
    """One writer at a time among the connections of one engine, in order of arrival."""

    def __init__(self, busy_timeout: float) -> None:
        self.busy_timeout = busy_timeout
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        try:
            await asyncio.wait_for(self._lock.acquire(), self.busy_timeout)
        except TimeoutError:
            raise sqlite3.OperationalError("database is locked") from None

    def release(self) -> None:
        self._lock.release()


class _RunNow:
    """Stands in for aiosqlite's request queue, which SQLAlchemy uses to set the isolation
    level: the request runs at once, here."""

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as error:  # handed to the awaiting caller
            future.set_exception(error)


class Connection:
    """The asyncio face of one `sqlite3.Connection`, as SQLAlchemy's adapter expects it."""

    def __init__(self, raw: sqlite3.Connection, gate: WriteGate) -> None:
        self._conn = raw
        self._gate = gate
        self._tx = _RunNow()
        self._writing = False
        self._open = True

    # SQLAlchemy's adapter checks this before committing or rolling back.
    @property
    def _connection(self) -> sqlite3.Connection | None:
        return self._conn if self._open else None

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> Cursor:
        return Cursor(self)

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    async def commit(self) -> None:
        try:
            self._conn.commit()
        finally:
            self._settle()

    async def rollback(self) -> None:
        try:
            self._conn.rollback()
        finally:
            self._settle()

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self._open:
            self._open = False
            try:
                self._conn.close()
            finally:
                self._settle(closing=True)

    async def run(self, statement: str, step: Callable[[], Any]) -> Any:
        """Run one statement: through the write gate if it writes, waiting out another
        process's write lock if it is the first of its transaction."""
        if not self._writing and writes(statement):
            await self._gate.acquire()
            self._writing = True
        try:
            return await self._step(step)
        finally:
            self._settle()

    async def _step(self, step: Callable[[], Any]) -> Any:
        opened_here = not self._conn.in_transaction
        deadline = time.monotonic() + self._gate.busy_timeout
        pause = _FIRST_PAUSE
        while True:
            try:
                return step()
            except sqlite3.OperationalError as error:
                if not (opened_here and _is_busy(error)):
                    raise
                if self._conn.in_transaction:
                    self._conn.rollback()  # nothing in it yet: the statement failed first
                if time.monotonic() >= deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)

    def _settle(self, *, closing: bool = False) -> None:
        """Give the write gate back once no transaction is open on this connection."""
        if self._writing and (closing or not self._conn.in_transaction):
            self._writing = False
            self._gate.release()


class Cursor:
    """The asyncio face of one `sqlite3.Cursor`."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._cursor = connection._conn.cursor()

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, statement: str, parameters: Any = ()) -> Cursor:
        args = (statement,) if parameters is None else (statement, parameters)
        await self._connection.run(statement, lambda: self._cursor.execute(*args))
        return self

    async def executemany(self, statement: str, rows: Iterable[Any]) -> Cursor:
        rows = list(rows)
        await self._connection.run(statement, lambda: self._cursor.executemany(statement, rows))
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> Sequence[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


def creator(database: str, busy_timeout: float) -> Callable[[], Any]:
    """An `async_creator` for `create_async_engine`: connections sharing one write gate."""
    gates: dict[asyncio.AbstractEventLoop, WriteGate] = {}

    async def connect() -> Connection:
        # An engine may serve more than one loop over its life (tests); a gate belongs to one.
        loop = asyncio.get_running_loop()
        gate = gates.get(loop)
        if gate is None:
            gates.clear()
            gate = gates[loop] = WriteGate(busy_timeout)
        raw = sqlite3.connect(
            database, timeout=_SQLITE_WAIT, check_same_thread=False, isolation_level="DEFERRED"
        )
        return Connection(raw, gate)

    return connect
