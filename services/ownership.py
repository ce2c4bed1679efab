"""Whose a case is: its complainant's, on any account linked to theirs by a verified phone."""

from __future__ import annotations

from models.repos import Repo
from models.tables import Case, User


async def owns(repo: Repo, user: User, case: Case) -> bool:
    """Whether a person filed this case, on this account or one linked to it."""
    return case.citizen_id in await repo.users.linked_ids(user)


async def own_case(
    repo: Repo, user: User, case_id: int, *, for_update: bool = False
) -> Case | None:
    """A case by its id if it is this person's; otherwise None, as for no case at all."""
    case = await repo.cases.by_id(case_id, for_update=for_update)
    return case if case is not None and await owns(repo, user, case) else None
