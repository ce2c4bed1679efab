"""SQL: tables and the queries on them."""

from models.base import Base
from models.licences import Licence, LicenceSite
from models.tables import Attachment, Case, CaseEvent, Draft, OutboxMessage, User

__all__ = [
    "Attachment",
    "Base",
    "Case",
    "CaseEvent",
    "Draft",
    "Licence",
    "LicenceSite",
    "OutboxMessage",
    "User",
]
