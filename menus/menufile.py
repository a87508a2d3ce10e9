"""Menu files (YAML, CSV or an Excel workbook): read and check them whole, and write them back.

A canteen publishes its dishes and menus as a file. A file with any problem is refused as a
whole, with every problem listed (file, line or entry, field, what is wrong), so that staff can
fix it in one go; nothing is stored from it. Each problem is a code with what its message needs
(``menus.menuproblems``), said in the reader's language. Writing a parsed file back gives the
same menu.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from menus.clock import DEFAULT_SLOTS, SlotTimes, format_hhmm, parse_hhmm
from menus.files import FileRefused, read_bounded
from menus.menuproblems import FILE, HEADER, Issue, Where
from menus.menuproblems import MenuFileError as MenuFileError  # named here too, as before
from menus.menuproblems import Problem as Problem
from menus.pricing import PriceError, fen_to_yuan, yuan_to_fen
from menus.text import (
    CSV_QUOTING,
    clean,
    csv_cell,
    csv_value,
    has_control_chars,
    is_cyrillic_mongolian,
    is_traditional_mongolian,
)
from menus.vocab import CanteenKind, Fulfillment, MealSlot, parse_vocab
from menus.xlsxfile import CFB_MAGIC, SheetRefused, is_xlsx, read_table
from menus.yamlfiles import LineDict as _LineDict
from menus.yamlfiles import read_yaml

MAX_FILE_BYTES = 2_000_000
MAX_NAME_CHARS = 50
MAX_PRICE_FEN = 100_000
MAX_PORTIONS = 100_000
NUTRIENTS = ("kcal", "protein_g", "fat_g", "carbs_g", "sodium_mg", "sugar_g")
E = TypeVar("E", bound=StrEnum)
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
REGION_RE = re.compile(r"^\d{6}$")
TAG_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
KEEPABLE_COLUMNS = ("name_mn", "name_mn_cyrl", "aliases", *NUTRIENTS, "tags", "allergens")
"""Dish columns a CSV file may leave out: a minimal file (canteen, date, meal, dish, price)
publishes a menu without wiping the names, nutrition and tags the canteen gave before."""
CSV_COLUMNS = (
    "canteen", "date", "meal", "dish", "price", "name_mn", "name_mn_cyrl", "aliases",
    *NUTRIENTS, "tags", "allergens", "portions",
)  # fmt: skip


@dataclass(frozen=True)
class SlotSpec:
    """A meal the canteen serves: when ordering closes and when it is served."""

    cutoff: time
    days_before: int
    serve_start: time
    serve_end: time


@dataclass
class CanteenSpec:
    """The canteen a file is about; a CSV file names only its code (``partial``)."""

    code: str
    name: str = ""
    name_mn: str | None = None
    kind: CanteenKind = CanteenKind.CANTEEN
    region: str = ""
    address: str | None = None
    phone: str | None = None
    modes: list[Fulfillment] = field(default_factory=list)
    slots: dict[MealSlot, SlotSpec] = field(default_factory=dict)
    delivery_area: list[str] = field(default_factory=list)
    partial: bool = False


@dataclass
class DishSpec:
    """A dish as a file describes it; ``price_fen`` in fen."""

    name: str
    price_fen: int
    name_mn: str | None = None
    name_mn_cyrl: str | None = None
    aliases: list[str] = field(default_factory=list)
    nutrition: dict[str, float] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    allergens: list[str] = field(default_factory=list)
    kept: frozenset[str] = field(default=frozenset(), compare=False)
    """What the file does not say (``KEEPABLE_COLUMNS`` a CSV header or a YAML entry leaves
    out): importing it leaves those of a stored dish as they are, instead of clearing them.
    Not part of what the dish is (two files saying the same dish compare equal)."""


@dataclass
class MenuSpec:
    """One meal's menu: dishes in the order they are announced, and optional caps."""

    date: date
    meal: MealSlot
    dishes: list[str]
    portions: dict[str, int] = field(default_factory=dict)


@dataclass
class MenuFile:
    """A whole, checked menu file."""

    canteen: CanteenSpec
    dishes: list[DishSpec]
    menus: list[MenuSpec]


# --------------------------------------------------------------------------- reading


def read_menu_file(path: str | Path, *, today: date | None = None) -> MenuFile:
    """Read and check a YAML, CSV or .xlsx menu file; ``MenuFileError`` lists every problem.

    ``today``, when given, refuses menus dated before it: a canteen cannot publish the past.
    """
    name = Path(path).name
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)  # a 50 MB file is refused before it is read
    except FileRefused as exc:
        raise MenuFileError(name, [_refused_file(exc)]) from None
    return parse_menu_bytes(raw, name, today=today)


def _refused_file(exc: FileRefused) -> Problem:
    """A file not read (``file_too_big``, ``file_unreadable``, ``file_not_regular``) as the
    file's one problem; its name is said where the problem is."""
    params = {key: value for key, value in exc.params.items() if key != "name"}
    return Problem(FILE, "", Issue(exc.code), params)


def parse_menu_bytes(raw: bytes, name: str, *, today: date | None = None) -> MenuFile:
    """Check the bytes of a menu file; the format is chosen by the name's suffix."""
    if len(raw) > MAX_FILE_BYTES:
        size = {"size": f"{len(raw):,}", "limit": f"{MAX_FILE_BYTES:,}"}
        raise MenuFileError(name, [Problem(FILE, "", Issue.FILE_TOO_BIG, size)])
    if not raw:
        raise MenuFileError(name, [Problem(FILE, "", Issue.EMPTY)])
    menu_file: MenuFile | None = None
    kept: frozenset[str] = frozenset()
    if is_xlsx(name):
        data, problems, kept = _xlsx_to_data(raw)
    elif name.lower().endswith(".csv"):
        data, problems, kept = _csv_to_data(_text(raw, name))
    else:
        data, problems = _yaml_to_data(_text(raw, name))
    if data is not None:
        menu_file, more = _check(data, today=today)
        problems += more
    elif not problems:
        problems = [Problem(FILE, "", Issue.NO_MENU)]
    if problems or menu_file is None:
        raise MenuFileError(name, problems)
    if kept:
        menu_file.dishes = [replace(d, kept=kept) for d in menu_file.dishes]
    elif not is_xlsx(name) and not name.lower().endswith(".csv"):
        menu_file.dishes = _kept_in_yaml(data, menu_file.dishes)
    return menu_file


def menu_from_data(data: Any, source: str, *, today: date | None = None) -> MenuFile:
    """Check a menu given as the YAML form's plain data, built by a program rather than read
    from a file (the console's week planner), with exactly the checks a file gets;
    ``MenuFileError`` (named ``source``) lists every problem. As in YAML, a dish entry that
    leaves out names, nutrition, tags or allergens keeps what is stored."""
    menu_file, problems = _check(data, today=today)
    if problems or menu_file is None:
        raise MenuFileError(source, problems)
    menu_file.dishes = _kept_in_yaml(data, menu_file.dishes)
    return menu_file


def _kept_in_yaml(data: Any, dishes: list[DishSpec]) -> list[DishSpec]:
    """Each YAML dish with what its entry leaves out marked ``kept``, as a CSV header's
    missing columns are: ``{name: 红烧肉, price: 13}`` changes the price and keeps the
    Mongolian names, aliases, nutrition, tags and allergens stored before (``aliases: []``
    clears them). Why: a short file written by hand silently wiped what the canteen had given.
    """
    said: dict[str, set[str]] = {}  # a dish's name → the keys its entry has
    entries = data.get("dishes") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            keys = {str(key) for key in entry}
            if "nutrition" in keys:  # a nutrition mapping says all of it
                keys |= set(NUTRIENTS)
            said[clean(entry["name"])] = keys
    return [
        replace(d, kept=frozenset(KEEPABLE_COLUMNS) - said.get(d.name, set(KEEPABLE_COLUMNS)))
        for d in dishes
    ]


MENU_SUFFIXES = (".xlsx", ".csv", ".yaml", ".yml")
"""The names a menu file arriving from outside (an upload) may have."""
ZIP_MAGIC = b"PK\x03\x04"
BINARY_MAGIC = (ZIP_MAGIC, CFB_MAGIC, b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
"""How files that are not text begin: zip (a workbook too), OLE, PDF, PNG, JPEG, GIF, gzip."""
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def format_problem(raw: bytes, name: str) -> Problem | None:
    """What is wrong with a file's kind, judged by its content and not only its name: a name
    that is no menu format, a workbook that does not begin as one, a text file that is binary.

    Why apart from ``parse_menu_bytes``: the command line and the chat read any other name as
    YAML, as they always have; a file uploaded through a browser is checked first, so that a
    photo named ``menu.csv`` is told "not a text file" rather than "not UTF-8".
    """
    lowered = name.lower()
    if not lowered.endswith(MENU_SUFFIXES):
        return Problem(FILE, "", Issue.NOT_MENU_FORMAT)
    if is_xlsx(lowered):
        if raw and not raw.startswith((ZIP_MAGIC, CFB_MAGIC)):  # CFB: told it is encrypted
            return Problem(FILE, "", Issue.XLSX_NOT_ZIP)
        return None
    if raw.startswith(UTF16_BOMS):  # text, though not UTF-8: the reader says so
        return None
    if raw.startswith(BINARY_MAGIC) or b"\x00" in raw[:4096]:
        return Problem(FILE, "", Issue.BINARY_FILE)
    return None


def _text(raw: bytes, name: str) -> str:
    """A text file's (YAML or CSV) characters; not UTF-8, blank or with NUL bytes refuses it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = Problem(FILE, "", Issue.NOT_UTF8, {"byte": exc.start})
        raise MenuFileError(name, [problem]) from None
    if not text.strip():
        raise MenuFileError(name, [Problem(FILE, "", Issue.EMPTY)])
    if "\x00" in text:
        raise MenuFileError(name, [Problem(FILE, "", Issue.NUL_BYTES)])
    return text


def _yaml_to_data(text: str) -> tuple[Any, list[Problem]]:
    data, refused = read_yaml(text)
    if refused is not None:
        code = Issue("yaml_" + refused.code)
        return None, [Problem(FILE, "", code, refused.params, line=refused.line)]
    return data, []


class _Checker:
    """Collects problems while turning loaded data into specs."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self, where: Where, fld: str, code: Issue, line: int | None = None, **params: object
    ) -> None:
        self.problems.append(Problem(where, fld, code, params, line))

    def text(
        self, entry: Mapping[str, Any], key: str, where: Where, *, required: bool,
        max_chars: int = 200,
    ) -> str | None:  # fmt: skip
        value = entry.get(key)
        line = getattr(entry, "line", None)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(where, key, Issue.MISSING, line)
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.add(where, key, Issue.NOT_TEXT, line, kind=_kind(value))
            return None
        value = clean(value)
        if has_control_chars(value):
            self.add(where, key, Issue.CONTROL_CHARS, line)
            return None
        if len(value) > max_chars:
            self.add(where, key, Issue.TOO_LONG, line, length=len(value), limit=max_chars)
            return None
        return value

    def text_list(self, entry: Mapping[str, Any], key: str, where: Where) -> list[str]:
        value = entry.get(key)
        line = getattr(entry, "line", None)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.add(where, key, Issue.NOT_LIST, line, kind=_kind(value))
            return []
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.add(where, f"{key}[{i}]", Issue.EMPTY_ITEM, line)
                continue
            item = clean(item)
            if has_control_chars(item) or len(item) > MAX_NAME_CHARS:
                self.add(where, f"{key}[{i}]", Issue.BAD_ITEM, line)
                continue
            if item in out:
                self.add(where, f"{key}[{i}]", Issue.LISTED_TWICE, line, value=item)
                continue
            out.append(item)
        return out


def _kind(value: object) -> str:
    """What a value is, as a word the catalogue says (``menufile_kind``): ``list``, ``text``."""
    return {
        dict: "mapping", _LineDict: "mapping", list: "list", str: "text", bool: "yesno",
        int: "number", float: "number", date: "date",
    }.get(type(value), type(value).__name__)  # fmt: skip


def _vocab(
    chk: _Checker, kind: type[E], text: str, where: Where, fld: str, line: int | None
) -> E | None:
    """The vocabulary value ``text`` names, or a problem saying which ones there are."""
    try:
        return parse_vocab(kind, text)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        chk.add(where, fld, Issue.NOT_ONE_OF, line, value=text, allowed=allowed)
        return None


def _check(data: Any, *, today: date | None) -> tuple[MenuFile | None, list[Problem]]:
    chk = _Checker()
    if not isinstance(data, dict):
        chk.add(FILE, "", Issue.FILE_NOT_MAPPING, kind=_kind(data))
        return None, chk.problems
    for key in data:
        if key not in ("canteen", "dishes", "menus"):
            chk.add(FILE, str(key), Issue.UNKNOWN_SECTION)
    canteen = _check_canteen(chk, data.get("canteen"))
    dishes = _check_dishes(chk, data.get("dishes"))
    menus = _check_menus(chk, data.get("menus"), dishes, canteen, today)
    if chk.problems or canteen is None:
        return None, chk.problems
    return MenuFile(canteen, list(dishes.values()), menus), []


CANTEEN = Where("canteen")


def _check_canteen(chk: _Checker, raw: Any) -> CanteenSpec | None:
    if raw is None:
        chk.add(CANTEEN, "", Issue.MISSING)
        return None
    if not isinstance(raw, dict):
        chk.add(CANTEEN, "", Issue.NOT_MAPPING, kind=_kind(raw))
        return None
    line = getattr(raw, "line", None)
    known = {"code", "name", "name_mn", "kind", "region", "address", "phone", "modes", "slots",
             "delivery_area", "partial"}  # fmt: skip
    for key in raw:
        if key not in known:
            chk.add(CANTEEN, str(key), Issue.UNKNOWN_FIELD, line)
    code = chk.text(raw, "code", CANTEEN, required=True)
    if code is not None and not CODE_RE.match(code):
        chk.add(CANTEEN, "code", Issue.BAD_CODE, line, value=code)
    partial = raw.get("partial") is True
    name = chk.text(raw, "name", CANTEEN, required=not partial) or ""
    name_mn = chk.text(raw, "name_mn", CANTEEN, required=False, max_chars=400)
    if name_mn is not None and not is_traditional_mongolian(name_mn):
        chk.add(CANTEEN, "name_mn", Issue.NOT_TRADITIONAL, line)
    kind: CanteenKind | None = CanteenKind.CANTEEN
    if raw.get("kind") is not None:
        kind = _vocab(chk, CanteenKind, str(raw["kind"]), CANTEEN, "kind", line)
    region = chk.text(raw, "region", CANTEEN, required=not partial) or ""
    if region and not REGION_RE.match(region):
        chk.add(CANTEEN, "region", Issue.BAD_REGION, line, value=region)
    modes = _check_modes(chk, raw.get("modes"), line, partial=partial)
    slots = _check_slots(chk, raw.get("slots"), line)
    area = chk.text_list(raw, "delivery_area", CANTEEN)
    if code is None:
        return None
    return CanteenSpec(
        code=code, name=name, name_mn=name_mn, kind=kind or CanteenKind.CANTEEN, region=region,
        address=chk.text(raw, "address", CANTEEN, required=False, max_chars=400),
        phone=chk.text(raw, "phone", CANTEEN, required=False, max_chars=40),
        modes=modes, slots=slots, delivery_area=area, partial=partial,
    )  # fmt: skip


def _check_modes(chk: _Checker, raw: Any, line: int | None, *, partial: bool) -> list[Fulfillment]:
    """The ways the canteen serves, each once; a partial canteen (a CSV file) may leave them
    out."""
    modes: list[Fulfillment] = []
    if raw is None:
        if not partial:
            chk.add(CANTEEN, "modes", Issue.MODES_MISSING, line)
        return modes
    if not isinstance(raw, list) or not raw:
        chk.add(CANTEEN, "modes", Issue.MODES_NOT_LIST, line)
        return modes
    for i, mode in enumerate(raw):
        parsed = _vocab(chk, Fulfillment, str(mode), CANTEEN, f"modes[{i}]", line)
        if parsed in modes:
            chk.add(CANTEEN, f"modes[{i}]", Issue.LISTED_TWICE, line, value=str(mode))
        elif parsed is not None:
            modes.append(parsed)
    return modes


def _check_slots(chk: _Checker, raw: Any, line: int | None) -> dict[MealSlot, SlotSpec]:
    if raw is None:
        return {
            MealSlot(meal): SlotSpec(s.cutoff, s.days_before, s.serve_start, s.serve_end)
            for meal, s in DEFAULT_SLOTS.items()
        }
    if not isinstance(raw, dict) or not raw:
        chk.add(CANTEEN, "slots", Issue.SLOTS_NOT_MAPPING, line)
        return {}
    slots: dict[MealSlot, SlotSpec] = {}
    for key, spec in raw.items():
        where = f"slots.{key}"
        meal = _vocab(chk, MealSlot, str(key), CANTEEN, where, line)
        if meal is None:
            continue
        if not isinstance(spec, dict):
            chk.add(CANTEEN, where, Issue.SLOT_NOT_MAPPING, line)
            continue
        slot = _check_slot(chk, spec, where, DEFAULT_SLOTS[meal.value], getattr(spec, "line", line))
        if slot is not None:
            slots[meal] = slot
    if slots and MealSlot.LUNCH not in slots:
        chk.add(CANTEEN, "slots", Issue.NO_LUNCH, line)
    return slots


def _check_slot(
    chk: _Checker, spec: Mapping[str, Any], where: str, default: SlotTimes, line: int | None
) -> SlotSpec | None:
    """One meal's times; what the file leaves out is the service's default."""
    try:
        cutoff = parse_hhmm(spec["cutoff"]) if "cutoff" in spec else default.cutoff
    except ValueError:
        chk.add(CANTEEN, f"{where}.cutoff", Issue.BAD_TIME, line, value=str(spec["cutoff"]))
        return None
    days_before = spec.get("days_before", default.days_before)
    if isinstance(days_before, bool) or not isinstance(days_before, int):
        chk.add(CANTEEN, f"{where}.days_before", Issue.DAYS_NOT_WHOLE, line)
        return None
    if not 0 <= days_before <= 7:
        chk.add(CANTEEN, f"{where}.days_before", Issue.DAYS_RANGE, line)
        return None
    start, end = default.serve_start, default.serve_end
    if "serve" in spec:
        try:
            first, last = str(spec["serve"]).split("-")
            start, end = parse_hhmm(first), parse_hhmm(last)
        except ValueError:
            chk.add(CANTEEN, f"{where}.serve", Issue.BAD_SERVE, line)
            return None
        if end <= start:
            chk.add(CANTEEN, f"{where}.serve", Issue.SERVE_BACKWARDS, line)
            return None
    if days_before == 0 and cutoff > start:
        chk.add(CANTEEN, f"{where}.cutoff", Issue.CUTOFF_AFTER_SERVE, line)
        return None
    return SlotSpec(cutoff, days_before, start, end)


DISHES = Where("dishes")


def _check_dishes(chk: _Checker, raw: Any) -> dict[str, DishSpec]:
    dishes: dict[str, DishSpec] = {}
    if raw is None:
        chk.add(DISHES, "", Issue.MISSING)
        return dishes
    if not isinstance(raw, list) or not raw:
        chk.add(DISHES, "", Issue.DISHES_NOT_LIST)
        return dishes
    spoken: dict[str, str] = {}  # every name and alias → the dish it belongs to
    known = {"name", "name_mn", "name_mn_cyrl", "aliases", "price", "nutrition", "tags",
             "allergens"}  # fmt: skip
    for i, entry in enumerate(raw):
        where = Where("dishes", i)
        if not isinstance(entry, dict):
            chk.add(where, "", Issue.DISH_NOT_MAPPING, kind=_kind(entry))
            continue
        line = getattr(entry, "line", None)
        before = len(chk.problems)
        name = chk.text(entry, "name", where, required=True, max_chars=MAX_NAME_CHARS)
        if name:
            where = where.named(name)
        for key in entry:
            if key not in known:
                chk.add(where, str(key), Issue.UNKNOWN_FIELD, line)
        price_fen = _check_price(chk, entry, where, line)
        name_mn = chk.text(entry, "name_mn", where, required=False, max_chars=400)
        if name_mn is not None and not is_traditional_mongolian(name_mn):
            chk.add(where, "name_mn", Issue.NOT_TRADITIONAL_LETTERS, line)
        cyrl = chk.text(entry, "name_mn_cyrl", where, required=False, max_chars=400)
        if cyrl is not None and not is_cyrillic_mongolian(cyrl):
            chk.add(where, "name_mn_cyrl", Issue.NOT_CYRILLIC, line)
        aliases = chk.text_list(entry, "aliases", where)
        nutrition = _check_nutrition(chk, entry.get("nutrition"), where, line)
        tags = _check_tags(chk, entry, "tags", where, line)
        allergens = _check_tags(chk, entry, "allergens", where, line)
        if name is None:
            continue
        _check_names(chk, spoken, name, aliases, where, line)
        if len(chk.problems) == before and price_fen is not None:
            dishes[name] = DishSpec(name, price_fen, name_mn, cyrl, aliases, nutrition, tags,
                                    allergens)  # fmt: skip
        elif name not in dishes:
            dishes.setdefault(name, DishSpec(name, 0))  # keep it known for the menu checks
    return dishes


def _check_names(
    chk: _Checker, spoken: dict[str, str], name: str, aliases: list[str], where: Where,
    line: int | None,
) -> None:  # fmt: skip
    """A dish's name and aliases are said by people to order it, so each names one dish only;
    ``spoken`` (every name and alias so far → its dish) learns the new ones."""
    for said in [name, *aliases]:
        owner = spoken.get(said)
        if owner is None:
            spoken[said] = name
        elif said == name and owner == name:
            chk.add(where, "name", Issue.DUPLICATE_DISH, line)
        else:
            fld = "name" if said == name else "aliases"
            chk.add(where, fld, Issue.NAME_TAKEN, line, value=said, owner=owner)


def _check_price(
    chk: _Checker, entry: Mapping[str, Any], where: Where, line: int | None
) -> int | None:
    if "price" not in entry or entry["price"] is None:
        chk.add(where, "price", Issue.MISSING, line)
        return None
    try:
        fen = yuan_to_fen(entry["price"])
    except PriceError as exc:
        chk.add(where, "price", Issue("price_" + exc.code), line, value=exc.value)
        return None
    if fen < 0:
        chk.add(where, "price", Issue.NEGATIVE, line)
        return None
    if fen > MAX_PRICE_FEN:
        chk.add(where, "price", Issue.PRICE_TOO_HIGH, line, yuan=fen_to_yuan(fen))
        return None
    return fen


def _check_nutrition(chk: _Checker, raw: Any, where: Where, line: int | None) -> dict[str, float]:
    nutrients = ", ".join(NUTRIENTS)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        chk.add(where, "nutrition", Issue.NUTRITION_NOT_MAPPING, line, nutrients=nutrients)
        return {}
    out: dict[str, float] = {}
    for key, value in raw.items():
        fld = f"nutrition.{key}"
        if key not in NUTRIENTS:
            chk.add(where, fld, Issue.NOT_NUTRIENT, line, nutrients=nutrients)
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            chk.add(where, fld, Issue.NOT_NUMBER, line, kind=_kind(value))
        elif not math.isfinite(value) or value < 0 or value > 100_000:
            chk.add(where, fld, Issue.NUTRIENT_RANGE, line)
        else:
            out[key] = value
    return out


def _check_tags(
    chk: _Checker, entry: Mapping[str, Any], key: str, where: Where, line: int | None
) -> list[str]:
    tags = chk.text_list(entry, key, where)
    good = []
    for tag in tags:
        if TAG_RE.match(tag):
            good.append(tag)
        else:
            chk.add(where, key, Issue.BAD_TAG, line, value=tag)
    return good


MENUS = Where("menus")


def _check_menus(
    chk: _Checker,
    raw: Any,
    dishes: Mapping[str, DishSpec],
    canteen: CanteenSpec | None,
    today: date | None,
) -> list[MenuSpec]:
    menus: list[MenuSpec] = []
    if raw is None:
        return menus
    if not isinstance(raw, list):
        chk.add(MENUS, "", Issue.MENUS_NOT_LIST, kind=_kind(raw))
        return menus
    alias_of = {alias: d.name for d in dishes.values() for alias in d.aliases}
    seen: set[tuple[date, MealSlot]] = set()
    for i, entry in enumerate(raw):
        where = Where("menus", i)
        if not isinstance(entry, dict):
            chk.add(where, "", Issue.MENU_NOT_MAPPING, kind=_kind(entry))
            continue
        line = getattr(entry, "line", None)
        for key in entry:
            if key not in ("date", "meal", "dishes", "portions"):
                chk.add(where, str(key), Issue.UNKNOWN_FIELD, line)
        day = _check_date(chk, entry.get("date"), where, line, today)
        meal = _vocab(chk, MealSlot, str(entry.get("meal", "")), where, "meal", line)
        if day and meal:
            where = where.named(f"{day.isoformat()} {meal.value}")
            if (day, meal) in seen:
                chk.add(where, "", Issue.MENU_TWICE, line)
            seen.add((day, meal))
            if canteen and canteen.slots and meal not in canteen.slots:
                chk.add(where, "meal", Issue.MEAL_NOT_SERVED, line, meal=meal.value)
        names = _check_menu_dishes(chk, entry.get("dishes"), where, line, dishes, alias_of)
        portions = _check_portions(chk, entry.get("portions"), where, line, names)
        if day and meal and names:
            menus.append(MenuSpec(day, meal, names, portions))
    return menus


def _check_date(
    chk: _Checker, raw: Any, where: Where, line: int | None, today: date | None
) -> date | None:
    if raw is None:
        chk.add(where, "date", Issue.MISSING, line)
        return None
    if isinstance(raw, datetime):
        chk.add(where, "date", Issue.DATE_HAS_TIME, line, value=str(raw))
        return None
    if isinstance(raw, date):
        day = raw
    else:
        try:
            day = date.fromisoformat(str(raw).strip())
        except ValueError:
            chk.add(where, "date", Issue.BAD_DATE, line, value=str(raw))
            return None
    if today is not None and day < today:
        chk.add(where, "date", Issue.PAST_DATE, line, date=day.isoformat())
        return None
    return day


def _check_menu_dishes(
    chk: _Checker, raw: Any, where: Where, line: int | None,
    dishes: Mapping[str, DishSpec], alias_of: Mapping[str, str],
) -> list[str]:  # fmt: skip
    if not isinstance(raw, list) or not raw:
        chk.add(where, "dishes", Issue.MENU_DISHES_NOT_LIST, line)
        return []
    names: list[str] = []
    for j, item in enumerate(raw):
        name = clean(str(item)) if isinstance(item, (str, int)) else None
        fld = f"dishes[{j}]"
        if not name:
            chk.add(where, fld, Issue.NOT_DISH_NAME, line)
        elif name in names:
            chk.add(where, fld, Issue.ON_MENU_TWICE, line, value=name)
        elif name in dishes:
            names.append(name)
        elif name in alias_of:
            chk.add(where, fld, Issue.IS_ALIAS, line, value=name, dish=alias_of[name])
        else:
            chk.add(where, fld, Issue.NOT_IN_DISHES, line, value=name)
    return names


def _check_portions(
    chk: _Checker, raw: Any, where: Where, line: int | None, names: list[str]
) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        chk.add(where, "portions", Issue.PORTIONS_NOT_MAPPING, line)
        return {}
    out: dict[str, int] = {}
    for name, count in raw.items():
        key = f"portions.{name}"
        if str(name) not in names:
            chk.add(where, key, Issue.NOT_ON_MENU, line, value=str(name))
        elif isinstance(count, bool) or not isinstance(count, int):
            chk.add(where, key, Issue.NOT_WHOLE, line, kind=_kind(count))
        elif not 0 <= count <= MAX_PORTIONS:
            chk.add(where, key, Issue.PORTIONS_RANGE, line, most=MAX_PORTIONS)
        else:
            out[str(name)] = count
    return out


# ----------------------------------------------------------------------------- CSV


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[|、;；]", value) if part.strip()]


Row = Mapping[str | None, Any]
"""A row as ``csv.DictReader`` gives it: a cell under its column's name, ``None`` for a cell
the row lacks, and the cells past the header under the key ``None``."""


def _csv_to_data(text: str) -> tuple[Any, list[Problem], frozenset[str]]:
    """Turn the one-row-per-menu-line CSV form into the same data the YAML form gives, and
    the dish columns the header leaves out (their values are kept as stored)."""
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = list(reader.fieldnames or [])
        rows = list(enumerate(reader, start=2))
    except csv.Error as exc:
        problem = Problem(FILE, "", Issue.CSV_INVALID, {"detail": str(exc)})
        return None, [problem], frozenset(KEEPABLE_COLUMNS)
    data, problems = _rows_to_data(header, rows)
    return data, problems, frozenset(KEEPABLE_COLUMNS) - set(header)


def _xlsx_to_data(raw: bytes) -> tuple[Any, list[Problem], frozenset[str]]:
    """A workbook's first sheet read as the CSV form is: the same header, the same checks, and
    problems at the sheet's row numbers; a workbook that cannot be read safely says why."""
    try:
        table = read_table(raw)
    except SheetRefused as refused:
        return None, refused.problems, frozenset(KEEPABLE_COLUMNS)
    if not table.header and not table.rows:
        return None, [Problem(FILE, "", Issue.EMPTY)], frozenset(KEEPABLE_COLUMNS)
    rows = [(number, _sheet_row(table.header, cells)) for number, cells in table.rows]
    data, problems = _rows_to_data(table.header, rows)
    return data, problems, frozenset(KEEPABLE_COLUMNS) - set(table.header)


def _sheet_row(header: list[str], cells: list[str]) -> Row:
    """A sheet row as ``csv.DictReader`` would give it; a sheet has no short rows (a missing
    cell is an empty one), and values past the header are its extra cells."""
    row: dict[str | None, Any] = {key: "" for key in header}
    for key, value in zip(header, cells, strict=False):
        row[key] = value
    extra = [value for value in cells[len(header) :] if value]
    if extra:
        row[None] = extra
    return row


def _rows_to_data(header: list[str], rows: Sequence[tuple[int, Row]]) -> tuple[Any, list[Problem]]:
    """The YAML form's data from a header and numbered rows (CSV lines or sheet rows)."""
    problems: list[Problem] = []
    missing = [c for c in ("canteen", "dish", "price") if c not in header]
    if missing:
        columns = {"columns": ", ".join(missing)}
        return None, [Problem(HEADER, "", Issue.MISSING_COLUMNS, columns, line=1)]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        columns = {"columns": ", ".join(unknown)}
        problems.append(Problem(HEADER, "", Issue.UNKNOWN_COLUMNS, columns, line=1))
    for number, row in rows:
        if any(value is None for key, value in row.items() if key is not None):
            problems.append(Problem(Where("row", number), "", Issue.FEWER_CELLS, line=number))
    if problems:
        return None, problems
    codes = {_cell(row, "canteen") for _, row in rows}
    if len(codes) != 1:
        problems.append(Problem(FILE, "canteen", Issue.ONE_CANTEEN))
        return None, problems
    dishes: dict[str, _LineDict] = {}
    menus: dict[tuple[str, str], _LineDict] = {}
    for number, row in rows:
        if None in row:
            problems.append(Problem(Where("row", number), "", Issue.MORE_CELLS, line=number))
            continue
        dish = dish_from_row(row, number)
        name = str(dish.get("name", ""))
        if name in dishes and _comparable(dishes[name]) != _comparable(dish):
            where = Where("row", number, name)
            problems.append(Problem(where, "", Issue.DISH_DIFFERS, line=number))
        dishes.setdefault(name, dish)
        day, meal = _cell(row, "date"), _cell(row, "meal")
        if not day and not meal:
            continue
        menu = menus.get((day, meal))
        if menu is None:
            menu = _LineDict(date=day or None, meal=meal, dishes=[], portions={})
            menu.line = number
            menus[(day, meal)] = menu
        menu["dishes"].append(name)
        portions = _cell(row, "portions")
        if portions:
            menu["portions"][name] = _int_or_text(portions)
    canteen = _LineDict(code=codes.pop(), partial=True)
    data = {"canteen": canteen, "dishes": list(dishes.values()), "menus": list(menus.values())}
    return data, problems


def _int_or_text(cell: str) -> int | str:
    """A CSV cell as a whole number when it is one (ASCII digits, optional sign), else text.

    More than 18 digits is read as a number over every limit (``int()`` refuses thousands of
    digits with an error of its own), so the checks say what the limit is.
    """
    if not re.fullmatch(r"[+-]?[0-9]+", cell):
        return cell
    if len(cell.lstrip("+-")) > 18:
        return -(10**18) if cell.startswith("-") else 10**18
    return int(cell)


def _cell(row: Row, key: str) -> str:
    """A cell's text, trimmed, with the formula escape of an exported file taken off."""
    return csv_value((row.get(key) or "").strip())


def dish_from_row(row: Row, number: int) -> _LineDict:
    """A dish as one CSV row (or sheet row, or the console's dish form) says it, as the YAML
    form's entry: lists split at | 、 ; ；, nutrients read as numbers where they are (else left
    as text for the checks to name), an empty cell left out (kept as stored)."""

    def cell(key: str) -> str:
        return _cell(row, key)

    dish = _LineDict(name=cell("dish"), price=cell("price") or None)
    dish.line = number
    for key in ("name_mn", "name_mn_cyrl"):
        if cell(key):
            dish[key] = cell(key)
    for key in ("aliases", "tags", "allergens"):
        if cell(key):
            dish[key] = _split_list(cell(key))
    nutrition: dict[str, Any] = {}
    for key in NUTRIENTS:
        if cell(key):
            try:
                nutrition[key] = float(cell(key))
            except ValueError:
                nutrition[key] = cell(key)
    if nutrition:
        dish["nutrition"] = nutrition
    return dish


def _comparable(dish: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in dish.items()}


# ----------------------------------------------------------------------------- writing


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _price(fen: int) -> int | float:
    text = fen_to_yuan(fen)
    return float(text) if "." in text else int(text)


def to_data(menu_file: MenuFile) -> dict[str, Any]:
    """The plain data of the YAML form, in the order people read it."""
    c = menu_file.canteen
    canteen: dict[str, Any] = {"code": c.code, "name": c.name}
    if c.name_mn:
        canteen["name_mn"] = c.name_mn
    canteen.update(kind=c.kind.value, region=c.region)
    if c.address:
        canteen["address"] = c.address
    if c.phone:
        canteen["phone"] = c.phone
    canteen["modes"] = [m.value for m in c.modes]
    canteen["slots"] = {
        meal.value: {
            "cutoff": format_hhmm(s.cutoff),
            "days_before": s.days_before,
            "serve": f"{format_hhmm(s.serve_start)}-{format_hhmm(s.serve_end)}",
        }
        for meal, s in sorted(c.slots.items(), key=lambda kv: list(MealSlot).index(kv[0]))
    }
    canteen["delivery_area"] = list(c.delivery_area)
    dishes = [dish_data(d) for d in menu_file.dishes]
    menus = []
    for m in sorted(menu_file.menus, key=lambda m: (m.date, list(MealSlot).index(m.meal))):
        menu: dict[str, Any] = {"date": m.date, "meal": m.meal.value, "dishes": list(m.dishes)}
        if m.portions:
            menu["portions"] = dict(m.portions)
        menus.append(menu)
    return {"canteen": canteen, "dishes": dishes, "menus": menus}


def dish_data(d: DishSpec) -> dict[str, Any]:
    """One dish as the YAML form's entry (everything said, so importing it keeps nothing)."""
    dish: dict[str, Any] = {"name": d.name}
    if d.name_mn:
        dish["name_mn"] = d.name_mn
    if d.name_mn_cyrl:
        dish["name_mn_cyrl"] = d.name_mn_cyrl
    dish.update(aliases=list(d.aliases), price=_price(d.price_fen))
    dish["nutrition"] = {k: _number(d.nutrition[k]) for k in NUTRIENTS if k in d.nutrition}
    dish.update(tags=list(d.tags), allergens=list(d.allergens))
    return dish


def dump_yaml(menu_file: MenuFile) -> str:
    """The YAML form, readable by people (Chinese and Mongolian left unescaped)."""
    return yaml.safe_dump(
        to_data(menu_file), allow_unicode=True, sort_keys=False, default_flow_style=None, width=100
    )


def dump_csv(menu_file: MenuFile) -> str:
    """The CSV form: one row per menu line, and one row for each dish on no menu.

    Every cell is escaped against spreadsheet formulas (``csv_cell``) and quoted (``CSV_QUOTING``);
    reading the file back takes the escape off again, so an exported file imports as the same
    menu.
    """
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(CSV_COLUMNS), lineterminator="\n", quoting=CSV_QUOTING
    )
    writer.writeheader()
    by_name = {d.name: d for d in menu_file.dishes}
    used: set[str] = set()

    def row(dish: DishSpec, day: str, meal: str, portions: str) -> dict[str, str]:
        cells = {
            "canteen": menu_file.canteen.code, "date": day, "meal": meal, "dish": dish.name,
            "price": fen_to_yuan(dish.price_fen), "name_mn": dish.name_mn or "",
            "name_mn_cyrl": dish.name_mn_cyrl or "", "aliases": "|".join(dish.aliases),
            "tags": "|".join(dish.tags), "allergens": "|".join(dish.allergens),
            "portions": portions,
        }  # fmt: skip
        for key in NUTRIENTS:
            cells[key] = str(_number(dish.nutrition[key])) if key in dish.nutrition else ""
        return {key: csv_cell(value) for key, value in cells.items()}

    for m in sorted(menu_file.menus, key=lambda m: (m.date, list(MealSlot).index(m.meal))):
        for name in m.dishes:
            used.add(name)
            portions = str(m.portions[name]) if name in m.portions else ""
            writer.writerow(row(by_name[name], m.date.isoformat(), m.meal.value, portions))
    for dish in menu_file.dishes:
        if dish.name not in used:
            writer.writerow(row(dish, "", "", ""))
    return out.getvalue()
