"""Family links: a code from the elder, redeemed by family, confirmed by the elder."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.errors import DomainError
from menus.links import decide, elders_of, issue_code, linked, redeem_code
from menus.models import LinkCode, Person
from tests.conftest import BEFORE_LUNCH


def _id(factory: sessionmaker[Session], name: str) -> int:
    with factory() as session:
        return session.scalars(select(Person.id).where(Person.name == name)).one()


def test_code_redeemed_then_confirmed_makes_one_link(shop: sessionmaker[Session]) -> None:
    elder, family = _id(shop, "刘德福"), _id(shop, "路人甲")
    with unit_of_work(shop) as session:
        code = issue_code(session, elder, BEFORE_LUNCH)
    assert len(code) == 6 and code.isdigit()
    with unit_of_work(shop) as session:
        row = redeem_code(session, code, family, "son", BEFORE_LUNCH)
        assert row.status == "redeemed"
        assert not linked(session, family, elder)  # not before the elder says yes
        code_id = row.id
    with unit_of_work(shop) as session:
        assert decide(session, code_id, elder, True, BEFORE_LUNCH)
    with shop() as session:
        assert linked(session, family, elder)
        assert [p.name for p in elders_of(session, family)] == ["刘德福"]
    with pytest.raises(DomainError) as used, unit_of_work(shop) as session:
        redeem_code(session, code, family, "son", BEFORE_LUNCH)
    assert used.value.code == "link_code_unknown"


def test_refused_code_makes_no_link(shop: sessionmaker[Session]) -> None:
    elder, family = _id(shop, "刘德福"), _id(shop, "路人甲")
    with unit_of_work(shop) as session:
        code_id = redeem_code(
            session, issue_code(session, elder, BEFORE_LUNCH), family, "son", BEFORE_LUNCH
        ).id
    with unit_of_work(shop) as session:
        assert not decide(session, code_id, elder, False, BEFORE_LUNCH)
    with shop() as session:
        assert not linked(session, family, elder)
        assert session.get(LinkCode, code_id).status == "refused"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("case", "code"),
    [("expired", "expired"), ("unknown", "link_code_unknown"), ("self", "link_self")],
)
def test_bad_redemptions_change_nothing(shop: sessionmaker[Session], case: str, code: str) -> None:
    elder, family = _id(shop, "刘德福"), _id(shop, "路人甲")
    with unit_of_work(shop) as session:
        issued = issue_code(session, elder, BEFORE_LUNCH)
    given = {"unknown": "000000"}.get(case, issued)
    who = elder if case == "self" else family
    when = BEFORE_LUNCH + (timedelta(hours=1) if case == "expired" else timedelta())
    with pytest.raises(DomainError) as refused, unit_of_work(shop) as session:
        redeem_code(session, given, who, "son", when)
    assert refused.value.code == ("link_code_expired" if case == "expired" else code)
    with shop() as session:
        assert not linked(session, family, elder)


def test_new_code_replaces_the_old_one(shop: sessionmaker[Session]) -> None:
    elder, family = _id(shop, "刘德福"), _id(shop, "路人甲")
    with unit_of_work(shop) as session:
        first = issue_code(session, elder, BEFORE_LUNCH)
        second = issue_code(session, elder, BEFORE_LUNCH)
    assert first != second
    with pytest.raises(DomainError), unit_of_work(shop) as session:
        redeem_code(session, first, family, "son", BEFORE_LUNCH)
    with unit_of_work(shop) as session:
        assert redeem_code(session, second, family, "son", BEFORE_LUNCH).status == "redeemed"


def test_already_linked_family_is_told(shop: sessionmaker[Session]) -> None:
    elder, family = _id(shop, "王秀兰"), _id(shop, "李娜")
    with pytest.raises(DomainError) as refused, unit_of_work(shop) as session:
        redeem_code(session, issue_code(session, elder, BEFORE_LUNCH), family, "x", BEFORE_LUNCH)
    assert refused.value.code == "already_linked"
