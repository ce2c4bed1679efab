"""Software certificate requests and their history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.tables import CertificateEvent, CertificateRequest


class CertificateRepo:
    """Software certificate requests and their history."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, request: CertificateRequest) -> None:
        self.session.add(request)

    def add_event(self, event: CertificateEvent) -> None:
        self.session.add(event)

    async def by_code(self, code: str) -> CertificateRequest | None:
        return await self.session.scalar(
            select(CertificateRequest).where(CertificateRequest.code == code)
        )

    async def by_id(
        self, request_id: int, *, for_update: bool = False
    ) -> CertificateRequest | None:
        query = select(CertificateRequest).where(CertificateRequest.id == request_id)
        if for_update:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def events_of(self, request_id: int) -> list[CertificateEvent]:
        rows = await self.session.scalars(
            select(CertificateEvent)
            .where(CertificateEvent.request_id == request_id)
            .order_by(CertificateEvent.id)
        )
        return list(rows)

    async def due_for_alert(self, now: datetime, limit: int) -> list[CertificateRequest]:
        """Requests whose next alert time has come; claimed so no two sweeps share one."""
        rows = await self.session.scalars(
            select(CertificateRequest)
            .where(CertificateRequest.next_alert_at <= now)
            .order_by(CertificateRequest.next_alert_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list(rows)

    async def of_phones(
        self, phones: Sequence[str], *, limit: int | None = None
    ) -> list[CertificateRequest]:
        """The requests whose applicant gave one of these phone numbers, newest first."""
        query = (
            select(CertificateRequest)
            .where(CertificateRequest.applicant_phone.in_(phones))
            .order_by(CertificateRequest.submitted_at.desc(), CertificateRequest.id.desc())
        )
        if limit is not None:
            query = query.limit(limit)
        return list(await self.session.scalars(query))

    async def count_events(self, request_id: int, action: str, since: datetime) -> int:
        """How many times `action` was done on a request since an instant."""
        found = await self.session.scalar(
            select(func.count(CertificateEvent.id)).where(
                CertificateEvent.request_id == request_id,
                CertificateEvent.action == action,
                CertificateEvent.at >= since,
            )
        )
        return int(found or 0)
