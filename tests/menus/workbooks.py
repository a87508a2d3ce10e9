"""Excel workbooks made in a test, so that no binary fixture hides what a test reads."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date

from openpyxl import Workbook

NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def workbook(rows: Iterable[Sequence[object]]) -> bytes:
    """A workbook whose one sheet holds ``rows`` from A1, as Excel would save it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    return saved(book)


def saved(book: Workbook) -> bytes:
    """The bytes of ``book`` as a .xlsx file."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def typed(cell: str) -> object:
    """A CSV cell as a person types it into Excel: a number becomes a number, a date a date
    cell, an empty cell nothing."""
    if not cell:
        return None
    if DAY.fullmatch(cell):
        return date.fromisoformat(cell)
    if NUMBER.fullmatch(cell):
        return float(cell) if "." in cell else int(cell)
    return cell


def from_csv(text: str) -> bytes:
    """The workbook a person makes by typing a CSV file's cells into Excel."""
    return workbook([typed(cell) for cell in row] for row in csv.reader(io.StringIO(text)))
