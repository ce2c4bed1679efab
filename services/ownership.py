"""Whose a case is: its complainant's, on any account linked to theirs by a verified phone.

A complaint referred by another body names its complainant by a mobile number only; the case
becomes the account's that verifies that number (`complainant`, `link`), and from then on it
is theirs like any case they filed.
"""

from __future__ import annotations

from datetime import datetime

from models.repos import Repo
from models.tables import Case, CaseEvent, User

# The history event of a referred case found by its complainant.
LINKED = "complainant_linked"


async def owns(repo: Repo, user: User, case: Case) -> bool:
    """Whether a person filed this case, on this account or one linked to it."""
    return case.citizen_id is not None and case.citizen_id in await repo.users.linked_ids(user)


async def own_case(
    repo: Repo, user: User, case_id: int, *, for_update: bool = False
) -> Case | None:
    """A case by its id if it is this person's; otherwise None, as for no case at all."""
    case = await repo.cases.by_id(case_id, for_update=for_update)
    return case if case is not None and await owns(repo, user, case) else None


async def complainant(repo: Repo, case: Case, now: datetime) -> User | None:
    """The complainant's account, to tell them of their case: the one the case names, or, for a
    referred case that names only a mobile, the account that verified that number last, which
    the case is linked to now. None while nobody has verified it."""
    if case.citizen_id is not None:
        return await repo.users.get(case.citizen_id)
    if case.contact_phone is None:
        return None
    accounts = await repo.users.with_verified_phone(case.contact_phone)
    if not accounts:
        return None
    person = max(accounts, key=lambda account: (account.phone_verified_at or now, account.id))
    link(repo, case, person, now)
    return person


def link(repo: Repo, case: Case, person: User, now: datetime) -> None:
    """A referred case becomes the person's who verified its complainant's mobile: it is in
    their /mycases, and every notice about it reaches them, on their platform and language."""
    case.citizen_id = person.id
    case.platform = person.platform
    if person.locale:
        case.locale = person.locale
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=person.id,
            actor_role="citizen",
            platform=person.platform,
            action=LINKED,
            from_status=case.status,
            to_status=case.status,
        )
    )
