"""Phone numbers are encrypted at rest, still found by equality, and keys can be rotated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from models import crypto
from models.tables import Case, User
from tests.conftest import TEST_KEYS
from tests.desk import Desk, Person
from tests.test_complaint_flow import file_complaint

PHONE = "+989123456789"


@pytest.fixture
def keys_restored() -> Iterator[None]:
    yield
    crypto.configure(TEST_KEYS)


async def raw(desk: Desk, sql: str) -> list[str]:
    async with desk.repo() as repo:
        return [str(value) for value in (await repo.session.scalars(text(sql)))]


async def test_no_phone_number_is_stored_in_the_clear(desk: Desk, sara: Person) -> None:
    await file_complaint(desk, sara)

    stored = await raw(desk, "SELECT phone FROM users") + await raw(
        desk, "SELECT contact_phone FROM cases"
    )
    assert stored and all(value.startswith("enc1:") for value in stored)
    assert not any("9123456789" in value for value in stored)
    async with desk.repo() as repo:
        user = await repo.session.scalar(select(User))
        assert user is not None and user.phone == PHONE
        found = await repo.session.scalar(select(Case).where(Case.contact_phone == PHONE))
        assert found is not None


async def test_accounts_still_link_by_their_encrypted_phone(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await file_complaint(desk, sara)
    await desk.say(reza, "/start")
    async with desk.repo() as repo:
        bale = await repo.users.by_platform_id("bale", reza.id)
        assert bale is not None
        bale.phone, bale.phone_verified_at = PHONE, desk.clock.now()
        await repo.commit()

    await desk.say(reza, "/mycases")

    assert "فروشگاه ديجي‌كالا" in desk.last_text(reza)


async def test_rotation_moves_every_value_to_the_new_key(
    desk: Desk, sara: Person, keys_restored: None
) -> None:
    await file_complaint(desk, sara)
    new = crypto.new_key()
    ring = crypto.configure([new, *TEST_KEYS])

    async with desk.repo() as repo:
        changed = await crypto.reencrypt(repo.session)

    # The user's phone, the case's contact phone and description, the six messages waiting
    # (the receipt's printed copy among them).
    assert changed == 9
    stored = await raw(desk, "SELECT phone FROM users")
    assert ring.is_current(stored[0])
    crypto.configure([new])  # the old key can go now
    async with desk.repo() as repo:
        user = await repo.session.scalar(select(User).where(User.phone == PHONE))
        assert user is not None


async def test_values_from_before_encryption_are_encrypted_by_migrate(
    desk: Desk, sara: Person
) -> None:
    await desk.say(sara, "/start")
    async with desk.repo() as repo:
        await repo.session.execute(text(f"UPDATE users SET phone = '{PHONE}'"))
        await repo.commit()
        assert await crypto.reencrypt(repo.session) == 1

    assert (await raw(desk, "SELECT phone FROM users"))[0].startswith("enc1:")


def test_a_malformed_key_is_refused() -> None:
    with pytest.raises(ValueError, match="64 random bytes"):
        crypto.Keyring(["c2hvcnQ="])
