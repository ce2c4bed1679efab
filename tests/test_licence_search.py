"""Searching licences by a part of a business name, through the index of distinct names.

The answers must be the ones a scan of every licence gives (``LIKE '%…%'`` over the business
keys, closest first), and the distinct names must follow every write to the licences: an
import, a renamed business, a deleted licence.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Sequence
from datetime import date
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Index, Table, UniqueConstraint, delete, event, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from models import Base
from models.repos.licences import LicenceRepo, LicenceRow
from models.tables import Licence, LicenceName
from services.licence_samples import sample_licences
from services.licences import MAX_RESULTS, MatchKind, lookup
from services.normalize import search_key

TODAY = date(2026, 11, 23)
ZWNJ = "\u200c"
PAGE = MAX_RESULTS + 1


@pytest.fixture
async def session(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    async with sessionmaker() as session:
        yield session


@pytest.fixture
def repo(session: AsyncSession) -> LicenceRepo:
    return LicenceRepo(session)


async def scanned(session: AsyncSession, key: str, limit: int) -> list[Licence]:
    """The answer as a scan of every licence's key gives it: exact, starts with, contains."""
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    contains = Licence.business_key.like(f"%{escaped}%", escape="\\")
    starts = Licence.business_key.like(f"{escaped}%", escape="\\")
    rows = await session.scalars(
        select(Licence)
        .where(contains)
        .options(selectinload(Licence.sites))
        .order_by(
            (Licence.business_key == key).desc(),
            starts.desc(),
            func.length(Licence.business_key),
            Licence.business_key,
            Licence.id,
        )
        .limit(limit)
    )
    return list(rows)


def numbers(licences: Sequence[Licence]) -> list[str]:
    return [licence.number for licence in licences]


async def names(session: AsyncSession) -> set[str]:
    return set(await session.scalars(select(LicenceName.key)))


async def found_by_part(repo: LicenceRepo, part: str) -> list[str]:
    return [licence.business_name for licence in await repo.by_name_key(search_key(part), PAGE)]


def a_row(number: str, business_name: str) -> LicenceRow:
    return LicenceRow(
        number=number,
        holder_type="natural",
        holder_name="مریم احمدی",
        holder_phone=None,
        business_name=business_name,
        business_key=search_key(business_name),
        sites=(f"shop{number}.ir",),
        category="فروشگاه اینترنتی کالای عمومی",
        isic="521124",
        province="تهران",
        issued_on=date(2025, 1, 1),
        expires_on=date(2028, 1, 1),
        status="valid",
    )


def parts_of(rows: Sequence[LicenceRow], rng: random.Random) -> list[str]:
    """What people type for a name they half remember: its words, pieces of it, whole names."""
    words = sorted(
        {
            search_key(word)
            for row in rows
            for word in row.business_name.replace(ZWNJ, " ").split()
            if len(search_key(word)) >= 2
        }
    )
    keys = sorted({row.business_key for row in rows})
    pieces = []
    for key in rng.sample(keys, 40):
        size = rng.randint(2, min(6, len(key)))
        start = rng.randint(0, len(key) - size)
        pieces.append(key[start : start + size])
    return [*words, *pieces, *rng.sample(keys, 20), "ناموجود", "zzz"]


async def test_a_part_of_a_name_finds_what_a_scan_of_every_licence_finds(
    repo: LicenceRepo, session: AsyncSession
) -> None:
    rows = sample_licences(3000, seed=7, today=TODAY)
    await repo.upsert_many(rows)
    await session.commit()

    for part in parts_of(rows, random.Random(7)):
        expected = numbers(await scanned(session, part, PAGE))
        assert numbers(await repo.by_name_key(part, PAGE)) == expected, part


async def test_the_distinct_names_follow_the_import(
    repo: LicenceRepo, session: AsyncSession
) -> None:
    await repo.upsert_many([a_row("1", "نارون گل"), a_row("2", "نارون گل"), a_row("3", "کتاب نو")])
    await session.commit()

    assert await names(session) == {"نارونگل", "کتابنو"}
    assert await found_by_part(repo, "نارون") == ["نارون گل", "نارون گل"]


async def test_a_renamed_business_is_found_by_its_new_name_only(
    repo: LicenceRepo, session: AsyncSession
) -> None:
    await repo.upsert_many([a_row("1", "نارون گل"), a_row("2", "نارون گل"), a_row("3", "کتاب نو")])
    await session.commit()

    await repo.upsert_many([a_row("3", "کتابسرای آفتاب"), a_row("2", "گلخانه نارون")])
    await session.commit()

    assert await names(session) == {
        search_key("نارون گل"),
        search_key("کتابسرای آفتاب"),
        search_key("گلخانه نارون"),
    }
    assert await found_by_part(repo, "آفتاب") == ["کتابسرای آفتاب"]
    assert await found_by_part(repo, "کتاب نو") == []
    assert await found_by_part(repo, "نارون") == ["نارون گل", "گلخانه نارون"]


async def test_a_name_goes_with_its_last_licence(repo: LicenceRepo, session: AsyncSession) -> None:
    await repo.upsert_many([a_row("1", "نارون گل"), a_row("2", "نارون گل"), a_row("3", "کتاب نو")])
    await session.commit()

    await session.execute(delete(Licence).where(Licence.number.in_(["1", "3"])))
    await session.commit()
    assert await names(session) == {"نارونگل"}

    await session.execute(delete(Licence))
    await session.commit()
    assert await names(session) == set()
    assert await found_by_part(repo, "نارون") == []


async def test_the_sqlite_full_text_index_stays_in_step(
    repo: LicenceRepo, session: AsyncSession
) -> None:
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    await repo.upsert_many([a_row(str(n), f"فروشگاه شماره {n}") for n in range(50)])
    await repo.upsert_many([a_row(str(n), f"بازار {n}") for n in range(0, 50, 3)])
    await session.execute(delete(Licence).where(Licence.number.in_(["1", "2", "3"])))
    await session.commit()

    # FTS5 compares its index with the content table and raises on any difference.
    await session.execute(
        text("INSERT INTO licence_names_fts (licence_names_fts) VALUES ('integrity-check')")
    )


async def test_a_word_of_a_name_is_searched_through_the_indexes(
    repo: LicenceRepo, session: AsyncSession
) -> None:
    engine = session.get_bind()
    if engine.dialect.name != "sqlite":
        pytest.skip("the plan is read with SQLite's EXPLAIN QUERY PLAN")
    await repo.upsert_many([a_row("1", "نارون گل"), a_row("2", "گل نارون"), a_row("3", "گلها")])
    await session.commit()
    sent: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        assert len(await repo.by_name_key(search_key("نارون"), PAGE)) == 2
    finally:
        event.remove(engine, "before_cursor_execute", record)

    connection = await session.connection()
    plans: list[str] = []
    for statement, parameters in sent:
        rows = await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        plans.extend(str(row[-1]) for row in rows)
    plan = " | ".join(plans)
    assert "licence_names_fts VIRTUAL TABLE" in plan
    assert "ix_licences_business_key_id" in plan
    assert "SCAN licences" not in plan


async def test_a_lookup_by_a_word_lists_names_that_start_with_it_first(
    repo: LicenceRepo, session: AsyncSession
) -> None:
    await repo.upsert_many(
        [
            a_row("1", "کتاب" + ZWNJ + "سرای نارون"),
            a_row("2", "نارون کتاب"),
            a_row("3", "نارون گل"),
            a_row("4", "گل نارونی"),
        ]
    )
    await session.commit()

    result = await lookup(repo, "نارون", TODAY)

    assert result.kind is MatchKind.NAME
    assert [view.business_name for view in result.views] == [
        "نارون گل",
        "نارون کتاب",
        "گل نارونی",
        "کتاب" + ZWNJ + "سرای نارون",
    ]


async def test_the_migration_matches_the_model_of_names(session: AsyncSession) -> None:
    connection = await session.connection()
    differences = await connection.run_sync(
        lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
    )

    def about_names(change: object) -> bool:
        if isinstance(change, list):
            return any(about_names(item) for item in change)
        assert isinstance(change, tuple)
        kind, *rest = change
        for item in rest:
            # The trigram index is PostgreSQL's own, made by the migration only.
            if isinstance(item, Index) and item.name == "ix_licence_names_key_trgm":
                return False
            if isinstance(item, Table) and item.name == "licence_names":
                return True
            if isinstance(item, Index | UniqueConstraint) and isinstance(item.table, Table):
                return item.table.name == "licence_names"
        return bool(kind.startswith("modify") and rest[1] == "licence_names")

    assert [change for change in differences if about_names(change)] == []
