"""The staff side of a case: its card's buttons in the staff chat, and the same by command."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, Filter, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ForceReply, Message, TelegramObject

from handlers.kit.callbacks import CaseAction, OpinionChoice
from handlers.kit.context import Ctx
from handlers.kit.keyboards import from_buttons, inline
from handlers.kit.ui import acknowledge, drop_buttons, refusal, reply
from models.repos import Repo
from models.tables import Case
from services import people, relay
from services.casework import cards, moves, notes
from services.formatting import format_code
from services.normalize import is_blank, normalize_text
from services.outbox import Method
from services.relay import Content
from services.texts import LOCALES, texts
from services.tracking import parse_code
from services.workflow import Action, CaseStatus, Opinion, Refused, Role, status_label

STAFF_COMMANDS = ("case", "status", "assign", "opinion")


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


async def _case_by_code(repo: Repo, text: str) -> Case | None:
    code = parse_code(text)
    return await repo.cases.by_code(code.digits) if code else None


async def show_case(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/case CODE`: the case with its history and the moves allowed now."""
    case = await _case_by_code(ctx.repo, command.args or "")
    if case is None:
        await reply(message, ctx.t, ctx.profile, "staff-case-not-found")
        return
    await _send_card(message, ctx, case)


async def _send_card(
    message: Message,
    ctx: Ctx,
    case: Case,
) -> None:
    card = await cards.staff_card(ctx.repo, case, ctx.t, ctx.profile)
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
    is its key (`closed`) or its label (`باطل شده`)."""
    parts = (command.args or "").split(maxsplit=1)
    if len(parts) < 2:
        await reply(message, ctx.t, ctx.profile, "staff-status-usage")
        return
    case = await _case_by_code(ctx.repo, parts[0])
    if case is None:
        await reply(message, ctx.t, ctx.profile, "staff-case-not-found")
        return
    named = _status_named(parts[1])
    if named is None:
        await reply(message, ctx.t, ctx.profile, "staff-status-unknown", name=parts[1].split()[0])
        return
    target, reason = named
    action = moves.action_towards(case, target, ctx.role)
    if action is None:
        await reply(
            message,
            ctx.t,
            ctx.profile,
            "workflow-illegal",
            action=ctx.t.plain(status_label(target)),
            from_status=ctx.t.plain(status_label(case.status)),
        )
        return
    await _transition(message, ctx, case, action, reason)


def _status_named(text: str) -> tuple[CaseStatus, str | None] | None:
    """The status a text begins with, by its key or its label in either language (the longest
    that matches), and the rest of the text as the reason."""
    words = normalize_text(text).split()
    lowered = [word.lower() for word in words]
    names = sorted(
        (
            (normalize_text(name).lower().split(), status)
            for status in CaseStatus
            for name in (
                status.value,
                *(texts(locale).plain(status_label(status)) for locale in LOCALES),
            )
        ),
        key=lambda item: -len(item[0]),
    )
    for name, status in names:
        if lowered[: len(name)] == name:
            return status, " ".join(words[len(name) :]) or None
    return None


async def record_opinion(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/opinion CODE violation|no_violation [reason]`: the commission's opinion."""
    parts = (command.args or "").split(maxsplit=2)
    if len(parts) < 2 or parts[1] not in {o.value for o in Opinion}:
        await reply(message, ctx.t, ctx.profile, "staff-opinion-usage")
        return
    case = await _case_by_code(ctx.repo, parts[0])
    if case is None:
        await reply(message, ctx.t, ctx.profile, "staff-case-not-found")
        return
    reason = parts[2] if len(parts) > 2 else None
    await _transition(
        message,
        ctx,
        case,
        Action.RECORD_OPINION,
        reason,
        Opinion(parts[1]),
    )


async def assign(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/assign CODE @username | platform:id`: give the case to a clerk."""
    parts = (command.args or "").split()
    if len(parts) != 2:
        await reply(message, ctx.t, ctx.profile, "staff-assign-usage")
        return
    case = await _case_by_code(ctx.repo, parts[0])
    if case is None:
        await reply(message, ctx.t, ctx.profile, "staff-case-not-found")
        return
    clerk = await people.find_person(ctx.repo, parts[1], ctx.user.platform)
    if clerk is None:
        await reply(message, ctx.t, ctx.profile, "staff-assign-unknown", who=parts[1])
        return
    await notes.assign(ctx.repo, case, clerk, ctx.user, ctx.role, ctx.clock.now())
    await reply(
        message,
        ctx.t,
        ctx.profile,
        "staff-assigned",
        code=format_code(case.code, ctx.t.locale),
        clerk=clerk.full_name,
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
            query, ctx.t, ctx.profile, "staff-stale", status=ctx.t.plain(status_label(case.status))
        )
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
    done = await _transition(
        query.message,
        ctx,
        case,
        Action(action),
        None,
        None,
        state,
    )
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
    await _transition(
        query.message,
        ctx,
        case,
        Action.RECORD_OPINION,
        None,
        Opinion(callback_data.opinion),
        state,
    )


async def _redraw(query: CallbackQuery, case: Case, ctx: Ctx) -> None:
    if isinstance(query.message, Message):
        buttons = cards.staff_buttons(case, ctx.role, ctx.clock.now(), ctx.settings.config, ctx.t)
        await query.message.edit_reply_markup(reply_markup=from_buttons(buttons))


async def _transition(
    message: Message,
    ctx: Ctx,
    case: Case,
    action: Action,
    reason: str | None,
    opinion: Opinion | None = None,
    state: FSMContext | None = None,
) -> bool:
    """Make a move, or say why not; a missing reason or opinion is asked for."""
    result = await moves.apply(
        ctx.repo,
        case,
        action=action,
        actor=ctx.user,
        role=ctx.role,
        now=ctx.clock.now(),
        config=ctx.settings.config,
        reason=reason,
        opinion=opinion,
    )
    if isinstance(result, Refused):
        # Nothing was changed; read what the answer needs before the rollback expires the case.
        case_id, code, status = case.id, format_code(case.code, ctx.t.locale), case.status
        await ctx.repo.rollback()
        if result.key == "workflow-needs-reason" and state is not None:
            await state.set_state(StaffInput.reason)
            await state.set_data({"case_id": case_id, "action": action.value, "seen": status})
            await message.answer(
                ctx.t.render(
                    ctx.profile,
                    "staff-reason-prompt",
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
        await message.answer(refusal(ctx.t, ctx.profile, result))
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
        status=ctx.t.plain(status_label(case.status)),
        who=ctx.user.full_name,
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
    text = normalize_text(message.text or "")
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
                status=ctx.t.plain(status_label(case.status)),
            )
            return
        await _transition(
            message,
            ctx,
            case,
            Action(data["action"]),
            text,
        )
    elif raw_state == StaffInput.question.state:
        await notes.ask_citizen(ctx.repo, case, ctx.user, ctx.role, text, ctx.clock.now())
        await reply(
            message,
            ctx.t,
            ctx.profile,
            "staff-question-sent",
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
