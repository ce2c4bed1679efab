"""A citizen rates their closed case with a button, then may add a comment or say they have
none."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from handlers.kit.callbacks import RatingChoice, RatingNoComment
from handlers.kit.context import Ctx
from handlers.kit.keyboards import inline
from handlers.kit.ui import acknowledge, drop_buttons, reply
from services import satisfaction
from services.formatting import format_code
from services.normalize import is_blank
from services.satisfaction import RatingOutcome


class RatingComment(StatesGroup):
    """The citizen has rated a case; their next words are the rating's comment."""

    comment = State()


async def rated(
    query: CallbackQuery,
    callback_data: RatingChoice,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """A score tapped: kept once, thanked for, and a comment offered."""
    result = await satisfaction.record_rating(
        ctx.repo, ctx.user, callback_data.case_id, callback_data.score, ctx.clock.now()
    )
    if result.outcome is RatingOutcome.NOT_YOURS:
        await acknowledge(query, ctx.t, ctx.profile, "rating-not-yours")
        return
    if result.outcome is RatingOutcome.NOT_RATABLE:
        # The case was reopened since the question was asked.
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        await drop_buttons(query)
        return
    await drop_buttons(query)
    if result.outcome is RatingOutcome.ALREADY_RATED:
        await acknowledge(query, ctx.t, ctx.profile, "rating-already")
        return
    await acknowledge(query, ctx.t, ctx.profile, "rating-recorded")
    if not isinstance(query.message, Message):
        return
    code = format_code(result.code, ctx.t.locale) if result.code else ""
    # A form left open keeps its place: the comment is offered only outside any form.
    if await state.get_state() is None and result.rating_id is not None:
        await state.set_state(RatingComment.comment)
        await state.set_data({"rating_id": result.rating_id})
        skip = RatingNoComment(rating_id=result.rating_id).pack()
        buttons = inline([[(ctx.t.plain("button-no-comment"), skip)]])
        await reply(query.message, ctx.t, ctx.profile, "rating-thanks-comment", buttons, code=code)
    else:
        await reply(query.message, ctx.t, ctx.profile, "rating-thanks", code=code)


async def commented(
    message: Message,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """The words after a rating: kept as its comment; words that show nothing are asked
    again."""
    if is_blank(message.text or ""):
        await reply(message, ctx.t, ctx.profile, "input-empty")
        return
    data = await state.get_data()
    await state.clear()
    result = await satisfaction.add_comment(
        ctx.repo, ctx.user, int(data["rating_id"]), message.text or "", ctx.clock.now()
    )
    key = "rating-comment-saved" if result.outcome is RatingOutcome.RECORDED else "rating-already"
    await reply(message, ctx.t, ctx.profile, key)


async def no_comment(
    query: CallbackQuery,
    callback_data: RatingNoComment,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """ "No comment": the rating stands as it is, and the next words are no comment."""
    waiting = await state.get_state() == RatingComment.comment.state
    data = await state.get_data() if waiting else {}
    await drop_buttons(query)
    if data.get("rating_id") != callback_data.rating_id:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        return
    await state.clear()
    await acknowledge(query, ctx.t, ctx.profile)
    if isinstance(query.message, Message):
        await reply(query.message, ctx.t, ctx.profile, "rating-no-comment")


def make_router() -> Router:
    """Ratings, in private chat; before the complaint form, so a comment is not taken for it."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.callback_query.register(rated, RatingChoice.filter())
    router.callback_query.register(no_comment, RatingNoComment.filter())
    router.message.register(
        commented, StateFilter(RatingComment.comment), F.text & ~F.text.startswith("/")
    )
    return router
