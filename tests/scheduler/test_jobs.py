"""Every timed job with a controlled clock, on the small test canteen (menus on 2026-12-01,
a Tuesday: breakfast, lunch, dinner; and 2026-12-02: lunch; lunch closes 09:30, serves
11:30–13:00; breakfast closes 19:00 the day before)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.feedback import record_rating
from menus.models import Feedback, Order
from menus.orders import cancel_order
from menus.outbox import mark_sent
from menus.vocab import Actor, Fulfillment, MealSlot, OrderStatus
from scheduler.config import SchedulerSettings
from scheduler.jobs import (
    after_meal_questions,
    cutoff_sheets,
    menu_reminders,
    missed_not_collected,
    monthly_reports,
    order_notifications,
    ordering_reminders,
    run_jobs,
    wellbeing_no_order,
)
from tests.menus.helpers import place
from tests.scheduler.helpers import FAST, add_menus, add_staff, at, move, outbox, pid, remind

S = FAST


# ------------------------------------------------------------------------ reminders


def test_reminder_at_the_chosen_time_asks_about_the_next_meal_once(
    shop: sessionmaker[Session],
) -> None:
    wang = remind(shop, "王秀兰", "16:00")
    assert ordering_reminders(shop, S, at("2026-11-30 15:59")) == []
    queued = ordering_reminders(shop, S, at("2026-11-30 16:00"))
    assert [(q.person_id, q.key) for q in queued] == [(wang, f"reminder:{wang}:2026-12-01:lunch")]
    (row,) = outbox(shop, "reminder")
    assert row.text == "明天中午的饭还没订，要订吗？"
    assert row.choices == ["要订", "不用了"]
    assert ordering_reminders(shop, S, at("2026-11-30 16:01")) == []  # a re-run is harmless
    assert ordering_reminders(shop, S, at("2026-11-30 20:00")) == []


def test_reminder_in_mongolian_for_a_mongolian_speaker(shop: sessionmaker[Session]) -> None:
    remind(shop, "巴特尔", "16:00")
    ordering_reminders(shop, S, at("2026-11-30 16:00"))
    (row,) = outbox(shop, "reminder")
    assert row.text.startswith("ᠮᠠᠷᠭᠠᠰᠢ ᠦᠳᠡ")
    assert all(not "\u4e00" <= ch <= "\u9fff" for ch in row.text + "".join(row.choices))


def test_no_reminder_when_the_elder_already_ordered(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", "16:00")
    place(shop, at("2026-11-30 10:00"), "王秀兰")
    assert ordering_reminders(shop, S, at("2026-11-30 16:00")) == []


def test_a_cancelled_order_counts_as_decided(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", "16:00")
    order = place(shop, at("2026-11-30 10:00"), "王秀兰")
    with unit_of_work(shop) as session:
        cancel_order(session, order.id, at("2026-11-30 11:00"))
    assert ordering_reminders(shop, S, at("2026-11-30 16:00")) == []


def test_quiet_hours_hold_the_reminder_until_morning(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", "22:30")
    (queued,) = ordering_reminders(shop, S, at("2026-11-30 22:30"))
    assert queued.due_at == at("2026-12-01 07:00")
    (row,) = outbox(shop, "reminder")
    assert row.text == "今天中午的饭还没订，要订吗？"  # said on the morning it is sent


def test_quiet_hours_are_configurable(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", "22:30")
    late = SchedulerSettings(quiet_start=at("2026-01-01 23:00").time())
    (queued,) = ordering_reminders(shop, late, at("2026-11-30 22:30"))
    assert queued.due_at == at("2026-11-30 22:30")


def test_a_missed_reminder_is_caught_up_once_if_still_useful(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", "16:00")
    # the scheduler was down from 15:00 to 19:45
    assert len(ordering_reminders(shop, S, at("2026-11-30 19:45"))) == 1
    assert ordering_reminders(shop, S, at("2026-11-30 19:46")) == []


def test_a_reminder_for_a_closed_meal_is_dropped(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", "09:00")
    # down from 08:50 to 09:40: lunch closed at 09:30, so the 09:00 reminder is useless now
    assert ordering_reminders(shop, S, at("2026-12-01 09:40")) == []
    assert outbox(shop) == []


def test_no_reminder_for_a_day_without_menu(shop: sessionmaker[Session]) -> None:
    """A public holiday: 2026-12-03 has no menu, so 12-02's afternoon reminder says nothing."""
    remind(shop, "王秀兰", "16:00")
    assert ordering_reminders(shop, S, at("2026-12-02 16:00")) == []
    add_menus(shop, [date(2026, 12, 3)])
    assert len(ordering_reminders(shop, S, at("2026-12-02 16:00"))) == 1


def test_no_reminder_for_a_closed_meal(shop: sessionmaker[Session]) -> None:
    """12-01's lunch has a menu but the canteen closed it (停水): nothing to remind of."""
    from menus.closures import close
    from menus.menu_store import get_canteen

    remind(shop, "王秀兰", "16:00")
    with unit_of_work(shop) as session:
        canteen = get_canteen(session, "test")
        close(
            session,
            canteen,
            date(2026, 12, 1),
            MealSlot.LUNCH,
            "停水",
            None,
            at("2026-11-30 15:00"),
        )
    assert ordering_reminders(shop, S, at("2026-11-30 16:00")) == []
    assert outbox(shop) == []


def test_around_midnight_the_local_date_decides(shop: sessionmaker[Session]) -> None:
    """00:30 in Shanghai is 16:30 UTC the day before; the reminder is about *today's* lunch."""
    no_quiet = SchedulerSettings(
        quiet_start=at("2026-01-01 00:00").time(), quiet_end=at("2026-01-01 00:00").time()
    )
    wang = remind(shop, "王秀兰", "00:30")
    assert ordering_reminders(shop, no_quiet, at("2026-12-01 00:29")) == []
    (queued,) = ordering_reminders(shop, no_quiet, at("2026-12-01 00:30"))
    assert queued.key == f"reminder:{wang}:2026-12-01:lunch"
    assert outbox(shop)[0].text == "今天中午的饭还没订，要订吗？"
    # 23:59 the evening before: the same lunch, "tomorrow"; caught up after midnight as "today"
    li = remind(shop, "刘德福", "23:59")
    (late,) = ordering_reminders(shop, no_quiet, at("2026-12-01 00:31"))
    assert late.key == f"reminder:{li}:2026-12-01:lunch"


def test_the_usual_meal_is_the_one_reminded(shop: sessionmaker[Session]) -> None:
    li = remind(shop, "刘德福", "16:00")
    place(shop, at("2026-11-30 10:00"), "刘德福", [("小米粥", 1)], meal=MealSlot.DINNER)
    add_menus(shop, [date(2026, 12, 2)], "dinner")
    (queued,) = ordering_reminders(shop, S, at("2026-12-01 16:00"))
    assert queued.key == f"reminder:{li}:2026-12-02:dinner"


def test_reminders_are_for_elders_with_a_time_only(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", None)
    assert ordering_reminders(shop, S, at("2026-11-30 16:00")) == []


# ---------------------------------------------------------------------- cut-off


def test_kitchen_staff_get_the_sheet_at_the_cutoff(shop: sessionmaker[Session]) -> None:
    manager = pid(shop, "张建国")
    cook = add_staff(shop, "王师傅", "cook")
    add_staff(shop, "社区网格员", "community")
    place(shop, at("2026-12-01 08:00"), "王秀兰", [("红烧肉", 2)])
    place(shop, at("2026-12-01 08:10"), "刘德福", fulfillment=Fulfillment.DELIVERY)
    assert cutoff_sheets(shop, S, at("2026-12-01 09:29")) == []
    queued = cutoff_sheets(shop, S, at("2026-12-01 09:30"))
    assert sorted(q.person_id for q in queued) == sorted([manager, cook])
    text = outbox(shop, "cutoff")[0].text
    assert text.startswith("今天中午的订单截止了，一共2单。")
    assert "红烧肉 3 份" in text and "海东路社区" in text
    assert cutoff_sheets(shop, S, at("2026-12-01 09:31")) == []


def test_the_cutoff_sheet_is_caught_up_until_the_meal_ends(shop: sessionmaker[Session]) -> None:
    assert len(cutoff_sheets(shop, S, at("2026-12-01 12:59"))) == 1
    assert cutoff_sheets(shop, S, at("2026-12-01 13:00")) == []  # dinner closes at 15:00
    assert [q.key.split(":")[3] for q in cutoff_sheets(shop, S, at("2026-12-01 15:00"))] == [
        "dinner"
    ]


def test_breakfast_closes_the_evening_before(shop: sessionmaker[Session]) -> None:
    """Breakfast on 12-01 closes 11-30 at 19:00: its sheet goes out that evening."""
    (queued,) = cutoff_sheets(shop, S, at("2026-11-30 19:00"))
    assert queued.key.startswith("cutoff:1:2026-12-01:breakfast:")
    assert outbox(shop)[0].text.startswith("明天早上的订单截止了，一共0单。")


# ---------------------------------------------------------------------- wellbeing


def test_an_elder_living_alone_without_an_order_is_reported(shop: sessionmaker[Session]) -> None:
    """王秀兰 is 独居: no lunch ordered by the cut-off tells her daughter and the community."""
    daughter = pid(shop, "李娜")
    community = add_staff(shop, "社区网格员", "community")
    assert wellbeing_no_order(shop, S, at("2026-12-01 09:29")) == []
    queued = wellbeing_no_order(shop, S, at("2026-12-01 09:30"))
    assert sorted(q.person_id for q in queued) == sorted([daughter, community])
    texts = {m.person_id: m.text for m in outbox(shop, "no_order")}
    assert texts[daughter] == "王秀兰平时常订饭，今天中午还没订。请您打个电话问问。"
    assert texts[community] == "王秀兰（新华东街社区）平时常订饭，今天中午还没订，请上门看看。"
    assert "13904710001" not in "".join(texts.values())  # no phone, no address
    assert wellbeing_no_order(shop, S, at("2026-12-01 09:35")) == []


def test_no_report_when_the_elder_ordered(shop: sessionmaker[Session]) -> None:
    place(shop, at("2026-12-01 08:00"), "王秀兰")
    assert wellbeing_no_order(shop, S, at("2026-12-01 09:30")) == []


def test_an_elder_who_usually_eats_is_watched(shop: sessionmaker[Session]) -> None:
    """刘德福 is not 独居; after four lunches in the last seven days a missing one is news."""
    community = add_staff(shop, "社区网格员", "community")
    days = [date(2026, 11, 24) + timedelta(days=n) for n in range(7)]
    add_menus(shop, days)
    for day in days[:3]:
        place(shop, at(f"{day} 08:00"), "刘德福", [("米饭", 1)], day=day)
    place(shop, at("2026-12-01 08:00"), "王秀兰")
    assert wellbeing_no_order(shop, S, at("2026-12-01 09:30")) == []  # three days: not yet
    place(shop, at(f"{days[3]} 08:00"), "刘德福", [("米饭", 1)], day=days[3])
    (queued,) = wellbeing_no_order(shop, S, at("2026-12-01 09:31"))
    assert queued.person_id == community
    assert queued.key == f"no_order:{pid(shop, '刘德福')}:2026-12-01:lunch:{community}"


def test_the_usual_threshold_is_configurable(shop: sessionmaker[Session]) -> None:
    community = add_staff(shop, "社区网格员", "community")
    add_menus(shop, [date(2026, 11, 30)])
    place(shop, at("2026-11-30 08:00"), "刘德福", [("米饭", 1)], day=date(2026, 11, 30))
    place(shop, at("2026-12-01 08:00"), "王秀兰")
    eager = SchedulerSettings(usual_days=1)
    assert [q.person_id for q in wellbeing_no_order(shop, eager, at("2026-12-01 09:30"))] == [
        community
    ]


def test_no_report_on_a_day_without_menu(shop: sessionmaker[Session]) -> None:
    add_staff(shop, "社区网格员", "community")
    assert wellbeing_no_order(shop, S, at("2026-12-03 09:30")) == []


# ------------------------------------------------------------------ order events


def test_family_hears_of_an_order_the_elder_placed(shop: sessionmaker[Session]) -> None:
    daughter = pid(shop, "李娜")
    place(shop, at("2026-11-30 16:00"), "王秀兰", [("红烧肉", 2)])
    (queued,) = order_notifications(shop, S, at("2026-11-30 16:01"))
    assert queued.person_id == daughter
    text = outbox(shop, "order")[0].text
    assert text.startswith("王秀兰明天中午的饭订好了：红烧肉两份。")
    assert order_notifications(shop, S, at("2026-11-30 16:02")) == []


def test_family_who_placed_the_order_is_not_told(shop: sessionmaker[Session]) -> None:
    daughter = pid(shop, "李娜")
    place(shop, at("2026-11-30 16:00"), "王秀兰", actor=Actor.FAMILY, actor_id=daughter)
    assert order_notifications(shop, S, at("2026-11-30 16:01")) == []


def test_on_its_way_ready_and_delivered(shop: sessionmaker[Session]) -> None:
    wang, daughter = pid(shop, "王秀兰"), pid(shop, "李娜")
    order = place(shop, at("2026-12-01 08:00"), "王秀兰", fulfillment=Fulfillment.DELIVERY)
    order_notifications(shop, S, at("2026-12-01 08:01"))
    move(shop, order.id, at("2026-12-01 11:00"), OrderStatus.PREPARING)
    move(shop, order.id, at("2026-12-01 11:30"), OrderStatus.OUT_FOR_DELIVERY)
    queued = order_notifications(shop, S, at("2026-12-01 11:31"))
    assert sorted(q.person_id for q in queued) == sorted([wang, daughter])
    texts = {m.person_id: m.text for m in outbox(shop, "order")[1:]}
    assert texts == {
        wang: "您今天中午的饭出发了，马上送到。",
        daughter: "王秀兰今天中午的饭出发了，马上送到。",
    }
    move(shop, order.id, at("2026-12-01 11:50"), OrderStatus.COMPLETED)
    (done,) = order_notifications(shop, S, at("2026-12-01 11:51"))
    assert done.person_id == daughter
    assert outbox(shop, "order")[-1].text == "王秀兰今天中午的饭送到了。"


def test_ready_for_pickup_names_the_canteen(shop: sessionmaker[Session]) -> None:
    wang = pid(shop, "王秀兰")
    order = place(shop, at("2026-12-01 08:00"), "王秀兰")
    move(shop, order.id, at("2026-12-01 11:00"), OrderStatus.PREPARING, OrderStatus.READY)
    order_notifications(shop, S, at("2026-12-01 11:05"))
    mine = [m for m in outbox(shop, "order") if m.person_id == wang]
    assert mine[-1].text == "您今天中午的饭做好了，请到测试社区老年食堂来取。"


def test_a_cancellation_by_the_canteen_is_told(shop: sessionmaker[Session]) -> None:
    wang = pid(shop, "王秀兰")
    order = place(shop, at("2026-12-01 08:00"), "王秀兰")
    with unit_of_work(shop) as session:
        cancel_order(session, order.id, at("2026-12-01 10:00"), actor=Actor.STAFF, reason="停电")
    order_notifications(shop, S, at("2026-12-01 10:01"))
    mine = [m for m in outbox(shop, "order") if m.person_id == wang]
    assert mine[-1].text == "对不起，食堂取消了今天中午的饭：停电。钱都退回去了。"


def test_old_events_are_not_announced_after_long_downtime(shop: sessionmaker[Session]) -> None:
    place(shop, at("2026-11-30 08:00"), "王秀兰")
    assert order_notifications(shop, S, at("2026-11-30 20:00")) == []
    place(shop, at("2026-11-30 20:00"), "刘德福")  # no family: nothing to say, mark moves on
    assert order_notifications(shop, S, at("2026-11-30 20:05")) == []


def test_an_event_committed_late_is_not_skipped(shop: sessionmaker[Session]) -> None:
    """Events younger than the lag are read again: one with a smaller id that shows up later
    (its transaction committed after a newer one) is still announced."""
    daughter = pid(shop, "李娜")
    first = place(shop, at("2026-12-01 08:00"), "王秀兰", [("米饭", 1)])
    order_notifications(shop, S, at("2026-12-01 08:00:30"))
    # the sweep ran 30 s after the event: the mark stays below it, a re-read is harmless
    assert order_notifications(shop, S, at("2026-12-01 08:05")) == []
    move(shop, first.id, at("2026-12-01 08:06"), OrderStatus.CONFIRMED)
    assert [m.person_id for m in outbox(shop, "order")] == [daughter]


# --------------------------------------------------------------- missed meals


def test_a_ready_order_not_collected_becomes_missed(shop: sessionmaker[Session]) -> None:
    daughter = pid(shop, "李娜")
    community = add_staff(shop, "社区网格员", "community")
    order = place(shop, at("2026-12-01 08:00"), "王秀兰")
    move(shop, order.id, at("2026-12-01 11:00"), OrderStatus.PREPARING, OrderStatus.READY)
    run_jobs(shop, S, at("2026-12-01 12:59"))
    with shop() as session:
        assert session.get(Order, order.id).status == "ready"  # type: ignore[union-attr]
    queued = run_jobs(shop, S, at("2026-12-01 13:00"))
    with shop() as session:
        assert session.get(Order, order.id).status == "missed"  # type: ignore[union-attr]
    missed = {q.person_id for q in queued if q.kind == "order"}
    assert missed == {daughter, community}
    texts = {m.person_id: m.text for m in outbox(shop, "order") if "没有取" in m.text}
    assert texts[daughter] == "王秀兰今天中午的饭没有取。请您打个电话问问老人好不好。"
    assert missed_not_collected(shop, S, at("2026-12-01 13:05")) == []


def test_a_collected_order_is_left_alone(shop: sessionmaker[Session]) -> None:
    order = place(shop, at("2026-12-01 08:00"), "王秀兰")
    move(
        shop,
        order.id,
        at("2026-12-01 11:00"),
        OrderStatus.PREPARING,
        OrderStatus.READY,
        OrderStatus.COMPLETED,
    )
    missed_not_collected(shop, S, at("2026-12-01 13:30"))
    with shop() as session:
        assert session.get(Order, order.id).status == "completed"  # type: ignore[union-attr]


# -------------------------------------------------------------------- canteens


def test_menu_reminder_when_next_week_is_not_published(shop: sessionmaker[Session]) -> None:
    """Thursday 2026-12-03 10:00: nothing for 12-07..12-13, so the manager is reminded."""
    manager = pid(shop, "张建国")
    add_staff(shop, "社区网格员", "community")
    assert menu_reminders(shop, S, at("2026-12-02 10:00")) == []  # Wednesday
    assert menu_reminders(shop, S, at("2026-12-03 09:59")) == []
    (queued,) = menu_reminders(shop, S, at("2026-12-03 10:00"))
    assert queued.person_id == manager
    assert outbox(shop)[0].text.startswith("下个星期（12月7日起）的菜单还没发布")
    assert menu_reminders(shop, S, at("2026-12-04 10:00")) == []  # once
    assert menu_reminders(shop, S, at("2026-12-07 10:00")) == []  # that week has started


def test_a_week_with_a_holiday_gap_counts_as_published(shop: sessionmaker[Session]) -> None:
    add_menus(shop, [date(2026, 12, 7), date(2026, 12, 8)])  # then a holiday
    assert menu_reminders(shop, S, at("2026-12-03 10:00")) == []


def test_monthly_report_on_the_first(shop: sessionmaker[Session]) -> None:
    manager = pid(shop, "张建国")
    order = place(shop, at("2026-12-01 08:00"), "王秀兰")
    move(
        shop,
        order.id,
        at("2026-12-01 11:00"),
        OrderStatus.PREPARING,
        OrderStatus.READY,
        OrderStatus.COMPLETED,
    )
    assert monthly_reports(shop, S, at("2027-01-01 07:59")) == []
    (queued,) = monthly_reports(shop, S, at("2027-01-01 08:00"))
    assert queued.person_id == manager and queued.key.endswith(":2026-12:" + str(manager))
    text = outbox(shop, "monthly")[0].text
    assert text.startswith("12月的服务情况：送出1份饭，补贴")
    assert monthly_reports(shop, S, at("2027-01-02 08:00")) == []
    assert monthly_reports(shop, S, at("2027-01-08 08:00")) == []


# ------------------------------------------------------------------ after the meal


def test_after_the_meal_one_question_the_next_morning(shop: sessionmaker[Session]) -> None:
    wang = pid(shop, "王秀兰")
    order = place(shop, at("2026-12-01 08:00"), "王秀兰")
    move(
        shop,
        order.id,
        at("2026-12-01 11:00"),
        OrderStatus.PREPARING,
        OrderStatus.READY,
        OrderStatus.COMPLETED,
    )
    assert after_meal_questions(shop, S, at("2026-12-02 08:59")) == []
    (queued,) = after_meal_questions(shop, S, at("2026-12-02 09:00"))
    assert queued.person_id == wang
    (row,) = outbox(shop, "after_meal")
    assert row.text == "昨天中午的饭菜怎么样？请打个分，一分到五分，五分最好。"
    assert row.choices == ["1", "2", "3", "4", "5"]
    assert after_meal_questions(shop, S, at("2026-12-02 10:00")) == []
    with unit_of_work(shop) as session:
        assert record_rating(session, wang, 4, at("2026-12-02 09:05")) is None  # not sent yet
    mark_sent(shop, row.id, at("2026-12-02 09:00"))
    with unit_of_work(shop) as session:
        stored = record_rating(session, wang, 4, at("2026-12-02 09:05"))
        assert stored is not None and stored.order_id == order.id
    with unit_of_work(shop) as session:
        assert record_rating(session, wang, 5, at("2026-12-02 09:06")) is None  # once
        ratings = session.scalars(select(Feedback.rating).where(Feedback.kind == "rating"))
        assert list(ratings) == [4]


def test_no_question_after_a_missed_or_cancelled_meal(shop: sessionmaker[Session]) -> None:
    order = place(shop, at("2026-12-01 08:00"), "王秀兰")
    with unit_of_work(shop) as session:
        cancel_order(session, order.id, at("2026-12-01 09:00"))
    assert after_meal_questions(shop, S, at("2026-12-02 09:00")) == []


# ------------------------------------------------------------------------ all jobs


def test_run_jobs_twice_queues_nothing_new(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", "09:00")
    add_staff(shop, "社区网格员", "community")
    first = run_jobs(shop, S, at("2026-12-01 09:30"))
    assert {q.kind for q in first} == {"cutoff", "no_order", "monthly"}  # November's report
    assert run_jobs(shop, S, at("2026-12-01 09:30")) == []
    assert run_jobs(shop, S, at("2026-12-01 09:31")) == []


def test_a_failing_job_does_not_stop_the_others(
    shop: sessionmaker[Session], monkeypatch: object
) -> None:
    import scheduler.jobs as jobs

    def broken(*_: object) -> list[jobs.Queued]:
        raise RuntimeError("boom")

    remind(shop, "王秀兰", "16:00")
    patched = dict(jobs.JOBS, cutoff=broken)
    monkeypatch.setattr(jobs, "JOBS", patched)  # type: ignore[attr-defined]
    assert [q.kind for q in jobs.run_jobs(shop, S, at("2026-11-30 16:00"))] == ["reminder"]


def test_many_watched_elders_are_all_reported(shop: sessionmaker[Session]) -> None:
    """More elders than one ``IN (...)`` list holds: every one is looked at once."""
    from sqlalchemy import insert

    from menus.models import ElderCategoryRow, ElderProfile, Person

    community = add_staff(shop, "社区网格员", "community")
    with unit_of_work(shop) as session:
        first = 10_000
        ids = range(first, first + 2000)
        session.execute(
            insert(Person),
            [
                {
                    "id": i,
                    "kind": "elder",
                    "name": f"老人{i}",
                    "lang": "zh",
                    "created_at": at("2026-11-01 08:00"),
                }
                for i in ids
            ],
        )
        session.execute(
            insert(ElderProfile),
            [{"person_id": i, "address": "", "community": "海东路社区", "region": "150102"}
             for i in ids],
        )  # fmt: skip
        session.execute(
            insert(ElderCategoryRow), [{"elder_id": i, "category": "kongchao"} for i in ids]
        )
    queued = wellbeing_no_order(shop, S, at("2026-12-01 09:30"))
    to_community = [q for q in queued if q.person_id == community]
    assert len(to_community) == 2001  # the 2,000 and 王秀兰
    assert len({q.key for q in to_community}) == 2001
