"""referred complaints: a case's source and letter, a complainant known only by mobile, and
why a closed case was closed

Revision ID: 0015_referred
Revises: 0014_parties
Create Date: 2026-11-25 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_referred"
down_revision: str | None = "0014_parties"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _foreign_keys(enforced: bool) -> None:
    """SQLite rebuilds a table to change a column (copy, drop, rename): with its foreign keys
    enforced, dropping the old `cases` would delete every row that cascades from it (events,
    messages, attachments, ratings). The pragma only takes effect outside a transaction."""
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.get_context().autocommit_block():
        op.execute(f"PRAGMA foreign_keys={'ON' if enforced else 'OFF'}")


def upgrade() -> None:
    _foreign_keys(False)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.alter_column("citizen_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("closing_reason", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("source_kind", sa.String(length=16), nullable=False, server_default="chat")
        )
        batch_op.add_column(sa.Column("source_body", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("source_body_name", sa.String(length=256), nullable=True))
        batch_op.add_column(sa.Column("letter_number", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("letter_date", sa.Date(), nullable=True))
        batch_op.create_index("ix_cases_letter_date", ["letter_date"], unique=False)
    # Cases closed before: the reason their own facts tell (the workflow's rows that close).
    op.execute(
        "UPDATE cases SET closing_reason = CASE"
        " WHEN closed_by_withdrawal THEN 'withdrawal'"
        " WHEN opinion = 'no_violation' THEN 'no_violation'"
        " ELSE 'supervision' END"
        " WHERE status = 'closed'"
    )
    _foreign_keys(True)


def downgrade() -> None:
    # The older schema has no case without its complainant's account: referred complaints
    # nobody has claimed yet cannot be kept there.
    op.execute("DELETE FROM cases WHERE citizen_id IS NULL")
    _foreign_keys(False)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_letter_date")
        batch_op.drop_column("letter_date")
        batch_op.drop_column("letter_number")
        batch_op.drop_column("source_body_name")
        batch_op.drop_column("source_body")
        batch_op.drop_column("source_kind")
        batch_op.drop_column("closing_reason")
        batch_op.alter_column("citizen_id", existing_type=sa.Integer(), nullable=False)
    _foreign_keys(True)
