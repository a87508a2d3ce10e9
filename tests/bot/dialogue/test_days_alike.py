"""The same meal for several days said once (明天跟后天中午，都要一碗鸡蛋羹): one order per day,
read back together; a change naming no day changes each of them; 后天不要了 drops that day
only. A price asked beside an order (来个红烧肉，多少钱) is answered and the order goes on."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from menus.models import Person
from menus.orders import list_orders
from tests.conftest import BEFORE_LUNCH


def _elder(shop: sessionmaker[Session], name: str = "王秀兰") -> int:
    with shop() as session:
        return session.scalars(select(Person.id).where(Person.name == name)).one()


def _placed(shop: sessionmaker[Session], elder: int) -> list[tuple[str, dict[str, int]]]:
    with shop() as session:
        return sorted(
            (o.date.isoformat(), {i.dish_name: i.qty for i in o.items})
            for o in list_orders(session, elder_id=elder)
            if o.status != "cancelled"
        )


def test_two_days_side_by_side_are_two_orders_and_an_edit_without_a_day_is_to_both(
    shop: sessionmaker[Session],
) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop)
    said = "今儿个跟明儿个晌午，都要一碗米饭，俩鸡蛋羹，送家里"
    reply = dialogue.handle(elder, said, BEFORE_LUNCH).text
    assert "今天午饭" in reply and "明天午饭" in reply and reply.endswith("要订吗？"), reply
    reply = dialogue.handle(elder, "米饭不要了", BEFORE_LUNCH).text
    assert "米饭" not in reply.split("。", 1)[1], reply  # gone from both days' orders
    dialogue.handle(elder, "对", BEFORE_LUNCH)
    assert _placed(shop, elder) == [("2026-12-01", {"鸡蛋羹": 2}), ("2026-12-02", {"鸡蛋羹": 2})]


def test_one_day_dropped_keeps_the_other(shop: sessionmaker[Session]) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop)
    dialogue.handle(elder, "今天跟明天中午，一份鸡蛋羹，自己去拿", BEFORE_LUNCH)
    reply = dialogue.handle(elder, "哎，今天不要了，就明天一天", BEFORE_LUNCH).text
    assert "明天午饭" in reply and "今天午饭" not in reply and reply.endswith("要订吗？"), reply
    dialogue.handle(elder, "对", BEFORE_LUNCH)
    assert _placed(shop, elder) == [("2026-12-02", {"鸡蛋羹": 1})]


def test_one_day_or_another_is_not_two_orders(shop: sessionmaker[Session]) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop)
    reply = dialogue.handle(elder, "今天或者明天中午来一份鸡蛋羹，送家里", BEFORE_LUNCH).text
    assert not ("今天午饭" in reply and "明天午饭" in reply), reply


def test_a_price_asked_beside_an_order_is_answered_and_the_order_goes_on(
    shop: sessionmaker[Session],
) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop)
    reply = dialogue.handle(elder, "那中午来个红烧肉。多少钱？", BEFORE_LUNCH).text
    assert reply.startswith("红烧肉") and "块" in reply and reply.endswith("？"), reply
    reply = dialogue.handle(elder, "自己去拿", BEFORE_LUNCH).text
    assert "红烧肉一份" in reply and reply.endswith("要订吗？"), reply
    dialogue.handle(elder, "对", BEFORE_LUNCH)
    assert _placed(shop, elder) == [("2026-12-01", {"红烧肉": 1})]


def test_how_much_is_one_at_the_read_back_of_one_dish_is_its_price(
    shop: sessionmaker[Session],
) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop)
    dialogue.handle(elder, "中午一份手把肉，自己去拿", BEFORE_LUNCH)
    reply = dialogue.handle(elder, "一份多少钱？", BEFORE_LUNCH).text
    assert reply.startswith("手把肉") and reply.endswith("要订吗？"), reply
    assert _placed(shop, elder) == []
