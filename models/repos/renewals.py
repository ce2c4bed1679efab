"""Licence holders' subscriptions to renewal reminders, and the reminders already sent (their
tables: `models.tables`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_, case, delete, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.repos.common import rowcount
from models.tables import Licence, RenewalReminder, RenewalSubscription, User
from models.upsert import add_new

__all__ = ["RenewalRepo"]


class RenewalRepo:
    """Queries on subscriptions and reminders. Never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def subscribe(self, subscription: RenewalSubscription) -> RenewalSubscription | None:
        """Follow a licence; None if the account followed it already."""
        key = (RenewalSubscription.user_id, RenewalSubscription.licence_id)
        return await add_new(self.session, subscription, key)

    async def add_reminder(self, reminder: RenewalReminder) -> bool:
        """Mark a reminder as sent; False if it had been already."""
        key = (
            RenewalReminder.subscription_id,
            RenewalReminder.expires_on,
            RenewalReminder.days_before,
        )
        return await add_new(self.session, reminder, key) is not None

    async def unsubscribe(self, user_id: int, licence_id: int | None = None) -> int:
        """Drop an account's subscription to a licence, or every one of its subscriptions;
        how many there were."""
        query = delete(RenewalSubscription).where(RenewalSubscription.user_id == user_id)
        if licence_id is not None:
            query = query.where(RenewalSubscription.licence_id == licence_id)
        result = await self.session.execute(query)
        return rowcount(result)

    async def followed_by(self, user_id: int) -> set[int]:
        """The licences an account follows."""
        rows = await self.session.scalars(
            select(RenewalSubscription.licence_id).where(RenewalSubscription.user_id == user_id)
        )
        return set(rows)

    async def due(
        self,
        today: date,
        offsets: Sequence[int],
        statuses: Sequence[str],
        *,
        limit: int,
    ) -> list[tuple[RenewalSubscription, Licence, User, int]]:
        """Subscriptions owed a reminder today, with their licence, account and offset.

        The offset owed is the smallest of ``offsets`` at or above the days left, so that a
        reminder missed while the desk was down goes out late, once, and an earlier one is
        not sent after a later one. One range scan of the index on the expiry date; rows
        claimed so that no two workers send the same reminder.
        """
        ordered = sorted(set(offsets))
        if not ordered or not statuses:
            return []
        owed = case(
            *(
                (Licence.expires_on <= date.fromordinal(today.toordinal() + offset), offset)
                for offset in ordered[:-1]
            ),
            else_=ordered[-1],
        )
        sent = exists().where(
            RenewalReminder.subscription_id == RenewalSubscription.id,
            RenewalReminder.expires_on == Licence.expires_on,
            RenewalReminder.days_before == owed,
        )
        horizon = date.fromordinal(today.toordinal() + ordered[-1])
        rows = await self.session.execute(
            select(RenewalSubscription, Licence, User, owed)
            .join(Licence, Licence.id == RenewalSubscription.licence_id)
            .join(User, User.id == RenewalSubscription.user_id)
            .where(
                and_(Licence.expires_on >= today, Licence.expires_on <= horizon),
                Licence.status.in_(statuses),
                ~sent,
            )
            .options(selectinload(Licence.sites))
            .order_by(Licence.expires_on, RenewalSubscription.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=RenewalSubscription)
        )
        return [(sub, licence, user, int(offset)) for sub, licence, user, offset in rows]
