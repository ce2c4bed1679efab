"""the words people write are encrypted at rest, and searched by keyed digests

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-24 10:00:00
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Columns whose values become encrypted (models.crypto).
ENCRYPTED = (
    ("cases", "description"),
    ("case_events", "note"),
    ("case_messages", "text"),
    ("ratings", "comment"),
    ("drafts", "data"),
    ("outbox", "payload"),
)
# JSON columns that now hold encrypted text.
JSON_COLUMNS = (("drafts", "data"), ("outbox", "payload"))
BATCH = 1000


def _rewrite(
    table: str, column: str, change: Callable[[str], str], where: str = "", into: str = ""
) -> None:
    """Rewrite a column's values row by row, in batches, where `change` changes them (or write
    what `change` makes of them into the column `into`)."""
    bind = op.get_bind()
    condition = f"{column} IS NOT NULL AND id > :last" + (f" AND {where}" if where else "")
    last = 0
    while True:
        rows = bind.execute(
            sa.text(f"SELECT id, {column} FROM {table} WHERE {condition} ORDER BY id LIMIT :n"),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            return
        for row_id, stored in rows:
            last = row_id
            changed = change(stored)
            if into or changed != stored:
                bind.execute(
                    sa.text(f"UPDATE {table} SET {into or column} = :value WHERE id = :id"),
                    {"value": changed, "id": row_id},
                )


def _json_to_text(type_: sa.types.TypeEngine[object], using: str) -> None:
    # Only PostgreSQL checks a JSON column's values; SQLite keeps any text in it, and rebuilding
    # the outbox there would fire case_messages' ON DELETE SET NULL on every row.
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in JSON_COLUMNS:
        op.alter_column(
            table, column, type_=type_, postgresql_using=f"{column}::{using}", existing_nullable=False
        )


def upgrade() -> None:
    from models.crypto import PREFIX, keyring, sealed_json
    from services.personal_data import description_index, redacted

    if op.get_bind().dialect.name == "sqlite":
        # What is rewritten here is overwritten on its page, not left in free space.
        op.execute("PRAGMA secure_delete = ON")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("description_index", sa.Text(), nullable=True))
    _json_to_text(sa.Text(), "text")

    def encrypt(value: str) -> str:
        return value if value.startswith(f"{PREFIX}:") else keyring().encrypt(value)

    # A message delivered or given up keeps none of its words (services.outbox.spent).
    _rewrite("outbox", "payload", lambda _: sealed_json({}), "status IN ('sent', 'dead')")
    for table, column in ENCRYPTED:
        _rewrite(table, column, encrypt)
    _rewrite(
        "cases",
        "description",
        lambda stored: description_index(keyring().decrypt(stored)),
        into="description_index",
    )
    # A search by phone was kept as typed: only its keyed digest stays.
    _rewrite("audit_log", "detail", redacted, "action = 'find'")


def downgrade() -> None:
    from models.crypto import keyring

    for table, column in ENCRYPTED:
        _rewrite(table, column, lambda stored: keyring().decrypt(stored))
    _json_to_text(sa.JSON(), "json")
    # Not in a batch: rebuilding cases on SQLite would fire its children's ON DELETE CASCADE.
    op.drop_column("cases", "description_index")
