"""The parties of a complaint beside the complainant, from the staff chat: words to the
respondent (`/respondent`) and the commission's session with both parties (`/session`), and the
parties' answers to its invitation. The rules are in `services.relay`, `services.respondents`
and `services.sessions`."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from handlers.kit.callbacks import SessionReply, payload_of
from handlers.kit.context import Ctx
from handlers.kit.ui import acknowledge, drop_buttons, reply
from handlers.staff import StaffOnly
from models.tables import Case, CommissionSession
from services import relay, respondents, sessions
from services.formatting import format_code, format_datetime
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


_CANCEL = frozenset({"cancel", "لغو"})
_MOVE = frozenset({"move", "تغییر"})


async def session_command(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """`/session CODE DATE TIME online LINK` or `… at ADDRESS`: the commission's session;
    `/session CODE move DATE TIME [online LINK | at ADDRESS]` reschedules it and
    `/session CODE cancel` cancels it. Bare or wrong: how to write it, in words."""
    words = (command.args or "").split()
    code = parse_code(words[0]) if words else None
    if code is None or len(words) < 2:
        await reply(message, ctx.t, ctx.profile, "session-usage")
        return
    case = await ctx.repo.cases.by_code(code.digits)
    if case is None:
        await reply(message, ctx.t, ctx.profile, "staff-case-not-found")
        return
    now = ctx.clock.now()
    config = ctx.settings.config
    rest = words[1:]
    done: object
    if rest[0].lower() in _CANCEL:
        done = await sessions.cancel(ctx.repo, case, ctx.user, ctx.role, now, config)
        key = "session-cancelled-staff"
    else:
        moving = rest[0].lower() in _MOVE
        rest = rest[1:] if moving else rest
        at = sessions.parse_when(rest[0], rest[1]) if len(rest) >= 2 else None
        if at is None:
            await reply(message, ctx.t, ctx.profile, "session-refused-when")
            return
        place = sessions.parse_place(rest[2:]) if len(rest) > 2 or not moving else None
        if isinstance(place, sessions.Refusal):
            await reply(message, ctx.t, ctx.profile, place.key, **place.args)
            return
        done = await sessions.schedule(
            ctx.repo, case, ctx.user, ctx.role, at, place, now, config, moving=moving
        )
        key = "session-moved-staff" if moving else "session-scheduled-staff"
    if isinstance(done, sessions.Refusal):
        await reply(message, ctx.t, ctx.profile, done.key, **done.args)
        return
    assert isinstance(done, CommissionSession)
    _, holder = await respondents.respondent_of(ctx.repo, case)
    await reply(
        message,
        ctx.t,
        ctx.profile,
        key,
        code=format_code(case.code, ctx.t.locale),
        when=format_datetime(done.at, ctx.t.locale),
        respondent=ctx.t.plain(
            "session-respondent-told" if holder is not None else "session-respondent-not-told"
        ),
    )


async def session_answered(query: CallbackQuery, callback_data: SessionReply, ctx: Ctx) -> None:
    """A party confirms the session, or asks for another time; a button of an earlier
    version (moved or cancelled since) changes nothing."""
    if not isinstance(query.message, Message):
        return
    payload = payload_of(callback_data)
    assert isinstance(payload, sessions.SessionAnswer)
    done = await sessions.reply(ctx.repo, ctx.user, payload, ctx.clock.now(), ctx.settings.config)
    await drop_buttons(query)
    if not done.recorded or done.case is None:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await reply(
        query.message,
        ctx.t,
        ctx.profile,
        f"session-answered-{payload.answer}",
        code=format_code(done.case.code, ctx.t.locale),
    )


def make_router() -> Router:
    """Staff commands about the parties, and the parties' answers to a session; asked with
    the staff router."""
    router = Router(name=__name__)
    router.message.register(ask_respondent, Command("respondent"), StaffOnly())
    router.message.register(session_command, Command("session"), StaffOnly())
    router.callback_query.register(session_answered, SessionReply.filter())
    return router
