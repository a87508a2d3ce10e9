"""Benchmark: the in-process parser against Rasa DIET on the held-out test sets.

Prints, side by side for each backend: intent accuracy, full-parse accuracy and entity F1 on
the Mandarin and Mongolian test sets, p50/p99 latency per utterance, start-up time and peak
memory. The in-process parser runs in a child process of its own so that its start-up and
peak resident memory are its own. Rasa is measured against a running server
(``nlu/rasa/rasa.sh serve``); its start-up time is read from its own log when available.

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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEST_DIR = ROOT / "nlu" / "data" / "test"
TEST_SETS = {"zh": TEST_DIR / "test_zh.yml", "mn": TEST_DIR / "test_mn.yml"}
MENU = TEST_DIR / "menu.yaml"
RASA_PIDFILE = ROOT / ".rasa" / "server.pid"


def _menu() -> Any:
    sys.path.insert(0, str(ROOT))
    from menus.menufile import read_menu_file
    from nlu.menu import DishNames, MenuNames

    menu_file = read_menu_file(MENU)
    return MenuNames(
        tuple(
            DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl) for d in menu_file.dishes
        )
    )


def run_backend(backend: str, rasa_url: str) -> dict[str, Any]:
    """Measure one backend in this process; returns the figures as a dict."""
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from nlu.data import file_today, read_examples
    from nlu.evaluate import evaluate

    menu = _menu()
    if backend == "inprocess":
        from nlu.parser import Parser

        parser: Any = Parser(menu)
    else:
        from nlu.rasa_backend import RasaBackend

        parser = RasaBackend(rasa_url, menu)
    startup = time.perf_counter() - started
    figures: dict[str, Any] = {"backend": backend, "startup_s": round(startup, 3)}
    latencies: list[float] = []
    for lang, path in TEST_SETS.items():
        examples = read_examples(path)
        today = file_today(path)
        assert today is not None

        def timed(text: str, today: Any = today) -> dict[str, Any]:
            t0 = time.perf_counter()
            result: dict[str, Any] = parser.parse(text, today=today)
            latencies.append(time.perf_counter() - t0)
            return result

        report = evaluate(timed, examples)
        figures[lang] = {
            "n": report.total,
            "intent_accuracy": round(report.intent_accuracy, 4),
            "full_parse_accuracy": round(report.full_accuracy, 4),
            "entity_f1": round(report.entity_f1(), 4),
        }
    latencies.sort()
    figures["p50_ms"] = round(statistics.median(latencies) * 1000, 2)
    figures["p99_ms"] = round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if backend == "rasa":
        figures["peak_rss_mb"] = _rasa_rss_mb()
        figures["startup_s"] = _rasa_startup_s()
    return figures


def _rasa_rss_mb() -> float | None:
    try:
        pid = RASA_PIDFILE.read_text().strip()
        out = subprocess.run(["ps", "-o", "rss=", "-p", pid], capture_output=True, text=True)
        return round(int(out.stdout.strip()) / 1024, 1)
    except (OSError, ValueError):
        return None


def _rasa_startup_s() -> float | None:
    stamp = ROOT / ".rasa" / "serve_seconds"
    try:
        return float(stamp.read_text().strip())
    except (OSError, ValueError):
        return None


def _rasa_up(url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=3):
            return True
    except OSError:
        return False


def main() -> None:
    """Run each backend in a child process and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backend", choices=["inprocess", "rasa"])
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--skip-rasa", action="store_true")
    args = parser.parse_args()
    if args.backend:
        print(json.dumps(run_backend(args.backend, args.rasa_url)))
        return
    backends = ["inprocess"]
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
    print(f"{'':28}" + "".join(f"{r['backend']:>14}" for r in rows))
    lines = [
        ("zh intent accuracy", lambda r: r["zh"]["intent_accuracy"]),
        ("zh full-parse accuracy", lambda r: r["zh"]["full_parse_accuracy"]),
        ("zh entity F1", lambda r: r["zh"]["entity_f1"]),
        ("mn intent accuracy", lambda r: r["mn"]["intent_accuracy"]),
        ("mn full-parse accuracy", lambda r: r["mn"]["full_parse_accuracy"]),
        ("mn entity F1", lambda r: r["mn"]["entity_f1"]),
        ("p50 latency (ms)", lambda r: r["p50_ms"]),
        ("p99 latency (ms)", lambda r: r["p99_ms"]),
        ("start-up (s)", lambda r: r["startup_s"]),
        ("peak memory (MB)", lambda r: r["peak_rss_mb"]),
    ]
    for label, get in lines:
        print(f"{label:<28}" + "".join(f"{get(r)!s:>14}" for r in rows))
    print(f"test sets: zh {rows[0]['zh']['n']} utterances, mn {rows[0]['mn']['n']} utterances")
    inproc = rows[0]
    verdict = (
        inproc["zh"]["intent_accuracy"] >= 0.90
        and inproc["zh"]["full_parse_accuracy"] >= 0.80
        and inproc["mn"]["intent_accuracy"] >= 0.75
        and inproc["p99_ms"] <= 10
        and inproc["peak_rss_mb"] <= 150
        and inproc["startup_s"] <= 1.5
    )
    print(
        f"in-process targets (zh ≥0.90/0.80, mn ≥0.75, p99 ≤10 ms, ≤150 MB, ≤1.5 s): "
        f"{'met' if verdict else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
