"""The audit log: entries are read by canteen (managers) or by region prefix (supervisors)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from menus.audit import audit_lines, record_change
from menus.db import unit_of_work
from menus.menu_store import get_canteen
from tests.conftest import BEFORE_LUNCH

NOW = BEFORE_LUNCH


def test_entries_by_canteen_and_by_region(shop: sessionmaker[Session]) -> None:
    with unit_of_work(shop) as session:
        canteen = get_canteen(session, "test")
        record_change(
            session,
            actor_id=None,
            action="order.status",
            target="order:1",
            now=NOW,
            canteen_id=canteen.id,
            region=canteen.region,
            detail={"from": "placed", "to": "confirmed"},
        )
        record_change(
            session,
            actor_id=None,
            action="account.create",
            target="account:x",
            now=NOW,
            region="150203",
        )
        canteen_id = canteen.id
    with shop() as session:
        mine = audit_lines(session, canteen_ids=[canteen_id])
        assert [(e.action, e.canteen_code, e.actor_name) for e in mine] == [
            ("order.status", "test", "系统管理员")
        ]
        assert mine[0].detail == {"from": "placed", "to": "confirmed"}
        assert [e.target for e in audit_lines(session, region_prefix="1501")] == ["order:1"]
        assert len(audit_lines(session, region_prefix="15")) == 2
        assert audit_lines(session, region_prefix="1502")[0].target == "account:x"
        assert audit_lines(session) == []
