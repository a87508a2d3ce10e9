"""A canteen's dish library (菜品库): its dishes as a menu file describes them, and one dish
changed through the menu file's own checks and import.

Why through the file: a dish's price, names, aliases, nutrition, tags and allergens have rules
(a price in yuan up to a limit, each name or alias ordering one dish only, traditional
Mongolian in its own letters and Cyrillic in its own, nutrients as finite numbers, tags as
lowercase words), and those rules live once, in ``menus.menufile``. A change made in the
console is therefore a menu file: the form is read as a CSV row is (``dish_from_row``), the
canteen's whole library goes with it (so an alias is checked against every other dish's names,
not only its own), and ``import_menu_file`` stores it, as ``zhucan menu import`` would.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from menus.errors import DomainError
from menus.menu_store import dish_spec, import_menu_file
from menus.menufile import NUTRIENTS, DishSpec, dish_data, dish_from_row, menu_from_data
from menus.models import Canteen, Dish
from menus.pricing import fen_to_yuan

SOURCE = "菜品库"
"""The name the menu file's problems give the console's dish form."""
LISTS = ("aliases", "tags", "allergens")
FORM_FIELDS = ("price", "name_mn", "name_mn_cyrl", *LISTS, *NUTRIENTS)
"""The form's fields, named as the menu file's CSV columns are (the dish's name is not
changed here: orders, menus and the chat know the dish by it)."""
SHOWN_SEPARATOR = "、"
"""How a list is written back into the form; the CSV reading splits at it (and at | ; ；)."""


@dataclass(frozen=True)
class Difference:
    """One field a change altered, as the form writes it before and after."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class DishEdit:
    """What a change did: the dish before and after, and what differs (nothing: not stored)."""

    before: DishSpec
    after: DishSpec
    differences: list[Difference]


def form_values(dish: DishSpec) -> dict[str, str]:
    """The form's fields filled from a dish (reading them back gives the same dish)."""
    values = {
        "price": fen_to_yuan(dish.price_fen),
        "name_mn": dish.name_mn or "",
        "name_mn_cyrl": dish.name_mn_cyrl or "",
    }
    for key in LISTS:
        values[key] = SHOWN_SEPARATOR.join(getattr(dish, key))
    for key in NUTRIENTS:
        value = dish.nutrition.get(key)
        values[key] = "" if value is None else _number_text(value)
    return values


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def entry_from_form(name: str, fields: Mapping[str, str]) -> dict[str, Any]:
    """The dish ``name`` as the form says it, as the YAML form's entry: each cell read as a CSV
    cell is; what the form leaves empty is cleared (a form shows every field, so an empty one
    was emptied on purpose), unlike a CSV column left out, which keeps what is stored."""
    row: dict[str | None, Any] = {"dish": name}
    row.update({key: fields.get(key, "") for key in FORM_FIELDS})
    entry = dict(dish_from_row(row, 0))
    entry.setdefault("name_mn", None)
    entry.setdefault("name_mn_cyrl", None)
    for key in LISTS:
        entry.setdefault(key, [])
    entry.setdefault("nutrition", {})
    return entry


def differences(before: DishSpec, after: DishSpec) -> list[Difference]:
    """The fields that differ, each as the form writes it, in the form's order."""
    old, new = form_values(before), form_values(after)
    changed = []
    for key in FORM_FIELDS:
        if key in NUTRIENTS:
            same = before.nutrition.get(key) == after.nutrition.get(key)
        else:
            same = old[key] == new[key]
        if not same:
            changed.append(Difference(key, old[key], new[key]))
    return changed


def library(session: Session, canteen: Canteen) -> list[tuple[int, DishSpec]]:
    """The canteen's dishes (id and what a file says of each), in the order they were added."""
    rows = session.scalars(select(Dish).where(Dish.canteen_id == canteen.id).order_by(Dish.id))
    return [(dish.id, dish_spec(dish)) for dish in rows]


def edit_dish(
    session: Session, canteen: Canteen, dish_id: int, fields: Mapping[str, str]
) -> DishEdit:
    """Change one of the canteen's dishes as the form says, in the caller's transaction: the
    library with this dish changed is checked as a menu file (``MenuFileError`` lists every
    problem) and imported; nothing is written when nothing differs."""
    dishes = library(session, canteen)
    before = next((spec for id_, spec in dishes if id_ == dish_id), None)
    if before is None:
        raise DomainError("planner_unknown_dish", dish=str(dish_id))
    # the changed dish last, so a clash of its names with another dish's is said of it
    entries = [dish_data(spec) for id_, spec in dishes if id_ != dish_id]
    entries.append(entry_from_form(before.name, fields))
    data = {"canteen": {"code": canteen.code, "partial": True}, "dishes": entries}
    menu_file = menu_from_data(data, SOURCE)
    after = next(spec for spec in menu_file.dishes if spec.name == before.name)
    changed = differences(before, after)
    if changed:
        import_menu_file(session, menu_file, SOURCE)
    return DishEdit(before, after, changed)
