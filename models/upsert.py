"""Find-or-create in one statement: `INSERT … ON CONFLICT`, in the session's own dialect.

Looking for a row and inserting it when it is missing races: two workers both find nothing and
both insert, and the second fails on the unique key. One statement cannot race; the database
settles which of the two inserts the row, and the other finds it there (on PostgreSQL it waits
for the first to commit). SQLite and PostgreSQL spell `ON CONFLICT` the same way, but
SQLAlchemy builds it from each dialect's own `insert`: the choice is made here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

Row = TypeVar("Row")
Insert = postgresql.Insert | sqlite.Insert


def insert(session: AsyncSession, target: type[Any] | Table) -> Insert:
    """An INSERT into a mapped class or a table that knows `ON CONFLICT`, for the database
    the session is bound to."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(target)
    return sqlite.insert(target)


async def add_new(
    session: AsyncSession, row: Row, key: Sequence[InstrumentedAttribute[Any]]
) -> Row | None:
    """Insert `row` unless a row with the same `key` (a unique constraint's columns) is there:
    the row as stored, or None when it was there already. `row` itself stays transient."""
    entity = type(row)
    statement = (
        insert(session, entity)
        .values(_given(row))
        .on_conflict_do_nothing(index_elements=key)
        .returning(entity)
    )
    stored: Row | None = await session.scalar(statement)
    return stored


async def put(session: AsyncSession, row: Row, key: Sequence[InstrumentedAttribute[Any]]) -> Row:
    """Insert `row`, or give the row with the same `key` the other values `row` has: the row
    as stored. `row` itself stays transient."""
    entity = type(row)
    given = _given(row)
    keys = {attribute.key for attribute in key}
    statement = insert(session, entity)
    columns = {
        attribute.key: attribute.columns[0].name for attribute in inspect(entity).column_attrs
    }
    overwritten = {
        columns[name]: statement.excluded[columns[name]] for name in given if name not in keys
    }
    stored: Row = (
        await session.execute(
            statement.values(given)
            .on_conflict_do_update(index_elements=key, set_=overwritten)
            .returning(entity)
            .execution_options(populate_existing=True)
        )
    ).scalar_one()
    return stored


def _given(row: Any) -> dict[str, Any]:
    """The column values set on a new row, by attribute name."""
    state = inspect(row)
    return {
        attribute.key: state.dict[attribute.key]
        for attribute in inspect(type(row)).column_attrs
        if attribute.key in state.dict
    }
