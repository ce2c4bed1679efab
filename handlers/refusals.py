"""Staff and admin actions tried by someone without the role: answered, audited, not done."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import CaseAction, CertAction, OpinionChoice
from bot.commands import ADMIN_COMMANDS, STAFF_COMMANDS
from bot.ui import acknowledge, reply
from models.repositories import Repo
from models.tables import User
from services import people
from services.clock import Clock
from services.platforms import PlatformProfile
from services.texts import Texts
from services.workflow import Role


async def refuse_command(
    message: Message,
    command: CommandObject,
    repo: Repo,
    user: User | None,
    role: Role,
    t: Texts,
    profile: PlatformProfile,
    clock: Clock,
) -> None:
    """A staff or admin command from someone who may not use it."""
    people.audit(repo, user, "refused", clock.now(), detail=f"/{command.command}")
    await repo.commit()
    admin_only = command.command in ADMIN_COMMANDS and role is not Role.ADMIN
    await reply(message, t, profile, "admin-only" if admin_only else "staff-only")


async def refuse_button(
    query: CallbackQuery,
    repo: Repo,
    user: User | None,
    t: Texts,
    profile: PlatformProfile,
    clock: Clock,
) -> None:
    """A staff button pressed by someone who is not staff (a forwarded card, say)."""
    people.audit(repo, user, "refused", clock.now(), detail=query.data)
    await repo.commit()
    await acknowledge(query, t, profile, "staff-only")


def make_router() -> Router:
    """Asked after every router that could have served the command."""
    router = Router(name=__name__)
    router.message.register(refuse_command, Command(*STAFF_COMMANDS, *ADMIN_COMMANDS))
    router.callback_query.register(refuse_button, CaseAction.filter())
    router.callback_query.register(refuse_button, CertAction.filter())
    router.callback_query.register(refuse_button, OpinionChoice.filter())
    return router
