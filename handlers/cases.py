"""A citizen's own cases: the list, and one case followed by its tracking code."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from handlers.complaints import remind
from handlers.kit.keyboards import main_menu, menu_button
from handlers.kit.ui import reply
from models.repositories import Repo
from models.tables import User
from services import cases as service
from services.normalize import is_blank
from services.platforms import PlatformProfile
from services.texts import Texts


class TrackForm(StatesGroup):
    code = State()


async def my_cases(
    message: Message, repo: Repo, user: User, t: Texts, profile: PlatformProfile, **data: Any
) -> None:
    """The citizen's cases, newest first, with their status; then a form left open goes on."""
    await message.answer(await service.list_cases(repo, user, t, profile))
    await remind(message, repo=repo, user=user, t=t, profile=profile, **data)


async def track_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    repo: Repo,
    user: User,
    t: Texts,
    profile: PlatformProfile,
    **data: Any,
) -> None:
    """`/track CODE` shows one case; without a code, ask for it."""
    if command.args and not is_blank(command.args):
        await message.answer(await service.track(repo, user, command.args, t, profile))
        await remind(message, state=state, repo=repo, user=user, t=t, profile=profile, **data)
        return
    await _ask_code(message, state, t, profile)


async def track_menu(
    message: Message, state: FSMContext, t: Texts, profile: PlatformProfile
) -> None:
    """Ask for the code to follow."""
    await _ask_code(message, state, t, profile)


async def _ask_code(
    message: Message, state: FSMContext, t: Texts, profile: PlatformProfile
) -> None:
    # A complaint form left open is not lost: its draft takes it up again after the code.
    await state.set_state(TrackForm.code)
    await reply(message, t, profile, "track-ask-code")


async def track_code(
    message: Message,
    state: FSMContext,
    repo: Repo,
    user: User,
    t: Texts,
    profile: PlatformProfile,
    **data: Any,
) -> None:
    """The code typed after the question: the case, then a form left open goes on."""
    if is_blank(message.text or ""):
        await reply(message, t, profile, "input-empty")
        return
    await state.clear()
    await message.answer(
        await service.track(repo, user, message.text or "", t, profile), reply_markup=main_menu(t)
    )
    await remind(message, state=state, repo=repo, user=user, t=t, profile=profile, **data)


async def track_not_text(message: Message, t: Texts, profile: PlatformProfile) -> None:
    await reply(message, t, profile, "track-ask-code")


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
