"""Staff in the harness: a clerk speaking inside the complaints staff group, and an admin.

A clerk acting in a staff chat is a member of it as the platform says (or listed with /staff
add): the fake Bot API reports the harness's clerk as a member of every Telegram staff chat
(`seat_clerk`, for every desk), the second clerk as a member of none. Every update built here
comes from the group: its messages, replies in it, and taps on the buttons of the bot's messages
there.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from models.tables import Case, OutboxMessage, StaffMember
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.fakes import BOT_IDS, Request

STAFF_CHAT = -1001000
GROUP: dict[str, Any] = {"id": STAFF_CHAT, "type": "supergroup", "title": "کارشناسان شکایات"}

# The fake Bot API numbers the messages it accepts from 1000, in the order they were sent.
_NUMBERED = {"sendMessage", "sendPhoto", "sendDocument", "copyMessage"}
_group_message_ids = itertools.count(50_000)
_query_ids = itertools.count(1)


@dataclass
class Staff(Person):
    """Someone on the desk's side; a username lets others name them in /assign."""

    username: str | None = None

    def as_user(self) -> dict[str, Any]:
        user = super().as_user()
        if self.username:
            user["username"] = self.username
        return user


def clerk() -> Staff:
    """A clerk of the union on Telegram."""
    return Staff(Platform.TELEGRAM, 7001, "Ali", "Moradi", username="ali_moradi")


def second_clerk() -> Staff:
    """Another clerk, who is no member of the staff group: a clerk only once listed."""
    return Staff(Platform.TELEGRAM, 7002, "Neda", "Samadi", username="neda_s")


def admin() -> Staff:
    """An admin configured in ADMIN_IDS (telegram:111)."""
    return Staff(Platform.TELEGRAM, 111, "Mina", "Admin", username="mina_admin")


def seat_clerk(desk: Desk) -> None:
    """The harness's clerk is a member of every Telegram staff chat, as getChatMember says."""
    for chat in desk.settings.config.staff_chats.values():
        if chat.platform is Platform.TELEGRAM:
            desk.api[Platform.TELEGRAM].members[(chat.id, clerk().id)] = "member"


async def list_as_clerk(desk: Desk, person: Person) -> None:
    """A clerk listed with /staff add, as an admin would: on Bale, whose member objects cannot
    be read, the staff list is what makes a clerk."""
    async with desk.repo() as repo:
        await repo.staff.add(
            StaffMember(
                platform=person.platform.value,
                platform_user_id=person.id,
                added_at=desk.clock.now(),
            )
        )
        await repo.commit()


def _bot_message(desk: Desk, message_id: int, request: Request | None) -> dict[str, Any]:
    """A message of the bot in the staff group, as it comes back inside an update."""
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": int(desk.clock.now().timestamp()),
        "chat": GROUP,
        "from": {"id": BOT_IDS[Platform.TELEGRAM], "is_bot": True, "first_name": "Pishkhan"},
        "text": request.text if request is not None else "…",
    }
    if request is not None and request.markup():
        message["reply_markup"] = request.markup()
    return message


async def say_in_group(
    desk: Desk, person: Person, text: str, *, reply_to: int | None = None
) -> None:
    """A text in the staff group; `reply_to` answers one of the bot's messages there."""
    message: dict[str, Any] = {
        "message_id": next(_group_message_ids),
        "date": int(desk.clock.now().timestamp()),
        "chat": GROUP,
        "from": person.as_user(),
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    if reply_to is not None:
        message["reply_to_message"] = _bot_message(desk, reply_to, None)
    await desk.feed(person.platform, {"message": message})


async def press_in_group(
    desk: Desk,
    person: Person,
    data: str,
    *,
    message_id: int,
    request: Request | None = None,
    query_id: str | None = None,
) -> None:
    """A tap on an inline button under one of the bot's messages in the staff group."""
    await desk.feed(
        person.platform,
        {
            "callback_query": {
                "id": query_id or f"7{next(_query_ids)}",
                "from": person.as_user(),
                "chat_instance": "staff",
                "data": data,
                "message": _bot_message(desk, message_id, request),
            }
        },
    )


def group_messages(desk: Desk) -> list[Request]:
    """What the bot sent to the staff group, oldest first."""
    return desk.api[Platform.TELEGRAM].sent(chat_id=STAFF_CHAT)


def group_texts(desk: Desk) -> list[str]:
    return [request.text for request in group_messages(desk)]


def message_id_of(desk: Desk, request: Request) -> int:
    """The id the fake Bot API gave a message it accepted (tests here prepare no failures)."""
    api = desk.api[Platform.TELEGRAM]
    numbered = [r for r in api.requests if r.method in _NUMBERED]
    return 1000 + next(i for i, r in enumerate(numbered) if r is request)


def newest_with_button(desk: Desk, label_part: str) -> tuple[int, Request, str]:
    """The newest keyboard in the staff group (sent, or edited onto a message) with a button
    whose label has these words: the message's id, the request, the button's data."""
    api = desk.api[Platform.TELEGRAM]
    for request in reversed(api.requests):
        if request.chat_id != STAFF_CHAT:
            continue
        if request.method == "editMessageReplyMarkup":
            message_id = int(request.params["message_id"])
        elif request.method in _NUMBERED:
            message_id = message_id_of(desk, request)
        else:
            continue
        for label, data in request.buttons():
            if label_part in label:
                return message_id, request, data
    raise AssertionError(f"no button with {label_part!r} in the staff group")


def button_labels(request: Request) -> list[str]:
    return [label for label, _ in request.buttons()]


async def press_on_group(desk: Desk, person: Person, label_part: str) -> None:
    """Tap the newest button in the staff group whose label has these words."""
    message_id, request, data = newest_with_button(desk, label_part)
    await press_in_group(desk, person, data, message_id=message_id, request=request)


def answers(desk: Desk, person: Person) -> list[str]:
    """What the client showed for this person's taps (callback answers), oldest first."""
    return [
        str(request.params.get("text", ""))
        for request in desk.api[person.platform].requests
        if request.method == "answerCallbackQuery"
    ]


async def the_case(desk: Desk, code: str | None = None) -> Case:
    """The case by its code, or the only one."""
    async with desk.repo() as repo:
        query = select(Case) if code is None else select(Case).where(Case.code == code)
        case = await repo.session.scalar(query.order_by(Case.id))
        assert case is not None
        return case


async def outbox_rows(desk: Desk, purpose_prefix: str = "") -> list[OutboxMessage]:
    """Outbox rows whose purpose starts with a prefix, oldest first."""
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.purpose.startswith(purpose_prefix))
            .order_by(OutboxMessage.id)
        )
        return list(rows)
