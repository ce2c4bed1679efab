"""What the desk holds about a person: shown on request, erased where the law allows, and
access records kept six months (DOMAIN.md §4)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from models.repos import Repo
from models.tables import User
from services.people import audit
from services.workflow import OPEN_STATUSES

ACCESS_KEPT = timedelta(days=183)  # six months
UPDATES_KEPT = timedelta(days=2)  # platforms redeliver for a day at most


def _row(obj: Any, *skip: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in obj.__table__.columns:
        if column.key in skip:
            continue
        value = getattr(obj, column.key)
        out[column.key] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


async def everything_about(repo: Repo, user: User) -> dict[str, Any]:
    """Every record held about a person and their linked accounts."""
    ids = await repo.users.linked_ids(user)
    found = await repo.users.by_ids(ids)
    accounts = [found[user_id] for user_id in ids if user_id in found]
    dossier: dict[str, Any] = {
        "accounts": [_row(account) for account in accounts],
        "cases": [],
        "certificate_requests": [],
        "access_records": [_row(entry) for entry in await repo.audit.of_users(ids)],
    }
    # Oldest first, every one of them.
    for case in reversed(await repo.cases.of_citizens(ids, limit=None)):
        item = _row(case, "business_key", "description_index", "next_alert_at", "alert_stage")
        item["events"] = [_row(event, "case_id") for event in await repo.cases.events_of(case.id)]
        item["messages"] = [
            _row(message, "case_id", "outbox_id")
            for message in await repo.cases.messages_to_and_from_citizen(case.id)
        ]
        item["attachments"] = [
            _row(attachment, "case_id", "file_id")
            for attachment in await repo.cases.attachments(case.id)
        ]
        rating = await repo.ratings.of_case(case.id)
        item["rating"] = _row(rating, "case_id") if rating else None
        dossier["cases"].append(item)
    phones = [account.phone for account in accounts if account.phone and account.phone_verified_at]
    for request in await repo.certificates.of_phones(phones) if phones else []:
        item = _row(request, "next_alert_at", "alert_stage")
        item["events"] = [
            _row(event, "request_id") for event in await repo.certificates.events_of(request.id)
        ]
        dossier["certificate_requests"].append(item)
    return dossier


async def open_cases_of(repo: Repo, user: User) -> int:
    """How many of the person's cases the union still works on."""
    ids = await repo.users.linked_ids(user)
    return await repo.cases.count_of_citizens(ids, [status.value for status in OPEN_STATUSES])


async def forget(repo: Repo, user: User, now: datetime) -> None:
    """Erase what the law lets the desk erase: the profile (names, username, phone, language),
    forms in progress, rating comments, and the contact details kept on finished cases.

    Kept: the case records themselves (the union's statutory records of complaints and
    decisions) and access records until their six months end.
    """
    await repo.drafts.delete(user.id)
    await repo.ratings.forget_comments(user.id)
    await repo.cases.forget_contact(user.id)
    user.first_name = ""
    user.last_name = None
    user.username = None
    user.phone = None
    user.phone_verified_at = None
    user.locale = None
    audit(repo, user, "forgotten", now)
    await repo.commit()


async def purge(repo: Repo, now: datetime) -> tuple[int, int]:
    """Access records past six months and update claims past two days go."""
    access = await repo.audit.purge_access(now - ACCESS_KEPT)
    claims = await repo.claims.purge(now - UPDATES_KEPT)
    await repo.commit()
    return access, claims
