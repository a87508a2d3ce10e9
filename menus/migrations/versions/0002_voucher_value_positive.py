"""A voucher is worth something: value_fen > 0.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("vouchers") as batch_op:
        batch_op.create_check_constraint("value_positive", "value_fen > 0")


def downgrade() -> None:
    with op.batch_alter_table("vouchers") as batch_op:
        batch_op.drop_constraint("value_positive", type_="check")
