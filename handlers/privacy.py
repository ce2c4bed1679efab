"""A person's data: `/mydata` sends everything held about them, `/forget` erases what the law
lets the desk erase."""

from __future__ import annotations

import json

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from handlers.kit.callbacks import ForgetChoice
from handlers.kit.context import Ctx
from handlers.kit.keyboards import inline, main_menu
from handlers.kit.ui import acknowledge, drop_buttons, reply
from services import people, privacy
from services.formatting import format_number


async def my_data(message: Message, ctx: Ctx) -> None:
    """Everything held about the person, as a JSON document."""
    dossier = await privacy.everything_about(ctx.repo, ctx.user)
    people.audit(ctx.repo, ctx.user, "data_requested", ctx.clock.now())
    await ctx.repo.commit()
    body = json.dumps(dossier, ensure_ascii=False, indent=2, default=str).encode()
    await message.answer_document(
        BufferedInputFile(body, filename="pishkhan-my-data.json"),
        caption=ctx.t.render(
            ctx.profile,
            "mydata-caption",
            cases=format_number(len(dossier["cases"]), ctx.t.locale),
            requests=format_number(len(dossier["certificate_requests"]), ctx.t.locale),
        ),
    )


async def ask_to_forget(message: Message, ctx: Ctx) -> None:
    """Erasing needs a confirmation; with cases still open it cannot be done yet."""
    open_cases = await privacy.open_cases_of(ctx.repo, ctx.user)
    if open_cases:
        await reply(
            message,
            ctx.t,
            ctx.profile,
            "forget-open-cases",
            count=format_number(open_cases, ctx.t.locale),
        )
        return
    buttons = inline(
        [
            [
                (ctx.t.plain("button-forget-yes"), ForgetChoice(erase=True).pack()),
                (ctx.t.plain("button-no"), ForgetChoice(erase=False).pack()),
            ]
        ]
    )
    await reply(message, ctx.t, ctx.profile, "forget-confirm", buttons)


async def forget_choice(
    query: CallbackQuery,
    callback_data: ForgetChoice,
    ctx: Ctx,
) -> None:
    """Erase, or keep everything as it is."""
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    if not isinstance(query.message, Message):
        return
    if not callback_data.erase or await privacy.open_cases_of(ctx.repo, ctx.user):
        await reply(query.message, ctx.t, ctx.profile, "citizen-action-kept")
        return
    await privacy.forget(ctx.repo, ctx.user, ctx.clock.now())
    await reply(query.message, ctx.t, ctx.profile, "forget-done", main_menu(ctx.t))


def make_router() -> Router:
    """A person's own data, in private chat."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(my_data, Command("mydata"))
    router.message.register(ask_to_forget, Command("forget"))
    router.callback_query.register(forget_choice, ForgetChoice.filter())
    return router
