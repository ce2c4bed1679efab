"""Webhook mode: one path per platform, Telegram's secret header checked, Bale's secret path
kept out of the logs, a body that is no update refused, and an update delivered twice handled
once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from bot.webhook import RUNNER_OPTIONS, build_app, webhook_path
from models.tables import ProcessedUpdate
from services.platforms import Platform
from tests.conftest import make_settings
from tests.desk import TOKENS, Desk, Person

SECRET = "s3cret-for-webhooks-only"


@pytest.fixture
async def client(desk: Desk) -> AsyncIterator[TestClient[Any, Any]]:
    settings = make_settings(
        mode="webhook", webhook_base_url="https://desk.example.ir", webhook_secret=SECRET
    )
    app = build_app(desk.dp, desk.bots, settings)
    server = TestServer(app)
    await server.start_server(**RUNNER_OPTIONS)  # as `serve_webhooks` runs it
    async with TestClient(server) as test_client:
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


async def test_the_access_log_names_the_platform_and_never_the_secret_path(
    desk: Desk,
    client: TestClient[Any, Any],
    sara: Person,
    reza: Person,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    await client.post(bale_path(), json=start_update(reza, 60))
    await client.post(
        "/webhook/telegram",
        json=start_update(sara, 61),
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    )
    await client.post(bale_path() + "x", json=start_update(reza, 62))

    access = [r.getMessage() for r in caplog.records if r.name == "aiohttp.access"]
    assert [line.split(" in ")[0] for line in access] == [
        "POST to the bale webhook: 200",
        "POST to the telegram webhook: 200",
        "POST to no webhook's path: 404",
    ]
    digest = bale_path().rsplit("/", 1)[1]
    assert digest not in caplog.text and "/webhook/bale" not in caplog.text
    assert SECRET not in caplog.text
    assert all(token.split(":")[1] not in caplog.text for token in TOKENS.values())
    assert len(desk.to(reza)) == 1 and len(desk.to(sara)) == 1


NOT_UPDATES = [
    b"{not json",
    b"\xff\xfe\x00",
    b"",
    b"[]",
    b'"an update"',
    b"{}",
    b'{"update_id": "first"}',
    b'{"update_id": 70, "message": {"text": "no chat, no date"}}',
    b'{"update_id": 71, "callback_query": []}',
]


@pytest.mark.parametrize("body", NOT_UPDATES)
async def test_a_body_that_is_not_an_update_is_refused_with_400_and_no_traceback(
    desk: Desk, client: TestClient[Any, Any], body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    telegram = await client.post(
        "/webhook/telegram",
        data=body,
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"},
    )
    bale = await client.post(bale_path(), data=body, headers={"Content-Type": "application/json"})

    assert (telegram.status, bale.status) == (400, 400)
    assert "Traceback" not in caplog.text
    refusals = [r for r in caplog.records if "was not an update" in r.getMessage()]
    assert [r.getMessage() for r in refusals] == [
        "a request to the telegram webhook was not an update: refused",
        "a request to the bale webhook was not an update: refused",
    ]
    assert all(r.exc_info is None for r in caplog.records)
    assert desk.api[Platform.TELEGRAM].sent() == [] and desk.api[Platform.BALE].sent() == []
    async with desk.repo() as repo:
        claims = await repo.session.scalar(select(func.count()).select_from(ProcessedUpdate))
    assert claims == 0


async def test_an_update_of_a_kind_the_desk_does_not_know_is_acknowledged_and_dropped(
    desk: Desk, client: TestClient[Any, Any], caplog: pytest.LogCaptureFixture
) -> None:
    response = await client.post(
        "/webhook/telegram",
        json={"update_id": 80, "a_kind_from_a_later_bot_api": {"id": 1}},
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    )

    assert response.status == 200
    assert "Traceback" not in caplog.text
    assert desk.api[Platform.TELEGRAM].sent() == []
