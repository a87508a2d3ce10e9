"""The claim sheet as CSV and .xlsx: every subsidised order once, totals to the fen, and cells
that a spreadsheet cannot run as formulas."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from menus.claim_sheet import BOM, CLAIM_HEADER, claim_csv, claim_xlsx, yuan
from menus.settlement import Meal, Money, Settlement, summarise

DAY = date(2026, 12, 1)
EVIL_NAME = "=cmd|' /C calc'!A0"
EVIL_DISH = "@SUM(1+1)*cmd|' /C calc'!A0"


def settlement() -> Settlement:
    meals = [
        Meal(11, DAY, "lunch", 1, "王秀兰", "gaoling", "红烧肉×1", Money(1200, 360, 0, 840, 0, 0)),
        Meal(12, DAY, "lunch", 2, EVIL_NAME, "dibao", EVIL_DISH, Money(1200, 500, 300, 0, 0, 400)),
        Meal(13, DAY, "dinner", 3, "+李\t", "tekun", "-1+1", Money(1201, 800, 0, 100, 300, 1)),
        Meal(14, DAY, "dinner", 1, "王秀兰", "none", "米饭×1", Money(150, 0, 0, 150, 0, 0)),
    ]
    return summarise(Settlement("test", "=测试食堂", DAY, meals))


def test_yuan_is_exact() -> None:
    assert [yuan(f) for f in (0, 5, 150, 1230, 123456789)] == [
        "0.00", "0.05", "1.50", "12.30", "1234567.89",
    ]  # fmt: skip


def test_csv_has_one_row_per_subsidised_order_and_adds_up() -> None:
    text = claim_csv(settlement())
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows[0] == list(CLAIM_HEADER)
    assert [row[0] for row in rows[1:]] == ["11", "12", "13"]  # 14 had no subsidy
    assert rows[1][1:6] == ["2026-12-01", "午餐", "王秀兰", "高龄", "红烧肉×1"]
    subsidy = sum(Decimal(row[7]) for row in rows[1:])
    assert subsidy == Decimal("16.60")
    for row in rows[1:]:
        price, *parts = (Decimal(cell) for cell in row[6:])
        assert price == sum(parts)


def test_csv_cells_are_inert() -> None:
    """``=cmd|...``, ``@SUM``, ``+``, ``-`` and a tab come out behind a quote."""
    rows = list(csv.reader(io.StringIO(claim_csv(settlement()).removeprefix(BOM))))
    cells = [cell for row in rows[1:] for cell in row[1:6]]
    assert "'" + EVIL_NAME in cells and "'" + EVIL_DISH in cells
    assert "'+李\t" in cells and "'-1+1" in cells
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_xlsx_holds_no_formula_and_the_same_money() -> None:
    data = claim_xlsx(settlement())
    book = load_workbook(io.BytesIO(data), data_only=False)
    assert book.sheetnames == ["结算汇总", "补贴申领明细"]
    claims = book["补贴申领明细"]
    rows = list(claims.iter_rows(values_only=True))
    assert list(rows[0]) == list(CLAIM_HEADER)
    assert [row[0] for row in rows[1:-1]] == [11, 12, 13]
    assert rows[-1][0] == "合计" and rows[-1][5] == "3单"
    assert Decimal(str(rows[-1][7])) == Decimal("16.60")
    assert rows[1][6] == 12 and Decimal(str(rows[3][6])) == Decimal("12.01")
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert "'" + EVIL_NAME in texts and "'" + EVIL_DISH in texts
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(t.startswith("'=测试食堂") for t in texts)


def test_xlsx_summary_has_every_category_and_the_total() -> None:
    book = load_workbook(io.BytesIO(claim_xlsx(settlement())))
    rows = list(book["结算汇总"].iter_rows(values_only=True))
    labels = [row[0] for row in rows[3:]]
    assert labels == ["低保", "特困", "高龄", "无补贴", "合计"]
    last = rows[-1]
    assert (last[1], last[2]) == (3, 4)  # elders, meals
    assert Decimal(str(last[3])) == Decimal("37.51")


def test_a_control_character_before_a_formula_leaves_it_inert() -> None:
    """The characters xlsx cannot hold are dropped before the formula escape, not after:
    ``\\x0b=HYPERLINK(…)`` stays text in the workbook."""
    from menus.claim_sheet import _text

    assert _text('\x0b=HYPERLINK("http://x","a")') == '\'=HYPERLINK("http://x","a")'
    assert _text(None) == ""


def test_every_csv_cell_is_quoted() -> None:
    """A spreadsheet splitting on ``;`` cannot start a formula inside a cell (张三;=1+1)."""
    lines = claim_csv(settlement()).removeprefix(BOM).splitlines()
    for line in lines:
        assert line.startswith('"') and line.endswith('"'), line
