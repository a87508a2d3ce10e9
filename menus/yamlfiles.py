"""Loading the YAML files people write (menus, people): safe, with line numbers, and without
aliases.

Why no aliases: an alias (``*name``) repeats an anchored value without repeating its text, so a
few hundred bytes nest into billions of strings ("billion laughs"); anything that then turns
the value into text (a message quoting it, ``str()`` before a check) runs out of memory.
Hand-written menu and people files have no use for them, so one is refused where it is met,
with its line, before anything is built from it. Duplicate keys are refused too: the second
would silently win.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml


@dataclass(frozen=True)
class YamlProblem:
    """Why text is not YAML this loader accepts, as a code with what its message needs, so a
    menu file's problem list can say it in the reader's language (``menufile_yaml_<code>`` in
    the catalogue): ``invalid`` (``detail``: the parser's own English words), ``alias``
    (``anchor``), ``bad_key``, ``duplicate_key`` (``key``), ``bad_value`` (``detail``),
    ``too_deep``. ``what`` says it in English, as the people file's list shows it."""

    code: str
    what: str
    line: int | None = None
    params: dict[str, str] = field(default_factory=dict, hash=False)


class _Refused(yaml.MarkedYAMLError):
    """A construct this loader refuses on purpose (an alias, a key that is not a word, a key
    twice), with the code and parameters its message needs."""

    def __init__(self, code: str, problem: str, mark: Any, **params: str) -> None:
        super().__init__(None, None, problem, mark)
        self.code = code
        self.params = params


class LineDict(dict[str, Any]):
    """A YAML mapping that remembers the line it started on."""

    line: int | None = None


class SafeLineLoader(yaml.SafeLoader):
    """Safe YAML loading (no tags that run code) that keeps line numbers and refuses aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Refuse an alias before it is resolved into the value it repeats."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _Refused(
                "alias",
                f"aliases (*{event.anchor}) are not accepted; write the value out",
                event.start_mark,
                anchor=str(event.anchor),
            )
        return super().compose_node(parent, index)


def _construct_mapping(loader: SafeLineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, date)) and key is not None:
            raise _Refused("bad_key", "a key must be a plain word or number", key_node.start_mark)
        key = key if isinstance(key, str) else str(key)
        if key in result:
            raise _Refused("duplicate_key", f"duplicate key '{key}'", key_node.start_mark, key=key)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


SafeLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(text: str) -> tuple[Any, str | None, int | None]:
    """``(data, None, None)``, or ``(None, what is wrong, its line)`` for text that is not
    YAML this loader accepts; never a library exception."""
    data, problem = read_yaml(text)
    if problem is None:
        return data, None, None
    return None, problem.what, problem.line


def read_yaml(text: str) -> tuple[Any, YamlProblem | None]:
    """``(data, None)``, or ``(None, what is wrong)`` for text that is not YAML this loader
    accepts; never a library exception."""
    try:
        return yaml.load(text, Loader=SafeLineLoader), None
    except _Refused as exc:
        return None, _problem(exc.code, f"is not valid YAML: {exc.problem}", exc, **exc.params)
    except yaml.MarkedYAMLError as exc:
        detail = str(exc.problem)
        return None, _problem("invalid", f"is not valid YAML: {detail}", exc, detail=detail)
    except yaml.YAMLError as exc:
        return None, YamlProblem("invalid", f"is not valid YAML: {exc}", None, {"detail": str(exc)})
    except (ValueError, TypeError, OverflowError) as exc:
        # PyYAML builds dates and numbers itself: 2026-13-40, or an integer of 5,000 digits
        # (past Python's limit for int()), fails here, not in the checks.
        what = f"has a value that is not valid: {exc}"
        return None, YamlProblem("bad_value", what, None, {"detail": str(exc)})
    except RecursionError:
        return None, YamlProblem("too_deep", "is nested too deeply")


def _problem(code: str, what: str, exc: yaml.MarkedYAMLError, **params: str) -> YamlProblem:
    mark = exc.problem_mark
    return YamlProblem(code, what, mark.line + 1 if mark else None, params)
