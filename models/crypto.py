"""Personal data encrypted at rest: identifiers (phone numbers), still findable by equality,
and the words people write (case descriptions, relayed messages, drafts, outgoing messages).

AES-SIV is deterministic: the same number under the same key gives the same ciphertext, so
`WHERE phone = :phone` keeps working on the encrypted column. Each value carries the id of its
key; the first key encrypts, every key decrypts, and `python -m bot rotate-keys` re-encrypts
the rows written under older keys. Where a value must be matched but never read back (a
search's audit line, the words of a description), a keyed digest stands for it: HMAC under a
key derived from the data key, so it cannot be recomputed without that key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from sqlalchemy import String, Text, text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeDecorator

logger = logging.getLogger(__name__)

PREFIX = "enc1"


@dataclass(frozen=True)
class Key:
    id: str
    cipher: AESSIV
    digest_key: bytes

    def digest(self, value: str, size: int = 12) -> str:
        """A keyed digest of `value`: equal values give equal digests under one key."""
        mac = hmac.new(self.digest_key, value.encode(), hashlib.sha256).digest()
        return base64.b32encode(mac).decode().lower()[:size]


def _key(material: str) -> Key:
    raw = base64.urlsafe_b64decode(material.strip().encode())
    if len(raw) != 64:
        raise ValueError("each DATA_KEYS entry is 64 random bytes in URL-safe base64")
    # A key of its own for digests: a digest never gives away anything of the cipher's key.
    digest_key = hashlib.sha256(b"pishkhan digest\0" + raw).digest()
    return Key(hashlib.sha256(raw).hexdigest()[:8], AESSIV(raw), digest_key)


class Keyring:
    """The keys in use: the first encrypts, all decrypt."""

    def __init__(self, materials: Sequence[str]) -> None:
        if not materials:
            raise ValueError("at least one key is needed")
        self.keys = [_key(material) for material in materials]
        self.by_id = {key.id: key for key in self.keys}

    @property
    def current(self) -> Key:
        return self.keys[0]

    def encrypt(self, value: str) -> str:
        data = self.current.cipher.encrypt(value.encode(), None)
        token = base64.urlsafe_b64encode(data).decode().rstrip("=")
        return f"{PREFIX}:{self.current.id}:{token}"

    def decrypt(self, stored: str) -> str:
        if not stored.startswith(f"{PREFIX}:"):
            return stored  # written before encryption was switched on
        _, key_id, token = stored.split(":", 2)
        key = self.by_id.get(key_id)
        if key is None:
            raise ValueError(f"no key {key_id} among DATA_KEYS: a key was removed too early")
        padded = token + "=" * (-len(token) % 4)
        return key.cipher.decrypt(base64.urlsafe_b64decode(padded), None).decode()

    def is_current(self, stored: str) -> bool:
        return stored.startswith(f"{PREFIX}:{self.current.id}:")


def new_key() -> str:
    """A fresh key, for DATA_KEYS."""
    return base64.urlsafe_b64encode(secrets.token_bytes(64)).decode()


_keyring: Keyring | None = None


def configure(materials: Sequence[str], key_file: Path | None = None) -> Keyring:
    """Use these keys; with none, a key kept in `key_file` (made on first use) serves the
    embedded default, and production sets DATA_KEYS."""
    global _keyring
    keys = [material for material in materials if material.strip()]
    if not keys:
        if key_file is None:
            raise ValueError("DATA_KEYS is empty and no key file was given")
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_text(new_key())
            key_file.chmod(0o600)
            logger.warning("no DATA_KEYS set: a key was made in the data folder")
        keys = [key_file.read_text().strip()]
    _keyring = Keyring(keys)
    return _keyring


DEFAULT_KEY_FILE = Path("data") / "secret.key"


def keyring() -> Keyring:
    """The keys in use; unless configured, from DATA_KEYS or the default key file."""
    if _keyring is None:
        return configure(os.environ.get("DATA_KEYS", "").split(","), DEFAULT_KEY_FILE)
    return _keyring


ENCRYPTED_COLUMNS = (
    ("users", "id", "phone"),
    ("cases", "id", "contact_phone"),
    ("certificate_requests", "id", "applicant_phone"),
    ("licences", "id", "holder_phone"),
    ("cases", "id", "description"),
    ("case_events", "id", "note"),
    ("case_messages", "id", "text"),
    ("ratings", "id", "comment"),
    ("drafts", "id", "data"),
    ("outbox", "id", "payload"),
)


async def reencrypt(session: AsyncSession, batch: int = 1000) -> int:
    """Bring every encrypted value under the current key (plaintext rows from before
    encryption, or rows under an older key); returns how many rows changed."""
    ring = keyring()
    changed = 0
    for table, key, column in ENCRYPTED_COLUMNS:
        last = 0
        while True:
            rows = (
                await session.execute(
                    text(
                        f"SELECT {key}, {column} FROM {table} "
                        f"WHERE {column} IS NOT NULL AND {key} > :last ORDER BY {key} LIMIT :n"
                    ),
                    {"last": last, "n": batch},
                )
            ).all()
            if not rows:
                break
            for row_id, stored in rows:
                last = row_id
                if ring.is_current(stored):
                    continue
                await session.execute(
                    text(f"UPDATE {table} SET {column} = :value WHERE {key} = :id"),
                    {"value": ring.encrypt(ring.decrypt(stored)), "id": row_id},
                )
                changed += 1
            await session.commit()
    return changed


class EncryptedString(TypeDecorator[str]):
    """A string column stored encrypted; equal plaintexts give equal stored values."""

    impl = String(160)
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else keyring().encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else keyring().decrypt(value)


class EncryptedText(EncryptedString):
    """An encrypted column of any length."""

    impl = Text()
    cache_ok = True


def sealed_json(value: Any) -> str:
    """A JSON value, encrypted: in an EncryptedJSON column, or conversation state in Redis."""
    return keyring().encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def opened_json(stored: str) -> Any:
    """A value `sealed_json` wrote; one written before encryption is read as the JSON it is."""
    return json.loads(keyring().decrypt(stored))


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value stored encrypted, as text."""

    impl = Text()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else sealed_json(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return None if value is None else opened_json(value)
