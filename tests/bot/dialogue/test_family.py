"""Family with two parents: 我爸 / 我妈 name the right one (by the elders' registered gender),
他俩都订了啥 answers for both, two parents in one breath are read back together (one yes
places both, each what was said for them), and a link still waiting for the parent's 同意 is
said so."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from menus.db import unit_of_work
from menus.links import issue_code, redeem_code
from menus.models import FamilyLink, Person
from menus.orders import list_orders
from menus.people import find_elder
from tests.conftest import BEFORE_LUNCH


def _ids(shop: sessionmaker[Session]) -> dict[str, int]:
    with shop() as session:
        return {p.name: p.id for p in session.scalars(select(Person))}


def _two_parents(shop: sessionmaker[Session]) -> dict[str, int]:
    """李娜 is linked to 王秀兰 (female) already; here also to 刘德福 (male)."""
    ids = _ids(shop)
    with unit_of_work(shop) as session:
        session.add(FamilyLink(family_id=ids["李娜"], elder_id=ids["刘德福"], relation="daughter"))
    return ids


def test_my_dad_and_my_mum_name_the_right_parent(shop: sessionmaker[Session]) -> None:
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    reply = dialogue.handle(ids["李娜"], "给我爸订中午一份鸡蛋羹，自己去拿", BEFORE_LUNCH)
    assert reply.text.startswith("刘德福，今天午饭"), reply.text
    dialogue.handle(ids["李娜"], "要", BEFORE_LUNCH)
    reply = dialogue.handle(ids["李娜"], "再给我妈订中午一份米饭，自己去拿", BEFORE_LUNCH)
    assert reply.text.startswith("王秀兰，今天午饭"), reply.text
    dialogue.handle(ids["李娜"], "要", BEFORE_LUNCH)
    with shop() as session:
        dad = [i.dish_name for o in list_orders(session, elder_id=ids["刘德福"]) for i in o.items]
        mum = [i.dish_name for o in list_orders(session, elder_id=ids["王秀兰"]) for i in o.items]
    assert (dad, mum) == (["鸡蛋羹"], ["米饭"])
    both = dialogue.handle(ids["李娜"], "他俩都订了啥", BEFORE_LUNCH).text
    assert "刘德福" in both and "鸡蛋羹" in both and "王秀兰" in both and "米饭" in both


def test_both_parents_named_hear_both_and_mum_too_orders_for_mum(
    shop: sessionmaker[Session],
) -> None:
    """我爸我妈都订的啥 answers for both, each by name; 我妈也来一碗，一样的 after Dad's order is
    Mum's (it was placed a second time for Dad)."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    dialogue.handle(ids["李娜"], "给我爸订中午一份鸡蛋羹，自己去拿", BEFORE_LUNCH)
    dialogue.handle(ids["李娜"], "要", BEFORE_LUNCH)
    both = dialogue.handle(ids["李娜"], "我爸我妈今天中午都订的啥？", BEFORE_LUNCH).text
    assert "刘德福订了" in both and "鸡蛋羹" in both and "王秀兰现在没有订单" in both, both
    reply = dialogue.handle(ids["李娜"], "我妈也来一份鸡蛋羹，中午自己去拿", BEFORE_LUNCH)
    assert reply.text.startswith("王秀兰，今天午饭"), reply.text
    dialogue.handle(ids["李娜"], "要", BEFORE_LUNCH)
    assert _dishes(shop, ids["王秀兰"]) == [("鸡蛋羹", 1)]
    assert _dishes(shop, ids["刘德福"]) == [("鸡蛋羹", 1)]


def _dishes(shop: sessionmaker[Session], elder_id: int) -> list[tuple[str, int]]:
    with shop() as session:
        return [
            (i.dish_name, i.qty) for o in list_orders(session, elder_id=elder_id) for i in o.items
        ]


def test_two_parents_in_one_breath_are_read_back_together_and_one_yes_places_both(
    shop: sessionmaker[Session],
) -> None:
    """Each parent gets what was said after their name, never the other's; the day, meal and
    way said once are both's; a retried yes places nothing twice."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    said = "给我爸订鸡蛋羹，给我妈订两碗米饭，中午都自己去拿"
    reply = dialogue.handle(ids["李娜"], said, BEFORE_LUNCH, turn_id="u1").text
    assert reply.startswith("今天午饭都自己去拿。刘德福：鸡蛋羹一份。"), reply  # when and how once
    assert "王秀兰：米饭两份。" in reply and reply.endswith("要订吗？"), reply
    assert _dishes(shop, ids["刘德福"]) == [] and _dishes(shop, ids["王秀兰"]) == []
    placed = dialogue.handle(ids["李娜"], "要", BEFORE_LUNCH, turn_id="u2").text
    assert "刘德福、王秀兰：订好了" in placed, placed  # told the same words: named together
    assert dialogue.handle(ids["李娜"], "要", BEFORE_LUNCH, turn_id="u2").text == placed
    assert _dishes(shop, ids["刘德福"]) == [("鸡蛋羹", 1)]
    assert _dishes(shop, ids["王秀兰"]) == [("米饭", 2)]


def test_both_parents_each_get_the_same_and_a_no_places_neither(
    shop: sessionmaker[Session],
) -> None:
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    reply = dialogue.handle(ids["李娜"], "中午给我爸妈各送一份鸡蛋羹", BEFORE_LUNCH).text
    assert reply.startswith("今天午饭都送到家。"), reply  # the meal and way said once
    assert "刘德福" in reply and "王秀兰" in reply and reply.count("鸡蛋羹一份") == 2, reply
    dialogue.handle(ids["李娜"], "不要", BEFORE_LUNCH)
    dialogue.handle(ids["李娜"], "要", BEFORE_LUNCH)
    assert _dishes(shop, ids["刘德福"]) == [] and _dishes(shop, ids["王秀兰"]) == []
    reply = dialogue.handle(ids["李娜"], "给我爸妈各订一份鸡蛋羹", BEFORE_LUNCH).text
    assert reply.endswith("？") and "订好了" not in reply  # the meal and way asked first


def test_a_link_waiting_for_the_parent_says_so(shop: sessionmaker[Session]) -> None:
    ids = _ids(shop)
    with unit_of_work(shop) as session:
        elder = find_elder(session, "赵桂芝").id
        redeem_code(
            session, issue_code(session, elder, BEFORE_LUNCH), ids["路人甲"], "son", BEFORE_LUNCH
        )
    reply = Dialogue(shop).handle(ids["路人甲"], "给我妈订个午饭", BEFORE_LUNCH)
    assert "还在等赵桂芝同意" in reply.text


def test_the_other_parent_named_in_an_edit_does_not_move_the_order(
    shop: sessionmaker[Session],
) -> None:
    """改一下，我妈下楼自己去拿 changes how Dad's meal is got; it is still Dad's."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    reply = dialogue.handle(ids["李娜"], "给我爸订中午一份鸡蛋羹，送到家", BEFORE_LUNCH).text
    assert reply.startswith("刘德福，今天午饭，送到家"), reply
    reply = dialogue.handle(ids["李娜"], "改一下，不用送了，我妈下楼自己去拿", BEFORE_LUNCH).text
    assert reply.startswith("刘德福，今天午饭，自己去拿：鸡蛋羹一份"), reply
    dialogue.handle(ids["李娜"], "对", BEFORE_LUNCH)
    assert _dishes(shop, ids["刘德福"]) == [("鸡蛋羹", 1)] and _dishes(shop, ids["王秀兰"]) == []


def test_each_parent_written_as_a_label_gets_their_own_dishes(
    shop: sessionmaker[Session],
) -> None:
    """爸：…；妈：…: what follows each label is theirs, not both parents' at once."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    said = "中午给我爸妈订饭。爸：鸡蛋羹一份；妈：米饭两碗。都自己去拿"
    reply = dialogue.handle(ids["李娜"], said, BEFORE_LUNCH).text
    assert "今天午饭都自己去拿。刘德福：鸡蛋羹一份。" in reply, reply
    assert "王秀兰：米饭两份。" in reply, reply
    dialogue.handle(ids["李娜"], "对", BEFORE_LUNCH)
    assert _dishes(shop, ids["刘德福"]) == [("鸡蛋羹", 1)]
    assert _dishes(shop, ids["王秀兰"]) == [("米饭", 2)]


def test_a_change_to_the_second_parents_dish_changes_that_order(
    shop: sessionmaker[Session],
) -> None:
    """Both orders read back; 米饭换成红烧肉 changes the order that has the rice (the mother's),
    never the father's."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    said = "给我爸订鸡蛋羹，给我妈订两碗米饭，中午都自己去拿"
    dialogue.handle(ids["李娜"], said, BEFORE_LUNCH)
    reply = dialogue.handle(ids["李娜"], "我妈说米饭换成红烧肉吧，鸡蛋羹照旧", BEFORE_LUNCH).text
    assert "长期" not in reply and reply.endswith("要订吗？"), reply
    assert "今天午饭都自己去拿。王秀兰：红烧肉一份" in reply, reply  # said once for both
    assert "刘德福：鸡蛋羹一份" in reply, reply
    dialogue.handle(ids["李娜"], "对", BEFORE_LUNCH)
    assert _dishes(shop, ids["刘德福"]) == [("鸡蛋羹", 1)]
    assert _dishes(shop, ids["王秀兰"]) == [("红烧肉", 1)]


def test_grandparents_are_named_as_grandchildren_call_them(
    shop: sessionmaker[Session],
) -> None:
    """我爷 / 我奶: the linked elder of that gender; 我爷我奶一人一份: both, the same."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    reply = dialogue.handle(ids["李娜"], "给我奶订中午一份鸡蛋羹，自己去拿", BEFORE_LUNCH).text
    assert reply.startswith("王秀兰，今天午饭"), reply
    dialogue.handle(ids["李娜"], "不要", BEFORE_LUNCH)
    reply = dialogue.handle(ids["李娜"], "中午给我爷我奶一人一份鸡蛋羹，送家里", BEFORE_LUNCH).text
    assert "今天午饭都送到家。刘德福：鸡蛋羹一份" in reply, reply
    assert "王秀兰：鸡蛋羹一份" in reply, reply


def test_two_days_in_one_breath_are_two_orders_and_a_change_to_one_day_is_to_that_one(
    shop: sessionmaker[Session],
) -> None:
    """今天中午一份鸡蛋羹，明天中午一份红烧肉: one order each day, read back together, never
    everything on the last day said; 明天那顿自己去拿 changes only tomorrow's."""
    ids, dialogue = _ids(shop), Dialogue(shop)
    said = "今天中午一份鸡蛋羹，明天中午一份红烧肉，都送到家"
    reply = dialogue.handle(ids["王秀兰"], said, BEFORE_LUNCH).text
    assert reply.startswith("午饭都送到家。今天：鸡蛋羹一份。"), reply  # the meal and way once
    assert "明天：红烧肉一份。" in reply, reply
    reply = dialogue.handle(ids["王秀兰"], "明天那顿不用送了，我自己去拿", BEFORE_LUNCH).text
    assert "明天午饭，自己去拿：红烧肉一份。" in reply and "今天午饭，送到家：鸡蛋羹一份。" in reply
    dialogue.handle(ids["王秀兰"], "对", BEFORE_LUNCH)
    with shop() as session:
        placed = sorted(
            (o.date.isoformat(), o.fulfillment, [i.dish_name for i in o.items])
            for o in list_orders(session, elder_id=ids["王秀兰"])
        )
    assert placed == [
        ("2026-12-01", "delivery", ["鸡蛋羹"]),
        ("2026-12-02", "pickup", ["红烧肉"]),
    ]


def test_two_days_that_fall_on_one_meal_are_one_order(shop: sessionmaker[Session]) -> None:
    """After the lunch cut-off, 今天中午A，明天中午B moves A to tomorrow's lunch too: one order
    with both dishes, never two orders for the same meal."""
    ids, dialogue = _ids(shop), Dialogue(shop)
    late = BEFORE_LUNCH.replace(hour=10)
    said = "今天中午一份鸡蛋羹，明天中午一份红烧肉，都自己去拿"
    reply = dialogue.handle(ids["王秀兰"], said, late).text
    if not reply.endswith("要订吗？"):  # today's lunch closed: the meal is asked
        reply = dialogue.handle(ids["王秀兰"], "中午", late).text
    assert reply.count("明天午饭") == 1 and "鸡蛋羹、红烧肉各一份" in reply, reply
    dialogue.handle(ids["王秀兰"], "要", late)
    with shop() as session:
        orders = list_orders(session, elder_id=ids["王秀兰"])
    assert len(orders) == 1 and {i.dish_name for i in orders[0].items} == {"鸡蛋羹", "红烧肉"}


def test_both_parents_named_by_name_get_the_same_and_an_edit_naming_one_is_hers(
    shop: sessionmaker[Session],
) -> None:
    """给刘德福 王秀兰各订一份鸡蛋羹: one order each; 我妈那份换红烧肉 我爸的不变 changes only
    hers (the one said to stay as is is not the one changed)."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    said = "中午给刘德福 王秀兰各订一份鸡蛋羹 自己去拿"
    reply = dialogue.handle(ids["李娜"], said, BEFORE_LUNCH).text
    assert "刘德福" in reply and "王秀兰" in reply and reply.count("鸡蛋羹一份") == 2, reply
    reply = dialogue.handle(ids["李娜"], "我妈那份换红烧肉 我爸的不变", BEFORE_LUNCH).text
    assert "今天午饭都自己去拿。王秀兰：红烧肉一份" in reply, reply
    dialogue.handle(ids["李娜"], "对", BEFORE_LUNCH)
    assert _dishes(shop, ids["刘德福"]) == [("鸡蛋羹", 1)]
    assert _dishes(shop, ids["王秀兰"]) == [("红烧肉", 1)]
    both = dialogue.handle(ids["李娜"], "刘德福王秀兰今天中午订的啥", BEFORE_LUNCH).text
    assert "刘德福" in both and "鸡蛋羹" in both and "王秀兰" in both and "红烧肉" in both, both


def test_a_part_of_a_dish_refused_for_one_parent_leaves_only_her_order(
    shop: sessionmaker[Session],
) -> None:
    """妈的不要鸡蛋, heard as no edit at all: 鸡蛋 is the 鸡蛋羹 of Mum's order, and only hers; the
    short read-back after a word that is no yes still names both parents."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    reply = dialogue.handle(ids["李娜"], "中午给我爸妈都订鸡蛋羹和米饭 自己去拿", BEFORE_LUNCH).text
    assert reply.count("鸡蛋羹、米饭各一份") == 2, reply
    reply = dialogue.handle(ids["李娜"], "妈的不要鸡蛋", BEFORE_LUNCH).text
    assert "不要鸡蛋羹了" in reply and "王秀兰：米饭一份" in reply, reply
    assert "刘德福：鸡蛋羹、米饭各一份" in reply, reply
    reply = dialogue.handle(ids["李娜"], "嗯嗯嗯", BEFORE_LUNCH).text
    assert "王秀兰" in reply and "刘德福" in reply, reply
    dialogue.handle(ids["李娜"], "ok确认", BEFORE_LUNCH)
    assert _dishes(shop, ids["王秀兰"]) == [("米饭", 1)]
    assert sorted(_dishes(shop, ids["刘德福"])) == [("米饭", 1), ("鸡蛋羹", 1)]


def test_a_bare_dad_heading_what_a_child_types_is_dad(shop: sessionmaker[Session]) -> None:
    """爸 中午 鸡蛋羹x1 自取: 爸 alone, first, names the father among two parents."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    reply = dialogue.handle(ids["李娜"], "爸 中午 鸡蛋羹x1 自取", BEFORE_LUNCH).text
    assert reply.startswith("刘德福，今天午饭，自己去拿：鸡蛋羹一份"), reply


def test_a_parent_who_only_reports_is_not_whom_the_meal_is_for(
    shop: sessionmaker[Session],
) -> None:
    """妈说爸…: 妈 heading the text only says who said it; nothing is read back for Mum."""
    ids, dialogue = _two_parents(shop), Dialogue(shop)
    reply = dialogue.handle(ids["李娜"], "妈说 中午要一份鸡蛋羹 自己去拿", BEFORE_LUNCH).text
    assert not reply.startswith("王秀兰"), reply
