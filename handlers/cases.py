"""A citizen's own cases: the list, and one case followed by its tracking code."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
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


class TrackForm(StatesGroup):
    code = State()


async def my_cases(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """The citizen's cases, newest first, with their status; then a form left open goes on.
    Outside any form, someone whose mobile is not verified is offered to share it: a
    complaint another body referred in their name shows then."""
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
        await message.answer(
            await service.track(ctx.repo, ctx.user, command.args, ctx.t, ctx.profile)
        )
        await remind(message, state, ctx)
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
    """The code typed after the question: the case, then a form left open goes on."""
    t = ctx.t
    if is_blank(message.text or ""):
        await reply(message, t, ctx.profile, "input-empty")
        return
    await state.clear()
    await message.answer(
        await service.track(ctx.repo, ctx.user, message.text or "", t, ctx.profile),
        reply_markup=main_menu(t),
    )
    await remind(message, state, ctx)


async def track_not_text(message: Message, ctx: Ctx) -> None:
    await reply(message, ctx.t, ctx.profile, "track-ask-code")


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
