"""The deadline sweep works a batch of due cases in a fixed number of statements.

Cases are written straight into the database, each at its 24-hour notice, so that many of them
fall due in one tick: the sweep must then ask for the clerks and for the alerts already queued
once per batch, not once per case, and still send each alert once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from models.repos import Repo
from models.tables import Case, OutboxMessage, User
from services.alerts import sweep_deadlines
from services.calendar import TEHRAN
from services.settings import Settings
from services.tracking import CodeKind, damm_check_digit

NOW = datetime(2026, 11, 23, 16, 0, tzinfo=TEHRAN)
DUE = NOW + timedelta(hours=24)
STAFF_CHAT = -1001000


@pytest.fixture
async def repo(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[Repo]:
    async with sessionmaker() as session:
        yield Repo(session)


def tracking_code(serial: int) -> str:
    payload = CodeKind.COMPLAINT.value + str(10_000_000 + serial)
    return payload + damm_check_digit(payload)


async def a_citizen(repo: Repo, platform_user_id: int = 5001) -> User:
    user = User(platform="telegram", platform_user_id=platform_user_id, first_name="Sara")
    repo.session.add(user)
    await repo.session.flush()
    return user


async def due_cases(repo: Repo, count: int, *, assignee: User | None = None) -> list[Case]:
    """`count` open complaints whose referral is due in 24 hours: their first notice is due."""
    citizen = await a_citizen(repo, 5001 + count * 10 + (assignee.id if assignee else 0))
    received = NOW - timedelta(days=1)
    cases = []
    for n in range(count):
        case = Case(
            code=tracking_code(citizen.id * 1000 + n),
            queue="complaints",
            status="awaiting_review",
            subject="guild_law",
            business_name="فروشگاه نمونه",
            business_key="فروشگاهنمونه",
            description="a complaint",
            citizen_id=citizen.id,
            contact_name="Sara",
            platform="telegram",
            locale="fa",
            received_at=received,
            clock_started_at=received,
            status_changed_at=received,
            assignee_id=assignee.id if assignee else None,
            step="referral",
            step_due_at=DUE,
            overall_due_at=DUE + timedelta(days=8),
            next_alert_at=NOW - timedelta(minutes=n % 30),
        )
        repo.cases.add(case)
        cases.append(case)
    await repo.commit()
    return cases


@contextmanager
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements sent while the block runs."""
    sent: list[str] = []

    def record(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
        sent.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


def reads(sent: list[str]) -> list[str]:
    return [statement for statement in sent if statement.lstrip().upper().startswith("SELECT")]


async def notices(repo: Repo) -> list[OutboxMessage]:
    rows = await repo.session.scalars(
        select(OutboxMessage).where(OutboxMessage.purpose == "alert:notice_24h")
    )
    return list(rows)


def engine_of(repo: Repo) -> AsyncEngine:
    bind = repo.session.bind
    assert isinstance(bind, AsyncEngine)
    return bind


async def test_many_due_cases_cost_no_more_reads_than_one(repo: Repo, settings: Settings) -> None:
    clerk = await a_citizen(repo, 7001)
    await due_cases(repo, 1, assignee=clerk)
    with statements(engine_of(repo)) as one:
        assert await sweep_deadlines(repo, NOW, settings.config) == 1

    await due_cases(repo, 40, assignee=clerk)
    await due_cases(repo, 40)
    with statements(engine_of(repo)) as eighty:
        assert await sweep_deadlines(repo, NOW, settings.config) == 80

    assert len(reads(eighty)) == len(reads(one))
    assert len(await notices(repo)) == 81


async def test_each_notice_goes_to_the_clerk_or_the_staff_chat(
    repo: Repo, settings: Settings
) -> None:
    clerk = await a_citizen(repo, 7001)
    claimed = await due_cases(repo, 3, assignee=clerk)
    unclaimed = await due_cases(repo, 2)

    assert await sweep_deadlines(repo, NOW, settings.config) == 5

    chats = {row.case_id: (row.platform, row.chat_id) for row in await notices(repo)}
    assert chats == {
        **{case.id: ("telegram", 7001) for case in claimed},
        **{case.id: ("telegram", STAFF_CHAT) for case in unclaimed},
    }


async def test_an_alert_queued_before_is_not_queued_again_beside_new_ones(
    repo: Repo, settings: Settings
) -> None:
    cases = await due_cases(repo, 4)
    assert await sweep_deadlines(repo, NOW, settings.config) == 4
    # Two cases come back to the same stage of the same deadline, as after a restore.
    for case in cases[:2]:
        case.alert_stage = None
        case.next_alert_at = NOW
    await due_cases(repo, 3)
    await repo.commit()

    assert await sweep_deadlines(repo, NOW, settings.config) == 3

    keys = [row.dedupe_key for row in await notices(repo)]
    assert len(keys) == len(set(keys)) == 7
    for case in cases[:2]:
        await repo.session.refresh(case)
        assert case.alert_stage == "notice_24h"
        assert case.next_alert_at is not None
        assert case.next_alert_at.astimezone(UTC) == (DUE - timedelta(hours=2)).astimezone(UTC)
