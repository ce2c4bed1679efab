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
  timeout gets SQLite's own "database is locked" error, as it would have from SQLite. Which
  statements write is SQLAlchemy's to say, not the SQL text's (`writes`): the engine tells each
  connection before every statement it sends (`mark_statement`).
* Another process (an import from the command line) may hold SQLite's write lock. Then the
  statement that opened the transaction fails fast; the transaction, still empty, is rolled back
  and the statement tried again after an asynchronous pause, until the busy timeout.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy.engine import Connection as SqlConnection
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.engine.interfaces import ExecutionContext
from sqlalchemy.sql.base import Executable

# The time SQLite itself may wait for a lock before handing the wait to the loop.
_SQLITE_WAIT = 0.005
_FIRST_PAUSE = 0.002
_LONGEST_PAUSE = 0.1

# Every connection's settings.
_PRAGMAS = ("PRAGMA foreign_keys=ON", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")

# The execution option by which a statement says whether it writes, where SQLAlchemy cannot
# know: a textual one (`text(...).execution_options(writes=False)`), or a SELECT calling a
# function that writes.
WRITES = "writes"


def writes(context: DefaultExecutionContext) -> bool:
    """Whether the statement SQLAlchemy is about to send may write, and so needs the write gate.

    SQLAlchemy compiled it and knows: INSERT, UPDATE, DELETE (with or without a CTE, an upsert,
    RETURNING) and DDL write; a SELECT (a CTE, a union, `text().columns()`) does not. A statement
    may say otherwise itself (`WRITES`). A textual statement that does not say is unsure, and
    unsure means yes.
    """
    declared = context.execution_options.get(WRITES)
    if declared is not None:
        return bool(declared)
    if context.isddl or context.isinsert or context.isupdate or context.isdelete:
        return True
    statement = context.compiled.statement if context.compiled is not None else None
    return not (isinstance(statement, Executable) and statement.is_select)


def mark_statement(
    conn: SqlConnection,
    _cursor: Any,
    _statement: str,
    _parameters: Any,
    context: ExecutionContext | None,
    _executemany: bool,
) -> None:
    """SQLAlchemy's `before_cursor_execute`: tell the driver's connection whether the statement
    it is about to run writes, while SQLAlchemy still holds what it compiled."""
    driver = conn.connection.driver_connection
    if isinstance(driver, Connection) and isinstance(context, DefaultExecutionContext):
        driver.mark(writes=writes(context))


def set_up_connection(dbapi_connection: Any, record: Any) -> None:
    """SQLAlchemy's `connect`: foreign keys on, WAL, normal syncing. They set the connection,
    not the data, and never wait at the gate (a writer may hold it while a reader connects)."""
    driver = record.driver_connection
    cursor = dbapi_connection.cursor()
    for pragma in _PRAGMAS:
        if isinstance(driver, Connection):
            driver.mark(writes=False)
        cursor.execute(pragma)
    cursor.close()


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
        # SQLAlchemy's word on the next statement (`mark`); None: it did not send it.
        self._next_writes: bool | None = None

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

    def mark(self, *, writes: bool) -> None:
        """Whether the next statement writes, as SQLAlchemy knows it (`mark_statement`)."""
        self._next_writes = writes

    async def run(self, step: Callable[[], Any]) -> Any:
        """Run one statement: through the write gate if it writes, waiting out another
        process's write lock if it is the first of its transaction. A statement SQLAlchemy
        did not mark (a raw cursor's) may write: unsure means yes."""
        writes, self._next_writes = self._next_writes is not False, None
        if not self._writing and writes:
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
        await self._connection.run(lambda: self._cursor.execute(*args))
        return self

    async def executemany(self, statement: str, rows: Iterable[Any]) -> Cursor:
        rows = list(rows)
        await self._connection.run(lambda: self._cursor.executemany(statement, rows))
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
    """An `async_creator` for `create_async_engine`: connections sharing one write gate. The
    engine listens with `set_up_connection` and `mark_statement`."""
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
