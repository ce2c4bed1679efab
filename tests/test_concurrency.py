"""Two workers at once: two dispatchers, each with its own connections, serve one database, as
two webhook workers (or two tasks of one poller) do. Whatever both find missing at the same
moment (a new person, a clerk on the list, a draft, a subscription, a rating, a closure, a
queue's deadlines, a thread message, a digest's day, a notice, a licence) is created once, and
every update is answered without an error."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import pytest
from aiogram.fsm.storage.base import BaseStorage
from sqlalchemy import func, select

from models.database import make_engine, make_sessionmaker
from models.tables import (
    AuditEntry,
    CaseEvent,
    Closure,
    Draft,
    JobRun,
    Licence,
    LicenceSite,
    OutboxMessage,
    QueuePolicy,
    Rating,
    RenewalReminder,
    RenewalSubscription,
    StaffMember,
    ThreadMessage,
    User,
)
from scheduler.jobs import Jobs
from services import relay
from services.calendar import TEHRAN
from services.clock import ManualClock
from services.outbox import Outgoing, Unreachable, enqueue
from services.platforms import Platform
from services.settings import Settings
from tests.conftest import running_desk
from tests.desk import Desk, Person
from tests.forms import button_data
from tests.registry import a_licence, fill_registry
from tests.staff import STAFF_CHAT, answers
from tests.test_relay import filed
from tests.test_renewal import LATER, SOMEONE_ELSES, SOON, at, verified_holder
from tests.test_satisfaction import closed_case

TELEGRAM_ADMIN = Person(Platform.TELEGRAM, 111, "Mina", "Admin")
BALE_ADMIN = Person(Platform.BALE, 222, "Hamid", "Admin")


@pytest.fixture
async def other(
    database_url: str,
    settings: Settings,
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
) -> AsyncIterator[Desk]:
    """A second worker: its own dispatcher, connections and Bot API, the same database."""
    engine = make_engine(database_url)
    sessionmaker = make_sessionmaker(engine)
    async with running_desk(settings, sessionmaker, clock, storage_factory, 1_000_000) as desk:
        yield desk
    await engine.dispose()


async def count(desk: Desk, what: Any, *where: Any) -> int:
    async with desk.repo() as repo:
        return int(await repo.session.scalar(select(func.count()).select_from(what).where(*where)))


# --- people -----------------------------------------------------------------------------------

NEWCOMERS = [
    Person(Platform.TELEGRAM if n % 2 else Platform.BALE, 9100 + n, f"Newcomer{n}", None)
    for n in range(20)
]


async def test_new_people_writing_to_two_workers_at_once_are_each_one_person(
    desk: Desk, other: Desk
) -> None:
    await asyncio.gather(
        *(desk.say(person, "/start") for person in NEWCOMERS),
        *(other.say(person, "/mycases") for person in NEWCOMERS),
    )

    for person in NEWCOMERS:
        assert len(desk.to(person)) == 1 and "خوش آمدید" in desk.last_text(person)
        assert len(other.to(person)) == 1
    async with desk.repo() as repo:
        rows = list(
            await repo.session.execute(
                select(User.platform, User.platform_user_id, func.count()).group_by(
                    User.platform, User.platform_user_id
                )
            )
        )
        accesses = await repo.session.scalar(
            select(func.count()).where(AuditEntry.action == "access")
        )
    assert sorted(rows) == sorted((str(p.platform), p.id, 1) for p in NEWCOMERS)
    assert accesses == len(NEWCOMERS)  # one sighting each, recorded once


async def test_a_known_person_seen_again_after_a_while_is_refreshed_once(
    desk: Desk, other: Desk, sara: Person
) -> None:
    await desk.say(sara, "/start")
    desk.clock.advance(timedelta(minutes=6))
    renamed = Person(sara.platform, sara.id, "Sarah", sara.last_name)

    await asyncio.gather(desk.say(renamed, "/help"), other.say(renamed, "/help"))

    async with desk.repo() as repo:
        user = await repo.users.by_platform_id("telegram", sara.id)
        accesses = await repo.session.scalar(
            select(func.count()).where(AuditEntry.action == "access")
        )
    assert user is not None and user.first_name == "Sarah"
    assert user.last_seen_at == desk.clock.now()
    assert accesses == 2  # the first sight, and this one once
    assert len(desk.to(sara)) == 2 and len(other.to(sara)) == 1


# --- the staff list, closures, deadlines ------------------------------------------------------


async def admins_at_once(desk: Desk, other: Desk, first: str, second: str) -> list[str]:
    """Each admin sends a command to their own worker at the same moment: what each is told."""
    await asyncio.gather(desk.say(TELEGRAM_ADMIN, first), other.say(BALE_ADMIN, second))
    return [desk.last_text(TELEGRAM_ADMIN), other.last_text(BALE_ADMIN)]


async def test_two_admins_listing_the_same_clerk_at_once_list_them_once(
    desk: Desk, other: Desk
) -> None:
    await desk.say(Person(Platform.TELEGRAM, 7301, "Omid", "Clerk"), "/start")

    told = await admins_at_once(
        desk, other, "/staff add telegram:7301", "/staff add telegram:7301"
    )

    assert sum("به فهرست کارشناسان افزوده شد" in text for text in told) == 1
    assert sum("پیش‌تر در فهرست کارشناسان بود" in text for text in told) == 1
    assert await count(desk, StaffMember) == 1
    assert await count(desk, AuditEntry, AuditEntry.action == "staff_added") == 1


async def test_two_admins_closing_the_same_day_at_once_close_it_once(
    desk: Desk, other: Desk
) -> None:
    told = await admins_at_once(
        desk, other, "/holiday add 2026-11-23 تعطیلی اضطراری", "/holiday add 2026-11-23"
    )

    assert sum("پیش‌تر تعطیل اعلام شده است" in text for text in told) == 1
    assert sum("تعطیل اعلام شد؛" in text for text in told) == 1
    assert await count(desk, Closure) == 1


async def test_two_admins_changing_a_queues_deadlines_at_once_leave_one_policy(
    desk: Desk, other: Desk
) -> None:
    told = await admins_at_once(
        desk, other, "/sla complaints commission_days=7", "/sla complaints commission_days=8"
    )

    assert all("تغییر کرد" in text for text in told)
    async with desk.repo() as repo:
        policies = list(await repo.session.scalars(select(QueuePolicy)))
    assert [policy.queue for policy in policies] == ["complaints"]
    assert policies[0].values in ({"commission_days": 7}, {"commission_days": 8})


# --- a citizen's own rows ---------------------------------------------------------------------


async def test_a_form_opened_on_two_workers_at_once_keeps_one_draft(
    desk: Desk, other: Desk, sara: Person
) -> None:
    await desk.say(sara, "/start")
    welcomed = len(desk.to(sara))

    await asyncio.gather(desk.say(sara, "/complaint"), other.say(sara, "/complaint"))

    # The later one may find the other's draft already there, and offers to go on with it.
    assert len(desk.to(sara)) > welcomed and other.to(sara)
    told = [desk.last_text(sara), other.last_text(sara)]
    assert "مرحله ۱ از" in told[0] or "مرحله ۱ از" in told[1]
    assert all("مرحله ۱ از" in text or "شکایت نیمه‌کاره دارید" in text for text in told)
    assert await count(desk, Draft) == 1


async def test_following_renewals_on_two_workers_at_once_follows_each_licence_once(
    desk: Desk, other: Desk, sara: Person
) -> None:
    await fill_registry(desk, SOON, LATER, SOMEONE_ELSES)
    await verified_holder(desk, sara)
    desk.clock.set(at(SOON.expires_on - timedelta(days=20)))  # the 30-day reminder is owed

    await desk.say(sara, "/renewal")
    follow_all = button_data(desk, sara, "یادآوری برای همه")

    await asyncio.gather(desk.press(sara, follow_all), other.press(sara, follow_all))

    assert "یادآوری تمدید همه پروانه‌ها روشن شد" in answers(desk, sara)[-1]
    assert "یادآوری تمدید همه پروانه‌ها روشن شد" in answers(other, sara)[-1]
    assert await count(desk, RenewalSubscription) == 2
    assert await count(desk, RenewalReminder) == 1  # the one owed now, passed over once


async def test_two_taps_on_two_workers_at_once_store_one_rating(
    desk: Desk, other: Desk, sara: Person
) -> None:
    await closed_case(desk, sara)
    buttons = dict(desk.to(sara)[-1].buttons())

    await asyncio.gather(desk.press(sara, buttons["۵ ⭐"]), other.press(sara, buttons["۱ ⭐"]))

    told = [answers(desk, sara)[-1], answers(other, sara)[-1]]
    assert sum("پیش‌تر ثبت شده" in text for text in told) == 1
    assert await count(desk, Rating) == 1
    assert await count(desk, CaseEvent, CaseEvent.action == "rated") == 1


# --- what the workers' own loops write --------------------------------------------------------


async def test_two_workers_sending_the_digest_at_once_send_it_once(
    desk: Desk, other: Desk, sara: Person
) -> None:
    await filed(desk, sara)  # the complaints chat has a case to report on; the others none
    desk.clock.set(desk.clock.now().replace(hour=8, tzinfo=TEHRAN) + timedelta(days=1))
    sent = await asyncio.gather(
        Jobs(desk.sessionmaker, desk.settings.config, desk.clock).digest(),
        Jobs(other.sessionmaker, other.settings.config, other.clock).digest(),
    )

    chats = len(set(desk.settings.config.staff_chats.values()))
    assert sum(sent) == 1
    assert await count(desk, JobRun) == chats
    assert await count(desk, OutboxMessage, OutboxMessage.purpose == "digest") == 1


async def test_two_workers_reminding_at_once_remind_once(
    desk: Desk, other: Desk, sara: Person
) -> None:
    await fill_registry(desk, SOON, LATER, SOMEONE_ELSES)
    await verified_holder(desk, sara)
    await desk.say(sara, "/renewal")
    await desk.press_button(sara, "یادآوری برای همه")
    desk.clock.set(at(SOON.expires_on - timedelta(days=30)))

    await asyncio.gather(
        Jobs(desk.sessionmaker, desk.settings.config, desk.clock).sweep(),
        Jobs(other.sessionmaker, other.settings.config, other.clock).sweep(),
    )

    assert await count(desk, RenewalReminder) == 1
    reminders = OutboxMessage.purpose == "licence-renewal"
    assert await count(desk, OutboxMessage, reminders) == 1


async def test_a_message_joins_a_thread_once_when_two_workers_record_it_at_once(
    desk: Desk, other: Desk, sara: Person
) -> None:
    case = await filed(desk, sara)

    async def record(worker: Desk) -> None:
        async with worker.repo() as repo:
            await relay.remember(repo, "telegram", STAFF_CHAT, 88_888, case)

    await asyncio.gather(record(desk), record(other))

    assert await count(desk, ThreadMessage, ThreadMessage.message_id == 88_888) == 1


async def test_two_pieces_given_up_at_once_tell_the_clerk_once(
    desk: Desk, other: Desk, sara: Person
) -> None:
    case = await filed(desk, sara)
    origin = {"platform": "telegram", "chat_id": STAFF_CHAT, "message_id": 77_777}
    async with desk.repo() as repo:
        pieces = [
            enqueue(
                repo,
                Outgoing(platform=Platform.TELEGRAM, chat_id=sara.id, text=text, parse_mode=None),
                now=desk.clock.now(),
                purpose="relay:reply",
                case_id=case.id,
            )
            for text in ("part one", "part two")
        ]
        for piece in pieces:
            piece.payload = piece.payload | {"origin": origin}
        await repo.commit()

    async def give_up(worker: Desk, piece: OutboxMessage) -> None:
        async with worker.repo() as repo:
            row = await repo.outbox.get(piece.id)
            assert row is not None
            await relay.undelivered(
                repo, row, Unreachable.BLOCKED, worker.settings.config, worker.clock.now()
            )
            await repo.commit()

    await asyncio.gather(give_up(desk, pieces[0]), give_up(other, pieces[1]))

    notices = OutboxMessage.purpose == "relay:undelivered"
    assert await count(desk, OutboxMessage, notices, OutboxMessage.case_id == case.id) == 1
    blocked = CaseEvent.action == "unreachable_blocked"
    assert await count(desk, CaseEvent, blocked, CaseEvent.case_id == case.id) == 1


async def test_two_imports_of_the_same_licences_at_once_keep_each_licence_once(
    desk: Desk, other: Desk
) -> None:
    rows = [a_licence(f"1405/{n:05d}", business_name=f"فروشگاه {n}") for n in range(300)]

    async def load(worker: Desk) -> None:
        async with worker.repo() as repo:
            await repo.licences.upsert_many(rows)
            await repo.commit()

    await asyncio.gather(load(desk), load(other))

    assert await count(desk, Licence) == 300
    assert await count(desk, LicenceSite) == 300
