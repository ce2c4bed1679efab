"""Queries on the registry of business licences (DOMAIN.md §2; its tables: `models.tables`).

"Does this website have a licence?" is one index hit on the sites' hosts, however large the
registry grows. A business name is found by its search key: an exact key through an index on
(key, id), a part of a name among the registry's distinct keys (``licence_names``) through a
trigram index, so neither reads more than the answer's rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    bindparam,
    column,
    delete,
    func,
    select,
    table,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, joinedload, selectinload
from sqlalchemy.sql import Select

from models.repos.common import chunks
from models.tables import Licence, LicenceName, LicenceSite
from models.upsert import Insert, insert

__all__ = [
    "LicenceRepo",
    "LicenceRow",
    "UpsertCounts",
    "number_key",
    "parent_domains",
]

_NOT_NUMBER_KEY = re.compile(r"[^0-9A-Za-z]")


def number_key(number: str) -> str:
    """The licence number without its separators, upper case: "1400/12345" → "140012345".

    Citizens type a number with, without or with other separators than the registry holds.
    """
    return _NOT_NUMBER_KEY.sub("", number).upper()


def parent_domains(host: str) -> list[str]:
    """The host, then each parent domain of two labels or more: a.b.example.ir → … example.ir.

    App ids, handles (anything with ``:`` or ``@``) and IPv4 addresses have no parents.
    """
    if ":" in host or "@" in host:
        return [host]
    labels = host.split(".")
    if all(label.isdigit() for label in labels):
        return [host]
    return [".".join(labels[start:]) for start in range(len(labels) - 1)] or [host]


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenceRow:
    """One licence as an import or a generator gives it: values already validated. Each field
    but ``sites`` is the `licences` column of the same name (services.licences.FIELDS says how
    an import reads it and an answer shows it).

    ``business_key`` is ``services.normalize.search_key(business_name)``; ``sites`` are
    normalised hosts or app ids, first the main one.
    """

    number: str
    holder_type: str
    holder_name: str
    holder_phone: str | None
    business_name: str
    business_key: str
    sites: tuple[str, ...]
    category: str
    isic: str
    province: str
    issued_on: date
    expires_on: date
    status: str


_COLUMN_FIELDS = tuple(field for field in fields(LicenceRow) if field.name != "sites")
_LICENCES = cast(Table, Licence.__table__)
_SITES = cast(Table, LicenceSite.__table__)


class UpsertCounts(NamedTuple):
    """How many licences a batch added and how many it overwrote."""

    inserted: int
    updated: int


def row_values(row: LicenceRow, now: datetime) -> dict[str, Any]:
    """A licence row as the columns of the `licences` table: each of its fields but the sites
    (a table of their own) is the column of the same name."""
    values = {field.name: getattr(row, field.name) for field in _COLUMN_FIELDS}
    return {**values, "number_key": number_key(row.number), "updated_at": now}


def _upsert(session: AsyncSession, target: Table, *key: str) -> Insert:
    """An INSERT of many rows of `target`, each overwriting the row with its `key`."""
    statement = insert(session, target)
    kept = {*key, *(part.name for part in target.primary_key)}
    others = {
        part.name: statement.excluded[part.name]
        for part in target.columns
        if part.name not in kept
    }
    return statement.on_conflict_do_update(index_elements=list(key), set_=others)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# SQLite's FTS5 index of the distinct keys (migration 0010); its trigram tokenizer matches
# any substring of three characters or more.
_NAMES_FTS = table("licence_names_fts", column("rowid"), column("key"))
_TRIGRAM = 3


def _fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase: with the trigram tokenizer, "contains this substring"."""
    return '"' + text.replace('"', '""') + '"'


def _first_ids(key: str, limit: int) -> Select[int]:
    """The ids of the first ``limit`` licences with this business key."""
    return (
        select(_LICENCES.c.id)
        .where(_LICENCES.c.business_key == key)
        .order_by(_LICENCES.c.id)
        .limit(limit)
    )


def _closest_first(
    key_column: InstrumentedAttribute[str], key: str
) -> tuple[ColumnElement[Any], ...]:
    """Keys that start with ``key`` first, then shorter keys, then keys in order."""
    starts = func.substr(key_column, 1, len(key)) == key
    return starts.desc(), func.length(key_column), key_column.asc()


class LicenceRepo:
    """Queries on the licence registry. Never commits: the caller ends the unit of work."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_number(self, number: str) -> Licence | None:
        """The licence with this number, compared without separators; an exact spelling wins."""
        key = number_key(number)
        if not key:
            return None
        return await self.session.scalar(
            select(Licence)
            .where(Licence.number_key == key)
            .options(selectinload(Licence.sites))
            .order_by((Licence.number == number).desc(), Licence.id)
            .limit(1)
        )

    async def by_hosts(self, hosts: Sequence[str], *, limit: int = 20) -> list[Licence]:
        """Licences listing any of these hosts exactly, in the order of ``hosts``."""
        if not hosts or limit <= 0:
            return []
        # Two statements (this one and the sites' selectin): each costs a thread hop on SQLite.
        rows = await self.session.execute(
            select(Licence, LicenceSite.host)
            .join(LicenceSite, LicenceSite.licence_id == Licence.id)
            .where(LicenceSite.host.in_(hosts))
            .options(selectinload(Licence.sites))
            .order_by(Licence.id)
            .limit(limit * len(hosts))
        )
        rank = {host: index for index, host in enumerate(hosts)}
        ordered: dict[int, Licence] = {}
        for licence, _host in sorted(rows, key=lambda pair: rank[pair[1]]):
            ordered.setdefault(licence.id, licence)
        return list(ordered.values())[:limit]

    async def by_host(self, host: str, *, limit: int = 20) -> list[Licence]:
        """Licences of this host or of a parent domain ("shop.example.ir" → "example.ir").

        The most specific host comes first.
        """
        return await self.by_hosts(parent_domains(host), limit=limit)

    async def by_name_key(self, key: str, limit: int) -> list[Licence]:
        """Licences whose business key equals ``key``, then starts with it, then contains it.

        Within each tier shorter keys (closer matches) come first, then keys in order, then
        licences by id. Equality reads the answer's rows from the index on (key, id). The other
        two tiers, run only when the first leaves room, pick the closest distinct keys that
        contain ``key`` from ``licence_names`` through its trigram index (as many keys as there
        is room for: each has a licence), then the first licences of each of those keys.
        """
        if not key or limit <= 0:
            return []
        # The sites come joined to the licences: one round trip instead of two.
        found = list(
            (
                await self.session.scalars(
                    select(Licence)
                    .where(Licence.business_key == key)
                    .options(joinedload(Licence.sites))
                    .order_by(Licence.id)
                    .limit(limit)
                )
            ).unique()
        )
        room = limit - len(found)
        if room <= 0:
            return found
        closest = list(await self.session.scalars(self._keys_containing(key, room)))
        if not closest:
            return found
        # A common key has hundreds of licences: of each, only the first `room` by id can be in
        # the answer, and the index on (key, id) gives just those.
        firsts = union_all(
            *(select(_first_ids(name, room).subquery().c.id) for name in closest)
        ).subquery()
        found.extend(
            (
                await self.session.scalars(
                    select(Licence)
                    .where(Licence.id.in_(select(firsts.c.id)))
                    .options(joinedload(Licence.sites))
                    .order_by(*_closest_first(Licence.business_key, key), Licence.id)
                    .limit(room)
                )
            ).unique()
        )
        return found

    def _keys_containing(self, key: str, limit: int) -> Select[str]:
        """The registry's keys other than ``key`` that contain it, closest first."""
        query = select(LicenceName.key).where(LicenceName.key != key)
        if self.session.get_bind().dialect.name == "sqlite" and len(key) >= _TRIGRAM:
            query = query.join(_NAMES_FTS, _NAMES_FTS.c.rowid == LicenceName.id).where(
                _NAMES_FTS.c.key.match(_fts_phrase(key))
            )
        else:
            # pg_trgm's GIN index serves this LIKE; on SQLite only keys too short for a
            # trigram get here, and they scan the distinct keys, not the licences.
            query = query.where(LicenceName.key.like(f"%{_escape_like(key)}%", escape="\\"))
        return query.order_by(*_closest_first(LicenceName.key, key)).limit(limit)

    async def expiring_on(self, days: Sequence[date], statuses: Sequence[str]) -> list[Licence]:
        """Licences in one of ``statuses`` that expire on one of ``days`` (for reminders)."""
        if not days or not statuses:
            return []
        rows = await self.session.scalars(
            select(Licence)
            .where(Licence.expires_on.in_(days), Licence.status.in_(statuses))
            .options(selectinload(Licence.sites))
            .order_by(Licence.expires_on, Licence.id)
        )
        return list(rows)

    async def held_by(self, phone: str, *, limit: int = 50) -> list[Licence]:
        """Licences whose holder's phone is this one (E.164), by expiry date."""
        rows = await self.session.scalars(
            select(Licence)
            .where(Licence.holder_phone == phone)
            .options(selectinload(Licence.sites))
            .order_by(Licence.expires_on, Licence.id)
            .limit(limit)
        )
        return list(rows)

    async def count(self) -> int:
        total = await self.session.scalar(select(func.count(Licence.id)))
        return int(total or 0)

    async def upsert_many(
        self, rows: Sequence[LicenceRow], *, now: datetime | None = None
    ) -> UpsertCounts:
        """Insert new licences and overwrite existing ones, matched by number.

        A later row with the same number wins. An overwritten licence's sites are replaced by
        the row's. Works in a few statements per 500 rows, whatever the batch size.
        """
        instant = now or datetime.now(UTC)
        latest: dict[str, LicenceRow] = {}
        for row in rows:
            latest.pop(row.number, None)
            latest[row.number] = row
        if not latest:
            return UpsertCounts(0, 0)
        ids = await self._ids(list(latest))
        updates = [
            {"licence_id": ids[number], **row_values(row, instant)}
            for number, row in latest.items()
            if number in ids
        ]
        fresh = [row_values(row, instant) for number, row in latest.items() if number not in ids]
        # Core statements, not ORM bulk ones: executemany without per-row ORM work, and no
        # RETURNING, whose results the ORM splices batch by batch (quadratic at this size).
        if updates:
            await self.session.execute(
                update(_LICENCES).where(_LICENCES.c.id == bindparam("licence_id")), updates
            )
            for chunk in chunks([values["licence_id"] for values in updates]):
                await self.session.execute(delete(_SITES).where(_SITES.c.licence_id.in_(chunk)))
        # ON CONFLICT: another import at the same moment may add the same numbers and sites.
        if fresh:
            await self.session.execute(_upsert(self.session, _LICENCES, "number"), fresh)
            ids.update(await self._ids([values["number"] for values in fresh]))
        sites = [
            {"licence_id": ids[number], "host": host, "position": position}
            for number, row in latest.items()
            for position, host in enumerate(dict.fromkeys(row.sites))
        ]
        if sites:
            await self.session.execute(_upsert(self.session, _SITES, "licence_id", "host"), sites)
        return UpsertCounts(inserted=len(fresh), updated=len(updates))

    async def _ids(self, numbers: Sequence[str]) -> dict[str, int]:
        ids: dict[str, int] = {}
        for chunk in chunks(numbers):
            found = await self.session.execute(
                select(_LICENCES.c.number, _LICENCES.c.id).where(_LICENCES.c.number.in_(chunk))
            )
            ids.update({number: licence_id for number, licence_id in found})
        return ids
