"""A case's conversation in the staff chats: which chat message (or forum topic) is whose."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.tables import Case, ThreadMessage
from models.upsert import add_new


class ThreadRepo:
    """A case's messages in staff chats."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, message: ThreadMessage) -> None:
        """A message joins its case's thread; one already in a thread stays where it is."""
        key = (ThreadMessage.platform, ThreadMessage.chat_id, ThreadMessage.message_id)
        await add_new(self.session, message, key)

    async def case_of(self, platform: str, chat_id: int, message_id: int) -> Case | None:
        """The case a staff-chat message (or a forum topic, by its id) belongs to."""
        return await self.session.scalar(
            select(Case)
            .join(ThreadMessage, ThreadMessage.case_id == Case.id)
            .where(
                ThreadMessage.platform == platform,
                ThreadMessage.chat_id == chat_id,
                ThreadMessage.message_id == message_id,
            )
        )
