"""The figures of /stats and the export: read across cases, their clerks and ratings."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Integer, case, cast, extract, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased

from models.tables import Case, Rating, User


class CaseExportRow(NamedTuple):
    """One case as exported: its own columns, its clerk's name and its rating."""

    code: str
    status: str
    subject: str
    business_name: str
    business_url: str | None
    licence_number: str | None
    received_at: datetime
    step_due_at: datetime | None
    assignee_first_name: str | None
    assignee_last_name: str | None
    province: str | None
    score: int | None


class ReportRepo:
    """Statistics and exports: grouped queries and streamed rows, never every case loaded at
    once (a desk holds up to millions)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    # --- counts ---------------------------------------------------------------------------

    async def count_cases(self) -> int:
        return int(await self.session.scalar(select(func.count(Case.id))) or 0)

    async def _count_by(self, column: InstrumentedAttribute[Any]) -> list[tuple[Any, int]]:
        total = func.count(Case.id)
        rows = await self.session.execute(
            select(column, total).group_by(column).order_by(total.desc(), column)
        )
        return [(key, int(count)) for key, count in rows]

    async def counts_by_status(self) -> list[tuple[str, int]]:
        return await self._count_by(Case.status)

    async def counts_by_subject(self) -> list[tuple[str, int]]:
        return await self._count_by(Case.subject)

    async def counts_by_province(self) -> list[tuple[str | None, int]]:
        return await self._count_by(Case.province)

    async def counts_by_assignee(self) -> list[tuple[int | None, str | None, str | None, int]]:
        """Cases per clerk (None: no clerk), with the clerk's names, most first."""
        total = func.count(Case.id)
        rows = await self.session.execute(
            select(Case.assignee_id, User.first_name, User.last_name, total)
            .outerjoin(User, User.id == Case.assignee_id)
            .group_by(Case.assignee_id, User.first_name, User.last_name)
            .order_by(total.desc(), Case.assignee_id)
        )
        return [(clerk, first, last, int(count)) for clerk, first, last, count in rows]

    async def counts_by_period(self, bounds: Sequence[datetime]) -> list[int]:
        """Cases received in each period [bounds[i], bounds[i + 1]), in one grouped query."""
        periods = len(bounds) - 1
        bucket = case(
            *[(Case.received_at < bound, index) for index, bound in enumerate(bounds[1:])]
        ).label("bucket")
        # Grouped over a subquery: PostgreSQL would not see two renderings of the CASE (with
        # their own parameters) as the same expression.
        inner = (
            select(bucket)
            .where(Case.received_at >= bounds[0], Case.received_at < bounds[-1])
            .subquery()
        )
        rows = await self.session.execute(
            select(inner.c.bucket, func.count()).group_by(inner.c.bucket)
        )
        counts = [0] * periods
        for index, count in rows:
            counts[int(index)] = int(count)
        return counts

    # --- durations ------------------------------------------------------------------------

    def _seconds_between(
        self, start: InstrumentedAttribute[datetime], end: InstrumentedAttribute[datetime | None]
    ) -> ColumnElement[Any]:
        if self._dialect() == "postgresql":
            return extract("epoch", end - start)
        # SQLite keeps UTC text; strftime('%s') reads it as whole seconds since the epoch.
        return cast(func.strftime("%s", end), Integer) - cast(func.strftime("%s", start), Integer)

    async def _quantiles(
        self,
        seconds: ColumnElement[Any],
        where: Sequence[ColumnElement[bool]],
        quantiles: Sequence[float],
    ) -> tuple[int, list[float]]:
        """How many rows match, and the quantiles of `seconds` over them, interpolated
        linearly between neighbours (PostgreSQL's percentile_cont; elsewhere the same by
        ordered offsets, two rows a quantile)."""
        if self._dialect() == "postgresql":
            row = (
                await self.session.execute(
                    select(
                        func.count(),
                        *[func.percentile_cont(q).within_group(seconds) for q in quantiles],
                    )
                    .select_from(Case)
                    .where(*where)
                )
            ).one()
            count = int(row[0])
            return count, [float(value) for value in row[1:]] if count else []
        count = int(await self.session.scalar(select(func.count(Case.id)).where(*where)) or 0)
        if count == 0:
            return 0, []
        values = []
        for q in quantiles:
            position = q * (count - 1)
            low = math.floor(position)
            pair = [
                float(value)
                for value in await self.session.scalars(
                    select(seconds).where(*where).order_by(seconds).offset(low).limit(2)
                )
            ]
            values.append(pair[0] + (pair[-1] - pair[0]) * (position - low))
        return count, values

    async def first_response_seconds(self, quantiles: Sequence[float]) -> tuple[int, list[float]]:
        """Time from receipt to the desk's first response, over the cases answered."""
        return await self._quantiles(
            self._seconds_between(Case.received_at, Case.first_response_at),
            [Case.first_response_at.is_not(None)],
            quantiles,
        )

    async def closing_seconds(
        self, closed_status: str, quantiles: Sequence[float]
    ) -> tuple[int, list[float]]:
        """Time from receipt to the decision, over the cases in `closed_status`."""
        return await self._quantiles(
            self._seconds_between(Case.received_at, Case.decided_at),
            [Case.status == closed_status, Case.decided_at.is_not(None)],
            quantiles,
        )

    # --- export ---------------------------------------------------------------------------

    async def export_rows(
        self,
        *,
        since: datetime | None,
        before: datetime | None,
        status: str | None,
        batch: int,
    ) -> AsyncIterator[list[CaseExportRow]]:
        """Cases received in [since, before) and in `status` (None: any), oldest first, in
        batches streamed from the database (a server-side cursor on PostgreSQL)."""
        assignee = aliased(User)
        query = (
            select(
                Case.code,
                Case.status,
                Case.subject,
                Case.business_name,
                Case.business_url,
                Case.licence_number,
                Case.received_at,
                Case.step_due_at,
                assignee.first_name,
                assignee.last_name,
                Case.province,
                Rating.score,
            )
            .outerjoin(assignee, assignee.id == Case.assignee_id)
            .outerjoin(Rating, Rating.case_id == Case.id)
            .order_by(Case.received_at, Case.id)
        )
        if since is not None:
            query = query.where(Case.received_at >= since)
        if before is not None:
            query = query.where(Case.received_at < before)
        if status is not None:
            query = query.where(Case.status == status)
        result = await self.session.stream(query.execution_options(yield_per=batch))
        async for partition in result.partitions(batch):
            yield [CaseExportRow._make(row) for row in partition]
