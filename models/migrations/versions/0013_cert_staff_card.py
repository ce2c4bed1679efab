"""a certificate request's card in the certificates staff chat, where its documents and notices
go as replies

Revision ID: 0013_cert
Revises: 0012
Create Date: 2026-11-25 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_cert"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("staff_platform", "staff_chat_id", "staff_message_id")


def upgrade() -> None:
    # Not in a batch: rebuilding the table on SQLite would fire its events' ON DELETE CASCADE.
    op.add_column("certificate_requests", sa.Column("staff_platform", sa.String(16)))
    op.add_column("certificate_requests", sa.Column("staff_chat_id", sa.BigInteger()))
    op.add_column("certificate_requests", sa.Column("staff_message_id", sa.BigInteger()))


def downgrade() -> None:
    for column in reversed(COLUMNS):
        op.drop_column("certificate_requests", column)
