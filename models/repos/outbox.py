"""The outbox: every message the desk sends, queued in the update's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.common import chunks, rowcount
from models.tables import OutboxMessage
from models.upsert import add_new


class OutboxRepo:
    """Messages waiting to be sent, and those sent."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, message: OutboxMessage) -> None:
        self.session.add(message)

    async def add_once(self, message: OutboxMessage) -> bool:
        """Queue a message unless one with its dedupe key was ever queued; whether it was."""
        return await add_new(self.session, message, (OutboxMessage.dedupe_key,)) is not None

    async def get(self, message_id: int) -> OutboxMessage | None:
        return await self.session.get(OutboxMessage, message_id)

    async def claim_due(self, now: datetime, lease_until: datetime, limit: int) -> list[int]:
        """Take due rows for this sender: leased rows are invisible to others until the lease ends.

        On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets any number of senders claim at once.
        """
        due = (
            select(OutboxMessage.id)
            .where(
                or_(OutboxMessage.status == "pending", OutboxMessage.status == "sending"),
                OutboxMessage.available_at <= now,
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        ids = list(await self.session.scalars(due))
        if ids:
            await self.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(ids))
                .values(status="sending", available_at=lease_until)
            )
        return ids

    async def queued_keys(self, dedupe_keys: Sequence[str]) -> set[str]:
        """Those of these dedupe keys that a message in the outbox already carries.

        One probe of the unique index per key, up to 500 keys a statement.
        """
        found: set[str] = set()
        for chunk in chunks(dedupe_keys):
            rows = await self.session.scalars(
                select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(chunk))
            )
            found.update(key for key in rows if key is not None)
        return found

    async def sent_about_a_case(
        self, platform: str, chat_id: int, message_id: int
    ) -> OutboxMessage | None:
        """The desk's delivered message, about a case, that a person is replying to."""
        return await self.session.scalar(
            select(OutboxMessage)
            .where(
                OutboxMessage.platform == platform,
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.sent_message_id == message_id,
                OutboxMessage.case_id.is_not(None),
            )
            .limit(1)
        )

    async def unsent(self, case_id: int, method: str, platform: str, chat_id: int) -> bool:
        """Whether a message of this kind for the case still waits to be sent to this chat."""
        found = await self.session.scalar(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.case_id == case_id,
                OutboxMessage.method == method,
                OutboxMessage.platform == platform,
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.status.in_(("pending", "sending")),
            )
            .limit(1)
        )
        return found is not None

    async def card_row(self, case_id: int) -> OutboxMessage | None:
        """The outbox row of the case's card in its staff chat."""
        return await self.session.scalar(
            select(OutboxMessage)
            .where(OutboxMessage.case_id == case_id, OutboxMessage.purpose == "staff_card")
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        )

    async def by_dedupe_key(self, key: str) -> OutboxMessage | None:
        """The row queued under a dedupe key, if one ever was."""
        return await self.session.scalar(
            select(OutboxMessage).where(OutboxMessage.dedupe_key == key)
        )

    async def cancel_unsent(self, dedupe_key: str) -> bool:
        """Take back the message queued under this key if it has not gone out, freeing the key
        for a later one; whether there was one to take back."""
        result = await self.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.dedupe_key == dedupe_key,
                OutboxMessage.status.in_(("pending", "sending")),
            )
            .values(status="cancelled", dedupe_key=None, payload={})
            .execution_options(synchronize_session=False)
        )
        return rowcount(result) > 0
