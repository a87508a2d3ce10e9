"""Feedback and settings: stored, answered only by that canteen's staff, once, through the one
service that queues the answer and audits it; the canteen's inbox."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.catalogue import say
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.feedback import (
    MAX_ANSWER,
    answer,
    dishes_named,
    inbox,
    month_bounds,
    open_feedback,
    recipient,
    record,
    response_time,
)
from menus.models import AuditEntry, Canteen, Feedback, OutboxMessage, Person, PersonSettings
from menus.settings import set_reminder
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, place, row_counts


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


def _complaint(
    factory: sessionmaker[Session],
    author: str,
    text: str,
    at: datetime = BEFORE_LUNCH,
    *,
    elder: str = "王秀兰",
    kind: str = "complaint",
    rating: int | None = None,
) -> int:
    ids = _ids(factory)
    with unit_of_work(factory) as session:
        row = record(
            session,
            canteen_id=ids["canteen"],
            elder_id=ids[elder],
            author_id=ids[author],
            kind=kind,
            text=text,
            now=at,
            rating=rating,
        )
        return row.id


def _outbox(factory: sessionmaker[Session]) -> list[tuple[int, str, str, str]]:
    with factory() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        return [(m.person_id, m.kind, m.key, m.text) for m in rows]


def test_an_answer_reaches_its_author_in_their_language_and_is_audited(
    shop: sessionmaker[Session],
) -> None:
    """One service for every channel: stored, queued for whoever wrote it (the daughter who
    complained for her mother; 巴特尔 in Mongolian), and written to the audit log."""
    ids = _ids(shop)
    for_mother = _complaint(shop, "李娜", "妈妈说菜太咸了")
    his = _complaint(shop, "巴特尔", "ᠮᠠᠬᠠ ᠬᠠᠲᠠᠭᠤ", elder="巴特尔")
    later = BEFORE_LUNCH + timedelta(hours=2)
    with unit_of_work(shop) as session:
        answer(session, for_mother, ids["张建国"], "  明天少放盐  ", later)
        answer(session, his, ids["张建国"], "明天做软一点", later)
    assert _outbox(shop) == [
        (
            ids["李娜"],
            "feedback_answer",
            f"feedback-answer-{for_mother}",
            "食堂回复您的意见：明天少放盐",
        ),
        (
            ids["巴特尔"],
            "feedback_answer",
            f"feedback-answer-{his}",
            say("feedback_answer_to_elder", "mn", text="明天做软一点"),
        ),
    ]
    with shop() as session:
        row = session.get(Feedback, for_mother)
        assert row is not None
        assert (row.answer, row.answered_by_id, row.answered_at) == (
            "明天少放盐",
            ids["张建国"],
            later,
        )
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [(e.actor_name, e.action, e.target) for e in entries] == [
        ("张建国", "feedback.answer", f"feedback:{for_mother}"),
        ("张建国", "feedback.answer", f"feedback:{his}"),
    ]
    assert entries[0].detail == {"kind": "complaint", "elder": "王秀兰", "answer": "明天少放盐"}
    assert entries[0].canteen_id == ids["canteen"] and entries[0].region == "150102"


def test_a_complaint_staff_passed_on_is_answered_to_the_elder(shop: sessionmaker[Session]) -> None:
    ids = _ids(shop)
    relayed = _complaint(shop, "张建国", "王秀兰老人反映排骨太硬")
    with unit_of_work(shop) as session:
        answer(session, relayed, ids["张建国"], "下回炖烂一点", BEFORE_LUNCH)
        assert recipient(session, session.get_one(Feedback, relayed)).name == "王秀兰"
    assert [(to, text) for to, _, _, text in _outbox(shop)] == [
        (ids["王秀兰"], "食堂回复您的意见：下回炖烂一点")
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "answer_empty"), ("   ", "answer_empty"), ("好" * (MAX_ANSWER + 1), "answer_too_long")],
)
def test_an_empty_or_overlong_answer_is_refused(
    shop: sessionmaker[Session], text: str, code: str
) -> None:
    ids = _ids(shop)
    feedback_id = _complaint(shop, "王秀兰", "菜凉了")
    before = row_counts(shop)
    with pytest.raises(DomainError) as refused, unit_of_work(shop) as session:
        answer(session, feedback_id, ids["张建国"], text, BEFORE_LUNCH)
    assert refused.value.code == code
    assert "什么都没有发出" in refused.value.message("zh")
    assert row_counts(shop) == before


def test_an_answer_of_exactly_the_limit_is_sent(shop: sessionmaker[Session]) -> None:
    ids = _ids(shop)
    feedback_id = _complaint(shop, "王秀兰", "菜凉了")
    with unit_of_work(shop) as session:
        answer(session, feedback_id, ids["张建国"], "好" * MAX_ANSWER, BEFORE_LUNCH)
    assert len(_outbox(shop)) == 1


def test_answering_twice_another_canteens_or_a_rating_is_refused(
    shop: sessionmaker[Session],
) -> None:
    ids = _ids(shop)
    feedback_id = _complaint(shop, "王秀兰", "菜凉了")
    rating = _complaint(shop, "王秀兰", "", kind="rating", rating=2)
    with unit_of_work(shop) as session:
        answer(session, feedback_id, ids["张建国"], "马上热一下", BEFORE_LUNCH)
    before = row_counts(shop)
    tries = [
        (feedback_id, None, "already_answered"),
        (feedback_id, ids["canteen"] + 1000, "unknown_feedback"),  # asked from another canteen
        (rating, None, "unknown_feedback"),
        (999_999, None, "unknown_feedback"),
    ]
    for wanted, canteen_id, code in tries:
        with pytest.raises(DomainError) as refused, unit_of_work(shop) as session:
            answer(session, wanted, ids["张建国"], "再说一遍", BEFORE_LUNCH, canteen_id=canteen_id)
        assert refused.value.code == code, wanted
        assert row_counts(shop) == before
    with shop() as session:
        assert session.get_one(Feedback, feedback_id).answer == "马上热一下"


def test_the_inbox_lists_open_complaints_first_then_the_month_newest_first(
    shop: sessionmaker[Session],
) -> None:
    ids = _ids(shop)
    old_open = _complaint(
        shop, "王秀兰", "上个月的红烧五花肉太咸", BEFORE_LUNCH - timedelta(days=20)
    )
    old_answered = _complaint(shop, "王秀兰", "上个月的", BEFORE_LUNCH - timedelta(days=20))
    praise = _complaint(shop, "王秀兰", "鸡蛋羹好吃", BEFORE_LUNCH, kind="praise", rating=5)
    answered = _complaint(
        shop, "刘德福", "米饭硬", BEFORE_LUNCH + timedelta(hours=1), elder="刘德福"
    )
    newest = _complaint(shop, "王秀兰", "小米粥凉了", BEFORE_LUNCH + timedelta(hours=2))
    _complaint(shop, "王秀兰", "", kind="rating", rating=4)
    with unit_of_work(shop) as session:
        answer(session, old_answered, ids["张建国"], "好的", BEFORE_LUNCH - timedelta(days=19))
        answer(session, answered, ids["张建国"], "换软米", BEFORE_LUNCH + timedelta(hours=4))
    with shop() as session:
        items = inbox(session, ids["canteen"], BEFORE_LUNCH.date())
        assert [i.id for i in items] == [newest, old_open, answered, praise]
        assert items[1].dishes == ("红烧肉",)  # named by its alias
        assert items[0].dishes == ("小米粥",) and items[0].is_open and items[0].response is None
        assert (items[2].answered_by, items[2].response) == ("张建国", timedelta(hours=3))
        assert (items[3].kind, items[3].rating, items[3].elder) == ("praise", 5, "王秀兰")
        assert inbox(session, ids["canteen"], BEFORE_LUNCH.date(), limit=1) == items[:1]
        november = inbox(session, ids["canteen"], date(2026, 11, 5))
        assert [i.id for i in november] == [newest, old_open, old_answered]


def test_the_inbox_names_the_order_a_rating_or_complaint_is_about(
    shop: sessionmaker[Session],
) -> None:
    ids = _ids(shop)
    order = place(shop, BEFORE_LUNCH, "王秀兰", [("红烧肉", 1), ("米饭", 2)])
    with unit_of_work(shop) as session:
        row = record(
            session,
            canteen_id=ids["canteen"],
            elder_id=ids["王秀兰"],
            author_id=ids["王秀兰"],
            kind="complaint",
            text="太咸",
            now=BEFORE_LUNCH,
            order_id=order.id,
        )
        feedback_id = row.id
    with shop() as session:
        (item,) = inbox(session, ids["canteen"], BEFORE_LUNCH.date())
    assert (item.id, item.order_id, item.order_day, item.order_meal) == (
        feedback_id,
        order.id,
        LUNCH_DAY,
        "lunch",
    )
    assert item.dishes == ("红烧肉", "米饭")


def test_response_times_and_months() -> None:
    assert response_time(BEFORE_LUNCH, None) is None
    assert response_time(BEFORE_LUNCH, BEFORE_LUNCH + timedelta(minutes=90)) == timedelta(
        minutes=90
    )
    start, end = month_bounds(date(2026, 12, 31))
    assert (start.isoformat(), end.isoformat()) == (
        "2026-12-01T00:00:00+08:00",
        "2027-01-01T00:00:00+08:00",
    )
    names = {"红烧肉": "红烧肉", "红烧五花肉": "红烧肉", "米饭": "米饭", "饭": "米饭"}
    assert dishes_named("红烧五花肉太咸，米饭硬", names) == ["红烧肉", "米饭"]
    assert dishes_named("都挺好", names) == []
