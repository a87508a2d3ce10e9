"""Standing orders (每天 / 工作日 / 下周一到周五): the same meal for many days; an elder's
gender (so 我妈 / 我爸 names the right parent).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "standing_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("elder_id", sa.Integer(), nullable=False),
        sa.Column("placed_by_id", sa.Integer(), nullable=True),
        sa.Column("placed_by_role", sa.String(length=16), nullable=False),
        sa.Column("meal", sa.String(length=16), nullable=False),
        sa.Column("fulfillment", sa.String(length=16), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("weekdays", sa.JSON(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["elder_id"],
            ["people.id"],
            name=op.f("fk_standing_orders_elder_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["placed_by_id"],
            ["people.id"],
            name=op.f("fk_standing_orders_placed_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standing_orders")),
    )
    with op.batch_alter_table("standing_orders", schema=None) as batch_op:
        batch_op.create_index("ix_standing_elder", ["elder_id"], unique=False)
    with op.batch_alter_table("elder_profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gender", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("elder_profiles", schema=None) as batch_op:
        batch_op.drop_column("gender")
    with op.batch_alter_table("standing_orders", schema=None) as batch_op:
        batch_op.drop_index("ix_standing_elder")
    op.drop_table("standing_orders")
