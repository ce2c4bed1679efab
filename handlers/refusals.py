"""Staff and admin actions tried by someone without the role: answered, audited, not done.

In a staff chat, someone who is not a clerk there (not listed, not or no longer a member) is
shown nothing of any case whatever they try: a button, a staff command, a message in a case's
thread, the answer to a clerk's prompt. Each try is audited; a button is answered to its presser,
the rest in the group once in a while, not at every try (remembered in the conversation state of
that person in that group, which several workers share).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from handlers.certificates import CertInput
from handlers.kit.callbacks import (
    CaseAction,
    CertAction,
    OpinionChoice,
    ReferralBodyChoice,
    ReferralDone,
    ReferralSubjectChoice,
)
from handlers.kit.commands import ADMIN_COMMANDS, STAFF_COMMANDS
from handlers.kit.context import Ctx
from handlers.kit.ui import acknowledge, reply
from handlers.referrals import ReferralForm
from handlers.relay import InCaseThread
from handlers.staff import StaffInput, StaffOnly
from services import people
from services.clock import Clock
from services.workflow import Role

REFUSED_IN_STAFF_CHAT = "refused_in_staff_chat"
MEMBERS_ONLY = "staff-chat-members-only"
# A person refused in a staff group is told so there at most once in this long.
QUIET_AFTER_REFUSAL = timedelta(minutes=5)
TOLD_AT = "refusal_told_at"


async def refuse_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """A staff or admin command from someone who may not use it."""
    admin_only = command.command in ADMIN_COMMANDS and ctx.role is not Role.ADMIN
    if ctx.clerk_check.in_staff_chat and not admin_only:
        await refused_in_staff_chat(ctx, f"/{command.command}")
        if await first_in_a_while(state, ctx.clock):
            await reply(message, ctx.t, ctx.profile, MEMBERS_ONLY)
        return
    people.audit(ctx.repo, ctx.person, "refused", ctx.clock.now(), detail=f"/{command.command}")
    await ctx.repo.commit()
    await reply(message, ctx.t, ctx.profile, "admin-only" if admin_only else "staff-only")


async def refuse_button(
    query: CallbackQuery,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """A staff button pressed by someone who is not staff (a forwarded card, say)."""
    if not ctx.clerk_check.in_staff_chat:
        people.audit(ctx.repo, ctx.person, "refused", ctx.clock.now(), detail=query.data)
        await ctx.repo.commit()
        await acknowledge(query, ctx.t, ctx.profile, "staff-only")
        return
    # The kind of button only: its ids say nothing to whoever reads the audit log.
    kind = (query.data or "").partition(":")[0]
    await refused_in_staff_chat(ctx, f"button {kind}")
    # A callback answer is seen by the presser alone; where it is a message in the group
    # instead, it is said as rarely as the others.
    in_the_group = ctx.profile.callback_answer_by_message(query.id)
    told = not in_the_group or await first_in_a_while(state, ctx.clock)
    await acknowledge(query, ctx.t, ctx.profile, MEMBERS_ONLY if told else None)


async def refuse_in_staff_chat(
    message: Message,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """A message in a case's thread, or the answer to a clerk's prompt, from someone who is not
    (or no longer) a clerk there: it goes nowhere."""
    prompted = await state.get_state() is not None
    if prompted:
        # A prompt opened while they were a clerk is closed: what they type goes nowhere.
        await state.set_state(None)
    await refused_in_staff_chat(ctx, "prompt answer" if prompted else "thread")
    if await first_in_a_while(state, ctx.clock):
        await reply(message, ctx.t, ctx.profile, MEMBERS_ONLY)


async def refused_in_staff_chat(ctx: Ctx, what: str) -> None:
    """Audit a try in a staff chat by someone who is not a clerk there: what kind of try, never
    what was typed."""
    people.audit(ctx.repo, ctx.person, REFUSED_IN_STAFF_CHAT, ctx.clock.now(), detail=what)
    await ctx.repo.commit()


async def first_in_a_while(state: FSMContext, clock: Clock) -> bool:
    """Whether to tell this person in this group that they were refused: not again within
    QUIET_AFTER_REFUSAL of the last time."""
    now = clock.now()
    told = (await state.get_data()).get(TOLD_AT)
    if told is not None and now - datetime.fromisoformat(told) < QUIET_AFTER_REFUSAL:
        return False
    await state.update_data({TOLD_AT: now.isoformat()})
    return True


def make_router() -> Router:
    """Asked after every router that could have served the command, button or message."""
    router = Router(name=__name__)
    router.message.register(refuse_command, Command(*STAFF_COMMANDS, *ADMIN_COMMANDS))
    in_a_group = F.chat.type.in_({"group", "supergroup"})
    not_staff = ~StaffOnly()
    router.message.register(
        refuse_in_staff_chat,
        in_a_group,
        StateFilter(*StaffInput.__all_states__, CertInput.details, *ReferralForm.__all_states__),
        not_staff,
    )
    router.message.register(refuse_in_staff_chat, in_a_group, InCaseThread(), not_staff)
    router.callback_query.register(refuse_button, CaseAction.filter())
    router.callback_query.register(refuse_button, CertAction.filter())
    router.callback_query.register(refuse_button, OpinionChoice.filter())
    for choice in (ReferralBodyChoice, ReferralSubjectChoice, ReferralDone):
        router.callback_query.register(refuse_button, choice.filter())
    return router
