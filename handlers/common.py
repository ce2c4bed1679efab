"""Commands that work at every step: start, help, cancel, language."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from handlers.kit.callbacks import LanguageChoice
from handlers.kit.keyboards import languages, main_menu, menu_button
from handlers.kit.roles import ClerkCheck
from handlers.kit.ui import acknowledge, drop_buttons, reply
from models.repositories import Repo
from models.tables import User
from services.platforms import PlatformProfile
from services.texts import Texts, texts
from services.workflow import Role


async def start(
    message: Message, t: Texts, profile: PlatformProfile, repo: Repo, user: User
) -> None:
    """Greet and show the main menu; mention a form left open."""
    await reply(message, t, profile, "welcome", main_menu(t), name=user.first_name or "")
    if await repo.drafts.any_of(user.id) is not None:
        await reply(message, t, profile, "draft-waiting")


async def help_(
    message: Message,
    t: Texts,
    profile: PlatformProfile,
    role: Role,
    clerk_check: ClerkCheck,
) -> None:
    """What the desk does and which commands the asker may use (Bale has no command menu)."""
    await reply(message, t, profile, "help", main_menu(t))
    if role is Role.ADMIN or await clerk_check():
        await reply(message, t, profile, "help-staff")
    if role is Role.ADMIN:
        await reply(message, t, profile, "help-admin")


async def cancel(
    message: Message, state: FSMContext, t: Texts, profile: PlatformProfile, repo: Repo, user: User
) -> None:
    """Leave whatever form is open; its draft is dropped."""
    had_form = await state.get_state() is not None
    await state.clear()
    await repo.drafts.delete(user.id)
    await repo.commit()
    await reply(
        message, t, profile, "cancelled" if had_form else "nothing-to-cancel", main_menu(t)
    )


async def language(message: Message, t: Texts, profile: PlatformProfile) -> None:
    """Offer the languages."""
    await reply(message, t, profile, "language-choose", languages())


async def language_chosen(
    query: CallbackQuery,
    callback_data: LanguageChoice,
    profile: PlatformProfile,
    repo: Repo,
    user: User,
) -> None:
    """Keep the chosen language and answer in it from now on."""
    user.locale = callback_data.locale
    await repo.commit()
    t = texts(callback_data.locale)
    await acknowledge(query, t, profile)
    await drop_buttons(query)
    if query.message is not None and query.bot is not None:
        await query.bot.send_message(
            query.message.chat.id,
            t.render(profile, "language-set"),
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
