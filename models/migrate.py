"""Applying Alembic migrations from code: `python -m bot migrate` and the tests use this."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncSession

ROOT = Path(__file__).resolve().parent.parent


def alembic_config(database_url: str) -> Config:
    """An Alembic config pointing at this project's migrations and the given database."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "models" / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


async def reencrypt(database_url: str, *after: Callable[[AsyncSession], Awaitable[int]]) -> int:
    """Every encrypted value under the current key (see models.crypto), then the steps given
    (the description index, written under the current key too); how many values changed."""
    from models.crypto import reencrypt as reencrypt_rows
    from models.database import make_engine, make_sessionmaker

    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            changed = await reencrypt_rows(session)
            for step in after:
                changed += await step(session)
            return changed
    finally:
        await engine.dispose()
