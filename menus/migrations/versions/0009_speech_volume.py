"""How loud a person wants replies spoken (说大声点), next to how fast (speech_rate).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("speech_volume", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person_settings", schema=None) as batch_op:
        batch_op.drop_column("speech_volume")
