"""The labelled data and the evaluation: held-out test sets stay apart from the training data,
and the parser meets the issue's accuracy targets on them (a regression guard; speed is
measured in bench/nlu.py, not here)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.cli import run
from menus.menufile import read_menu_file
from nlu.data import DATA_DIR, file_today, parse_example, read_examples, training_files
from nlu.entities import INTENTS
from nlu.evaluate import evaluate
from nlu.menu import DishNames, MenuNames
from nlu.parser import Parser

TEST_DIR = DATA_DIR / "test"


def _parser_for(menu_path: Path) -> Parser:
    menu = read_menu_file(menu_path)
    return Parser(
        MenuNames(
            tuple(
                DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl) for d in menu.dishes
            )
        )
    )


def test_annotations_are_parsed_with_exact_spans() -> None:
    """``[两]{...}份[红烧肉]{...}`` becomes plain text with spans on the right characters."""
    example = parse_example(
        '明天要[两]{"entity": "quantity", "value": "2", "group": "1"}份[红烧柔]{"entity": "dish", '
        '"value": "红烧肉", "group": "1"}',
        "order_meal",
    )
    assert example.text == "明天要两份红烧柔"
    assert [
        (e["entity"], e["value"], example.text[e["start"] : e["end"]]) for e in example.entities
    ] == [("quantity", "2", "两"), ("dish", "红烧肉", "红烧柔")]


def test_test_sets_are_large_varied_and_held_out() -> None:
    """≥300 Mandarin and ≥80 Mongolian test utterances, all 21 intents, none in training."""
    zh = read_examples(TEST_DIR / "test_zh.yml")
    mn = read_examples(TEST_DIR / "test_mn.yml")
    assert len(zh) >= 300 and len(mn) >= 80
    assert {e.intent for e in zh} == INTENTS
    assert {e.intent for e in zh + mn} <= INTENTS
    trained = {e.text for path in training_files() for e in read_examples(path)}
    assert not trained & {e.text for e in zh + mn}
    for example in zh + mn:
        for entity in example.entities:
            assert 0 <= entity["start"] < entity["end"] <= len(example.text)


def test_test_menu_is_one_the_training_data_never_saw() -> None:
    """Most test dishes are not demo dishes: a new menu is what the targets are about."""
    demo = {d.name for d in read_menu_file(DATA_DIR.parents[1] / "menus/demo/canteen.yaml").dishes}
    test = {d.name for d in read_menu_file(TEST_DIR / "menu.yaml").dishes}
    assert len(test - demo) >= len(test) // 2


@pytest.mark.parametrize(
    ("name", "intent_min", "full_min"), [("test_zh.yml", 0.90, 0.80), ("test_mn.yml", 0.75, 0.0)]
)
def test_accuracy_targets_on_held_out_data(name: str, intent_min: float, full_min: float) -> None:
    """Mandarin intent ≥ 0.90 and full parse ≥ 0.80; Mongolian intent ≥ 0.75."""
    path = TEST_DIR / name
    today = file_today(path)
    assert today == date(2026, 12, 1)
    parser = _parser_for(TEST_DIR / "menu.yaml")
    report = evaluate(lambda text: parser.parse(text, today=today), read_examples(path))
    assert report.intent_accuracy >= intent_min, report.text()
    assert report.full_accuracy >= full_min, report.text()


def test_cli_parse_reads_one_utterance_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batch use: one JSON line per input line, in order, empty and odd lines included."""
    lines = ["明天中午要两份红烧肉，送到家", "", "😀", "再说一遍", "гар мах хоёр"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    assert run(["nlu", "parse", "--today", "2026-12-01"], out=out) == 0
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["text"] for r in results] == lines
    assert [r["intent"]["name"] for r in results] == [
        "order_meal",
        "out_of_scope",
        "out_of_scope",
        "repeat",
        "order_meal",
    ]
    assert results[0]["entities"][3] == {
        "entity": "dish",
        "value": "红烧肉",
        "start": 7,
        "end": 10,
        "group": 1,
    }


def test_cli_eval_prints_the_figures(tmp_path: Path) -> None:
    """``zhucan nlu eval`` reports accuracy, per-entity precision/recall and confusions."""
    out = io.StringIO()
    assert run(["nlu", "eval", str(TEST_DIR / "test_zh.yml"), "--json"], out=out) == 0
    report = json.loads(out.getvalue())
    assert report["utterances"] >= 300
    assert {"dish", "quantity", "date", "meal"} <= set(report["entities"])
    assert isinstance(report["confusions"], list)
    empty = tmp_path / "empty.yml"
    empty.write_text('version: "3.1"\nnlu: []\n', encoding="utf-8")
    err = io.StringIO()
    assert run(["nlu", "eval", str(empty)], out=io.StringIO(), err=err) == 2
    assert "no examples" in err.getvalue()


def test_a_refusal_leaks_only_when_wanted_more_often_than_said() -> None:
    """爷爷要手把肉，奶奶的不要手把肉: the dish is once wanted and once refused; a parse that wants
    it once is right, one that wants it twice returns a refused dish as wanted."""
    text = "爷爷要手把肉，奶奶的不要手把肉"
    gold = [
        {"entity": "dish", "value": "手把肉", "start": 3, "end": 6},
        {"entity": "dish", "value": "手把肉", "start": 12, "end": 15, "role": "remove"},
    ]
    example = parse_example(text, "order_meal")
    example.entities[:] = gold

    def parse_with(entities: list[dict[str, Any]]) -> Callable[[str], dict[str, Any]]:
        return lambda _: {"intent": {"name": "order_meal"}, "entities": entities}

    right = evaluate(parse_with(gold), [example])
    leaked = evaluate(parse_with([dict(e, role=None) for e in gold]), [example])
    assert right.refusals == 1 and right.refusals_leaked == []
    assert leaked.refusals_leaked == [text]
