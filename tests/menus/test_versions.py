"""The menu version: counted once per committed menu import, by whichever way it came."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from menus.db import read_only, unit_of_work
from menus.menu_store import import_menu_file, rehearse_import
from menus.menufile import parse_menu_bytes
from menus.menuproblems import MenuFileError
from menus.versions import MENUS, bump, version
from menus.vocab import MealSlot
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import place

SHAOMAI = """\
canteen: {code: test, partial: true}
dishes:
  - {name: 羊肉烧麦, price: 12}
  - {name: 米饭, price: 1.5}
menus:
  - {date: 2026-12-02, meal: dinner, dishes: [羊肉烧麦, 米饭]}
"""


def menu_version(factory: sessionmaker[Session]) -> int:
    with read_only(factory) as session:
        return version(session, MENUS)


def publish(factory: sessionmaker[Session], text: str) -> None:
    with unit_of_work(factory) as session:
        import_menu_file(session, parse_menu_bytes(text.encode(), "x.yaml"), "x.yaml")


def test_a_counter_starts_at_nothing_and_counts_each_change(
    factory: sessionmaker[Session],
) -> None:
    """No row before the first change (an empty store reads 0); then one more per change."""
    assert menu_version(factory) == 0
    for _ in range(3):
        with unit_of_work(factory) as session:
            bump(session, MENUS)
    assert menu_version(factory) == 3
    with read_only(factory) as session:
        assert version(session, "people") == 0  # counters are separate


def test_every_import_counts_and_a_rehearsal_or_refusal_does_not(
    shop: sessionmaker[Session],
) -> None:
    """One more per committed import; a preview (rolled back) and a file the store refuses
    (a cap below what is already ordered) leave it."""
    first = menu_version(shop)
    assert first == 1  # the small canteen's own import
    publish(shop, SHAOMAI)
    publish(shop, SHAOMAI)
    assert menu_version(shop) == first + 2
    rehearse_import(shop, parse_menu_bytes(SHAOMAI.encode(), "x.yaml"), "x.yaml")
    assert menu_version(shop) == first + 2
    tomorrow = date(2026, 12, 2)
    place(shop, BEFORE_LUNCH, "刘德福", [("羊肉烧麦", 2)], day=tomorrow, meal=MealSlot.DINNER)
    capped = SHAOMAI.replace("[羊肉烧麦, 米饭]}", "[羊肉烧麦, 米饭], portions: {羊肉烧麦: 1}}")
    with pytest.raises(MenuFileError):
        publish(shop, capped)
    assert menu_version(shop) == first + 2
