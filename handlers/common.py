"""Commands that work at every step: start, help, cancel, language."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from handlers.kit.callbacks import LanguageChoice
from handlers.kit.context import Ctx
from handlers.kit.keyboards import languages, main_menu, menu_button
from handlers.kit.ui import acknowledge, drop_buttons, reply
from services.texts import texts
from services.workflow import Role


async def start(message: Message, ctx: Ctx) -> None:
    """Greet and show the main menu; mention a form left open."""
    await reply(
        message, ctx.t, ctx.profile, "welcome", main_menu(ctx.t), name=ctx.user.first_name or ""
    )
    if await ctx.repo.drafts.any_of(ctx.user.id) is not None:
        await reply(message, ctx.t, ctx.profile, "draft-waiting")


async def help_(
    message: Message,
    ctx: Ctx,
) -> None:
    """What the desk does and which commands the asker may use (Bale has no command menu)."""
    await reply(message, ctx.t, ctx.profile, "help", main_menu(ctx.t))
    if ctx.role is Role.ADMIN or await ctx.clerk_check():
        await reply(message, ctx.t, ctx.profile, "help-staff")
    if ctx.role is Role.ADMIN:
        await reply(message, ctx.t, ctx.profile, "help-admin")


async def cancel(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Leave whatever form is open; its draft is dropped."""
    had_form = await state.get_state() is not None
    await state.clear()
    await ctx.repo.drafts.delete(ctx.user.id)
    await ctx.repo.commit()
    await reply(
        message,
        ctx.t,
        ctx.profile,
        "cancelled" if had_form else "nothing-to-cancel",
        main_menu(ctx.t),
    )


async def language(message: Message, ctx: Ctx) -> None:
    """Offer the languages."""
    await reply(message, ctx.t, ctx.profile, "language-choose", languages())


async def language_chosen(
    query: CallbackQuery,
    callback_data: LanguageChoice,
    ctx: Ctx,
) -> None:
    """Keep the chosen language and answer in it from now on."""
    ctx.user.locale = callback_data.locale
    await ctx.repo.commit()
    t = texts(callback_data.locale)
    await acknowledge(query, t, ctx.profile)
    await drop_buttons(query)
    if query.message is not None and query.bot is not None:
        await query.bot.send_message(
            query.message.chat.id,
            t.render(ctx.profile, "language-set"),
            reply_markup=main_menu(t),
        )


def make_router() -> Router:
    """The handlers of this module, in the order they are asked."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(start, CommandStart())
    router.message.register(help_, menu_button("menu-help"))
    router.message.register(help_, Command("help"))
    router.message.register(cancel, Command("cancel"))
    router.message.register(language, Command("language"))
    router.callback_query.register(language_chosen, LanguageChoice.filter())
    return router
