"""(c) Licence lookup latency with a registry of a million licences.

The registry is `services.licence_samples.sample_licences` (fictional, shaped like the union's
report), loaded in bulk with explicit ids: executemany in large batches on SQLite, COPY on
PostgreSQL (then VACUUM ANALYZE, as autovacuum would). Each lookup is what a citizen's message
costs: `services.licences.lookup` on a fresh session, the query as a person types it:

- number: a registry number, a third of them typed with Persian digits;
- domain: a licensed website as a URL ("https://www.example.ir/shop");
- name (exact key): a registered business name with enough licences to fill an answer, so the
  indexed equality on its search key is all the lookup needs;
- name (partial): a name with fewer licences than an answer holds, or one word of a name: the
  search goes on to "starts with" / "contains", among the registry's distinct names through
  their trigram index (SQLite FTS5, PostgreSQL pg_trgm), then to those names' licences. Reported
  with the share of registered names that take this path; `--scans` sets how many are timed.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Table, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bench.common import Backend, Result, fresh_database, ms, percentile, say
from models.database import make_sessionmaker
from models.repos.licences import LicenceRepo, LicenceRow, row_values
from models.tables import Licence, LicenceSite
from services.licence_samples import sample_licences
from services.licences import MAX_RESULTS, LookupResult, MatchKind, lookup
from services.normalize import search_key

TODAY = date(2026, 11, 22)
TARGET_P99 = 0.005
BATCH = 50_000
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@dataclass(frozen=True)
class Kind:
    name: str
    queries: list[str]
    expected: MatchKind
    targeted: bool  # held to the p99 target


async def load_registry(engine: AsyncEngine, rows: Sequence[LicenceRow]) -> None:
    """The licences and their sites, ids given, in big batches."""
    now = datetime.now(UTC)
    licences = cast(Table, Licence.__table__)
    sites = cast(Table, LicenceSite.__table__)
    licence_values = [{"id": index + 1, **row_values(row, now)} for index, row in enumerate(rows)]
    site_values = [
        {"licence_id": index + 1, "host": host, "position": position}
        for index, row in enumerate(rows)
        for position, host in enumerate(dict.fromkeys(row.sites))
    ]
    if engine.dialect.name == "postgresql":
        await _copy(engine, licences, licence_values)
        await _copy(engine, sites, site_values)
        async with engine.connect() as connection:
            await connection.execute(
                text("SELECT setval(pg_get_serial_sequence('licences', 'id'), :last)"),
                {"last": len(rows)},
            )
            await connection.commit()
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text("VACUUM ANALYZE licences"))
            await autocommit.execute(text("VACUUM ANALYZE licence_sites"))
            # The distinct names the COPY's trigger wrote.
            await autocommit.execute(text("VACUUM ANALYZE licence_names"))
        return
    # SQLite: the driver's executemany with values as SQLAlchemy stores them (ISO dates, UTC
    # instants as text), without per-row processing on the way.
    async with engine.begin() as connection:
        # Indexes are built once at the end (the same DDL the migrations made), not row by row.
        found = await connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('licences', 'licence_sites')"
        )
        index_rows: list[Any] = list(found)
        indexes = [(str(row[0]), str(row[1])) for row in index_rows]
        for name, _ in indexes:
            await connection.exec_driver_sql(f'DROP INDEX "{name}"')
        for table, values in ((licences, licence_values), (sites, site_values)):
            columns = list(values[0])
            statement = (
                f"INSERT INTO {table.name} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            for start in range(0, len(values), BATCH):
                chunk = [
                    tuple(_sqlite_value(value[column]) for column in columns)
                    for value in values[start : start + BATCH]
                ]
                await connection.exec_driver_sql(statement, chunk)
        for _, sql in indexes:
            await connection.exec_driver_sql(sql)


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


async def _copy(engine: AsyncEngine, table: Table, values: list[dict[str, Any]]) -> None:
    columns = list(values[0])
    records = [tuple(value[column] for column in columns) for value in values]
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver: Any = raw.driver_connection
        await driver.copy_records_to_table(table.name, records=records, columns=columns)


def queries(rows: Sequence[LicenceRow], per_kind: int, scans: int) -> list[Kind]:
    """Lookups as citizens type them, drawn from the registry with a fixed seed."""
    rng = random.Random(1405)
    picked = [rows[int(rng.random() * len(rows))] for _ in range(per_kind)]
    numbers = [
        row.number.translate(_PERSIAN_DIGITS) if index % 3 == 0 else row.number
        for index, row in enumerate(picked)
    ]
    domains = []
    for row in picked:
        host = next((site for site in row.sites if ":" not in site), row.sites[0])
        domains.append(f"https://www.{host}/shop" if ":" not in host else host)
    holders = Counter(row.business_key for row in rows)
    page = MAX_RESULTS + 1
    # Names whose exact matches fill the answer: the indexed equality is all it takes.
    full = [row.business_name for row in picked if holders[row.business_key] >= page]
    # Names with fewer licences than an answer holds, and a word of a name: the search goes on
    # to "starts with" and "contains", by part of a name.
    rare = [row.business_name for row in rows if holders[row.business_key] < page]
    rng.shuffle(rare)
    words = [
        word
        for row in picked
        for word in row.business_name.split()[1:]
        if len(search_key(word)) >= 2 and search_key(word) not in holders
    ]
    partial = [*rare[: scans - scans // 3], *words[: scans // 3]]
    return [
        Kind("number", numbers, MatchKind.NUMBER, True),
        Kind("domain", domains, MatchKind.DOMAIN, True),
        Kind("name (exact key)", full, MatchKind.NAME, True),
        Kind("name (partial)", partial, MatchKind.NAME, False),
    ]


def fallback_share(rows: Sequence[LicenceRow]) -> float:
    """The share of registered names with fewer licences than an answer holds."""
    holders = Counter(row.business_key for row in rows)
    return sum(1 for count in holders.values() if count <= MAX_RESULTS) / len(holders)


async def time_lookups(
    sessionmaker: async_sessionmaker[AsyncSession], kind: Kind
) -> tuple[list[float], int]:
    """Latency of each lookup; and how many found something."""
    times: list[float] = []
    found = 0
    for query in kind.queries:
        async with sessionmaker() as session:
            began = time.perf_counter()
            result: LookupResult = await lookup(LicenceRepo(session), query, TODAY)
            times.append(time.perf_counter() - began)
        if result.kind is not kind.expected:
            raise RuntimeError(f"{query!r} was read as {result.kind}, not {kind.expected}")
        found += result.found
    return times, found


async def measure_backend(
    backend: Backend, rows: Sequence[LicenceRow], per_kind: int, scans: int
) -> list[Result]:
    results: list[Result] = []
    async with fresh_database(backend) as url:
        engine = backend.engine(url)
        sessionmaker = make_sessionmaker(engine)
        try:
            began = time.perf_counter()
            await load_registry(engine, rows)
            say(
                f"lookup/{backend.name}: {len(rows):,} licences loaded "
                f"in {time.perf_counter() - began:.1f} s"
            )
            for kind in queries(rows, per_kind, scans):
                await time_lookups(sessionmaker, replace(kind, queries=kind.queries[:20]))
                times, found = await time_lookups(sessionmaker, kind)
                p50, p99 = percentile(times, 0.5), percentile(times, 0.99)
                results.append(
                    Result(
                        f"(c) lookup by {kind.name}",
                        backend.name,
                        f"{len(rows):,} licences, {len(times)} lookups",
                        f"p99 {ms(p99)} (p50 {ms(p50)}), {found}/{len(times)} found",
                        "< 5 ms" if kind.targeted else "— (no target)",
                        p99 < TARGET_P99 if kind.targeted else None,
                        {
                            "lookups": len(times),
                            "found": found,
                            "p50_ms": round(p50 * 1000, 3),
                            "p90_ms": round(percentile(times, 0.9) * 1000, 3),
                            "p99_ms": round(p99 * 1000, 3),
                            "max_ms": round(max(times) * 1000, 3),
                            "examples": kind.queries[:3],
                            **(
                                {"registry_names_searched_by_part": round(fallback_share(rows), 3)}
                                if not kind.targeted
                                else {}
                            ),
                        },
                    )
                )
                say(f"lookup/{backend.name}: {kind.name}: {results[-1].figure}")
        finally:
            await engine.dispose()
    return results


async def run(backends: Sequence[Backend], count: int, per_kind: int, scans: int) -> list[Result]:
    began = time.perf_counter()
    rows = sample_licences(count, today=TODAY)
    say(f"lookup: {count:,} sample licences generated in {time.perf_counter() - began:.1f} s")
    results: list[Result] = []
    for backend in backends:
        results.extend(await measure_backend(backend, rows, per_kind, scans))
    return results
