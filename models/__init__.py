"""SQL: tables and the queries on them."""

from models.base import Base
from models.licences import Licence, LicenceSite
from models.tables import (
    Attachment,
    Case,
    CaseEvent,
    CaseMessage,
    CertificateEvent,
    CertificateRequest,
    Closure,
    Draft,
    JobRun,
    OutboxMessage,
    QueuePolicy,
    User,
)

__all__ = [
    "Attachment",
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
    "QueuePolicy",
    "User",
]
