"""A filed complaint's receipt reaches the citizen once: however often the confirm arrives (two
taps at once, the platform sending the same update again), and even if the filing's receipt
were written a second time, since the outbox takes one receipt a case (its dedupe key)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from models.tables import OutboxMessage
from services import complaints
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.fakes import BOT_IDS
from tests.forms import answer_until, button_data, count_cases, file_usual_complaint
from tests.staff import the_case

RECEIPT = "رسید الکترونیکی"


async def receipt_rows(desk: Desk) -> list[OutboxMessage]:
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(OutboxMessage).where(OutboxMessage.purpose == "receipt")
        )
        return list(rows)


def receipts_seen(desk: Desk, person: Person) -> list[str]:
    return [request.text for request in desk.to(person) if RECEIPT in request.text]


def confirm_update(desk: Desk, person: Person, data: str, update_id: int) -> dict[str, Any]:
    """The tap on confirm as the platform sends it, with an update id of its own."""
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"confirm-{update_id}",
            "from": person.as_user(),
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": 1,
                "date": int(desk.clock.now().timestamp()),
                "chat": {"id": person.id, "type": "private", "first_name": person.first_name},
                "from": {"id": BOT_IDS[person.platform], "is_bot": True, "first_name": "Pishkhan"},
                "text": "…",
            },
        },
    }


async def test_two_taps_on_confirm_at_once_send_one_receipt(desk: Desk, sara: Person) -> None:
    await answer_until(desk, sara, "confirm")
    confirm = button_data(desk, sara, "تأیید و ثبت نهایی")

    await asyncio.gather(desk.press(sara, confirm), desk.press(sara, confirm))
    await desk.drain()

    assert await count_cases(desk) == 1
    [row] = await receipt_rows(desk)
    assert row.case_id == (await the_case(desk)).id
    assert len(receipts_seen(desk, sara)) == 1


async def test_the_same_confirm_update_sent_again_sends_one_receipt(
    desk: Desk, sara: Person
) -> None:
    """The platform delivers the tap a second time (a webhook retry), before and after a
    restart of the desk."""
    await answer_until(desk, sara, "confirm")
    confirm = button_data(desk, sara, "تأیید و ثبت نهایی")
    update = confirm_update(desk, sara, confirm, update_id=90_001)

    await desk.feed(Platform.TELEGRAM, dict(update))
    await desk.drain()
    await desk.feed(Platform.TELEGRAM, dict(update))
    await desk.restart()
    await desk.feed(Platform.TELEGRAM, dict(update))
    await desk.drain()

    assert await count_cases(desk) == 1
    assert len(await receipt_rows(desk)) == 1
    assert len(receipts_seen(desk, sara)) == 1


async def test_a_cases_receipt_written_again_is_refused_and_sent_once(
    desk: Desk, sara: Person
) -> None:
    await file_usual_complaint(desk, sara)
    case = await the_case(desk)

    async with desk.repo() as repo:
        citizen = await repo.users.get(case.citizen_id)
        assert citizen is not None
        complaints.queue_receipt(repo, case, citizen, desk.settings.config, desk.clock.now())
        with pytest.raises(IntegrityError):
            await repo.commit()
    await desk.drain()

    [row] = await receipt_rows(desk)
    assert row.dedupe_key is not None and case.code in row.dedupe_key
    assert len(receipts_seen(desk, sara)) == 1
