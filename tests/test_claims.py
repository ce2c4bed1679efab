"""Claims on updates: a duplicate waits for the first handling instead of being dropped blind;
a claim its worker stopped renewing is taken over; a live worker's claim is not."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
from aiogram.types import Update
from sqlalchemy import event, insert, select, text
from sqlalchemy.exc import IntegrityError

from bot.idempotence import OnceMiddleware
from models.crypto import PREFIX
from models.tables import ProcessedUpdate
from services.clock import ManualClock
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.test_webhook import start_update

LEASE = timedelta(seconds=30)  # the default CLAIM_LEASE_SECONDS


def welcomes(desk: Desk, person: Person) -> int:
    return sum("خوش آمدید" in text for text in desk.api[person.platform].texts(chat_id=person.id))


async def claim_of(desk: Desk, update_id: int) -> tuple[str, object] | None:
    async with desk.repo() as repo:
        row = (
            await repo.session.execute(
                select(ProcessedUpdate.status, ProcessedUpdate.at).where(
                    ProcessedUpdate.platform == "telegram", ProcessedUpdate.update_id == update_id
                )
            )
        ).first()
    return None if row is None else (row.status, row.at)


async def leave_claim(
    desk: Desk, update_id: int, age: timedelta, payload: str | None = None
) -> None:
    """A claim as a worker leaves it when it is killed in the middle of the update."""
    async with desk.repo() as repo:
        await repo.session.execute(
            insert(ProcessedUpdate).values(
                platform="telegram",
                update_id=update_id,
                status="processing",
                at=desk.clock.now() - age,
                payload=payload,
            )
        )
        await repo.commit()


def once_of(desk: Desk) -> OnceMiddleware:
    once = desk.dp["once"]
    assert isinstance(once, OnceMiddleware)
    return once


async def test_two_deliveries_at_once_are_handled_once(desk: Desk, sara: Person) -> None:
    await asyncio.gather(
        desk.feed(Platform.TELEGRAM, start_update(sara, 60)),
        desk.feed(Platform.TELEGRAM, start_update(sara, 60)),
    )

    assert welcomes(desk, sara) == 1
    claim = await claim_of(desk, 60)
    assert claim is not None and claim[0] == "done"


async def test_the_retry_of_an_update_whose_worker_died_is_handled(
    desk: Desk, sara: Person, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    await leave_claim(desk, 61, age=timedelta(seconds=5))

    retry = asyncio.create_task(desk.feed(Platform.TELEGRAM, start_update(sara, 61)))
    await asyncio.sleep(0.2)
    assert not retry.done() and welcomes(desk, sara) == 0  # its lease may still be renewed
    clock.advance(LEASE)  # it was not: the worker is gone
    await asyncio.wait_for(retry, 5)

    assert welcomes(desk, sara) == 1
    claim = await claim_of(desk, 61)
    assert claim is not None and claim[0] == "done"
    assert "taken over" in caplog.text


async def test_a_live_workers_claim_is_renewed_and_not_taken_over(
    desk: Desk, sara: Person, clock: ManualClock
) -> None:
    once = once_of(desk)
    await leave_claim(desk, 62, age=timedelta(0))
    once.held.add(("telegram", 62))  # this worker is still on it
    clock.advance(LEASE - timedelta(seconds=1))
    assert await once.renew() == 1
    clock.advance(LEASE - timedelta(seconds=1))  # long since the claim, not since its renewal

    duplicate = asyncio.create_task(desk.feed(Platform.TELEGRAM, start_update(sara, 62)))
    await asyncio.sleep(0.7)
    assert not duplicate.done()
    # The first handling ends: the duplicate, looking again, drops it.
    once.held.discard(("telegram", 62))
    async with desk.repo() as repo:
        await repo.session.execute(
            ProcessedUpdate.__table__.update()
            .where(ProcessedUpdate.update_id == 62)
            .values(status="done")
        )
        await repo.commit()
    await asyncio.wait_for(duplicate, 5)

    assert welcomes(desk, sara) == 0


async def test_renewing_touches_only_claims_in_hand(desk: Desk, clock: ManualClock) -> None:
    once = once_of(desk)
    await leave_claim(desk, 63, age=timedelta(0))
    await leave_claim(desk, 64, age=timedelta(0))
    once.held.add(("telegram", 63))
    before = await claim_of(desk, 64)
    clock.advance(timedelta(seconds=10))

    assert await once.renew() == 1
    assert await claim_of(desk, 64) == before
    renewed = await claim_of(desk, 63)
    assert renewed is not None and renewed[1] == clock.now()


async def test_an_update_in_hand_is_kept_encrypted_and_forgotten_once_done(
    desk: Desk, sara: Person
) -> None:
    bot = desk.bots[Platform.TELEGRAM]
    in_hand = Update.model_validate(start_update(sara, 70), context={"bot": bot})
    async with desk.repo() as repo:
        assert await once_of(desk)._claim(repo.session, ("telegram", 70), in_hand)
    await desk.feed(Platform.TELEGRAM, start_update(sara, 73))

    async with desk.repo() as repo:
        rows = await repo.session.execute(text("SELECT update_id, payload FROM processed_updates"))
        stored = {update_id: payload for update_id, payload in rows}
    assert stored[70] is not None and stored[70].startswith(f"{PREFIX}:")
    assert "/start" not in stored[70] and str(sara.id) not in stored[70]
    assert stored[73] is None  # done: nothing of it is kept


async def test_an_update_no_one_will_send_again_is_recovered_after_its_lease(
    desk: Desk, sara: Person, clock: ManualClock
) -> None:
    """Polling acknowledged it, then its worker died: the next worker handles it from the
    copy kept with the claim — once, however many workers look."""
    once = once_of(desk)
    payload = json.dumps(start_update(sara, 71))
    await leave_claim(desk, 71, age=timedelta(seconds=5), payload=payload)

    assert await once.recover(desk.dp, desk.bots) == 0  # its worker may still be alive
    clock.advance(LEASE)
    taken = await asyncio.gather(
        once.recover(desk.dp, desk.bots), once.recover(desk.dp, desk.bots)
    )

    assert sorted(taken) == [0, 1]
    assert welcomes(desk, sara) == 1
    claim = await claim_of(desk, 71)
    assert claim is not None and claim[0] == "done"
    assert await once.recover(desk.dp, desk.bots) == 0


async def test_a_renewed_claim_is_not_recovered(desk: Desk, clock: ManualClock) -> None:
    once = once_of(desk)
    await leave_claim(desk, 72, age=timedelta(0), payload=json.dumps({"update_id": 72}))
    once.held.add(("telegram", 72))
    for _ in range(3):
        clock.advance(LEASE / 2)
        await once.renew()
        assert await once.recover(desk.dp, desk.bots) == 0


async def test_a_kept_update_that_cannot_be_read_is_given_up_once(
    desk: Desk, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Under a key since retired, or not an update at all: retrying would fail for ever."""
    once = once_of(desk)
    await leave_claim(desk, 74, age=timedelta(0), payload="not an update")
    async with desk.repo() as repo:
        await repo.session.execute(
            text(
                "INSERT INTO processed_updates (platform, update_id, status, at, payload) "
                "SELECT platform, 75, status, at, :retired FROM processed_updates "
                "WHERE update_id = 74"
            ),
            {"retired": f"{PREFIX}:retired0:AAAA"},
        )
        await repo.commit()
    clock.advance(LEASE)

    assert await once.recover(desk.dp, desk.bots) == 0
    assert await once.recover(desk.dp, desk.bots) == 0
    for update_id in (74, 75):
        claim = await claim_of(desk, update_id)
        assert claim is not None and claim[0] == "done"
    assert caplog.text.count("could not be read") == 2


async def test_what_a_handling_commits_carries_its_done_mark(
    desk: Desk, sara: Person, clock: ManualClock
) -> None:
    """Its worker killed just after the handling's commit (nothing settled after it), the
    update is done: no other worker handles it again on top of what it wrote."""
    once = once_of(desk)
    bot = desk.bots[Platform.TELEGRAM]
    in_hand = Update.model_validate(start_update(sara, 80), context={"bot": bot})
    async with desk.repo() as repo:
        assert await once._claim(repo.session, ("telegram", 80), in_hand)
        repo.done_with_commit(("telegram", 80))
        await repo.session.execute(
            text("UPDATE processed_updates SET at = at WHERE update_id = -1")  # some write
        )
        await repo.commit()
        # killed here: no done-mark of its own follows
    clock.advance(LEASE)

    claim = await claim_of(desk, 80)
    assert claim is not None and claim[0] == "done"
    assert await once.recover(desk.dp, desk.bots) == 0
    assert welcomes(desk, sara) == 0


async def test_a_handlings_commit_that_fails_leaves_the_update_in_hand(
    desk: Desk, sara: Person
) -> None:
    """The done-mark is in the failed transaction: it goes with it, and the update stays in
    hand until the handling ends."""
    once = once_of(desk)
    bot = desk.bots[Platform.TELEGRAM]
    in_hand = Update.model_validate(start_update(sara, 81), context={"bot": bot})
    async with desk.repo() as repo:
        assert await once._claim(repo.session, ("telegram", 81), in_hand)
        repo.done_with_commit(("telegram", 81))
        # A row the commit's flush cannot write (the claim's own key, again).
        repo.session.add(
            ProcessedUpdate(
                platform="telegram", update_id=81, status="processing", at=desk.clock.now()
            )
        )
        with pytest.raises(IntegrityError):
            await repo.commit()
        await repo.rollback()

    claim = await claim_of(desk, 81)
    assert claim is not None and claim[0] == "processing"


async def test_an_update_whose_handling_commits_is_done_in_that_commit(
    desk: Desk, sara: Person
) -> None:
    """/cancel drops the draft and commits: one commit carries it and the done-mark."""
    await desk.say(sara, "/start")
    commits: list[str] = []
    engine = desk.sessionmaker.kw["bind"].sync_engine
    listener = lambda _connection: commits.append("commit")  # noqa: E731
    event.listen(engine, "commit", listener)
    try:
        await desk.say(sara, "/cancel")
    finally:
        event.remove(engine, "commit", listener)

    assert commits == ["commit", "commit"]  # the claim, then the handling with its done-mark
