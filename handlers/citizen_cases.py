"""A citizen acting on their own case: withdrawing, objecting (their messages and answers about a
case go through `handlers.relay`)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from handlers.kit.callbacks import CitizenCase
from handlers.kit.context import Ctx
from handlers.kit.keyboards import inline
from handlers.kit.ui import acknowledge, drop_buttons, refusal, reply
from models.tables import Case
from services.cases import owned_case
from services.casework import moves
from services.casework.notices import notice_text
from services.formatting import format_code
from services.ownership import own_case
from services.workflow import Action, Refused, Role

_CONFIRM = {"withdraw": "citizen-withdraw-confirm", "object": "citizen-object-confirm"}


async def ask_to_confirm(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/withdraw CODE` and `/object CODE`: asked once more before anything changes; a move
    the rules refuse is refused at once."""
    action = command.command
    if not command.args:
        await reply(message, ctx.t, ctx.profile, "citizen-action-usage")
        return
    case = await owned_case(ctx.repo, ctx.user, command.args)
    if case is None:
        await reply(message, ctx.t, ctx.profile, "track-not-found")
        return
    refused = moves.refusal_of(
        case, Action(action), Role.CITIZEN, ctx.clock.now(), ctx.settings.config
    )
    if refused is not None:
        await message.answer(refusal(ctx.t, ctx.profile, refused))
        return
    code = format_code(case.code, ctx.t.locale)
    yes = CitizenCase(case_id=case.id, action=action, seen=case.status).pack()
    no = CitizenCase(case_id=case.id, action="keep", seen=case.status).pack()
    buttons = inline(
        [[(ctx.t.plain(f"button-yes-{action}"), yes), (ctx.t.plain("button-no"), no)]]
    )
    await reply(message, ctx.t, ctx.profile, _CONFIRM[action], buttons, code=code)


async def confirmed(
    query: CallbackQuery,
    callback_data: CitizenCase,
    ctx: Ctx,
) -> None:
    """The citizen confirmed: the move is made if the rules allow it, once."""
    if not isinstance(query.message, Message):
        return
    case = await own_case(ctx.repo, ctx.user, callback_data.case_id, for_update=True)
    if case is None or case.status != callback_data.seen:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        await drop_buttons(query)
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    if callback_data.action == "keep":
        await reply(query.message, ctx.t, ctx.profile, "citizen-action-kept")
        return
    await citizen_move(query.message, ctx, case, Action(callback_data.action))


async def citizen_move(
    message: Message,
    ctx: Ctx,
    case: Case,
    action: Action,
) -> bool:
    """A citizen's own move on their case, made if the rules allow it, and said either way."""
    made = await make_citizen_move(message, ctx, case, action)
    if made is None:
        return False
    await confirm_move(message, ctx, made)
    return True


async def make_citizen_move(
    message: Message, ctx: Ctx, case: Case, action: Action
) -> moves.Applied | None:
    """A citizen's own move, made if the rules allow it; a refusal is said at once, the
    confirmation is the caller's (`confirm_move`), once."""
    result = await moves.apply(
        ctx.repo,
        case,
        action=action,
        actor=ctx.user,
        role=Role.CITIZEN,
        now=ctx.clock.now(),
        config=ctx.settings.config,
    )
    if isinstance(result, Refused):
        await ctx.repo.rollback()
        await message.answer(refusal(ctx.t, ctx.profile, result))
        return None
    return result


async def confirm_move(
    message: Message, ctx: Ctx, made: moves.Applied, *, relayed: bool = False
) -> None:
    """One message for the move: what it did, the step that now runs, and whether the
    citizen's waiting messages went on to the clerk."""
    t, profile = ctx.t, ctx.profile
    after = [t.render(profile, "citizen-action-relayed")] if relayed else []
    key = made.planned.citizen_message_key
    await message.answer(
        notice_text(made.case, key, t, profile, heading="citizen-action-done", after=after)
    )


def make_router() -> Router:
    """The citizen's actions on their cases, in private chat."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(ask_to_confirm, Command("withdraw", "object"))
    router.callback_query.register(confirmed, CitizenCase.filter())
    return router
