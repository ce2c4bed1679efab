"""No personal datum lies in clear at rest (issue 10 §3): after a whole story on the desk, the
database file (and the server's tables and conversation state, when they are there) holds no
phone number in any way of writing it, no national ID, and none of the words that crossed a
case's thread, although everyone saw what they should."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from aiogram.fsm.storage.base import DefaultKeyBuilder
from aiogram.fsm.storage.redis import RedisStorage
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from models import Base, crypto
from models.migrate import downgrade, upgrade
from models.tables import AuditEntry, Case, CaseMessage, Draft, OutboxMessage
from services.formatting import format_code
from services.normalize import to_persian_digits
from services.personal_data import description_index, is_national_id, keyed, redacted, reindex
from services.platforms import Platform
from tests.conftest import TEST_KEYS
from tests.desk import Desk, Person
from tests.forms import answer_between, answer_until, file_usual_complaint
from tests.staff import STAFF_CHAT, admin, clerk, group_texts, press_on_group, say_in_group
from tests.test_reports import shown

PHONE = "+989124637281"
NATIONAL_ID = "4273180650"
# The national ID as the citizen types it in the description: Persian digits, with dashes.
TYPED_ID = "۴۲۷-۳۱۸۰۶۵-۰"
DESCRIPTION = f"فروشنده کارت ملی مرا با شماره {TYPED_ID} گرفت و کالا را نفرستاد."
CLERK_SAYS = "لطفاً تصویر رسید پرداخت و قرارداد امضاشده را برای ما بفرستید."
CITIZEN_SAYS = "رسید را فردا می‌فرستم؛ شماره دومم ۰۹۱۲ ۴۶۳ ۷۲۸۱ است."
# Every way a person writes the number, as typed to /find.
PHONE_AS_TYPED = [
    "+989124637281",
    "+98 912 463 7281",
    "00989124637281",
    "989124637281",
    "09124637281",
    "0912-463-7281",
    "9124637281",
    "۰۹۱۲۴۶۳۷۲۸۱",
    "۰۹۱۲ ۴۶۳ ۷۲۸۱",
    "+۹۸۹۱۲۴۶۳۷۲۸۱",
    "۹۱۲۴۶۳۷۲۸۱",
    "٠٩١٢٤٦٣٧٢٨١",  # Arabic-Indic digits
]


def forbidden() -> list[str]:
    """What must not be found at rest: the number and the national ID in every writing, in
    Latin, Persian and Arabic-Indic digits, raw or JSON-escaped; the words of the thread and
    the description."""
    latin = ["+989124637281", "989124637281", "09124637281", "9124637281"]
    latin += ["0912 463 7281", "0912-463-7281", "912 463 7281"]
    latin += [NATIONAL_ID, "427-318065-0"]
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    written = latin + [to_persian_digits(form) for form in latin]
    written += [form.translate(arabic) for form in latin]
    words = [DESCRIPTION, CLERK_SAYS, CITIZEN_SAYS, TYPED_ID]
    every = written + words
    return every + [json.dumps(form)[1:-1] for form in every if not form.isascii()]


def found_in(data: bytes) -> list[str]:
    return [form for form in forbidden() if form.encode() in data]


async def held_by_postgresql(desk: Desk) -> bytes:
    """Every row of every table, cast to text."""
    rows: list[str] = []
    async with desk.repo() as repo:
        for table in Base.metadata.sorted_tables:
            query = text(f'SELECT CAST(t AS text) FROM "{table.name}" AS t')
            rows += [str(row) for row in await repo.session.scalars(query)]
    return "\n".join(rows).encode()


async def held_by_redis(desk: Desk) -> bytes:
    """The conversation state the desk keeps in Redis."""
    storage = desk.storage
    assert isinstance(storage, RedisStorage)
    assert isinstance(storage.key_builder, DefaultKeyBuilder)
    held = b""
    async for key in storage.redis.scan_iter(match=f"{storage.key_builder.prefix}:*"):
        value = await storage.redis.get(key)
        held += value if isinstance(value, bytes) else str(value).encode()
    return held


def held_by_sqlite(database: Path) -> bytes:
    """The database file, and its write-ahead log: the newest pages are there until they are
    copied into the file."""
    wal = database.with_name(database.name + "-wal")
    return b"".join(path.read_bytes() for path in (database, wal) if path.exists())


async def held_at_rest(desk: Desk, database_url: str) -> bytes:
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        held = await held_by_postgresql(desk)
    else:
        held = held_by_sqlite(Path(url.database or ""))
    if isinstance(desk.storage, RedisStorage):
        held += await held_by_redis(desk)
    return held


async def file_naming_her_national_id(
    desk: Desk, sara: Person, description: str = DESCRIPTION
) -> None:
    """The complaint form, the description naming her national ID, her number verified by
    sharing her contact."""
    await answer_until(desk, sara, "description")
    await desk.say(sara, description)
    await answer_between(desk, sara, "order_number", "contact")
    await desk.share_contact(sara, "+98 912 463 7281", owner_id=sara.id)
    await desk.press_button(sara, "تأیید و ثبت نهایی")


async def the_whole_story(desk: Desk, sara: Person) -> Case:
    """Sara verifies her number by sharing her contact and files a complaint whose description
    names her national ID; a clerk takes it and writes to her through its thread, she answers;
    an admin looks her up by her number, written every way, and by her national ID; she starts
    another complaint and leaves it at its description; the outbox goes out."""
    ali = clerk()
    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, ali.id)] = "member"
    await file_naming_her_national_id(desk, sara)
    await desk.drain()
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
    assert case is not None and case.staff_message_id is not None

    await press_on_group(desk, ali, "پذیرفتن")
    await say_in_group(desk, ali, CLERK_SAYS, reply_to=case.staff_message_id)
    await desk.drain()
    await desk.say(sara, CITIZEN_SAYS)
    await desk.drain()

    for written in [*PHONE_AS_TYPED, NATIONAL_ID, TYPED_ID, format_code(case.code, "fa")]:
        await desk.say(admin(), f"/find {written}")
        assert "۱ پرونده پیدا شد" in shown(desk.last_text(admin())), written

    await answer_until(desk, sara, "description")
    await desk.say(sara, DESCRIPTION)
    await desk.drain()
    return case


async def test_after_a_whole_story_nothing_personal_lies_in_clear(
    desk: Desk, sara: Person, database_url: str
) -> None:
    await the_whole_story(desk, sara)

    # Everyone saw what they should: the clerk's words reached Sara, hers the thread.
    assert any(CLERK_SAYS in request.text for request in desk.to(sara))
    assert any(CITIZEN_SAYS in shown(sent) for sent in group_texts(desk))
    assert any(TYPED_ID in shown(sent) for sent in group_texts(desk))  # on the card, as typed
    assert found_in(await held_at_rest(desk, database_url)) == []
    async with desk.repo() as repo:  # and the scan sees a number wherever it would lie
        await repo.session.execute(text("UPDATE users SET last_name = '0912 463 7281'"))
        await repo.commit()
    assert "0912 463 7281" in found_in(await held_at_rest(desk, database_url))


async def test_what_is_kept_is_read_back_through_the_desk(desk: Desk, sara: Person) -> None:
    case = await the_whole_story(desk, sara)

    async with desk.repo() as repo:
        kept = await repo.cases.by_id(case.id)
        messages = list(await repo.session.scalars(select(CaseMessage.text)))
        draft = await repo.session.scalar(select(Draft))
        payloads = list(await repo.session.scalars(select(OutboxMessage.payload)))
        searches = list(
            await repo.session.scalars(
                select(AuditEntry.detail)
                .where(AuditEntry.action == "find")
                .order_by(AuditEntry.id)
            )
        )
    assert kept is not None and kept.description == DESCRIPTION
    assert kept.contact_phone == PHONE
    assert messages == [CLERK_SAYS, CITIZEN_SAYS]
    assert draft is not None and draft.data["description"] == DESCRIPTION
    assert payloads and all(payload == {} for payload in payloads)  # every one was sent
    # One number, written twelve ways, is one digest; the national ID another.
    assert searches[: len(PHONE_AS_TYPED)] == [keyed("phone", PHONE)] * len(PHONE_AS_TYPED)
    after_phones = searches[len(PHONE_AS_TYPED) :]
    assert after_phones[:2] == [keyed("national_id", NATIONAL_ID)] * 2
    assert after_phones[2:] == [format_code(case.code, "fa")]  # the desk's own code, as typed


async def test_a_message_waiting_in_the_outbox_is_encrypted(desk: Desk, sara: Person) -> None:
    await file_naming_her_national_id(desk, sara)

    async with desk.repo() as repo:
        stored = list(await repo.session.scalars(text("SELECT payload FROM outbox")))
        card = await repo.session.scalar(
            select(OutboxMessage.payload).where(OutboxMessage.purpose == "staff_card")
        )
    assert stored and all(value.startswith("enc1:") for value in stored)
    assert card is not None and TYPED_ID in card["text"]  # the sender still reads it whole


async def test_a_national_id_that_reads_as_a_tracking_code_is_found_and_kept_keyed(
    desk: Desk, sara: Person
) -> None:
    national_id = "1273180194"  # a complaint's kind digit, and Damm's check digit too
    await file_naming_her_national_id(desk, sara, f"کارت ملی {national_id} را گرو گرفتند.")

    await desk.say(admin(), f"/find {national_id}")

    assert "۱ پرونده پیدا شد" in shown(desk.last_text(admin()))
    async with desk.repo() as repo:
        detail = await repo.session.scalar(
            select(AuditEntry.detail).where(AuditEntry.action == "find")
        )
    assert detail == keyed("national_id", national_id)


def test_a_national_id_is_known_by_its_check_digit_in_any_digits() -> None:
    assert is_national_id(NATIONAL_ID)
    assert is_national_id(TYPED_ID)
    assert is_national_id("٤٢٧٣١٨٠٦٥٠")
    assert is_national_id("427 318065 0")
    assert not is_national_id("4273180651")  # a wrong check digit
    assert not is_national_id("1111111111")  # ten equal digits are no one's
    assert not is_national_id("427318065")


def test_a_search_is_audited_with_its_numbers_keyed_and_its_words_as_typed() -> None:
    query = f"فروشگاه نمونه {TYPED_ID} ORD-98765"

    assert redacted(query) == f"فروشگاه نمونه {keyed('national_id', NATIONAL_ID)} ORD-98765"
    assert redacted("0912 463 7281") == redacted("+۹۸۹۱۲۴۶۳۷۲۸۱") == keyed("phone", PHONE)
    assert NATIONAL_ID not in keyed("national_id", NATIONAL_ID)


@pytest.fixture
def keys_restored() -> Iterator[None]:
    yield
    crypto.configure(TEST_KEYS)


async def test_a_description_is_found_by_its_words_across_a_key_rotation(
    desk: Desk, sara: Person, keys_restored: None
) -> None:
    await file_usual_complaint(desk, sara)
    new = crypto.new_key()

    crypto.configure([new, *TEST_KEYS])
    await desk.say(admin(), "/find ارسال نشده")
    assert "۱ پرونده پیدا شد" in shown(desk.last_text(admin()))  # indexed under the old key

    async with desk.repo() as repo:
        await crypto.reencrypt(repo.session)
        assert await reindex(repo) == 1
    crypto.configure([new])  # the old key can go now
    await desk.say(admin(), "/find ارسال نشده")
    assert "۱ پرونده پیدا شد" in shown(desk.last_text(admin()))


# --- what was stored before -------------------------------------------------------------------

_BEFORE = [
    "INSERT INTO users (id, platform, platform_user_id, first_name, is_banned, ban_notified,"
    " created_at, updated_at) VALUES (1, 'telegram', 5001, 'Sara', 0, 0, :at, :at)",
    "INSERT INTO cases (id, code, kind, queue, status, subject, business_name, business_key,"
    " description, citizen_id, contact_name, platform, locale, received_at, clock_started_at,"
    " status_changed_at, closed_by_withdrawal, objection_used, created_at, updated_at) VALUES"
    " (1, '1000000013', 'complaint', 'complaints', 'in_progress', 'guild_law', 'فروشگاه',"
    " 'فروشگاه', :description, 1, 'Sara', 'telegram', 'fa', :at, :at, :at, 0, 0, :at, :at)",
    "INSERT INTO case_events (case_id, at, actor_role, action, note)"
    " VALUES (1, :at, 'citizen', 'wrote', :words)",
    "INSERT INTO case_messages (case_id, kind, text, at) VALUES (1, 'message', :words, :at)",
    "INSERT INTO drafts (user_id, form, step, data, updated_at)"
    " VALUES (1, 'complaint', 'ComplaintForm:order_number', :draft, :at)",
    "INSERT INTO outbox (platform, chat_id, method, payload, status, attempts, available_at,"
    " created_at) VALUES ('telegram', -1001000, 'text', :card, 'sent', 1, :at, :at)",
    "INSERT INTO outbox (platform, chat_id, method, payload, status, attempts, available_at,"
    " created_at) VALUES ('telegram', -1001000, 'text', :card, 'pending', 0, :at, :at)",
    "INSERT INTO audit_log (at, action, detail) VALUES (:at, 'find', '0912 463 7281')",
]


def test_the_migration_encrypts_what_was_stored_in_clear(tmp_path: Path) -> None:
    database = tmp_path / "before.sqlite3"
    url = f"sqlite+aiosqlite:///{database}"
    upgrade(url, "0011")
    card = json.dumps({"text": f"کارت پرونده {PHONE} {DESCRIPTION}"}, ensure_ascii=False)
    values = {
        "at": "2026-11-22 10:00:00",
        "description": DESCRIPTION,
        "words": CITIZEN_SAYS,
        "draft": json.dumps({"description": DESCRIPTION}, ensure_ascii=False),
        "card": card,
    }
    with closing(sqlite3.connect(database)) as connection, connection:
        for statement in _BEFORE:
            connection.execute(statement, values)
    assert found_in(held_by_sqlite(database)) != []

    upgrade(url)

    with closing(sqlite3.connect(database)) as connection, connection:
        ring = crypto.keyring()
        description, index = connection.execute(
            "SELECT description, description_index FROM cases"
        ).fetchone()
        payloads = [row[0] for row in connection.execute("SELECT payload FROM outbox ORDER BY id")]
        audited = connection.execute("SELECT detail FROM audit_log").fetchone()[0]
    assert ring.decrypt(description) == DESCRIPTION
    assert index == description_index(DESCRIPTION)
    assert [json.loads(ring.decrypt(payload)) for payload in payloads] == [{}, json.loads(card)]
    assert audited == keyed("phone", PHONE)
    assert found_in(held_by_sqlite(database)) == []

    downgrade(url, "0011")

    with closing(sqlite3.connect(database)) as connection, connection:
        assert connection.execute("SELECT description FROM cases").fetchone()[0] == DESCRIPTION
        assert connection.execute("SELECT text FROM case_messages").fetchone()[0] == CITIZEN_SAYS
