"""The import rules of the design, checked on the source: the domain stays independent."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "menus": {"bot", "nlu", "voice", "scheduler"},
    "nlu": {"bot", "menus", "voice", "scheduler"},
    "voice": {"bot", "menus", "nlu", "scheduler"},
    "scheduler": {"bot"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_the_design_allows(package: str) -> None:
    """menus imports none of the others; nlu and voice are given the menu as data."""
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
        if _imports(path) & FORBIDDEN[package]
    }
    assert offenders == {}


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _bot_edges() -> dict[str, set[str]]:
    """Which ``bot`` modules each ``bot`` module imports (anywhere in it, lazily too; a
    submodule's import of its own package's ``__init__`` is not an edge)."""
    paths = {_module(p): p for p in (ROOT / "bot").rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, path in paths.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{alias.name}" for alias in node.names]
                targets = [t if t in paths else node.module for t in targets]
            found.update(t for t in targets if t in paths and not name.startswith(t + "."))
        edges[name] = found - {name}
    return edges


def test_bot_has_no_import_cycles() -> None:
    """Modules inside ``bot/`` import each other in one direction only (a cycle is how a
    dialogue and its helpers end up reaching into each other)."""
    edges = _bot_edges()
    cycles: list[list[str]] = []

    def walk(node: str, path: list[str], done: set[str]) -> None:
        for nxt in sorted(edges[node]):
            if nxt in path:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in done:
                walk(nxt, [*path, nxt], done)
        done.add(node)

    done: set[str] = set()
    for start in sorted(edges):
        if start not in done:
            walk(start, [start], done)
    assert cycles == []


BRANCHES = (ast.If, ast.For, ast.While, ast.Try, ast.With, ast.IfExp, ast.BoolOp, ast.Match)


def test_dialogue_handlers_stay_small() -> None:
    """Every function in ``bot/dialogue/`` fits on a screen (about 40 lines) with at most 12
    branch points, so a newcomer can read a handler at a glance."""
    too_big = {}
    for path in (ROOT / "bot" / "dialogue").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                branches = sum(isinstance(n, BRANCHES) for n in ast.walk(node))
                if lines > 45 or branches > 12:
                    too_big[f"{path.name}:{node.name}"] = (lines, branches)
    assert too_big == {}
