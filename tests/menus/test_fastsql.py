"""Statements run on the driver behave like SQLAlchemy's: same stored values, same errors."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from menus import order_sql as sql
from menus.db import unit_of_work
from menus.models import CardTransaction
from menus.people import find_elder
from tests.conftest import BEFORE_LUNCH


def test_a_driver_error_is_raised_as_sqlalchemy_integrity_error(
    shop: sessionmaker[Session],
) -> None:
    """A row pointing at no order is refused by the foreign key, as an ``IntegrityError``."""
    event = {
        "p_order_id": 999_999,
        "p_at": BEFORE_LUNCH,
        "p_actor_id": None,
        "p_actor_role": "self",
        "p_from_status": None,
        "p_to_status": "placed",
        "p_reason": None,
    }
    with pytest.raises(IntegrityError), unit_of_work(shop) as session:
        sql.FAST["insert_event"].run(session.connection(), event)


def test_values_written_on_the_driver_read_back_through_the_orm(
    shop: sessionmaker[Session],
) -> None:
    """An aware time written by the fast path is the same instant when the ORM reads it."""
    with shop() as session:
        elder_id = find_elder(session, "王秀兰").id
    with unit_of_work(shop) as session:
        conn = session.connection()
        rows = sql.FAST["money"].rows(
            conn,
            {
                "p_region": "150102",
                "p_elder": elder_id,
                "p_day": BEFORE_LUNCH.date(),
                "p_meal": "lunch",
            },
        )
        (card_id,) = [row.id for row in rows if row.tag in ("f", "c")]
        movement = {
            "p_card_id": card_id,
            "p_order_id": None,
            "p_amount_fen": -5,
            "p_at": BEFORE_LUNCH,
            "p_note": "test",
        }
        sql.FAST["insert_card_transaction"].run(conn, movement).close()
    with shop() as session:
        stored = session.scalar(select(CardTransaction).where(CardTransaction.note == "test"))
        assert stored is not None
        assert stored.at == BEFORE_LUNCH
        assert stored.amount_fen == -5
