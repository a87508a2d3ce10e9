"""A menu file's problems as codes: every one is said in Mandarin and in English; Mandarin says
it plainly, with no English sentence in it; English is, word for word, what the command line
has always printed; the refusal itself keeps that English list."""

from __future__ import annotations

import re
from datetime import date

import pytest

from menus.catalogue import entries, say
from menus.menufile import MenuFileError, parse_menu_bytes
from menus.menuproblems import Issue, Problem, Where
from tests.menus.test_menufile import MALFORMED, MINI, MINI_CSV, TODAY

FRAME = {
    "menufile_problem", "menufile_at", "menufile_at_line", "menufile_of", "menufile_labelled",
    "menufile_entry", "menufile_row", "menufile_part", "menufile_field", "menufile_kind",
}  # fmt: skip
"""The messages that put a problem's line together; every other one says an ``Issue``."""

FILE_WORDS = {
    "canteen", "dishes", "menus", "dine_in", "pickup", "delivery", "breakfast", "lunch",
    "dinner", "name", "price", "date", "meal", "cutoff", "days_before", "serve", "HH", "MM",
    "low_salt", "UTF", "YAML", "CSV", "NUL", "N",
}  # fmt: skip
"""The Latin words a Mandarin line may hold: the file's own keys and values, formats' names."""


def _refusal(text: str, name: str = "menu.yaml", today: date | None = TODAY) -> MenuFileError:
    with pytest.raises(MenuFileError) as caught:
        parse_menu_bytes(text.encode("utf-8"), name, today=today)
    return caught.value


def test_every_issue_is_said_in_mandarin_and_in_english() -> None:
    said = {key for key, entry in entries("zh").items() if entry.area == "menufile"}
    assert said - FRAME == {issue.key for issue in Issue}  # none missing, none left over
    assert said <= set(entries("en"))


def test_mandarin_says_where_and_what_plainly() -> None:
    error = _refusal(MINI.replace("price: 1.5", "price: -1.5"))
    (problem,) = error.problems
    assert (
        problem.render("menu.yaml", "zh") == "menu.yaml 第8行：dishes[1]（米饭）的价格不能是负数。"
    )
    assert problem.render("menu.yaml") == "menu.yaml:8 dishes[1] (米饭).price: must not be negative"


@pytest.mark.parametrize(
    ("text", "name", "mandarin"),
    [
        ("", "m.yaml", "m.yaml：文件是空的。"),
        (
            MINI.replace("{name: 米饭, price: 1.5}", "{name: 米饭}"),
            "m.yaml",
            "m.yaml 第8行：dishes[1]（米饭）的价格没有填。",
        ),
        (
            MINI.replace("meal: lunch", "meal: supper"),
            "m.yaml",
            "m.yaml 第10行：menus[0]的餐次是“supper”，不对，只能是：breakfast, lunch, dinner。",
        ),
        (
            MINI.replace("dishes: [红烧肉, 米饭]", "dishes: [红烧五花肉, 米饭]"),
            "m.yaml",
            "m.yaml 第10行：menus[0]（2026-12-01 lunch）的dishes[0]是“红烧五花肉”，"
            "这是别名，请写“红烧肉”。",
        ),
        (
            MINI.replace("tags: [pork]", "tags: {pork: 1}"),
            "m.yaml",
            "m.yaml 第7行：dishes[0]（红烧肉）的标签应该是列表，不能是“名称: 值”的写法。",
        ),
        (
            MINI_CSV.replace("lunch,米饭,1.5", "lunch,米饭"),
            "m.csv",
            "m.csv 第3行：第3行的格子比表头少。",
        ),
        (
            MINI_CSV.replace("canteen,", "kantine,"),
            "m.csv",
            "m.csv 第1行：表头缺少这几列：canteen。",
        ),
    ],
    ids=["empty", "missing", "not one of", "alias", "kind", "csv row", "csv header"],
)
def test_mandarin_lines(text: str, name: str, mandarin: str) -> None:
    assert [p.render(name, "zh") for p in _refusal(text, name).problems][:1] == [mandarin]


def _latin_words(problem: Problem, file: str) -> set[str]:
    """The Latin words of the problem's Mandarin line that are not the file's own text."""
    line = problem.render(file, "zh")
    for text in [file, problem.field, problem.where.label, *map(str, problem.params.values())]:
        line = line.replace(text, " ") if text else line
    return set(re.findall(r"[A-Za-z][A-Za-z_]*", line))


@pytest.mark.parametrize("case", MALFORMED, ids=[case[0] for case in MALFORMED])
def test_mandarin_has_no_english_sentence(case: tuple[str, str, bytes, str]) -> None:
    """Whatever is wrong, a Mandarin reader gets no English sentence ('is missing', 'must
    not be negative'): the only Latin words are the file's own keys and values."""
    _, name, raw, _ = case
    with pytest.raises(MenuFileError) as caught:
        parse_menu_bytes(raw, name, today=TODAY)
    for problem in caught.value.problems:
        assert _latin_words(problem, name) <= FILE_WORDS, problem.render(name, "zh")
        assert problem.says("zh") != problem.says("en")


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        ("", "m.yaml", "m.yaml file: is empty"),
        (
            "a: [1\n",
            "m.yaml",
            "m.yaml:2 file: is not valid YAML: expected ',' or ']', but got '<stream end>'",
        ),
        (
            "a: &x 1\nb: *x\n",
            "m.yaml",
            "m.yaml:2 file: is not valid YAML: aliases (*x) are not accepted; write the value out",
        ),
        (
            MINI.replace("  modes:", "  slots: {lunch: 5}\n  modes:"),
            "m.yaml",
            "m.yaml:2 canteen.slots.lunch: must be {cutoff: 'HH:MM', days_before: N, serve: ...}",
        ),
        (
            MINI.replace("tags: [pork]", "tags: {pork: 1}"),
            "m.yaml",
            "m.yaml:7 dishes[0] (红烧肉).tags: must be a list, not a mapping",
        ),
        (
            MINI.replace("{红烧肉: 40}", "{红烧肉: 100001}"),
            "m.yaml",
            "m.yaml:10 menus[0] (2026-12-01 lunch).portions.红烧肉: must be from 0 to 100000",
        ),
        (
            MINI_CSV.replace("lunch,米饭,1.5", "lunch,米饭"),
            "m.csv",
            "m.csv:3 row 3: has fewer cells than the header",
        ),
        (
            MINI_CSV.replace("lunch,米饭,1.5", "lunch,红烧肉,13"),
            "m.csv",
            "m.csv:3 row 3 (红烧肉): describes the dish differently from an earlier row",
        ),
    ],
    ids=["empty", "yaml", "alias", "braces", "kind", "portions", "csv row", "csv dish"],
)
def test_english_is_what_the_command_line_always_printed(
    text: str, name: str, english: str
) -> None:
    error = _refusal(text, name)
    assert error.problems[0].render(name) == english
    assert error.problems[0].render(name, "en") == english
    assert f"  - {english}" in str(error)


def test_the_refusal_keeps_the_english_list_and_says_it_in_any_language() -> None:
    """``message(lang)`` is what the command line prints (its list in English, as ever);
    ``lines(lang)`` is the list a person reads, in their language (Mongolian falls back to
    Mandarin until written)."""
    error = _refusal(MINI.replace("price: 1.5", "price: -1.5").replace("meal: lunch", "meal: x"))
    english = "  - menu.yaml:8 dishes[1] (米饭).price: must not be negative"
    assert english in error.message("zh") and english in error.message("en")
    assert error.message("zh").startswith("菜单文件有 2 处问题")
    mandarin = error.lines("zh")
    assert mandarin[0] == "menu.yaml 第8行：dishes[1]（米饭）的价格不能是负数。"
    assert len(mandarin) == 2 and error.lines("zh", 1) == mandarin[:1]
    assert error.lines("mn") == error.lines("mn-Cyrl") == mandarin
    assert error.lines("en")[0] == english.removeprefix("  - ")


def test_a_problem_says_its_words_in_the_readers_language() -> None:
    """A value's kind is a word of the language (a list, 列表), not the file's text."""
    problem = Problem(Where("dishes", 0, "红烧肉"), "name", Issue.NOT_TEXT, {"kind": "list"})
    assert problem.what == "must be text, not a list"
    assert problem.says("zh") == "应该是文字，不能是列表。"
    assert problem.subject("zh") == "dishes[0]（红烧肉）的名字"
    assert (
        problem.render("m.yaml", "zh")
        == "m.yaml：dishes[0]（红烧肉）的名字应该是文字，不能是列表。"
    )
    assert say("menufile_field", "zh", value="nutrition.kcal") == "nutrition.kcal"  # as written
