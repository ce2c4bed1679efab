"""A person's data: shown on request, erased where the law allows, access kept six months;
no token or personal datum in any log line; a flood is slowed down."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import timedelta

import pytest
from aiogram.fsm.storage.base import BaseStorage
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.logs import RedactingFilter, quiet_libraries
from models.tables import AuditEntry, Case, User
from scheduler.jobs import Jobs
from services.clock import ManualClock
from services.platforms import Platform
from tests.conftest import make_settings
from tests.desk import TOKENS, Desk, Person
from tests.test_complaint_flow import file_complaint


async def test_mydata_sends_everything_held_about_the_person(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await file_complaint(desk, sara)
    await desk.say(reza, "/start")

    await desk.say(sara, "/mydata")

    sent = desk.api[Platform.TELEGRAM].last(chat_id=sara.id)
    assert sent.method == "sendDocument"
    dossier = json.loads(next(iter(sent.files.values())))
    assert dossier["accounts"][0]["phone"] == "+989123456789"
    assert dossier["cases"][0]["business_name"] == "فروشگاه ديجي‌كالا"  # as typed
    assert [e["action"] for e in dossier["cases"][0]["events"]] == ["filed"]
    assert any(entry["action"] == "access" for entry in dossier["access_records"])
    assert "Reza" not in json.dumps(dossier, ensure_ascii=False)


async def test_forget_waits_for_open_cases(desk: Desk, sara: Person) -> None:
    await file_complaint(desk, sara)

    await desk.say(sara, "/forget")

    assert "پرونده باز دارید" in desk.last_text(sara)


async def test_forget_erases_the_profile_and_keeps_the_case_record(
    desk: Desk, sara: Person
) -> None:
    await file_complaint(desk, sara)
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        case.status = "closed"
        await repo.commit()

    await desk.say(sara, "/forget")
    await desk.press_button(sara, "بله، پاک شود")

    assert "اطلاعات شما پاک شد" in desk.last_text(sara)
    async with desk.repo() as repo:
        user = await repo.session.scalar(select(User).where(User.platform_user_id == sara.id))
        assert user is not None
        assert (user.first_name, user.last_name, user.phone) == ("", None, None)
        case = await repo.session.scalar(select(Case))
        assert case is not None
        assert (case.contact_name, case.contact_phone) == ("—", None)
        assert case.business_name == "فروشگاه ديجي‌كالا"  # as typed


async def test_access_records_are_kept_six_months_then_purged(desk: Desk, sara: Person) -> None:
    await desk.say(sara, "/start")
    jobs = Jobs(desk.sessionmaker, desk.settings.config, desk.clock)

    desk.clock.advance(timedelta(days=182))
    assert (await jobs.purge())[0] == 0
    desk.clock.advance(timedelta(days=2))
    assert (await jobs.purge())[0] == 1
    async with desk.repo() as repo:
        left = await repo.session.scalars(select(AuditEntry).where(AuditEntry.action == "access"))
        assert list(left) == []


async def test_no_token_or_personal_datum_reaches_the_logs(
    desk: Desk, sara: Person, caplog: pytest.LogCaptureFixture
) -> None:
    quiet_libraries()  # as the running desk does
    caplog.handler.addFilter(RedactingFilter())
    with caplog.at_level(logging.DEBUG):
        await file_complaint(desk, sara)
        await desk.drain()

    assert caplog.records  # the scenario did log
    text = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (*TOKENS.values(), "9123456789", "Ahmadi", "دیجی"):
        assert secret not in text


async def test_a_flood_is_slowed_down_and_told_once(
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
    sara: Person,
) -> None:
    flooded = Desk(make_settings(flood_rate=3), sessionmaker, clock, storage_factory)
    try:
        for _ in range(6):
            await flooded.say(sara, "/help")
    finally:
        await flooded.storage.close()

    texts = flooded.api[Platform.TELEGRAM].texts(chat_id=sara.id)
    assert len([t for t in texts if "راهنمای پیشخوان" in t]) == 3
    assert len([t for t in texts if "صبر کنید" in t]) == 1


def test_a_traceback_that_quotes_a_token_or_the_secret_path_is_masked(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.handler.addFilter(RedactingFilter())
    token = TOKENS[Platform.TELEGRAM]
    secret_path = "/webhook/bale/98d0908848a3c443bada583672001dd1"
    try:
        raise ConnectionError(
            f"POST https://api.telegram.org/bot{token}/sendMessage {secret_path}"
        )
    except ConnectionError:
        logging.getLogger("aiohttp.server").exception("Error handling request")

    assert "Traceback" in caplog.text and "bot<token>/sendMessage" in caplog.text
    assert token.split(":")[1] not in caplog.text
    assert secret_path not in caplog.text and "/webhook/bale/<secret>" in caplog.text
