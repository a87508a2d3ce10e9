"""Menu files: a good file becomes the expected specs, a bad one is refused whole and says why."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from menus.clock import DEFAULT_SLOTS
from menus.menufile import (
    CanteenSpec,
    DishSpec,
    MenuFile,
    MenuFileError,
    MenuSpec,
    SlotSpec,
    dump_csv,
    dump_yaml,
    format_problem,
    parse_menu_bytes,
    read_menu_file,
    to_data,
)
from menus.pricing import fen_to_yuan
from menus.vocab import CanteenKind, Fulfillment, MealSlot

TODAY = date(2026, 12, 1)

# A canteen's real file: both Mongolian scripts, custom slots, a dish on no menu.
REALISTIC_YAML = """\
# 新华街道老年食堂 — 十二月第一周
canteen:
  code: xinhua
  name: 新华街道老年食堂
  name_mn: ᠰᠢᠨᠬᠤᠸᠠ
  kind: canteen
  region: "150102"            # 呼和浩特市新城区
  address: 呼和浩特市新城区新华东街88号
  phone: "0471-6612345"
  modes: [dine_in, pickup, delivery]
  slots:
    breakfast: {cutoff: "19:00", days_before: 1, serve: "07:00-08:30"}
    lunch: {cutoff: "10:00", serve: "11:30-12:30"}
  delivery_area: [新华东街社区, 海东路社区]
dishes:
  - name: 手把肉
    name_mn: ᠭᠠᠷ ᠮᠢᠬᠠ
    name_mn_cyrl: гар мах
    aliases: [手扒肉, 羊肉]
    price: 28.5
    nutrition: {kcal: 480, protein_g: 32, fat_g: 36, carbs_g: 0, sodium_mg: 420, sugar_g: 0}
    tags: [mutton, soft]
  - name: 番茄炒蛋
    aliases: [西红柿炒鸡蛋]
    price: 12.3
    nutrition: {kcal: 210, protein_g: 11.5, fat_g: 15, sodium_mg: 560}
    tags: [vegetarian, low_sugar]
    allergens: [egg]
  - name: 米饭
    name_mn: ᠴᠠᠭᠠᠨ ᠪᠤᠳᠠᠭᠠ
    name_mn_cyrl: цагаан будаа
    aliases: [大米饭, 白米饭]
    price: 1.5
    nutrition: {kcal: 174, protein_g: 3.9, fat_g: 0.5, carbs_g: 38.7, sodium_mg: 3, sugar_g: 0.1}
    tags: [staple, low_salt]
  - name: 小米粥
    aliases: [米粥]
    price: 2
    tags: [staple, soft]
  - name: 莜面窝窝
    price: "9.00"
    allergens: [gluten]
menus:
  - date: 2026-12-01
    meal: breakfast
    dishes: [小米粥]
  - date: 2026-12-01
    meal: lunch
    dishes: [手把肉, 番茄炒蛋, 米饭]
    portions: {手把肉: 30}
  - date: 2026-12-02
    meal: 午餐
    dishes: [番茄炒蛋, 米饭, 小米粥]
    portions: {番茄炒蛋: 50, 米饭: 200}
"""

# The example from the issue; region added because a full canteen section requires it.
ISSUE_YAML = """\
canteen: {code: xinhua, name: 新华街道老年食堂, region: "150102",
          modes: [dine_in, pickup, delivery]}
dishes:
  - {name: 红烧肉, aliases: [红烧五花肉], price: 12.0,
     nutrition: {kcal: 520, protein_g: 18, fat_g: 42, carbs_g: 12, sodium_mg: 950, sugar_g: 9},
     tags: [pork]}
  - {name: 米饭, price: 1.5}
menus:
  - {date: 2026-12-01, meal: lunch, dishes: [红烧肉, 米饭], portions: {红烧肉: 40}}
"""

HAND_CSV = """\
canteen,date,meal,dish,price,name_mn,name_mn_cyrl,aliases,kcal,protein_g,fat_g,carbs_g,\
sodium_mg,sugar_g,tags,allergens,portions
xinhua,2026-12-01,lunch,红烧肉,12,,,红烧五花肉|五花肉,520,18,42,12,950,9,pork,,40
xinhua,2026-12-01,lunch,米饭,1.5,ᠴᠠᠭᠠᠨ ᠪᠤᠳᠠᠭᠠ,цагаан будаа,大米饭,174,3.9,0.5,38.7,3,0.1,staple,,
xinhua,2026-12-02,dinner,米饭,1.5,ᠴᠠᠭᠠᠨ ᠪᠤᠳᠠᠭᠠ,цагаан будаа,大米饭,174,3.9,0.5,38.7,3,0.1,staple,,
xinhua,,,馒头,1,,,,,,,,,,,gluten,
"""

# A small valid file whose lines the malformed cases change one at a time (line numbers matter).
MINI = """\
canteen:
  code: xinhua
  name: 新华街道老年食堂
  region: "150102"
  modes: [dine_in, pickup, delivery]
dishes:
  - {name: 红烧肉, aliases: [红烧五花肉], price: 12.0, tags: [pork]}
  - {name: 米饭, price: 1.5}
menus:
  - {date: 2026-12-01, meal: lunch, dishes: [红烧肉, 米饭], portions: {红烧肉: 40}}
"""

MINI_CSV = """\
canteen,date,meal,dish,price
xinhua,2026-12-01,lunch,红烧肉,12
xinhua,2026-12-01,lunch,米饭,1.5
"""


def _mini(*changes: tuple[str, str], base: str = MINI) -> bytes:
    """MINI with each ``(old, new)`` applied; a typo in a case fails loudly, not silently."""
    text = base
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} must occur exactly once"
        text = text.replace(old, new)
    return text.encode("utf-8")


def _parse(text: str, name: str = "menu.yaml", today: date | None = None) -> MenuFile:
    return parse_menu_bytes(text.encode("utf-8"), name, today=today)


def _refusal(raw: bytes, name: str = "menu.yaml", today: date | None = TODAY) -> MenuFileError:
    with pytest.raises(MenuFileError) as info:
        parse_menu_bytes(raw, name, today=today)
    return info.value


def _default_slots() -> dict[MealSlot, SlotSpec]:
    return {
        MealSlot(meal): SlotSpec(s.cutoff, s.days_before, s.serve_start, s.serve_end)
        for meal, s in DEFAULT_SLOTS.items()
    }


# ------------------------------------------------------------------------- valid files


def test_issue_example_parses_into_expected_menu_file() -> None:
    """The issue's own example must give exactly these specs, defaults included."""
    expected = MenuFile(
        canteen=CanteenSpec(
            code="xinhua",
            name="新华街道老年食堂",
            region="150102",
            modes=[Fulfillment.DINE_IN, Fulfillment.PICKUP, Fulfillment.DELIVERY],
            slots=_default_slots(),
        ),
        dishes=[
            DishSpec(
                name="红烧肉",
                price_fen=1200,
                aliases=["红烧五花肉"],
                nutrition={
                    "kcal": 520,
                    "protein_g": 18,
                    "fat_g": 42,
                    "carbs_g": 12,
                    "sodium_mg": 950,
                    "sugar_g": 9,
                },
                tags=["pork"],
            ),
            DishSpec(name="米饭", price_fen=150),
        ],
        menus=[MenuSpec(date(2026, 12, 1), MealSlot.LUNCH, ["红烧肉", "米饭"], {"红烧肉": 40})],
    )

    assert _parse(ISSUE_YAML, today=TODAY) == expected


def test_realistic_canteen_section_is_read_whole() -> None:
    """Staff write Mongolian names, custom slots and a delivery area; none may be lost."""
    canteen = _parse(REALISTIC_YAML).canteen

    assert canteen.code == "xinhua"
    assert canteen.name == "新华街道老年食堂"
    assert canteen.name_mn == "ᠰᠢᠨᠬᠤᠸᠠ"
    assert canteen.kind is CanteenKind.CANTEEN
    assert canteen.region == "150102"
    assert canteen.address == "呼和浩特市新城区新华东街88号"
    assert canteen.phone == "0471-6612345"
    assert canteen.modes == [Fulfillment.DINE_IN, Fulfillment.PICKUP, Fulfillment.DELIVERY]
    assert canteen.slots == {
        MealSlot.BREAKFAST: SlotSpec(time(19, 0), 1, time(7, 0), time(8, 30)),
        MealSlot.LUNCH: SlotSpec(time(10, 0), 0, time(11, 30), time(12, 30)),
    }
    assert canteen.delivery_area == ["新华东街社区", "海东路社区"]
    assert canteen.partial is False


def test_realistic_dishes_and_menus_are_read_whole() -> None:
    """Names in both Mongolian scripts, aliases, nutrition and caps reach the specs as written."""
    menu_file = _parse(REALISTIC_YAML, today=TODAY)
    dishes = {d.name: d for d in menu_file.dishes}

    assert list(dishes) == ["手把肉", "番茄炒蛋", "米饭", "小米粥", "莜面窝窝"]
    assert dishes["手把肉"] == DishSpec(
        name="手把肉",
        price_fen=2850,
        name_mn="ᠭᠠᠷ ᠮᠢᠬᠠ",
        name_mn_cyrl="гар мах",
        aliases=["手扒肉", "羊肉"],
        nutrition={
            "kcal": 480,
            "protein_g": 32,
            "fat_g": 36,
            "carbs_g": 0,
            "sodium_mg": 420,
            "sugar_g": 0,
        },
        tags=["mutton", "soft"],
    )
    assert dishes["番茄炒蛋"].price_fen == 1230
    assert dishes["番茄炒蛋"].allergens == ["egg"]
    assert dishes["米饭"].nutrition["protein_g"] == 3.9
    assert dishes["小米粥"].price_fen == 200
    assert dishes["莜面窝窝"].price_fen == 900
    assert menu_file.menus == [
        MenuSpec(date(2026, 12, 1), MealSlot.BREAKFAST, ["小米粥"]),
        MenuSpec(date(2026, 12, 1), MealSlot.LUNCH, ["手把肉", "番茄炒蛋", "米饭"], {"手把肉": 30}),
        MenuSpec(
            date(2026, 12, 2),
            MealSlot.LUNCH,
            ["番茄炒蛋", "米饭", "小米粥"],
            {"番茄炒蛋": 50, "米饭": 200},
        ),
    ]


@pytest.mark.parametrize(
    ("written", "fen"),
    [
        ("12.3", 1230),
        ("0.29", 29),
        ("1.15", 115),
        ("19.99", 1999),
        ("12", 1200),
        ("12.0", 1200),
        ('"12.50"', 1250),
        ("0", 0),
        ("1000", 100_000),
    ],
)
def test_price_becomes_exact_fen(written: str, fen: int) -> None:
    """0.29 * 100 is 28.999… in floats; a price must never drift by a fen."""
    raw = _mini(("price: 1.5", f"price: {written}"))

    menu_file = parse_menu_bytes(raw, "menu.yaml")

    assert menu_file.dishes[1].price_fen == fen


def test_slots_default_when_omitted() -> None:
    """A canteen that names no slots serves the usual three meals at the usual times."""
    assert _parse(MINI).canteen.slots == _default_slots()


def test_read_menu_file_reads_from_disk(tmp_path: Path) -> None:
    """The CLI imports files by path; the format follows the suffix."""
    (tmp_path / "xinhua.yaml").write_text(ISSUE_YAML, encoding="utf-8")
    (tmp_path / "xinhua.csv").write_text(HAND_CSV, encoding="utf-8")

    from_yaml = read_menu_file(tmp_path / "xinhua.yaml", today=TODAY)
    from_csv = read_menu_file(str(tmp_path / "xinhua.csv"))

    assert from_yaml == _parse(ISSUE_YAML)
    assert from_csv == _parse(HAND_CSV, "menu.csv")


def test_missing_file_is_refused_with_its_name(tmp_path: Path) -> None:
    """A typo in the path must be a MenuFileError naming the file, not a traceback."""
    error = _refusal_from_path(tmp_path / "nowhere.yaml")

    assert "nowhere.yaml" in str(error)
    assert "cannot be read" in str(error)


def _refusal_from_path(path: Path) -> MenuFileError:
    with pytest.raises(MenuFileError) as info:
        read_menu_file(path)
    return info.value


# ------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("text", [REALISTIC_YAML, ISSUE_YAML, MINI], ids=["real", "issue", "mini"])
def test_yaml_round_trip_gives_equal_menu_file(text: str) -> None:
    """Export then re-import must change nothing, so staff can edit an exported file."""
    original = _parse(text)

    dumped = dump_yaml(original)
    again = _parse(dumped)

    assert again == original
    assert dump_yaml(again) == dumped


def test_dumped_yaml_is_readable_by_people() -> None:
    """Chinese and Mongolian stay as letters, and prices are yuan, not fen."""
    dumped = dump_yaml(_parse(REALISTIC_YAML))

    assert "手把肉" in dumped
    assert "ᠭᠠᠷ ᠮᠢᠬᠠ" in dumped
    assert "гар мах" in dumped
    assert "price: 12.3" in dumped
    assert "\\u" not in dumped
    assert to_data(_parse(REALISTIC_YAML))["dishes"][0]["price"] == 28.5


@pytest.mark.parametrize("text", [REALISTIC_YAML, ISSUE_YAML], ids=["real", "issue"])
def test_csv_round_trip_gives_same_dishes_and_menus(text: str) -> None:
    """The CSV form keeps every dish and menu line; only the canteen shrinks to its code."""
    original = _parse(text)

    again = _parse(dump_csv(original), "menu.csv")

    assert again.canteen.code == original.canteen.code
    assert again.canteen.partial is True
    assert {d.name: d for d in again.dishes} == {d.name: d for d in original.dishes}
    assert again.menus == original.menus


@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["plain", "excel-bom"])
def test_hand_written_csv_parses(bom: str) -> None:
    """Staff keep menus in spreadsheets; Excel's BOM must not break the header."""
    menu_file = _parse(bom + HAND_CSV, "menu.csv", today=TODAY)

    assert menu_file.canteen == CanteenSpec(code="xinhua", partial=True, slots=_default_slots())
    assert menu_file.dishes == [
        DishSpec(
            name="红烧肉",
            price_fen=1200,
            aliases=["红烧五花肉", "五花肉"],
            nutrition={
                "kcal": 520,
                "protein_g": 18,
                "fat_g": 42,
                "carbs_g": 12,
                "sodium_mg": 950,
                "sugar_g": 9,
            },
            tags=["pork"],
        ),
        DishSpec(
            name="米饭",
            price_fen=150,
            name_mn="ᠴᠠᠭᠠᠨ ᠪᠤᠳᠠᠭᠠ",
            name_mn_cyrl="цагаан будаа",
            aliases=["大米饭"],
            nutrition={
                "kcal": 174,
                "protein_g": 3.9,
                "fat_g": 0.5,
                "carbs_g": 38.7,
                "sodium_mg": 3,
                "sugar_g": 0.1,
            },
            tags=["staple"],
        ),
        DishSpec(name="馒头", price_fen=100, allergens=["gluten"]),
    ]
    assert menu_file.menus == [
        MenuSpec(date(2026, 12, 1), MealSlot.LUNCH, ["红烧肉", "米饭"], {"红烧肉": 40}),
        MenuSpec(date(2026, 12, 2), MealSlot.DINNER, ["米饭"]),
    ]


# ------------------------------------------------------------------------- malformed files

_SLOTS_LUNCH_ONLY = '  slots:\n    lunch: {cutoff: "09:30", serve: "11:30-13:00"}\n'

MALFORMED: list[tuple[str, str, bytes, str]] = [
    # wrong types
    (
        "price-as-text",
        "price_text.yaml",
        _mini(("price: 12.0", "price: 十二块")),
        "dishes[0] (红烧肉).price: '十二块' is not a number of yuan",
    ),
    (
        "price-as-list",
        "price_list.yaml",
        _mini(("price: 12.0", "price: [12, 0]")),
        "(红烧肉).price: a price must be a number of yuan",
    ),
    (
        "portions-as-text",
        "portions_text.yaml",
        _mini(("portions: {红烧肉: 40}", "portions: 四十份")),
        "menus[0] (2026-12-01 lunch).portions: must map dish names to numbers of portions",
    ),
    (
        "dishes-not-a-list",
        "dishes_mapping.yaml",
        _mini(("  - {name: 米饭, price: 1.5}\n", ""), ("  - {name: 红烧肉", "  {name: 红烧肉")),
        "dishes: must be a non-empty list of dishes",
    ),
    (
        "nutrition-value-text",
        "nutrition_text.yaml",
        _mini(("price: 1.5}", "price: 1.5, nutrition: {kcal: 很多}}")),
        "(米饭).nutrition.kcal: must be a number, not text",
    ),
    (
        "tags-not-a-list",
        "tags_mapping.yaml",
        _mini(("tags: [pork]", "tags: {meat: pork}")),
        "(红烧肉).tags: must be a list, not a mapping",
    ),
    (
        "missing-price",
        "no_price.yaml",
        _mini(("{name: 米饭, price: 1.5}", "{name: 米饭}")),
        "(米饭).price: is missing",
    ),
    # names and references
    (
        "unknown-dish-in-menu",
        "unknown_dish.yaml",
        _mini(("dishes: [红烧肉, 米饭]", "dishes: [红烧肉, 宫保鸡丁]")),
        "dishes[1]: '宫保鸡丁' is not in the dishes list",
    ),
    (
        "alias-in-menu",
        "alias_in_menu.yaml",
        _mini(("dishes: [红烧肉, 米饭], portions: {红烧肉: 40}", "dishes: [红烧五花肉, 米饭]")),
        "dishes[0]: '红烧五花肉' is an alias; write '红烧肉'",
    ),
    (
        "duplicate-dish-name",
        "duplicate_dish.yaml",
        _mini(("  - {name: 米饭, price: 1.5}\n", "  - {name: 米饭, price: 1.5}\n" * 2)),
        "dishes[2] (米饭).name: is a duplicate dish name",
    ),
    (
        "alias-is-other-dish-name",
        "alias_clash.yaml",
        _mini(("{name: 米饭, price: 1.5}", "{name: 米饭, aliases: [红烧肉], price: 1.5}")),
        "dishes[1] (米饭).aliases: '红烧肉' is already used by dish '红烧肉'",
    ),
    (
        "control-chars-in-name",
        "control.yaml",
        _mini(("{name: 米饭,", '{name: "米\\a饭",')),
        "dishes[1].name: contains control characters",
    ),
    (
        "zero-width-space-in-name",
        "zwsp.yaml",
        _mini(("{name: 米饭,", "{name: 米\u200b饭,")),
        "dishes[1].name: contains control characters",
    ),
    (
        "name-mn-latin",
        "name_mn_latin.yaml",
        _mini(("{name: 米饭,", "{name: 米饭, name_mn: tsagaan budaa,")),
        "(米饭).name_mn: must be in traditional Mongolian script",
    ),
    (
        "name-mn-cyrl-latin",
        "name_mn_cyrl_latin.yaml",
        _mini(("{name: 米饭,", "{name: 米饭, name_mn_cyrl: tsagaan budaa,")),
        "(米饭).name_mn_cyrl: must be in Cyrillic letters",
    ),
    # prices out of range
    (
        "negative-price",
        "negative_price.yaml",
        _mini(("price: 1.5", "price: -1.5")),
        "(米饭).price: must not be negative",
    ),
    (
        "price-three-decimals",
        "three_decimals.yaml",
        _mini(("price: 1.5", "price: 1.505")),
        "(米饭).price: '1.505' has more than two decimals",
    ),
    (
        "price-absurdly-high",
        "expensive.yaml",
        _mini(("price: 12.0", "price: 12000")),
        "(红烧肉).price: 12000 yuan is more than a meal can cost",
    ),
    # dates and meals
    (
        "bad-date",
        "bad_date.yaml",
        _mini(("date: 2026-12-01", 'date: "2026-13-40"')),
        "menus[0].date: '2026-13-40' is not a date like 2026-12-01",
    ),
    (
        "date-in-past",
        "past.yaml",
        _mini(("date: 2026-12-01", "date: 2026-11-30")),
        "menus[0].date: 2026-11-30 is in the past",
    ),
    (
        "same-date-and-meal-twice",
        "twice.yaml",
        MINI.encode() + "  - {date: 2026-12-01, meal: 午餐, dishes: [米饭]}\n".encode(),
        "menus[1] (2026-12-01 lunch): this date and meal appear twice",
    ),
    (
        "unknown-meal",
        "supper.yaml",
        _mini(("meal: lunch", "meal: supper")),
        "menus[0].meal: 'supper' is not one of: breakfast, lunch, dinner",
    ),
    (
        "meal-not-served",
        "no_dinner.yaml",
        _mini(
            ("  modes: [dine_in, pickup, delivery]\n", "  modes: [pickup]\n" + _SLOTS_LUNCH_ONLY),
            ("meal: lunch", "meal: dinner"),
        ),
        "menus[0] (2026-12-01 dinner).meal: the canteen does not serve dinner",
    ),
    # canteen
    (
        "unknown-mode",
        "mode.yaml",
        _mini(("modes: [dine_in, pickup, delivery]", "modes: [dine_in, takeaway]")),
        "canteen.modes[1]: 'takeaway' is not one of: dine_in, pickup, delivery",
    ),
    (
        "region-not-six-digits",
        "region.yaml",
        _mini(('region: "150102"', 'region: "15010"')),
        "canteen.region: '15010' must be a 6-digit region code",
    ),
    (
        "canteen-code-uppercase",
        "code.yaml",
        _mini(("code: xinhua", "code: XinHua")),
        "canteen.code: 'XinHua' must be lowercase letters, digits, - or _",
    ),
    # portions
    (
        "portion-for-dish-not-on-menu",
        "portion_elsewhere.yaml",
        _mini(("portions: {红烧肉: 40}", "portions: {红烧肉: 40, 馒头: 10}")),
        "portions.馒头: '馒头' is not on this menu",
    ),
    (
        "negative-portion",
        "negative_portion.yaml",
        _mini(("portions: {红烧肉: 40}", "portions: {红烧肉: -5}")),
        "portions.红烧肉: must be from 0 to 100000",
    ),
    # the file as a whole
    (
        "broken-yaml",
        "broken.yaml",
        _mini(("aliases: [红烧五花肉]", "aliases: [红烧五花肉")),
        "broken.yaml:7 file: is not valid YAML",
    ),
    (
        "duplicate-yaml-key",
        "dup_key.yaml",
        _mini(("price: 1.5}", "price: 1.5, price: 2}")),
        "dup_key.yaml:8 file: is not valid YAML: duplicate key 'price'",
    ),
    (
        "python-tag",
        "evil.yaml",
        _mini(("name: 新华街道老年食堂", 'name: !!python/object/apply:os.system ["echo hi"]')),
        "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply",
    ),
    (
        "gbk-encoding",
        "gbk.yaml",
        MINI.encode("gb18030"),
        "gbk.yaml file: is not UTF-8",
    ),
    ("empty-file", "empty.yaml", b"", "empty.yaml file: is empty"),
    ("blank-file", "blank.yaml", b"  \n\n", "blank.yaml file: is empty"),
    (
        "huge-file",
        "huge.yaml",
        MINI.encode() + b"#" * 2_000_000,
        "the limit is 2,000,000",
    ),
    (
        "top-level-list",
        "list.yaml",
        b"- canteen: xinhua\n- dishes: []\n",
        "must be a mapping with canteen, dishes and menus, not a list",
    ),
    (
        "unknown-section",
        "extra.yaml",
        MINI.encode() + b"prices: {}\n",
        "file.prices: is not a known section",
    ),
    # CSV
    (
        "csv-missing-column",
        "no_price.csv",
        _mini(("dish,price", "dish"), (",12\n", "\n"), (",1.5\n", "\n"), base=MINI_CSV),
        "no_price.csv:1 header: is missing column(s): price",
    ),
    (
        "csv-two-canteens",
        "two.csv",
        _mini(("xinhua,2026-12-01,lunch,米饭", "hailar,2026-12-01,lunch,米饭"), base=MINI_CSV),
        "canteen: must name exactly one canteen",
    ),
    (
        "csv-text-price",
        "price.csv",
        _mini(("米饭,1.5", "米饭,一块五"), base=MINI_CSV),
        "price.csv:3 dishes[1] (米饭).price: '一块五' is not a number of yuan",
    ),
    # found by the fuzz test: an empty YAML value was refused with no problem listed
    ("yaml-null", "null.yaml", b"~\n", "has no menu in it"),
    ("yaml-anchor-only", "anchor.yaml", b"&A", "has no menu in it"),
    # found while writing these tests: each once escaped as a plain Python error
    (
        "unquoted-impossible-date",
        "bad_date_bare.yaml",
        _mini(("date: 2026-12-01", "date: 2026-13-40")),
        "has a value that is not valid",
    ),
    (
        "date-with-a-time",
        "date_time.yaml",
        _mini(("date: 2026-12-01", "date: 2026-12-01 10:00:00")),
        "has a time; write only the date",
    ),
    (
        "list-as-key",
        "list_key.yaml",
        b"? [a, b]\n: 1\n",
        "a key must be a plain word or number",
    ),
    (
        "csv-short-row",
        "short.csv",
        "dish,price,canteen\n米饭,1.5\n".encode(),
        "short.csv:2 row 2: has fewer cells than the header",
    ),
    (
        "csv-odd-digit-portions",
        "odd_digit.csv",
        "canteen,date,meal,dish,price,portions\nxinhua,2026-12-01,lunch,米饭,1.5,²\n".encode(),
        "portions.米饭: must be a whole number",
    ),
]


@pytest.mark.parametrize(
    ("file_name", "raw", "expected"),
    [pytest.param(name, raw, expected, id=case_id) for case_id, name, raw, expected in MALFORMED],
)
def test_malformed_file_is_refused(file_name: str, raw: bytes, expected: str) -> None:
    """Every problem must stop the import and tell staff which file, field and what is wrong."""
    error = _refusal(raw, file_name)

    message = error.message("en")
    assert expected in message
    assert str(error) == message
    assert f"  - {file_name}" in message
    assert error.file == file_name
    assert error.problems


def test_malformed_cases_are_many_and_distinct() -> None:
    """The table is the spec of what is refused; a copied row would hide a missing case."""
    assert len(MALFORMED) >= 24
    assert len({case[0] for case in MALFORMED}) == len(MALFORMED)
    assert len({case[2] for case in MALFORMED}) == len(MALFORMED)


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    """Safe loading: a tag that would run a shell command is refused before anything runs."""
    marker = tmp_path / "ran"
    raw = f'canteen: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()

    error = _refusal(raw, "evil.yaml")

    assert not marker.exists()
    assert "is not valid YAML" in str(error)


def test_all_problems_are_listed_with_lines() -> None:
    """Staff fix a file in one go, so every problem is listed, each at its line."""
    raw = _mini(
        ('region: "150102"', 'region: "1501"'),
        ("price: 1.5", "price: -1.5"),
        ("meal: lunch", "meal: supper"),
    )

    error = _refusal(raw, "many.yaml")

    by_field = {(p.field, p.line) for p in error.problems}
    assert len(error.problems) >= 3
    assert ("region", 2) in by_field  # the canteen mapping's first key is on line 2
    assert ("price", 8) in by_field
    assert ("meal", 10) in by_field
    message = error.message("en")
    assert f"{len(error.problems)} problem(s)" in message
    assert "many.yaml:8 dishes[1] (米饭).price: must not be negative" in message
    assert "many.yaml:10 menus[0].meal: 'supper' is not one of" in message
    assert "many.yaml" in error.message("zh")


def test_entry_problem_carries_its_yaml_line() -> None:
    """A dish written in block style is reported at the line where its entry starts."""
    text = REALISTIC_YAML.replace("price: 12.3", "price: 12.345")

    error = _refusal(text.encode(), "real.yaml")

    (problem,) = error.problems
    assert problem.field == "price"
    assert isinstance(problem.line, int)
    assert text.splitlines()[problem.line - 1] == "  - name: 番茄炒蛋"


def test_csv_problem_carries_its_row_number() -> None:
    """In a spreadsheet the row number is what staff look for."""
    raw = _mini(("米饭,1.5", "米饭,-1"), base=MINI_CSV)

    error = _refusal(raw, "menu.csv")

    assert [p.line for p in error.problems] == [3]
    assert "menu.csv:3 " in str(error)


# ------------------------------------------------------------------------- properties

ONE_DISH = """\
canteen: {code: xinhua, name: 新华街道老年食堂, region: "150102", modes: [pickup]}
dishes:
  - {name: 米饭, price: PRICE}
"""


@given(st.integers(min_value=0, max_value=100_000))
def test_any_price_written_in_yuan_reads_back_as_same_fen(fen: int) -> None:
    """Whatever fen_to_yuan writes, the parser reads back to the very same fen."""
    yuan = fen_to_yuan(fen)

    bare = _parse(ONE_DISH.replace("PRICE", yuan))
    quoted = _parse(ONE_DISH.replace("PRICE", f'"{yuan}"'))

    assert bare.dishes[0].price_fen == fen
    assert quoted.dishes[0].price_fen == fen


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["m.yaml", "m.csv"]))
def test_any_bytes_are_a_menu_or_a_list_of_problems(raw: bytes, name: str) -> None:
    """Random bytes never escape as an ordinary Python error: a menu, or MenuFileError."""
    try:
        parse_menu_bytes(raw, name)
    except MenuFileError as error:
        assert error.problems


# ------------------------------------------------------------------ formula injection

HOSTILE_YAML = """\
canteen: {code: xinhua, name: 新华街道老年食堂, region: "150102", modes: [pickup]}
dishes:
  - name: "=cmd|' /C calc'!A0"
    aliases: ["@SUM(1+1)", "+1+2"]
    price: 12
  - {name: "-2+3", price: 1.5, aliases: ["'=quoted already"]}
  - {name: "'plain quote", price: 2}
menus:
  - {date: 2026-12-01, meal: lunch, dishes: ["=cmd|' /C calc'!A0", "-2+3", "'plain quote"]}
"""


def test_csv_cells_are_escaped_against_spreadsheet_formulas() -> None:
    """No exported cell starts with = + - @ (OWASP): each gets a leading quote, and the file
    reads back to the very same dishes and menus."""
    import csv
    import io

    original = _parse(HOSTILE_YAML)
    text = dump_csv(original)
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "'=cmd|' /C calc'!A0" in text
    assert "'@SUM(1+1)|+1+2" in text
    assert "''=quoted already" in text
    again = _parse(text, "menu.csv")
    assert {d.name: d for d in again.dishes} == {d.name: d for d in original.dishes}
    assert again.menus == original.menus


@given(st.text(max_size=30))
def test_any_cell_escapes_and_reads_back_the_same(value: str) -> None:
    """csv_value undoes csv_cell for every text, and no escaped cell can start a formula."""
    from menus.text import FORMULA_STARTS, csv_cell, csv_value

    cell = csv_cell(value)
    assert not cell.startswith(FORMULA_STARTS)
    assert csv_value(cell) == value


def test_a_yaml_alias_is_refused_before_it_is_expanded() -> None:
    """Billion laughs: nine levels of aliases would be 387 million strings (and gigabytes
    once a message quotes the value); the first alias is refused with its line."""
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        levels.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    text = (
        "\n".join(levels) + "\n" + MINI.replace("modes: [dine_in, pickup, delivery]", "modes: *i")
    )
    error = _refusal(text.encode())
    (problem,) = error.problems
    assert problem.line == 2
    assert "aliases (*a) are not accepted" in problem.what


BIG = "9" * 5000
HUGE_NUMBERS = {
    "csv portions": (
        "m.csv",
        f"canteen,date,meal,dish,price,portions\nxinhua,2026-12-01,lunch,米饭,1.5,{BIG}\n",
        ["portions.米饭", "0 to 100000"],
    ),
    "csv price": ("m.csv", MINI_CSV.replace(",12\n", f",{BIG}\n"), ["price", "more yuan"]),
    "yaml price": ("m.yaml", MINI.replace("price: 12.0", "price: " + "9" * 4000), ["more yuan"]),
    "yaml portions": ("m.yaml", MINI.replace("红烧肉: 40", f"红烧肉: {BIG}"), ["not valid"]),
}


@pytest.mark.parametrize("case", list(HUGE_NUMBERS), ids=list(HUGE_NUMBERS))
def test_numbers_with_thousands_of_digits_are_problems(case: str) -> None:
    """A number of thousands of digits is a listed problem, never int()'s ValueError."""
    name, text, words = HUGE_NUMBERS[case]
    error = _refusal(text.encode(), name)
    rendered = error.message("en")
    for word in words:
        assert word in rendered, rendered
    assert len(rendered) < 1_000


@pytest.mark.parametrize(
    ("name", "raw", "issue"),
    [
        ("menu.xlsx", b"PK\x03\x04rest of a zip", None),
        ("menu.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None),  # the reader: encrypted
        ("menu.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00", "xlsx_not_zip"),
        ("menu.csv", MINI_CSV.encode(), None),
        ("menu.yml", MINI.encode(), None),
        ("menu.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "binary_file"),
        ("menu.yaml", b"PK\x03\x04", "binary_file"),
        ("menu.csv", b"canteen\x00,date", "binary_file"),
        ("menu.csv", "canteen".encode("utf-16"), None),  # the reader: not UTF-8
        ("menu.png", MINI.encode(), "not_menu_format"),
        ("menu", MINI.encode(), "not_menu_format"),
    ],
)
def test_an_uploaded_files_kind_is_judged_by_its_content(
    name: str, raw: bytes, issue: str | None
) -> None:
    problem = format_problem(raw, name)
    assert (problem.code.value if problem else None) == issue
