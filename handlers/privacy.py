"""A person's data: `/mydata` sends everything held about them, `/forget` erases what the law
lets the desk erase."""

from __future__ import annotations

import json

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from handlers.kit.callbacks import ForgetChoice
from handlers.kit.keyboards import inline, main_menu
from handlers.kit.ui import acknowledge, drop_buttons, reply
from models.repositories import Repo
from models.tables import User
from services import people, privacy
from services.clock import Clock
from services.formatting import format_number
from services.platforms import PlatformProfile
from services.texts import Texts


async def my_data(
    message: Message, repo: Repo, user: User, t: Texts, profile: PlatformProfile, clock: Clock
) -> None:
    """Everything held about the person, as a JSON document."""
    dossier = await privacy.everything_about(repo, user)
    people.audit(repo, user, "data_requested", clock.now())
    await repo.commit()
    body = json.dumps(dossier, ensure_ascii=False, indent=2, default=str).encode()
    await message.answer_document(
        BufferedInputFile(body, filename="pishkhan-my-data.json"),
        caption=t.render(
            profile,
            "mydata-caption",
            cases=format_number(len(dossier["cases"]), t.locale),
            requests=format_number(len(dossier["certificate_requests"]), t.locale),
        ),
    )


async def ask_to_forget(
    message: Message, repo: Repo, user: User, t: Texts, profile: PlatformProfile
) -> None:
    """Erasing needs a confirmation; with cases still open it cannot be done yet."""
    open_cases = await privacy.open_cases_of(repo, user)
    if open_cases:
        await reply(
            message, t, profile, "forget-open-cases", count=format_number(open_cases, t.locale)
        )
        return
    buttons = inline(
        [
            [
                (t.plain("button-forget-yes"), ForgetChoice(erase=True).pack()),
                (t.plain("button-no"), ForgetChoice(erase=False).pack()),
            ]
        ]
    )
    await reply(message, t, profile, "forget-confirm", buttons)


async def forget_choice(
    query: CallbackQuery,
    callback_data: ForgetChoice,
    repo: Repo,
    user: User,
    t: Texts,
    profile: PlatformProfile,
    clock: Clock,
) -> None:
    """Erase, or keep everything as it is."""
    await acknowledge(query, t, profile)
    await drop_buttons(query)
    if not isinstance(query.message, Message):
        return
    if not callback_data.erase or await privacy.open_cases_of(repo, user):
        await reply(query.message, t, profile, "citizen-action-kept")
        return
    await privacy.forget(repo, user, clock.now())
    await reply(query.message, t, profile, "forget-done", main_menu(t))


def make_router() -> Router:
    """A person's own data, in private chat."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(my_data, Command("mydata"))
    router.message.register(ask_to_forget, Command("forget"))
    router.callback_query.register(forget_choice, ForgetChoice.filter())
    return router
