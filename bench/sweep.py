"""(b) The SLA sweep with many open cases: one `sweep_deadlines` pass, and its find query alone.

Open cases are inserted in bulk by one INSERT … SELECT per size step (PostgreSQL's
generate_series, SQLite's recursive CTE), the table growing 10⁴ → 10⁵ → 10⁶. A small share of
them is due: by default 0.01 %, about what one sweep tick (a minute) meets when every case has
four alerts (two notices, the breach, the escalation) per deadline and a deadline every few
days. Each due case has just reached its 24-hour notice, so a pass writes one alert per due
case to the staff chat's outbox and moves the case's `next_alert_at` on.

A pass is timed from a fresh session to its last commit; before each pass the due cases are
put back as they were and the outbox emptied, so every repeat does the same work. The plan of
the find query is read with EXPLAIN (the exact SQL and parameters the repository sends).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bench.common import Backend, Result, bench_settings, fresh_database, ms, say
from models.database import make_sessionmaker
from models.repos import Repo
from models.tables import User
from services.alerts import SWEEP_BATCH, sweep_deadlines
from services.calendar import TEHRAN
from services.tracking import CodeKind, damm_check_digit

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=TEHRAN).astimezone(UTC)
TARGET_SECONDS = 0.100
INDEX = "ix_cases_next_alert_at"
MONTH_SECONDS = 30 * 24 * 3600

_COLUMNS = (
    "id, code, kind, queue, status, subject, business_name, business_key, description, "
    "citizen_id, contact_name, platform, locale, received_at, clock_started_at, "
    "status_changed_at, closed_by_withdrawal, objection_used, step, step_due_at, "
    "overall_due_at, next_alert_at"
)
# Offsets in seconds from now of each case's next alert: due ones within the last hour, the
# others spread over the coming month. The watched deadline is 24 hours after the alert.
_STATUS = (
    "CASE i % 3 WHEN 0 THEN 'awaiting_review' WHEN 1 THEN 'in_progress' "
    "ELSE 'referred_commission' END"
)
_STEP = "CASE i % 3 WHEN 0 THEN 'referral' WHEN 1 THEN 'decision' ELSE 'commission' END"
_OFFSET = f"CASE WHEN i % :every = 0 THEN -(i % 3600) ELSE 60 + (i * 7919) % {MONTH_SECONDS} END"

_SQLITE_INSERT = f"""
INSERT INTO cases ({_COLUMNS})
WITH RECURSIVE s(i) AS (SELECT :first UNION ALL SELECT i + 1 FROM s WHERE i < :last),
g(i, off) AS (SELECT i, {_OFFSET} FROM s)
SELECT i, 'B' || i, 'complaint', 'complaints', {_STATUS}, 'guild_law',
  'فروشگاه نمونه ' || (i % 5000), 'فروشگاه نمونه ' || (i % 5000), 'benchmark case',
  :citizen, 'Bench', 'telegram', 'fa', :received, :received, :received, 0, 0, {_STEP},
  datetime(:now, (off + 86400) || ' seconds') || '.000000',
  datetime(:now, (off + 864000) || ' seconds') || '.000000',
  datetime(:now, off || ' seconds') || '.000000'
FROM g
"""

_POSTGRES_INSERT = f"""
INSERT INTO cases ({_COLUMNS})
SELECT i, 'B' || i, 'complaint', 'complaints', {_STATUS}, 'guild_law',
  'فروشگاه نمونه ' || (i % 5000), 'فروشگاه نمونه ' || (i % 5000), 'benchmark case',
  :citizen, 'Bench', 'telegram', 'fa', CAST(:received AS timestamptz),
  CAST(:received AS timestamptz), CAST(:received AS timestamptz), false, false, {_STEP},
  CAST(:now AS timestamptz) + (off + 86400) * interval '1 second',
  CAST(:now AS timestamptz) + (off + 864000) * interval '1 second',
  CAST(:now AS timestamptz) + off * interval '1 second'
FROM (SELECT i, {_OFFSET} AS off FROM generate_series(CAST(:first AS bigint),
      CAST(:last AS bigint)) AS i) AS g
"""


def tracking_code(case_id: int) -> str:
    """A valid complaint tracking code, distinct for each id below 90 million."""
    payload = CodeKind.COMPLAINT.value + str(10_000_000 + case_id)
    return payload + damm_check_digit(payload)


def _sqlite_instant(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


async def add_open_cases(
    engine: AsyncEngine, first: int, last: int, every: int, citizen: int
) -> None:
    """Cases with ids first..last, all open; those whose id is a multiple of `every` are due."""
    received = NOW - timedelta(days=3)
    async with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            await connection.execute(
                text(_SQLITE_INSERT),
                {
                    "first": first,
                    "last": last,
                    "every": every,
                    "citizen": citizen,
                    "now": _sqlite_instant(NOW),
                    "received": _sqlite_instant(received) + ".000000",
                },
            )
        else:
            await connection.execute(
                text(_POSTGRES_INSERT),
                {
                    "first": first,
                    "last": last,
                    "every": every,
                    "citizen": citizen,
                    "now": NOW,
                    "received": received,
                },
            )
            await connection.execute(
                text("SELECT setval(pg_get_serial_sequence('cases', 'id'), :last)"),
                {"last": last},
            )
        # Alerts print the tracking code: the due cases get real ones (kind, digits, check).
        due = [
            {"id": case_id, "code": tracking_code(case_id)}
            for case_id in range(first + (-first) % every, last + 1, every)
        ]
        if due:
            await connection.execute(text("UPDATE cases SET code = :code WHERE id = :id"), due)
    if engine.dialect.name == "postgresql":
        # What autovacuum would have done by the next tick: statistics and the visibility map.
        async with engine.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text("VACUUM ANALYZE cases"))


async def put_back_due(engine: AsyncEngine, every: int, size: int) -> int:
    """Make the due cases due again, as before any pass, and empty the outbox."""
    due_ids = list(range(every, size + 1, every))
    async with engine.begin() as connection:
        await connection.execute(text("DELETE FROM outbox"))
        for start in range(0, len(due_ids), 500):
            chunk = due_ids[start : start + 500]
            params: dict[str, Any] = {f"id{n}": case_id for n, case_id in enumerate(chunk)}
            marks = ", ".join(f":id{n}" for n in range(len(chunk)))
            if engine.dialect.name == "sqlite":
                statement = (
                    "UPDATE cases SET alert_stage = NULL, next_alert_at = "
                    "datetime(:now, (-(id % 3600)) || ' seconds') || '.000000' "
                    f"WHERE id IN ({marks})"
                )
                params["now"] = _sqlite_instant(NOW)
            else:
                statement = (
                    "UPDATE cases SET alert_stage = NULL, next_alert_at = "
                    "CAST(:now AS timestamptz) - (id % 3600) * interval '1 second' "
                    f"WHERE id IN ({marks})"
                )
                params["now"] = NOW
            await connection.execute(text(statement), params)
    return len(due_ids)


async def find_plan(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> list[str]:
    """EXPLAIN of the repository's own find query, with its own parameters."""
    captured: list[tuple[str, Any]] = []

    def capture(_c: Any, _cur: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "next_alert_at" in statement and not captured:
            captured.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        async with sessionmaker() as session:
            await Repo(session).cases.due_for_alert(NOW, SWEEP_BATCH)
            await session.rollback()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    statement, parameters = captured[0]
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    async with engine.connect() as connection:
        rows = (await connection.exec_driver_sql(prefix + statement, parameters)).all()
    return [str(row[-1]).strip() for row in rows]


def plan_line(plan: list[str]) -> str:
    """The line of a plan that reads cases: the index scan, or the table scan."""
    for line in plan:
        if INDEX in line or "SCAN cases" in line or "Seq Scan" in line:
            return re.sub(r"\s+\(cost=.*\)$", "", line).removeprefix("->").strip()
    return plan[0] if plan else ""


def plan_uses_index(plan: list[str]) -> bool:
    text = " | ".join(plan)
    return INDEX in text and "SCAN cases" not in text and "Seq Scan" not in text


async def time_find(sessionmaker: async_sessionmaker[AsyncSession], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        async with sessionmaker() as session:
            began = time.perf_counter()
            await Repo(session).cases.due_for_alert(NOW, SWEEP_BATCH)
            times.append(time.perf_counter() - began)
            await session.rollback()
    return times


async def measure_backend(
    backend: Backend, sizes: Sequence[int], due_fraction: float, repeats: int
) -> list[Result]:
    every = max(1, round(1 / due_fraction))
    results: list[Result] = []
    async with fresh_database(backend) as url:
        engine = backend.engine(url)
        sessionmaker = make_sessionmaker(engine)
        config = bench_settings(url).config
        try:
            async with sessionmaker() as session:
                citizen = User(platform="telegram", platform_user_id=5001, first_name="Bench")
                session.add(citizen)
                await session.commit()
                citizen_id = citizen.id
            have = 0
            for size in sorted(sizes):
                began = time.perf_counter()
                await add_open_cases(engine, have + 1, size, every, citizen_id)
                say(
                    f"sweep/{backend.name}: {size:,} open cases "
                    f"(inserted {size - have:,} in {time.perf_counter() - began:.1f} s)"
                )
                have = size
                plan = await find_plan(engine, sessionmaker)
                finds = await time_find(sessionmaker, max(5, repeats))
                sweeps: list[float] = []
                due = 0
                for _ in range(repeats):
                    due = await put_back_due(engine, every, size)
                    async with sessionmaker() as session:
                        began = time.perf_counter()
                        alerted = await sweep_deadlines(Repo(session), NOW, config)
                        sweeps.append(time.perf_counter() - began)
                    if alerted != due:
                        raise RuntimeError(f"the sweep alerted {alerted} cases, {due} were due")
                sweep = statistics.median(sweeps)
                find = statistics.median(finds)
                uses_index = plan_uses_index(plan)
                results.append(
                    Result(
                        "(b) SLA sweep pass",
                        backend.name,
                        f"{size:,} open, {due:,} due",
                        f"{ms(sweep)} (find alone {ms(find)}); index: "
                        + ("yes" if uses_index else "NO"),
                        f"< {TARGET_SECONDS * 1000:.0f} ms",
                        sweep < TARGET_SECONDS and uses_index,
                        {
                            "open_cases": size,
                            "due": due,
                            "sweep_ms": [round(value * 1000, 3) for value in sweeps],
                            "sweep_median_ms": round(sweep * 1000, 3),
                            "find_ms": [round(value * 1000, 3) for value in finds],
                            "find_median_ms": round(find * 1000, 3),
                            "find_batch": SWEEP_BATCH,
                            "plan": plan,
                            "plan_line": plan_line(plan),
                            "index_used": uses_index,
                        },
                    )
                )
                say(f"sweep/{backend.name}: EXPLAIN of the find: {plan_line(plan)}")
        finally:
            await engine.dispose()
    return results


async def run(
    backends: Sequence[Backend], sizes: Sequence[int], due_fraction: float, repeats: int
) -> list[Result]:
    results: list[Result] = []
    for backend in backends:
        results.extend(await measure_backend(backend, sizes, due_fraction, repeats))
    return results
