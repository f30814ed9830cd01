"""The first archive schema: plans, versions, the documents, change logs and query rows.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("region", sa.String(200), nullable=False, server_default=""),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.UniqueConstraint("region", "year", "kind", name="uq_plans_region_year_kind"),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("source_name", sa.String(400), nullable=False),
        sa.Column("source_format", sa.String(20), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("approved", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("crosswalk", sa.Text, nullable=False, server_default="{}"),
    )
    op.create_index("ix_versions_plan_id", "versions", ["plan_id"])
    op.create_table(
        "documents",
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
        sa.Column("source", sa.LargeBinary, nullable=False),
        sa.Column("plan", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("table_id", sa.String(100), nullable=False),
        sa.Column("row_key", sa.String(100), nullable=False),
        sa.Column("column_name", sa.String(100)),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("label", sa.String(200), nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_changes_version_id", "changes", ["version_id"])
    op.create_table(
        "version_tables",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("table_id", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("sheet", sa.String(100), nullable=False),
        sa.Column("year", sa.Integer),
    )
    op.create_index("ix_version_tables_version_id", "version_tables", ["version_id"])
    op.create_table(
        "entries",
        sa.Column("vtable_id", sa.Integer, sa.ForeignKey("version_tables.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("row_key", sa.String(100), nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("name_key", sa.Text),
        sa.Column("unit", sa.String(100)),
        sa.Column("target", sa.Text),
        sa.Column("target_value", sa.Float),
        sa.Column("actual", sa.Float),
        sa.Column("status", sa.String(100)),
        sa.Column("sector", sa.String(200)),
        sa.Column("total_investment", sa.Float),
        sa.Column("annual_plan", sa.Float),
        sa.Column("completed", sa.Float),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_entries_name_key",
        "entries",
        ["name_key"],
        sqlite_where=sa.text("name_key IS NOT NULL"),
        postgresql_where=sa.text("name_key IS NOT NULL"),
    )


def downgrade() -> None:
    for name in ("entries", "version_tables", "changes", "documents", "versions", "plans"):
        op.drop_table(name)
