"""Staff and admin actions tried by someone without the role: answered, audited, not done.

In a staff chat, someone who is not a clerk there (not listed, not or no longer a member) is
shown nothing of any case whatever they try: a button, a staff command, a message in a case's
thread, the answer to a clerk's prompt. Each try is audited; the group is told once in a while,
not at every try.
"""

from __future__ import annotations

from datetime import timedelta

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks import CaseAction, CertAction, OpinionChoice
from bot.commands import ADMIN_COMMANDS, STAFF_COMMANDS
from bot.roles import ClerkCheck
from bot.ui import acknowledge, reply
from handlers.certificates import CertInput
from handlers.relay import InCaseThread
from handlers.staff import StaffInput, StaffOnly
from models.repositories import Repo
from models.tables import User
from services import people
from services.clock import Clock
from services.platforms import PlatformProfile
from services.texts import Texts
from services.workflow import Role

REFUSED_IN_STAFF_CHAT = "refused_in_staff_chat"
# A person refused in a staff chat is told so at most once in this long.
QUIET_AFTER_REFUSAL = timedelta(minutes=5)
MEMBERS_ONLY = "staff-chat-members-only"


async def refuse_command(
    message: Message,
    command: CommandObject,
    repo: Repo,
    user: User | None,
    role: Role,
    clerk_check: ClerkCheck,
    t: Texts,
    profile: PlatformProfile,
    clock: Clock,
) -> None:
    """A staff or admin command from someone who may not use it."""
    admin_only = command.command in ADMIN_COMMANDS and role is not Role.ADMIN
    if clerk_check.in_staff_chat and not admin_only:
        if await refused_in_staff_chat(repo, user, f"/{command.command}", clock):
            await reply(message, t, profile, MEMBERS_ONLY)
        return
    people.audit(repo, user, "refused", clock.now(), detail=f"/{command.command}")
    await repo.commit()
    await reply(message, t, profile, "admin-only" if admin_only else "staff-only")


async def refuse_button(
    query: CallbackQuery,
    repo: Repo,
    user: User | None,
    clerk_check: ClerkCheck,
    t: Texts,
    profile: PlatformProfile,
    clock: Clock,
) -> None:
    """A staff button pressed by someone who is not staff (a forwarded card, say)."""
    if not clerk_check.in_staff_chat:
        people.audit(repo, user, "refused", clock.now(), detail=query.data)
        await repo.commit()
        await acknowledge(query, t, profile, "staff-only")
        return
    # The kind of button only: its ids say nothing to whoever reads the audit log.
    kind = (query.data or "").partition(":")[0]
    told = await refused_in_staff_chat(repo, user, f"button {kind}", clock)
    # A callback answer is seen by the presser alone; where it becomes a message in the group,
    # it is said as rarely as the others.
    quiet = not told and profile.callback_answer_by_message(query.id)
    await acknowledge(query, t, profile, None if quiet else MEMBERS_ONLY)


async def refuse_in_staff_chat(
    message: Message,
    state: FSMContext,
    repo: Repo,
    user: User | None,
    t: Texts,
    profile: PlatformProfile,
    clock: Clock,
) -> None:
    """A message in a case's thread, or the answer to a clerk's prompt, from someone who is not
    (or no longer) a clerk there: it goes nowhere."""
    what = "prompt answer" if await state.get_state() is not None else "thread message"
    await state.clear()
    if await refused_in_staff_chat(repo, user, what, clock):
        await reply(message, t, profile, MEMBERS_ONLY)


async def refused_in_staff_chat(repo: Repo, user: User | None, what: str, clock: Clock) -> bool:
    """Audit a try in a staff chat by someone who is not a clerk there; whether to tell them
    (not when they were refused there within QUIET_AFTER_REFUSAL)."""
    now = clock.now()
    recently = user is None or await repo.people.audited_since(
        user.id, REFUSED_IN_STAFF_CHAT, now - QUIET_AFTER_REFUSAL
    )
    people.audit(repo, user, REFUSED_IN_STAFF_CHAT, now, detail=what)
    await repo.commit()
    return not recently


def make_router() -> Router:
    """Asked after every router that could have served the command, button or message."""
    router = Router(name=__name__)
    router.message.register(refuse_command, Command(*STAFF_COMMANDS, *ADMIN_COMMANDS))
    in_a_group = F.chat.type.in_({"group", "supergroup"})
    not_staff = ~StaffOnly()
    router.message.register(
        refuse_in_staff_chat,
        in_a_group,
        StateFilter(*StaffInput.__all_states__, CertInput.details),
        not_staff,
    )
    router.message.register(refuse_in_staff_chat, in_a_group, InCaseThread(), not_staff)
    router.callback_query.register(refuse_button, CaseAction.filter())
    router.callback_query.register(refuse_button, CertAction.filter())
    router.callback_query.register(refuse_button, OpinionChoice.filter())
    return router
