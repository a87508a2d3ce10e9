"""Every sentence a person sees, one message catalogue per language, and the one way to say one.

The catalogues are Fluent files (``menus/locales/<lang>/<area>.ftl``): ``zh`` Mandarin (every
message), ``mn`` Mongolian in traditional script (everything elders, families and staff read in
the chat: dialogue, Telegram, scheduler notices, words, buttons; the store's refusals where
written), ``mn-Cyrl`` the same in Cyrillic (for people who write Cyrillic), ``en`` English (the
store's refusals and a menu file's problems, for operators with ``ZHUCAN_LANG=en``). Areas:
``dialogue`` (the conversation, buttons), ``words`` (days, meals, statuses, dates put into
sentences), ``telegram`` (registration and the channel), ``scheduler`` (reminders, notices,
alerts), ``refusals`` (the store's ``DomainError`` codes, as ``refusal_<code>``), ``menufile``
(what is wrong in a menu file, as ``menufile_<code>``: ``menus.menuproblems``) and ``cli`` (the
``zhucan`` command).

One lookup, ``say(key, lang, **params)``; one fallback rule: the message in the language asked
for (for ``mn-Cyrl``, else in the traditional script), else the Mandarin one (so ``en`` gets
English refusals and Mandarin for the rest, and an unknown language gets Mandarin); a key
Mandarin lacks is a ``KeyError``. The files are read
once, on first use, and kept.

Why Fluent and not gettext with Babel: Mongolian needs grammar inside the message. A case
ending depends on the word put before it ({ CASE($canteen, "dat") } gives ᠳᠤ or ᠳᠦ, ᠲᠤ or ᠲᠦ),
and a translator must be able to choose forms with selectors (``{ $kind -> ... }``) without
asking for code; gettext only substitutes strings and plural forms. Fluent messages are named
by ids, so a Mongolian translator works on ``reminder`` with its variables in view, not on a
Mandarin source sentence that changes whenever the Mandarin wording does; and Fluent's syntax
lets a message's variables be checked in every language (``tests/menus/test_catalogue.py``).
Output has no Unicode isolation marks (``use_isolating=False``): the text goes to Telegram,
terminals and speech synthesis, which read the marks as characters.

Numbers, money and dates as people say them: ``menus.spoken`` (两块五, ᠑᠒ ᠶᠤᠸᠠᠨ) and here
``day_words``/``date_words`` (明天, 12月3日, ᠑᠒ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠓). Dates are written one way in every
area: 12月3日 in Mandarin; Mongolian writes every figure in Mongolian digits (᠑᠒).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, ast, visitor

from menus.grammar import case
from menus.scripts import CYRILLIC_MN
from menus.spoken import digits

LANGUAGES = ("zh", "mn", CYRILLIC_MN, "en")
SPOKEN = ("zh", "mn", CYRILLIC_MN)
"""The languages people talk to the bot in (``en`` is for operators' messages only); Mongolian
in both its scripts (``menus.scripts``)."""
FALLBACK = "zh"
PARENT = {CYRILLIC_MN: "mn"}
"""Where a script's catalogue lacks a message, the same language's other script has it
(before Mandarin): Cyrillic written for every message Mongolian has."""

# Buttons: the labels are sentences a person sees (in the catalogue); these name them, in order.
YES_NO = ("btn_yes", "btn_no")
MEALS = ("btn_lunch", "btn_dinner")
MODES = ("btn_delivery", "btn_pickup", "btn_dine_in")
PUBLISH = ("btn_publish", "btn_not_publish")
AGREE_CHOICES = ("btn_agree", "btn_disagree")
MAIN_CHOICES = ("choice_menu", "choice_order", "choice_orders", "choice_repeat")
"""What the dialogue offers, numbered 1 to 4, when it did not understand twice."""
MAIN_ACTIONS = ("btn_menu", "btn_order", "btn_orders", "btn_repeat")
"""The four big Telegram buttons kept under every reply that offers no choices of its own."""
REMINDER_CHOICES = ("reminder_yes", "reminder_no")


@dataclass(frozen=True)
class Entry:
    """One message of one language: the file (area) it is in and the variables it uses."""

    area: str
    variables: frozenset[str]


@dataclass(frozen=True)
class _Catalogue:
    lang: str
    bundle: FluentBundle
    entries: dict[str, Entry]
    plain: dict[str, str]
    """Messages of text and variables only (most of them) as ``str.format`` templates, and
    ``choice``: messages that are one selector over a variable (the words) as a table of such
    templates. Fluent's resolver is kept for functions and the rest; these are said ten times
    faster (a turn says a dozen sentences and words)."""
    choice: dict[str, tuple[str, dict[str, str], str]]


def _case(word: Any, kind: Any) -> str:
    """``CASE($word, "dat")`` in a message: the word with its case ending (``menus.grammar``)."""
    return case(str(word), str(kind))


def _case_cyrillic(word: Any, kind: Any) -> str:
    """``CASE`` in a Cyrillic message: a number or a Chinese name takes a Cyrillic ending."""
    return case(str(word), str(kind), cyrillic=True)


FUNCTIONS: dict[str, Any] = {"CASE": _case}
FUNCTIONS_CYRILLIC: dict[str, Any] = {"CASE": _case_cyrillic}


class _Variables(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)
        self.generic_visit(node)


def _plain(pattern: ast.Pattern | None) -> str | None:
    parts: list[str] = []
    for element in pattern.elements if pattern else []:
        if isinstance(element, ast.TextElement):
            text = element.value
        elif isinstance(element.expression, ast.StringLiteral):
            text = str(element.expression.parse()["value"])
        elif isinstance(element.expression, ast.VariableReference):
            parts.append("{" + element.expression.id.name + "}")
            continue
        else:
            return None
        parts.append(text.replace("{", "{{").replace("}", "}}"))
    return "".join(parts)


def _choice(pattern: ast.Pattern | None) -> tuple[str, dict[str, str], str] | None:
    """``{ $value -> [lunch] 午饭 *[other] { $value } }`` as (variable, templates, default)."""
    if pattern is None or len(pattern.elements) != 1:
        return None
    select = getattr(pattern.elements[0], "expression", None)
    if not isinstance(select, ast.SelectExpression):
        return None
    if not isinstance(select.selector, ast.VariableReference):
        return None
    table: dict[str, str] = {}
    default = None
    for variant in select.variants:
        template = _plain(variant.value)
        if template is None or not isinstance(variant.key, ast.Identifier):
            return None
        table[variant.key.name] = template
        if variant.default:
            default = template
    assert default is not None
    return select.selector.id.name, table, default


def _variables(message: ast.Message) -> frozenset[str]:
    found = _Variables()
    found.visit(message)
    return frozenset(found.names)


@cache
def _catalogue(lang: str) -> _Catalogue:
    """The language's files, parsed once; a syntax error or an id twice is refused here."""
    functions = FUNCTIONS_CYRILLIC if lang == CYRILLIC_MN else FUNCTIONS
    bundle = FluentBundle([lang], functions=functions, use_isolating=False)
    entries: dict[str, Entry] = {}
    plain: dict[str, str] = {}
    choice: dict[str, tuple[str, dict[str, str], str]] = {}
    folder = resources.files("menus") / "locales" / lang
    for file in sorted(folder.iterdir(), key=lambda f: f.name):
        if not file.name.endswith(".ftl"):
            continue
        area = file.name.removesuffix(".ftl")
        resource = FluentParser(with_spans=False).parse(file.read_text(encoding="utf-8"))
        for item in resource.body:
            if isinstance(item, ast.Junk):
                raise ValueError(f"{lang}/{file.name}: not Fluent: {(item.content or '')[:60]!r}")
            if isinstance(item, ast.Message):
                if item.id.name in entries:
                    raise ValueError(f"{lang}/{file.name}: {item.id.name} is defined twice")
                entries[item.id.name] = Entry(area, _variables(item))
                template = _plain(item.value)
                if template is not None:
                    plain[item.id.name] = template
                elif (table := _choice(item.value)) is not None:
                    choice[item.id.name] = table
        bundle.add_resource(resource)
    return _Catalogue(lang, bundle, entries, plain, choice)


def resolve(key: str, lang: str = FALLBACK) -> str:
    """The language whose message ``say(key, lang)`` gives: ``lang`` if written there, else
    Mandarin. A key Mandarin lacks is a ``KeyError``."""
    return _find(key, lang).lang


def _find(key: str, lang: str) -> _Catalogue:
    """The one fallback rule: the language asked for if it has ``key``, else the same language
    in its other script (``PARENT``), else Mandarin."""
    for tried in (lang, PARENT.get(lang), FALLBACK):
        if tried in LANGUAGES:
            catalogue = _catalogue(tried)
            if key in catalogue.entries:
                return catalogue
    raise KeyError(key)


def say(key: str, lang: str = FALLBACK, /, **params: object) -> str:
    """The sentence ``key`` in ``lang`` (Mandarin where ``lang`` lacks it), its variables
    filled; a variable the message needs and is not given is a ``KeyError``."""
    catalogue = _find(key, lang)
    template = catalogue.plain.get(key)
    if template is None and key in catalogue.choice:
        name, table, default = catalogue.choice[key]
        if name in params:
            template = table.get(_text(params[name]), default)
    if template is not None:
        try:
            return template.format_map(params)
        except KeyError as missing:
            raise KeyError(f"{key}: {missing.args[0]} not given") from None
    return _fluent(catalogue, key, {name: _text(value) for name, value in params.items()})


def _text(value: object) -> str:
    """A variable as it is put in: as ``str.format`` puts it (no digit grouping: 12000)."""
    return value if isinstance(value, str) else str(value)


def _fluent(catalogue: _Catalogue, key: str, args: dict[str, str]) -> str:
    message = catalogue.bundle.get_message(key)
    assert message.value is not None
    text, errors = catalogue.bundle.format_pattern(message.value, args)
    if errors:
        missing = catalogue.entries[key].variables - args.keys()
        if missing:
            raise KeyError(f"{key}: {', '.join(sorted(missing))} not given")
        raise ValueError(f"{key}: {errors[0]}")
    return str(text)


def variables(key: str, lang: str = FALLBACK) -> frozenset[str]:
    """The variables the message ``key`` uses as written in ``lang`` (no fallback)."""
    return _catalogue(lang).entries[key].variables


def entries(lang: str) -> dict[str, Entry]:
    """Every message written in ``lang`` (without fallback), with its area and variables."""
    return dict(_catalogue(lang).entries)


def choices(keys: Sequence[str], lang: str = FALLBACK) -> list[str]:
    """A row of buttons in ``lang``: the labels of ``keys``, in order."""
    return [say(key, lang) for key in keys]


def word(kind: str, value: object, lang: str = FALLBACK) -> str:
    """A word put into sentences (``day``, ``meal``, ``part_of_day``, ``mode``, ``card``,
    ``relation``, ``status``) for ``value``; a value the catalogue does not know as itself."""
    return say(kind, lang, value=value)


def date_words(day: date, lang: str = FALLBACK) -> str:
    """12月3日; ᠑᠒ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠓ (the one way dates are written)."""
    return say("date", lang, month=digits(str(day.month), lang), day=digits(str(day.day), lang))


def month_words(day: date, lang: str = FALLBACK) -> str:
    """12月; ᠑᠒ ᠰᠠᠷ᠎ᠠ."""
    return say("month", lang, month=digits(str(day.month), lang))


def day_words(day: date, today: date, lang: str = FALLBACK) -> str:
    """昨天, 今天, 明天, 后天 as people name days near ``today``, else the date."""
    ahead = (day - today).days
    if -1 <= ahead <= 2:
        return word("day", _DAYS[ahead], lang)
    return date_words(day, lang)


_DAYS = {-1: "yesterday", 0: "today", 1: "tomorrow", 2: "overmorrow"}


def joined(parts: Iterable[str], lang: str = FALLBACK) -> str:
    """A list said in ``lang``: 红烧肉、米饭."""
    return say("and", lang).join(parts)


@cache
def lang_buttons() -> dict[str, str]:
    """The buttons that choose a language, each labelled with the language's own name (中文,
    ᠮᠣᠩᠭᠣᠯ) so that either reader finds theirs, and the language each chooses."""
    return {say("lang_name", lang): lang for lang in SPOKEN}
