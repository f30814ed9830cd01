"""Who marked a version 审定 and when (the first schema kept only the flag).

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("versions", sa.Column("approved_by", sa.String(200)))
    op.add_column("versions", sa.Column("approved_at", sa.String(40)))


def downgrade() -> None:
    op.drop_column("versions", "approved_at")
    op.drop_column("versions", "approved_by")
