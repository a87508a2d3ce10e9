"""The parser most NLU tests read with: the demo menu and the shipped training data."""

from __future__ import annotations

import pytest

from menus.demo import CANTEEN_FILE
from menus.menufile import read_menu_file
from nlu.menu import DishNames, MenuNames
from nlu.parser import Parser


@pytest.fixture(scope="session")
def parser() -> Parser:
    """The parser with the demo menu (built once: training-free, but not free)."""
    menu = read_menu_file(CANTEEN_FILE)
    names = tuple(
        DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl) for d in menu.dishes
    )
    return Parser(MenuNames(names))
