"""The dish library: a dish's form round-trips, a change goes through the menu file's checks
(every problem listed, nothing stored) and import, and both Mongolian scripts are kept as
written."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.dish_library import (
    Difference,
    differences,
    edit_dish,
    entry_from_form,
    form_values,
    library,
)
from menus.errors import DomainError
from menus.menu_store import get_canteen
from menus.menufile import DishSpec
from menus.menuproblems import Issue, MenuFileError
from menus.models import Dish
from menus.versions import MENUS
from menus.versions import version as current

MONG = "ᠤᠯᠠᠭᠠᠨ ᠰᠢᠷᠠᠭᠰᠠᠨ ᠮᠢᠬᠠ"
MONG_FVS = "ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ ᠬᠣᠭᠣᠯᠠ\u180b"
"""A name with a narrow no-break space (a case suffix) and a free variation selector."""
DISH = DishSpec(
    "红烧肉", 1200, MONG, "улаан шарсан мах", ["红烧五花肉"], {"kcal": 520, "fat_g": 0.5},
    ["pork"], ["soy"],
)  # fmt: skip


def _dish(factory: sessionmaker[Session], name: str) -> Dish:
    with factory() as session:
        found = session.scalar(select(Dish).where(Dish.name == name))
        assert found is not None
        session.expunge(found)
        return found


def _edit(factory: sessionmaker[Session], name: str, **changes: str) -> list[Difference]:
    dish = _dish(factory, name)
    with unit_of_work(factory) as session:
        canteen = get_canteen(session, "test")
        spec = dict(library(session, canteen))[dish.id]
        edit = edit_dish(session, canteen, dish.id, {**form_values(spec), **changes})
        return edit.differences


def test_the_form_reads_back_as_the_same_dish() -> None:
    values = form_values(DISH)
    assert values["price"] == "12" and values["fat_g"] == "0.5" and values["protein_g"] == ""
    entry = entry_from_form("红烧肉", values)
    assert entry["aliases"] == ["红烧五花肉"] and entry["name_mn"] == MONG
    assert entry["nutrition"] == {"kcal": 520.0, "fat_g": 0.5}


def test_an_emptied_field_clears_it_rather_than_keeping_it() -> None:
    entry = entry_from_form(
        "红烧肉", {**form_values(DISH), "aliases": "", "name_mn": "", "kcal": ""}
    )
    assert entry["aliases"] == [] and entry["name_mn"] is None
    assert entry["nutrition"] == {"fat_g": 0.5}


def test_lists_are_split_as_a_csv_cell_is() -> None:
    entry = entry_from_form("红烧肉", {**form_values(DISH), "aliases": "五花肉、东坡肉|红烧"})
    assert entry["aliases"] == ["五花肉", "东坡肉", "红烧"]


def test_differences_name_each_field_changed() -> None:
    after = DishSpec("红烧肉", 1300, MONG, None, ["红烧五花肉"], {"kcal": 520.0, "fat_g": 0.5},
                     ["pork"], ["soy"])  # fmt: skip
    assert differences(DISH, after) == [
        Difference("price", "12", "13"),
        Difference("name_mn_cyrl", "улаан шарсан мах", ""),
    ]
    assert differences(DISH, DISH) == []


def test_a_change_is_stored_through_the_import(shop: sessionmaker[Session]) -> None:
    with shop() as session:
        before = current(session, MENUS)
    changed = _edit(shop, "红烧肉", price="13.5", allergens="soy、egg", kcal="480")
    assert [d.field for d in changed] == ["price", "allergens", "kcal"]
    dish = _dish(shop, "红烧肉")
    assert dish.price_fen == 1350 and dish.allergens == ["soy", "egg"]
    assert dish.nutrition["kcal"] == 480 and dish.nutrition["fat_g"] == 42
    assert dish.aliases == ["红烧五花肉"] and dish.name_mn_cyrl == "улаан шарсан мах"
    with shop() as session:
        assert current(session, MENUS) > before  # running bots learn the new price


def test_nothing_changed_writes_nothing(shop: sessionmaker[Session]) -> None:
    with shop() as session:
        before = current(session, MENUS)
    assert _edit(shop, "手把肉") == []
    with shop() as session:
        assert current(session, MENUS) == before


def test_both_mongolian_scripts_are_kept_exactly(shop: sessionmaker[Session]) -> None:
    _edit(shop, "米饭", name_mn=MONG_FVS, name_mn_cyrl="цагаан будаа")
    dish = _dish(shop, "米饭")
    assert dish.name_mn == MONG_FVS and dish.name_mn_cyrl == "цагаан будаа"
    assert _edit(shop, "米饭") == []  # shown and sent back, it is the same


def test_every_problem_is_listed_and_nothing_is_stored(shop: sessionmaker[Session]) -> None:
    before = _dish(shop, "红烧肉")
    bad = {
        "price": "十二块", "name_mn": "hongshaorou", "name_mn_cyrl": "红烧肉",
        "tags": "Pork", "kcal": "很多", "aliases": "米饭",
    }  # fmt: skip
    with pytest.raises(MenuFileError) as refused:
        _edit(shop, "红烧肉", **bad)
    found = {(p.field, p.code) for p in refused.value.problems}
    assert found == {
        ("price", Issue.PRICE_NOT_YUAN),
        ("name_mn", Issue.NOT_TRADITIONAL_LETTERS),
        ("name_mn_cyrl", Issue.NOT_CYRILLIC),
        ("tags", Issue.BAD_TAG),
        ("nutrition.kcal", Issue.NOT_NUMBER),
        ("aliases", Issue.NAME_TAKEN),  # another dish's name: the whole library is checked
    }, found
    after = _dish(shop, "红烧肉")
    assert (after.price_fen, after.tags, after.aliases) == (
        before.price_fen,
        before.tags,
        before.aliases,
    )


def test_a_price_over_the_limit_is_refused_as_a_file_would_be(
    shop: sessionmaker[Session],
) -> None:
    with pytest.raises(MenuFileError) as refused:
        _edit(shop, "米饭", price="5000")
    assert [p.code for p in refused.value.problems] == [Issue.PRICE_TOO_HIGH]


def test_a_dish_of_another_canteen_is_not_found(shop: sessionmaker[Session]) -> None:
    with unit_of_work(shop) as session, pytest.raises(DomainError):
        edit_dish(session, get_canteen(session, "test"), 999_999, {})
