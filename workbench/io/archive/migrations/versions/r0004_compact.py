"""Narrower query rows: a project's row keeps its place, key and sector only.

A project's name and amounts are held by the version's document (documents.plan) and no query
reads them, so the amounts' columns go and a project row's name is cleared; indicators keep
every column. On PostgreSQL the btree of (vtable_id, position) gives way to a BRIN index on
vtable_id: a version's rows are written together by one COPY and never changed, so the few
pages of a BRIN index find them, where the btree cost 2 MB per 100k-row version.

The table is changed in place (not rebuilt), so what earlier revisions attached to it
(policies, other indexes) stays.

Revision ID: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

AMOUNTS = ("total_investment", "annual_plan", "completed")
BRIN = "ix_entries_vtable_id_brin"


def upgrade() -> None:
    bind = op.get_bind()
    op.execute(
        "UPDATE entries SET name = NULL WHERE name IS NOT NULL AND vtable_id IN"
        " (SELECT id FROM version_tables WHERE kind = 'projects')"
    )
    for column in AMOUNTS:
        # both engines drop a column in place (SQLite since 3.35)
        op.execute(f"ALTER TABLE entries DROP COLUMN {column}")
    if bind.dialect.name == "postgresql":
        key = sa.inspect(bind).get_pk_constraint("entries").get("name")
        if key:
            op.execute(f'ALTER TABLE entries DROP CONSTRAINT "{key}"')
        op.execute(f"CREATE INDEX {BRIN} ON entries USING brin (vtable_id)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"DROP INDEX {BRIN}")
        op.execute("ALTER TABLE entries ADD PRIMARY KEY (vtable_id, position)")
    for column in AMOUNTS:
        op.add_column("entries", sa.Column(column, sa.Float))
