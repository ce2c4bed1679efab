"""The parties of a complaint beside the complainant, from the staff chat: words to the
respondent (`/respondent`). The rules are in `services.relay` and `services.respondents`."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from handlers.kit.context import Ctx
from handlers.kit.ui import reply
from handlers.staff import StaffOnly
from models.tables import Case
from services import relay
from services.formatting import format_code
from services.outbox import Method
from services.relay import Content
from services.tracking import parse_code


async def _case_named(message: Message, ctx: Ctx, words: str) -> tuple[Case | None, str]:
    """The case a staff command is about: a code first, else the thread it is written in; and
    the rest of the words."""
    first, _, rest = words.partition(" ")
    code = parse_code(first) if first else None
    if code is not None:
        return await ctx.repo.cases.by_code(code.digits), rest.strip()
    replied = message.reply_to_message
    by_bot = replied is not None and replied.from_user is not None and replied.from_user.is_bot
    case = await relay.case_in_thread(
        ctx.repo,
        str(ctx.bot.platform),
        message.chat.id,
        reply_to=replied.message_id if replied is not None else None,
        reply_to_bot=by_bot,
        topic=message.message_thread_id if message.is_topic_message else None,
    )
    return case, words.strip()


async def ask_respondent(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """`/respondent CODE words…` (or `/respondent words…` in the case's thread): the words go
    to the respondent, signed as the desk."""
    case, words = await _case_named(message, ctx, (command.args or "").strip())
    if case is None or not words:
        await reply(message, ctx.t, ctx.profile, "respondent-usage")
        return
    staff_message = (str(ctx.bot.platform), message.chat.id, message.message_id)
    sent = await relay.to_respondent(
        ctx.repo,
        case,
        ctx.user,
        ctx.role,
        Content(Method.TEXT, words),
        ctx.clock.now(),
        staff_message=staff_message,
    )
    code = format_code(case.code, ctx.t.locale)
    key = "respondent-sent" if sent else "respondent-not-on-desk"
    await reply(message, ctx.t, ctx.profile, key, code=code)


def make_router() -> Router:
    """Staff commands about the parties; asked with the staff router."""
    router = Router(name=__name__)
    router.message.register(ask_respondent, Command("respondent"), StaffOnly())
    return router
