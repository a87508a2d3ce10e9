"""What can be wrong in a menu file, as codes, and saying it in the reader's language.

Why codes and not sentences: the same problem is read by canteen staff in the chat (Mandarin
or Mongolian) and by an operator at the command line (``ZHUCAN_LANG``), so a problem carries
what is wrong (an ``Issue``) and what its message needs, and the message catalogue words it
(``menus/locales/<lang>/menufile.ftl``, messages ``menufile_<code>``). English keeps the
wording the command line has always printed (``menu.yaml:12 dishes[3] (红烧肉).price: must not
be negative``); Mandarin says it plainly (menu.yaml 第12行：dishes[3]（红烧肉）的价格不能是负数。).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from menus.catalogue import say
from menus.errors import DomainError

ENGLISH = "en"


class Issue(StrEnum):
    """One thing that can be wrong in a menu file; the message is ``menufile_<value>``."""

    # the file as a whole
    FILE_TOO_BIG = "file_too_big"
    FILE_UNREADABLE = "file_unreadable"
    FILE_NOT_REGULAR = "file_not_regular"
    NOT_UTF8 = "not_utf8"
    EMPTY = "empty"
    NUL_BYTES = "nul_bytes"
    NO_MENU = "no_menu"
    NOT_MENU_FORMAT = "not_menu_format"
    BINARY_FILE = "binary_file"
    YAML_INVALID = "yaml_invalid"
    YAML_ALIAS = "yaml_alias"
    YAML_BAD_KEY = "yaml_bad_key"
    YAML_DUPLICATE_KEY = "yaml_duplicate_key"
    YAML_BAD_VALUE = "yaml_bad_value"
    YAML_TOO_DEEP = "yaml_too_deep"
    FILE_NOT_MAPPING = "file_not_mapping"
    UNKNOWN_SECTION = "unknown_section"
    # CSV rows and header
    CSV_INVALID = "csv_invalid"
    MISSING_COLUMNS = "missing_columns"
    UNKNOWN_COLUMNS = "unknown_columns"
    FEWER_CELLS = "fewer_cells"
    MORE_CELLS = "more_cells"
    ONE_CANTEEN = "one_canteen"
    DISH_DIFFERS = "dish_differs"
    # Excel workbooks (menus.xlsxfile)
    XLSX_NOT_ZIP = "xlsx_not_zip"
    XLSX_NOT_WORKBOOK = "xlsx_not_workbook"
    XLSX_ENCRYPTED = "xlsx_encrypted"
    XLSX_UNPACKS_TOO_BIG = "xlsx_unpacks_too_big"
    XLSX_TOO_MANY_ROWS = "xlsx_too_many_rows"
    XLSX_TOO_MANY_COLUMNS = "xlsx_too_many_columns"
    XLSX_FORMULA = "xlsx_formula"
    # any field
    MISSING = "missing"
    NOT_TEXT = "not_text"
    CONTROL_CHARS = "control_chars"
    TOO_LONG = "too_long"
    NOT_LIST = "not_list"
    EMPTY_ITEM = "empty_item"
    BAD_ITEM = "bad_item"
    LISTED_TWICE = "listed_twice"
    NOT_MAPPING = "not_mapping"
    UNKNOWN_FIELD = "unknown_field"
    NOT_ONE_OF = "not_one_of"
    # the canteen
    BAD_CODE = "bad_code"
    NOT_TRADITIONAL = "not_traditional"
    NOT_TRADITIONAL_LETTERS = "not_traditional_letters"
    BAD_REGION = "bad_region"
    MODES_MISSING = "modes_missing"
    MODES_NOT_LIST = "modes_not_list"
    SLOTS_NOT_MAPPING = "slots_not_mapping"
    SLOT_NOT_MAPPING = "slot_not_mapping"
    BAD_TIME = "bad_time"
    DAYS_NOT_WHOLE = "days_not_whole"
    DAYS_RANGE = "days_range"
    BAD_SERVE = "bad_serve"
    SERVE_BACKWARDS = "serve_backwards"
    CUTOFF_AFTER_SERVE = "cutoff_after_serve"
    NO_LUNCH = "no_lunch"
    # dishes
    DISHES_NOT_LIST = "dishes_not_list"
    DISH_NOT_MAPPING = "dish_not_mapping"
    NOT_CYRILLIC = "not_cyrillic"
    DUPLICATE_DISH = "duplicate_dish"
    NAME_TAKEN = "name_taken"
    PRICE_NOT_NUMBER = "price_not_number"
    PRICE_NOT_YUAN = "price_not_yuan"
    PRICE_TOO_MANY_YUAN = "price_too_many_yuan"
    PRICE_DECIMALS = "price_decimals"
    NEGATIVE = "negative"
    PRICE_TOO_HIGH = "price_too_high"
    NUTRITION_NOT_MAPPING = "nutrition_not_mapping"
    NOT_NUTRIENT = "not_nutrient"
    NOT_NUMBER = "not_number"
    NUTRIENT_RANGE = "nutrient_range"
    BAD_TAG = "bad_tag"
    # menus
    MENUS_NOT_LIST = "menus_not_list"
    MENU_NOT_MAPPING = "menu_not_mapping"
    MENU_TWICE = "menu_twice"
    MEAL_NOT_SERVED = "meal_not_served"
    DATE_HAS_TIME = "date_has_time"
    BAD_DATE = "bad_date"
    PAST_DATE = "past_date"
    MENU_DISHES_NOT_LIST = "menu_dishes_not_list"
    NOT_DISH_NAME = "not_dish_name"
    ON_MENU_TWICE = "on_menu_twice"
    IS_ALIAS = "is_alias"
    NOT_IN_DISHES = "not_in_dishes"
    PORTIONS_NOT_MAPPING = "portions_not_mapping"
    NOT_ON_MENU = "not_on_menu"
    NOT_WHOLE = "not_whole"
    PORTIONS_RANGE = "portions_range"
    # importing it over what is stored (menus.menu_store)
    CAP_BELOW_ORDERED = "cap_below_ordered"
    HAS_ORDERS = "has_orders"
    CLOSED_DAY = "closed_day"
    # published for one canteen (the web console's menu page)
    OTHER_CANTEEN = "other_canteen"
    REGION_CHANGED = "region_changed"

    @property
    def key(self) -> str:
        """The message that says it."""
        return "menufile_" + self.value


WORDS = {"kind": "menufile_kind"}
"""Parameters that are words to say in the reader's language (``kind``: ``list`` is "a list",
列表), not text from the file put in as it is."""


@dataclass(frozen=True)
class Where:
    """The part of a file a problem is in: a section (``canteen``), an entry of one
    (``dishes[3]``) or a CSV row (``row 5``), with what it is called there (the dish 红烧肉, the
    menu ``2026-12-01 lunch``), so that staff find it."""

    part: str
    index: int | None = None
    label: str = ""

    def named(self, label: str) -> Where:
        """The same place, now that its name is known."""
        return Where(self.part, self.index, label)

    def says(self, lang: str) -> str:
        """``dishes[3] (红烧肉)``; ``dishes[3]（红烧肉）``; ``第5行``; ``菜品列表``."""
        if self.part == "row":
            text = say("menufile_row", lang, index=self.index)
        elif self.index is not None:
            text = say("menufile_entry", lang, part=self.part, index=self.index)
        else:
            text = say("menufile_part", lang, value=self.part)
        return say("menufile_labelled", lang, where=text, label=self.label) if self.label else text


FILE = Where("file")
HEADER = Where("header")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a menu file: where, which field (the file's own key, ``price`` or
    ``nutrition.kcal``; empty for the part as a whole), what is wrong and what its message
    needs, and the line (or CSV row) staff look for."""

    where: Where
    field: str
    code: Issue
    params: Mapping[str, object] = dataclasses.field(default_factory=dict, hash=False)
    line: int | None = None

    def render(self, file: str, lang: str = ENGLISH) -> str:
        """The problem as one line in ``lang``: ``menu.yaml:12 dishes[3] (红烧肉).price: must not
        be negative`` in English (the default: what the command line prints), ``menu.yaml
        第12行：dishes[3]（红烧肉）的价格不能是负数。`` in Mandarin."""
        at = (
            say("menufile_at_line", lang, file=file, line=self.line)
            if self.line
            else say("menufile_at", lang, file=file)
        )
        return say(
            "menufile_problem", lang, at=at, subject=self.subject(lang), what=self.says(lang)
        )

    def subject(self, lang: str) -> str:
        """What it is about: ``dishes[3] (红烧肉).price``; ``dishes[3]（红烧肉）的价格``."""
        where = self.where.says(lang)
        if not self.field:
            return where
        name = say("menufile_field", lang, value=self.field)
        return say("menufile_of", lang, where=where, field=name)

    def says(self, lang: str) -> str:
        """What is wrong, in ``lang``: ``must not be negative``; ``不能是负数。``."""
        params = {
            name: say(WORDS[name], lang, value=value) if name in WORDS else value
            for name, value in self.params.items()
        }
        return say(self.code.key, lang, **params)

    @property
    def what(self) -> str:
        """What is wrong, in English."""
        return self.says(ENGLISH)


class MenuFileError(DomainError):
    """The file was refused; ``problems`` says everything that is wrong with it.

    The refusal's own message (``message(lang)``, what the command line prints) lists the
    problems in English whatever ``lang`` is, as it always has; ``lines(lang)`` says them in
    a person's language (the chat)."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        text = "\n".join("  - " + p.render(file) for p in problems)
        super().__init__("menu_file_invalid", count=len(problems), problems=text)

    def lines(self, lang: str, limit: int | None = None) -> list[str]:
        """The first ``limit`` problems (all by default), one line each, in ``lang``."""
        return [p.render(self.file, lang) for p in self.problems[:limit]]
