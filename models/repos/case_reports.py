"""The queries behind /stats and /export over a period of receipt: grouped counts, durations
against deadlines, the desk's load now, and the export's rows streamed in batches.

Every count is one grouped statement, whatever the number of cases; rows are only ever
streamed (the export), never loaded whole.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    case,
    cast,
    extract,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased

from models.tables import Case, CaseEvent, Licence, LicenceSite, Rating, User


@dataclass(frozen=True)
class Received:
    """Cases received in [since, before); None leaves that side open."""

    since: datetime | None = None
    before: datetime | None = None

    def where(self) -> list[ColumnElement[bool]]:
        clauses: list[ColumnElement[bool]] = []
        if self.since is not None:
            clauses.append(Case.received_at >= self.since)
        if self.before is not None:
            clauses.append(Case.received_at < self.before)
        return clauses


class ClerkLoad(NamedTuple):
    """A clerk's cases (None: no clerk): open now, overdue now, and those of the period."""

    clerk_id: int | None
    first_name: str | None
    last_name: str | None
    open: int
    overdue: int
    received: int


class CaseSheetRow(NamedTuple):
    """One case as the export writes it."""

    code: str
    status: str
    subject: str
    business_name: str
    business_url: str | None
    licence_number: str | None
    member: bool
    province: str | None
    contact_name: str
    contact_phone: str | None
    description: str
    order_number: str | None
    order_date: date | None
    order_amount: int | None
    received_at: datetime
    assignee_first_name: str | None
    assignee_last_name: str | None
    step_due_at: datetime | None
    overall_due_at: datetime | None
    opinion: str | None
    decided_at: datetime | None
    decision_reason: str | None
    score: int | None
    comment: str | None
    closing_reason: str | None
    source_body: str | None
    source_body_name: str | None


def typed_number_key() -> ColumnElement[str]:
    """The licence number a case gives, read without its separators as the registry keys it
    (`models.repos.licences.number_key` for the separators citizens type): the expression of
    the index `ix_cases_licence_key` (`models.tables.LICENCE_KEY_SQL`), to the letter, its
    constants written out (bound parameters would not match the index's expression)."""
    slash, dash, nothing = (literal_column(f"'{text}'", String) for text in ("/", "-", ""))
    return func.upper(
        func.replace(func.replace(Case.licence_number, slash, nothing), dash, nothing)
    )


class SourceStatusCount(NamedTuple):
    """Cases of a period from one source (`body` None: filed in chat; `name`: the province
    of an Industry, Mine and Trade Organization or another body's name), against a member of
    the union or not, in one status."""

    body: str | None
    name: str | None
    member: bool
    status: str
    cases: int


@dataclass(frozen=True)
class Business:
    """How the desk tells one business from another in its cases: by its licence when the
    case names one (the registry's licence the case was linked to, else the number typed,
    without separators), else by its website or app as stored (already normalised), else by
    its name's search key. Exactly one field is set."""

    licence_key: str | None = None
    website: str | None = None
    name_key: str | None = None

    @property
    def key(self) -> str:
        """The business's key as `business_key_of()` computes it in SQL."""
        if self.licence_key is not None:
            return "licence:" + self.licence_key
        if self.website is not None:
            return "site:" + self.website
        return "name:" + (self.name_key or "")

    @classmethod
    def of_key(cls, key: str) -> Business:
        kind, _, value = key.partition(":")
        if kind == "licence":
            return cls(licence_key=value)
        if kind == "site":
            return cls(website=value)
        return cls(name_key=value)


@dataclass(frozen=True)
class Categories:
    """What a record counts, as the workflow names it: the open statuses, the closed one,
    the commission's opinion that a violation was found, the status of a Taazirat referral."""

    open_statuses: Sequence[str]
    closed: str
    violation: str
    judicial: str

    def tallies(
        self,
        status: ColumnElement[Any] | InstrumentedAttribute[Any],
        opinion: ColumnElement[Any] | InstrumentedAttribute[Any],
    ) -> list[ColumnElement[Any]]:
        """Open, closed, violations and referrals among the rows grouped."""

        def tally(condition: ColumnElement[bool]) -> ColumnElement[Any]:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

        return [
            tally(status.in_(self.open_statuses)),
            tally(status == self.closed),
            tally(opinion == self.violation),
            tally(status == self.judicial),
        ]


class Record(NamedTuple):
    """A business's complaints over a time: all, open now (the union still owes work),
    closed, those where the commission found a violation, and those referred to Taazirat."""

    total: int
    open: int
    closed: int
    violations: int
    judicial: int


class Offender(NamedTuple):
    """A business among those with the most complaints: how it is told apart, a name as typed
    in one of its cases, and its record."""

    business: Business
    name: str
    record: Record


def _linked_key() -> ColumnElement[str | None]:
    """The number key of the registry's licence a case is linked to, if any."""
    return (
        select(Licence.number_key)
        .where(Licence.id == Case.respondent_licence_id)
        .limit(1)
        .scalar_subquery()
    )


def business_key_of() -> ColumnElement[str]:
    """A case's business as one key (`Business.key`): ``licence:…``, ``site:…`` or ``name:…``."""
    licence = func.coalesce(_linked_key(), typed_number_key())
    return case(
        (licence.is_not(None), literal("licence:", String) + licence),
        (Case.business_url.is_not(None), literal("site:", String) + Case.business_url),
        else_=literal("name:", String) + Case.business_key,
    )


def _of_business(business: Business, licence_ids: Sequence[int] = ()) -> ColumnElement[bool]:
    """The cases of one business exactly as `business_key_of` groups them, behind a condition
    an index can serve: the registry's licences of its number (`licence_ids`, looked up
    first: PostgreSQL serves a list from the index, a subquery only by a scan) or the number
    typed; the website; the name's key."""
    if business.licence_key is not None:
        near = typed_number_key() == business.licence_key
        if licence_ids:
            near = or_(Case.respondent_licence_id.in_(licence_ids), near)
    elif business.website is not None:
        near = Case.business_url == business.website
    else:
        near = Case.business_key == (business.name_key or "")
    return and_(near, business_key_of() == business.key)


def is_member() -> ColumnElement[bool]:
    """Whether the business complained about holds a licence in the union's registry (so is
    a member of the union): by the licence number the citizen gave, read without its
    separators as the registry keys it, or by its website or app."""
    number = typed_number_key()
    by_number = select(Licence.id).where(Licence.number_key == number).exists()
    by_site = select(LicenceSite.licence_id).where(LicenceSite.host == Case.business_url).exists()
    return or_(
        and_(Case.licence_number.is_not(None), by_number),
        and_(Case.business_url.is_not(None), by_site),
    )


def _deadline_of(
    start: InstrumentedAttribute[datetime], deadlines: list[tuple[datetime, datetime]]
) -> ColumnElement[Any]:
    """The deadline of a case by when it started: a CASE split in halves, so that a row is
    placed among hundreds of days in a handful of comparisons rather than one per day.
    Deadlines are bound as the column's own type (stored in UTC)."""
    if len(deadlines) == 1:
        bound, due = deadlines[0]
        return case((start < bound, literal(due, start.type)))
    middle = len(deadlines) // 2
    return case(
        (start < deadlines[middle - 1][0], _deadline_of(start, deadlines[:middle])),
        else_=_deadline_of(start, deadlines[middle:]),
    )


class CaseReportRepo:
    """Counts, durations and rows of the cases received in a period."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

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

    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    # --- counts ---------------------------------------------------------------------------

    async def count_received(self, period: Received, status: str | None = None) -> int:
        query = select(func.count(Case.id)).where(*period.where())
        if status is not None:
            query = query.where(Case.status == status)
        return int(await self.session.scalar(query) or 0)

    async def counts_received_by(
        self, column: InstrumentedAttribute[Any], period: Received
    ) -> list[tuple[Any, int]]:
        """Cases of the period per value of `column`, most first."""
        total = func.count(Case.id)
        rows = await self.session.execute(
            select(column, total)
            .where(*period.where())
            .group_by(column)
            .order_by(total.desc(), column)
        )
        return [(key, int(count)) for key, count in rows]

    async def counts_by_closing(
        self, closed_status: str, period: Received
    ) -> list[tuple[str, int]]:
        """Cases of the period in `closed_status` by the reason they were closed, most first."""
        total = func.count(Case.id)
        rows = await self.session.execute(
            select(Case.closing_reason, total)
            .where(*period.where(), Case.status == closed_status, Case.closing_reason.is_not(None))
            .group_by(Case.closing_reason)
            .order_by(total.desc(), Case.closing_reason)
        )
        return [(str(reason), int(count)) for reason, count in rows]

    async def counts_by_membership(self, period: Received) -> tuple[int, int]:
        """Cases of the period against members of the union, and against non-members."""
        member = func.coalesce(func.sum(case((is_member(), 1), else_=0)), 0)
        row = (
            await self.session.execute(select(member, func.count(Case.id)).where(*period.where()))
        ).one()
        members, total = int(row[0]), int(row[1])
        return members, total - members

    async def counts_by_source_and_status(
        self, period: Received, status: str | None = None
    ) -> list[SourceStatusCount]:
        """Cases of the period per source (chat, or the referring body and its name), member
        or not, and status: the union's table (seed 003) in one grouped statement."""
        inner = select(
            Case.source_body.label("body"),
            Case.source_body_name.label("name"),
            is_member().label("member"),
            Case.status.label("status"),
        ).where(*period.where())
        if status is not None:
            inner = inner.where(Case.status == status)
        rows = inner.subquery()
        result = await self.session.execute(
            select(rows.c.body, rows.c.name, rows.c.member, rows.c.status, func.count()).group_by(
                rows.c.body, rows.c.name, rows.c.member, rows.c.status
            )
        )
        return [
            SourceStatusCount(body, name, bool(member), str(state), int(count))
            for body, name, member, state, count in result
        ]

    # --- businesses -----------------------------------------------------------------------

    async def business_record(
        self,
        business: Business,
        since: datetime,
        categories: Categories,
        *,
        excluding: int | None = None,
    ) -> Record:
        """One business's complaints received since `since` (but the case `excluding`), by
        the record's categories, in one grouped statement (after the look-up of its licence's
        ids in the registry, for a business known by its licence)."""
        ids: list[int] = []
        if business.licence_key is not None:
            ids = list(
                await self.session.scalars(
                    select(Licence.id).where(Licence.number_key == business.licence_key)
                )
            )
        query = select(func.count(Case.id), *categories.tallies(Case.status, Case.opinion)).where(
            Case.received_at >= since, _of_business(business, ids)
        )
        if excluding is not None:
            query = query.where(Case.id != excluding)
        row = (await self.session.execute(query)).one()
        return Record(*(int(value) for value in row))

    async def offenders(
        self,
        period: Received,
        limit: int,
        categories: Categories,
    ) -> list[Offender]:
        """The businesses with the most complaints received in the period, most first, each
        with a name as typed in one of its cases and its record, in one grouped statement."""
        inner = (
            select(
                business_key_of().label("business"),
                Case.id,
                Case.business_name,
                Case.status,
                Case.opinion,
            )
            .where(*period.where())
            .subquery()
        )
        total = func.count(inner.c.id)
        rows = await self.session.execute(
            select(
                inner.c.business,
                func.max(inner.c.business_name),
                total,
                *categories.tallies(inner.c.status, inner.c.opinion),
            )
            .group_by(inner.c.business)
            .order_by(total.desc(), inner.c.business)
            .limit(limit)
        )
        return [
            Offender(Business.of_key(str(key)), str(name), Record(*(int(n) for n in counts)))
            for key, name, *counts in rows
        ]

    async def rating_counts_received(self, period: Received) -> dict[int, int]:
        """Ratings by score, over the cases of the period."""
        rows = await self.session.execute(
            select(Rating.score, func.count(Rating.id))
            .join(Case, Case.id == Rating.case_id)
            .where(*period.where())
            .group_by(Rating.score)
        )
        return {int(score): int(count) for score, count in rows}

    # --- now ------------------------------------------------------------------------------

    async def overdue_now(
        self, now: datetime, followed: Sequence[str], open_statuses: Sequence[str]
    ) -> tuple[int, int]:
        """Cases whose running step is past its deadline (followed statuses), and open cases
        past Article 72's overall deadline."""
        step = func.coalesce(
            func.sum(case((and_(Case.status.in_(followed), Case.step_due_at < now), 1), else_=0)),
            0,
        )
        overall = func.coalesce(
            func.sum(
                case((and_(Case.status.in_(open_statuses), Case.overall_due_at < now), 1), else_=0)
            ),
            0,
        )
        row = (
            await self.session.execute(
                select(step, overall).where(Case.status.in_([*followed, *open_statuses]))
            )
        ).one()
        return int(row[0]), int(row[1])

    async def clerk_loads(
        self, now: datetime, period: Received, followed: Sequence[str]
    ) -> list[ClerkLoad]:
        """Per clerk (None: no clerk): cases still followed, those past a deadline, and the
        cases of the period; a clerk with none of these is left out. Most open first."""
        in_period = and_(*period.where()) if period.where() else literal(True)
        followed_now = Case.status.in_(followed)
        opened = func.sum(case((followed_now, 1), else_=0))
        late = func.sum(case((and_(followed_now, Case.step_due_at < now), 1), else_=0))
        received = func.sum(case((in_period, 1), else_=0))
        rows = await self.session.execute(
            select(Case.assignee_id, User.first_name, User.last_name, opened, late, received)
            .outerjoin(User, User.id == Case.assignee_id)
            .where(or_(followed_now, in_period))
            .group_by(Case.assignee_id, User.first_name, User.last_name)
            .order_by(opened.desc(), received.desc(), Case.assignee_id)
        )
        return [
            ClerkLoad(clerk, first, last, int(o or 0), int(d or 0), int(r or 0))
            for clerk, first, last, o, d, r in rows
        ]

    # --- durations ------------------------------------------------------------------------

    def _seconds_between(
        self, start: InstrumentedAttribute[datetime], end: InstrumentedAttribute[datetime | None]
    ) -> ColumnElement[Any]:
        if self._dialect() == "postgresql":
            return extract("epoch", end - start)
        # SQLite keeps UTC text; strftime('%s') reads it as whole seconds since the epoch.
        return cast(func.strftime("%s", end), Integer) - cast(func.strftime("%s", start), Integer)

    async def seconds_quantiles(
        self,
        start: InstrumentedAttribute[datetime],
        end: InstrumentedAttribute[datetime | None],
        where: Sequence[ColumnElement[bool]],
        quantiles: Sequence[float],
    ) -> tuple[int, list[float]]:
        """How many cases match, and the quantiles of end − start over them in seconds,
        interpolated linearly between neighbours (PostgreSQL's percentile_cont; elsewhere the
        same by ordered offsets, two rows a quantile)."""
        seconds = self._seconds_between(start, end)
        where = [*where, end.is_not(None)]
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

    async def start_range(
        self, start: InstrumentedAttribute[datetime], where: Sequence[ColumnElement[bool]]
    ) -> tuple[datetime | None, datetime | None]:
        """The earliest and latest `start` among the cases that match."""
        row = (
            await self.session.execute(select(func.min(start), func.max(start)).where(*where))
        ).one()
        return row[0], row[1]

    async def count_on_time(
        self,
        start: InstrumentedAttribute[datetime],
        end: InstrumentedAttribute[datetime | None],
        deadlines: Sequence[tuple[datetime, datetime]],
        where: Sequence[ColumnElement[bool]],
    ) -> int:
        """Cases whose `end` came by their deadline. `deadlines` pairs, in time order, a bound
        with the deadline of everything that started before it (and after the previous
        bound); a case that started after the last bound is not counted."""
        if not deadlines:
            return 0
        deadline = _deadline_of(start, list(deadlines))
        return int(
            await self.session.scalar(
                select(func.count(Case.id)).where(*where, end.is_not(None), end <= deadline)
            )
            or 0
        )

    # --- export ---------------------------------------------------------------------------

    async def sheet_rows(
        self, period: Received, status: str | None, decided: Sequence[str], batch: int
    ) -> AsyncIterator[list[CaseSheetRow]]:
        """The cases of the period (in `status`, None: any), oldest first, with their clerk,
        rating, membership and the reason given with their decision (the note of the last move
        into one of the `decided` statuses), in batches streamed from the database (a
        server-side cursor on PostgreSQL)."""
        assignee = aliased(User)
        reason = (
            select(CaseEvent.note)
            .where(
                CaseEvent.case_id == Case.id,
                CaseEvent.to_status.in_(decided),
                CaseEvent.from_status != CaseEvent.to_status,
            )
            .order_by(CaseEvent.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        query = (
            select(
                Case.code,
                Case.status,
                Case.subject,
                Case.business_name,
                Case.business_url,
                Case.licence_number,
                is_member(),
                Case.province,
                Case.contact_name,
                Case.contact_phone,
                Case.description,
                Case.order_number,
                Case.order_date,
                Case.order_amount,
                Case.received_at,
                assignee.first_name,
                assignee.last_name,
                Case.step_due_at,
                Case.overall_due_at,
                Case.opinion,
                Case.decided_at,
                reason,
                Rating.score,
                Rating.comment,
                Case.closing_reason,
                Case.source_body,
                Case.source_body_name,
            )
            .outerjoin(assignee, assignee.id == Case.assignee_id)
            .outerjoin(Rating, Rating.case_id == Case.id)
            .where(*period.where())
            .order_by(Case.received_at, Case.id)
        )
        if status is not None:
            query = query.where(Case.status == status)
        result = await self.session.stream(query.execution_options(yield_per=batch))
        async for partition in result.partitions(batch):
            yield [CaseSheetRow._make(row) for row in partition]
