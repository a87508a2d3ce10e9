"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from menus.db import current_revision, make_engine
from menus.models import Base


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    """No difference between ``upgrade head`` and the models (types, indexes, constraints)."""
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []
    assert current_revision(db_url) == "0009"
