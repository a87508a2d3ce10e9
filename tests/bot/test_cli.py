"""The ``zhucan`` command's contract: exit codes, JSON shapes and what people read.

Most tests call ``bot.cli.run`` in-process (fast, and on the backend under test); one runs the
installed console script in a real subprocess to prove the entry point and the demo work.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import run
from tests.conftest import PEOPLE, SMALL_MENU
from tests.menus.workbooks import from_csv

NOW = "2026-12-01T08:00"
"""Before the lunch cut-off (09:30) on the small menu's first day; naive = Asia/Shanghai."""

DAY = "2026-12-01"
LUNCH_MENU = ["红烧肉", "手把肉", "鸡蛋羹", "米饭"]
ORDER_FIELDS = {
    "id",
    "elder",
    "canteen",
    "date",
    "meal",
    "fulfillment",
    "status",
    "items",
    "price_fen",
    "subsidy_fen",
    "card_fen",
    "payable_fen",
}


class Zhucan:
    """``zhucan`` bound to one test database, with ``--db`` and ``--now`` appended."""

    def __init__(self, db: str) -> None:
        self.db = db

    def __call__(self, *args: str, now: str = NOW, db: str | None = None) -> tuple[int, str, str]:
        """Run one command in-process; return (exit status, stdout, stderr).

        argparse reports bad arguments on ``sys.stderr``, so that is captured too.
        """
        out, err = StringIO(), StringIO()
        argv = [*args, "--db", db or self.db, "--now", now]
        with contextlib.redirect_stderr(err):
            code = run(argv, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    def json(self, *args: str, **kwargs: str) -> Any:
        """Run a command that must succeed and parse its JSON output."""
        code, out, err = self(*args, **kwargs)
        assert code == 0, err
        return json.loads(out)

    def ok(self, *args: str, **kwargs: str) -> str:
        """Run a command that must succeed; return its output."""
        code, out, err = self(*args, **kwargs)
        assert code == 0, err
        return out


@pytest.fixture(autouse=True)
def _chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages are asserted in Chinese unless a test asks for English."""
    for name in ("ZHUCAN_LANG", "ZHUCAN_DB", "ZHUCAN_NOW"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def zhucan(db_url: str) -> Zhucan:
    """The command on this test's empty, migrated database."""
    return Zhucan(db_url)


@pytest.fixture
def shop(zhucan: Zhucan) -> Zhucan:
    """The command on a database holding the small test canteen and its people."""
    zhucan.ok("menu", "import", str(SMALL_MENU), "--allow-past")
    zhucan.ok("people", "import", str(PEOPLE))
    return zhucan


def place(
    cli: Zhucan,
    elder: str,
    *dishes: tuple[str, int],
    fulfillment: str = "pickup",
    key: str | None = None,
) -> dict[str, Any]:
    """Place a lunch order for 2026-12-01 and return the printed order."""
    args = ["order", "place", "--elder", elder, "--date", DAY, "--meal", "lunch"]
    for dish, qty in dishes or (("红烧肉", 1),):
        args += ["--dish", dish, "--qty", str(qty)]
    args += ["--fulfillment", fulfillment]
    if key:
        args += ["--key", key]
    order: dict[str, Any] = cli.json(*args)
    return order


def orders(cli: Zhucan) -> list[dict[str, Any]]:
    """Every order, as ``orders list --json`` gives them."""
    rows: list[dict[str, Any]] = cli.json("orders", "list", "--json")
    return rows


def lunch_portions(cli: Zhucan) -> dict[str, int | None]:
    """Portions left per dish on the 2026-12-01 lunch menu."""
    (menu,) = cli.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    return {d["name"]: d["portions_left"] for d in menu["dishes"]}


def snapshot(cli: Zhucan) -> dict[str, Any]:
    """Orders, menus and elders: a refused command must leave all of them as they were."""
    return {
        "orders": orders(cli),
        "menus": cli.json("menu", "show", "--date", DAY, "--json"),
        "elders": cli.json("elders", "list", "--json", "--show-private"),
    }


def assert_one_line(err: str) -> None:
    """A refusal is one sentence for a person, not a traceback."""
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def balanced(order: dict[str, Any]) -> bool:
    """Price = subsidy + voucher + card + paid on the day."""
    parts = ("subsidy_fen", "voucher_fen", "card_fen", "payable_fen")
    return bool(order["price_fen"] == sum(order[p] for p in parts))


# ------------------------------------------------------------------------------ menus


def test_menu_import_then_show_as_json(zhucan: Zhucan) -> None:
    """The imported menu reads back with prices in fen and the portion caps."""
    out = zhucan.ok("menu", "import", str(SMALL_MENU), "--allow-past")
    assert "test" in out
    (menu,) = zhucan.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    assert (menu["canteen"], menu["date"], menu["meal"]) == ("test", DAY, "lunch")
    dishes = {d["name"]: d for d in menu["dishes"]}
    assert list(dishes) == LUNCH_MENU
    assert dishes["红烧肉"]["price_fen"] == 1200
    assert dishes["红烧肉"]["portions_left"] == 40
    assert dishes["米饭"]["portions_left"] is None


def test_menu_show_speaks_prices(zhucan: Zhucan) -> None:
    """People read and hear 十二块钱, not 12.00."""
    zhucan.ok("menu", "import", str(SMALL_MENU), "--allow-past")
    out = zhucan.ok("menu", "show", "--date", DAY, "--meal", "lunch")
    assert "红烧肉" in out
    assert "十二块钱" in out
    assert "一块五" in out  # 米饭 at 1.50
    assert "还剩40份" in out


def test_menu_export_round_trips_through_a_second_database(zhucan: Zhucan, tmp_path: Path) -> None:
    """What export writes imports elsewhere and exports again to the very same text."""
    zhucan.ok("menu", "import", str(SMALL_MENU), "--allow-past")
    first = zhucan.ok("menu", "export")
    exported = tmp_path / "exported.yaml"
    exported.write_text(first, encoding="utf-8")

    second = f"sqlite:///{tmp_path / 'second.db'}"
    zhucan.ok("db", "upgrade", db=second)
    zhucan.ok("menu", "import", str(exported), "--allow-past", db=second)
    assert zhucan.ok("menu", "export", db=second) == first


def test_menu_export_csv_has_a_header_and_one_row_per_menu_line(zhucan: Zhucan) -> None:
    """The CSV form is one row per (date, meal, dish), after the documented header."""
    zhucan.ok("menu", "import", str(SMALL_MENU), "--allow-past")
    lines = zhucan.ok("menu", "export", "--format", "csv").splitlines()
    assert lines[0].startswith('"canteen","date","meal","dish","price",')
    source = yaml.safe_load(SMALL_MENU.read_text(encoding="utf-8"))
    assert len(lines) - 1 == sum(len(m["dishes"]) for m in source["menus"])
    assert any(line.startswith('"test","2026-12-01","lunch","红烧肉","12",') for line in lines)


def test_malformed_menu_file_imports_nothing(zhucan: Zhucan, tmp_path: Path) -> None:
    """A negative price refuses the whole file: no canteen, no dish, no menu."""
    bad = tmp_path / "bad.yaml"
    text = SMALL_MENU.read_text(encoding="utf-8")
    assert "price: 12.0" in text
    bad.write_text(text.replace("price: 12.0", "price: -3"), encoding="utf-8")
    code, _out, err = zhucan("menu", "import", str(bad), "--allow-past")
    assert code == 2
    assert "Traceback" not in err
    assert "bad.yaml" in err
    assert "price" in err
    assert "什么都没有导入" in err
    assert zhucan.json("menu", "show", "--date", DAY, "--json") == []


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("en", "The menu file has 1 problem(s); nothing was imported:"),
        ("zh", "菜单文件有 1 处问题，什么都没有导入："),
    ],
)
def test_a_menu_files_problems_print_as_they_always_have(
    zhucan: Zhucan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, header: str
) -> None:
    """The command line lists a file's problems in the operators' words, whatever
    ``ZHUCAN_LANG`` makes of the sentence around them (the chat says them in the staff
    member's language): byte for byte what it printed before problems had codes."""
    monkeypatch.setenv("ZHUCAN_LANG", lang)
    bad = tmp_path / "bad.yaml"
    text = SMALL_MENU.read_text(encoding="utf-8").replace("price: 12.0", "price: -3")
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - name: 红烧肉") + 1
    code, out, err = zhucan("menu", "import", str(bad), "--allow-past")
    assert (code, out) == (2, "")
    assert err == f"{header}\n  - bad.yaml:{line} dishes[0] (红烧肉).price: must not be negative\n"


# ----------------------------------------------------------------------------- elders


ELDER = [
    "--name",
    "测试老人",
    "--phone",
    "13800000000",
    "--address",
    "新华东街社区1号",
    "--community",
    "新华东街社区",
]


def test_elders_add_then_list_masks_private_details(zhucan: Zhucan) -> None:
    """Phones are masked and addresses hidden unless --show-private is given."""
    zhucan.ok("menu", "import", str(SMALL_MENU), "--allow-past")
    args = ["--category", "高龄", "--category", "shineng:2", "--condition", "diabetes"]
    out = zhucan.ok("elders", "add", *ELDER, *args)
    assert "测试老人" in out

    (elder,) = zhucan.json("elders", "list", "--json")
    assert elder["name"] == "测试老人"
    assert elder["phone"] == "138****0000"
    assert elder["address"] is None
    assert elder["community"] == "新华东街社区"
    assert elder["region"] == "150102"  # the canteen's, when none is given
    assert sorted(elder["categories"]) == ["gaoling", "shineng:2"]

    (private,) = zhucan.json("elders", "list", "--json", "--show-private")
    assert private["phone"] == "13800000000"
    assert private["address"] == "新华东街社区1号"
    assert private["conditions"] == ["diabetes"]


def test_elders_add_refuses_an_unknown_category(zhucan: Zhucan) -> None:
    """An unknown category is refused with the allowed ones, and nobody is registered."""
    zhucan.ok("menu", "import", str(SMALL_MENU), "--allow-past")
    code, out, err = zhucan("elders", "add", *ELDER, "--category", "富豪")
    assert code == 2
    assert out == ""
    assert_one_line(err)
    assert "富豪" in err
    assert "gaoling" in err
    assert zhucan.json("elders", "list", "--json") == []


# ----------------------------------------------------------------------------- orders


ORDER_K1 = [
    "order",
    "place",
    "--elder",
    "刘德福",
    "--dish",
    "红烧肉",
    "--qty",
    "2",
    "--dish",
    "米饭",
    "--date",
    DAY,
    "--meal",
    "lunch",
    "--fulfillment",
    "pickup",
    "--key",
    "k1",
]


def test_order_place_prints_the_contract_and_the_money_adds_up(shop: Zhucan) -> None:
    """The printed order carries every contract field and its price splits exactly."""
    order = shop.json(*ORDER_K1)
    assert order.keys() >= ORDER_FIELDS
    assert order["elder"] == "刘德福"
    assert (order["canteen"], order["date"], order["meal"]) == ("test", DAY, "lunch")
    assert (order["fulfillment"], order["status"]) == ("pickup", "placed")
    assert order["items"] == [{"dish": "红烧肉", "qty": 2}, {"dish": "米饭", "qty": 1}]
    assert order["price_fen"] == 2 * 1200 + 150
    assert order["subsidy_fen"] > 0  # 低保
    assert order["voucher_fen"] > 0  # his 3-yuan voucher
    assert balanced(order)
    assert lunch_portions(shop)["红烧肉"] == 38


def test_same_key_returns_the_same_order(shop: Zhucan) -> None:
    """A retried request with the same --key never makes a second order."""
    first = shop.json(*ORDER_K1)
    again = shop.json(*ORDER_K1)
    assert again["id"] == first["id"]
    assert again == first
    (only,) = orders(shop)
    assert only["id"] == first["id"]
    assert lunch_portions(shop)["红烧肉"] == 38  # reserved once


def _place(*tail: str) -> list[str]:
    """An order-place command line; the tail overrides or completes the defaults."""
    return ["order", "place", "--elder", "刘德福", "--date", DAY, "--meal", "lunch", *tail]


REFUSALS: dict[str, tuple[list[str], str | None, list[str]]] = {
    # name: (arguments, --now override, words the message must contain)
    "unknown dish": (
        _place("--dish", "佛跳墙", "--fulfillment", "pickup"),
        None,
        ["佛跳墙", *LUNCH_MENU],
    ),
    "unknown elder": (
        [*_place("--dish", "红烧肉", "--fulfillment", "pickup"), "--elder", "无名氏"],
        None,
        ["无名氏", "zhucan elders list"],
    ),
    "closed slot": (
        _place("--dish", "红烧肉", "--fulfillment", "pickup"),
        "2026-12-01T10:00",
        ["截止", "09:30"],
    ),
    "past date": (
        [*_place("--dish", "红烧肉", "--fulfillment", "pickup"), "--date", "2026-11-30"],
        None,
        ["2026-11-30"],
    ),
    "unknown meal": (
        [*_place("--dish", "红烧肉", "--fulfillment", "pickup"), "--meal", "supper"],
        None,
        ["supper", "lunch"],
    ),
    "unknown fulfillment": (
        _place("--dish", "红烧肉", "--fulfillment", "drone"),
        None,
        ["drone", "pickup"],
    ),
    "zero quantity": (
        _place("--dish", "红烧肉", "--qty", "0", "--fulfillment", "pickup"),
        None,
        ["份数", "0"],
    ),
    "bad now": (["orders", "list", "--json"], "notatime", ["notatime"]),
    "cancel unknown order": (["order", "cancel", "999"], None, ["999", "zhucan orders list"]),
    "bad month": (["report", "--month", "2026-13"], None, ["2026-13"]),
    "month out of range": (["report", "--month", "9999-12"], None, ["9999-12"]),
    "now out of range": (["orders", "list", "--json"], "9999-12-31T23:00Z", ["9999-12-31"]),
    "huge order id": (["order", "cancel", "9" * 30], None, ["9" * 30]),
    "key too long": (
        _place("--dish", "红烧肉", "--fulfillment", "pickup", "--key", "k" * 300),
        None,
        ["--key", "300", "200"],
    ),
    "address too long": (
        _place("--dish", "红烧肉", "--fulfillment", "delivery", "--address", "地" * 1000),
        None,
        ["--address", "1,000"],
    ),
    "reason too long": (
        ["order", "cancel", "1", "--as", "staff", "--reason", "因" * 5000],
        None,
        ["--reason", "5,000"],
    ),
    "huge elder id": (
        [*_place("--dish", "红烧肉", "--fulfillment", "pickup"), "--elder", "9" * 30],
        None,
        ["9" * 30],
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS), ids=list(REFUSALS))
def test_refusals_exit_2_with_one_message_and_change_nothing(shop: Zhucan, case: str) -> None:
    """A refused request says what is wrong in one line, exits 2 and changes nothing."""
    args, now, words = REFUSALS[case]
    place(shop, "赵桂芝", ("红烧肉", 1))
    before = snapshot(shop)
    code, out, err = shop(*args, now=now or NOW)
    assert code == 2, (out, err)
    assert out == ""
    assert_one_line(err)
    for word in words:
        assert word in err
    assert snapshot(shop) == before


def test_non_numeric_quantity_is_an_argument_error(shop: Zhucan) -> None:
    """``--qty abc`` is refused by argument parsing (exit 2) before anything is touched."""
    before = snapshot(shop)
    code, out, err = shop(*_place("--dish", "红烧肉", "--qty", "abc", "--fulfillment", "pickup"))
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert "abc" in err.strip().splitlines()[-1]
    assert snapshot(shop) == before


def test_missing_menu_file_is_refused(shop: Zhucan) -> None:
    """A menu file that is not there is named in the message, and nothing changes."""
    before = snapshot(shop)
    code, out, err = shop("menu", "import", "tests/data/no_such_menu.yaml")
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert "no_such_menu.yaml" in err
    assert snapshot(shop) == before


def test_unknown_elder_in_english(shop: Zhucan, monkeypatch: pytest.MonkeyPatch) -> None:
    """ZHUCAN_LANG=en gives operators the same refusal in English."""
    monkeypatch.setenv("ZHUCAN_LANG", "en")
    code, _, err = shop(*_place("--dish", "红烧肉", "--fulfillment", "pickup"), "--elder", "无名氏")
    assert code == 2
    assert_one_line(err)
    assert "No elder called '无名氏'" in err


def test_database_without_tables_asks_for_db_upgrade(zhucan: Zhucan, tmp_path: Path) -> None:
    """A store that was never migrated says what to run; after ``db upgrade`` it works."""
    bare = f"sqlite:///{tmp_path / 'bare.db'}"
    code, out, err = zhucan("menu", "show", "--json", db=bare)
    assert code == 2
    assert out == ""
    assert_one_line(err)
    assert "zhucan db upgrade" in err

    assert zhucan("db", "upgrade", db=bare)[0] == 0
    assert zhucan.json("menu", "show", "--json", db=bare) == []
    zhucan.ok("menu", "import", str(SMALL_MENU), "--allow-past", db=bare)
    assert len(zhucan.json("menu", "show", "--date", DAY, "--json", db=bare)) == 3


# ------------------------------------------------------------------ cancel and status


def test_cancel_before_cutoff_gives_the_portions_back(shop: Zhucan) -> None:
    """An elder cancels before 09:30: the order is cancelled and its portions return."""
    order = place(shop, "刘德福", ("红烧肉", 2))
    assert lunch_portions(shop)["红烧肉"] == 38
    code, out, err = shop("order", "cancel", str(order["id"]), now="2026-12-01T09:00")
    assert code == 0, err
    assert str(order["id"]) in out
    (row,) = orders(shop)
    assert row["status"] == "cancelled"
    assert lunch_portions(shop)["红烧肉"] == 40


def test_status_moves_on_only_along_allowed_transitions(shop: Zhucan) -> None:
    """placed → confirmed is fine; confirmed → completed skips steps and is refused."""
    order = place(shop, "刘德福")
    order_id = str(order["id"])
    assert shop("order", "status", order_id, "confirmed")[0] == 0
    assert orders(shop)[0]["status"] == "confirmed"

    code, out, err = shop("order", "status", order_id, "completed")
    assert code == 2
    assert out == ""
    assert_one_line(err)
    assert "订单现在是“已确认”，不能改成“已完成”" in err
    assert orders(shop)[0]["status"] == "confirmed"


# --------------------------------------------------------------------- kitchen, report


def test_kitchen_sheet_sums_portions_and_groups_deliveries(shop: Zhucan) -> None:
    """The kitchen sees what to cook in total and where each delivery goes."""
    place(shop, "刘德福", ("红烧肉", 2), ("米饭", 1))
    place(shop, "赵桂芝", ("红烧肉", 1), ("米饭", 2))
    delivered = place(shop, "王秀兰", ("红烧肉", 1), fulfillment="delivery")
    sheet = shop.json("kitchen", "--date", DAY, "--meal", "lunch", "--json")
    assert sheet["portions"] == {"红烧肉": 4, "米饭": 3}
    assert sheet["pickup"] == 2
    assert sheet["dine_in"] == 0
    assert sheet["orders"] == 3
    assert list(sheet["delivery"]) == ["新华东街社区"]
    (stop,) = sheet["delivery"]["新华东街社区"]
    assert stop["order_id"] == delivered["id"]
    assert stop["elder"] == "王秀兰"
    assert stop["address"] == "新华东街社区3号楼2单元102室"
    assert stop["phone"] == "13904710001"


def test_monthly_report_counts_served_and_cancelled_meals(shop: Zhucan) -> None:
    """Only the completed meal is counted as served and paid; the cancelled one is counted apart."""
    served = place(shop, "刘德福", ("红烧肉", 1), ("米饭", 1))
    cancelled = place(shop, "王秀兰", ("红烧肉", 1), fulfillment="delivery")
    for status in ("confirmed", "preparing", "ready", "completed"):
        assert shop("order", "status", str(served["id"]), status)[0] == 0
    assert shop("order", "cancel", str(cancelled["id"]))[0] == 0

    rows = shop.json("report", "--month", "2026-12", "--format", "json")
    (total,) = [r for r in rows if r["canteen"] == "test" and r["category"] == "all"]
    assert total["month"] == "2026-12"
    assert total["orders"] == 2
    assert total["meals_served"] == 1
    assert total["cancelled"] == 1
    assert total["missed"] == 0
    assert total["portions_served"] == 2
    assert total["price_fen"] == served["price_fen"]
    assert total["subsidy_fen"] == served["subsidy_fen"]
    assert total["voucher_fen"] == served["voucher_fen"]
    assert total["family_card_fen"] + total["charity_card_fen"] == served["card_fen"]
    assert total["paid_on_day_fen"] == served["payable_fen"]

    csv_text = shop.ok("report", "--month", "2026-12", "--format", "csv")
    assert csv_text.startswith('"month","canteen","category",')
    assert '"2026-12","test","all",' in csv_text


# ------------------------------------------------------------------ the real command


def test_demo_twice_in_a_real_process(tmp_path: Path) -> None:
    """The installed ``zhucan demo`` loads the demo canteen and opens the chat as the demo
    elder; an order talked through is stored, and a second run finds it again."""
    script = Path(sys.executable).parent / "zhucan"
    assert script.exists(), f"console script not installed at {script}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHUCAN_")}
    common = ["--db", f"sqlite:///{tmp_path / 'x.db'}", "--now", NOW]

    def zhucan(*args: str, said: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *args, *common],
            input=said,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )

    first = zhucan("demo", said="今天吃什么\n我要订餐\n清蒸鱼\n1\n送到家\n要\n")
    assert first.returncode == 0, first.stderr
    assert "您好，王奶奶" in first.stdout and "王秀兰！" not in first.stdout
    assert "今天午饭有：" in first.stdout
    for part in ("补贴后", "卡上扣"):
        assert part in first.stdout
    assert "订好了" in first.stdout

    second = zhucan("demo", said="我的订单\n")
    assert second.returncode == 0, second.stderr
    assert "今天午饭，清蒸鱼一份" in second.stdout

    listed = zhucan("orders", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (order,) = json.loads(listed.stdout)
    assert order["date"] == "2026-12-01"
    assert balanced(order)


# ---------------------------------------------------------------- hostile arguments


def test_garbage_zhucan_now_in_the_environment_is_refused(
    shop: Zhucan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ZHUCAN_NOW=garbage`` (no --now) is named in one message with exit 2, for every
    command, instead of a traceback about the missing --now."""
    monkeypatch.setenv("ZHUCAN_NOW", "garbage")
    before = snapshot(shop)
    every_group = (
        ["orders", "list"], ["menu", "show"], ["outbox", "list"], ["menu", "export"],
        ["db", "upgrade"], ["elders", "list"], ["people", "import", str(PEOPLE)], ["kitchen"],
        ["report", "--month", "2026-12"], ["nlu", "parse", "你好"], ["voice", "models"],
        ["scheduler", "tick", "--no-send"], ["order", "cancel", "1"],
    )  # fmt: skip
    for argv in every_group:
        out, err = StringIO(), StringIO()
        with contextlib.redirect_stderr(err):
            code = run([*argv, "--db", shop.db], out=out, err=err)
        assert code == 2, err.getvalue()
        assert out.getvalue() == ""
        assert_one_line(err.getvalue())
        assert "garbage" in err.getvalue()
    monkeypatch.delenv("ZHUCAN_NOW")
    assert snapshot(shop) == before


@pytest.mark.parametrize(
    ("db", "words"),
    [
        ("mysql://u:secret@h/db", ["mysql://", "SQLite", "--db"]),
        ("garbage://", ["garbage://"]),
        ("://", ["://"]),
        ("postgresql://u:secret@h:abc/db", ["postgresql://"]),
        ("postgresql+pg8000://u@h/db", ["postgresql+pg8000://"]),
        ("NOT_A_DB", ["file is not a database", "--db"]),
        ("NO_FOLDER", ["no folder", "nowhere", "--db"]),
        ("/proc/zhucan.db", ["zhucan.db", "--db"]),
    ],
    ids=[
        "mysql", "unknown dialect", "no scheme", "bad port", "other driver", "not a database",
        "no folder", "cannot create",
    ],
)  # fmt: skip
def test_an_unusable_db_is_refused(
    shop: Zhucan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db: str, words: list[str]
) -> None:
    """A --db (or ZHUCAN_DB) the store cannot use is one message and exit 2 naming its scheme
    (never the password), not SQLAlchemy's ArgumentError, NoSuchModuleError or ImportError; a
    file that is no database is named as such and left as it was; a folder that does not
    exist (or where no file can be made) is said, not exit 1 with "OperationalError"."""
    monkeypatch.setenv("ZHUCAN_LANG", "en")
    not_a_db = tmp_path / "people.yaml"
    not_a_db.write_text("elders: []\n", encoding="utf-8")
    db = str(not_a_db) if db == "NOT_A_DB" else db
    db = str(tmp_path / "nowhere" / "zhucan.db") if db == "NO_FOLDER" else db
    for argv in (["menu", "show", "--db", db], ["db", "upgrade", "--db", db]):
        out, err = StringIO(), StringIO()
        with contextlib.redirect_stderr(err):
            code = run([*argv, "--now", NOW], out=out, err=err)
        assert (code, out.getvalue()) == (2, ""), err.getvalue()
        assert_one_line(err.getvalue())
        assert "secret" not in err.getvalue()
        for word in words:
            assert word in err.getvalue()
    assert not_a_db.read_text(encoding="utf-8") == "elders: []\n"
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["menu", "show", "--date", "0001-01-01"],
        ["menu", "show", "--date", "9999-12-31", "--json"],
        ["orders", "list", "--date", "0001-01-01"],
        ["kitchen", "--date", "9999-12-31"],
        ["menu", "export", "--since", "0001-01-01"],
        ["nlu", "parse", "--today", "0001-01-01", "昨天吃什么"],
        ["nlu", "parse", "--today", "9999-12-31", "明天吃什么"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_dates_outside_the_service_years_are_refused(shop: Zhucan, argv: list[str]) -> None:
    """Dates at the ends of the calendar are refused with the date named (they overflowed
    when shifted by a day)."""
    before = snapshot(shop)
    code, out, err = shop(*argv)
    assert code == 2, (out, err)
    assert out == ""
    assert_one_line(err)
    assert "2000" in err and "2200" in err
    assert snapshot(shop) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["outbox", "list", "--limit", "100000000000000000000"],
        ["outbox", "list", "--limit", "1e20"],
        ["outbox", "list", "--limit", "0"],
        ["outbox", "list", "--limit", "-5"],
        [
            "elders",
            "add",
            "--name",
            "甲",
            "--phone",
            "1",
            "--address",
            "x",
            "--birth-year",
            "9" * 30,
        ],
        ["telegram", "--port", "99999999999999999999"],
    ],
    ids=lambda argv: " ".join(argv[:3]),
)
def test_numbers_out_of_range_are_argument_errors(shop: Zhucan, argv: list[str]) -> None:
    """A number an option cannot mean is refused by argument parsing (exit 2, the option
    named), not by the database driver's OverflowError."""
    before = snapshot(shop)
    code, out, err = shop(*argv)
    assert code == 2, (out, err)
    assert out == ""
    assert "Traceback" not in err
    assert "--" in err.strip().splitlines()[-1]
    assert snapshot(shop) == before


HOSTILE_MENU = """\
canteen: {code: test, name: 测试食堂, region: "150102", modes: [pickup]}
dishes:
  - {name: "=cmd|' /C calc'!A0", aliases: ["@SUM(A1)", "+1+2"], price: 12}
  - {name: 米饭, price: 1.5}
menus:
  - {date: 2026-12-01, meal: lunch, dishes: ["=cmd|' /C calc'!A0", 米饭]}
"""


def test_menu_export_csv_escapes_formulas_and_imports_back(zhucan: Zhucan, tmp_path: Path) -> None:
    """A dish called ``=cmd|…`` with aliases ``@SUM(…)`` and ``+1+2`` is exported with a
    leading quote in each such cell (OWASP), and the export imports elsewhere unchanged."""
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(HOSTILE_MENU, encoding="utf-8")
    zhucan.ok("menu", "import", str(hostile), "--allow-past")
    exported = zhucan.ok("menu", "export", "--format", "csv")
    for row in csv.reader(StringIO(exported)):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    assert "'=cmd|' /C calc'!A0" in exported
    assert "'@SUM(A1)|+1+2" in exported
    for line in exported.splitlines():  # a spreadsheet splitting at ; starts no cell with =
        assert line.startswith('"') and line.endswith('"'), line

    second = f"sqlite:///{tmp_path / 'second.db'}"
    zhucan.ok("db", "upgrade", db=second)
    zhucan.ok("menu", "import", str(hostile), "--allow-past", db=second)
    path = tmp_path / "exported.csv"
    path.write_text(exported, encoding="utf-8")
    zhucan.ok("menu", "import", str(path), "--allow-past", db=second)
    assert zhucan.ok("menu", "export", "--format", "csv", db=second) == exported
    (menu,) = zhucan.json("menu", "show", "--date", DAY, "--json", db=second)
    assert menu["dishes"][0]["name"] == "=cmd|' /C calc'!A0"
    assert menu["dishes"][0]["aliases"] == ["@SUM(A1)", "+1+2"]


# ------------------------------------------------------------- files read whole


def _sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on disk (and no time to make)."""
    with path.open("wb") as file:
        file.truncate(size)
    return path


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["menu", "import", "/dev/zero"], ["zero", "regular file"]),
        (["menu", "import", "BIG.yaml"], ["BIG.yaml", "50,000,000 bytes", "2,000,000"]),
        (["menu", "import", "MISSING.csv"], ["MISSING.csv", "cannot be read"]),
        (["people", "import", "/dev/zero"], ["zero", "regular file"]),
        (["people", "import", "BIG.yaml"], ["BIG.yaml", "50,000,000 bytes", "5,000,000"]),
        (["voice", "transcribe", "/dev/zero"], ["zero", "regular file"]),
        (["voice", "transcribe", "BIG.yaml"], ["BIG.yaml", "50,000,000", "20,971,520"]),
        (["voice", "transcribe", "MISSING.csv"], ["MISSING.csv", "No such file"]),
        (["speaker", "--input", "/dev/zero"], ["zero", "regular file"]),
        (["nlu", "eval", "/dev/zero"], ["zero", "regular file"]),
        (["nlu", "eval", "BIG.yaml"], ["BIG.yaml", "50,000,000", "5,000,000"]),
    ],
    ids=lambda v: (
        " ".join(v[:3]) if v and v[0] in ("menu", "people", "voice", "speaker", "nlu") else ""
    ),
)
def test_files_are_size_checked_before_they_are_read(
    shop: Zhucan,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    words: list[str],
) -> None:
    """A device, a missing file or a 50 MB file named where a file is read whole is refused
    with its name and one message in English with ZHUCAN_LANG=en (exit 2, nothing changed),
    before anything of it is read."""
    monkeypatch.setenv("ZHUCAN_LANG", "en")
    _sparse(tmp_path / "BIG.yaml", 50_000_000)
    argv = [str(tmp_path / a) if a in ("BIG.yaml", "MISSING.csv") else a for a in argv]
    before = snapshot(shop)
    code, out, err = shop(*argv)
    assert code == 2, (out, err)
    assert out == ""
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2, err  # a file problem is listed under its header
    for word in words:
        assert word in err
    assert snapshot(shop) == before


class EndlessInput(io.TextIOBase):
    """stdin as ``/dev/zero`` gives it: a line that never ends; reading it whole fails."""

    def __init__(self) -> None:
        self.chars = 0

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        assert size is not None and size >= 0, "a line of endless input was read whole"
        self.chars += size
        return "\0" * size

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize(
    "argv", [["chat", "--elder", "王秀兰"], ["nlu", "parse"]], ids=["chat", "nlu parse"]
)
def test_an_endless_line_on_stdin_is_refused(
    shop: Zhucan, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    """``zhucan chat < /dev/zero`` read one endless line until the OOM killer came; now at
    most the limit and one character are read, and the line is refused with the limit."""
    endless = EndlessInput()
    monkeypatch.setattr("sys.stdin", endless)
    before = snapshot(shop)
    code, out, err = shop(*argv)
    assert (code, out) == (2, ""), err
    assert_one_line(err)
    assert "2,000" in err
    assert endless.chars <= 2_001
    assert snapshot(shop) == before


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(shop: Zhucan, tmp_path: Path) -> None:
    """Opening a FIFO for reading would wait for a writer forever; it is refused at once."""
    fifo = tmp_path / "menu.yaml"
    os.mkfifo(fifo)
    code, out, err = shop("menu", "import", str(fifo))
    assert (code, out) == (2, "")
    assert "menu.yaml" in err


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('elders: [{name: "王\\0秀兰", address: x, region: "150102"}]', "control characters"),
        ("a: &a [1, 2]\nelders: [{name: 乙, address: *a, region: '150102'}]", "aliases"),
        (
            "policies: [{region: '150102', category: general, kind: fixed, amount: 1e400, cap: 1}]",
            "policies[0].amount",
        ),
        ("elders: [{name: 甲, address: x, region: '150102', birth_year: [1950]}]", "birth_year"),
        ("vouchers: 5", "vouchers: must be a list"),
    ],
    ids=["NUL", "alias", "huge number", "wrong type", "not a list"],
)
def test_people_import_refuses_hostile_files(
    shop: Zhucan, tmp_path: Path, text: str, word: str
) -> None:
    """``people import`` of a hostile file: exit 2, the problem named, no traceback (these
    crashed with exit 1 or were stored), and nobody added."""
    path = tmp_path / "people.yaml"
    path.write_text(text, encoding="utf-8")
    before = snapshot(shop)
    code, out, err = shop("people", "import", str(path))
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert err.startswith("人员文件有问题，什么都没有导入：")
    assert word in err
    assert snapshot(shop) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["order", "cancel", "²"],
        ["order", "status", "²", "confirmed"],
        ["order", "cancel", "1_0"],
        ["order", "place", "--elder", "²", "--dish", "红烧肉", "--date", DAY, "--meal", "lunch",
         "--fulfillment", "pickup"],
        ["order", "place", "--elder", "王秀兰", "--dish", "红烧肉", "--date", DAY, "--meal",
         "lunch", "--fulfillment", "pickup", "--as", "family", "--by", "²"],
        ["order", "place", "--elder", "王秀兰", "--dish", "红烧肉", "--qty", "²", "--date", DAY,
         "--meal", "lunch", "--fulfillment", "pickup"],
        ["elders", "add", "--name", "甲", "--phone", "13904710009", "--address", "x",
         "--category", "shineng:²"],
    ],
    ids=["cancel", "status", "underscore", "elder", "by", "qty", "level"],
)  # fmt: skip
def test_numbers_in_other_digits_are_refused_not_crashed_on(shop: Zhucan, argv: list[str]) -> None:
    """``²`` passes ``str.isdigit`` and then ``int()`` raised ValueError (a traceback): an id,
    a quantity or a level is plain ASCII digits, and anything else is one refusal, exit 2."""
    before = snapshot(shop)
    code, out, err = shop(*argv)
    assert (code, out) == (2, ""), err
    assert "Traceback" not in err
    assert "²" in err or "1_0" in err, err  # what was typed is named
    assert snapshot(shop) == before


def test_elders_add_refuses_a_name_of_100000_characters(shop: Zhucan) -> None:
    """A name nobody can read out is refused, not stored."""
    before = snapshot(shop)
    code, out, err = shop("elders", "add", "--name", "长" * 100_000, "--phone", "13904710009",
                          "--address", "新华东街1号")  # fmt: skip
    assert (code, out) == (2, "")
    assert_one_line(err)
    assert "100,000 characters" in err
    assert snapshot(shop) == before


def test_a_minimal_csv_import_keeps_the_dishes_details(shop: Zhucan, tmp_path: Path) -> None:
    """``menu import`` of a CSV with only canteen, date, meal, dish and price changes the
    menu and prices, and leaves aliases, Mongolian names, nutrition and tags as they were."""
    (before,) = shop.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    minimal = tmp_path / "minimal.csv"
    minimal.write_text(
        "canteen,date,meal,dish,price\ntest,2026-12-03,lunch,红烧肉,13\n", encoding="utf-8"
    )
    shop.ok("menu", "import", str(minimal))
    (after,) = shop.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    old, new = before["dishes"][0], after["dishes"][0]
    assert old["name"] == new["name"] == "红烧肉"
    assert new == {**old, "price_fen": 1300}


def test_a_minimal_yaml_import_keeps_the_dishes_details(shop: Zhucan, tmp_path: Path) -> None:
    """A YAML dish with only name and price keeps what its entry leaves out, as a CSV
    header's missing columns do; a key that is there (``aliases: []``) changes it."""
    (before,) = shop.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    canteen = '{code: test, name: 测试社区老年食堂, region: "150102", modes: [pickup]}'
    minimal = tmp_path / "minimal.yaml"
    minimal.write_text(
        f"canteen: {canteen}\ndishes: [{{name: 红烧肉, price: 13}}]\n"
        "menus: [{date: 2026-12-03, meal: lunch, dishes: [红烧肉]}]\n",
        encoding="utf-8",
    )
    shop.ok("menu", "import", str(minimal))
    (after,) = shop.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    old, new = before["dishes"][0], after["dishes"][0]
    assert old["name"] == new["name"] == "红烧肉"
    assert old["aliases"] and old["name_mn"] and old["nutrition"] and old["tags"]
    assert new == {**old, "price_fen": 1300}

    minimal.write_text(
        minimal.read_text(encoding="utf-8").replace("price: 13}", "price: 13, aliases: []}"),
        encoding="utf-8",
    )
    shop.ok("menu", "import", str(minimal))
    (after,) = shop.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    assert after["dishes"][0] == {**old, "price_fen": 1300, "aliases": []}


def test_a_value_the_store_cannot_hold_is_a_refusal(
    shop: Zhucan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A value no check caught and a column cannot hold (PostgreSQL's DataError) is one
    message and exit 2 (the transaction rolled back), not a traceback."""
    from sqlalchemy.exc import DataError

    import bot.cli.orders

    def too_long(args: Any, ctx: Any) -> int:
        raise DataError("INSERT …", {}, Exception("value too long for type character varying"))

    monkeypatch.setattr(bot.cli.orders, "cmd_orders_list", too_long)
    code, out, err = shop("orders", "list")
    assert (code, out) == (2, "")
    assert_one_line(err)
    assert "too long or out of range" in err


def test_menu_import_reads_an_excel_workbook(shop: Zhucan, tmp_path: Path) -> None:
    """``menu import`` decides the format by the name: a .xlsx file is a workbook, read as the
    CSV form, and kept columns stay as they were."""
    (before,) = shop.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    sheet = tmp_path / "minimal.xlsx"
    sheet.write_bytes(from_csv("canteen,date,meal,dish,price\ntest,2026-12-03,lunch,红烧肉,13\n"))
    shop.ok("menu", "import", str(sheet))
    (after,) = shop.json("menu", "show", "--date", DAY, "--meal", "lunch", "--json")
    old, new = before["dishes"][0], after["dishes"][0]
    assert old["name"] == new["name"] == "红烧肉"
    assert new == {**old, "price_fen": 1300}
