"""PostgreSQL's pool: a connection the server dropped while it idled is replaced before use,
and a connection used again at once is not pinged."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from models.database import make_engine
from tests.conftest import TEST_DATABASE_URL

pytestmark = pytest.mark.skipif(
    not TEST_DATABASE_URL, reason="TEST_DATABASE_URL is not set: no PostgreSQL pool to try"
)


async def backend_pid(engine: object) -> int:
    async with engine.connect() as connection:  # type: ignore[attr-defined]
        return int(await connection.scalar(text("SELECT pg_backend_pid()")))


async def test_a_connection_dropped_while_idle_is_replaced_before_use() -> None:
    engine = make_engine(str(TEST_DATABASE_URL), ping_after_idle=0.0)
    other = make_engine(str(TEST_DATABASE_URL))
    try:
        pid = await backend_pid(engine)
        async with other.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

        # The pooled connection is dead; the ping finds it out and a new one serves.
        assert await backend_pid(engine) != pid
    finally:
        await engine.dispose()
        await other.dispose()


async def test_a_connection_used_again_at_once_is_not_pinged() -> None:
    engine = make_engine(str(TEST_DATABASE_URL))
    pings = 0
    original = engine.dialect.do_ping

    def counting(dbapi_connection: object) -> bool:
        nonlocal pings
        pings += 1
        return original(dbapi_connection)  # type: ignore[arg-type]

    engine.dialect.do_ping = counting  # type: ignore[method-assign]
    try:
        first = await backend_pid(engine)
        second = await backend_pid(engine)
    finally:
        await engine.dispose()

    assert first == second
    assert pings == 0
