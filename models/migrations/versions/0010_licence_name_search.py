"""licence name search

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 09:00:00

Hand-written: a business name is found without reading the whole registry.

- An exact key: the index on (business_key, id) replaces the one on business_key, so a name's
  first licences come from the index in id order (PostgreSQL otherwise walked the primary key
  and filtered, thousands of rows for a common name).
- A part of a name: ``licence_names`` holds each distinct key once, kept in step with
  ``licences`` by triggers, and a trigram index on it serves "contains": SQLite's FTS5 with
  the trigram tokenizer (an external-content table over ``licence_names``, itself kept in
  step by triggers), PostgreSQL's pg_trgm with a GIN index.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SQLITE_UP = (
    # Case-sensitive: keys are case-folded already, and a phrase then matches exactly the keys
    # that contain it, as LIKE did on the licences.
    "CREATE VIRTUAL TABLE licence_names_fts USING fts5("
    "key, content='licence_names', content_rowid='id', tokenize='trigram case_sensitive 1')",
    """CREATE TRIGGER licence_names_fts_insert AFTER INSERT ON licence_names BEGIN
        INSERT INTO licence_names_fts (rowid, key) VALUES (new.id, new.key);
    END""",
    """CREATE TRIGGER licence_names_fts_delete AFTER DELETE ON licence_names BEGIN
        INSERT INTO licence_names_fts (licence_names_fts, rowid, key)
        VALUES ('delete', old.id, old.key);
    END""",
    """CREATE TRIGGER licence_names_fts_update AFTER UPDATE OF key ON licence_names BEGIN
        INSERT INTO licence_names_fts (licence_names_fts, rowid, key)
        VALUES ('delete', old.id, old.key);
        INSERT INTO licence_names_fts (rowid, key) VALUES (new.id, new.key);
    END""",
    """CREATE TRIGGER licences_name_insert AFTER INSERT ON licences BEGIN
        INSERT OR IGNORE INTO licence_names (key) VALUES (new.business_key);
    END""",
    """CREATE TRIGGER licences_name_delete AFTER DELETE ON licences BEGIN
        DELETE FROM licence_names WHERE key = old.business_key
        AND NOT EXISTS (SELECT 1 FROM licences WHERE business_key = old.business_key);
    END""",
    """CREATE TRIGGER licences_name_update AFTER UPDATE OF business_key ON licences
    WHEN old.business_key IS NOT new.business_key BEGIN
        INSERT OR IGNORE INTO licence_names (key) VALUES (new.business_key);
        DELETE FROM licence_names WHERE key = old.business_key
        AND NOT EXISTS (SELECT 1 FROM licences WHERE business_key = old.business_key);
    END""",
    "INSERT INTO licence_names (key) SELECT DISTINCT business_key FROM licences",
)
SQLITE_DOWN = (
    "DROP TRIGGER licences_name_update",
    "DROP TRIGGER licences_name_delete",
    "DROP TRIGGER licences_name_insert",
    "DROP TRIGGER licence_names_fts_update",
    "DROP TRIGGER licence_names_fts_delete",
    "DROP TRIGGER licence_names_fts_insert",
    "DROP TABLE licence_names_fts",
)

# Statement-level triggers with transition tables: a COPY or a batch import of a million rows
# costs one INSERT … SELECT DISTINCT, not a million. An UPDATE only touches keys that changed.
POSTGRES_UP = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_licence_names_key_trgm ON licence_names USING gin (key gin_trgm_ops)",
    """CREATE FUNCTION licence_names_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO licence_names (key)
            SELECT DISTINCT business_key FROM new_licences ORDER BY business_key
            ON CONFLICT (key) DO NOTHING;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO licence_names (key)
            SELECT DISTINCT n.business_key
            FROM new_licences n JOIN old_licences o ON o.id = n.id
            WHERE n.business_key <> o.business_key ORDER BY n.business_key
            ON CONFLICT (key) DO NOTHING;
            DELETE FROM licence_names
            WHERE key IN (
                SELECT o.business_key FROM old_licences o JOIN new_licences n ON n.id = o.id
                WHERE n.business_key <> o.business_key
            )
            AND NOT EXISTS (SELECT 1 FROM licences l WHERE l.business_key = licence_names.key);
        ELSE
            DELETE FROM licence_names
            WHERE key IN (SELECT business_key FROM old_licences)
            AND NOT EXISTS (SELECT 1 FROM licences l WHERE l.business_key = licence_names.key);
        END IF;
        RETURN NULL;
    END
    $$""",
    """CREATE TRIGGER licences_name_insert AFTER INSERT ON licences
    REFERENCING NEW TABLE AS new_licences
    FOR EACH STATEMENT EXECUTE FUNCTION licence_names_follow()""",
    """CREATE TRIGGER licences_name_update AFTER UPDATE ON licences
    REFERENCING OLD TABLE AS old_licences NEW TABLE AS new_licences
    FOR EACH STATEMENT EXECUTE FUNCTION licence_names_follow()""",
    """CREATE TRIGGER licences_name_delete AFTER DELETE ON licences
    REFERENCING OLD TABLE AS old_licences
    FOR EACH STATEMENT EXECUTE FUNCTION licence_names_follow()""",
    "INSERT INTO licence_names (key) SELECT DISTINCT business_key FROM licences",
)
# pg_trgm stays: it may have been there before, and other schemas may use it.
POSTGRES_DOWN = (
    "DROP TRIGGER licences_name_delete ON licences",
    "DROP TRIGGER licences_name_update ON licences",
    "DROP TRIGGER licences_name_insert ON licences",
    "DROP FUNCTION licence_names_follow()",
    "DROP INDEX ix_licence_names_key_trgm",
)


def upgrade() -> None:
    op.drop_index(op.f("ix_licences_business_key"), table_name="licences")
    op.create_index(
        "ix_licences_business_key_id", "licences", ["business_key", "id"], unique=False
    )
    op.create_table(
        "licence_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=256), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence_names")),
        sa.UniqueConstraint("key", name=op.f("uq_licence_names_key")),
    )
    statements = SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN
    for statement in statements:
        op.execute(statement)
    op.drop_table("licence_names")
    op.drop_index("ix_licences_business_key_id", table_name="licences")
    op.create_index(op.f("ix_licences_business_key"), "licences", ["business_key"], unique=False)
