"""The outbox sender: drains the outbox through the platforms' bots under their rate limits."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import SendDocument, SendMessage, SendPhoto
from aiogram.types import (
    BufferedInputFile,
    ForumTopic,
    Message,
    MessageId,
    ReplyParameters,
)
from aiolimiter import AsyncLimiter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.kit.keyboards import from_stored
from handlers.kit.pieces import pieces
from handlers.kit.platforms import DeskBot
from models.repos import Repo
from models.tables import Case, OutboxMessage, ThreadMessage
from services import receipt_pdf, relay
from services.clock import Clock
from services.delivered import after_delivery
from services.desk import ChatRef
from services.outbox import (
    Delivered,
    Failure,
    Method,
    OutboxStatus,
    Unreachable,
    cannot_reach,
    dead_letter,
    failure_of,
    retry_delay,
    spent,
)
from services.platforms import Platform
from services.settings import Settings

logger = logging.getLogger(__name__)

_TOPIC_METHODS = frozenset({Method.TOPIC, Method.TOPIC_TITLE})
# What the platform says when a message is sent into a forum topic that is gone or closed.
_TOPIC_GONE = ("thread not found", "topic_deleted", "topic_closed")


def _topic_gone(case: Case, thread: int | None, error: TelegramAPIError) -> bool:
    """Whether a message failed because the case's own forum topic is deleted or closed."""
    if thread is None or thread != case.staff_thread_id:
        return False
    lowered = error.message.lower()
    return any(words in lowered for words in _TOPIC_GONE)


class Undeliverable(Exception):
    """A message that can never be sent as it is."""


class Limits:
    """Leaky buckets per bot, per private chat and per group, as the platforms ask."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.per_bot: dict[Platform, AsyncLimiter] = {}
        self.per_chat: dict[tuple[Platform, int], AsyncLimiter] = {}

    def _bot(self, platform: Platform) -> AsyncLimiter:
        if platform not in self.per_bot:
            self.per_bot[platform] = AsyncLimiter(self.settings.rate_per_bot_per_second, 1)
        return self.per_bot[platform]

    def _chat(self, platform: Platform, chat_id: int) -> AsyncLimiter:
        key = (platform, chat_id)
        if key not in self.per_chat:
            if chat_id < 0:
                limiter = AsyncLimiter(self.settings.rate_per_group_per_minute, 60)
            else:
                limiter = AsyncLimiter(self.settings.rate_per_chat_per_second, 1)
            self.per_chat[key] = limiter
        return self.per_chat[key]

    async def acquire(self, platform: Platform, chat_id: int) -> None:
        """Wait for the chat's room first without taking it, then the bot's, then the chat's:
        a slot taken early would let the send leave too soon after the chat's last one."""
        chat = self._chat(platform, chat_id)
        while not chat.has_capacity():  # noqa: ASYNC110 - the limiter offers no event to await
            await asyncio.sleep(chat.time_period / chat.max_rate / 4)
        await self._bot(platform).acquire()
        await chat.acquire()


class OutboxSender:
    """Sends what the outbox holds; each row is marked sent in its own transaction."""

    def __init__(
        self,
        bots: Mapping[Platform, DeskBot],
        sessionmaker: async_sessionmaker[AsyncSession],
        settings: Settings,
        clock: Clock,
    ) -> None:
        self.bots = bots
        self.sessionmaker = sessionmaker
        self.settings = settings
        self.clock = clock
        self.limits = Limits(settings)

    async def drain(self) -> int:
        """Send every due message once; return how many were sent."""
        sent = 0
        while True:
            ids = await self._claim()
            if not ids:
                return sent
            for message_id in ids:
                sent += await self._deliver(message_id)

    async def run(self, stop: asyncio.Event) -> None:
        """Drain until told to stop, polling the outbox between drains."""
        while not stop.is_set():
            try:
                await self.drain()
            except Exception:
                logger.exception("outbox drain failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.settings.outbox_poll_seconds)

    async def _claim(self) -> list[int]:
        now = self.clock.now()
        async with self.sessionmaker() as session:
            repo = Repo(session)
            lease = timedelta(seconds=self.settings.outbox_lease_seconds)
            ids = await repo.outbox.claim_due(now, now + lease, self.settings.outbox_batch_size)
            await repo.commit()
        return ids

    async def _deliver(self, message_id: int) -> int:
        async with self.sessionmaker() as session:
            repo = Repo(session)
            row = await repo.outbox.get(message_id)
            if row is None or row.status != OutboxStatus.SENDING:
                return 0
            platform = Platform(row.platform)
            bot = self.bots.get(platform)
            if bot is None:
                await self._fail(repo, row, "platform not running", final=True)
                return 0
            case = await repo.cases.by_id(row.case_id) if row.case_id is not None else None
            reply_to = await self._reply_target(repo, row)
            thread = await self._thread_target(repo, row, case)
            if reply_to is False or thread is False:
                # What it answers, or the topic it goes into, is not out yet: try again
                # shortly, keeping order.
                row.status = OutboxStatus.PENDING
                row.available_at = self.clock.now() + timedelta(seconds=1)
                await repo.commit()
                return 0
            try:
                sent = await self._send(repo, bot, row, case, reply_to or None, thread or None)
            except TelegramRetryAfter as error:
                row.status = OutboxStatus.PENDING
                row.available_at = self.clock.now() + timedelta(seconds=error.retry_after)
                row.last_error = "retry after"
                await repo.commit()
                return 0
            except (TelegramNetworkError, TelegramServerError) as error:
                logger.warning("outbox message %s not sent, will retry: %s", row.id, error)
                await self._fail(
                    repo, row, type(error).__name__, final=False, failure=Failure.NETWORK
                )
                return 0
            except Undeliverable as error:
                await self._fail(repo, row, str(error), final=True)
                return 0
            except TelegramAPIError as error:
                await self._refused(repo, row, case, thread or None, error)
                return 0
            row.status = OutboxStatus.SENT
            row.sent_at = self.clock.now()
            row.attempts += 1
            spent(row)
            if isinstance(sent, ForumTopic):
                made = Delivered(message_id=None, thread_id=sent.message_thread_id)
                await after_delivery(repo, row, case, made)
                await self._join_thread(repo, row, sent.message_thread_id)
            await repo.commit()
            return 1

    async def _refused(
        self,
        repo: Repo,
        row: OutboxMessage,
        case: Case | None,
        thread: int | None,
        error: TelegramAPIError,
    ) -> None:
        """The platform refused the message. A person who blocked the bot or whose account is
        gone is given up at once (a retry changes nothing); a deleted topic sends the message
        under the card; any other refusal of the request itself is final; anything else is
        tried again."""
        platform = Platform(row.platform)
        reason = cannot_reach(platform, row.chat_id, error.message)
        failure = failure_of(platform, row.chat_id, error.message)
        described = f"{type(error).__name__}: {error.message}"
        if reason is not None:
            await self._fail(repo, row, described, final=True, unreachable=reason, failure=failure)
        elif isinstance(error, TelegramForbiddenError | TelegramBadRequest):
            if case is not None and _topic_gone(case, thread, error):
                await self._leave_topic(repo, row, case, error.message)
                return
            await self._fail(repo, row, described, final=True, failure=failure)
        else:
            # A topic is a convenience: its failure never holds the case's card back long.
            final = Method(row.method) in _TOPIC_METHODS
            await self._fail(repo, row, described, final=final, failure=failure)

    def _is_staff_chat(self, row: OutboxMessage) -> bool:
        chat = ChatRef(Platform(row.platform), row.chat_id)
        return chat in self.settings.config.staff_chats.values()

    async def _join_thread(self, repo: Repo, row: OutboxMessage, message_id: int) -> None:
        """Every message delivered into a staff chat for a case joins the case's thread, so
        that a reply to any of them is for the case."""
        if row.case_id is not None and self._is_staff_chat(row):
            await repo.threads.add(
                ThreadMessage(
                    platform=row.platform,
                    chat_id=row.chat_id,
                    message_id=message_id,
                    case_id=row.case_id,
                )
            )

    async def _thread_target(
        self, repo: Repo, row: OutboxMessage, case: Case | None
    ) -> int | bool | None:
        """The forum topic a staff-chat message of a case goes into, read from the case now:
        None for none, False while the case's topic is still being made."""
        payload = row.payload
        if payload.get("thread_id"):
            return int(payload["thread_id"])
        if case is None or Method(row.method) in _TOPIC_METHODS or not self._is_staff_chat(row):
            return None
        if (
            case.staff_thread_id is not None
            and case.staff_platform == row.platform
            and case.staff_chat_id == row.chat_id
        ):
            return case.staff_thread_id
        if await repo.outbox.unsent(case.id, Method.TOPIC, row.platform, row.chat_id):
            return False
        return None

    async def _leave_topic(self, repo: Repo, row: OutboxMessage, case: Case, error: str) -> None:
        """The case's topic was deleted or closed: the case goes on as replies to its card, and
        the message is sent again that way."""
        logger.warning("case %s leaves its forum topic: %s", case.id, error)
        case.staff_thread_id = None
        # Pieces sent into the topic went with it: all go again under the card.
        row.payload = {**row.payload, "pieces_sent": 0}
        row.attempts += 1
        row.last_error = error[:500]
        row.status = OutboxStatus.PENDING
        row.available_at = self.clock.now()
        await repo.commit()

    async def _reply_target(self, repo: Repo, row: OutboxMessage) -> int | bool | None:
        """The message id to answer: None for none, False while the earlier row is unsent."""
        payload = row.payload
        if payload.get("reply_to_message_id"):
            return int(payload["reply_to_message_id"])
        earlier_id = payload.get("reply_to_outbox_id")
        if not earlier_id:
            return None
        earlier = await repo.outbox.get(int(earlier_id))
        if earlier is None or earlier.status == OutboxStatus.DEAD:
            return None
        if earlier.sent_message_id is None:
            return False
        return earlier.sent_message_id

    async def _fail(
        self,
        repo: Repo,
        row: OutboxMessage,
        error: str,
        *,
        final: bool,
        unreachable: Unreachable | None = None,
        failure: Failure = Failure.OTHER,
    ) -> None:
        """A failed attempt: tried again later, or given up and told. `error` (the platform's
        own words) is kept with the row and logged; people read `failure`, in words of the
        desk's own."""
        row.attempts += 1
        row.last_error = error[:500]
        if final or row.attempts >= self.settings.outbox_max_attempts:
            row.status = OutboxStatus.DEAD
            logger.warning(
                "outbox message %s dead after %s attempts (%s): %s",
                row.id,
                row.attempts,
                failure,
                error,
            )
            config, now = self.settings.config, self.clock.now()
            await dead_letter(repo, row, config, now, unreachable=unreachable, failure=failure)
            if unreachable is not None:
                await relay.undelivered(repo, row, unreachable, config, now)
            spent(row)
        else:
            row.status = OutboxStatus.PENDING
            row.available_at = self.clock.now() + retry_delay(row.attempts)
        await repo.commit()

    async def _send(
        self,
        repo: Repo,
        bot: DeskBot,
        row: OutboxMessage,
        case: Case | None,
        reply_to: int | None,
        thread: int | None,
    ) -> ForumTopic | None:
        """Send the row's message in as many pieces as the platform's limits need, each under
        the rate limits and kept as it goes out: a retry sends only the pieces still due."""
        if Method(row.method) in _TOPIC_METHODS:
            return await self._topic(bot, row, case)
        split = pieces(bot.profile, await self._request(bot, row, reply_to, thread))
        last = len(split.methods) - 1
        for index in range(int(row.payload.get("pieces_sent") or 0), last + 1):
            await self.limits.acquire(Platform(row.platform), row.chat_id)
            sent: Message | MessageId = await bot(split.methods[index])
            if index == split.main:
                row.sent_message_id = sent.message_id
                delivered = Delivered(message_id=sent.message_id, thread_id=thread)
                await after_delivery(repo, row, case, delivered)
            await self._join_thread(repo, row, sent.message_id)
            if index < last:
                row.payload = {**row.payload, "pieces_sent": index + 1}
                await repo.commit()
        return None

    async def _request(
        self, bot: DeskBot, row: OutboxMessage, reply_to: int | None, thread: int | None
    ) -> SendMessage | SendPhoto | SendDocument:
        """The row's message as one request, however long its words."""
        method = Method(row.method)
        payload: dict[str, Any] = row.payload
        markup = from_stored(payload.get("buttons") or [])
        common: dict[str, Any] = {
            "chat_id": row.chat_id,
            "reply_markup": markup,
            "parse_mode": payload.get("parse_mode"),
        }
        if reply_to is not None:
            common["reply_parameters"] = ReplyParameters(
                message_id=reply_to, allow_sending_without_reply=True
            )
        if thread is not None:
            common["message_thread_id"] = thread
        if method is Method.TEXT:
            return SendMessage(text=payload["text"], **common)
        if method is Method.RECEIPT_PDF:
            printed = await self._printed(bot, payload["sheet"])
            return SendDocument(document=printed, caption=payload["text"], **common)
        file = await self._file_for(bot, payload["file"])
        if method is Method.PHOTO:
            return SendPhoto(photo=file, caption=payload["text"], **common)
        return SendDocument(document=file, caption=payload["text"], **common)

    async def _topic(
        self, bot: DeskBot, row: OutboxMessage, case: Case | None
    ) -> ForumTopic | None:
        """Create or rename a case's forum topic, titled from the case as it is now; None when
        there is nothing to do (made already, or no topic to rename)."""
        if case is None:
            raise Undeliverable("the case is gone")
        if not bot.profile.has_forum_topics:
            raise Undeliverable("the platform has no forum topics")
        title = relay.topic_title(case, self.settings.config.staff_locale)
        if Method(row.method) is Method.TOPIC:
            if case.staff_thread_id is not None:
                return None
            return await bot.create_forum_topic(chat_id=row.chat_id, name=title)
        if case.staff_thread_id is None:
            return None
        try:
            await bot.edit_forum_topic(
                chat_id=row.chat_id, message_thread_id=case.staff_thread_id, name=title
            )
        except TelegramBadRequest as error:
            if "not_modified" not in error.message.lower():
                raise
        return None

    async def _printed(self, bot: DeskBot, stored: dict[str, Any]) -> BufferedInputFile:
        """A printed receipt laid out now, with the link that opens its case in this bot (its
        username, from getMe); the layout runs beside the loop, which keeps serving."""
        me = await bot.me()
        sheet = receipt_pdf.Sheet.from_stored(stored)
        if not me.username:
            raise Undeliverable("the bot has no username to link the receipt to")
        link = receipt_pdf.start_link(bot.platform, me.username, sheet.code)
        try:
            document = await asyncio.to_thread(receipt_pdf.render, sheet, link)
        except Exception as error:
            logger.exception("the printed receipt of %s could not be made", sheet.code)
            raise Undeliverable(f"the printed receipt could not be made: {error}") from error
        return BufferedInputFile(document, filename=sheet.file_name)

    async def _file_for(self, bot: DeskBot, ref: dict[str, Any]) -> str | BufferedInputFile:
        """A file id works only on the platform that issued it; elsewhere, download and upload."""
        source = Platform(ref["platform"])
        if source is bot.platform:
            return str(ref["file_id"])
        origin = self.bots.get(source)
        if origin is None:
            raise Undeliverable("the platform holding the file is not running")
        buffer = io.BytesIO()
        await origin.download(ref["file_id"], destination=buffer)
        return BufferedInputFile(buffer.getvalue(), filename=ref.get("file_name") or "file")
