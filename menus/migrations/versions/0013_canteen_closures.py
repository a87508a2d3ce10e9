"""Closed days and meals (休息: 春节, 停水…) of a canteen, with the reason the elders are told.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "canteen_closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canteen_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("meal", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_by_name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["canteen_id"],
            ["canteens.id"],
            name=op.f("fk_canteen_closures_canteen_id_canteens"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"],
            ["people.id"],
            name=op.f("fk_canteen_closures_closed_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canteen_closures")),
        sa.UniqueConstraint(
            "canteen_id", "date", "meal", name=op.f("uq_canteen_closures_canteen_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("canteen_closures")
