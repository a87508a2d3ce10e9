"""Feedback and settings: stored, answered only by that canteen's staff."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.errors import DomainError
from menus.feedback import answer, open_feedback, record
from menus.models import Canteen, Person, PersonSettings
from menus.settings import set_reminder
from tests.conftest import BEFORE_LUNCH


def _ids(factory: sessionmaker[Session]) -> dict[str, int]:
    with factory() as session:
        ids = {p.name: p.id for p in session.scalars(select(Person))}
        ids["canteen"] = session.scalars(select(Canteen.id)).one()
        return ids


def test_complaint_answered_by_staff_not_by_others(shop: sessionmaker[Session]) -> None:
    ids = _ids(shop)
    with unit_of_work(shop) as session:
        row = record(
            session,
            canteen_id=ids["canteen"],
            elder_id=ids["王秀兰"],
            author_id=ids["李娜"],
            kind="complaint",
            text="菜太咸了",
            now=BEFORE_LUNCH,
        )
        feedback_id = row.id
    with pytest.raises(DomainError) as refused, unit_of_work(shop) as session:
        answer(session, feedback_id, ids["李娜"], "好的", BEFORE_LUNCH)
    assert refused.value.code == "not_staff"
    with shop() as session:
        assert [f.text for f in open_feedback(session, ids["canteen"])] == ["菜太咸了"]
    with unit_of_work(shop) as session:
        answer(session, feedback_id, ids["张建国"], "明天少放盐", BEFORE_LUNCH)
    with shop() as session:
        assert open_feedback(session, ids["canteen"]) == []


def test_rating_out_of_range_is_refused(shop: sessionmaker[Session]) -> None:
    ids = _ids(shop)
    with pytest.raises(DomainError), unit_of_work(shop) as session:
        record(
            session,
            canteen_id=ids["canteen"],
            elder_id=ids["王秀兰"],
            author_id=ids["王秀兰"],
            kind="rating",
            rating=6,
            text="",
            now=BEFORE_LUNCH,
        )


def test_reminder_time_is_checked(shop: sessionmaker[Session]) -> None:
    who = _ids(shop)["王秀兰"]
    with pytest.raises(DomainError) as refused, unit_of_work(shop) as session:
        set_reminder(session, who, "25:00", BEFORE_LUNCH)
    assert refused.value.code == "bad_time"
    with unit_of_work(shop) as session:
        set_reminder(session, who, "16:30", BEFORE_LUNCH)
    with shop() as session:
        assert session.get(PersonSettings, who).reminder_at == "16:30"  # type: ignore[union-attr]
