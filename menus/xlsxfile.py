"""Menu files as Excel workbooks (.xlsx): the first worksheet, read as the CSV form is.

Canteen staff keep their menus in Excel, and saving a sheet as CSV is where encodings and
quoting go wrong; so a workbook is accepted as it is. Its first row is the header, with the CSV
form's column names, and every cell becomes the text the CSV form would have held (a date cell
``2026-12-01``, a whole number ``12``), so the same checks say the same problems, at the sheet's
own row numbers.

A workbook is a zip of XML parts and can carry formulas, links, macros and passwords, so it is
read as untrusted data: the zip directory is checked first (how many parts, how big they unpack
to: a zip bomb is refused before anything is unpacked), then openpyxl reads it in read-only mode
with formulas kept as formulas. Nothing in it is ever run or worked out: a formula is refused,
saying its cell, because the value staff see in Excel is not what the file holds.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from menus.menuproblems import FILE, Issue, Problem, Where

SUFFIX = ".xlsx"
MAX_UNPACKED_BYTES = 40_000_000
"""What all the parts of a workbook may unpack to: twenty times the file size limit, far more
than a real menu's XML needs, far less than a zip bomb's gigabytes."""
MAX_PARTS = 500
MAX_ROWS = 10_000
"""A year of three meals of a dozen dishes is under 11,000 rows; more is not a menu."""
MAX_COLUMNS = 40
"""The CSV form has 17 columns; a value further right is a sheet that is not a menu."""
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How an OLE compound file starts: a password-protected workbook, or an old .xls one."""
ENCRYPTED_FLAG = 0x1
WORKBOOK_PART = "xl/workbook.xml"


@dataclass
class Table:
    """A worksheet as the CSV reader sees a file: the header, and each row that has anything in
    it under its sheet row number, as text cells."""

    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


class SheetRefused(Exception):
    """The workbook cannot be read as a menu; ``problems`` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def is_xlsx(name: str) -> bool:
    """Whether a file is read as a workbook: by its name, as YAML and CSV are told apart."""
    return name.lower().endswith(SUFFIX)


def read_table(raw: bytes) -> Table:
    """The first worksheet of a workbook as text cells; ``SheetRefused`` when it is not a
    workbook, is encrypted, unpacks too big, is too large, or holds formulas."""
    _check_zip(raw)
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=False, keep_links=False)
    except Exception:  # a broken part raises whatever its parser does: refused, not a crash
        raise SheetRefused([_whole(Issue.XLSX_NOT_WORKBOOK)]) from None
    try:
        if not workbook.worksheets:
            raise SheetRefused([_whole(Issue.XLSX_NOT_WORKBOOK)])
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a false size in the file must not pad rows
        return _table(sheet.iter_rows())
    except SheetRefused:
        raise
    except Exception:  # the sheet's XML is parsed as it is read
        raise SheetRefused([_whole(Issue.XLSX_NOT_WORKBOOK)]) from None
    finally:
        workbook.close()


def _whole(code: Issue, **params: object) -> Problem:
    return Problem(FILE, "", code, params)


def _check_zip(raw: bytes) -> None:
    """Refuse what is not a plain workbook from its zip directory alone, before any part is
    unpacked: an encrypted file, too many parts, parts that unpack past the limit."""
    if raw.startswith(CFB_MAGIC):
        raise SheetRefused([_whole(Issue.XLSX_ENCRYPTED)])
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except Exception:  # BadZipFile, or a directory broken in a way zipfile did not name
        raise SheetRefused([_whole(Issue.XLSX_NOT_ZIP)]) from None
    if any(part.flag_bits & ENCRYPTED_FLAG for part in parts):
        raise SheetRefused([_whole(Issue.XLSX_ENCRYPTED)])
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        size = {"size": f"{unpacked:,}", "parts": len(parts), "limit": f"{MAX_UNPACKED_BYTES:,}"}
        raise SheetRefused([_whole(Issue.XLSX_UNPACKS_TOO_BIG, **size, most=MAX_PARTS)])
    if WORKBOOK_PART not in {part.filename for part in parts}:
        raise SheetRefused([_whole(Issue.XLSX_NOT_WORKBOOK)])


def _table(rows: Iterable[Sequence[object]]) -> Table:
    """The header and the non-empty rows, numbered as the sheet numbers them; every formula
    is a problem, and so is a row or a column past the limits."""
    table = Table()
    formulas: list[Problem] = []
    for number, cells in _numbered(rows):
        formulas += _formulas(number, cells)
        texts = _texts(number, cells)
        if number == 1:
            table.header = _trimmed(texts)
        elif any(texts):
            table.rows.append((number, texts))
    if formulas:
        raise SheetRefused(formulas)
    return table


def _numbered(rows: Iterable[Sequence[object]]) -> Iterator[tuple[int, Sequence[object]]]:
    """Rows with their sheet numbers (openpyxl yields an empty one for each row left out);
    past ``MAX_ROWS`` the sheet is refused, without reading further."""
    for number, cells in enumerate(rows, start=1):
        if number > MAX_ROWS:
            problem = Problem(FILE, "", Issue.XLSX_TOO_MANY_ROWS, {"limit": MAX_ROWS}, number)
            raise SheetRefused([problem])
        yield number, cells


def _formulas(number: int, cells: Sequence[object]) -> list[Problem]:
    """A problem for each cell holding a formula, naming the cell (``E3``)."""
    return [
        Problem(Where("row", number), "", Issue.XLSX_FORMULA, {"cell": _name(number, j)}, number)
        for j, cell in enumerate(cells)
        if getattr(cell, "data_type", None) == "f"
    ]


def _texts(number: int, cells: Sequence[object]) -> list[str]:
    """The row's cells as text, up to the last column allowed; a value past it refuses the
    sheet (a row of empty, formatted cells does not)."""
    values = [getattr(cell, "value", None) for cell in cells]
    for j in range(MAX_COLUMNS, len(values)):
        if values[j] is not None and values[j] != "":
            params = {"cell": _name(number, j), "limit": MAX_COLUMNS}
            raise SheetRefused([Problem(FILE, "", Issue.XLSX_TOO_MANY_COLUMNS, params, number)])
    return [cell_text(value) for value in values[:MAX_COLUMNS]]


def _trimmed(header: list[str]) -> list[str]:
    """The header without the empty cells after its last name."""
    while header and not header[-1]:
        header.pop()
    return header


def _name(number: int, index: int) -> str:
    """A cell's name as Excel shows it: row 3, the fifth column is ``E3``."""
    return f"{get_column_letter(index + 1)}{number}"


def cell_text(value: object) -> str:
    """A cell's value as the text the CSV form holds: ``None`` is an empty cell, a whole
    number is written without ``.0`` (a price typed 12 is read as 12.0), a date cell is
    ``YYYY-MM-DD`` (at midnight, as Excel keeps a date; with a time, it stays a date and time
    and the checks say so)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
