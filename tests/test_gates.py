"""A gate lets in every message its routers could take, and only those skip them."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from handlers.kit.filters import check_on_the_loop
from handlers.kit.gates import gated
from handlers.kit.keyboards import MenuButton


class Form(StatesGroup):
    step = State()


def update(number: int, **content: Any) -> dict[str, Any]:
    chat = {"id": 7, "type": "private"}
    message = {"message_id": number, "date": 0, "chat": chat, **content}
    message["from"] = {"id": 7, "is_bot": False, "first_name": "Sara"}
    return {"update_id": number, "message": message}


async def test_commands_states_and_the_rest_reach_who_they_reached() -> None:
    seen: list[tuple[str, str]] = []
    commands = Router(name="commands")

    # Every message the gated routers' own filters are asked about: what the gate keeps out
    # never gets this far.
    asked: list[str] = []

    def probe(message: Message) -> bool:
        asked.append(message.text or message.caption or "")
        return False

    @commands.message(probe, Command("probe"))
    async def never(message: Message) -> None: ...

    @commands.message(Command("case", ignore_case=True, ignore_mention=True))
    async def case(message: Message) -> None:
        seen.append(("case", message.text or message.caption or ""))

    @commands.message(Command("begin"))
    async def begin(message: Message, state: FSMContext) -> None:
        await state.set_state(Form.step)
        seen.append(("begin", ""))

    @commands.message(MenuButton(frozenset({"ثبت شکایت"})))
    async def button(message: Message) -> None:
        seen.append(("button", message.text or ""))

    steps = Router(name="steps")

    @steps.message(StateFilter(Form.step), F.text)
    async def step(message: Message, state: FSMContext) -> None:
        await state.clear()
        seen.append(("step", message.text or ""))

    rest = Router(name="rest")

    @rest.message()
    async def anything(message: Message) -> None:
        seen.append(("rest", message.text or message.caption or ""))

    dp = Dispatcher()
    dp.include_routers(gated(commands, steps, name="gated"), rest)
    check_on_the_loop(dp)
    bot = Bot("42:TEST")

    for number, content in enumerate(
        [
            {"text": "سلام"},
            {"text": "  /CASE@desk_bot ۱۲"},
            {"caption": "/case 12", "photo": []},
            {"text": "/unknown"},
            {"text": "ثبت شکایت"},
            {"caption": "ثبت شکایت", "photo": []},
            {"text": "/begin"},
            {"text": "پاسخ"},
            {"text": "پاسخ"},
        ],
        start=1,
    ):
        await dp.feed_raw_update(bot, update(number, **content))

    assert seen == [
        ("rest", "سلام"),
        ("case", "  /CASE@desk_bot ۱۲"),
        ("case", "/case 12"),
        ("rest", "/unknown"),
        ("button", "ثبت شکایت"),
        ("rest", "ثبت شکایت"),
        ("begin", ""),
        ("step", "پاسخ"),
        ("rest", "پاسخ"),
    ]
    # Only what could be a command, a button or a step got past the gate: «سلام», «/unknown»,
    # a button's words as a caption and the words after the step did not.
    assert asked == [
        "  /CASE@desk_bot ۱۲",
        "/case 12",
        "ثبت شکایت",
        "/begin",
        "پاسخ",
    ]


def test_a_router_taking_plain_texts_cannot_be_gated() -> None:
    router = Router(name="texts")

    @router.message(F.text)
    async def text(message: Message) -> None: ...

    with pytest.raises(ValueError, match="neither a command, nor a menu button, nor a state"):
        gated(router, name="gated")
