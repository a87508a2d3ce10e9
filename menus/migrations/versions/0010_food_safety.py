"""Food safety (食品安全): 留样 records with their photos, the tableware disinfection log and
the daily self-inspection checklist.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "disinfection_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canteen_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("meal", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.Column("done_by_id", sa.Integer(), nullable=True),
        sa.Column("done_by_name", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["canteen_id"],
            ["canteens.id"],
            name=op.f("fk_disinfection_log_canteen_id_canteens"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["done_by_id"],
            ["people.id"],
            name=op.f("fk_disinfection_log_done_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disinfection_log")),
        sa.UniqueConstraint(
            "canteen_id", "day", "meal", name=op.f("uq_disinfection_log_canteen_id")
        ),
    )
    op.create_table(
        "safety_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canteen_id", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=32), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["canteen_id"],
            ["canteens.id"],
            name=op.f("fk_safety_photos_canteen_id_canteens"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_photos")),
    )
    op.create_table(
        "self_inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canteen_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("inspected_by_id", sa.Integer(), nullable=True),
        sa.Column("inspected_by_name", sa.String(length=100), nullable=False),
        sa.Column("inspected_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["canteen_id"],
            ["canteens.id"],
            name=op.f("fk_self_inspections_canteen_id_canteens"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["inspected_by_id"],
            ["people.id"],
            name=op.f("fk_self_inspections_inspected_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_inspections")),
        sa.UniqueConstraint("canteen_id", "day", name=op.f("uq_self_inspections_canteen_id")),
    )
    op.create_table(
        "food_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canteen_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("meal", sa.String(length=16), nullable=False),
        sa.Column("dish_id", sa.Integer(), nullable=True),
        sa.Column("dish_name", sa.String(length=100), nullable=False),
        sa.Column("grams", sa.Integer(), nullable=False),
        sa.Column("kept_at", sa.DateTime(), nullable=False),
        sa.Column("kept_by_id", sa.Integer(), nullable=True),
        sa.Column("kept_by_name", sa.String(length=100), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("grams >= 125", name=op.f("ck_food_samples_grams_at_least_125")),
        sa.ForeignKeyConstraint(
            ["canteen_id"],
            ["canteens.id"],
            name=op.f("fk_food_samples_canteen_id_canteens"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dish_id"],
            ["dishes.id"],
            name=op.f("fk_food_samples_dish_id_dishes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["kept_by_id"],
            ["people.id"],
            name=op.f("fk_food_samples_kept_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["photo_id"],
            ["safety_photos.id"],
            name=op.f("fk_food_samples_photo_id_safety_photos"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_food_samples")),
        sa.UniqueConstraint(
            "canteen_id", "day", "meal", "dish_name", name=op.f("uq_food_samples_canteen_id")
        ),
    )
    with op.batch_alter_table("food_samples", schema=None) as batch_op:
        batch_op.create_index("ix_food_samples_kept", ["canteen_id", "kept_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("food_samples", schema=None) as batch_op:
        batch_op.drop_index("ix_food_samples_kept")

    op.drop_table("food_samples")
    op.drop_table("self_inspections")
    op.drop_table("safety_photos")
    op.drop_table("disinfection_log")
