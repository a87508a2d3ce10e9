"""Understanding Mongolian in either script: words folded to one key, case endings taken off
by rule, entities and their roles found over tokens, and the cue words of each intent.

Why by rule over word classes: a Mongolian word carries its case ending (ээждээ = ээж + дээ,
маргаашийн = маргааш + ийн; in traditional script the ending is its own token after U+202F),
so each lexicon word is matched with any ending from one list rather than listed in every
form. Chinese dish names typed inside a Mongolian sentence are found with the Mandarin matcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from nlu.dishes import DishMatcher
from nlu.entities import Entity
from nlu.text import (
    fold,
    has_cyrillic,
    has_han,
    latin_to_cyrillic,
    strip_ending,
)

TOKEN_RE = re.compile(r"[^\s\u202f\u180e,.!?，。！？、;；:：᠂᠃]+")
_DATIVE = tuple(fold(e) for e in ("ᠳᠡᠭᠡᠨ", "ᠲᠡᠭᠡᠨ", "ᠳᠦ", "ᠳᠤ", "ᠲᠦ", "ᠲᠤ", "д", "т", "дээ", "даа", "доо", "дөө", "тээ", "таа", "төө", "ндээ", "ндаа", "ийн", "ын", "ний"))  # fmt: skip
_DATIVE_TOKENS = frozenset(fold(t) for t in ("ᠳᠤ", "ᠳᠦ", "ᠲᠤ", "ᠲᠦ", "ᠶᠢᠨ", "ᠤᠨ", "ᠦᠨ", "ᠲᠠᠭᠠᠨ", "ᠳᠠᠭᠠᠨ", "ᠲᠡᠭᠡᠨ", "ᠳᠡᠭᠡᠨ", "төлөө"))  # fmt: skip
MEASURES = frozenset(
    fold(w).split()[0] for w in ("аяга", "таваг", "ширхэг", "хувь", "лан", "ширхгийг", "аягыг", "ᠠᠶᠠᠭ᠎ᠠ", "ᠲᠠᠪᠠᠭ", "ᠬᠤᠪᠢ", "ᠰᠢᠷᠬᠡᠭ", "ᠯᠢᠶᠠᠩ")
)  # fmt: skip
_MN_DIGITS = str.maketrans("᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙", "0123456789")
_CLOCK = re.compile(r"(?<![0-9])([01]?[0-9]|2[0-3])[:：]([0-5][0-9])(?![0-9])")
_HOUR_WORDS = tuple(fold(w) for w in ("цаг", "ᠴᠠᠭ"))
_LATER_WORDS = tuple(fold(w).split()[0] for w in ("орой", "ᠣᠷᠣᠢ", "үдээс", "ᠦᠳᠡ", "ᠬᠣᠶᠢᠨ᠎ᠠ"))
_AT = frozenset(fold(w) for w in ("ᠲᠤ", "ᠳᠤ", "ᠲᠦ", "ᠳᠦ", "хагаст", "ᠬᠠᠭᠠᠰ", "хагас"))
_EVERY = frozenset(fold(w) for w in ("бүр", "ᠪᠦᠷᠢ"))
_TAILS = frozenset(fold(w) for w in ("ᠠ", "ᠡ"))
"""What a final -a/-e after U+180E becomes once folded: a token of its own to step over."""
_HALF = tuple(fold(w) for w in ("хагас", "ᠬᠠᠭᠠᠰ"))
_PART_OF_DAY_GLUE = frozenset(fold(w) for w in ("ᠶᠢᠨ", "ᠠ", "хойш", "ᠬᠣᠶᠢᠨ", "үдээс", "ᠡᠴᠡ"))
_NOT_COUNTED = tuple(
    fold(w)
    for w in (
        "хоног",
        "ᠬᠣᠨᠣᠭ",
        "од",
        "ᠣᠳᠤ",
        "нас",
        "ᠨᠠᠰᠤ",
        "сар",
        "ᠰᠠᠷ",
        "жил",
        "ᠵᠢᠯ",
        "удаа",
        "ᠤᠳᠠᠭ᠎ᠠ",
        "нэмэх",
        "хасах",
    )
)
_MONTH = frozenset(fold(w) for w in ("сар", "сарын", "ᠰᠠᠷ", "ᠰᠠᠷ᠎ᠠ"))
_WEEK = frozenset(fold(w) for w in ("ᠭᠠᠷᠠᠭ", "гараг", "гарагийн"))
_DAY_WORDS = frozenset(fold(w) for w in ("ᠡᠳᠦᠷ", "өдөр"))


def week_of(words: list[str], k: int) -> int | None:
    """Where the day's number stands after ᠭᠠᠷᠠᠭ ᠤᠨ (or ᠭᠠᠷᠠᠭᠤᠨ typed joined), else None."""
    week = fold("ᠭᠠᠷᠠᠭ")
    if words[k] in _WEEK and k + 1 < len(words) and words[k + 1] in _OF:
        return k + 2
    if words[k].startswith(week) and words[k][len(week) :] in _OF:
        return k + 1
    return None


_OF = frozenset(fold(w) for w in ("ᠤᠨ", "ᠦᠨ", "ᠶᠢᠨ", "ᠨᠤ", "ᠤ", "ᠠ"))


class PhraseIndex:
    """Multi-word phrases found in folded tokens; a word of four letters or more also matches
    inflected forms that start with it (захиал- in захиалъя, захиална)."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add(self, phrase: tuple[str, ...], value: str) -> None:
        """Register a phrase with the meaning it signals."""
        if phrase:
            self.by_first.setdefault(phrase[0], []).append((phrase, value))

    def find(self, tokens: list[str]) -> list[tuple[str, int, int]]:
        """``(value, first, last+1)`` for every phrase present."""
        found = []
        for i, token in enumerate(tokens):
            keys = [token] + [token[:n] for n in range(4, len(token))]
            for key in keys:
                for phrase, value in self.by_first.get(key, ()):
                    if key != token and len(phrase[0]) < 4:
                        continue
                    end = i + len(phrase)
                    if end <= len(tokens) and all(
                        t == p or (len(p) >= 4 and t.startswith(p))
                        for t, p in zip(tokens[i + 1 : end], phrase[1:], strict=True)
                    ):
                        found.append((value, i, end))
        return found


@dataclass
class MongolianLexicon:
    """Folded Mongolian words (both scripts) by meaning, from ``data/lexicon_mn.yml``."""

    intents: PhraseIndex = field(default_factory=PhraseIndex)
    numbers: dict[str, int] = field(default_factory=dict)
    dates: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    next_week: set[str] = field(default_factory=set)
    meals: dict[str, str] = field(default_factory=dict)
    fulfillment: dict[tuple[str, ...], str] = field(default_factory=dict)
    beneficiary: dict[tuple[str, ...], str] = field(default_factory=dict)
    conditions: dict[tuple[str, ...], str] = field(default_factory=dict)
    roles: PhraseIndex = field(default_factory=PhraseIndex)
    everyday: frozenset[str] = frozenset()
    """Words for days, meals and numbers: never a dish's name misspelt (``everyday_words``)."""
    core: frozenset[str] = frozenset()
    """Cyrillic number, day (not weekday) and meal words of four letters or more: what a word
    typed a letter off is read as (``_spelled_near``)."""

    @staticmethod
    def load(path: Path) -> MongolianLexicon:
        """Read the lexicon; an absent file gives an empty one."""
        lexicon = MongolianLexicon()
        if not path.exists():
            return lexicon
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

        def words(section: str) -> list[tuple[str, str]]:
            return [
                (str(key), fold(str(word)))
                for key, items in (data.get(section) or {}).items()
                for word in items or []
            ]

        for intent, word in words("intents"):
            lexicon.intents.add(tuple(word.split()), intent)
        for role, word in words("roles"):
            lexicon.roles.add(tuple(word.split()), role)
        for value, word in words("numbers"):
            lexicon.numbers[word] = int(value)
        for days, word in words("dates"):
            lexicon.dates[word] = int(days)
        for day, word in words("weekdays"):
            lexicon.weekdays[word] = int(day)
        lexicon.next_week = {fold(str(w)).split()[0] for w in data.get("next_week") or []}
        for meal, word in words("meals"):
            lexicon.meals[word] = meal
        for mode, word in words("fulfillment"):
            lexicon.fulfillment[tuple(word.split())] = mode
        for who, word in words("beneficiary"):
            lexicon.beneficiary[tuple(word.split())] = who
        for condition, word in words("conditions"):
            lexicon.conditions[tuple(word.split())] = condition
        lexicon.everyday = everyday_words(lexicon)
        lexicon.core = frozenset(
            w
            for table in (lexicon.numbers, lexicon.dates, lexicon.meals)
            for w in table
            if len(w) >= 4 and " " not in w and has_cyrillic(w)
        )
        return lexicon


@dataclass
class Tokens:
    """The folded words of a sentence, their spans, and which are already understood."""

    text: str
    spans: list[tuple[int, int]]
    words: list[str]
    taken: list[bool]

    @staticmethod
    def of(text: str, known: frozenset[str] = frozenset(), *, latin: bool = False) -> Tokens:
        """Tokens of a sentence; Latin-typed words are read as Cyrillic, and a traditional-script
        word with its suffix written joined (ᠦᠳᠡᠶᠢᠨ, ᠬᠣᠨᠢᠨᠤ) is taken as its known stem."""
        spans = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        words = []
        for start, end in spans:
            raw = text[start:end]
            word = fold(latin_to_cyrillic(raw) if latin else raw)
            words.append(_stem_joined(word, known))
        return Tokens(text, spans, words, [False] * len(words))

    def entity(self, kind: str, value: object, first: int, last: int) -> Entity:
        """An entity over tokens ``first..last-1``, which are taken."""
        for k in range(first, last):
            self.taken[k] = True
        return Entity(kind, value, self.spans[first][0], self.spans[last - 1][1])


_JOINED = tuple(
    sorted(
        {
            fold(w)
            for w in (
                "ᠶᠢᠨ",
                "ᠦᠨ",
                "ᠤᠨ",
                "ᠳᠤ",
                "ᠳᠦ",
                "ᠲᠤ",
                "ᠲᠦ",
                "ᠶᠢ",
                "ᠢ",
                "ᠡᠴᠡ",
                "ᠠᠴᠠ",
                "ᠪᠠᠨ",
                "ᠪᠡᠨ",
                "ᠢᠶᠠᠨ",
                "ᠢᠶᠡᠨ",
                "ᠨᠢ",
                "ᠤ",
                "ᠦ",
                "ᠳᠤᠷ",
                "ᠳᠦᠷ",
                "ᠲᠤᠷ",
                "ᠲᠦᠷ",
            )
        },
        key=len,
        reverse=True,
    )
)


def _stem_joined(word: str, known: frozenset[str]) -> str:
    """ᠦᠳᠡᠶᠢᠨ → ᠦᠳᠡ when ᠦᠳᠡ is a known word: the suffix was typed without U+202F."""
    if not known or word in known or not any("\u1820" <= ch <= "\u18aa" for ch in word):
        return word
    for suffix in _JOINED:
        stem = word[: -len(suffix)]
        if suffix in _GENITIVE_U and not stem.endswith(_N):
            continue  # ᠤ/ᠦ of the genitive follows -n only (ᠬᠣᠨᠢᠨᠤ): ᠴᠠᠰᠤ is snow, not ᠴᠡᠰ
        if word.endswith(suffix) and stem in known:
            return stem
    return word


_GENITIVE_U = frozenset(fold(w) for w in ("ᠤ", "ᠦ"))
_N = fold("ᠨ")


def known_words(lexicon: MongolianLexicon, dishes: DishMatcher) -> frozenset[str]:
    """Every folded word the lexicon and the menu's Mongolian names know (for joined suffixes)."""
    words: set[str] = set(lexicon.numbers) | set(lexicon.dates) | set(lexicon.weekdays)
    words |= set(lexicon.meals)
    for table in (lexicon.fulfillment, lexicon.beneficiary, lexicon.conditions):
        for key in table:
            words.update(key)
    for key, _name in dishes.folded:
        words.update(key)
    for phrases in lexicon.intents.by_first.values():
        for phrase, _intent in phrases:
            words.update(phrase)
    return frozenset(w for w in words if len(w) >= 2)


_FUNCTION_WORDS = frozenset(
    fold(w) for w in ("тэр", "энэ", "тэрийг", "энийг", "тэгвэл", "тэгээд", "ᠲᠡᠷᠡ", "ᠡᠨᠡ", "ᠲᠡᠭᠦᠨ", "ᠲᠡᠭᠡᠪᠡᠯ", "ᠲᠡᠭᠡᠭᠡᠳ")
)  # fmt: skip
"""Pronouns and links (тэр 'that', ᠲᠡᠭᠡᠪᠡᠯ 'then'): a letter away from a dish (тараг) but never one."""


def everyday_words(lexicon: MongolianLexicon) -> frozenset[str]:
    """The lexicon's own words (days, meals, numbers, yes and no, the words of intents, edits,
    ways, people and conditions), measure words and pronouns: орой is evening, таваг a plate
    and тэр 'that', never a dish's name misspelt. (A word that is also in a dish's name is
    still matched fuzzily: ``DishMatcher.find_tokens`` lets it through.)"""
    words: set[str] = set(MEASURES) | set(_FUNCTION_WORDS)
    for table in (lexicon.numbers, lexicon.dates, lexicon.weekdays, lexicon.meals):
        for word in table:
            words.update(word.split())
    for keyed in (lexicon.fulfillment, lexicon.beneficiary, lexicon.conditions):
        for key in keyed:
            words.update(key)
    for index in (lexicon.intents, lexicon.roles):
        for phrases in index.by_first.values():
            for phrase, _meaning in phrases:
                words.update(phrase)
    return frozenset(w for w in words if len(w) >= 3)


def extract(
    text: str,
    today: date,
    dishes: DishMatcher,
    lexicon: MongolianLexicon,
    known: frozenset[str] = frozenset(),
    *,
    latin: bool = False,
) -> tuple[list[Entity], Tokens]:
    """Every entity of a Mongolian sentence (without groups and roles), and its tokens."""
    tokens = Tokens.of(text, known, latin=latin)
    _spelled_near(tokens, known, lexicon)
    entities: list[Entity] = []
    for name, first, last in dishes.find_tokens(tokens.words, lexicon.everyday):
        entities.append(tokens.entity("dish", name, first, last))
    for k, (start, end) in enumerate(tokens.spans):  # 手把肉 typed inside a Mongolian sentence
        if not tokens.taken[k] and has_han(text[start:end]):
            for mention in dishes.find(text[start:end]):
                entities.append(
                    Entity("dish", mention.name, start + mention.start, start + mention.end)
                )
                tokens.taken[k] = True
    entities += _pinyin_dishes(tokens, dishes)
    entities += _times(tokens, lexicon)
    for table, kind in (
        (lexicon.fulfillment, "fulfillment"),
        (lexicon.conditions, "condition"),
    ):
        for key, value in sorted(table.items(), key=lambda kv: -len(kv[0])):
            for k in _find_sequence(tokens, key):
                entities.append(tokens.entity(kind, value, k, k + len(key)))
    entities += _calendar(tokens, today, lexicon)
    entities += _ways(tokens)
    entities += _beneficiaries(tokens, lexicon)
    entities += _words(tokens, today, lexicon)
    _drop_stray_counts(entities, tokens)
    return entities, tokens


_PINYIN = re.compile(r"[a-z]{4,}")


def _pinyin_dishes(tokens: Tokens, dishes: DishMatcher) -> list[Entity]:
    """A Chinese dish's name typed in pinyin inside a Mongolian sentence (jiaozi 2, baozi),
    read from the text as typed, before any Latin-to-Cyrillic reading."""
    found = []
    for k, (start, end) in enumerate(tokens.spans):
        typed = tokens.text[start:end].lower()
        name = dishes.pinyin.get(typed) if _PINYIN.fullmatch(typed) else None
        if name is not None and not tokens.taken[k]:
            found.append(tokens.entity("dish", name, k, k + 1))
    return found


def _spelled_near(tokens: Tokens, known: frozenset[str], lexicon: MongolianLexicon) -> None:
    """A word typed a letter off a number, day or meal word (hoyr for хоёр, нокоодор for
    нөгөөдөр) is read as that word: these few words carry the order, and people type them on
    small keyboards, in Latin letters, without ө and ү. Only in Latin-typed words of four
    letters or more and Cyrillic ones of seven or more (таваг 'plate' is a letter from таван
    'five'), and never into a weekday (байсан 'was' is a letter from баасан 'Friday'); other
    words are left as typed (ирнэ 'will come' is a letter from иднэ 'will eat')."""
    index = _near_index(lexicon.core)
    for k, word in enumerate(tokens.words):
        typed = tokens.text[tokens.spans[k][0] : tokens.spans[k][1]]
        shortest = 4 if typed.isascii() else 7  # hoyr; нокоодор (таваг is a plate, not таван)
        if word in known or word in lexicon.everyday or len(word) < shortest:
            continue
        if not has_cyrillic(word):
            continue
        near = {w for variant in _deletions(word) | {word} for w in index.get(variant, ())}
        near = {w for w in near if _one_edit(word, w)}
        meanings = {(w in lexicon.numbers, lexicon.numbers.get(w), lexicon.dates.get(w),
                     lexicon.meals.get(w)) for w in near}  # fmt: skip
        if len(meanings) == 1:  # udriin: a letter off үдийн and өдрийн, both lunch
            tokens.words[k] = min(near)


@lru_cache(maxsize=4)
def _near_index(words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each word and each of its one-letter deletions → the words it comes from."""
    index: dict[str, set[str]] = {}
    for word in words:
        for variant in _deletions(word) | {word}:
            index.setdefault(variant, set()).add(word)
    return {variant: frozenset(found) for variant, found in index.items()}


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Exactly one letter added, dropped or changed between ``a`` and ``b``."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _number_at(tokens: Tokens, k: int, lexicon: MongolianLexicon) -> tuple[int, int] | None:
    """The number starting at token ``k`` and the token after it (ᠠᠷᠪᠠᠨ ᠬᠣᠶᠠᠷ → 12)."""

    words = tokens.words

    def one(i: int) -> tuple[int, int] | None:
        """The number at ``i`` and the token after it: ᠳᠣᠯᠣᠭ᠎ᠠ is two tokens (the vowel after
        U+180E stands apart), ᠲᠠᠪᠤᠶᠢ a number with its case joined."""
        if i >= len(words):
            return None
        word = words[i].translate(_MN_DIGITS)
        found = re.match(r"^([0-9]{1,2})(-?н[дуы]?.*)?$", word)
        if found:
            return int(found.group(1)), i + 1
        if i + 1 < len(words) and f"{word} {words[i + 1]}" in lexicon.numbers:
            return lexicon.numbers[f"{word} {words[i + 1]}"], i + 2
        stem = strip_ending(word, lexicon.numbers) or _stem_joined(word, frozenset(lexicon.numbers))
        return (lexicon.numbers[stem], i + 1) if stem in lexicon.numbers else None

    first = one(k)
    if first is None:
        return None
    second = one(first[1]) if first[0] in (10, 20, 30) else None
    if second is not None and second[0] < 10:
        return first[0] + second[0], second[1]
    return first


def _calendar(tokens: Tokens, today: date, lexicon: MongolianLexicon) -> list[Entity]:
    """12 сарын 5-нд, ᠠᠷᠪᠠᠨ ᠬᠣᠶᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠲᠠᠪᠤᠨ ᠤ ᠡᠳᠦᠷ, 3-нд (a day of this month), and
    ᠭᠠᠷᠠᠭ ᠤᠨ ᠳᠥᠷᠪᠡᠨ (the fourth day of the week: Thursday), ᠢᠷᠡᠬᠦ … next week's."""
    found: list[Entity] = []
    words = tokens.words
    for k, word in enumerate(words):
        if tokens.taken[k]:
            continue
        if word in _MONTH or word.startswith(fold("сарын")):
            start = next(
                (
                    i
                    for i in (k - 2, k - 1)
                    if i >= 0 and (n := _number_at(tokens, i, lexicon)) and n[1] == k
                ),
                None,
            )
            after = k + 1
            while after < len(words) and words[after] in _OF:
                after += 1
            day = _number_at(tokens, after, lexicon)
            if day is None:
                continue
            if start is None:  # ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 4 ᠨᠦ: this month's
                start, month = k, (today.month, k)
            else:
                found_month = _number_at(tokens, start, lexicon)
                assert found_month is not None
                month = found_month
            last = day[1]
            while last < len(words) and (
                words[last] in _OF or words[last] in (fold("ᠡᠳᠦᠷ"), fold("өдөр"))
            ):
                last += 1
            try:
                when = date(today.year, month[0], day[0])
            except ValueError:
                continue
            if when < today - timedelta(days=180):
                when = when.replace(year=today.year + 1)
            found.append(tokens.entity("date", when.isoformat(), start, last))
        elif (of := week_of(words, k)) is not None:
            number = _number_at(tokens, of, lexicon)
            if of < len(words) and words[of] in _DAY_WORDS:
                number = (7, of + 1)  # ᠭᠠᠷᠠᠭ ᠤᠨ ᠡᠳᠦᠷ: Sunday
            if number is None or not 1 <= number[0] <= 7:
                continue
            back = next(
                (i for i in range(k - 1, max(-1, k - 6), -1) if words[i] in lexicon.next_week), None
            )
            nxt_week = back is not None
            monday = today - timedelta(days=today.weekday())
            when = monday + timedelta(days=number[0] - 1 + (7 if nxt_week else 0))
            if not nxt_week and when < today:
                when += timedelta(days=7)
            found.append(
                tokens.entity("date", when.isoformat(), back if back is not None else k, number[1])
            )
    for k, word in enumerate(words):
        plain = word.translate(_MN_DIGITS)
        day_only = re.match(r"^([0-9]{1,2})-?н[дуы]", plain)
        if day_only and not tokens.taken[k] and 1 <= int(day_only.group(1)) <= 31:
            year, month_of, day_of = today.year, today.month, int(day_only.group(1))
            if day_of < today.day:
                year, month_of = (year + 1, 1) if month_of == 12 else (year, month_of + 1)
            try:
                when = date(year, month_of, day_of)
                found.append(tokens.entity("date", when.isoformat(), k, k + 1))
            except ValueError:
                continue
    return found


_DELIVER = tuple(fold(w) for w in ("хүргэ", "хургэ", "ᠬᠦᠷᠭᠡ", "авчир", "авчр", "ᠠᠪᠴᠢᠷ"))
"""Bringing the meal: хүргэ- (deliver), авчир- (bring it here)."""
_GO = frozenset(
    fold(w)
    for w in (
        "очиж",
        "очоод",
        "ирж",
        "ирээд",
        "өөрөө",
        "тэнд",
        "тэндээ",
        "суугаад",
        "гуанзанд",
        "ᠣᠴᠢᠵᠤ",
        "ᠢᠷᠡᠵᠦ",
        "ᠢᠷᠡᠭᠡᠳ",
        "ᠥᠪᠡᠷ",
        "ᠲᠡᠨᠳᠡ",
        "ᠰᠠᠭᠤᠵᠤ",
        "ᠢᠶᠡᠨ",
        "нь",
        "газарт",
        "газартаа",
        "дээрээ",
        "дээр",
    )
)
_PLACES = tuple(fold(w) for w in ("гуанз", "газар", "ᠭᠠᠵᠠᠷ"))
"""The canteen or 'the place', with any case or possessive ending (гуанзандаа, газартаа)."""


def _going(word: str) -> bool:
    """A word of going there (очиж, өөрөө, тэнд) or of the place itself (гуанзандаа)."""
    return word in _GO or (word.startswith(_PLACES) and len(word) > 5)


def _going_before(words: list[str], k: int) -> bool:
    """A going word right before ``k``; нь there only after another (өөрөө нь авна), since
    байгаа 5-ыг нь авъя (take the five there are) goes nowhere."""
    if words[k - 1] == _ITS:
        return k >= 2 and words[k - 2] != _ITS and _going(words[k - 2])
    return _going(words[k - 1])


_SEASONING = tuple(
    fold(w)
    for w in (
        "давс",
        "ᠳᠠᠪᠤᠰᠤ",
        "ногоо",
        "ᠨᠣᠭᠣᠭ",
        "чихэр",
        "ᠴᠢᠬᠢᠷ",
        "сонгино",
        "ᠰᠣᠩᠭᠢᠨ",
        "тос",
        "ᠲᠣᠰᠣ",
    )
)
"""What is put into a dish (salt, pepper, sugar, onion, fat): битгий after it is about cooking."""


_STOP = tuple(fold(w) for w in ("боли", "ᠪᠣᠯᠢ"))
_NOT = tuple(fold(w) for w in ("гүй", "гуй"))


def _not_stopped(tokens: Tokens, first: int, last: int) -> bool:
    """Баншаа болиогүй / ᠪᠠᠨᠰᠢ ᠪᠡᠨ ᠪᠣᠯᠢᠭᠰᠠᠨ ᠦᠭᠡᠢ: a word of stopping negated (not given up)."""
    word = tokens.words[first]
    if not word.startswith(_STOP):
        return False
    after = tokens.words[last] if last < len(tokens.words) else ""
    return word.endswith(_NOT) or after == fold("ᠦᠭᠡᠢ")


def _went_to_eat(tokens: Tokens, k: int) -> bool:
    """ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠣᠴᠢᠵᠤ ᠬᠠᠮᠲᠤ ᠢᠳᠡᠨ᠎ᠡ (go to the canteen and eat together, with the
    people there): going to the canteen a few words before the eating verb, nothing named and
    no home between them (ᠡᠮᠨᠡᠯᠭᠡ ᠳᠦ ᠣᠴᠢᠭᠠᠳ ᠭᠡᠷ ᠲᠡᠭᠡᠨ ᠢᠳᠡᠨ᠎ᠡ eats at home)."""
    for j in range(k - 1, max(-1, k - 1 - _EAT_REACH), -1):
        word = tokens.words[j]
        if tokens.taken[j] or _CLAUSE_MARK.search(word) or word.startswith(_HOME_STEMS):
            return False
        if word in _WENT:
            return any(w.startswith(_PLACES) for w in tokens.words[max(0, j - 4) : j])
    return False


_EAT_REACH = 6
_WENT = frozenset(fold(w) for w in ("очиж", "очоод", "ᠣᠴᠢᠵᠤ", "ᠣᠴᠢᠭᠠᠳ"))
_HOME_STEMS = tuple(fold(w) for w in ("гэр", "ᠭᠡᠷ"))
_CLAUSE_MARK = re.compile(r"[\u1802\u1803\u1808\u1809,.!?;，。！？；]")
_ITS = fold("нь")
_TAKE = tuple(fold(w) for w in ("ав", "ᠠᠪ"))
_EAT = tuple(fold(w) for w in ("ид", "ᠢᠳᠡ"))


_HOME = frozenset(fold(w) for w in ("гэрт", "гэртээ", "гэрлүү", "ᠭᠡᠷᠲᠦ", "ᠭᠡᠷᠲᠡᠭᠡᠨ"))
_HOME_SPLIT = (fold("ᠭᠡᠷ"), frozenset(fold(w) for w in ("ᠲᠦ", "ᠲᠡᠭᠡᠨ")))
_HOME_TAIL = frozenset(fold(w) for w in ("нь", "л", "ээ", "шүү", "ᠨᠢ", "ᠯ", "ᠰᠢᠦ"))
"""To (my) home with nothing after it but particles: the way asked for, not where kids come."""


def _home_last(tokens: Tokens) -> tuple[int, int] | None:
    """The tokens of гэрт / гэртээ / ᠭᠡᠷ ᠲᠦ when they end the sentence (үдэд хуушуур 2 гэрт,
    or the bare answer гэрт нь): 'home' said last names delivery without a verb."""
    words = tokens.words
    last = len(words)
    while last and words[last - 1] in _HOME_TAIL:
        last -= 1
    if last and words[last - 1] in _HOME and not tokens.taken[last - 1]:
        return last - 1, last
    stem, cases = _HOME_SPLIT
    if last >= 2 and words[last - 2] == stem and words[last - 1] in cases:
        return None if tokens.taken[last - 2] else (last - 2, last)
    return None


def _ways(tokens: Tokens) -> list[Entity]:
    """How the meal is fetched, by the verb: хүргэ- brings it; going (очиж, ирж, өөрөө, тэнд)
    and ав- takes it; going and ид- eats there. Not the deliverer (хүргэгч) nor a passive
    (хүргэгдсэн: was it delivered?). Home said last, with no verb, is delivery."""
    found = []
    words = tokens.words
    home = _home_last(tokens)
    for k, word in enumerate(words):
        if tokens.taken[k]:
            continue
        refused = k > 0 and words[k - 1] in _REFUSE_FIRST  # X битгий авчраарай: X refused
        if (
            word.startswith(_DELIVER)
            and not refused
            and not any(
                x in word for x in (fold("гч"), fold("гд"), fold("ᠭᠴᠢ"), fold("ᠭᠳ"), fold("лт"))
            )
        ):
            last = k + 1
            if last < len(words) and words[last].startswith((fold("өг"), fold("ог"), fold("ᠥᠭ"))):
                last += 1
            first = k - 1 if k and words[k - 1] in (fold("гэрт"), fold("ᠭᠡᠷᠲᠦ")) else k
            found.append(tokens.entity("fulfillment", "delivery", first, last))
            continue
        eats_there = word.startswith(_EAT) and _went_to_eat(tokens, k)
        if word.startswith(_TAKE + _EAT) and k and (_going_before(words, k) or eats_there):
            first = k - 1
            while first > 0 and _going(words[first - 1]) and not tokens.taken[first - 1]:
                first -= 1
            mode = "pickup" if word.startswith(_TAKE) else "dine_in"
            found.append(tokens.entity("fulfillment", mode, first, k + 1))
    if home is not None and not found and not any(tokens.taken[home[0] : home[1]]):
        found.append(tokens.entity("fulfillment", "delivery", *home))
    return found


_PARTICLES = frozenset(fold(w) for w in ("л", "ч", "ᠯ", "ᠴᠤ", "ᠴᠦ", "нь", "ᠨᠢ"))
"""Between a count and its verb (нэг л болго, тавыг нь ав, ᠲᠠᠪᠤᠶᠢ ᠨᠢ ᠠᠪᠤᠶ᠎ᠠ)."""
_TAKEN_COUNT = tuple(fold(w) for w in ("ав", "ᠠᠪ", "захиал", "ᠵᠠᠬᠢᠶᠠᠯ", "өг", "ᠥᠭ"))
"""A count right before take / order / give (хоёрыг ав, ᠬᠣᠶᠠᠷ ᠠᠪᠤᠶ᠎ᠠ) counts portions."""


_OBJECT = tuple(fold(w) for w in ("ийг", "ыг"))
_OBJECT_TOKENS = frozenset(fold(w) for w in ("ᠶᠢ", "ᠢ"))
"""A number as the object of the sentence (нэгийг, хоёрыг, ᠨᠢᠭᠡ ᠶᠢ: one of it) counts portions."""


def _drop_stray_counts(entities: list[Entity], tokens: Tokens) -> None:
    """A number with nothing to count is not a portion (нэг дуу, долоо хоног, таван од),
    unless it is the whole answer or a count is being changed (гурав болгоорой)."""
    index = {span[0]: k for k, span in enumerate(tokens.spans)}
    ends = {span[1]: k for k, span in enumerate(tokens.spans)}
    for e in list(entities):
        if e.entity != "quantity":
            continue
        k = index.get(e.start or 0)
        if k is None:
            continue
        after = ends.get(e.end or 0, k) + 1  # ᠳᠣᠯᠣᠭ᠎ᠠ is two tokens
        while after < len(tokens.words) and tokens.words[after] in _PARTICLES:
            after += 1  # нэг л болго: one, just make it
        nxt = tokens.words[after] if after < len(tokens.words) else ""
        if nxt.startswith(_NOT_COUNTED):
            entities.remove(e)
            continue
        has_dish = any(x.entity == "dish" for x in entities)
        short = len(tokens.words) <= 3
        changing = nxt.startswith((fold("болго"), fold("ᠪᠣᠯᠭᠠ"), fold("болг")))
        taking = nxt.startswith(_TAKEN_COUNT)  # хоёрыг ав: two of what was just talked about
        taken = tokens.words[k].endswith(_OBJECT) or nxt in _OBJECT_TOKENS  # нэгийг гэрт хүргэ
        if not has_dish and not (short or changing or taking or taken) and nxt not in MEASURES:
            entities.remove(e)


def _words(tokens: Tokens, today: date, lexicon: MongolianLexicon) -> list[Entity]:
    """Numbers, days, weekdays and meals, with their case endings; a measure word alone is one."""
    found: list[Entity] = []
    words = tokens.words
    for k, token in enumerate(words):
        if tokens.taken[k]:
            continue
        plain = token.translate(_MN_DIGITS)
        digits = re.match(r"^([0-9]{1,2})(-?[^0-9]*)$", plain)
        said = None if digits else _number_at(tokens, k, lexicon)  # ᠳᠣᠯᠣᠭ᠎ᠠ, ᠲᠠᠪᠤᠶᠢ
        if said is not None or (digits and not digits.group(2).startswith("-н")):
            value, end = said if said is not None else (int(digits.group(1)), k + 1)  # type: ignore[union-attr]
            if 0 < value <= 99:
                found.append(tokens.entity("quantity", value, k, end))
            continue
        day = strip_ending(token, lexicon.dates)
        if day is not None:
            when = today + timedelta(days=lexicon.dates[day])
            found.append(tokens.entity("date", when.isoformat(), k, k + 1))
            continue
        weekday = strip_ending(token, lexicon.weekdays)
        if weekday is not None:
            back = next(
                (i for i in range(k - 1, max(-1, k - 4), -1) if words[i] in lexicon.next_week), None
            )
            first = back if back is not None else k  # ирэх (долоо хоногийн) Лхагва
            monday = today - timedelta(days=today.weekday())
            when = monday + timedelta(days=lexicon.weekdays[weekday])
            if first < k:
                when = monday + timedelta(days=7 + lexicon.weekdays[weekday])
            elif when < today:
                when += timedelta(days=7)
            last = (
                k + 2
                if k + 1 < len(words) and words[k + 1].startswith(fold("гараг")[:4])
                else k + 1
            )
            last = k + 2 if k + 1 < len(words) and words[k + 1].startswith(fold("ᠭᠠᠷᠠᠭ")) else last
            found.append(tokens.entity("date", when.isoformat(), first, last))
            continue
        meal = strip_ending(token, lexicon.meals)
        if meal is not None and k and words[k - 1] in _THIS and _is_day_word(meal):
            found.append(tokens.entity("date", today.isoformat(), k - 1, k + 1))  # ᠡᠨᠡ ᠡᠳᠦᠷ
            continue
        if meal is not None and not (k + 1 < len(words) and words[k + 1] in _EVERY):
            found.append(tokens.entity("meal", lexicon.meals[meal], k, k + 1))
            continue
        if token in MEASURES and not (k and words[k - 1] in lexicon.numbers):
            nxt = k + 1
            while nxt < len(words) and words[nxt] in _TAILS:
                nxt += 1
            if nxt < len(words) and tokens.taken[nxt] and not (k and tokens.taken[k - 1]):
                found.append(tokens.entity("quantity", 1, k, k + 1))  # аяга сүүтэй цай өгөөч
    return found


_THIS = frozenset(fold(w) for w in ("ᠡᠨᠡ", "энэ", "эне"))
_FACTS = tuple(
    fold(w)
    for w in ("зөөлөн", "зоолон", "хатуу", "ястай", "ясгүй", "халуун", "давс", "чихэр", "өөх",
              "тослог", "ᠵᠥᠭᠡᠯᠡᠨ", "ᠬᠠᠲᠠᠭᠤ", "ᠶᠠᠰᠤ", "ᠬᠠᠯᠠᠭᠤᠨ", "ᠳᠠᠪᠤᠰᠤ", "ᠴᠢᠬᠢᠷ", "ᠥᠭᠡᠬᠦ")
)  # fmt: skip
"""What is asked of a dish: soft or hard, bones, spicy, salty, sweet, fatty."""
_ASKING = frozenset(fold(w) for w in ("уу", "үү", "вэ", "бэ", "ᠤᠤ", "ᠦᠦ", "ᠪᠤᠢ", "ᠪᠡ"))


def asks_a_fact(tokens: Tokens) -> bool:
    """Хуушуур зөөлөн үү? / ᠡᠭᠡᠵᠡᠭᠡ ᠬᠠᠲᠠᠭᠤ ᠪᠢᠰᠢ ᠦᠦ?: a question about what a dish is like, not
    an order of it."""
    free = [w for w, taken in zip(tokens.words, tokens.taken, strict=True) if not taken]
    return _asked(free, tokens.text) and any(w.startswith(_FACTS) for w in free)


def _asked(words: list[str], text: str) -> bool:
    """A question particle among the words, or a question mark in the text."""
    return any(w in _ASKING for w in words) or "?" in text or "？" in text


def _is_day_word(stem: str) -> bool:
    """ᠡᠳᠦᠷ / өдөр: the day (энэ өдөр, this day: today), also heard as the midday meal."""
    return stem in _DAY_WORDS or stem.startswith(fold("өдр"))


def _beneficiaries(tokens: Tokens, lexicon: MongolianLexicon) -> list[Entity]:
    """ээждээ, аавдаа, ᠡᠵᠢ ᠳᠦ: a relative in the dative (or genitive) is who the meal is for."""
    found = []
    stems = {key[0]: value for key, value in lexicon.beneficiary.items() if len(key) == 1}
    pairs = {key: value for key, value in lexicon.beneficiary.items() if len(key) == 2}
    words = tokens.words
    for k, token in enumerate(words):
        if tokens.taken[k]:
            continue
        if k + 1 < len(words) and (token, _bare(words[k + 1])) in pairs:
            found.append(
                tokens.entity("beneficiary", pairs[(token, _bare(words[k + 1]))], k, k + 2)
            )
            continue
        if k > 0 and (words[k - 1] in _GENITIVE or words[k - 1].endswith(_GENITIVE_ENDINGS)):
            continue  # хөршийн эмгэнд, ᠬᠥᠷᠰᠢ ᠶᠢᠨ ᠡᠪᠦᠭᠡᠨ ᠳᠦ: someone else's, not the speaker's
        in_law = int(k > 0 and words[k - 1] in _IN_LAW)
        if token in stems and (
            stems[token] == "self" or (k + 1 < len(words) and words[k + 1] in _DATIVE_TOKENS)
        ):
            who = "other" if in_law else stems[token]
            found.append(tokens.entity("beneficiary", who, k - in_law, k + 1))
            continue
        for ending in _DATIVE:
            stem = token[: -len(ending)] if token.endswith(ending) else ""
            if stem in stems:
                who = "other" if in_law else stems[stem]  # хадам ээждээ: a mother-in-law
                found.append(tokens.entity("beneficiary", who, k - in_law, k + 1))
                break
    return found


_GENITIVE = frozenset(fold(w) for w in ("ᠶᠢᠨ", "ᠤᠨ", "ᠦᠨ"))
_GENITIVE_ENDINGS = tuple(fold(w) for w in ("ийн", "ын"))
_IN_LAW = frozenset(fold(w) for w in ("хадам", "ᠬᠠᠳᠠᠮ"))


def _bare(word: str) -> str:
    for ending in _DATIVE:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def _find_sequence(tokens: Tokens, key: tuple[str, ...]) -> list[int]:
    found = []
    size = len(key)
    for i in range(len(tokens.words) - size + 1):
        if size == 0 or any(tokens.taken[i : i + size]):
            continue
        window = tokens.words[i : i + size]
        if all(
            t == p or (len(p) >= 4 and t.startswith(p)) for t, p in zip(window, key, strict=True)
        ):
            found.append(i)
            for k in range(i, i + size):
                tokens.taken[k] = True
    return found


def _times(tokens: Tokens, lexicon: MongolianLexicon) -> list[Entity]:
    """Reminder times: 16:00 (either digits), or a number before цаг/ᠴᠠᠭ (орой ᠵᠢᠷᠭᠤᠭ᠎ᠠ ᠴᠠᠭ →
    18:00, 10 цаг хагаст → 10:30)."""
    found = []
    text = tokens.text.translate(_MN_DIGITS)
    for clock in _CLOCK.finditer(text):
        hhmm = f"{int(clock.group(1)):02d}:{clock.group(2)}"
        first = last = None
        for k, (start, end) in enumerate(tokens.spans):
            if start < clock.end() and end > clock.start():
                first = k if first is None else first
                last = k + 1
        if first is not None and last is not None:
            found.append(tokens.entity("time", hhmm, first, last))
    words = tokens.words
    for k, token in enumerate(words):
        plain = token.translate(_MN_DIGITS)
        nxt = words[k + 1] if k + 1 < len(words) else ""
        hour_word = strip_ending(nxt, _HOUR_WORDS) is not None or (
            nxt.startswith(_HOUR_WORDS[1]) and len(nxt) <= len(_HOUR_WORDS[1]) + 2
        )
        if tokens.taken[k] or not hour_word:
            continue
        after_hour = words[k + 2] if k + 2 < len(words) else ""
        at_a_time = (
            nxt != _HOUR_WORDS[0]
            or after_hour in _AT
            or any(
                w.startswith(_LATER_WORDS) or strip_ending(w, lexicon.meals)
                for w in words[max(0, k - 3) : k]
            )
        )
        if not at_a_time:
            continue  # хоёр цаг хүлээлээ: two hours waited, not two o'clock
        number = strip_ending(plain, lexicon.numbers)
        hour = (
            lexicon.numbers[number]
            if number
            else (int(plain) if plain.isascii() and plain.isdigit() else 0)
        )
        if not 0 < hour <= 23:
            continue
        before = words[max(0, k - 4) : k]
        if hour < 12 and any(w.startswith(_LATER_WORDS) for w in before):
            hour += 12
        first = k
        while first > max(0, k - 4) and (
            strip_ending(words[first - 1], lexicon.meals)
            or words[first - 1].startswith(_LATER_WORDS)
            or words[first - 1] in _PART_OF_DAY_GLUE
        ):
            first -= 1  # өглөө 8 цагт, ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠶᠢᠨ᠎ᠠ ᠳᠥᠷᠪᠡᠨ ᠴᠠᠭ: one time, not also a meal
        while first < k and words[first] in _PART_OF_DAY_GLUE:
            first += 1
        last = k + 2
        minute = 0
        if last < len(words) and words[last].startswith(_HALF):
            minute, last = 30, last + 1
        elif nxt.startswith(_HOUR_WORDS) and any(nxt.endswith(h) for h in ("хагаст", "хагас")):
            minute = 30
        found.append(tokens.entity("time", f"{hour:02d}:{minute:02d}", first, last))
    return found


def group_quantities(entities: list[Entity], tokens: Tokens) -> None:
    """Give each count the dish it counts: the dish right after it (skipping a measure word),
    or the one right before it (гар мах нэг таваг); тус бүр makes a count every dish's."""
    index = {span[0]: k for k, span in enumerate(tokens.spans)}
    ends = {span[1]: k for k, span in enumerate(tokens.spans)}
    dishes = sorted((e for e in entities if e.entity == "dish"), key=lambda e: e.start or 0)
    for i, dish in enumerate(dishes, 1):
        dish.group = i
    quantities = sorted((e for e in entities if e.entity == "quantity"), key=lambda e: e.start or 0)
    if not dishes:
        return
    first_dish = index.get(dishes[0].start or 0, 0)
    counts_follow = bool(quantities) and first_dish < index.get(quantities[0].start or 0, 0)
    used: set[int] = set()
    for quantity in quantities:
        k = index.get(quantity.start or 0)
        if k is None:
            continue
        if (k and tokens.words[k - 1] in EACH_WORDS) or (
            k > 1 and " ".join(tokens.words[k - 2 : k]) in EACH_WORDS
        ):
            quantity.role = "each"
            continue
        after = k + 1
        while after < len(tokens.words) and tokens.words[after] in MEASURES | _TAILS:
            after += 1
        nxt = next(
            (d for d in dishes if index.get(d.start or 0) == after and d.group not in used), None
        )
        if nxt is not None and _counted_after(nxt, tokens, entities):
            nxt = None  # пицца 2 тараг нэг: тараг has its own count, the 2 is the word before's
        prev = next(
            (
                d
                for d in dishes
                if ends.get(d.end or 0) in (k - 1, k - 2)
                and d.group not in used
                and _clause(tokens, k)[0] <= index.get(d.start or 0, 0)
            ),
            None,
        )
        chosen = prev if prev is not None and (counts_follow or nxt is None) else nxt
        if chosen is not None and chosen.group is not None:
            quantity.group = chosen.group
            used.add(chosen.group)


def _counted_after(dish: Entity, tokens: Tokens, entities: list[Entity]) -> bool:
    """Whether a count follows the dish and no other dish follows that count (тараг нэг. but
    not тараг нэг хулуу, where the нэг may be the pumpkin's)."""
    index = {span[0]: k for k, span in enumerate(tokens.spans)}
    ends = {span[1]: k for k, span in enumerate(tokens.spans)}
    starts = {index.get(e.start or 0): e.entity for e in entities}
    after = ends.get(dish.end or 0, -2) + 1
    if starts.get(after) != "quantity":
        return False
    after += 1
    while after < len(tokens.words) and tokens.words[after] in MEASURES | _TAILS:
        after += 1
    return starts.get(after) != "dish"


EACH_WORDS = frozenset(
    fold(w)
    for w in (
        "тус бүр",
        "тус бүрд",
        "тус бур",
        "ᠲᠤᠰ ᠪᠦᠷᠢ",
        "бүр",
        "ᠪᠦᠷᠢ",
        "ᠪᠦᠷ",
        "тус тус",
        "ᠲᠤᠰ ᠲᠤᠰ",
    )
)


def assign_roles(entities: list[Entity], tokens: Tokens, lexicon: MongolianLexicon) -> None:
    """Refusals (хэрэггүй, битгий), swaps (X-ийг Y-ээр соль, X биш Y, X-ын оронд Y, … болго),
    additions (нэм-)."""
    index = {span[0]: k for k, span in enumerate(tokens.spans)}
    targets = sorted(
        (e for e in entities if e.entity in ("dish", "date", "meal", "fulfillment")),
        key=lambda e: e.start or 0,
    )
    if not targets:
        return
    cues = sorted(set(lexicon.roles.find(tokens.words)), key=lambda c: c[1])
    position = {id(e): index.get(e.start or 0, 0) for e in targets}

    def position_of(entity: Entity) -> int | None:
        return index.get(entity.start or 0)

    ends = {span[1]: k for k, span in enumerate(tokens.spans)}
    for role, first, last in cues:
        clause = _clause(tokens, first)
        before = [e for e in targets if clause[0] <= position[id(e)] < first and e.role is None]
        after = [e for e in targets if last <= position[id(e)] <= clause[1] and e.role is None]
        if role == "remove":
            if _not_stopped(tokens, first, last):
                continue  # болиогүй / ᠪᠣᠯᠢᠭᠰᠠᠨ ᠦᠭᠡᠢ: not given up
            if _not_forgotten(tokens, first, last):
                continue  # битгий март X: do not forget it, it is wanted
            if any(w in _OTHER for w in tokens.words[clause[0] : first]):
                continue  # гар мах авъя, өөр юм идэхгүй: nothing else, that one is wanted
            right_after = (
                before and ends.get(before[-1].end or 0, position[id(before[-1])]) >= first - 2
            )
            if tokens.words[first] in _WEAK_NO and not right_after:
                continue  # үгүй / ᠦᠭᠡᠢ refuse only the dish said just before them
            prefixed = tokens.words[first] in _REFUSE_FIRST
            seasoned = first and not tokens.taken[first - 1]
            if prefixed and seasoned and tokens.words[first - 1].startswith(_SEASONING):
                continue  # давс битгий их хий / халуун ногоо битгий хий: salt, not the dish
            if prefixed and after and not right_after:
                _refuse(after[0])  # битгий X өг: the thing after
            elif before:
                _refuse(before[-1])  # X хэрэггүй: the thing before, never the next wish
            elif clause[0] > 0 and clause[1] - clause[0] <= (last - first) + 1:
                # Чанасан мах тослог байна, хэрэггүй: a refusal alone refers to the clause before
                previous = _clause(tokens, clause[0] - 1)
                named = [e for e in targets if previous[0] <= position[id(e)] <= previous[1]]
                if named and named[-1].role is None:
                    _refuse(named[-1])
        elif role == "instead" and _enters(tokens, last):
            continue  # ᠬᠣᠲᠠ ᠣᠷᠣᠨ᠎ᠠ: goes into the town, nothing instead
        elif role == "instead" and before:
            _instead(before[-1], [e for e in targets if position[id(e)] >= last])
        elif role == "instead" and _in_its_place(tokens, first, last):
            for e in after:  # ᠣᠷᠣᠨ ᠳᠤ ᠨᠢ X ᠪᠣᠯᠭᠠ / оронд нь X: instead of what was ordered
                if e.entity == "dish":
                    e.role = "replace_to"
        elif role == "not" and before:
            wrong = before[-1]
            right = next(
                (
                    e
                    for e in targets
                    if position[id(e)] >= last and e.entity == wrong.entity and e.role is None
                ),
                None,
            )
            if right is not None:
                wrong.role, right.role = "replace_from", "replace_to"
        elif role == "swap" and first and tokens.words[first - 1] in _ANNUL:
            continue  # хүчингүй болгох, ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ: annulled, not changed into
        elif role == "swap" and before:
            counted = any(
                e.entity == "quantity"
                and position_of(e) is not None
                and position[id(before[-1])] < position_of(e) < first  # type: ignore[operator]
                for e in entities
            )
            if counted and before[-1].entity == "dish":
                continue  # мантууг гурав болгоорой: the count changes, not the dish
            same = [e for e in before if e.entity == before[-1].entity]
            if len(same) >= 2:
                same[-2].role, same[-1].role = "replace_from", "replace_to"
            elif before[-1].entity != "dish" or len(before) == 1:
                before[-1].role = "replace_to"
        elif role == "add":
            for e in before + after:
                if e.entity == "dish" and e.role is None:
                    e.role = "add"


def _enters(tokens: Tokens, last: int) -> bool:
    """ᠣᠷᠣᠨ᠎ᠠ / орно (enters, goes into): the verb, not ᠣᠷᠣᠨ ᠳᠤ / оронд (instead of)."""
    words = tokens.words
    first = last - 1
    after_whose = first > 0 and words[first - 1] in _OF  # X ᠶᠢᠨ ᠣᠷᠤᠨ᠎ᠠ: in place of X
    return last < len(words) and words[last] in _VERB_ENDS and not after_whose


_VERB_ENDS = frozenset(fold(w) for w in ("ᠠ", "ᠡ"))
_OTHER = frozenset(fold(w) for w in ("өөр", "бусад", "ᠥᠭᠡᠷ᠎ᠡ", "ᠪᠤᠰᠤᠳ"))
"""өөр юм / бусад: other things; refusing them wants what was named."""
_FORGET = tuple(fold(w) for w in ("март", "ᠮᠠᠷᠲᠠ"))


def _not_forgotten(tokens: Tokens, first: int, last: int) -> bool:
    """битгий мартаарай / ᠪᠢᠲᠡᠭᠡᠢ ᠮᠠᠷᠲᠠᠭᠠᠷᠠᠢ: "don't forget", which asks for what it names."""
    return (
        tokens.words[first] in _REFUSE_FIRST
        and last < len(tokens.words)
        and (tokens.words[last].startswith(_FORGET))
    )


def _in_its_place(tokens: Tokens, first: int, last: int) -> bool:
    """оронд / ᠣᠷᠣᠨ ᠳᠤ ("in its place"), in the dative: not ᠣᠷᠣᠨ᠎ᠠ (it falls: snow)."""
    word = tokens.words[first]
    dative = last < len(tokens.words) and tokens.words[last] in _DATIVE_TOKENS
    return dative or word.endswith((fold("нд"), fold("ндоо"), fold("ндаа")))


_ANNUL = frozenset(fold(w) for w in ("ᠦᠭᠡᠢ", "хүчингүй", "хучингуй", "ᠬᠡᠷᠡᠭᠭᠦᠢ", "хэрэггүй"))
_WEAK_NO = frozenset(fold(w) for w in ("ᠦᠭᠡᠢ", "үгүй"))
_REFUSE_FIRST = frozenset(fold(w) for w in ("битгий", "ᠪᠢᠲᠡᠭᠡᠢ"))


def _instead(wrong: Entity, later: list[Entity]) -> None:
    """X-ын оронд Y (Y in place of X): X is replaced by the next thing of its kind."""
    right = next((e for e in later if e.entity == wrong.entity and e.role is None), None)
    if right is not None:
        wrong.role, right.role = "replace_from", "replace_to"


def _refuse(entity: Entity) -> None:
    if entity.entity in ("dish", "fulfillment"):
        entity.role = "remove"


_JUDGED = tuple(
    fold(w)
    for w in ("үнэтэй", "унэтэй", "хатуу", "давстай", "давслаг", "өөхтэй", "тослог", "хүйтэн",
              "ᠦᠨ᠎ᠡ ᠲᠡᠢ", "ᠦᠨᠡᠲᠡᠢ", "ᠬᠠᠲᠠᠭᠤ", "ᠳᠠᠪᠤᠰᠤᠲᠠᠢ", "ᠲᠣᠰᠣᠲᠠᠢ", "ᠬᠦᠢᠲᠡᠨ")
)  # fmt: skip
"""Words that find fault with a dish (expensive, hard, salty, fatty, cold)."""
_WANTING = _TAKEN_COUNT + tuple(
    fold(w) for w in ("хүргэ", "болго", "нэм", "ᠬᠦᠷᠭᠡ", "ᠪᠣᠯᠭᠠ", "ᠨᠡᠮᠡ")
)
"""Words that take, order, give, bring, make it or add: a clause with one asks for its dish."""


def faulted_not_wanted(entities: list[Entity], tokens: Tokens) -> None:
    """Ууц үнэтэй юм байна. Тэгвэл чанасан мах нэгийг …: a dish found fault with in a clause of
    its own (no word that takes, orders or brings, no question), while another is asked for, is
    not wanted."""
    index = {span[0]: k for k, span in enumerate(tokens.spans)}
    dishes = [e for e in entities if e.entity == "dish" and e.role is None]
    if len({d.value for d in dishes}) < 2:
        return  # Хонины шөл давстай alone is a complaint, not an order of something else
    for dish in dishes:
        k = index.get(dish.start or 0)
        if k is None:
            continue
        first, last = _clause(tokens, k)
        words = tokens.words[first : last + 1]
        faulted = any(w.startswith(_JUDGED) for w in words)
        asked = _asked(words, tokens.text)
        wanting = any(w.startswith(_WANTING) for w in words)
        if faulted and not asked and not wanting:
            dish.role = "remove"


def _clause(tokens: Tokens, k: int) -> tuple[int, int]:
    """The token range of the clause around token ``k`` (commas and full stops end one, with or
    without a space after them)."""
    breaks = [
        i
        for i in range(1, len(tokens.spans))
        if any(
            ch in ",，.。!?᠂᠃;" for ch in tokens.text[tokens.spans[i - 1][1] : tokens.spans[i][0]]
        )
    ]
    start = max((b for b in breaks if b <= k), default=0)
    end = min((b - 1 for b in breaks if b > k), default=len(tokens.words) - 1)
    return start, end
