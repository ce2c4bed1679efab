"""People on the platforms: one row per account, linked across platforms by a verified phone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import ColumnElement, bindparam, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.repos.common import chunks
from models.tables import User
from models.upsert import insert

# Last sight is kept to this resolution, so that not every update writes.
SEEN_RESOLUTION = timedelta(minutes=5)

# The person of an update, asked on every update: built once, so compiled once.
_BY_PLATFORM_ID = (
    select(User)
    .where(
        User.platform == bindparam("platform"),
        User.platform_user_id == bindparam("platform_user_id"),
    )
    .execution_options(populate_existing=True)
)


class Names(NamedTuple):
    """What a platform says a person is called."""

    first_name: str
    last_name: str | None
    username: str | None


def _verified(phone: str) -> tuple[ColumnElement[bool], ...]:
    """Accounts that verified this phone number."""
    return User.phone == phone, User.phone_verified_at.is_not(None)


class UserRepo:
    """People on the platforms."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def by_ids(self, user_ids: Sequence[int]) -> dict[int, User]:
        """The people with these ids, by id, in one statement per 500."""
        found: dict[int, User] = {}
        for chunk in chunks(user_ids):
            rows = await self.session.scalars(select(User).where(User.id.in_(chunk)))
            found.update({user.id: user for user in rows})
        return found

    async def by_platform_id(self, platform: str, platform_user_id: int) -> User | None:
        """The person's row as stored now, over anything this session loaded of it before."""
        return await self.session.scalar(
            _BY_PLATFORM_ID, {"platform": platform, "platform_user_id": platform_user_id}
        )

    async def by_username(self, username: str) -> User | None:
        return await self.session.scalar(
            select(User).where(func.lower(User.username) == username.lower()).limit(1)
        )

    @staticmethod
    def is_current(user: User, names: Names, now: datetime) -> bool:
        """Whether a person's row says what an update of theirs does: the same names, and a
        last sight within the resolution."""
        return (
            (user.first_name, user.last_name, user.username) == names
            and user.last_seen_at is not None
            and now - user.last_seen_at <= SEEN_RESOLUTION
        )

    async def upsert(
        self, *, platform: str, platform_user_id: int, names: Names, now: datetime
    ) -> tuple[User, bool]:
        """The user of an update, created on first sight; names and last sight kept fresh.

        One statement, so that two updates of a new person at once both find them. Returns the
        user and whether this statement wrote (created the row, changed a name, or refreshed
        the last sight); the caller commits soon either way (with the update's claim), ending
        the write it began.
        """
        statement = insert(self.session, User)
        given = statement.excluded
        stale = or_(User.last_seen_at.is_(None), User.last_seen_at < now - SEEN_RESOLUTION)
        written = await self.session.scalar(
            statement.values(
                platform=platform,
                platform_user_id=platform_user_id,
                first_name=names.first_name,
                last_name=names.last_name,
                username=names.username,
                last_seen_at=now,
                is_banned=False,
            )
            .on_conflict_do_update(
                index_elements=[User.platform, User.platform_user_id],
                set_={
                    "first_name": given.first_name,
                    "last_name": given.last_name,
                    "username": given.username,
                    "last_seen_at": case((stale, given.last_seen_at), else_=User.last_seen_at),
                    "updated_at": func.now(),
                },
                where=or_(
                    stale,
                    User.first_name.is_distinct_from(given.first_name),
                    User.last_name.is_distinct_from(given.last_name),
                    User.username.is_distinct_from(given.username),
                ),
            )
            .returning(User)
            .execution_options(populate_existing=True)
        )
        if written is not None:
            return written, True
        # Another update of theirs wrote the same a moment before: theirs is the row.
        user = await self.by_platform_id(platform, platform_user_id)
        assert user is not None  # the conflict was with it
        return user, False

    async def with_verified_phone(self, phone: str) -> list[User]:
        """Every account that verified this phone number."""
        rows = await self.session.scalars(select(User).where(*_verified(phone)).order_by(User.id))
        return list(rows)

    async def linked_ids(self, user: User) -> list[int]:
        """Ids of every account of the same person: those sharing a verified phone."""
        if user.phone is None or user.phone_verified_at is None:
            return [user.id]
        ids = set(await self.session.scalars(select(User.id).where(*_verified(user.phone))))
        ids.add(user.id)
        return sorted(ids)
