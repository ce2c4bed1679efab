"""Renewal reminders for licence holders (DOMAIN.md §2: "Licence holders need renewal
reminders before expiry").

A holder proves who they are with the phone number the platform verified; every licence whose
holder phone is that number can be followed. Reminders go 30, 7 and 1 days before expiry, each
once: a reminder sent is a row, unique per subscription, expiry date and offset, written in the
same transaction that puts the message in the outbox. The scheduler looks once a day, after the
morning hour, with one indexed query; a reminder missed while the desk was down goes out late,
once, and only the latest one owed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models.repos import Repo
from models.tables import Licence, RenewalReminder, RenewalSubscription, User
from services.alerts import digest_period
from services.calendar import tehran_today
from services.desk import DeskConfig
from services.formatting import format_date, format_number, localize_digits
from services.licences import REMINDER_OFFSETS, LicenceStatus, LicenceView
from services.outbox import Purpose, enqueue, person, text_for
from services.texts import texts

__all__ = [
    "RENEWAL_JOB",
    "Holding",
    "Holdings",
    "NeedsPhone",
    "NoLicences",
    "follow",
    "holdings",
    "owed_offset",
    "send_renewal_reminders",
    "subscribe",
    "unfollow",
    "unsubscribe",
]

RENEWAL_JOB = "renewal_reminders"
SWEEP_BATCH = 500
# Only a licence recorded valid is reminded: one under renewal is being renewed already.
_REMINDED = (LicenceStatus.VALID.value,)


@dataclass(frozen=True)
class Holding:
    """A licence held under the account's phone: the days left before it expires (negative:
    past), and whether the account follows its renewal."""

    licence_id: int
    view: LicenceView
    days_left: int
    followed: bool = False

    @property
    def remindable(self) -> bool:
        """A licence in force, or being renewed, can be followed; an expired, suspended or
        revoked one has no renewal to remind of."""
        return self.view.status in _FOLLOWABLE


@dataclass(frozen=True)
class NeedsPhone:
    """The account has no verified phone number: nothing proves whose licences are whose."""


@dataclass(frozen=True)
class NoLicences:
    """No licence in the registry has this phone number as its holder's."""

    phone: str


Holdings = list[Holding] | NeedsPhone | NoLicences
_FOLLOWABLE = frozenset({LicenceStatus.VALID, LicenceStatus.RENEWAL})


def owed_offset(days_left: int, offsets: tuple[int, ...] = REMINDER_OFFSETS) -> int | None:
    """The reminder owed with ``days_left`` days to go: the smallest offset at or above it.

    30 days or fewer → the 30-day one, 7 or fewer → the 7-day one, 1 or 0 → the last one.
    """
    if days_left < 0:
        return None
    fitting = [offset for offset in offsets if offset >= days_left]
    return min(fitting) if fitting else None


async def _held(
    repo: Repo, user: User
) -> tuple[list[Licence], set[int]] | NeedsPhone | NoLicences:
    """The licences held under the account's verified phone and the ids of those it follows;
    or why there are none to show."""
    if user.phone is None or user.phone_verified_at is None:
        return NeedsPhone()
    licences = await repo.licences.held_by(user.phone)
    if not licences:
        return NoLicences(user.phone)
    return licences, await repo.renewals.followed_by(user.id)


async def holdings(repo: Repo, user: User, now: datetime) -> Holdings:
    """The licences held under the account's verified phone, by expiry date, each with whether
    it is followed."""
    found = await _held(repo, user)
    if not isinstance(found, tuple):
        return found
    licences, followed = found
    today = tehran_today(now)
    return [_holding(licence, today, licence.id in followed) for licence in licences]


async def follow(repo: Repo, user: User, now: datetime, licence_id: int | None) -> Holdings:
    """Follow one licence held under the account's verified phone, or every one that can be
    followed (``None``); those followed already stay.

    A reminder whose time has come already is taken as told by the answer, which shows the
    days left: the next one owed is the next offset.
    """
    found = await _held(repo, user)
    if not isinstance(found, tuple):
        return found
    licences, followed = found
    today = tehran_today(now)
    for licence in licences:
        holding = _holding(licence, today, licence.id in followed)
        wanted = licence_id is None or licence.id == licence_id
        if holding.followed or not holding.remindable or not wanted:
            continue
        subscription = await repo.renewals.subscribe(
            RenewalSubscription(user_id=user.id, licence_id=licence.id, created_at=now)
        )
        if subscription is None:
            continue  # followed already
        offset = owed_offset((licence.expires_on - today).days)
        if offset is not None and licence.status in _REMINDED:
            await repo.renewals.add_reminder(
                RenewalReminder(
                    subscription_id=subscription.id,
                    expires_on=licence.expires_on,
                    days_before=offset,
                    sent_at=now,
                )
            )
    await repo.commit()
    return await holdings(repo, user, now)


async def unfollow(repo: Repo, user: User, now: datetime, licence_id: int | None) -> Holdings:
    """Stop following one licence, or every one (``None``)."""
    held = await holdings(repo, user, now)
    if not isinstance(held, list):
        return held
    await repo.renewals.unsubscribe(user.id, licence_id)
    await repo.commit()
    return await holdings(repo, user, now)


async def subscribe(repo: Repo, user: User, now: datetime) -> Holdings:
    """Follow every licence that can be followed under the account's verified phone."""
    return await follow(repo, user, now, None)


def _holding(licence: Licence, today: date, followed: bool) -> Holding:
    view = LicenceView.of(licence, today)
    return Holding(licence.id, view, (licence.expires_on - today).days, followed)


async def unsubscribe(repo: Repo, user: User) -> int:
    """Stop every reminder of this account; how many licences it followed."""
    count = await repo.renewals.unsubscribe(user.id)
    await repo.commit()
    return count


async def send_renewal_reminders(repo: Repo, now: datetime, config: DeskConfig) -> int:
    """Today's renewal reminders, once a day after the morning hour; how many were queued."""
    period = digest_period(now, config)
    if period is None or await repo.jobs.done(RENEWAL_JOB, period):
        return 0
    today = tehran_today(now)
    queued = 0
    while True:
        due = await repo.renewals.due(today, REMINDER_OFFSETS, _REMINDED, limit=SWEEP_BATCH)
        if not due:
            break
        for subscription, licence, user, offset in due:
            claimed = await repo.renewals.add_reminder(
                RenewalReminder(
                    subscription_id=subscription.id,
                    expires_on=licence.expires_on,
                    days_before=offset,
                    sent_at=now,
                )
            )
            if claimed and not user.is_banned:
                _remind(repo, user, licence, today, now, config)
                queued += 1
        await repo.commit()
    await repo.jobs.mark(RENEWAL_JOB, period, now)
    await repo.commit()
    return queued


def _remind(
    repo: Repo, user: User, licence: Licence, today: date, now: datetime, config: DeskConfig
) -> None:
    t = texts(user.locale or config.staff_locale)
    days = (licence.expires_on - today).days
    enqueue(
        repo,
        text_for(
            person(user),
            t,
            "licence-renewal-reminder",
            days=days,
            n=format_number(days, t.locale),
            number=localize_digits(licence.number, t.locale),
            business=licence.business_name,
            expires=format_date(licence.expires_on, t.locale),
        ),
        now=now,
        purpose=Purpose.LICENCE_RENEWAL,
    )
