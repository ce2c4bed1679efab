"""licence registry

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00

Hand-written: the business licences (DOMAIN.md §2) and their websites, one row per host with
an index on host, so that a domain lookup is one index hit.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "licences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("number_key", sa.String(length=40), nullable=False),
        sa.Column("holder_type", sa.String(length=8), nullable=False),
        sa.Column("holder_name", sa.String(length=256), nullable=False),
        sa.Column("holder_phone", sa.String(length=32), nullable=True),
        sa.Column("business_name", sa.String(length=256), nullable=False),
        sa.Column("business_key", sa.String(length=256), nullable=False),
        sa.Column("category", sa.String(length=160), nullable=False),
        sa.Column("isic", sa.String(length=6), nullable=False),
        sa.Column("province", sa.String(length=64), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licences")),
        sa.UniqueConstraint("number", name=op.f("uq_licences_number")),
    )
    op.create_index(op.f("ix_licences_number_key"), "licences", ["number_key"], unique=False)
    op.create_index(
        op.f("ix_licences_business_key"), "licences", ["business_key"], unique=False
    )
    op.create_index(op.f("ix_licences_expires_on"), "licences", ["expires_on"], unique=False)

    op.create_table(
        "licence_sites",
        sa.Column("licence_id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["licence_id"],
            ["licences.id"],
            name=op.f("fk_licence_sites_licence_id_licences"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("licence_id", "host", name=op.f("pk_licence_sites")),
    )
    op.create_index(op.f("ix_licence_sites_host"), "licence_sites", ["host"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_licence_sites_host"), table_name="licence_sites")
    op.drop_table("licence_sites")
    op.drop_index(op.f("ix_licences_expires_on"), table_name="licences")
    op.drop_index(op.f("ix_licences_business_key"), table_name="licences")
    op.drop_index(op.f("ix_licences_number_key"), table_name="licences")
    op.drop_table("licences")
