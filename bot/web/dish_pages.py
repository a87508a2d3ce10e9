"""What the dish library's pages show: each dish in words, and the menu file's problems with
a change said against the form's fields. The rules themselves are ``menus.dish_library``'s
(the menu file's checks); nothing here decides whether a dish is right."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.web.texts import ALLERGENS, FIELDS, TAGS, say, tag_label
from menus.dish_library import SOURCE, Difference
from menus.menufile import NUTRIENTS, DishSpec
from menus.menuproblems import MenuFileError, Problem

NUTRIENT_UNITS = {
    "kcal": "千卡",
    "protein_g": "克",
    "fat_g": "克",
    "carbs_g": "克",
    "sodium_mg": "毫克",
    "sugar_g": "克",
}
NUTRIENT_WORDS = {
    "kcal": "热量",
    "protein_g": "蛋白质",
    "fat_g": "脂肪",
    "carbs_g": "碳水",
    "sodium_mg": "钠",
    "sugar_g": "糖",
}


@dataclass(frozen=True)
class FieldProblem:
    """One problem with the form, under the field it is about (empty: the form as a whole)."""

    field: str
    text: str


def nutrition_words(dish: DishSpec) -> list[str]:
    """``热量520千卡``, ``脂肪0.5克``: the nutrients the dish has, in the file's order."""
    words = []
    for key in NUTRIENTS:
        if key in dish.nutrition:
            value = dish.nutrition[key]
            number = int(value) if float(value).is_integer() else value
            words.append(f"{NUTRIENT_WORDS[key]}{number}{NUTRIENT_UNITS[key]}")
    return words


def row(dish_id: int, dish: DishSpec) -> dict[str, Any]:
    """A dish as the library's table and the dish page show it."""
    return {
        "id": dish_id,
        "name": dish.name,
        "price_fen": dish.price_fen,
        "name_mn": dish.name_mn,
        "name_mn_cyrl": dish.name_mn_cyrl,
        "aliases": dish.aliases,
        "nutrition": nutrition_words(dish),
        "tags": [tag_label(t) for t in dish.tags],
        "allergens": [tag_label(t) for t in dish.allergens],
    }


def field_of(problem: Problem) -> str:
    """The form field a problem is about: ``nutrition.kcal`` → ``kcal``, ``aliases[1]`` →
    ``aliases``."""
    name = problem.field.split("[")[0]
    if name.startswith("nutrition."):
        return name.split(".", 1)[1]
    return name


def problems(refused: MenuFileError, dish: str) -> list[FieldProblem]:
    """The file's problems with the change, in Chinese: a problem of this dish named by its
    form field (``价格（元）是“abc”，不是钱数…``); one of another dish (its names clash
    with this one's) said as the file says it, naming that dish."""
    found = []
    for problem in refused.problems:
        if problem.where.label != dish:
            found.append(FieldProblem("", problem.render(SOURCE, "zh")))
            continue
        field = field_of(problem)
        label = FIELDS.get(field, field)
        found.append(FieldProblem(field if field in FIELDS else "", label + problem.says("zh")))
    return found


def change_words(differences: list[Difference]) -> str:
    """``价格（元）：12 → 13；别名：（空） → 红烧五花肉``."""
    empty = say("dish_empty_value")
    return "；".join(
        say(
            "dish_change",
            field=FIELDS.get(d.field, d.field),
            before=d.before or empty,
            after=d.after or empty,
        )
        for d in differences
    )


def known_tags() -> str:
    """The tags staff may use, with their meaning, for the form's help (allergens apart)."""
    return "、".join(f"{code}（{word}）" for code, word in TAGS.items() if code not in ALLERGENS)


def known_allergens() -> str:
    """The usual allergens, with their meaning, for the form's help."""
    return "、".join(f"{code}（{TAGS[code]}）" for code in ALLERGENS)
