"""The printed receipt of a case: `/receipt CODE` sends it again to its owner, and the link it
prints (`/start case_<code>`) opens the case in the bot for its owner only.

Staff (a clerk where they act, an admin) get any case's printed receipt with `/receipt CODE`,
in a staff chat or in private: a referred case's is addressed to the body that referred it
(`services.referrals.staff_copy`). A citizen gets only their own; another's code is answered
as an unknown one."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from handlers.complaints import remind
from handlers.kit.context import Ctx
from handlers.kit.keyboards import main_menu
from handlers.kit.ui import reply
from handlers.staff import StaffOnly
from services import cases, receipt_pdf, referrals
from services.desk import ChatRef
from services.formatting import format_code
from services.normalize import is_blank
from services.tracking import TrackingCode, read_code


async def send_again(
    message: Message, command: CommandObject, state: FSMContext, ctx: Ctx
) -> None:
    """`/receipt CODE`: the case's printed receipt once more, to its owner only; then a form
    left open goes on."""
    typed = command.args or ""
    if await _code_asked(message, typed, ctx) is not None:
        config, now = ctx.settings.config, ctx.clock.now()
        case = await receipt_pdf.send_again(ctx.repo, ctx.user, typed, config, now, ctx.t.locale)
        if case is None and await StaffOnly()(message, ctx):
            case = await referrals.staff_copy(ctx.repo, typed, _chat(message, ctx), config, now)
        if case is None:
            await reply(message, ctx.t, ctx.profile, "track-not-found")
    await remind(message, state, ctx)


async def _code_asked(message: Message, typed: str, ctx: Ctx) -> TrackingCode | None:
    """The code `/receipt` was given; none, or one mistyped, is answered here."""
    if is_blank(typed):
        await reply(message, ctx.t, ctx.profile, "receipt-usage")
        return None
    reading = read_code(typed)
    if reading.code is None:
        await message.answer(cases.slip(reading, typed, ctx.t, ctx.profile))
    return reading.code


def _chat(message: Message, ctx: Ctx) -> ChatRef:
    return ChatRef(ctx.profile.platform, message.chat.id)


async def staff_receipt(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """`/receipt CODE` in a staff chat: the case's printed receipt there (a referred case's
    addressed to its referring body)."""
    typed = command.args or ""
    code = await _code_asked(message, typed, ctx)
    if code is None:
        return
    config, now = ctx.settings.config, ctx.clock.now()
    if await referrals.staff_copy(ctx.repo, typed, _chat(message, ctx), config, now) is None:
        shown = format_code(code, ctx.t.locale)
        await reply(message, ctx.t, ctx.profile, "staff-case-unknown", code=shown)


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
    private = F.chat.type == "private"
    link = CommandStart(deep_link=True, magic=F.args.func(_carries_a_case))
    router.message.register(open_case, link, private)
    router.message.register(send_again, Command("receipt"), private)
    router.message.register(
        staff_receipt, Command("receipt"), F.chat.type != "private", StaffOnly()
    )
    return router
