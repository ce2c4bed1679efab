"""Engine and session factory for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from models import sqlite_driver

# How long a writer waits for another to finish before SQLite's "database is locked".
SQLITE_BUSY_TIMEOUT = 30.0


# A pooled PostgreSQL connection used again within this many seconds is taken as alive; one idle
# longer is pinged first (the server may have restarted or dropped it meanwhile).
PING_AFTER_IDLE = 10.0


def make_engine(
    url: str,
    *,
    echo: bool = False,
    ping_after_idle: float = PING_AFTER_IDLE,
    sqlite_on_loop: bool = True,
) -> AsyncEngine:
    """An engine tuned for the backend: on SQLite WAL, foreign keys and statements run on the
    loop's own thread, each told by SQLAlchemy whether it writes (`models.sqlite_driver`); on
    PostgreSQL a pool. `sqlite_on_loop=False` keeps aiosqlite's thread per connection, for the
    benchmarks to compare."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        if sqlite_on_loop:
            engine = create_async_engine(
                url,
                echo=echo,
                async_creator=sqlite_driver.creator(database or ":memory:", SQLITE_BUSY_TIMEOUT),
            )
            event.listen(engine.sync_engine, "before_cursor_execute", sqlite_driver.mark_statement)
        else:
            engine = create_async_engine(
                url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT}
            )
        event.listen(engine.sync_engine, "connect", sqlite_driver.set_up_connection)
        return engine
    engine = create_async_engine(url, echo=echo, pool_size=10, max_overflow=10, pool_recycle=1800)
    _ping_when_idle(engine, ping_after_idle)
    return engine


def _ping_when_idle(engine: AsyncEngine, idle: float) -> None:
    """Pessimistic disconnect handling without a round trip on every checkout.

    `pool_pre_ping` pings at each checkout, and a session checks a connection out for every
    transaction: three or four extra round trips per update. A connection that went back to the
    pool moments ago was alive then, so only one idle for longer is pinged; a failed ping makes
    the pool replace the connection (`DisconnectionError`).
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _connected(_dbapi_connection: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _taken(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.get("returned_at")
        if returned is not None and time.monotonic() - returned < idle:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise DisconnectionError("a pooled connection did not answer its ping") from error


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)
