"""Reading labelled utterances in Rasa's NLU YAML format (one source for us and for Rasa).

An example line looks like ``明天要[两]{"entity": "quantity", "value": "2", "group": "1"}份``;
the text is the line without the markup, and each annotation becomes an entity with its span.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

_ANNOTATION = re.compile(r"\[([^\]]+)\](\{[^}]*\}|\([^)]*\))")
_TODAY = re.compile(r"#\s*today:\s*(\d{4}-\d{2}-\d{2})")
DATA_DIR = Path(__file__).with_name("data")


@dataclass
class Example:
    """One labelled utterance."""

    text: str
    intent: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def parse_example(line: str, intent: str) -> Example:
    """Strip the markup from an example line and collect its entities."""
    text_parts: list[str] = []
    entities: list[dict[str, Any]] = []
    position = 0
    cursor = 0
    for match in _ANNOTATION.finditer(line):
        before = line[cursor : match.start()]
        text_parts.append(before)
        position += len(before)
        span_text = match.group(1)
        markup = match.group(2)
        if markup.startswith("{"):
            meta = json.loads(markup)
        else:
            meta = {"entity": markup[1:-1].split(":")[0]}
        entity: dict[str, Any] = {
            "entity": meta["entity"],
            "value": str(meta.get("value", span_text)),
            "start": position,
            "end": position + len(span_text),
        }
        if "group" in meta:
            entity["group"] = str(meta["group"])
        if meta.get("role"):
            entity["role"] = str(meta["role"])
        entities.append(entity)
        text_parts.append(span_text)
        position += len(span_text)
        cursor = match.end()
    text_parts.append(line[cursor:])
    return Example("".join(text_parts), intent, entities)


def read_examples(path: str | Path) -> list[Example]:
    """Every example of a Rasa NLU YAML file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    examples = []
    for block in data.get("nlu") or []:
        intent = block.get("intent")
        if not intent:
            continue
        for raw in str(block.get("examples") or "").splitlines():
            line = raw.strip()
            if line.startswith("- "):
                examples.append(parse_example(line[2:].strip(), str(intent)))
    return examples


def file_today(path: str | Path) -> date | None:
    """The ``# today: YYYY-MM-DD`` a data file's dates are relative to."""
    head = Path(path).read_text(encoding="utf-8")[:400]
    match = _TODAY.search(head)
    return date.fromisoformat(match.group(1)) if match else None


def training_files() -> list[Path]:
    """The training data shipped with the package (Mandarin and Mongolian)."""
    return sorted(DATA_DIR.glob("train_*.yml"))
