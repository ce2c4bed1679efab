"""SQL: tables and the queries on them."""

from models.base import Base
from models.licences import Licence, LicenceSite
from models.renewals import RenewalReminder, RenewalSubscription
from models.tables import (
    Attachment,
    AuditEntry,
    Case,
    CaseEvent,
    CaseMessage,
    CertificateEvent,
    CertificateRequest,
    Closure,
    Draft,
    JobRun,
    OutboxMessage,
    ProcessedUpdate,
    QueuePolicy,
    Rating,
    StaffMember,
    ThreadMessage,
    User,
)

__all__ = [
    "Attachment",
    "AuditEntry",
    "Base",
    "Case",
    "CaseEvent",
    "CaseMessage",
    "CertificateEvent",
    "CertificateRequest",
    "Closure",
    "Draft",
    "JobRun",
    "Licence",
    "LicenceSite",
    "OutboxMessage",
    "ProcessedUpdate",
    "QueuePolicy",
    "Rating",
    "RenewalReminder",
    "RenewalSubscription",
    "StaffMember",
    "ThreadMessage",
    "User",
]
