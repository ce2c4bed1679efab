"""What the desk holds about a person: shown on request, erased where the law allows, and
access records kept six months (DOMAIN.md §4)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from models.repositories import Repo
from models.tables import (
    Attachment,
    AuditEntry,
    Case,
    CaseEvent,
    CaseMessage,
    CertificateEvent,
    CertificateRequest,
    Draft,
    ProcessedUpdate,
    Rating,
    User,
)
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
    session = repo.session
    ids = await repo.users.linked_ids(user)
    accounts = list(await session.scalars(select(User).where(User.id.in_(ids))))
    cases = list(await session.scalars(select(Case).where(Case.citizen_id.in_(ids))))
    dossier: dict[str, Any] = {
        "accounts": [_row(account) for account in accounts],
        "cases": [],
        "certificate_requests": [],
        "access_records": [
            _row(entry)
            for entry in await session.scalars(
                select(AuditEntry).where(AuditEntry.user_id.in_(ids)).order_by(AuditEntry.at)
            )
        ],
    }
    for case in cases:
        item = _row(case, "business_key", "next_alert_at", "alert_stage")
        item["events"] = [
            _row(event, "case_id")
            for event in await session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)
            )
        ]
        item["messages"] = [
            _row(message, "case_id", "outbox_id")
            for message in await session.scalars(
                select(CaseMessage)
                .where(CaseMessage.case_id == case.id, CaseMessage.kind != "note")
                .order_by(CaseMessage.id)
            )
        ]
        item["attachments"] = [
            _row(attachment, "case_id", "file_id")
            for attachment in await session.scalars(
                select(Attachment).where(Attachment.case_id == case.id)
            )
        ]
        rating = await session.scalar(select(Rating).where(Rating.case_id == case.id))
        item["rating"] = _row(rating, "case_id") if rating else None
        dossier["cases"].append(item)
    phones = {account.phone for account in accounts if account.phone and account.phone_verified_at}
    if phones:
        for request in await session.scalars(
            select(CertificateRequest).where(CertificateRequest.applicant_phone.in_(phones))
        ):
            item = _row(request, "next_alert_at", "alert_stage")
            item["events"] = [
                _row(event, "request_id")
                for event in await session.scalars(
                    select(CertificateEvent)
                    .where(CertificateEvent.request_id == request.id)
                    .order_by(CertificateEvent.id)
                )
            ]
            dossier["certificate_requests"].append(item)
    return dossier


async def open_cases_of(repo: Repo, user: User) -> int:
    ids = await repo.users.linked_ids(user)
    rows = await repo.session.scalars(
        select(Case.id).where(
            Case.citizen_id.in_(ids), Case.status.in_([s.value for s in OPEN_STATUSES])
        )
    )
    return len(list(rows))


async def forget(repo: Repo, user: User, now: datetime) -> None:
    """Erase what the law lets the desk erase: the profile (names, username, phone, language),
    forms in progress, rating comments, and the contact details kept on finished cases.

    Kept: the case records themselves (the union's statutory records of complaints and
    decisions) and access records until their six months end.
    """
    session = repo.session
    await session.execute(delete(Draft).where(Draft.user_id == user.id))
    await session.execute(update(Rating).where(Rating.user_id == user.id).values(comment=None))
    await session.execute(
        update(Case).where(Case.citizen_id == user.id).values(contact_name="—", contact_phone=None)
    )
    user.first_name = ""
    user.last_name = None
    user.username = None
    user.phone = None
    user.phone_verified_at = None
    user.locale = None
    session.add(AuditEntry(at=now, user_id=user.id, platform=user.platform, action="forgotten"))
    await repo.commit()


async def purge(repo: Repo, now: datetime) -> tuple[int, int]:
    """Access records past six months and update claims past two days go."""
    access = await repo.session.execute(
        delete(AuditEntry).where(AuditEntry.action == "access", AuditEntry.at < now - ACCESS_KEPT)
    )
    claims = await repo.session.execute(
        delete(ProcessedUpdate).where(ProcessedUpdate.at < now - UPDATES_KEPT)
    )
    await repo.commit()
    return int(getattr(access, "rowcount", 0)), int(getattr(claims, "rowcount", 0))
