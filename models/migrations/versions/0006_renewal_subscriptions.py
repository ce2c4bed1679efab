"""renewal subscriptions

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 09:00:00

Hand-written: licence holders' subscriptions to renewal reminders (DOMAIN.md §2), the
reminders sent (unique per subscription, expiry date and offset: never twice), and an index on
the holder's phone so that a holder finds their licences without a scan of the registry.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_licences_holder_phone"), "licences", ["holder_phone"], unique=False)
    op.create_table(
        "renewal_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("licence_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["licence_id"],
            ["licences.id"],
            name=op.f("fk_renewal_subscriptions_licence_id_licences"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_renewal_subscriptions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_renewal_subscriptions")),
        sa.UniqueConstraint(
            "user_id", "licence_id", name=op.f("uq_renewal_subscriptions_user_id_licence_id")
        ),
    )
    op.create_index(
        op.f("ix_renewal_subscriptions_licence_id"),
        "renewal_subscriptions",
        ["licence_id"],
        unique=False,
    )
    op.create_table(
        "renewal_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["renewal_subscriptions.id"],
            name=op.f("fk_renewal_reminders_subscription_id_renewal_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_renewal_reminders")),
        sa.UniqueConstraint(
            "subscription_id",
            "expires_on",
            "days_before",
            name=op.f("uq_renewal_reminders_subscription_id_expires_on_days_before"),
        ),
    )


def downgrade() -> None:
    op.drop_table("renewal_reminders")
    op.drop_index(
        op.f("ix_renewal_subscriptions_licence_id"), table_name="renewal_subscriptions"
    )
    op.drop_table("renewal_subscriptions")
    op.drop_index(op.f("ix_licences_holder_phone"), table_name="licences")
