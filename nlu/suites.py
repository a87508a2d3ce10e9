"""The labelled sets the parser is judged on, and scoring a whole set at once.

Why sets and not files: each file was written against its own menu (``# menu: FILE`` in its
head) by its own author, and the figures that matter are per set and language: ``blind`` (frozen
before any tuning, written by authors who never saw the parser; its hash is in
``data/blind/FROZEN``), ``dev`` (tuned on, by other authors) and ``own`` (the older held-out set
written with the parser). Reporting dev beside blind shows how much tuning carried over.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from nlu.data import DATA_DIR, file_today, read_examples
from nlu.evaluate import Report, evaluate
from nlu.menu import MenuNames

SUITES = {"blind": DATA_DIR / "blind", "dev": DATA_DIR / "dev", "own": DATA_DIR / "test"}
"""Where each set's files live: ``*_zh*.yml`` and ``*_mn*.yml`` with their menus beside."""

FROZEN = DATA_DIR / "blind" / "FROZEN"
_MENU_LINE = re.compile(r"#\s*menu:\s*(\S+)")

ParserFactory = Callable[[MenuNames], Any]


@dataclass(frozen=True)
class LabelledFile:
    """One author's file: its examples, the day they are relative to, and their menu."""

    path: Path
    lang: str
    today: date
    menu: Path


def menu_of(path: Path) -> Path:
    """The menu a data file was written against: ``# menu: FILE`` in its head, else the
    ``menu.yaml`` beside it."""
    head = path.read_text(encoding="utf-8")[:400]
    match = _MENU_LINE.search(head)
    return path.parent / (match.group(1) if match else "menu.yaml")


def files(suite: str) -> list[LabelledFile]:
    """The files of a set, Mandarin and Mongolian, in a stable order."""
    folder = SUITES[suite]
    found = []
    for path in sorted(folder.glob("*.yml")):
        lang = "mn" if "_mn" in path.stem else "zh"
        found.append(LabelledFile(path, lang, file_today(path) or date(2026, 12, 1), menu_of(path)))
    return found


def read_menu_names(path: Path) -> MenuNames:
    """Only the names of a menu file's dishes (what the parser needs), read without the store."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return MenuNames.from_dicts(list(data.get("dishes") or []))


def score(suite: str, make_parser: ParserFactory, lang: str) -> Report:
    """One report over every file of the set in that language, each with its own menu."""
    parsers: dict[Path, Any] = {}
    total = Report()
    for labelled in files(suite):
        if labelled.lang != lang:
            continue
        if labelled.menu not in parsers:
            parsers[labelled.menu] = make_parser(read_menu_names(labelled.menu))
        parser, today = parsers[labelled.menu], labelled.today

        def parse(text: str, parser: Any = parser, today: date = today) -> dict[str, Any]:
            result: dict[str, Any] = parser.parse(text, today=today)
            return result

        total.merge(evaluate(parse, read_examples(labelled.path)))
    return total


def fingerprint(suite: str = "blind") -> str:
    """SHA-256 over the set's files (names and bytes, in order): what ``FROZEN`` records."""
    digest = hashlib.sha256()
    for path in sorted(SUITES[suite].glob("*.y*ml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


ROWS: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("utterances", lambda d: d["utterances"]),
    ("intent accuracy", lambda d: d["intent_accuracy"]),
    ("full-parse accuracy", lambda d: d["full_parse_accuracy"]),
    ("entity F1", lambda d: d["entity_f1"]),
    ("remove precision", lambda d: d["roles"].get("remove", {}).get("precision", "-")),
    ("replace_from precision", lambda d: d["roles"].get("replace_from", {}).get("precision", "-")),
    ("refused dish as wanted", lambda d: f"{d['refusals_leaked']}/{d['refusals']}"),
)


def side_by_side(figures: dict[str, dict[str, Any]]) -> str:
    """A table: one column per set and language, and dev − blind where both were scored."""
    columns = list(figures)
    for lang in ("zh", "mn"):
        if f"dev {lang}" in figures and f"blind {lang}" in figures:
            columns.append(f"gap {lang}")
    lines = [f"{'':26}" + "".join(f"{c:>14}" for c in columns)]
    for label, get in ROWS:
        cells = []
        for column in columns:
            if column.startswith("gap"):
                lang = column.split()[1]
                dev, blind = get(figures[f"dev {lang}"]), get(figures[f"blind {lang}"])
                numeric = isinstance(dev, float) and isinstance(blind, float)
                cells.append(f"{dev - blind:+.3f}" if numeric else "")
            else:
                cells.append(str(get(figures[column])))
        lines.append(f"{label:<26}" + "".join(f"{c:>14}" for c in cells))
    return "\n".join(lines)
