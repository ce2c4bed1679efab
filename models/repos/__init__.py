"""The queries, one repository per aggregate, all over one session in the `Repo` holder.

Every table is declared in `models.tables`; every query on it is written once, in the
repository of the aggregate the table belongs to. No repository commits: the service that ends
a unit of work calls `Repo.commit()` once.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.audit import AuditRepo
from models.repos.case_reports import CaseReportRepo
from models.repos.cases import CaseRepo
from models.repos.certificates import CertificateRepo
from models.repos.claims import ClaimRepo, Key
from models.repos.drafts import DraftRepo
from models.repos.jobs import JobRepo
from models.repos.licences import LicenceRepo
from models.repos.office import OfficeRepo
from models.repos.outbox import OutboxRepo
from models.repos.ratings import RatingRepo
from models.repos.renewals import RenewalRepo
from models.repos.sessions import SessionRepo
from models.repos.staff import StaffRepo
from models.repos.threads import ThreadRepo
from models.repos.users import Names, UserRepo

__all__ = [
    "AuditRepo",
    "CaseRepo",
    "CaseReportRepo",
    "CertificateRepo",
    "ClaimRepo",
    "DraftRepo",
    "JobRepo",
    "LicenceRepo",
    "Names",
    "OfficeRepo",
    "OutboxRepo",
    "RatingRepo",
    "RenewalRepo",
    "Repo",
    "SessionRepo",
    "StaffRepo",
    "ThreadRepo",
    "UserRepo",
]


class Repo:
    """Every repository over one session; the service that ends a unit of work commits once."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        # people
        self.users = UserRepo(session)
        self.staff = StaffRepo(session)
        self.audit = AuditRepo(session)
        self.claims = ClaimRepo(session)
        # complaints
        self.cases = CaseRepo(session)
        self.threads = ThreadRepo(session)
        self.drafts = DraftRepo(session)
        self.ratings = RatingRepo(session)
        self.sessions = SessionRepo(session)
        self.outbox = OutboxRepo(session)
        # the office
        self.office = OfficeRepo(session)
        self.jobs = JobRepo(session)
        self.case_reports = CaseReportRepo(session)
        # certificates and licences
        self.certificates = CertificateRepo(session)
        self.licences = LicenceRepo(session)
        self.renewals = RenewalRepo(session)
        # The update in hand whose done-mark goes with the next commit (`done_with_commit`).
        self.done_pending: Key | None = None

    def done_with_commit(self, key: Key) -> None:
        """The update in hand is done as soon as what its handling writes is committed: the
        next commit carries its done-mark, in the same transaction."""
        self.done_pending = key

    async def commit(self) -> None:
        if self.done_pending is not None:
            await self.claims.done(self.done_pending)
            await self.session.commit()
            self.done_pending = None
            return
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
