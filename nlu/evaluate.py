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
from nlu.entities import REFUSED_ROLES

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
    role_tp: Counter[str] = field(default_factory=Counter)
    role_fp: Counter[str] = field(default_factory=Counter)
    role_fn: Counter[str] = field(default_factory=Counter)
    refusals: int = 0
    refusals_leaked: list[str] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)

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

    def merge(self, other: Report) -> None:
        """Add another report's counts (one set scored file by file, each with its menu)."""
        self.total += other.total
        self.intent_correct += other.intent_correct
        self.full_correct += other.full_correct
        self.refusals += other.refusals
        for mine, theirs in (
            (self.entity_tp, other.entity_tp),
            (self.entity_fp, other.entity_fp),
            (self.entity_fn, other.entity_fn),
            (self.role_tp, other.role_tp),
            (self.role_fp, other.role_fp),
            (self.role_fn, other.role_fn),
        ):
            mine.update(theirs)
        self.confusions.update(other.confusions)
        self.errors += other.errors
        self.refusals_leaked += other.refusals_leaked
        self.confidences += other.confidences

    def role_precision(self, role: str) -> float:
        found = self.role_tp[role] + self.role_fp[role]
        return self.role_tp[role] / found if found else 1.0

    def role_recall(self, role: str) -> float:
        wanted = self.role_tp[role] + self.role_fn[role]
        return self.role_tp[role] / wanted if wanted else 1.0

    def reliability(self, bins: int = 5) -> list[dict[str, float]]:
        """Intent accuracy per band of reported confidence: what a confidence means."""
        rows = []
        for b in range(bins):
            low, high = b / bins, (b + 1) / bins
            inside = [
                ok for c, ok in self.confidences if low <= c < high or (b == bins - 1 and c == 1.0)
            ]
            if inside:
                rows.append(
                    {
                        "from": low,
                        "to": high,
                        "n": len(inside),
                        "accuracy": round(sum(inside) / len(inside), 3),
                    }
                )
        return rows

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
            "roles": {
                r: {
                    "precision": round(self.role_precision(r), 4),
                    "recall": round(self.role_recall(r), 4),
                    "support": self.role_tp[r] + self.role_fn[r],
                }
                for r in sorted(set(self.role_tp) | set(self.role_fp) | set(self.role_fn))
            },
            "refusals": self.refusals,
            "refusals_leaked": len(self.refusals_leaked),
            "reliability": self.reliability(),
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
        for role, figures in self.as_dict()["roles"].items():
            lines.append(
                f"  role {role:<11}{figures['precision']:>9.3f}{figures['recall']:>8.3f}"
                f"{figures['support']:>9}"
            )
        lines.append(
            f"refused dishes returned as wanted: {len(self.refusals_leaked)} of {self.refusals}"
            " utterances with a refusal"
        )
        lines.append("reliability (confidence band: n, intent accuracy):")
        for row in self.reliability():
            lines.append(
                f"  {row['from']:.1f}–{row['to']:.1f}: {row['n']:>5}  {row['accuracy']:.3f}"
            )
        lines.append("confusions (expected → predicted: count):")
        for (expected, predicted), count in self.confusions.most_common(25):
            lines.append(f"  {expected} → {predicted}: {count}")
        return "\n".join(lines)


def _values(entities: Iterable[dict[str, Any]]) -> Counter[tuple[str, str, str]]:
    """(entity, value, role) of each entity: a refused dish is not the same as a wanted one."""
    return Counter((str(e["entity"]), str(e["value"]), str(e.get("role") or "")) for e in entities)


def _pairs(entities: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(dish, quantity) for every group; a dish without a quantity pairs with '', or with the
    quantity said for every dish (各一份)."""
    groups: dict[str, dict[str, str]] = {}
    each = next((str(e["value"]) for e in entities if e.get("role") == "each"), "")
    for e in entities:
        if e.get("group") is not None and e["entity"] in ("dish", "quantity"):
            groups.setdefault(str(e["group"]), {})[e["entity"]] = str(e["value"])
    return {(g.get("dish", ""), g.get("quantity", each)) for g in groups.values()}


def _refused_but_wanted(gold: list[dict[str, Any]], got: list[dict[str, Any]]) -> bool:
    """A dish the person refused or swapped away that the parse returns as wanted more often
    than the person wanted it (爷爷要手把肉，奶奶的不要手把肉: once wanted, once refused; the
    parse leaks only if it wants it twice)."""
    refused = {
        str(e["value"]) for e in gold if e["entity"] == "dish" and e.get("role") in REFUSED_ROLES
    }

    def wanted(entities: list[dict[str, Any]], dish: str) -> int:
        return sum(
            1
            for e in entities
            if e["entity"] == "dish"
            and str(e["value"]) == dish
            and e.get("role") not in REFUSED_ROLES
        )

    return any(wanted(got, dish) > wanted(gold, dish) for dish in refused)


def evaluate(parse: ParseFn, examples: Iterable[Example]) -> Report:
    """Run the parser over labelled examples and count what it got right."""
    report = Report()
    for example in examples:
        result = parse(example.text)
        predicted_intent = str(result["intent"]["name"])
        report.total += 1
        intent_ok = predicted_intent == example.intent
        report.confidences.append((float(result["intent"].get("confidence", 0.0)), intent_ok))
        if intent_ok:
            report.intent_correct += 1
        else:
            report.confusions[(example.intent, predicted_intent)] += 1
        gold, got = _values(example.entities), _values(result["entities"])
        for key in gold | got:
            kind, role = key[0], key[2]
            hit = min(gold[key], got[key])
            report.entity_tp[kind] += hit
            report.entity_fn[kind] += gold[key] - hit
            report.entity_fp[kind] += got[key] - hit
            if role:
                report.role_tp[role] += hit
                report.role_fp[role] += got[key] - hit
                report.role_fn[role] += gold[key] - hit
        if any(e.get("role") in REFUSED_ROLES and e["entity"] == "dish" for e in example.entities):
            report.refusals += 1
            if _refused_but_wanted(example.entities, result["entities"]):
                report.refusals_leaked.append(example.text)
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
