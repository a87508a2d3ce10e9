"""A person's language names its script too (``mn-Cyrl``: Mongolian written in Cyrillic), so
the column holds a BCP 47 tag of language and script, not two letters.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.alter_column("lang", existing_type=sa.String(length=4), type_=sa.String(length=16))


def downgrade() -> None:
    op.execute("UPDATE people SET lang = 'mn' WHERE lang = 'mn-Cyrl'")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.alter_column("lang", existing_type=sa.String(length=16), type_=sa.String(length=4))
