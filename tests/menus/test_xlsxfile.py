"""Menu files as Excel workbooks: the first sheet reads as the CSV form does, at the sheet's
row numbers; what cannot be read safely (not a zip, not a workbook, encrypted, a zip bomb, too
many rows or columns, a formula) is refused with a problem said in English and Mandarin."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

import menus.xlsxfile
from menus.menufile import MenuFile, MenuFileError, parse_menu_bytes, read_menu_file
from menus.menuproblems import Issue
from menus.xlsxfile import CFB_MAGIC, MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED_BYTES, cell_text
from tests.menus.test_menufile import HAND_CSV, MINI_CSV, TODAY
from tests.menus.workbooks import from_csv, saved, workbook

HEADER = ["canteen", "date", "meal", "dish", "price"]


def _refusal(raw: bytes, name: str = "m.xlsx") -> MenuFileError:
    with pytest.raises(MenuFileError) as caught:
        parse_menu_bytes(raw, name, today=TODAY)
    return caught.value


def _codes(error: MenuFileError) -> list[Issue]:
    return [problem.code for problem in error.problems]


# ------------------------------------------------------------------------- valid workbooks


@pytest.mark.parametrize("text", [HAND_CSV, MINI_CSV], ids=["hand", "mini"])
def test_a_workbook_typed_from_a_csv_file_is_the_same_menu(text: str) -> None:
    """Numbers typed as numbers (12 read back as 12.0), dates as date cells, empty cells as
    nothing: the same MenuFile as the CSV file, the columns it leaves out kept alike."""
    from_sheet = parse_menu_bytes(from_csv(text), "menu.xlsx", today=TODAY)
    assert from_sheet == parse_menu_bytes(text.encode(), "menu.csv", today=TODAY)
    assert from_sheet.dishes[0].kept == parse_menu_bytes(text.encode(), "m.csv").dishes[0].kept


def test_read_menu_file_reads_a_workbook_from_disk(tmp_path: Path) -> None:
    """The command line's path: the suffix decides, in any case."""
    path = tmp_path / "week.XLSX"
    path.write_bytes(from_csv(MINI_CSV))
    assert read_menu_file(path) == parse_menu_bytes(MINI_CSV.encode(), "m.csv")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (12.0, "12"),
        (12, "12"),
        (1.5, "1.5"),
        (38.7, "38.7"),
        (True, "TRUE"),
        (date(2026, 12, 1), "2026-12-01"),
        (datetime(2026, 12, 1), "2026-12-01"),
        (datetime(2026, 12, 1, 9, 30), "2026-12-01 09:30:00"),
        (time(9, 30), "09:30:00"),
        ("红烧肉", "红烧肉"),
    ],
)
def test_a_cell_becomes_the_text_the_csv_form_holds(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_a_date_cell_is_the_menus_date() -> None:
    raw = workbook([HEADER, ["xinhua", date(2026, 12, 3), "lunch", "米饭", 1.5]])
    (menu,) = parse_menu_bytes(raw, "m.xlsx", today=TODAY).menus
    assert menu.date == date(2026, 12, 3)


def test_a_date_cell_with_a_time_is_not_a_date() -> None:
    raw = workbook([HEADER, ["xinhua", datetime(2026, 12, 3, 11, 30), "lunch", "米饭", 1.5]])
    (problem,) = _refusal(raw).problems
    assert problem.render("m.xlsx") == (
        "m.xlsx:2 menus[0].date: '2026-12-03 11:30:00' is not a date like 2026-12-01"
    )


def test_only_the_first_sheet_is_read() -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    for row in (HEADER, ["xinhua", "2026-12-01", "lunch", "米饭", 1.5]):
        first.append(row)
    book.create_sheet("notes").append(["=SUM(1,2)", "not a menu"])
    (menu,) = parse_menu_bytes(saved(book), "m.xlsx").menus
    assert menu.dishes == ["米饭"]


def test_blank_rows_are_skipped_and_problems_say_the_sheet_row() -> None:
    """Staff leave blank rows between days; a problem names the row Excel shows."""
    rows: list[list[object]] = [
        HEADER,
        ["xinhua", "2026-12-01", "lunch", "红烧肉", 12],
        [],
        [None, None],
        ["xinhua", "2026-12-01", "lunch", "米饭", -1],
        ["xinhua", "2026-12-02", "lunch", "米饭", -1, "extra"],
    ]
    error = _refusal(workbook(rows))
    assert error.lines("en") == [
        "m.xlsx:6 row 6: has more cells than the header",
        "m.xlsx:5 dishes[1] (米饭).price: must not be negative",
    ]
    assert error.lines("zh") == [
        "m.xlsx 第6行：第6行的格子比表头多。",
        "m.xlsx 第5行：dishes[1]（米饭）的价格不能是负数。",
    ]


# ------------------------------------------------------------------------- refused workbooks


def test_a_formula_is_refused_naming_its_cell_and_is_never_worked_out() -> None:
    rows: list[list[object]] = [
        HEADER,
        ["xinhua", "2026-12-01", "lunch", "红烧肉", "=10+2"],
        ["xinhua", "2026-12-01", "lunch", "米饭", 1.5],
        ["xinhua", "2026-12-01", "lunch", '=WEBSERVICE("http://x")', "=E2/8"],
    ]
    error = _refusal(workbook(rows))
    assert error.lines("en") == [
        "m.xlsx:2 row 2: cell E2 holds a formula; type the value itself (formulas are not "
        "worked out)",
        "m.xlsx:4 row 4: cell D4 holds a formula; type the value itself (formulas are not "
        "worked out)",
        "m.xlsx:4 row 4: cell E4 holds a formula; type the value itself (formulas are not "
        "worked out)",
    ]
    assert (
        error.lines("zh")[0]
        == "m.xlsx 第2行：第2行的E2格是公式，请直接填写数值（公式不会被计算）。"
    )


def test_a_damaged_workbook_is_refused() -> None:
    raw = from_csv(MINI_CSV)
    assert _codes(_refusal(raw[: len(raw) // 2])) == [Issue.XLSX_NOT_ZIP]
    assert _codes(_refusal(b"canteen,date\n")) == [Issue.XLSX_NOT_ZIP]
    (problem,) = _refusal(b"canteen,date\n").problems
    assert problem.render("m.xlsx", "zh") == (
        "m.xlsx：文件不是 Excel 表格（.xlsx），请在 Excel 里另存为 .xlsx 再发。"
    )


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _parts(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_zip_that_is_not_a_workbook_is_refused() -> None:
    assert _codes(_refusal(_zip({"word/document.xml": b"<w/>"}))) == [Issue.XLSX_NOT_WORKBOOK]
    broken = _parts(from_csv(MINI_CSV)) | {"xl/worksheets/sheet1.xml": b"<worksheet><row"}
    assert _codes(_refusal(_zip(broken))) == [Issue.XLSX_NOT_WORKBOOK]


def test_an_encrypted_or_old_workbook_is_refused() -> None:
    """Excel saves a password-protected workbook as an OLE compound file, as it saved .xls."""
    assert _codes(_refusal(CFB_MAGIC + bytes(600))) == [Issue.XLSX_ENCRYPTED]
    raw = bytearray(_zip({"xl/workbook.xml": b"<workbook/>"}))
    for at in (6, raw.rindex(b"PK\x01\x02") + 8):  # the flag bits, in the local and central headers
        raw[at] |= 0x1
    error = _refusal(bytes(raw))
    assert _codes(error) == [Issue.XLSX_ENCRYPTED]
    assert error.lines("zh") == [
        "m.xlsx：文件设了密码，或者是旧的 .xls 表格，请去掉密码、另存为 .xlsx 再发。"
    ]


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A few hundred kilobytes that unpack to more than the limit: refused from the zip
    directory alone; openpyxl never opens it."""
    bomb = _parts(from_csv(MINI_CSV)) | {"xl/media/image1.png": bytes(MAX_UNPACKED_BYTES)}
    raw = _zip(bomb)
    assert len(raw) < 200_000

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(menus.xlsxfile, "load_workbook", never)
    (problem,) = _refusal(raw).problems
    assert problem.code == Issue.XLSX_UNPACKS_TOO_BIG
    assert problem.render("m.xlsx").startswith("m.xlsx file: unpacks to 40,0")
    assert problem.render("m.xlsx").endswith("the limit is 40,000,000 bytes in 500 parts")
    assert "解压后太大了" in problem.render("m.xlsx", "zh")


def test_more_than_the_rows_allowed_is_refused_without_reading_on() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.cell(row=1_000_000, column=1, value="xinhua")
    (problem,) = _refusal(saved(book)).problems
    assert (problem.code, problem.line) == (Issue.XLSX_TOO_MANY_ROWS, MAX_ROWS + 1)
    assert problem.render("m.xlsx") == f"m.xlsx:{MAX_ROWS + 1} file: has more than 10000 rows"


@pytest.mark.parametrize(("column", "cell"), [(MAX_COLUMNS + 1, "AO2"), (16_384, "XFD2")])
def test_a_value_past_the_columns_allowed_is_refused(column: int, cell: str) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["xinhua", "2026-12-01", "lunch", "米饭", 1.5])
    sheet.cell(row=2, column=column, value="note")
    sheet.cell(row=3, column=column + 5)  # formatted, empty: not a value
    (problem,) = _refusal(saved(book)).problems
    assert problem.render("m.xlsx") == (
        f"m.xlsx:2 file: has a value in cell {cell}, past the first {MAX_COLUMNS} columns"
    )
    assert problem.render("m.xlsx", "zh") == (
        f"m.xlsx 第2行：文件的{cell}格里有内容，超出了前{MAX_COLUMNS}列，请删掉多余的列。"
    )


def test_an_empty_sheet_is_an_empty_file() -> None:
    assert _codes(_refusal(workbook([]))) == [Issue.EMPTY]
    assert _codes(_refusal(b"")) == [Issue.EMPTY]


def test_the_size_limit_is_the_one_for_every_menu_file() -> None:
    assert _codes(_refusal(b"PK" + bytes(2_000_000))) == [Issue.FILE_TOO_BIG]


VALID = from_csv(MINI_CSV)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), max_size=8))
def test_a_workbook_with_any_bytes_changed_is_a_menu_or_problems(
    changes: list[tuple[int, int]],
) -> None:
    """Whatever a damaged or hostile file holds, the answer is a menu or a list of problems,
    never an exception of another kind."""
    raw = bytearray(VALID)
    for at, byte in changes:
        raw[at] = byte
    try:
        result = parse_menu_bytes(bytes(raw), "m.xlsx")
    except MenuFileError as refused:
        assert refused.problems
    else:
        assert isinstance(result, MenuFile)
