"""Menu files (YAML or CSV): read and check them whole, and write them back.

A canteen publishes its dishes and menus as a file. A file with any problem is refused as a
whole, with every problem listed (file, line or entry, field, what is wrong), so that staff can
fix it in one go; nothing is stored from it. Writing a parsed file back gives the same menu.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from menus.clock import DEFAULT_SLOTS, format_hhmm, parse_hhmm
from menus.errors import DomainError
from menus.files import FileRefused, read_bounded
from menus.pricing import fen_to_yuan, yuan_to_fen
from menus.text import (
    clean,
    csv_cell,
    csv_value,
    has_control_chars,
    is_cyrillic_mongolian,
    is_traditional_mongolian,
)
from menus.vocab import CanteenKind, Fulfillment, MealSlot, parse_vocab
from menus.yamlfiles import LineDict as _LineDict
from menus.yamlfiles import load_yaml

MAX_FILE_BYTES = 2_000_000
MAX_NAME_CHARS = 50
MAX_PRICE_FEN = 100_000
MAX_PORTIONS = 100_000
NUTRIENTS = ("kcal", "protein_g", "fat_g", "carbs_g", "sodium_mg", "sugar_g")
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
class Problem:
    """One thing wrong in a menu file."""

    where: str
    field: str
    what: str
    line: int | None = None

    def render(self, file: str) -> str:
        """``menu.yaml:12 dishes[3] (红烧肉) price: must not be negative``."""
        location = f"{file}:{self.line}" if self.line else file
        name = f".{self.field}" if self.field else ""
        return f"{location} {self.where}{name}: {self.what}"


class MenuFileError(DomainError):
    """The file was refused; ``problems`` says everything that is wrong with it."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        text = "\n".join("  - " + p.render(file) for p in problems)
        super().__init__("menu_file_invalid", count=len(problems), problems=text)


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
    kept: frozenset[str] = frozenset()
    """What the file does not say (``KEEPABLE_COLUMNS`` a CSV header leaves out): importing it
    leaves those of a stored dish as they are, instead of clearing them."""


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
    """Read and check a YAML or CSV menu file; ``MenuFileError`` lists every problem.

    ``today``, when given, refuses menus dated before it: a canteen cannot publish the past.
    """
    name = Path(path).name
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)  # a 50 MB file is refused before it is read
    except FileRefused as exc:
        raise MenuFileError(name, [Problem("file", "", exc.what)]) from None
    return parse_menu_bytes(raw, name, today=today)


def parse_menu_bytes(raw: bytes, name: str, *, today: date | None = None) -> MenuFile:
    """Check the bytes of a menu file; the format is chosen by the name's suffix."""
    if len(raw) > MAX_FILE_BYTES:
        raise MenuFileError(
            name, [Problem("file", "", f"is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MenuFileError(
            name,
            [Problem("file", "", f"is not UTF-8 (byte {exc.start}); save it as UTF-8 and retry")],
        ) from None
    if not text.strip():
        raise MenuFileError(name, [Problem("file", "", "is empty")])
    if "\x00" in text:
        raise MenuFileError(name, [Problem("file", "", "contains NUL bytes; is it a text file?")])
    menu_file: MenuFile | None = None
    kept: frozenset[str] = frozenset()
    if name.lower().endswith(".csv"):
        data, problems, kept = _csv_to_data(text)
    else:
        data, problems = _yaml_to_data(text)
    if data is not None:
        menu_file, more = _check(data, today=today)
        problems += more
    elif not problems:
        problems = [Problem("file", "", "has no menu in it (only an empty YAML value)")]
    if problems or menu_file is None:
        raise MenuFileError(name, problems)
    if kept:
        menu_file.dishes = [replace(d, kept=kept) for d in menu_file.dishes]
    return menu_file


def _yaml_to_data(text: str) -> tuple[Any, list[Problem]]:
    data, what, line = load_yaml(text)
    if what is not None:
        return None, [Problem("file", "", what, line)]
    return data, []


class _Checker:
    """Collects problems while turning loaded data into specs."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: str, fld: str, what: str, line: int | None = None) -> None:
        self.problems.append(Problem(where, fld, what, line))

    def text(
        self, entry: Mapping[str, Any], key: str, where: str, *, required: bool,
        max_chars: int = 200,
    ) -> str | None:  # fmt: skip
        value = entry.get(key)
        line = getattr(entry, "line", None)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(where, key, "is missing", line)
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.add(where, key, f"must be text, not {_kind(value)}", line)
            return None
        value = clean(value)
        if has_control_chars(value):
            self.add(where, key, "contains control characters", line)
            return None
        if len(value) > max_chars:
            self.add(where, key, f"is {len(value)} characters; the limit is {max_chars}", line)
            return None
        return value

    def text_list(self, entry: Mapping[str, Any], key: str, where: str) -> list[str]:
        value = entry.get(key)
        line = getattr(entry, "line", None)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.add(where, key, f"must be a list, not {_kind(value)}", line)
            return []
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.add(where, f"{key}[{i}]", "must be non-empty text", line)
                continue
            item = clean(item)
            if has_control_chars(item) or len(item) > MAX_NAME_CHARS:
                self.add(where, f"{key}[{i}]", "has control characters or is too long", line)
                continue
            if item in out:
                self.add(where, f"{key}[{i}]", f"'{item}' is listed twice", line)
                continue
            out.append(item)
        return out


def _kind(value: object) -> str:
    return {
        dict: "a mapping", _LineDict: "a mapping", list: "a list", str: "text", bool: "yes/no",
        int: "a number", float: "a number", date: "a date",
    }.get(type(value), type(value).__name__)  # fmt: skip


def _check(data: Any, *, today: date | None) -> tuple[MenuFile | None, list[Problem]]:
    chk = _Checker()
    if not isinstance(data, dict):
        chk.add("file", "", f"must be a mapping with canteen, dishes and menus, not {_kind(data)}")
        return None, chk.problems
    for key in data:
        if key not in ("canteen", "dishes", "menus"):
            chk.add("file", str(key), "is not a known section (canteen, dishes, menus)")
    canteen = _check_canteen(chk, data.get("canteen"))
    dishes = _check_dishes(chk, data.get("dishes"))
    menus = _check_menus(chk, data.get("menus"), dishes, canteen, today)
    if chk.problems or canteen is None:
        return None, chk.problems
    return MenuFile(canteen, list(dishes.values()), menus), []


def _check_canteen(chk: _Checker, raw: Any) -> CanteenSpec | None:
    if raw is None:
        chk.add("canteen", "", "is missing")
        return None
    if not isinstance(raw, dict):
        chk.add("canteen", "", f"must be a mapping, not {_kind(raw)}")
        return None
    line = getattr(raw, "line", None)
    known = {"code", "name", "name_mn", "kind", "region", "address", "phone", "modes", "slots",
             "delivery_area", "partial"}  # fmt: skip
    for key in raw:
        if key not in known:
            chk.add("canteen", str(key), "is not a known field", line)
    code = chk.text(raw, "code", "canteen", required=True)
    if code is not None and not CODE_RE.match(code):
        chk.add("canteen", "code", f"'{code}' must be lowercase letters, digits, - or _", line)
    partial = raw.get("partial") is True
    name = chk.text(raw, "name", "canteen", required=not partial) or ""
    name_mn = chk.text(raw, "name_mn", "canteen", required=False, max_chars=400)
    if name_mn is not None and not is_traditional_mongolian(name_mn):
        chk.add("canteen", "name_mn", "must be in traditional Mongolian script", line)
    kind = CanteenKind.CANTEEN
    if raw.get("kind") is not None:
        try:
            kind = parse_vocab(CanteenKind, str(raw["kind"]))
        except ValueError as exc:
            chk.add("canteen", "kind", str(exc), line)
    region = chk.text(raw, "region", "canteen", required=not partial) or ""
    if region and not REGION_RE.match(region):
        chk.add("canteen", "region", f"'{region}' must be a 6-digit region code like 150102", line)
    modes: list[Fulfillment] = []
    raw_modes = raw.get("modes")
    if raw_modes is None:
        if not partial:
            chk.add("canteen", "modes", "is missing (dine_in, pickup, delivery)", line)
    elif not isinstance(raw_modes, list) or not raw_modes:
        chk.add("canteen", "modes", "must be a non-empty list of dine_in, pickup, delivery", line)
    else:
        for i, mode in enumerate(raw_modes):
            try:
                parsed = parse_vocab(Fulfillment, str(mode))
            except ValueError as exc:
                chk.add("canteen", f"modes[{i}]", str(exc), line)
                continue
            if parsed in modes:
                chk.add("canteen", f"modes[{i}]", f"'{mode}' is listed twice", line)
            else:
                modes.append(parsed)
    slots = _check_slots(chk, raw.get("slots"), line)
    area = chk.text_list(raw, "delivery_area", "canteen")
    if code is None:
        return None
    return CanteenSpec(
        code=code, name=name, name_mn=name_mn, kind=kind, region=region,
        address=chk.text(raw, "address", "canteen", required=False, max_chars=400),
        phone=chk.text(raw, "phone", "canteen", required=False, max_chars=40),
        modes=modes, slots=slots, delivery_area=area, partial=partial,
    )  # fmt: skip


def _check_slots(chk: _Checker, raw: Any, line: int | None) -> dict[MealSlot, SlotSpec]:
    if raw is None:
        return {
            MealSlot(meal): SlotSpec(s.cutoff, s.days_before, s.serve_start, s.serve_end)
            for meal, s in DEFAULT_SLOTS.items()
        }
    if not isinstance(raw, dict) or not raw:
        chk.add("canteen", "slots", "must map meals (breakfast, lunch, dinner) to times", line)
        return {}
    slots: dict[MealSlot, SlotSpec] = {}
    for key, spec in raw.items():
        where = f"slots.{key}"
        try:
            meal = parse_vocab(MealSlot, str(key))
        except ValueError as exc:
            chk.add("canteen", where, str(exc), line)
            continue
        if not isinstance(spec, dict):
            chk.add("canteen", where, "must be {cutoff: 'HH:MM', days_before: N, serve: ...}", line)
            continue
        default = DEFAULT_SLOTS[meal.value]
        spec_line = getattr(spec, "line", line)
        try:
            cutoff = parse_hhmm(spec["cutoff"]) if "cutoff" in spec else default.cutoff
        except ValueError as exc:
            chk.add("canteen", f"{where}.cutoff", str(exc), spec_line)
            continue
        days_before = spec.get("days_before", default.days_before)
        if isinstance(days_before, bool) or not isinstance(days_before, int):
            chk.add("canteen", f"{where}.days_before", "must be a whole number of days", spec_line)
            continue
        if not 0 <= days_before <= 7:
            chk.add("canteen", f"{where}.days_before", "must be between 0 and 7", spec_line)
            continue
        start, end = default.serve_start, default.serve_end
        if "serve" in spec:
            try:
                first, last = str(spec["serve"]).split("-")
                start, end = parse_hhmm(first), parse_hhmm(last)
            except ValueError:
                chk.add("canteen", f"{where}.serve", "must look like 11:30-13:00", spec_line)
                continue
            if end <= start:
                chk.add("canteen", f"{where}.serve", "must end after it starts", spec_line)
                continue
        if days_before == 0 and cutoff > start:
            chk.add("canteen", f"{where}.cutoff", "is after the meal is served", spec_line)
            continue
        slots[meal] = SlotSpec(cutoff, days_before, start, end)
    if slots and MealSlot.LUNCH not in slots:
        chk.add("canteen", "slots", "must include lunch (every canteen serves lunch)", line)
    return slots


def _check_dishes(chk: _Checker, raw: Any) -> dict[str, DishSpec]:
    dishes: dict[str, DishSpec] = {}
    if raw is None:
        chk.add("dishes", "", "is missing")
        return dishes
    if not isinstance(raw, list) or not raw:
        chk.add("dishes", "", "must be a non-empty list of dishes")
        return dishes
    spoken: dict[str, str] = {}  # every name and alias → the dish it belongs to
    known = {"name", "name_mn", "name_mn_cyrl", "aliases", "price", "nutrition", "tags",
             "allergens"}  # fmt: skip
    for i, entry in enumerate(raw):
        where = f"dishes[{i}]"
        if not isinstance(entry, dict):
            chk.add(where, "", f"must be a mapping with name and price, not {_kind(entry)}")
            continue
        line = getattr(entry, "line", None)
        before = len(chk.problems)
        name = chk.text(entry, "name", where, required=True, max_chars=MAX_NAME_CHARS)
        if name:
            where = f"dishes[{i}] ({name})"
        for key in entry:
            if key not in known:
                chk.add(where, str(key), "is not a known field", line)
        price_fen = _check_price(chk, entry, where, line)
        name_mn = chk.text(entry, "name_mn", where, required=False, max_chars=400)
        if name_mn is not None and not is_traditional_mongolian(name_mn):
            chk.add(
                where, "name_mn", "must be in traditional Mongolian script (U+1800–U+18AF)", line
            )
        cyrl = chk.text(entry, "name_mn_cyrl", where, required=False, max_chars=400)
        if cyrl is not None and not is_cyrillic_mongolian(cyrl):
            chk.add(where, "name_mn_cyrl", "must be in Cyrillic letters", line)
        aliases = chk.text_list(entry, "aliases", where)
        nutrition = _check_nutrition(chk, entry.get("nutrition"), where, line)
        tags = _check_tags(chk, entry, "tags", where, line)
        allergens = _check_tags(chk, entry, "allergens", where, line)
        if name is None:
            continue
        for said in [name, *aliases]:
            owner = spoken.get(said)
            if owner is not None:
                what = (
                    "is a duplicate dish name"
                    if said == name and owner == name
                    else (f"'{said}' is already used by dish '{owner}'")
                )
                chk.add(where, "name" if said == name else "aliases", what, line)
            else:
                spoken[said] = name
        if len(chk.problems) == before and price_fen is not None:
            dishes[name] = DishSpec(name, price_fen, name_mn, cyrl, aliases, nutrition, tags,
                                    allergens)  # fmt: skip
        elif name not in dishes:
            dishes.setdefault(name, DishSpec(name, 0))  # keep it known for the menu checks
    return dishes


def _check_price(
    chk: _Checker, entry: Mapping[str, Any], where: str, line: int | None
) -> int | None:
    if "price" not in entry or entry["price"] is None:
        chk.add(where, "price", "is missing", line)
        return None
    try:
        fen = yuan_to_fen(entry["price"])
    except ValueError as exc:
        chk.add(where, "price", str(exc), line)
        return None
    if fen < 0:
        chk.add(where, "price", "must not be negative", line)
        return None
    if fen > MAX_PRICE_FEN:
        chk.add(where, "price", f"{fen_to_yuan(fen)} yuan is more than a meal can cost", line)
        return None
    return fen


def _check_nutrition(chk: _Checker, raw: Any, where: str, line: int | None) -> dict[str, float]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        chk.add(where, "nutrition", f"must be a mapping of {', '.join(NUTRIENTS)}", line)
        return {}
    out: dict[str, float] = {}
    for key, value in raw.items():
        if key not in NUTRIENTS:
            chk.add(where, f"nutrition.{key}", f"is not one of {', '.join(NUTRIENTS)}", line)
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            chk.add(where, f"nutrition.{key}", f"must be a number, not {_kind(value)}", line)
            continue
        if not math.isfinite(value) or value < 0 or value > 100_000:
            chk.add(where, f"nutrition.{key}", "must be a number from 0 to 100000", line)
            continue
        out[key] = value
    return out


def _check_tags(
    chk: _Checker, entry: Mapping[str, Any], key: str, where: str, line: int | None
) -> list[str]:
    tags = chk.text_list(entry, key, where)
    good = []
    for tag in tags:
        if TAG_RE.match(tag):
            good.append(tag)
        else:
            chk.add(where, key, f"'{tag}' must be a lowercase word like low_salt", line)
    return good


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
        chk.add("menus", "", f"must be a list of menus, not {_kind(raw)}")
        return menus
    alias_of = {alias: d.name for d in dishes.values() for alias in d.aliases}
    seen: set[tuple[date, MealSlot]] = set()
    for i, entry in enumerate(raw):
        where = f"menus[{i}]"
        if not isinstance(entry, dict):
            chk.add(where, "", f"must be a mapping with date, meal and dishes, not {_kind(entry)}")
            continue
        line = getattr(entry, "line", None)
        for key in entry:
            if key not in ("date", "meal", "dishes", "portions"):
                chk.add(where, str(key), "is not a known field", line)
        day = _check_date(chk, entry.get("date"), where, line, today)
        meal: MealSlot | None = None
        try:
            meal = parse_vocab(MealSlot, str(entry.get("meal", "")))
        except ValueError as exc:
            chk.add(where, "meal", str(exc), line)
        if day and meal:
            where = f"menus[{i}] ({day.isoformat()} {meal.value})"
            if (day, meal) in seen:
                chk.add(where, "", "this date and meal appear twice", line)
            seen.add((day, meal))
            if canteen and canteen.slots and meal not in canteen.slots:
                chk.add(where, "meal", f"the canteen does not serve {meal.value}", line)
        names = _check_menu_dishes(chk, entry.get("dishes"), where, line, dishes, alias_of)
        portions = _check_portions(chk, entry.get("portions"), where, line, names)
        if day and meal and names:
            menus.append(MenuSpec(day, meal, names, portions))
    return menus


def _check_date(
    chk: _Checker, raw: Any, where: str, line: int | None, today: date | None
) -> date | None:
    if raw is None:
        chk.add(where, "date", "is missing", line)
        return None
    if isinstance(raw, datetime):
        chk.add(where, "date", f"'{raw}' has a time; write only the date, like 2026-12-01", line)
        return None
    if isinstance(raw, date):
        day = raw
    else:
        try:
            day = date.fromisoformat(str(raw).strip())
        except ValueError:
            chk.add(where, "date", f"'{raw}' is not a date like 2026-12-01", line)
            return None
    if today is not None and day < today:
        chk.add(where, "date", f"{day.isoformat()} is in the past", line)
        return None
    return day


def _check_menu_dishes(
    chk: _Checker, raw: Any, where: str, line: int | None,
    dishes: Mapping[str, DishSpec], alias_of: Mapping[str, str],
) -> list[str]:  # fmt: skip
    if not isinstance(raw, list) or not raw:
        chk.add(where, "dishes", "must be a non-empty list of dish names", line)
        return []
    names: list[str] = []
    for j, item in enumerate(raw):
        name = clean(str(item)) if isinstance(item, (str, int)) else None
        if not name:
            chk.add(where, f"dishes[{j}]", "must be a dish name", line)
        elif name in names:
            chk.add(where, f"dishes[{j}]", f"'{name}' is on this menu twice", line)
        elif name in dishes:
            names.append(name)
        elif name in alias_of:
            chk.add(where, f"dishes[{j}]", f"'{name}' is an alias; write '{alias_of[name]}'", line)
        else:
            chk.add(where, f"dishes[{j}]", f"'{name}' is not in the dishes list", line)
    return names


def _check_portions(
    chk: _Checker, raw: Any, where: str, line: int | None, names: list[str]
) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        chk.add(where, "portions", "must map dish names to numbers of portions", line)
        return {}
    out: dict[str, int] = {}
    for name, count in raw.items():
        key = f"portions.{name}"
        if str(name) not in names:
            chk.add(where, key, f"'{name}' is not on this menu", line)
        elif isinstance(count, bool) or not isinstance(count, int):
            chk.add(where, key, f"must be a whole number, not {_kind(count)}", line)
        elif not 0 <= count <= MAX_PORTIONS:
            chk.add(where, key, f"must be from 0 to {MAX_PORTIONS}", line)
        else:
            out[str(name)] = count
    return out


# ----------------------------------------------------------------------------- CSV


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[|、;；]", value) if part.strip()]


def _csv_to_data(text: str) -> tuple[Any, list[Problem], frozenset[str]]:
    """Turn the one-row-per-menu-line CSV form into the same data the YAML form gives, and
    the dish columns the header leaves out (their values are kept as stored)."""
    data, problems, header = _csv_rows_to_data(text)
    return data, problems, frozenset(KEEPABLE_COLUMNS) - set(header)


def _csv_rows_to_data(text: str) -> tuple[Any, list[Problem], list[str]]:
    problems: list[Problem] = []
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    except csv.Error as exc:
        return None, [Problem("file", "", f"is not valid CSV: {exc}")], []
    missing = [c for c in ("canteen", "dish", "price") if c not in header]
    if missing:
        problems = [Problem("header", "", f"is missing column(s): {', '.join(missing)}", 1)]
        return None, problems, header
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        problems.append(Problem("header", "", f"has unknown column(s): {', '.join(unknown)}", 1))
    for number, row in enumerate(rows, start=2):
        if any(value is None for key, value in row.items() if key is not None):
            problems.append(Problem(f"row {number}", "", "has fewer cells than the header", number))
    if problems:
        return None, problems, header
    codes = {_cell(row, "canteen") for row in rows}
    if len(codes) != 1:
        problems.append(Problem("file", "canteen", "must name exactly one canteen"))
        return None, problems, header
    dishes: dict[str, _LineDict] = {}
    menus: dict[tuple[str, str], _LineDict] = {}
    for number, row in enumerate(rows, start=2):
        if None in row:
            problems.append(Problem(f"row {number}", "", "has more cells than the header", number))
            continue
        dish = _dish_from_row(row, number)
        name = str(dish.get("name", ""))
        if name in dishes and _comparable(dishes[name]) != _comparable(dish):
            problems.append(Problem(f"row {number} ({name})", "", "describes the dish differently "
                                    "from an earlier row", number))  # fmt: skip
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
    return data, problems, header


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


def _cell(row: Mapping[str, str | None], key: str) -> str:
    """A cell's text, trimmed, with the formula escape of an exported file taken off."""
    return csv_value((row.get(key) or "").strip())


def _dish_from_row(row: Mapping[str, str | None], number: int) -> _LineDict:
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
    dishes = []
    for d in menu_file.dishes:
        dish: dict[str, Any] = {"name": d.name}
        if d.name_mn:
            dish["name_mn"] = d.name_mn
        if d.name_mn_cyrl:
            dish["name_mn_cyrl"] = d.name_mn_cyrl
        dish.update(aliases=list(d.aliases), price=_price(d.price_fen))
        dish["nutrition"] = {k: _number(d.nutrition[k]) for k in NUTRIENTS if k in d.nutrition}
        dish.update(tags=list(d.tags), allergens=list(d.allergens))
        dishes.append(dish)
    menus = []
    for m in sorted(menu_file.menus, key=lambda m: (m.date, list(MealSlot).index(m.meal))):
        menu: dict[str, Any] = {"date": m.date, "meal": m.meal.value, "dishes": list(m.dishes)}
        if m.portions:
            menu["portions"] = dict(m.portions)
        menus.append(menu)
    return {"canteen": canteen, "dishes": dishes, "menus": menus}


def dump_yaml(menu_file: MenuFile) -> str:
    """The YAML form, readable by people (Chinese and Mongolian left unescaped)."""
    return yaml.safe_dump(
        to_data(menu_file), allow_unicode=True, sort_keys=False, default_flow_style=None, width=100
    )


def dump_csv(menu_file: MenuFile) -> str:
    """The CSV form: one row per menu line, and one row for each dish on no menu.

    Every cell is escaped against spreadsheet formulas (``csv_cell``); reading the file back
    takes the escape off again, so an exported file imports as the same menu.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
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
