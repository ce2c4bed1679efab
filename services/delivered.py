"""What follows a message's delivery, owned by the service that asked for it: the sender calls
the hook of a row's purpose with what the platform answered, and knows no purpose itself."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from models.repos import Repo
from models.tables import Case, OutboxMessage
from services import certificates, relay
from services.casework import cards
from services.outbox import Delivered, Purpose, purpose_of

Hook = Callable[[Repo, OutboxMessage, Case | None, Delivered], Awaitable[None]]

AFTER_DELIVERY: Mapping[Purpose, Hook] = {
    Purpose.STAFF_CARD: cards.card_delivered,
    Purpose.STAFF_TOPIC: relay.topic_made,
    Purpose.CERT_CARD: certificates.card_delivered,
}


async def after_delivery(
    repo: Repo, row: OutboxMessage, case: Case | None, delivered: Delivered
) -> None:
    """Run the hook of the row's purpose, in the transaction that marks the row sent."""
    purpose = purpose_of(row.purpose)
    hook = AFTER_DELIVERY.get(purpose) if purpose is not None else None
    if hook is not None:
        await hook(repo, row, case, delivered)
