"""The demo canteen's shipped files are valid and its menus always cover today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.db import unit_of_work
from menus.demo import CANTEEN_FILE, CYCLE_DAYS, load_demo, shifted_cycle
from menus.menu_store import load_menus
from menus.menufile import read_menu_file
from menus.people import list_elders
from menus.text import is_cyrillic_mongolian, is_traditional_mongolian
from menus.vocab import MealSlot


def test_demo_menu_file_is_valid_and_bilingual() -> None:
    """Every dish has names in both Mongolian scripts, nutrition, and a price."""
    menu_file = read_menu_file(CANTEEN_FILE)
    assert len(menu_file.dishes) >= 25
    assert len(menu_file.menus) == CYCLE_DAYS * 3
    for dish in menu_file.dishes:
        assert dish.name_mn and is_traditional_mongolian(dish.name_mn), dish.name
        assert dish.name_mn_cyrl and is_cyrillic_mongolian(dish.name_mn_cyrl), dish.name
        assert set(dish.nutrition) == {
            "kcal",
            "protein_g",
            "fat_g",
            "carbs_g",
            "sodium_mg",
            "sugar_g",
        }
        assert dish.price_fen > 0


def test_cycle_is_laid_onto_the_current_fortnight() -> None:
    """Whatever the date, today and the next thirteen days have menus."""
    cycle = read_menu_file(CANTEEN_FILE)
    for today in (date(2026, 11, 29), date(2027, 3, 1), date(2025, 1, 1), date(2026, 1, 5)):
        days = {m.date for m in shifted_cycle(cycle, today).menus}
        assert all(today + timedelta(days=k) in days for k in range(CYCLE_DAYS)), today


def test_loading_twice_adds_nobody_twice(factory: sessionmaker[Session]) -> None:
    """The demo can be run every day: menus follow the date, people are loaded once."""
    first = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)
    with unit_of_work(factory) as session:
        load_demo(session, first)
    with unit_of_work(factory) as session:
        load_demo(session, first + timedelta(days=20))
    with factory() as session:
        elders = list_elders(session)
        assert len(elders) == len({e.name for e in elders}) >= 6
        later = (first + timedelta(days=20)).date()
        assert load_menus(session, None, later, MealSlot.LUNCH)
        assert load_menus(session, None, first.date(), MealSlot.LUNCH)
