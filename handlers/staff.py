"""The staff side of a case: its card's buttons in the staff chat, and the same by command."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from aiogram import F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, Filter, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ForceReply, Message, TelegramObject

from handlers.kit.callbacks import CaseAction, OpinionChoice
from handlers.kit.context import Ctx
from handlers.kit.keyboards import from_buttons, inline
from handlers.kit.ui import acknowledge, drop_buttons, refusal, reply, usage, usage_text
from models.tables import Case
from services import people, relay
from services.casework import cards, moves, notes
from services.casework.notices import status_text
from services.formatting import format_code
from services.names import OPINIONS, STATUS_NAMES
from services.normalize import as_written, is_blank
from services.outbox import Method
from services.relay import Content
from services.texts import Rendered
from services.tracking import parse_code
from services.workflow import Action, CaseStatus, Opinion, Refused, Role

logger = logging.getLogger(__name__)
# The words a move asks for, where they are not a reason: an agreement's terms.
_PROMPTS = {Action.AGREE: "staff-terms-prompt"}


class StaffOnly(Filter):
    """Passes admins, and clerks where they act (the handler then sees the role CLERK): listed
    with /staff add, or a current member of the staff chat the update comes from; outside the
    staff chats, a member of any of them. See `handlers.kit.roles`.

    Put it after the cheap filters (command, state, callback, thread): it may ask the platform,
    once an update.
    """

    async def __call__(self, event: TelegramObject, ctx: Ctx) -> bool | dict[str, Ctx]:
        if ctx.role is Role.ADMIN:
            return True
        if await ctx.clerk_check():
            return {"ctx": ctx.acting_as(Role.CLERK)}
        return False


class StaffInput(StatesGroup):
    """What a clerk is asked to type next in the staff chat: a reason, a question, a note."""

    reason = State()
    question = State()
    note = State()
    # Words to the respondent (the licence holder the complaint is about).
    respondent = State()


# --- commands -------------------------------------------------------------------------------


async def case_named(message: Message, ctx: Ctx, command: str, text: str) -> Case | None:
    """The case a command names by its code; else its usage, after what was wrong: nothing
    given, no code, or no case with that code."""
    if is_blank(text):
        await usage(message, ctx.t, ctx.profile, command)
        return None
    code = parse_code(text)
    if code is None:
        await usage(message, ctx.t, ctx.profile, command, "staff-not-a-code", text=text.strip())
        return None
    case = await ctx.repo.cases.by_code(code.digits)
    if case is None:
        shown = format_code(code, ctx.t.locale)
        await usage(message, ctx.t, ctx.profile, command, "staff-case-unknown", code=shown)
    return case


async def show_case(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/case CODE`: the case with its history and the moves allowed now."""
    case = await case_named(message, ctx, "case", command.args or "")
    if case is not None:
        await _send_card(message, ctx, case)


async def _send_card(
    message: Message,
    ctx: Ctx,
    case: Case,
) -> None:
    card = await cards.staff_card(ctx.repo, case, ctx.t, ctx.profile, ctx.clock.now())
    buttons = cards.staff_buttons(case, ctx.role, ctx.clock.now(), ctx.settings.config, ctx.t)
    sent = await message.answer(card.text, reply_markup=from_buttons(buttons))
    if card.cut:
        await sent.reply(cards.description_in_full(case, ctx.t, ctx.profile))


async def change_status(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/status CODE STATUS reason…`: the move to STATUS allowed from where the case is; STATUS
    by any of its names (`closed`, «مختومه», «باطل شده», «باطل»). A move not open now is
    answered with the moves that are."""
    code_text, _, rest = (command.args or "").strip().partition(" ")
    case = await case_named(message, ctx, "status", code_text)
    if case is None:
        return
    named = STATUS_NAMES.leading(rest)
    if named is None:
        lead = "staff-status-missing" if is_blank(rest) else "staff-status-unknown"
        await usage(message, ctx.t, ctx.profile, "status", lead, name=rest.split(" ")[0])
        return
    target, reason = CaseStatus(named[0]), as_written(named[1]) or None
    now, config = ctx.clock.now(), ctx.settings.config
    action = moves.action_towards(case, target, ctx.role)
    refused = moves.refusal_of(case, action, ctx.role, now, config) if action is not None else None
    if action is None or refused is not None:
        if refused is None:
            words = ctx.t.render(
                ctx.profile,
                "staff-status-illegal",
                code=format_code(case.code, ctx.t.locale),
                from_status=STATUS_NAMES.label(case.status, ctx.t),
                to_status=STATUS_NAMES.label(target, ctx.t),
            )
        else:
            words = Rendered(refusal(ctx.t, ctx.profile, refused))
        await message.answer(Rendered(f"{words}\n{_moves_open(case, ctx)}"))
        return
    await _transition(
        message, ctx, case, Move(action, reason), hint=partial(_moves_open, case, ctx)
    )


def _moves_open(case: Case, ctx: Ctx) -> Rendered:
    """The moves open to this person on the case now, as the commands that make them."""
    code = format_code(case.code, ctx.t.locale)
    lines = []
    for action in cards.drawn_moves(case, ctx.role, ctx.clock.now(), ctx.settings.config):
        target = moves.target_of(case, action, ctx.role)
        if action is Action.RECORD_OPINION:
            lines.append(ctx.t.render(ctx.profile, "staff-move-opinion", code=code))
        elif action is Action.AGREE:
            lines.append(ctx.t.render(ctx.profile, "staff-move-agree", code=code))
        elif target is not None and target != case.status:
            status = STATUS_NAMES.typed(target, ctx.t)
            lines.append(ctx.t.render(ctx.profile, "staff-move-to", code=code, status=status))
    if not lines:
        return ctx.t.render(ctx.profile, "staff-status-allowed-none")
    moves_now = Rendered("\n".join(f"• {line}" for line in lines))
    return ctx.t.render(ctx.profile, "staff-status-allowed", moves=moves_now)


async def record_opinion(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/opinion CODE OPINION [reason]`: the commission's opinion, by any of its names
    (`violation`, «تخلف», «عدم تخلف»); an admin's correction of one needs the reason."""
    code_text, _, rest = (command.args or "").strip().partition(" ")
    case = await case_named(message, ctx, "opinion", code_text)
    if case is None:
        return
    named = OPINIONS.leading(rest)
    if named is None:
        lead = "staff-opinion-missing" if is_blank(rest) else "staff-opinion-unknown"
        await usage(message, ctx.t, ctx.profile, "opinion", lead, name=rest)
        return
    opinion, reason = Opinion(named[0]), as_written(named[1]) or None
    await _transition(
        message,
        ctx,
        case,
        Move(Action.RECORD_OPINION, reason, opinion),
        hint=lambda: usage_text(ctx.t, ctx.profile, "opinion"),
    )


async def agree(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """`/agree CODE terms…`: the parties' agreement (سازش), which closes the case; without the
    terms, they are asked for."""
    code_text, _, rest = (command.args or "").strip().partition(" ")
    case = await case_named(message, ctx, "agree", code_text)
    if case is None:
        return
    terms = as_written(rest) or None
    await _transition(
        message,
        ctx,
        case,
        Move(Action.AGREE, terms),
        state,
        hint=lambda: usage_text(ctx.t, ctx.profile, "agree"),
    )


async def assign(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/assign CODE @username`: give the case to a clerk."""
    code_text, _, who = (command.args or "").strip().partition(" ")
    case = await case_named(message, ctx, "assign", code_text)
    if case is None:
        return
    who = who.strip()
    clerk = await people.find_person(ctx.repo, who, ctx.user.platform) if who else None
    if clerk is None:
        lead = "staff-person-missing" if not who else "staff-person-unknown"
        await usage(message, ctx.t, ctx.profile, "assign", lead, who=who)
        return
    await notes.assign(ctx.repo, case, clerk, ctx.user, ctx.role, ctx.clock.now())
    await reply(
        message,
        ctx.t,
        ctx.profile,
        "staff-assigned",
        code=format_code(case.code, ctx.t.locale),
        clerk=people.display_name(clerk, ctx.t),
    )


# --- the card's buttons -------------------------------------------------------------------


async def case_button(
    query: CallbackQuery,
    callback_data: CaseAction,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """A tap on a case's button; one drawn for an earlier status changes nothing."""
    if not isinstance(query.message, Message):
        return
    case = await ctx.repo.cases.by_id(callback_data.case_id, for_update=True)
    if case is None:
        await acknowledge(query, ctx.t, ctx.profile, "staff-case-not-found")
        return
    action = callback_data.action
    if action == "view":
        await acknowledge(query, ctx.t, ctx.profile)
        await _send_card(query.message, ctx, case)
        return
    if callback_data.seen and callback_data.seen != case.status:
        await acknowledge(
            query, ctx.t, ctx.profile, "staff-stale", status=STATUS_NAMES.label(case.status, ctx.t)
        )
        await _redraw(query, case, ctx)
        return
    now, config = ctx.clock.now(), ctx.settings.config
    if action not in ("ask", "note", "respondent") and action not in cards.drawn_moves(
        case, ctx.role, now, config
    ):
        # Drawn before something else changed (the opinion recorded, a window closed).
        await acknowledge(query, ctx.t, ctx.profile, "staff-button-gone")
        await _redraw(query, case, ctx)
        return
    if action in ("ask", "note", "respondent"):
        await acknowledge(query, ctx.t, ctx.profile)
        prompts = {
            "ask": StaffInput.question,
            "note": StaffInput.note,
            "respondent": StaffInput.respondent,
        }
        await state.set_state(prompts[action])
        await state.set_data({"case_id": case.id})
        await query.message.answer(
            ctx.t.render(
                ctx.profile, f"staff-{action}-prompt", code=format_code(case.code, ctx.t.locale)
            ),
            reply_markup=ForceReply(selective=True),
        )
        return
    await acknowledge(query, ctx.t, ctx.profile)
    done = await _transition(query.message, ctx, case, Move(Action(action)), state)
    if done:
        await _redraw(query, case, ctx)


async def opinion_button(
    query: CallbackQuery,
    callback_data: OpinionChoice,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """The commission's opinion, chosen with its button."""
    if not isinstance(query.message, Message):
        return
    case = await ctx.repo.cases.by_id(callback_data.case_id, for_update=True)
    if case is None or case.status != callback_data.seen or case.opinion is not None:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        await drop_buttons(query)
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    move = Move(Action.RECORD_OPINION, opinion=Opinion(callback_data.opinion))
    done = await _transition(query.message, ctx, case, move, state)
    if done:
        await _redraw_card(query, case, ctx)


async def _redraw(query: CallbackQuery, case: Case, ctx: Ctx) -> None:
    if isinstance(query.message, Message):
        buttons = cards.staff_buttons(case, ctx.role, ctx.clock.now(), ctx.settings.config, ctx.t)
        await query.message.edit_reply_markup(reply_markup=from_buttons(buttons))


async def _redraw_card(query: CallbackQuery, case: Case, ctx: Ctx) -> None:
    """The case's card in this chat shows the moves drawn now (the opinion chosen under a
    reply of its own, the card's button to record it is gone)."""
    message = query.message
    if (
        not isinstance(message, Message)
        or message.bot is None
        or case.staff_message_id is None
        or case.staff_platform != ctx.profile.platform
        or case.staff_chat_id != message.chat.id
    ):
        return
    buttons = cards.staff_buttons(case, ctx.role, ctx.clock.now(), ctx.settings.config, ctx.t)
    try:
        await message.bot.edit_message_reply_markup(
            chat_id=case.staff_chat_id,
            message_id=case.staff_message_id,
            reply_markup=from_buttons(buttons),
        )
    except TelegramAPIError as error:
        # The card may be gone or too old to edit; its stale buttons change nothing.
        logger.info("could not redraw a case's card: %s", type(error).__name__)


@dataclass(frozen=True)
class Move:
    """A move asked for: the action, with the reason and the opinion where given."""

    action: Action
    reason: str | None = None
    opinion: Opinion | None = None


async def _transition(
    message: Message,
    ctx: Ctx,
    case: Case,
    move: Move,
    state: FSMContext | None = None,
    hint: Callable[[], Rendered] | None = None,
) -> bool:
    """Make a move, or say why not; a missing reason or opinion is asked for. `hint` follows
    a refusal of a command (the moves open now, the command's usage)."""
    action = move.action
    result = await moves.apply(
        ctx.repo,
        case,
        action=action,
        actor=ctx.user,
        role=ctx.role,
        now=ctx.clock.now(),
        config=ctx.settings.config,
        reason=move.reason,
        opinion=move.opinion,
    )
    if isinstance(result, Refused):
        # Nothing was changed; read what the answer needs before the rollback expires the case.
        case_id, code, status = case.id, format_code(case.code, ctx.t.locale), case.status
        shown_hint = hint() if hint is not None else None
        await ctx.repo.rollback()
        if result.key == "workflow-needs-reason" and state is not None:
            await state.set_state(StaffInput.reason)
            await state.set_data({"case_id": case_id, "action": action.value, "seen": status})
            await message.answer(
                ctx.t.render(
                    ctx.profile,
                    _PROMPTS.get(action, "staff-reason-prompt"),
                    code=code,
                    action=ctx.t.plain(f"action-{action}"),
                ),
                reply_markup=ForceReply(selective=True),
            )
            return False
        if result.key == "workflow-needs-opinion":
            rows = [
                [
                    (
                        ctx.t.plain(f"opinion-{choice}"),
                        OpinionChoice(case_id=case_id, opinion=choice, seen=status).pack(),
                    )
                ]
                for choice in Opinion
            ]
            await message.answer(
                ctx.t.render(ctx.profile, "staff-opinion-choose", code=code),
                reply_markup=inline(rows),
            )
            return False
        words = refusal(ctx.t, ctx.profile, result)
        await message.answer(Rendered(f"{words}\n{shown_hint}") if shown_hint else words)
        return False
    # The next moves come with the confirmation, wherever the move was made.
    buttons = cards.staff_buttons(case, ctx.role, ctx.clock.now(), ctx.settings.config, ctx.t)
    await reply(
        message,
        ctx.t,
        ctx.profile,
        "staff-moved",
        from_buttons(buttons),
        code=format_code(case.code, ctx.t.locale),
        action=ctx.t.plain(f"action-{action}"),
        status=status_text(case, ctx.t),
        who=people.display_name(ctx.user, ctx.t),
    )
    return True


# --- what a clerk types after a prompt ------------------------------------------------------


async def typed_input(
    message: Message,
    state: FSMContext,
    raw_state: str,
    ctx: Ctx,
) -> None:
    """The reason, question or note a clerk was asked for; words that show nothing are asked
    again."""
    if is_blank(message.text or ""):
        await reply(message, ctx.t, ctx.profile, "input-empty")
        return
    data = await state.get_data()
    await state.clear()
    case = await ctx.repo.cases.by_id(int(data["case_id"]), for_update=True)
    text = as_written(message.text or "")
    if case is None:
        await reply(message, ctx.t, ctx.profile, "staff-case-not-found")
        return
    if raw_state == StaffInput.reason.state:
        if case.status != data.get("seen"):
            await reply(
                message,
                ctx.t,
                ctx.profile,
                "staff-stale",
                status=STATUS_NAMES.label(case.status, ctx.t),
            )
            return
        await _transition(message, ctx, case, Move(Action(data["action"]), text))
    elif raw_state == StaffInput.question.state:
        asked = await notes.ask_citizen(ctx.repo, case, ctx.user, ctx.role, text, ctx.clock.now())
        await reply(
            message,
            ctx.t,
            ctx.profile,
            "staff-question-sent" if asked else "relay-complainant-absent",
            code=format_code(case.code, ctx.t.locale),
        )
    elif raw_state == StaffInput.respondent.state:
        sent = await relay.to_respondent(
            ctx.repo, case, ctx.user, ctx.role, Content(Method.TEXT, text), ctx.clock.now()
        )
        await reply(
            message,
            ctx.t,
            ctx.profile,
            "respondent-sent" if sent else "respondent-not-on-desk",
            code=format_code(case.code, ctx.t.locale),
        )
    else:
        await notes.note(ctx.repo, case, ctx.user, ctx.role, text, ctx.clock.now())
        await reply(
            message,
            ctx.t,
            ctx.profile,
            "staff-note-saved",
            code=format_code(case.code, ctx.t.locale),
        )


async def staff_help(message: Message, ctx: Ctx) -> None:
    """`/help` in a staff chat: the commands of clerks (and of admins, to an admin)."""
    await reply(message, ctx.t, ctx.profile, "help-staff")
    if ctx.role is Role.ADMIN:
        await reply(message, ctx.t, ctx.profile, "help-admin")


async def staff_cancel(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """`/cancel` in a staff chat: drop the reason, question or note being asked for."""
    asked = await state.get_state() is not None
    await state.clear()
    await reply(
        message, ctx.t, ctx.profile, "staff-prompt-cancelled" if asked else "nothing-to-cancel"
    )


def make_router() -> Router:
    """Staff-only handlers: every one needs the clerk or admin role."""
    router = Router(name=__name__)
    staff = StaffOnly()
    router.message.register(staff_help, Command("help"), F.chat.type != "private", staff)
    router.message.register(staff_cancel, Command("cancel"), F.chat.type != "private", staff)
    router.message.register(show_case, Command("case"), staff)
    router.message.register(change_status, Command("status"), staff)
    router.message.register(record_opinion, Command("opinion"), staff)
    router.message.register(agree, Command("agree"), staff)
    router.message.register(assign, Command("assign"), staff)
    router.message.register(
        typed_input,
        StateFilter(*StaffInput.__all_states__),
        F.text & ~F.text.startswith("/"),
        staff,
    )
    router.callback_query.register(case_button, CaseAction.filter(), staff)
    router.callback_query.register(opinion_button, OpinionChoice.filter(), staff)
    return router
