"""Benchmark: the in-process parser (learned, and its cue rules alone) against Rasa DIET, on
the dev set (tuned on) and the frozen blind set (never looked at), side by side with the gap.

Prints for each backend and set: intent accuracy, full-parse accuracy, entity F1, the
precision of ``remove`` and ``replace_from``, refused dishes returned as wanted; then p50/p99
latency per utterance, start-up time and peak memory of the in-process parser (each backend in
a child process of its own), a reliability table (what a confidence means on the blind set),
and whether the targets of the understanding issue are met. Rasa is measured against a
running server trained on the same ``nlu/data/train_*.yml`` (``nlu/rasa/rasa.sh build && …
train && … serve``).

    .venv/bin/python bench/nlu.py [--rasa-url http://127.0.0.1:5005] [--skip-rasa]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUITES = ("dev", "blind")
TARGETS = {"zh": (0.95, 0.88), "mn": (0.90, 0.80)}


def run_backend(backend: str, rasa_url: str) -> dict[str, Any]:
    """Measure one backend in this process; returns the figures as a dict."""
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from nlu import suites
    from nlu.menu import MenuNames
    from nlu.parser import Parser
    from nlu.rasa_backend import RasaBackend

    latencies: list[float] = []

    class Timed:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def parse(self, text: str, **kwargs: Any) -> dict[str, Any]:
            t0 = time.perf_counter()
            result: dict[str, Any] = self.inner.parse(text, **kwargs)
            latencies.append(time.perf_counter() - t0)
            return result

    def make(menu: MenuNames) -> Any:
        if backend == "rasa":
            return Timed(RasaBackend(rasa_url, menu))
        return Timed(Parser(menu, learned=backend == "inprocess"))

    Parser(MenuNames(()))  # the start-up a process pays once: model and tables loaded
    startup = time.perf_counter() - started
    figures: dict[str, Any] = {"backend": backend, "startup_s": round(startup, 3)}
    for suite in SUITES:
        for lang in ("zh", "mn"):
            report = suites.score(suite, make, lang)
            figures[f"{suite} {lang}"] = report.as_dict()
    latencies.sort()
    figures["p50_ms"] = round(statistics.median(latencies) * 1000, 2)
    figures["p99_ms"] = round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if backend == "rasa":
        figures["peak_rss_mb"] = None
        figures["startup_s"] = None
    return figures


def _rasa_up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=3):
            return True
    except OSError:
        return False


def _print_table(rows: list[dict[str, Any]]) -> None:
    from nlu.suites import ROWS

    for suite in SUITES:
        for lang in ("zh", "mn"):
            key = f"{suite} {lang}"
            print(f"\n{key}{'':22}" + "".join(f"{r['backend']:>14}" for r in rows))
            for label, get in ROWS:
                print(f"  {label:<28}" + "".join(f"{get(r[key])!s:>14}" for r in rows))
    print("\ngap (dev − blind), in-process learned:")
    first = rows[0]
    for lang in ("zh", "mn"):
        dev, blind = first[f"dev {lang}"], first[f"blind {lang}"]
        print(
            f"  {lang}: intent {dev['intent_accuracy'] - blind['intent_accuracy']:+.3f}, "
            f"full parse {dev['full_parse_accuracy'] - blind['full_parse_accuracy']:+.3f}"
        )
    print(f"\n{'':30}" + "".join(f"{r['backend']:>14}" for r in rows))
    for label, field in (
        ("p50 latency (ms)", "p50_ms"),
        ("p99 latency (ms)", "p99_ms"),
        ("start-up (s)", "startup_s"),
        ("peak memory (MB)", "peak_rss_mb"),
    ):
        print(f"  {label:<28}" + "".join(f"{r[field]!s:>14}" for r in rows))
    print("\nreliability on the blind set (confidence band: utterances, intent accuracy):")
    for lang in ("zh", "mn"):
        for band in first[f"blind {lang}"]["reliability"]:
            print(
                f"  {lang} {band['from']:.1f}–{band['to']:.1f}: {band['n']:>5}  "
                f"{band['accuracy']:.3f}"
            )


def _verdict(row: dict[str, Any]) -> list[str]:
    lines = []
    for lang, (intent, full) in TARGETS.items():
        blind = row[f"blind {lang}"]
        met = blind["intent_accuracy"] >= intent and blind["full_parse_accuracy"] >= full
        lines.append(
            f"{lang} intent ≥ {intent} and full parse ≥ {full} on the blind set: "
            f"{'met' if met else 'NOT met'} ({blind['intent_accuracy']}, "
            f"{blind['full_parse_accuracy']})"
        )
    precisions = [
        row[f"blind {lang}"]["roles"].get(role, {}).get("precision", 1.0)
        for lang in ("zh", "mn")
        for role in ("remove", "replace_from")
    ]
    leaked = sum(row[f"blind {lang}"]["refusals_leaked"] for lang in ("zh", "mn"))
    lines.append(
        f"remove/replace_from precision ≥ 0.98: {'met' if min(precisions) >= 0.98 else 'NOT met'}"
        f" (lowest {min(precisions)}); refused dishes returned as wanted: {leaked}"
    )
    fast = row["p99_ms"] <= 5 and row["peak_rss_mb"] <= 150 and row["startup_s"] <= 1
    lines.append(f"p99 ≤ 5 ms, ≤ 150 MB, start-up ≤ 1 s: {'met' if fast else 'NOT met'}")
    return lines


def main() -> None:
    """Run each backend in a child process and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backend", choices=["inprocess", "rules", "rasa"])
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--skip-rasa", action="store_true")
    args = parser.parse_args()
    if args.backend:
        print(json.dumps(run_backend(args.backend, args.rasa_url)))
        return
    backends = ["inprocess", "rules"]
    if not args.skip_rasa:
        if _rasa_up(args.rasa_url):
            backends.append("rasa")
        else:
            print(
                f"Rasa server not reachable at {args.rasa_url}: start it with "
                "nlu/rasa/rasa.sh build && nlu/rasa/rasa.sh train && nlu/rasa/rasa.sh serve"
            )
    rows = []
    for backend in backends:
        out = subprocess.run(
            [sys.executable, __file__, "--backend", backend, "--rasa-url", args.rasa_url],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    sys.path.insert(0, str(ROOT))
    _print_table(rows)
    print("\ntargets (in-process learned, blind set):")
    for line in _verdict(rows[0]):
        print("  " + line)


if __name__ == "__main__":
    main()
