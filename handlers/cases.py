"""A citizen's own cases: the list, and one case followed by its tracking code.

A code is followed wherever it comes: after `/track`, after the menu's question, or sent on
its own; and the words people use for "my cases" list them. None of these reach a clerk.
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from handlers.complaints import remind
from handlers.kit.context import Ctx
from handlers.kit.keyboards import contact_keyboard, main_menu, menu_button
from handlers.kit.ui import reply
from handlers.referrals import verify_offer
from services import cases as service
from services.normalize import is_blank
from services.texts import Rendered
from services.tracking import looks_like_a_code


class TrackForm(StatesGroup):
    code = State()


async def my_cases(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """The citizen's cases, newest first, with their status; then a form left open goes on.
    Outside any form, someone whose mobile is not verified is offered to share it: a
    complaint another body referred in their name shows then."""
    if await state.get_state() == TrackForm.code.state:
        await state.clear()
    listed = await service.list_cases(ctx.repo, ctx.user, ctx.t, ctx.profile)
    if (
        ctx.user.phone_verified_at is None
        and await state.get_state() is None
        and await ctx.repo.drafts.any_of(ctx.user.id) is None
    ):
        offered = Rendered(f"{listed}\n\n{verify_offer(ctx)}")
        await message.answer(offered, reply_markup=contact_keyboard(ctx.t))
        return
    await message.answer(listed)
    await remind(message, state, ctx)


async def track_command(
    message: Message, command: CommandObject, state: FSMContext, ctx: Ctx
) -> None:
    """`/track CODE` shows one case; without a code, ask for it."""
    if command.args and not is_blank(command.args):
        await _track(message, command.args, state, ctx)
        return
    await _ask_code(message, state, ctx)


async def track_menu(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Ask for the code to follow."""
    await _ask_code(message, state, ctx)


async def _ask_code(message: Message, state: FSMContext, ctx: Ctx) -> None:
    # A complaint form left open is not lost: its draft takes it up again after the code.
    await state.set_state(TrackForm.code)
    await reply(message, ctx.t, ctx.profile, "track-ask-code")


async def track_code(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """The code typed after the question: the case, then a form left open goes on; words for
    "my cases" list them."""
    text = message.text or ""
    if is_blank(text):
        await reply(message, ctx.t, ctx.profile, "input-empty")
        return
    if service.asks_for_own_cases(text):
        await my_cases(message, state, ctx)
        return
    await _track(message, text, state, ctx)


async def _track(message: Message, text: str, state: FSMContext, ctx: Ctx) -> None:
    """Follow a typed code. After a slip the desk stays ready for the code, so the corrected
    one is read as a code (and never taken for a message to the clerk)."""
    tracked = await service.track(ctx.repo, ctx.user, text, ctx.t, ctx.profile)
    if tracked.again:
        await state.set_state(TrackForm.code)
        await message.answer(tracked.text)
        return
    if await state.get_state() == TrackForm.code.state:
        await state.clear()
    await message.answer(tracked.text, reply_markup=main_menu(ctx.t))
    await remind(message, state, ctx)


async def track_not_text(message: Message, ctx: Ctx) -> None:
    await reply(message, ctx.t, ctx.profile, "track-ask-code")


class AboutOwnCases(Filter):
    """Outside any form, a message that is a tracking code on its own (in any digits, with or
    without dash or spaces, valid or with a slip) or the words people use for "my cases"
    («وضعیت پرونده», «پرونده‌های من», «پیگیری»…). A reply to one of the desk's messages is
    left to the relay, and so is a ten-digit number with a slip while a clerk's question
    waits: it is more likely the answer (a national ID) than a code."""

    async def __call__(
        self, message: Message, state: FSMContext, ctx: Ctx
    ) -> bool | dict[str, Any]:
        text = message.text
        if text is None or text.startswith("/") or message.reply_to_message is not None:
            return False
        if await state.get_state() is not None:
            return False
        if service.asks_for_own_cases(text):
            return {"wants": "list"}
        if not looks_like_a_code(text):
            return False
        if service.is_a_code(text) or not await service.awaits_an_answer(ctx.repo, ctx.user):
            return {"wants": "code"}
        return False


async def own_cases_asked(message: Message, wants: str, state: FSMContext, ctx: Ctx) -> None:
    """A code sent on its own is followed; "my cases" in words lists them."""
    if wants == "list":
        await my_cases(message, state, ctx)
        return
    await _track(message, message.text or "", state, ctx)


def make_words_router() -> Router:
    """Codes and "my cases" sent as plain words, in private chat; asked before the relay, so
    that they are answered and never passed to a clerk."""
    router = Router(name=f"{__name__}.words")
    router.message.filter(F.chat.type == "private")
    router.message.register(own_cases_asked, AboutOwnCases())
    return router


def make_router() -> Router:
    """The handlers of this module, in the order they are asked."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(my_cases, menu_button("menu-my-cases"))
    router.message.register(my_cases, Command("mycases"))
    router.message.register(track_command, Command("track"))
    router.message.register(track_menu, menu_button("menu-track"))
    router.message.register(track_code, TrackForm.code, F.text & ~F.text.startswith("/"))
    router.message.register(track_not_text, TrackForm.code)
    return router
