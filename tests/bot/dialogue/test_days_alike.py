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
    assert reply.startswith("午饭都送到家。今天：") and "明天也一样。" in reply, reply
    assert reply.endswith("要订吗？"), reply
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


def test_yes_with_two_days_is_no_count_and_places_both(shop: sessionmaker[Session]) -> None:
    """嗯对 俩天都一样的嗷: a yes (after a filler); 俩天 is two days, never two portions."""
    dialogue, elder = Dialogue(shop), _elder(shop)
    dialogue.handle(elder, "今天跟明天中午，一份鸡蛋羹，自己去拿", BEFORE_LUNCH)
    placed = dialogue.handle(elder, "嗯对 俩天都一样的嗷", BEFORE_LUNCH).text
    assert "订好了" in placed, placed
    assert _placed(shop, elder) == [("2026-12-01", {"鸡蛋羹": 1}), ("2026-12-02", {"鸡蛋羹": 1})]


def test_a_swap_without_a_day_changes_every_day_alike_and_a_day_dropped_by_family(
    shop: sessionmaker[Session],
) -> None:
    """A daughter: 今天明天中午都要一份手把肉 → 手把肉太硬了 换鸡蛋羹 (each day) → 今天不要了."""
    dialogue, daughter, mum = Dialogue(shop), _elder(shop, "李娜"), _elder(shop)
    dialogue.handle(daughter, "我妈今天跟明天中午都要一份红烧肉 自己去拿", BEFORE_LUNCH)
    reply = dialogue.handle(daughter, "红烧肉太腻了 换鸡蛋羹", BEFORE_LUNCH).text
    assert "红烧肉" not in reply.split("。", 1)[1] and "也一样" in reply, reply
    reply = dialogue.handle(daughter, "今天不要了 就明天", BEFORE_LUNCH).text
    assert "明天午饭" in reply and "今天午饭" not in reply, reply
    dialogue.handle(daughter, "对", BEFORE_LUNCH)
    assert _placed(shop, mum) == [("2026-12-02", {"鸡蛋羹": 1})]


def test_a_count_said_with_its_reason_changes_the_dish_named_by_part(
    shop: sessionmaker[Session],
) -> None:
    """粥要一碗就够了，我一个人哪吃得了两碗: one bowl of the order's 小米粥 (两碗 only says why,
    一个人 counts people)."""
    dialogue, elder = Dialogue(shop), _elder(shop)
    late = BEFORE_LUNCH.replace(hour=10)
    dialogue.handle(elder, "今天晚上两碗小米粥，一份鸡蛋羹，自己去拿", late)
    reply = dialogue.handle(elder, "粥要一碗就够了，我一个人哪吃得了两碗", late).text
    assert "小米粥、鸡蛋羹各一份" in reply, reply


def test_a_dish_named_by_part_before_a_refusal_goes_with_one_named_whole(
    shop: sessionmaker[Session],
) -> None:
    """那肉不要了 换鸡蛋羹 米饭也换成小米粥 (to 红烧肉 and 米饭): both go."""
    dialogue, elder = Dialogue(shop), _elder(shop)
    late = BEFORE_LUNCH.replace(hour=9)
    dialogue.handle(elder, "明天中午红烧肉一份 米饭一份 自己去拿", late)
    reply = dialogue.handle(elder, "那肉不要了 换鸡蛋羹 米饭也不要了", late).text
    assert "红烧肉" not in reply.split("。", 1)[-1] and "鸡蛋羹一份" in reply, reply


def test_the_price_asked_before_the_order_is_complete_then_the_question_again(
    shop: sessionmaker[Session],
) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop)
    asked = dialogue.handle(elder, "中午来一份手把肉", BEFORE_LUNCH).text
    reply = dialogue.handle(elder, "多少钱？", BEFORE_LUNCH).text
    assert reply.startswith("手把肉") and reply.endswith(asked), (asked, reply)


def test_what_a_voucher_is_worth(shop: sessionmaker[Session]) -> None:
    dialogue, elder = Dialogue(shop), _elder(shop)
    reply = dialogue.handle(elder, "一张券能顶多少钱？", BEFORE_LUNCH).text
    balance = dialogue.handle(elder, "我的卡里还有多少钱", BEFORE_LUNCH).text
    assert reply == balance, (reply, balance)  # the balance, with each voucher's worth
    assert "块" not in reply or "菜" not in reply  # never the menu's prices
