"""Version counters of what worker processes cache (the dishes and menus), so a menu published
by one process or command is seen by every running bot within a second.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_versions",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_store_versions")),
    )


def downgrade() -> None:
    op.drop_table("store_versions")
