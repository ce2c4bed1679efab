"""Gates: routers taking only commands, menu buttons or form steps, skipped at once by others.

aiogram asks every router in turn, and in each router every handler's filters, until one
takes the update. A plain text outside a form would be checked against every command of every
staff router on its way to the relay or the fallback. `gated` puts such routers under one
parent router whose message filter (aiogram checks a router's own filters before its handlers
and its sub-routers, and skips them all when one fails) lets a message in only when it could
pass one of their handlers: it looks like one of their commands, is one of their menu buttons,
the person is in one of their states, or is an admin where some handler is for admins only.

The gate is derived from the handlers themselves, so it cannot drift from them: each message
handler under it must have a `Command` (or `CommandStart`), a menu button (`MenuButton`), a state
filter (`StateFilter`, a `State`) or `AdminOnly` among its filters, since a handler passes only
when all its filters do. A handler with none of them makes `gated` fail when the routers are built.
The gate is looser than the handlers, never stricter: what it lets in is decided by them, as
before; what it keeps out none of them would have taken. The order in which routers are asked,
callback queries and every other kind of update are untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiogram import Router
from aiogram.filters import Command, Filter, StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message, TelegramObject

from handlers.kit.context import Ctx
from handlers.kit.keyboards import MenuButton
from services.workflow import Role


class AdminOnly(Filter):
    """Passes admins only."""

    async def __call__(self, event: TelegramObject, ctx: Ctx) -> bool:
        return ctx.role is Role.ADMIN


@dataclass
class _Opening:
    """What lets a message into the gated routers."""

    prefixes: set[str] = field(default_factory=set)
    commands: set[str] = field(default_factory=set)  # casefolded
    any_command: bool = False  # a command given as a pattern: any name with the prefix
    texts: set[str] = field(default_factory=set)  # menu buttons' labels
    admins: bool = False  # a handler for admins only: whatever an admin sends
    states: set[str | None] = field(default_factory=set)
    any_state: bool = False  # "*": every message

    def add_command(self, command: Command) -> None:
        self.prefixes.update(command.prefix)
        for one in command.commands:
            if isinstance(one, str):
                self.commands.add(one.casefold())
            else:
                self.any_command = True

    def add_state(self, state: Any) -> None:
        if state is None or isinstance(state, str):
            self.any_state |= state == "*"
            self.states.add(state)
        elif isinstance(state, State):
            self.any_state |= state.state == "*"
            self.states.add(state.state)
        elif isinstance(state, StatesGroup):
            self.states.update(type(state).__all_states_names__)
        elif isinstance(state, type) and issubclass(state, StatesGroup):
            self.states.update(state.__all_states_names__)
        else:  # a state filter of a kind not known here: let everything in
            self.any_state = True


def gated(*routers: Router, name: str) -> Router:
    """One router holding `routers`, in order, behind a gate derived from their handlers."""
    opening = _Opening()
    for router in routers:
        for one in router.chain_tail:
            for handler in one.message.handlers:
                if not _opens(opening, [f.callback for f in handler.filters or ()]):
                    raise ValueError(
                        f"{one.name}: {handler.callback.__name__} takes neither a command, "
                        "nor a menu button, nor a state; it cannot be gated"
                    )
    parent = Router(name=name)
    parent.message.filter(_gate(opening))
    parent.include_routers(*routers)
    return parent


def _opens(opening: _Opening, checks: Iterable[Any]) -> bool:
    """Add to `opening` what one handler needs; whether it needs a command, a menu button or a
    state."""
    commands = [one for one in checks if isinstance(one, Command)]
    buttons = [one for one in checks if isinstance(one, MenuButton)]
    if any(isinstance(one, AdminOnly) for one in checks):
        opening.admins = True
        return True
    states = [one for one in checks if isinstance(one, StateFilter | State)]
    if commands:  # the handler needs a command: no need to look at its states
        for command in commands[:1]:
            opening.add_command(command)
        return True
    if buttons:
        opening.texts.update(buttons[0].labels)
        return True
    if states:
        one = states[0]
        for state in one.states if isinstance(one, StateFilter) else (one,):
            opening.add_state(state)
        return True
    return False


def _gate(opening: _Opening) -> Callable[..., Any]:
    prefixes = frozenset(opening.prefixes)
    commands = frozenset(opening.commands)
    states = frozenset(opening.states)
    buttons = frozenset(opening.texts)
    any_command, any_state, admins = opening.any_command, opening.any_state, opening.admins

    async def gate(message: Message, raw_state: str | None = None, ctx: Ctx | None = None) -> bool:
        if any_state or raw_state in states or message.text in buttons:
            return True
        if admins and ctx is not None and ctx.role is Role.ADMIN:
            return True
        text = message.text or message.caption
        if not text or not prefixes:
            return False
        # The command as aiogram's `Command` reads it: the first word, less its prefix and
        # any "@mention"; compared casefolded, so that a filter ignoring case is let in too.
        words = text.split(maxsplit=1)
        if not words or words[0][0] not in prefixes:
            return False
        return any_command or words[0][1:].partition("@")[0].casefold() in commands

    return gate
