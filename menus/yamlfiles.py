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

from datetime import date
from typing import Any

import yaml


class LineDict(dict[str, Any]):
    """A YAML mapping that remembers the line it started on."""

    line: int | None = None


class SafeLineLoader(yaml.SafeLoader):
    """Safe YAML loading (no tags that run code) that keeps line numbers and refuses aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Refuse an alias before it is resolved into the value it repeats."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None,
                None,
                f"aliases (*{event.anchor}) are not accepted; write the value out",
                event.start_mark,
            )
        return super().compose_node(parent, index)


def _construct_mapping(loader: SafeLineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, date)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word or number", key_node.start_mark
            )
        key = key if isinstance(key, str) else str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


SafeLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(text: str) -> tuple[Any, str | None, int | None]:
    """``(data, None, None)``, or ``(None, what is wrong, its line)`` for text that is not
    YAML this loader accepts; never a library exception."""
    try:
        return yaml.load(text, Loader=SafeLineLoader), None, None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        return None, f"is not valid YAML: {exc.problem}", mark.line + 1 if mark else None
    except yaml.YAMLError as exc:
        return None, f"is not valid YAML: {exc}", None
    except (ValueError, TypeError, OverflowError) as exc:
        # PyYAML builds dates and numbers itself: 2026-13-40, or an integer of 5,000 digits
        # (past Python's limit for int()), fails here, not in the checks.
        return None, f"has a value that is not valid: {exc}", None
    except RecursionError:
        return None, "is nested too deeply", None
