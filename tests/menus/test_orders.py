"""Placing, cancelling and moving orders against a real store (SQLite or PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.errors import DomainError
from menus.models import OrderEvent, Person, Voucher
from menus.orders import cancel_order, list_orders, place_order_once, set_status
from menus.people import find_elder
from menus.vocab import Actor, Fulfillment, MealSlot, OrderStatus
from tests.conftest import BEFORE_LUNCH, PEOPLE
from tests.menus.helpers import card_balances, place, portions_left, request, row_counts

NOW = BEFORE_LUNCH


def refused(code: str, factory: sessionmaker[Session], *args: object, **kwargs: object) -> None:
    """The order is refused with ``code`` and the store is exactly as before."""
    before = row_counts(factory)
    with pytest.raises(DomainError) as caught:
        place(factory, *args, **kwargs)  # type: ignore[arg-type]
    assert caught.value.code == code, caught.value.message("en")
    assert row_counts(factory) == before


def test_order_is_stored_with_its_price_breakdown(shop: sessionmaker[Session]) -> None:
    """刘德福 is 低保 and 高龄: the larger subsidy (5 yuan fixed) wins, not the sum."""
    order = place(shop, NOW, "刘德福", [("红烧肉", 1), ("米饭", 2)])
    assert order.price_fen == 1200 + 2 * 150
    assert order.subsidy_fen == 500
    assert order.voucher_fen == 300  # his 3-yuan voucher
    assert order.card_fen == 0
    assert order.payable_fen == 1500 - 500 - 300
    with shop() as session:
        (stored,) = list_orders(session)
        assert stored.status == OrderStatus.PLACED.value
        assert [(i.dish_name, i.qty) for i in stored.items] == [("红烧肉", 1), ("米饭", 2)]
        assert [(e.from_status, e.to_status) for e in stored.events] == [(None, "placed")]


def test_percent_subsidy_is_capped_and_family_card_pays(shop: sessionmaker[Session]) -> None:
    """王秀兰 (高龄 30%, capped at 4 yuan) pays the rest from her 孝心卡."""
    order = place(shop, NOW, "王秀兰", [("手把肉", 1)])
    assert order.subsidy_fen == 400  # 30% of 25 is 7.50, the cap is 4
    assert order.card_fen == 2000  # the whole card balance (20 yuan) of the 21 due
    assert order.payable_fen == 2500 - 400 - 2000
    assert card_balances(shop, "王秀兰") == {"family": 0}


def test_family_card_is_spent_before_charity_card(shop: sessionmaker[Session]) -> None:
    """赵桂芝 has 1 yuan on a 孝心卡 and 3 on a 爱心卡; family money goes first."""
    order = place(shop, NOW, "赵桂芝", [("红烧肉", 1)])
    assert order.subsidy_fen == 800
    assert order.card_fen == 400
    assert order.payable_fen == 0
    assert card_balances(shop, "赵桂芝") == {"family": 0, "charity": 0}


def test_only_one_subsidised_meal_per_slot_per_day(shop: sessionmaker[Session]) -> None:
    """A second lunch the same day is full price; a cancelled first one frees the subsidy."""
    first = place(shop, NOW, "李建军", [("米饭", 1)])
    second = place(shop, NOW, "李建军", [("米饭", 1)])
    assert (first.subsidy_fen, second.subsidy_fen) == (100, 0)
    dinner = place(shop, NOW, "李建军", [("米饭", 1)], meal=MealSlot.DINNER)
    assert dinner.subsidy_fen == 100
    with unit_of_work(shop) as session:
        cancel_order(session, first.id, NOW)
    third = place(shop, NOW, "李建军", [("米饭", 1)])
    assert third.subsidy_fen == 100


def test_disability_subsidy_needs_the_assessed_level(shop: sessionmaker[Session]) -> None:
    """The 失能 policy starts at level 2: level 1 gets the general one, level 3 gets 失能."""
    assert place(shop, NOW, "巴特尔", [("红烧肉", 1)]).subsidy_fen == 100
    assert place(shop, NOW, "陈国强", [("红烧肉", 1)]).subsidy_fen == 600


def test_same_idempotency_key_returns_the_same_order(shop: sessionmaker[Session]) -> None:
    """A retried message never makes a second order or takes portions twice."""
    first = place(shop, NOW, "刘德福", [("手把肉", 1)], key="tg-42-1001")
    again = place(shop, NOW, "刘德福", [("手把肉", 2)], key="tg-42-1001")
    assert again.id == first.id
    assert portions_left(shop, "手把肉") == 2
    with shop() as session:
        assert len(list_orders(session)) == 1


def test_dish_may_be_named_by_alias_or_mongolian_name(shop: sessionmaker[Session]) -> None:
    """People say 手扒肉 or ᠭᠠᠷ ᠮᠢᠬᠠ; the order records the canonical dish."""
    order = place(shop, NOW, "刘德福", [("手扒肉", 1), ("ᠥᠨᠳᠡᠭᠡᠨ ᠰᠢᠯᠦ", 1)])
    assert [i.dish_name for i in order.items] == ["手把肉", "鸡蛋羹"]


def test_refusals_change_nothing(shop: sessionmaker[Session]) -> None:
    """Every rule refuses with its code and leaves the store as it was."""
    refused("unknown_dish", shop, NOW, "刘德福", [("宫保鸡丁", 1)])
    refused("closed", shop, NOW.replace(hour=9, minute=30), "刘德福")
    refused("closed", shop, NOW, "刘德福", [("小米粥", 1)], meal=MealSlot.BREAKFAST)
    refused("past_date", shop, NOW + timedelta(days=1), "刘德福")
    refused("no_menu", shop, NOW, "刘德福", day=date(2026, 12, 3))
    refused("bad_quantity", shop, NOW, "刘德福", [("红烧肉", 0)])
    refused("bad_quantity", shop, NOW, "刘德福", [("红烧肉", 21)])
    refused("no_items", shop, NOW, "刘德福", [])
    refused("duplicate_dish", shop, NOW, "刘德福", [("红烧肉", 1), ("红烧五花肉", 1)])
    refused("sold_out", shop, NOW, "刘德福", [("手把肉", 4)])
    refused("outside_area", shop, NOW, "李建军", [("米饭", 1)], fulfillment=Fulfillment.DELIVERY)


def test_delivery_inside_the_area_uses_the_address_on_file(shop: sessionmaker[Session]) -> None:
    """The delivery address is copied onto the order, so a later move doesn't reroute it."""
    order = place(shop, NOW, "王秀兰", [("鸡蛋羹", 1)], fulfillment=Fulfillment.DELIVERY)
    assert order.delivery_address == "新华东街社区3号楼2单元102室"


def test_mode_not_offered_is_refused(shop: sessionmaker[Session]) -> None:
    """A canteen that only serves in its hall refuses delivery."""
    with unit_of_work(shop) as session:
        from menus.menu_store import get_canteen

        get_canteen(session).modes = ["dine_in"]
    refused("mode_not_offered", shop, NOW, "刘德福", fulfillment=Fulfillment.PICKUP)


def test_cancel_before_cutoff_gives_everything_back(shop: sessionmaker[Session]) -> None:
    """Portions, the voucher and the card money all come back; history records who and why."""
    order = place(shop, NOW, "王秀兰", [("手把肉", 2)])
    assert portions_left(shop, "手把肉") == 1
    assert card_balances(shop, "王秀兰") == {"family": 0}
    with unit_of_work(shop) as session:
        cancel_order(session, order.id, NOW + timedelta(minutes=5), reason="不想吃了")
    assert portions_left(shop, "手把肉") == 3
    assert card_balances(shop, "王秀兰") == {"family": 2000}
    with shop() as session:
        events = session.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id))
        assert [(e.from_status, e.to_status, e.reason) for e in events] == [
            (None, "placed", None),
            ("placed", "cancelled", "不想吃了"),
        ]


def test_cancel_gives_the_voucher_back(shop: sessionmaker[Session]) -> None:
    """A used voucher is unused again after cancelling."""
    order = place(shop, NOW, "刘德福", [("红烧肉", 1)])
    with unit_of_work(shop) as session:
        cancel_order(session, order.id, NOW)
    with shop() as session:
        used = session.scalars(select(Voucher).where(Voucher.used_order_id.is_not(None)))
        assert list(used) == []


def test_people_cannot_cancel_after_cutoff_but_canteen_can(shop: sessionmaker[Session]) -> None:
    """After 09:30 only the canteen cancels, and it must say why."""
    order = place(shop, NOW, "刘德福")
    late = NOW.replace(hour=10)
    for actor, reason, code in [
        (Actor.SELF, None, "cancel_after_cutoff"),
        (Actor.STAFF, None, "cancel_needs_reason"),
    ]:
        with pytest.raises(DomainError) as caught, unit_of_work(shop) as session:
            cancel_order(session, order.id, late, actor=actor, reason=reason)
        assert caught.value.code == code
    with unit_of_work(shop) as session:
        cancel_order(session, order.id, late, actor=Actor.STAFF, reason="停电")
    with shop() as session:
        assert list_orders(session)[0].status == "cancelled"


def test_state_machine_through_the_store(shop: sessionmaker[Session]) -> None:
    """placed → confirmed → preparing → out_for_delivery → completed; nothing after that."""
    order = place(shop, NOW, "王秀兰", [("鸡蛋羹", 1)], fulfillment=Fulfillment.DELIVERY)
    steps = [
        OrderStatus.CONFIRMED,
        OrderStatus.PREPARING,
        OrderStatus.OUT_FOR_DELIVERY,
        OrderStatus.COMPLETED,
    ]
    for step in steps:
        with unit_of_work(shop) as session:
            set_status(session, order.id, step, NOW)
    with pytest.raises(DomainError) as caught, unit_of_work(shop) as session:
        set_status(session, order.id, OrderStatus.MISSED, NOW)
    assert caught.value.code == "bad_transition"
    with shop() as session:
        events = session.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id))
        assert [e.to_status for e in events] == ["placed", *steps]


def test_only_linked_family_may_order_for_an_elder(shop: sessionmaker[Session]) -> None:
    """李娜 is 王秀兰's daughter; 路人甲 is linked to nobody."""
    with shop() as session:
        daughter = session.scalar(select(Person).where(Person.name == "李娜"))
        stranger = session.scalar(select(Person).where(Person.name == "路人甲"))
        assert daughter is not None and stranger is not None
        daughter_id, stranger_id = daughter.id, stranger.id
    order = place(shop, NOW, "王秀兰", [("鸡蛋羹", 1)], actor=Actor.FAMILY, actor_id=daughter_id)
    assert order.placed_by_role == "family"
    assert order.placed_by_id == daughter_id
    refused("not_linked", shop, NOW, "刘德福", actor=Actor.FAMILY, actor_id=daughter_id)
    refused("not_linked", shop, NOW, "王秀兰", actor=Actor.FAMILY, actor_id=stranger_id)
    refused("not_linked", shop, NOW, "王秀兰", actor=Actor.STAFF, actor_id=stranger_id)
    with pytest.raises(DomainError) as caught, unit_of_work(shop) as session:
        cancel_order(session, order.id, NOW, actor=Actor.FAMILY, actor_id=stranger_id)
    assert caught.value.code == "not_linked"


def test_unknown_order_and_elder(shop: sessionmaker[Session]) -> None:
    """Clear refusals for ids and names that don't exist."""
    with pytest.raises(DomainError) as caught, unit_of_work(shop) as session:
        cancel_order(session, 999, NOW)
    assert caught.value.code == "unknown_order"
    with pytest.raises(DomainError) as caught, shop() as session:
        find_elder(session, "不存在的人")
    assert caught.value.code == "unknown_elder"


def test_an_order_is_committed_before_it_is_returned(shop: sessionmaker[Session]) -> None:
    """What ``place_order_once`` returns is already readable from a new connection."""
    order, created = place_order_once(shop, request(shop, "刘德福"), NOW)
    assert created
    with shop() as session:
        assert [o.id for o in list_orders(session)] == [order.id]


def test_times_are_stored_aware(shop: sessionmaker[Session]) -> None:
    """Stored times come back as the same instant, timezone-aware."""
    order = place(shop, NOW, "刘德福")
    with shop() as session:
        (stored,) = list_orders(session)
        assert stored.created_at == NOW
        assert stored.created_at.tzinfo is not None
        assert isinstance(stored.created_at, datetime)
    assert order.id == stored.id


def test_a_key_reused_by_someone_else_reveals_nothing(shop: sessionmaker[Session]) -> None:
    """The same key from another elder is refused, not answered with the first elder's order."""
    place(shop, NOW, "刘德福", key="shared-key")
    refused("key_reused", shop, NOW, "赵桂芝", key="shared-key")


def test_people_file_with_a_negative_voucher_is_refused_whole(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    """A voucher worth less than nothing would block the elder's every order: refused."""
    from menus.people import PeopleFileError, import_people_file

    bad = tmp_path / "people.yaml"
    text = PEOPLE.read_text(encoding="utf-8").replace("value: 3.0", "value: -3.0")
    bad.write_text(text, encoding="utf-8")
    before = row_counts(factory)
    with pytest.raises(PeopleFileError), unit_of_work(factory) as session:
        import_people_file(session, bad, NOW)
    assert row_counts(factory) == before


def test_change_keeps_the_subsidy_and_moves_card_money(shop: sessionmaker[Session]) -> None:
    """Changing 王秀兰's lunch cancels it and places the new one in one go: the new one gets the
    subsidy and the card money the old one gave back."""
    from menus.orders import change_order, quote_order

    old = place(shop, NOW, "王秀兰", [("红烧肉", 1)])
    new = request(shop, "王秀兰", [("鸡蛋羹", 2)], key="change-1")
    quote = quote_order(shop, new, NOW, replacing=old.id)
    assert quote.subsidy_fen == 300  # 30% of ten yuan: still the subsidised meal of the day
    with unit_of_work(shop) as session:
        changed = change_order(session, old.id, new, NOW)
    assert (changed.subsidy_fen, changed.card_fen) == (quote.subsidy_fen, quote.card_fen)
    with unit_of_work(shop) as session:  # the same change again: the same order, nothing more
        assert change_order(session, old.id, new, NOW).id == changed.id
    with shop() as session:
        statuses = sorted((o.id, o.status) for o in list_orders(session))
    assert statuses == [(old.id, "cancelled"), (changed.id, "placed")]
    assert portions_left(shop, "红烧肉") == 40


def test_change_of_someone_elses_order_is_refused(shop: sessionmaker[Session]) -> None:
    from menus.orders import change_order

    theirs = place(shop, NOW, "刘德福", [("红烧肉", 1)])
    before = row_counts(shop)
    with pytest.raises(DomainError) as caught, unit_of_work(shop) as session:
        change_order(session, theirs.id, request(shop, "王秀兰", [("米饭", 1)]), NOW)
    assert caught.value.code == "not_linked"
    assert row_counts(shop) == before


def test_change_after_cutoff_changes_nothing(shop: sessionmaker[Session]) -> None:
    from menus.orders import change_order

    old = place(shop, NOW, "王秀兰", [("红烧肉", 1)])
    before = row_counts(shop)
    late = NOW.replace(hour=10)
    with pytest.raises(DomainError), unit_of_work(shop) as session:
        change_order(session, old.id, request(shop, "王秀兰", [("米饭", 1)]), late)
    assert row_counts(shop) == before
