"""A worker killed with SIGKILL in the middle of a form and in the middle of a drain, on
PostgreSQL and Redis: nothing is lost, and the form goes on where it was."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from models.database import make_engine, make_sessionmaker
from models.migrate import upgrade
from models.repos import Repo
from models.tables import Case, OutboxMessage
from services.outbox import Outgoing, enqueue
from services.platforms import Platform
from tests.conftest import TEST_DATABASE_URL, TEST_KEYS, TEST_REDIS_URL
from tests.processes import (
    Worker,
    command_update,
    free_port,
    until_listening,
    until_polling,
)
from tests.standin import Bot, Citizen, StandIn

pytestmark = pytest.mark.skipif(
    not (TEST_DATABASE_URL and TEST_REDIS_URL),
    reason="the kill tests run the real process on PostgreSQL and Redis: "
    "set TEST_DATABASE_URL and TEST_REDIS_URL",
)

ROOT = Path(__file__).resolve().parent.parent
TG = "700001:TEST-telegram-token-aaaaaaaaaaaaaaaaaaaa"
STAFF_CHAT = -1009000


@pytest.fixture
async def server() -> AsyncIterator[StandIn]:
    stand_in = StandIn([Bot(TG, "telegram", 700001)])
    await stand_in.start()
    yield stand_in
    await stand_in.stop()


# Named after the test database, so that runs against different test databases never meet.
CRASH_DATABASE = f"{make_url(TEST_DATABASE_URL or 'postgresql://-/pishkhan').database}_crash"


async def _on_server(statement: str) -> None:
    engine = make_engine(str(TEST_DATABASE_URL))
    async with engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text(statement))
    await engine.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A database of its own: the workers here run outside the tests' control of the shared one."""
    asyncio.run(_on_server(f"DROP DATABASE IF EXISTS {CRASH_DATABASE} WITH (FORCE)"))
    asyncio.run(_on_server(f"CREATE DATABASE {CRASH_DATABASE}"))
    url = make_url(str(TEST_DATABASE_URL)).set(database=CRASH_DATABASE)
    rendered = url.render_as_string(hide_password=False)
    upgrade(rendered)
    try:
        yield rendered
    finally:
        if not os.environ.get("KEEP_CRASH_DB"):
            asyncio.run(_on_server(f"DROP DATABASE IF EXISTS {CRASH_DATABASE} WITH (FORCE)"))


@pytest.fixture
def env(server: StandIn, postgres_url: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TG,
        "TELEGRAM_API_BASE": server.url,
        "DATABASE_URL": postgres_url,
        "REDIS_URL": str(TEST_REDIS_URL),
        "DATA_KEYS": TEST_KEYS[0],
        "COMPLAINTS_STAFF_CHAT": f"telegram:{STAFF_CHAT}",
        "OUTBOX_POLL_SECONDS": "0.1",
        "OUTBOX_LEASE_SECONDS": "2",
        "FLOOD_RATE": "1000",
    }


async def count_cases(url: str) -> int:
    engine = make_engine(url)
    async with make_sessionmaker(engine)() as session:
        total = await session.scalar(select(func.count(Case.id)))
    await engine.dispose()
    return int(total or 0)


async def test_a_worker_killed_mid_form_loses_nothing(
    server: StandIn, env: dict[str, str], tmp_path: Path, postgres_url: str
) -> None:
    first = Worker(env, tmp_path)
    second = Worker(env, tmp_path)
    await first.start()
    citizen = Citizen(server, TG, 5001, "Sara")
    try:
        await until_polling(server, TG)
        await citizen.say("/complaint")
        await citizen.say("فروشگاه نمونه")
        licence = await citizen.say("shop-nemooneh.ir")
        await first.kill()

        await second.start()
        await until_polling(server, TG)
        province = await citizen.press(licence, "رد شدن")  # the button from before the kill
        assert "مرحله ۴ از ۱۱" in province["text"] and "کدام استان" in province["text"]
        subject = await citizen.press(province, "رد شدن")
        await citizen.press(subject, "موضوع دیگر")
        order = await citizen.say("سفارش من پس از یک ماه هنوز نرسیده و پاسخی هم نمی‌دهند.")
        attachments = await citizen.press(order, "سفارشی در کار نیست")
        await citizen.press(attachments, "تمام شد")
        summary = await citizen.share_contact("+989121234567")
        assert "فروشگاه نمونه" in summary["text"] and "shop-nemooneh.ir" in summary["text"]
        await citizen.press(summary, "تأیید")
        await server.wait_for(
            TG, lambda m, p: m == "sendMessage" and "رسید" in p.get("text", ""), within=10
        )
    finally:
        await first.stop()
        await second.stop()
    assert await count_cases(postgres_url) == 1


async def test_a_polling_worker_killed_in_the_middle_of_an_update_leaves_it_to_the_next(
    server: StandIn, env: dict[str, str], tmp_path: Path
) -> None:
    """Polling has acknowledged the update (the next getUpdates did) while its answer was on
    the way: the platform will never send it again. The next worker handles it from the copy
    kept with the claim once the dead worker's lease runs out."""
    env |= {"CLAIM_LEASE_SECONDS": "2", "LOG_LEVEL": "INFO"}
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    first, second = (Worker(env, tmp_path, log=log) for log in logs)
    await first.start()
    try:
        await until_polling(server, TG)
        server.delay = 60  # the welcome is in flight when the worker dies
        server.push(TG, command_update(1, 7201))
        for _ in range(200):
            if not server.bots[TG].updates:  # acknowledged by the next getUpdates
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)
        await first.kill()
        server.delay = 0
        await second.start()
        await until_polling(server, TG)
        await server.wait_for(
            TG, lambda m, p: m == "sendMessage" and int(p["chat_id"]) == 7201, within=20
        )
    finally:
        await first.stop()
        await second.stop()
    assert "taken over" in logs[1].read_text()


async def test_a_worker_killed_mid_drain_sends_everything(
    server: StandIn, env: dict[str, str], tmp_path: Path, postgres_url: str
) -> None:
    engine = make_engine(postgres_url)
    async with make_sessionmaker(engine)() as session:
        repo = Repo(session)
        now = datetime.now(UTC)
        for index in range(60):
            enqueue(
                repo,
                Outgoing(
                    platform=Platform.TELEGRAM,
                    chat_id=9000 + index,
                    text=f"پیام {index}",
                    parse_mode=None,
                ),
                now=now,
                purpose="crash-test",
            )
        await repo.commit()
    server.delay = 0.05
    first = Worker(env, tmp_path)
    second = Worker(env, tmp_path)
    await first.start()
    try:
        await until_polling(server, TG)
        await server.wait_for(TG, lambda m, p: len(server.bots[TG].sent) >= 20, within=20)
        await first.kill()
        await second.start()
        await until_polling(server, TG)
        for index in range(60):
            await server.wait_for(
                TG,
                lambda m, p, i=index: m == "sendMessage" and p.get("text") == f"پیام {i}",
                within=20,
            )
    finally:
        await first.stop()
        await second.stop()
    sent = Counter(
        p["text"]
        for m, p in server.bots[TG].sent
        if m == "sendMessage" and p["text"].startswith("پیام")
    )
    assert set(sent) == {f"پیام {index}" for index in range(60)}
    # A message on the wire at the instant of the kill may go twice: Bot APIs have no
    # idempotency key. Everything else goes exactly once.
    assert sum(sent.values()) - 60 <= 1
    async with make_sessionmaker(engine)() as session:
        statuses = Counter(
            await session.scalars(
                select(OutboxMessage.status).where(OutboxMessage.purpose == "crash-test")
            )
        )
    await engine.dispose()
    assert statuses == {"sent": 60}


def _webhook_mode(env: dict[str, str], **more: str) -> tuple[int, str, dict[str, str]]:
    """Workers in webhook mode on a free port: the port, the Telegram URL, its headers."""
    port = free_port()
    secret = "webhook-secret-for-the-test"
    env |= {
        "MODE": "webhook",
        "WEBHOOK_BASE_URL": f"http://127.0.0.1:{port}",
        "WEBHOOK_HOST": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "WEBHOOK_SECRET": secret,
        "LOG_LEVEL": "INFO",
        **more,
    }
    url = f"http://127.0.0.1:{port}/webhook/telegram"
    return port, url, {"X-Telegram-Bot-Api-Secret-Token": secret}


async def test_two_webhook_workers_share_the_load_and_handle_each_update_once(
    server: StandIn, env: dict[str, str], tmp_path: Path
) -> None:
    port, url, headers = _webhook_mode(env)
    workers = [Worker(env, tmp_path, log=tmp_path / f"worker{n}.log") for n in (1, 2)]
    for worker in workers:
        await worker.start()
    try:
        await until_listening(port, [tmp_path / f"worker{n}.log" for n in (1, 2)])
        updates = [command_update(update_id, 7000 + update_id) for update_id in range(1, 41)]
        duplicates = updates[:10]
        connector = aiohttp.TCPConnector(force_close=True)
        async with aiohttp.ClientSession(connector=connector) as client:

            async def post(update: dict[str, Any]) -> int:
                async with client.post(url, json=update, headers=headers) as response:
                    return response.status

            statuses = await asyncio.gather(*(post(u) for u in updates + duplicates))
        assert set(statuses) == {200}
        for user_id in range(7001, 7041):
            await server.wait_for(
                TG,
                lambda m, p, u=user_id: m == "sendMessage" and int(p["chat_id"]) == u,
                within=15,
            )
        await asyncio.sleep(1)  # time for a double handling to show, if there were one
    finally:
        for worker in workers:
            await worker.stop()
    welcomes = Counter(
        int(p["chat_id"]) for m, p in server.bots[TG].sent if m == "sendMessage" and p["chat_id"]
    )
    assert {chat: n for chat, n in welcomes.items() if chat > 0} == {
        user_id: 1 for user_id in range(7001, 7041)
    }
    digests = [p for m, p in server.bots[TG].sent if m == "sendMessage" and int(p["chat_id"]) < 0]
    assert len(digests) <= 1  # both workers tried the daily digest; one sent it
    handled = [(tmp_path / f"worker{n}.log").read_text().count("is handled") for n in (1, 2)]
    assert all(count > 0 for count in handled), handled


async def test_two_webhook_workers_answer_new_people_at_once_once_each_without_an_error(
    server: StandIn, env: dict[str, str], tmp_path: Path
) -> None:
    """Twenty people the desk has never seen send /start and /mycases; each of the 40 updates
    is posted to both workers at once (a platform's retry may land on the other one), so the
    two meet on the same new person again and again."""
    workers, targets, logs = [], [], []
    for n in (1, 2):
        own = dict(env)
        port, url, headers = _webhook_mode(own)
        logs.append(tmp_path / f"worker{n}.log")
        workers.append(Worker(own, tmp_path, log=logs[-1]))
        targets.append((port, url, headers))
    for worker in workers:
        await worker.start()
    people = range(7501, 7521)
    updates = [
        command_update(2 * index + offset, user_id, command)
        for index, user_id in enumerate(people)
        for offset, command in ((1, "/start"), (2, "/mycases"))
    ]
    try:
        for (port, _, _), log in zip(targets, logs, strict=True):
            await until_listening(port, [log])
        async with aiohttp.ClientSession() as client:

            async def post(update: dict[str, Any], url: str, headers: dict[str, str]) -> int:
                async with client.post(url, json=update, headers=headers) as response:
                    return response.status

            statuses = await asyncio.gather(
                *(post(update, url, headers) for update in updates for _, url, headers in targets)
            )
        await asyncio.sleep(1)  # time for a second answer to show, if there were one
    finally:
        for worker in workers:
            await worker.stop()
    assert statuses == [200] * 80
    answered = Counter(int(p["chat_id"]) for m, p in server.bots[TG].sent if m == "sendMessage")
    assert {chat: n for chat, n in answered.items() if chat > 0} == dict.fromkeys(people, 2)
    welcomes = Counter(
        int(p["chat_id"])
        for m, p in server.bots[TG].sent
        if m == "sendMessage" and "خوش آمدید" in p["text"]
    )
    assert welcomes == dict.fromkeys(people, 1)
    for log in logs:
        text = log.read_text()
        assert "Traceback" not in text and "uq_users" not in text
        assert "ERROR" not in text


async def test_a_worker_killed_in_the_middle_of_an_update_leaves_it_to_the_next(
    server: StandIn, env: dict[str, str], tmp_path: Path
) -> None:
    """Killed while its answer is on the way, a webhook worker never says 200: the platform
    sends the update again, and the next worker handles it once the dead one's claim lapses."""
    port, url, headers = _webhook_mode(env, CLAIM_LEASE_SECONDS="2")
    update = command_update(1, 7101)
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    first, second = (Worker(env, tmp_path, log=log) for log in logs)
    await first.start()
    try:
        await until_listening(port, logs[:1])
        server.delay = 60  # the welcome is in flight when the worker dies
        async with aiohttp.ClientSession() as client:
            delivery = asyncio.create_task(client.post(url, json=update, headers=headers))
            await asyncio.sleep(1.5)
            await first.kill()
            with contextlib.suppress(aiohttp.ClientError):
                await delivery
        server.delay = 0
        await second.start()
        await until_listening(port, logs[1:])
        async with (
            aiohttp.ClientSession() as client,
            client.post(url, json=update, headers=headers) as retried,
        ):
            assert retried.status == 200
        await server.wait_for(
            TG, lambda m, p: m == "sendMessage" and int(p["chat_id"]) == 7101, within=10
        )
    finally:
        await first.stop()
        await second.stop()
    assert "taken over" in logs[1].read_text()
