"""the respondent of a complaint (the registry's licence it is about), and the commission's
sessions

Revision ID: 0014_parties
Revises: 0013_cert
Create Date: 2026-12-06 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_parties"
down_revision: str | None = "0013_cert"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Not in a batch: rebuilding the table on SQLite would fire its children's ON DELETE CASCADE.
    op.add_column("cases", sa.Column("respondent_licence_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_cases_respondent_licence_id"), "cases", ["respondent_licence_id"])
    op.create_table(
        "commission_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("place", sa.String(512), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("reminded", sa.String(16), nullable=False),
        sa.Column("next_reminder_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("complainant_answer", sa.String(16), nullable=True),
        sa.Column("respondent_answer", sa.String(16), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_commission_sessions_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_commission_sessions_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commission_sessions")),
    )
    op.create_index(op.f("ix_commission_sessions_case_id"), "commission_sessions", ["case_id"])
    op.create_index(op.f("ix_commission_sessions_at"), "commission_sessions", ["at"])
    op.create_index(
        "ix_commission_sessions_due", "commission_sessions", ["status", "next_reminder_at"]
    )


def downgrade() -> None:
    op.drop_table("commission_sessions")
    op.drop_index("ix_cases_respondent_licence_id", table_name="cases")
    op.drop_column("cases", "respondent_licence_id")
