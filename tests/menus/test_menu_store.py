"""Storing menu files: whole or nothing, and re-publishing without breaking orders."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import (
    export_menu_file,
    find_menu_item,
    get_canteen,
    import_menu_file,
    load_menus,
    problems_for_canteen,
    rehearse_import,
)
from menus.menufile import MenuFileError, parse_menu_bytes, read_menu_file
from menus.vocab import MealSlot
from tests.conftest import BEFORE_LUNCH, SMALL_MENU
from tests.menus.helpers import LUNCH_DAY, place, portions_left, row_counts


def test_import_then_export_gives_the_same_menu(factory: sessionmaker[Session]) -> None:
    """What a canteen publishes is what it gets back."""
    original = read_menu_file(SMALL_MENU)
    with unit_of_work(factory) as session:
        summary = import_menu_file(session, original, SMALL_MENU.name)
    assert (summary.dishes_added, summary.menus_added) == (5, 4)
    with factory() as session:
        exported = export_menu_file(session, get_canteen(session))
    assert exported == original


def test_importing_twice_changes_nothing_more(factory: sessionmaker[Session]) -> None:
    """Re-publishing the same file updates in place: no duplicate dishes or menus."""
    menu_file = read_menu_file(SMALL_MENU)
    with unit_of_work(factory) as session:
        import_menu_file(session, menu_file, SMALL_MENU.name)
    before = row_counts(factory)
    with unit_of_work(factory) as session:
        summary = import_menu_file(session, menu_file, SMALL_MENU.name)
    assert (summary.dishes_added, summary.menus_added, summary.menus_replaced) == (0, 0, 4)
    # only the menu version moves: a publish is a publish (running bots look again)
    assert row_counts(factory) == {**before, "store_versions": [("menus", 2)]}


def test_republishing_keeps_orders_and_counts_portions(shop: sessionmaker[Session]) -> None:
    """A new cap counts what is already ordered; dishes with orders stay on the menu."""
    place(shop, BEFORE_LUNCH, "刘德福", [("手把肉", 2)])
    menu_file = read_menu_file(SMALL_MENU)
    lunch = next(m for m in menu_file.menus if m.date == LUNCH_DAY and m.meal is MealSlot.LUNCH)

    raised = replace(lunch, portions={**lunch.portions, "手把肉": 10})
    with unit_of_work(shop) as session:
        import_menu_file(session, _with_menu(menu_file, raised), "raise.yaml")
    assert portions_left(shop, "手把肉") == 8

    before = row_counts(shop)
    too_low = replace(lunch, portions={**lunch.portions, "手把肉": 1})
    dropped = replace(lunch, dishes=[d for d in lunch.dishes if d != "手把肉"], portions={})
    said = [
        (
            too_low,
            "bad.yaml menus (2026-12-01 lunch).portions.手把肉: 2 already ordered; cap 1",
            "bad.yaml：菜单（2026-12-01 lunch）的portions.手把肉已经订出2份，不能限量为1份。",
        ),
        (
            dropped,
            "bad.yaml menus (2026-12-01 lunch).dishes: '手把肉' has orders (2 portions); keep it",
            "bad.yaml：菜单（2026-12-01 lunch）的菜少了“手把肉”，"
            "可它已经有人订了（2份），请留着它。",
        ),
    ]
    for changed, english, mandarin in said:
        with pytest.raises(MenuFileError) as caught, unit_of_work(shop) as session:
            import_menu_file(session, _with_menu(menu_file, changed), "bad.yaml")
        assert caught.value.lines("en") == [english]
        assert f"  - {english}" in caught.value.message("en")
        assert caught.value.lines("zh") == [mandarin]
        assert row_counts(shop) == before


def test_a_dish_without_orders_can_leave_the_menu(shop: sessionmaker[Session]) -> None:
    """Removing an unordered dish works and the others keep their places."""
    menu_file = read_menu_file(SMALL_MENU)
    lunch = next(m for m in menu_file.menus if m.date == LUNCH_DAY and m.meal is MealSlot.LUNCH)
    smaller = replace(lunch, dishes=["红烧肉", "米饭"], portions={"红烧肉": 40})
    with unit_of_work(shop) as session:
        import_menu_file(session, _with_menu(menu_file, smaller), "smaller.yaml")
    with shop() as session:
        (menu,) = load_menus(session, None, LUNCH_DAY, MealSlot.LUNCH)
        assert [i.dish.name for i in menu.items] == ["红烧肉", "米饭"]


def test_csv_needs_an_existing_canteen(factory: sessionmaker[Session]) -> None:
    """A CSV names only the canteen's code; an unknown code is refused."""
    csv_file = parse_menu_bytes(
        "canteen,date,meal,dish,price\nnowhere,2026-12-01,lunch,米饭,1.5\n".encode(), "m.csv"
    )
    before = row_counts(factory)
    with pytest.raises(DomainError) as caught, unit_of_work(factory) as session:
        import_menu_file(session, csv_file, "m.csv")
    assert caught.value.code == "unknown_canteen"
    assert row_counts(factory) == before


def test_find_menu_item_by_any_name(shop: sessionmaker[Session]) -> None:
    """Canonical name, alias, traditional script, Cyrillic (any case)."""
    with shop() as session:
        (menu,) = load_menus(session, None, LUNCH_DAY, MealSlot.LUNCH)
        for said in ("手把肉", "手扒肉", "ᠭᠠᠷ ᠮᠢᠬᠠ", "ГАР МАХ", " гар мах "):
            item = find_menu_item(menu, said)
            assert item is not None and item.dish.name == "手把肉", said
        assert find_menu_item(menu, "宫保鸡丁") is None


def _with_menu(menu_file, menu):  # type: ignore[no-untyped-def]
    """The file with one menu replaced by ``menu``."""
    menus = [menu if (m.date, m.meal) == (menu.date, menu.meal) else m for m in menu_file.menus]
    return replace(menu_file, menus=menus)


def test_republishing_counts_served_orders_and_keeps_lines_with_any_order(
    shop: sessionmaker[Session],
) -> None:
    """Completed orders still hold their portions; a line a cancelled order points at stays."""
    from menus.orders import cancel_order, set_status
    from menus.vocab import OrderStatus

    served = place(shop, BEFORE_LUNCH, "刘德福", [("手把肉", 2)])
    for step in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COMPLETED):
        with unit_of_work(shop) as session:
            set_status(session, served.id, step, BEFORE_LUNCH)
    gone = place(shop, BEFORE_LUNCH, "赵桂芝", [("红烧肉", 1)])
    with unit_of_work(shop) as session:
        cancel_order(session, gone.id, BEFORE_LUNCH)
    menu_file = read_menu_file(SMALL_MENU)
    with unit_of_work(shop) as session:
        import_menu_file(session, menu_file, "same.yaml")
    assert portions_left(shop, "手把肉") == 1  # cap 3, 2 served

    lunch = next(m for m in menu_file.menus if m.date == LUNCH_DAY and m.meal is MealSlot.LUNCH)
    without = replace(lunch, dishes=[d for d in lunch.dishes if d != "红烧肉"], portions={})
    before = row_counts(shop)
    with pytest.raises(MenuFileError) as caught, unit_of_work(shop) as session:
        import_menu_file(session, _with_menu(menu_file, without), "without.yaml")
    assert "红烧肉" in caught.value.message("en")
    assert row_counts(shop) == before


def test_home_canteen_is_the_one_serving_the_elders_community(shop: sessionmaker[Session]) -> None:
    """With two canteens, an elder belongs to the one whose delivery area names their
    community, else to one in their region."""
    from sqlalchemy import select

    from menus.menu_store import home_canteen
    from menus.models import ElderProfile, Person

    other = b"""
canteen: {code: aaa, name: A, region: "150102", modes: [pickup], delivery_area: [X]}
dishes: [{name: A1, price: 1}]
"""
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(other, "a.yaml"), "a.yaml")
    with unit_of_work(shop) as session:
        wang = session.scalar(select(Person.id).where(Person.name == "王秀兰"))
        assert wang is not None
        assert home_canteen(session, wang).code == "test"
        profile = session.get(ElderProfile, wang)
        assert profile is not None
        profile.community = "X"
        assert home_canteen(session, wang).code == "aaa"
        profile.community = "nowhere"
        assert home_canteen(session, wang).code == "aaa"  # the first in her region


def _dishes(factory: sessionmaker[Session]) -> dict[str, dict[str, object]]:
    with factory() as session:
        exported = export_menu_file(session, get_canteen(session))
    return {d.name: vars(d) for d in exported.dishes}


def test_a_minimal_csv_leaves_what_it_does_not_say(shop: sessionmaker[Session]) -> None:
    """canteen,date,meal,dish,price changes prices and menus only: the dishes' aliases,
    Mongolian names, nutrition, tags and allergens stay (they were wiped)."""
    before = _dishes(shop)
    minimal = (
        "canteen,date,meal,dish,price\n"
        "test,2026-12-03,lunch,红烧肉,13\n"
        "test,2026-12-03,lunch,米饭,1.5\n"
    )
    menu_file = parse_menu_bytes(minimal.encode(), "minimal.csv")
    with unit_of_work(shop) as session:
        import_menu_file(session, menu_file, "minimal.csv")
    after = _dishes(shop)
    assert after["红烧肉"] == {**before["红烧肉"], "price_fen": 1300}
    assert after["红烧肉"]["aliases"] == ["红烧五花肉"]
    assert after["红烧肉"]["name_mn"] == "ᠤᠯᠠᠭᠠᠨ ᠰᠢᠷᠠᠭᠰᠠᠨ ᠮᠢᠬᠠ"
    assert after["米饭"] == before["米饭"]


def test_a_column_that_is_there_says_it_even_when_empty(shop: sessionmaker[Session]) -> None:
    """A column present in the header is what the file says: an empty aliases cell clears
    the aliases, a kcal cell replaces kcal, and the nutrients not in the header stay."""
    before = _dishes(shop)["红烧肉"]
    text = "canteen,dish,price,aliases,kcal\ntest,红烧肉,12,,480\n"
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(text.encode(), "some.csv"), "some.csv")
    after = _dishes(shop)["红烧肉"]
    assert after["aliases"] == []
    assert after["nutrition"] == {**before["nutrition"], "kcal": 480}  # type: ignore[dict-item]
    assert (after["tags"], after["name_mn_cyrl"]) == (before["tags"], before["name_mn_cyrl"])


def test_a_new_dish_in_a_minimal_csv_has_nothing_to_keep(shop: sessionmaker[Session]) -> None:
    text = "canteen,dish,price\ntest,羊肉烧麦,8\n"
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(text.encode(), "new.csv"), "new.csv")
    added = _dishes(shop)["羊肉烧麦"]
    said = {k: added[k] for k in ("aliases", "nutrition", "tags", "allergens", "name_mn")}
    assert said == {"aliases": [], "nutrition": {}, "tags": [], "allergens": [], "name_mn": None}


def test_a_file_published_on_a_canteens_page_must_be_about_it(
    factory: sessionmaker[Session],
) -> None:
    """Another canteen's code, or the region changed, is a problem said in Mandarin; the same
    canteen (a CSV file naming only its code too) is none."""
    menu_file = read_menu_file(SMALL_MENU)
    with unit_of_work(factory) as session:
        import_menu_file(session, menu_file, SMALL_MENU.name)
    with factory() as session:
        canteen = get_canteen(session, "test")
        assert problems_for_canteen(menu_file, canteen) == []
        other = replace(menu_file, canteen=replace(menu_file.canteen, code="other"))
        (problem,) = problems_for_canteen(other, canteen)
        assert problem.render("m.yaml", "zh") == (
            "m.yaml：食堂信息的编号是“other”，可这里是“test”的菜单页，请写本食堂的编号。"
        )
        moved = replace(menu_file, canteen=replace(menu_file.canteen, region="150203"))
        (problem,) = problems_for_canteen(moved, canteen)
        assert "不能在这里从150102改成150203" in problem.render("m.yaml", "zh")
        csv_file = parse_menu_bytes(
            "canteen,date,meal,dish,price\ntest,2026-12-03,lunch,米饭,2\n".encode(), "m.csv"
        )
        assert problems_for_canteen(csv_file, canteen) == []


def test_a_rehearsed_import_says_what_would_change_and_keeps_nothing(
    factory: sessionmaker[Session],
) -> None:
    menu_file = read_menu_file(SMALL_MENU)
    before = row_counts(factory)
    summary = rehearse_import(factory, menu_file, SMALL_MENU.name)
    assert (summary.dishes_added, summary.menus_added) == (5, 4)
    assert row_counts(factory) == before
