"""The archive's tables at the newest revision (the migrations build the same thing step by
step; tests/archive checks that they agree).

Plans are a region's plan of one year; each save adds a version holding the file as added
(`documents.source`), the whole document as the native format stores it (compressed plan
JSON, `documents.plan`), its typed change log, and one query row per indicator or project,
so that a ten-year series or "what did we approve in 2021" is one SQL query.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

plans = sa.Table(
    "plans",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("region", sa.String(200), nullable=False, server_default=""),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.UniqueConstraint("region", "year", "kind", name="uq_plans_region_year_kind"),
)

versions = sa.Table(
    "versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False, index=True),
    sa.Column("label", sa.String(100), nullable=False),
    sa.Column("source_name", sa.String(400), nullable=False),
    sa.Column("source_format", sa.String(20), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("created", sa.String(40), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("approved", sa.Boolean, nullable=False, server_default=sa.false()),
    # the document's crosswalk (renamed indicators and sectors), JSON: a series follows it
    sa.Column("crosswalk", sa.Text, nullable=False, server_default="{}"),
    # revision 0002: who marked the version 审定, and when
    sa.Column("approved_by", sa.String(200)),
    sa.Column("approved_at", sa.String(40)),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column("source", sa.LargeBinary, nullable=False),  # the file exactly as added
    sa.Column("plan", sa.LargeBinary, nullable=False),  # zlib-compressed plan JSON
)

changes = sa.Table(
    "changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False, index=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("table_id", sa.String(100), nullable=False),
    sa.Column("row_key", sa.String(100), nullable=False),
    sa.Column("column_name", sa.String(100)),
    sa.Column("old", sa.Text),  # JSON
    sa.Column("new", sa.Text),  # JSON
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("label", sa.String(200), nullable=False, server_default=""),
    sa.Column("reason", sa.Text, nullable=False, server_default=""),
)

version_tables = sa.Table(
    "version_tables",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False, index=True),
    sa.Column("table_id", sa.String(100), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("title", sa.String(400), nullable=False),
    sa.Column("sheet", sa.String(100), nullable=False),
    sa.Column("year", sa.Integer),
)

# One row per indicator or project of a version, keyed by its table and its place in it
# (SQLite stores the rows in that order, without a second index: five million project rows
# of a ten-year history stay small). `name_key` (core.keys.match_key) is set for indicators
# only and indexed, so a series is an index scan.
entries = sa.Table(
    "entries",
    metadata,
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
    sa.Index(
        "ix_entries_name_key",
        "name_key",
        sqlite_where=sa.text("name_key IS NOT NULL"),
        postgresql_where=sa.text("name_key IS NOT NULL"),
    ),
    sqlite_with_rowid=False,
)

ARCHIVE_TABLES = ("plans", "versions", "documents", "changes", "version_tables", "entries")

# ---- team review (revision 0003) -------------------------------------------------------------
# On a PostgreSQL server the migration adds what the schema cannot say: the two group roles,
# grants, row-level security on live_values and team_log, the triggers that stamp `who` from
# the server's session and keep an approved version read-only, and the team_log NOTIFY.
# SQLite archives hold the same tables (the outbox is used there: the offline queue).

team_members = sa.Table(
    "team_members",
    metadata,
    sa.Column("role_name", sa.String(63), primary_key=True),
    sa.Column("is_lead", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("added_by", sa.String(200), nullable=False, server_default=""),
    sa.Column("added_at", sa.String(40), nullable=False, server_default=""),
)

# What a reviewer may change: the rows of one table of one version, narrowed to one sector
# (the row's sector in `entries`) or to one row when those are set.
assignments = sa.Table(
    "assignments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False, index=True),
    sa.Column("table_id", sa.String(100), nullable=False),
    sa.Column("sector", sa.String(200)),
    sa.Column("row_key", sa.String(100)),
    sa.Column("role_name", sa.String(63), nullable=False),
    sa.Column("assigned_by", sa.String(200), nullable=False, server_default=""),
    sa.Column("assigned_at", sa.String(40), nullable=False, server_default=""),
)

# The team's current value of a field where it differs from the archived document (no row:
# the document's value). `value` is JSON; `rev` counts the writes; `who`/`at` are the server's.
live_values = sa.Table(
    "live_values",
    metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column("table_id", sa.String(100), primary_key=True),
    sa.Column("row_key", sa.String(100), primary_key=True),
    sa.Column("field", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text),
    sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
    sa.Column("who", sa.String(200), nullable=False, server_default=""),
    sa.Column("at", sa.String(40), nullable=False, server_default=""),
)

# Every change pushed and what became of it; a change id seen before is never applied again.
team_log = sa.Table(
    "team_log",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("change_id", sa.String(64), nullable=False, unique=True),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
    sa.Column("table_id", sa.String(100), nullable=False),
    sa.Column("row_key", sa.String(100), nullable=False),
    sa.Column("field", sa.String(100), nullable=False),
    sa.Column("expected", sa.Text),  # JSON
    sa.Column("value", sa.Text),  # JSON
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("who", sa.String(200), nullable=False, server_default=""),
    sa.Column("at", sa.String(40), nullable=False, server_default=""),
    sa.Index("ix_team_log_version_id", "version_id", "id"),
)

# The offline queue of a workstation (used in the embedded archive; teamsync's outbox.py).
outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("server", sa.Text, nullable=False),
    sa.Column("version_id", sa.Integer, nullable=False),
    sa.Column("table_id", sa.String(100), nullable=False),
    sa.Column("row_key", sa.String(100), nullable=False),
    sa.Column("field", sa.String(100), nullable=False),
    sa.Column("expected", sa.Text),
    sa.Column("value", sa.Text),
    sa.Column("change_id", sa.String(64), nullable=False, unique=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("outcome_message", sa.Text),
)

TEAM_TABLES = ("team_members", "assignments", "live_values", "team_log", "outbox")
