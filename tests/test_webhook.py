"""Webhook mode: one path per platform, Telegram's secret header checked, Bale's secret path,
and an update delivered twice handled once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from bot.webhook import build_app, webhook_path
from models.tables import ProcessedUpdate
from services.platforms import Platform
from tests.conftest import make_settings
from tests.desk import Desk, Person

SECRET = "s3cret-for-webhooks-only"


@pytest.fixture
async def client(desk: Desk) -> AsyncIterator[TestClient[Any, Any]]:
    settings = make_settings(
        mode="webhook", webhook_base_url="https://desk.example.ir", webhook_secret=SECRET
    )
    app = build_app(desk.dp, desk.bots, settings)
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


def start_update(person: Person, update_id: int) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 1_790_000_000,
            "chat": {"id": person.id, "type": "private", "first_name": person.first_name},
            "from": person.as_user(),
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


def bale_path() -> str:
    return webhook_path(
        Platform.BALE,
        make_settings(
            mode="webhook", webhook_base_url="https://desk.example.ir", webhook_secret=SECRET
        ),
    )


async def test_telegram_updates_with_the_secret_header_are_handled(
    desk: Desk, client: TestClient[Any, Any], sara: Person
) -> None:
    response = await client.post(
        "/webhook/telegram",
        json=start_update(sara, 10),
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    )

    assert response.status == 200
    assert "خوش آمدید" in desk.last_text(sara)


async def test_telegram_updates_without_the_secret_are_refused(
    desk: Desk, client: TestClient[Any, Any], sara: Person
) -> None:
    missing = await client.post("/webhook/telegram", json=start_update(sara, 11))
    wrong = await client.post(
        "/webhook/telegram",
        json=start_update(sara, 12),
        headers={"X-Telegram-Bot-Api-Secret-Token": "guess"},
    )

    assert (missing.status, wrong.status) == (401, 401)
    assert desk.to(sara) == []


async def test_bale_posts_to_its_secret_path(
    desk: Desk, client: TestClient[Any, Any], reza: Person
) -> None:
    wrong = await client.post("/webhook/bale/guess", json=start_update(reza, 20))
    right = await client.post(bale_path(), json=start_update(reza, 21))

    assert (wrong.status, right.status) == (404, 200)
    assert SECRET not in bale_path()
    assert len(desk.to(reza)) == 1


async def test_an_update_delivered_twice_is_handled_once(
    desk: Desk, client: TestClient[Any, Any], sara: Person
) -> None:
    for _ in range(2):
        response = await client.post(
            "/webhook/telegram",
            json=start_update(sara, 30),
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
        assert response.status == 200

    assert (
        len([t for t in desk.api[Platform.TELEGRAM].texts(chat_id=sara.id) if "خوش آمدید" in t])
        == 1
    )
    async with desk.repo() as repo:
        count = await repo.session.scalar(select(func.count()).select_from(ProcessedUpdate))
        assert count == 1


async def test_the_same_update_id_on_the_other_platform_is_another_update(
    desk: Desk, client: TestClient[Any, Any], sara: Person, reza: Person
) -> None:
    await client.post(
        "/webhook/telegram",
        json=start_update(sara, 40),
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    )
    await client.post(bale_path(), json=start_update(reza, 40))

    assert desk.to(sara) and desk.to(reza)


async def test_an_update_whose_handling_failed_is_handled_when_delivered_again(
    desk: Desk, sara: Person
) -> None:
    desk.api[Platform.TELEGRAM].fail("sendMessage", 500, "Internal Server Error")
    with pytest.raises(Exception, match="Internal Server Error"):
        await desk.feed(Platform.TELEGRAM, start_update(sara, 50))

    await desk.feed(Platform.TELEGRAM, start_update(sara, 50))

    assert "خوش آمدید" in desk.last_text(sara)
