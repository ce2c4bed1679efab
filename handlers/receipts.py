"""The printed receipt of a case: `/receipt CODE` sends it again to its owner, and the link it
prints (`/start case_<code>`) opens the case in the bot for its owner only."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from handlers.complaints import remind
from handlers.kit.context import Ctx
from handlers.kit.keyboards import main_menu
from handlers.kit.ui import reply
from services import cases, receipt_pdf
from services.normalize import is_blank
from services.tracking import read_code


async def send_again(
    message: Message, command: CommandObject, state: FSMContext, ctx: Ctx
) -> None:
    """`/receipt CODE`: the case's printed receipt once more, to its owner only; then a form
    left open goes on."""
    typed = command.args or ""
    if is_blank(typed):
        await reply(message, ctx.t, ctx.profile, "receipt-usage")
        return
    reading = read_code(typed)
    if reading.code is None:
        await message.answer(cases.slip(reading, typed, ctx.t, ctx.profile))
    else:
        config, now = ctx.settings.config, ctx.clock.now()
        case = await receipt_pdf.send_again(ctx.repo, ctx.user, typed, config, now, ctx.t.locale)
        if case is None:
            await reply(message, ctx.t, ctx.profile, "track-not-found")
    await remind(message, state, ctx)


async def open_case(message: Message, command: CommandObject, state: FSMContext, ctx: Ctx) -> None:
    """A receipt's link tapped: the case for its owner, the unknown-code answer for anyone
    else; then a form left open goes on."""
    code = receipt_pdf.code_of_payload(command.args) or ""
    await message.answer(
        (await cases.track(ctx.repo, ctx.user, code, ctx.t, ctx.profile)).text,
        reply_markup=main_menu(ctx.t),
    )
    await remind(message, state, ctx)


def _carries_a_case(args: str | None) -> bool:
    return receipt_pdf.code_of_payload(args) is not None


def make_router() -> Router:
    """Asked before the greeting: a start link with a case is not a plain /start."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    link = CommandStart(deep_link=True, magic=F.args.func(_carries_a_case))
    router.message.register(open_case, link)
    router.message.register(send_again, Command("receipt"))
    return router
