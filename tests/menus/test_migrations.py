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
    assert current_revision(db_url) == "0015"


def test_food_safety_migration_goes_down_and_up(db_url: str) -> None:
    """0010 (food safety) can be taken back to 0009 and applied again, leaving the models'
    schema (so a bad deploy can be rolled back)."""
    from alembic import command

    from menus.db import alembic_config, upgrade

    command.downgrade(alembic_config(db_url), "0009")
    assert current_revision(db_url) == "0009"
    upgrade(db_url)
    assert current_revision(db_url) == "0015"
    test_migrated_schema_matches_the_models(db_url)


def test_orders_day_status_index_goes_down_and_up(db_url: str) -> None:
    """0011 (the dashboard's index) can be taken back to 0010 and applied again."""
    from alembic import command

    from menus.db import alembic_config, upgrade

    command.downgrade(alembic_config(db_url), "0010")
    assert current_revision(db_url) == "0010"
    upgrade(db_url)
    test_migrated_schema_matches_the_models(db_url)


def test_delivery_route_migration_goes_down_and_up(db_url: str) -> None:
    """0012 (the delivery route's tables) can be taken back to 0011 and applied again."""
    from alembic import command

    from menus.db import alembic_config, upgrade

    command.downgrade(alembic_config(db_url), "0011")
    assert current_revision(db_url) == "0011"
    upgrade(db_url)
    test_migrated_schema_matches_the_models(db_url)


def test_canteen_closures_migration_goes_down_and_up(db_url: str) -> None:
    """0013 (closed days) can be taken back to 0012 and applied again."""
    from alembic import command

    from menus.db import alembic_config, upgrade

    command.downgrade(alembic_config(db_url), "0012")
    assert current_revision(db_url) == "0012"
    upgrade(db_url)
    test_migrated_schema_matches_the_models(db_url)


def test_store_versions_migration_goes_down_and_up(db_url: str) -> None:
    """0014 (the menu version) can be taken back to 0013 and applied again."""
    from alembic import command

    from menus.db import alembic_config, upgrade

    command.downgrade(alembic_config(db_url), "0013")
    assert current_revision(db_url) == "0013"
    upgrade(db_url)
    assert current_revision(db_url) == "0015"
    test_migrated_schema_matches_the_models(db_url)


def test_subsidy_budget_migration_goes_down_and_up(db_url: str) -> None:
    """0015 (a canteen's monthly subsidy budget) can be taken back to 0014 and applied again."""
    from alembic import command

    from menus.db import alembic_config, upgrade

    command.downgrade(alembic_config(db_url), "0014")
    assert current_revision(db_url) == "0014"
    upgrade(db_url)
    assert current_revision(db_url) == "0015"
    test_migrated_schema_matches_the_models(db_url)
