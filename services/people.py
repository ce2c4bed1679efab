"""Who may do what beyond citizens: the listed clerks, banned users, and the audit of both."""

from __future__ import annotations

from datetime import datetime

from models.repos import Repo
from models.repos.cases import ERASED_CONTACT_NAME
from models.tables import AuditEntry, StaffMember, User
from services.normalize import to_ascii_digits, to_persian_digits
from services.texts import Texts


def display_name(user: User | None, t: Texts) -> str:
    """A person as staff read them: their name and @username where known, never a platform's
    id unless nothing else is known."""
    if user is None:
        return t.plain("value-unknown")
    name = user.full_name
    if user.username:
        if not name:
            return f"@{user.username}"
        return t.plain("person-name", name=name, username=user.username)
    if name:
        return name
    return unknown_person(user.platform, user.platform_user_id, t)


def contact_name(name: str | None, t: Texts) -> str | None:
    """A case's contact name as people read it: erased at the complainant's request said so
    in words; none given stays None, for the caller to say in its own words."""
    if name == ERASED_CONTACT_NAME:
        return t.plain("value-erased")
    return name or None


def unknown_person(platform: str, platform_user_id: int, t: Texts) -> str:
    """Someone the desk knows only by their platform's id: said in words, the id last."""
    number = str(platform_user_id)
    return t.plain(
        "person-unknown",
        platform=t.plain(f"platform-{platform}"),
        id=to_persian_digits(number) if t.locale == "fa" else number,
    )


async def find_person(repo: Repo, who: str, platform: str) -> User | None:
    """Someone the desk knows, by @username, `platform:id`, or a bare id on `platform`."""
    who = to_ascii_digits(who.strip())
    if who.startswith("@"):
        return await repo.users.by_username(who[1:])
    name, _, raw = who.rpartition(":")
    if raw.isdigit():
        return await repo.users.by_platform_id(name or platform, int(raw))
    return None


def audit(
    repo: Repo,
    actor: User | None,
    action: str,
    now: datetime,
    *,
    detail: str | None = None,
    case_id: int | None = None,
) -> None:
    """A line in the audit log, in the caller's transaction."""
    repo.audit.add(
        AuditEntry(
            at=now,
            user_id=actor.id if actor else None,
            platform=actor.platform if actor else None,
            action=action,
            detail=detail,
            case_id=case_id,
        )
    )


async def add_clerk(repo: Repo, person: User, by: User, now: datetime) -> bool:
    """List a person as a clerk; False if they already were."""
    listed = await repo.staff.add(
        StaffMember(
            platform=person.platform,
            platform_user_id=person.platform_user_id,
            added_by=by.id,
            added_at=now,
        )
    )
    if listed:
        audit(repo, by, "staff_added", now, detail=f"{person.platform}:{person.platform_user_id}")
    await repo.commit()
    return listed


async def remove_clerk(repo: Repo, person: User, by: User, now: datetime) -> bool:
    """Take a person off the clerks' list; False if they were not on it."""
    removed = await repo.staff.remove(person.platform, person.platform_user_id)
    if removed:
        audit(
            repo, by, "staff_removed", now, detail=f"{person.platform}:{person.platform_user_id}"
        )
        await repo.commit()
    return removed


async def set_banned(repo: Repo, person: User, banned: bool, by: User, now: datetime) -> bool:
    """Ban or unban a person; False if nothing changed. A banned person is told once."""
    if person.is_banned == banned:
        return False
    person.is_banned = banned
    person.ban_notified = False
    audit(
        repo,
        by,
        "banned" if banned else "unbanned",
        now,
        detail=f"{person.platform}:{person.platform_user_id}",
    )
    await repo.commit()
    return True
