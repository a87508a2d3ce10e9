"""The delivery route (送餐路线): each canteen's order of communities and, within each, the
walking order of its stops (an elder at an address, the address kept only as a hash), which
staff change on the console's delivery list.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "route_communities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canteen_id", sa.Integer(), nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["canteen_id"],
            ["canteens.id"],
            name=op.f("fk_route_communities_canteen_id_canteens"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_route_communities")),
        sa.UniqueConstraint(
            "canteen_id", "community", name=op.f("uq_route_communities_canteen_id")
        ),
    )
    op.create_table(
        "route_stops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canteen_id", sa.Integer(), nullable=False),
        sa.Column("elder_id", sa.Integer(), nullable=False),
        sa.Column("address_key", sa.String(length=32), nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["canteen_id"],
            ["canteens.id"],
            name=op.f("fk_route_stops_canteen_id_canteens"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["elder_id"],
            ["people.id"],
            name=op.f("fk_route_stops_elder_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_route_stops")),
        sa.UniqueConstraint(
            "canteen_id", "elder_id", "address_key", name=op.f("uq_route_stops_canteen_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("route_stops")
    op.drop_table("route_communities")
