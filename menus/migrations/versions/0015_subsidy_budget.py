"""A canteen's monthly subsidy budget (fen), set by the operator (``zhucan web set-budget``),
against which the region dashboard shows the month's subsidy spent. Empty: no budget given.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("canteens") as batch:
        batch.add_column(sa.Column("subsidy_budget_fen", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("canteens") as batch:
        batch.drop_column("subsidy_budget_fen")
