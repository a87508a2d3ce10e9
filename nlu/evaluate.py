"""Scoring the parser on labelled utterances: intent accuracy, per-entity precision and recall,
full-parse accuracy (intent and every entity right, dishes paired with their quantities), and
which intents get confused with which.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from nlu.data import Example

ParseFn = Callable[[str], dict[str, Any]]


@dataclass
class Report:
    """Evaluation figures for one test set."""

    total: int = 0
    intent_correct: int = 0
    full_correct: int = 0
    entity_tp: Counter[str] = field(default_factory=Counter)
    entity_fp: Counter[str] = field(default_factory=Counter)
    entity_fn: Counter[str] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return self.intent_correct / self.total if self.total else 0.0

    @property
    def full_accuracy(self) -> float:
        return self.full_correct / self.total if self.total else 0.0

    def precision(self, entity: str) -> float:
        found = self.entity_tp[entity] + self.entity_fp[entity]
        return self.entity_tp[entity] / found if found else 1.0

    def recall(self, entity: str) -> float:
        wanted = self.entity_tp[entity] + self.entity_fn[entity]
        return self.entity_tp[entity] / wanted if wanted else 1.0

    def entity_f1(self) -> float:
        """Micro-averaged F1 over all entity types."""
        tp = sum(self.entity_tp.values())
        fp = sum(self.entity_fp.values())
        fn = sum(self.entity_fn.values())
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        kinds = sorted(set(self.entity_tp) | set(self.entity_fp) | set(self.entity_fn))
        return {
            "utterances": self.total,
            "intent_accuracy": round(self.intent_accuracy, 4),
            "full_parse_accuracy": round(self.full_accuracy, 4),
            "entity_f1": round(self.entity_f1(), 4),
            "entities": {
                k: {
                    "precision": round(self.precision(k), 4),
                    "recall": round(self.recall(k), 4),
                    "support": self.entity_tp[k] + self.entity_fn[k],
                }
                for k in kinds
            },
            "confusions": [
                {"expected": e, "predicted": p, "count": n}
                for (e, p), n in self.confusions.most_common()
            ],
        }

    def text(self) -> str:
        """The figures as people read them."""
        lines = [
            f"utterances: {self.total}",
            f"intent accuracy: {self.intent_accuracy:.3f}",
            f"full-parse accuracy: {self.full_accuracy:.3f}",
            f"entity F1 (micro): {self.entity_f1():.3f}",
            "entity            precision  recall  support",
        ]
        for kind, figures in self.as_dict()["entities"].items():
            lines.append(
                f"  {kind:<16}{figures['precision']:>9.3f}{figures['recall']:>8.3f}"
                f"{figures['support']:>9}"
            )
        lines.append("confusions (expected → predicted: count):")
        for (expected, predicted), count in self.confusions.most_common(25):
            lines.append(f"  {expected} → {predicted}: {count}")
        return "\n".join(lines)


def _values(entities: Iterable[dict[str, Any]]) -> Counter[tuple[str, str]]:
    return Counter((str(e["entity"]), str(e["value"])) for e in entities)


def _pairs(entities: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(dish, quantity) for every group; a dish without a quantity pairs with ''."""
    groups: dict[str, dict[str, str]] = {}
    for e in entities:
        if e.get("group") is not None and e["entity"] in ("dish", "quantity"):
            groups.setdefault(str(e["group"]), {})[e["entity"]] = str(e["value"])
    return {(g.get("dish", ""), g.get("quantity", "")) for g in groups.values()}


def evaluate(parse: ParseFn, examples: Iterable[Example]) -> Report:
    """Run the parser over labelled examples and count what it got right."""
    report = Report()
    for example in examples:
        result = parse(example.text)
        predicted_intent = str(result["intent"]["name"])
        report.total += 1
        intent_ok = predicted_intent == example.intent
        if intent_ok:
            report.intent_correct += 1
        else:
            report.confusions[(example.intent, predicted_intent)] += 1
        gold, got = _values(example.entities), _values(result["entities"])
        for kind, value in gold | got:
            hit = min(gold[(kind, value)], got[(kind, value)])
            report.entity_tp[kind] += hit
            report.entity_fn[kind] += gold[(kind, value)] - hit
            report.entity_fp[kind] += got[(kind, value)] - hit
        pairs_ok = _pairs(example.entities) == _pairs(result["entities"])
        if intent_ok and gold == got and pairs_ok:
            report.full_correct += 1
        else:
            report.errors.append(
                {
                    "text": example.text,
                    "expected": {"intent": example.intent, "entities": sorted(gold)},
                    "predicted": {"intent": predicted_intent, "entities": sorted(got)},
                }
            )
    return report
