"""The subsidy claim sheet (补贴申领明细) of a settlement as files for the civil-affairs office:
CSV and Excel (.xlsx, written with openpyxl).

One row per order that carries a subsidy (order id, date, meal, the elder's name only, the
category, the dishes and every part of the money in yuan), so each fen claimed is tied to an
order. The workbook also has the month's summary per category on a first sheet.

Both files are opened in spreadsheets, and names and dishes come from files and people, so
every text cell is escaped as OWASP recommends against formula injection (``csv_cell``: a
cell starting with ``= + - @``, tab or CR gets a leading ``'``); the workbook holds no formula
at all (its totals are written as values), and money cells are numbers, which cannot be one.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from menus.settlement import CategoryRow, Meal, Money, Settlement, category_label, total
from menus.text import CSV_QUOTING, csv_cell
from menus.vocab import MealSlot, label_zh

CLAIM_HEADER = (
    "订单号", "日期", "餐次", "老人", "补贴类别", "菜品",
    "餐费(元)", "补贴(元)", "消费券(元)", "孝心卡(元)", "爱心卡(元)", "当日付(元)",
)  # fmt: skip
SUMMARY_HEADER = (
    "老人类别", "人数", "餐次", "餐费(元)", "补贴(元)", "消费券(元)", "孝心卡(元)",
    "爱心卡(元)", "当日付(元)",
)  # fmt: skip
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"
"""Excel and WPS read a CSV without it in the local code page, and the Chinese is lost."""


def yuan(fen: int) -> str:
    """Fen as yuan with two decimals, exactly: 1230 → ``12.30``."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), 100)
    return f"{sign}{whole}.{part:02d}"


def _amounts(money: Money) -> list[int]:
    return [
        money.price_fen,
        money.subsidy_fen,
        money.voucher_fen,
        money.family_card_fen,
        money.charity_card_fen,
        money.paid_on_day_fen,
    ]


def _meal_word(code: str) -> str:
    try:
        return label_zh(MealSlot(code))
    except ValueError:
        return code


def claim_texts(meal: Meal) -> list[str]:
    """The words of one claim row (before escaping): date, meal, elder, category, dishes."""
    return [
        meal.day.isoformat(),
        _meal_word(meal.meal),
        meal.elder,
        category_label(meal.category),
        meal.dishes,
    ]


def claim_csv(settlement: Settlement) -> str:
    """The claim sheet as CSV (with a BOM, so spreadsheets read the Chinese): the header,
    one row per subsidised order, amounts in yuan."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=CSV_QUOTING)
    writer.writerow(CLAIM_HEADER)
    for meal in settlement.claims:
        texts = [csv_cell(text) for text in claim_texts(meal)]
        writer.writerow([meal.order_id, *texts, *map(yuan, _amounts(meal.money))])
    return BOM + out.getvalue()


def _text(value: object) -> str:
    """A text cell for the workbook: without the control characters that the xlsx format
    cannot hold, then formula-escaped (in that order: ``\x0b=HYPERLINK(…)`` would start with
    ``=`` once its control character is gone)."""
    return csv_cell(ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value)))


def _money_cells(sheet: Worksheet, row: int, first_column: int) -> None:
    for column in range(first_column, sheet.max_column + 1):
        sheet.cell(row=row, column=column).number_format = "0.00"


def _yuan_value(fen: int) -> Decimal:
    return Decimal(fen) / 100


def _summary_line(row: CategoryRow) -> list[object]:
    return [_text(row.label), row.elders, row.meals, *map(_yuan_value, _amounts(row.money))]


def claim_xlsx(settlement: Settlement) -> bytes:
    """The workbook: 结算汇总 (the rows per category and their total) and 补贴申领明细 (one
    row per subsidised order and a total row); values only, every text cell escaped."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "结算汇总"
    month = f"{settlement.month.year}年{settlement.month.month}月"
    summary.append([_text(f"{settlement.canteen_name} {month} 助餐结算汇总")])
    summary.append([_text("只计已完成的订单；每笔订单只计入它享受补贴的类别。")])
    summary.append(list(SUMMARY_HEADER))
    for row in [*settlement.rows, settlement.total]:
        summary.append(_summary_line(row))
        _money_cells(summary, summary.max_row, 4)
    claims = book.create_sheet("补贴申领明细")
    claims.append(list(CLAIM_HEADER))
    for meal in settlement.claims:
        texts = [_text(text) for text in claim_texts(meal)]
        claims.append([meal.order_id, *texts, *map(_yuan_value, _amounts(meal.money))])
        _money_cells(claims, claims.max_row, 7)
    claimed = total(m.money for m in settlement.claims)
    count = f"{len(settlement.claims)}单"
    claims.append(["合计", "", "", "", "", count, *map(_yuan_value, _amounts(claimed))])
    _money_cells(claims, claims.max_row, 7)
    for sheet in (summary, claims):
        for cell in sheet[1 if sheet is claims else 3]:
            cell.font = Font(bold=True)
    book.properties.title = _text(f"{settlement.canteen_code} {settlement.month:%Y-%m} 补贴申领")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
