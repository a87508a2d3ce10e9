"""A standing order told in conversation: read back with its days, stored on the yes, its open
meals placed; paused and resumed in the elder's words; the scheduler places the rest and says
what it could not."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from menus.models import OutboxMessage, Person, StandingOrder
from menus.orders import list_orders
from menus.people import find_elder
from scheduler.config import SchedulerSettings
from scheduler.jobs import standing_orders
from tests.conftest import BEFORE_LUNCH


def _elder(shop: sessionmaker[Session], name: str) -> int:
    with shop() as session:
        return find_elder(session, name).id


def test_every_day_is_read_back_as_a_standing_order_and_placed(shop: sessionmaker[Session]) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop, "赵桂芝")
    reply = dialogue.handle(elder, "以后每天中午都给我来一份鸡蛋羹，自己去拿", BEFORE_LUNCH)
    assert "长期订单" in reply.text and "每天午饭" in reply.text and "要这样长期订吗" in reply.text
    assert "长期订好了" in dialogue.handle(elder, "要", BEFORE_LUNCH).text
    with shop() as session:
        (row,) = session.scalars(select(StandingOrder))
        assert (row.meal, row.lines, row.weekdays) == ("lunch", {"鸡蛋羹": 1}, list(range(7)))
        days = sorted(o.date for o in list_orders(session, elder_id=elder))
    assert days == [date(2026, 12, 1), date(2026, 12, 2)]  # today's and tomorrow's menus


def test_a_pause_in_her_words_cancels_and_a_resume_places_again(
    shop: sessionmaker[Session],
) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop, "赵桂芝")
    dialogue.handle(elder, "以后每天中午都给我来一份鸡蛋羹，自己去拿", BEFORE_LUNCH)
    dialogue.handle(elder, "要", BEFORE_LUNCH)
    assert "先停了" in dialogue.handle(elder, "我住院了，先停了吧", BEFORE_LUNCH).text
    with shop() as session:
        assert {o.status for o in list_orders(session, elder_id=elder)} == {"cancelled"}
    assert "恢复了" in dialogue.handle(elder, "出院了，接着送", BEFORE_LUNCH).text
    standing_orders(shop, SchedulerSettings(), BEFORE_LUNCH)
    with shop() as session:
        statuses = sorted(o.status for o in list_orders(session, elder_id=elder))
    assert statuses == ["cancelled", "cancelled", "placed", "placed"]


def test_a_pause_and_a_resume_in_mongolian_verbs(shop: sessionmaker[Session]) -> None:
    """зогсоо- (stop) pauses the standing meals, үргэлжлүүл- (go on) resumes them; the words
    around them (a trip to town, 'I'll say when I'm back') change nothing."""
    dialogue, elder = Dialogue(shop), _elder(shop, "巴特尔")
    dialogue.handle(elder, "өдөр бүр үдэд гар мах нэг өөрөө очиж авна", BEFORE_LUNCH)
    dialogue.handle(elder, "тийм", BEFORE_LUNCH)
    said = "өдөр бүрийн хоолоо түр зогсоогоорой, хот руу явна, ирээд дахин хэлнэ"
    assert "зогсоолоо" in dialogue.handle(elder, said, BEFORE_LUNCH).text
    with shop() as session:
        assert {o.status for o in list_orders(session, elder_id=elder)} == {"cancelled"}
    dialogue.handle(elder, "ирлээ, үргэлжлүүлээрэй", BEFORE_LUNCH)
    standing_orders(shop, SchedulerSettings(), BEFORE_LUNCH)
    with shop() as session:
        assert "placed" in {o.status for o in list_orders(session, elder_id=elder)}


def test_the_scheduler_tells_what_it_could_not_place_and_why(
    shop: sessionmaker[Session],
) -> None:
    """手把肉 is on today's lunch menu, not tomorrow's: today's is placed on the yes; the
    scheduler tells the elder and her daughter that tomorrow's could not be, once."""
    dialogue, elder = Dialogue(shop), _elder(shop, "王秀兰")
    dialogue.handle(elder, "以后每天中午都给我来一份手把肉，自己去拿", BEFORE_LUNCH)
    dialogue.handle(elder, "要", BEFORE_LUNCH)
    standing_orders(shop, SchedulerSettings(), BEFORE_LUNCH)
    standing_orders(shop, SchedulerSettings(), BEFORE_LUNCH)
    with shop() as session:
        told = session.execute(
            select(OutboxMessage.person_id, OutboxMessage.kind, OutboxMessage.text)
        ).all()
        (placed,) = list_orders(session, elder_id=elder)
    assert placed.date == date(2026, 12, 1)
    refused = [(person, text) for person, kind, text in told if kind == "standing_refused"]
    assert len(refused) == 2 and {p == elder for p, _ in refused} == {True, False}
    assert all("明天" in text and "没订上" in text for _, text in refused)
    assert any("王秀兰" in text for person, text in refused if person != elder)


def test_the_scheduler_tells_the_elder_what_it_placed(shop: sessionmaker[Session]) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop, "赵桂芝")
    dialogue.handle(elder, "以后每天中午都给我来一份鸡蛋羹，自己去拿", BEFORE_LUNCH)
    dialogue.handle(elder, "要", BEFORE_LUNCH)
    with shop() as session:  # as if placed before the scheduler ran: forget the notices
        assert not session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "standing_placed")
        ).all()
    assert "恢复了" not in dialogue.handle(elder, "我住院了，先停了吧", BEFORE_LUNCH).text
    dialogue.handle(elder, "出院了，接着送", BEFORE_LUNCH)
    standing_orders(shop, SchedulerSettings(), BEFORE_LUNCH)
    with shop() as session:
        placed = session.scalars(
            select(OutboxMessage.text).where(
                OutboxMessage.kind == "standing_placed", OutboxMessage.person_id == elder
            )
        ).all()
    assert any("鸡蛋羹" in text for text in placed)


def test_monday_to_friday_starts_with_the_next_open_workday_not_next_monday(
    shop: sessionmaker[Session],
) -> None:
    """礼拜一到礼拜五 on a Tuesday names the workdays: the first meal is today's (or the next
    still open), not next Monday's; 下周一到周五 would be next week's."""
    dialogue, elder = Dialogue(shop), _elder(shop, "赵桂芝")
    said = "礼拜一到礼拜五，中午，一碗鸡蛋羹，自己去拿"
    reply = dialogue.handle(elder, said, BEFORE_LUNCH).text
    assert "工作日" in reply and "第一顿：今天，" in reply, reply


def test_family_pausing_for_a_parent_cancels_what_was_placed(shop: sessionmaker[Session]) -> None:
    """The daughter sets up her mother's lunches, then pauses them: the meals already placed
    are cancelled as hers to cancel (family), not left standing."""
    dialogue, mother = Dialogue(shop), _elder(shop, "王秀兰")
    with shop() as session:
        daughter = session.scalars(select(Person.id).where(Person.name == "李娜")).one()
    dialogue.handle(daughter, "给我妈订个每天中午的，一份鸡蛋羹，自己去拿", BEFORE_LUNCH)
    assert "长期订好了" in dialogue.handle(daughter, "对", BEFORE_LUNCH).text
    with shop() as session:
        placed = [o.status for o in list_orders(session, elder_id=mother)]
    assert placed and set(placed) == {"placed"}
    reply = dialogue.handle(daughter, "哎等会儿，她这几天去我姐家住，这个先暂停吧", BEFORE_LUNCH)
    assert "先停了" in reply.text
    with shop() as session:
        after = [o.status for o in list_orders(session, elder_id=mother)]
    assert after and set(after) == {"cancelled"}


def test_days_said_with_到_end_the_standing_order(shop: sessionmaker[Session]) -> None:
    """从今天到12月2日 / 每天中午到12月2日: no meal is placed after the last day said (an
    open-ended order would go on until stopped); 送到家 has a 到 that ends nothing."""
    dialogue, elder = Dialogue(shop), _elder(shop, "赵桂芝")
    reply = dialogue.handle(elder, "从今天到12月2日每天中午来一份鸡蛋羹，送到家", BEFORE_LUNCH)
    assert "长期订单" in reply.text and "明天" in reply.text
    dialogue.handle(elder, "要", BEFORE_LUNCH)
    with shop() as session:
        (row,) = session.scalars(select(StandingOrder))
        assert (row.start_date, row.end_date) == (date(2026, 12, 1), date(2026, 12, 2))
