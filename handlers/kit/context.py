"""What a handler needs of its update besides the event: one typed value, built once."""

from __future__ import annotations

from dataclasses import dataclass, replace

from handlers.kit.platforms import DeskBot
from handlers.kit.roles import ClerkCheck, Roles
from models.repos import Repo
from models.tables import User
from services.clock import Clock
from services.platforms import PlatformProfile
from services.settings import Settings
from services.texts import Texts
from services.workflow import Role


@dataclass(frozen=True, slots=True)
class Ctx:
    """The person, their role and language, the platform, the clock, the settings and the
    repositories of one update; the middleware puts it in `data["ctx"]`."""

    bot: DeskBot
    repo: Repo
    person: User | None
    role: Role
    is_admin: bool
    t: Texts
    profile: PlatformProfile
    clock: Clock
    settings: Settings
    roles: Roles
    clerk_check: ClerkCheck

    @property
    def user(self) -> User:
        """The person speaking, where a handler is only reached by one (private chats, staff)."""
        if self.person is None:
            raise LookupError("this update has no person")
        return self.person

    def acting_as(self, role: Role) -> Ctx:
        """The same update, with the role a filter found (a clerk where they act)."""
        return replace(self, role=role)
