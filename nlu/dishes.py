"""Finding dishes in what was said: exact names and aliases first, then what a speech
recogniser makes of them (红烧柔 → 红烧肉), matched by toneless pinyin.

Ordinary words must not become dishes: a near-homophone is accepted only when the sounds match
closely and, for two-character names, at least one character is the same (几单 ≠ 鸡蛋).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import Levenshtein

from nlu.lexicon_zh import COMMON_WORDS, NAME_VARIANTS
from nlu.menu import MenuNames
from nlu.text import fold, has_han, strip_ending

FUZZY_SCAN_CHARS = 120

# Initials and finals that Mandarin speakers (and recognisers) in the north confuse.
_NEAR_INITIALS = [("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n"), ("f", "h"), ("r", "l")]
_NEAR_FINALS = [("ang", "an"), ("eng", "en"), ("ing", "in"), ("uang", "uan")]


@dataclass(frozen=True)
class DishMention:
    """A dish found in the text, with the span that named it."""

    name: str
    start: int
    end: int
    exact: bool


@lru_cache(maxsize=8192)
def _syllable(char: str) -> str:
    if not has_han(char):
        return ""
    return lazy_pinyin(char, style=Style.NORMAL, errors="ignore")[0] if char else ""


_VARIANT_PATTERNS = [
    (group, re.compile("|".join(sorted(group, key=len, reverse=True)))) for group in NAME_VARIANTS
]


def regional_variants(surface: str) -> list[str]:
    """倭瓜粥 / 南瓜稀饭 / 倭瓜稀饭 for 南瓜粥: the name with regional words in place of its own
    (one or two of them), two characters or longer."""
    variants = {surface}
    for _round in range(2):
        for current in list(variants):
            for group, pattern in _VARIANT_PATTERNS:
                for found in pattern.finditer(current):
                    head, tail = current[: found.start()], current[found.end() :]
                    variants.update(head + other + tail for other in group)
    variants.discard(surface)
    return sorted(v for v in variants if len(v) >= 2)


def _split(syllable: str) -> tuple[str, str]:
    for initial in ("zh", "ch", "sh"):
        if syllable.startswith(initial):
            return initial, syllable[len(initial) :]
    if syllable and syllable[0] in "bpmfdtnlgkhjqxrzcsyw":
        return syllable[0], syllable[1:]
    return "", syllable


def _near(a: str, b: str) -> bool:
    """Two syllables a northern speaker or a recogniser might swap (zhou/zou, fan/fang)."""
    if a == b:
        return True
    (ia, fa), (ib, fb) = _split(a), _split(b)
    same_initial = ia == ib or (ia, ib) in _NEAR_INITIALS or (ib, ia) in _NEAR_INITIALS
    same_final = fa == fb or (fa, fb) in _NEAR_FINALS or (fb, fa) in _NEAR_FINALS
    return same_initial and same_final


class DishMatcher:
    """Finds mentions of the menu's dishes in Mandarin or Mongolian text."""

    def __init__(self, menu: MenuNames) -> None:
        self.forms: list[tuple[str, str]] = []  # (surface, canonical), longest first
        self.folded: list[tuple[tuple[str, ...], str]] = []  # Mongolian/Cyrillic token keys
        for dish in menu.dishes:
            for surface in (dish.name, *dish.aliases):
                if surface:
                    self.forms.append((surface, dish.name))
            for mongolian in (dish.name_mn, dish.name_mn_cyrl):
                if mongolian:
                    self.folded.append((tuple(fold(mongolian).split()), dish.name))
        said = {surface for surface, _name in self.forms}
        for surface, name in list(self.forms):
            for variant in regional_variants(surface):
                if variant not in said:  # never another dish's own name or alias
                    said.add(variant)
                    self.forms.append((variant, name))
        self.forms.sort(key=lambda f: -len(f[0]))
        self.folded.sort(key=lambda f: -len(f[0]))
        self.heads = _heads(self.folded)
        self.name_words = frozenset(w for key, _name in self.folded for w in key)
        self.han_forms = [(s, c, [_syllable(ch) for ch in s]) for s, c in self.forms if has_han(s)]
        self.pinyin = _pinyin_names(self.han_forms)
        # a near-homophone shares at least one character with the name: index forms by them
        self.by_char: dict[str, list[tuple[int, int]]] = {}
        for index, (surface, _name, _target) in enumerate(self.han_forms):
            for offset, char in enumerate(surface):
                self.by_char.setdefault(char, []).append((index, offset))

    def find(self, text: str) -> list[DishMention]:
        """Dish mentions in order of appearance, never overlapping."""
        taken = [False] * len(text)
        found: list[DishMention] = []
        for surface, name in self.forms:
            start = text.find(surface)
            while start != -1:
                end = start + len(surface)
                if not any(taken[start:end]):
                    found.append(DishMention(name, start, end, exact=True))
                    for i in range(start, end):
                        taken[i] = True
                start = text.find(surface, end)
        found = self._longer_heard(text, found, taken)
        found += self._fuzzy(text, taken)
        return sorted(found, key=lambda m: m.start)

    def _longer_heard(
        self, text: str, exact: list[DishMention], taken: list[bool]
    ) -> list[DishMention]:
        """黄油炒米周 is 黄油炒米粥 misheard, not 炒米 with words around it: a longer name that
        sounds like the words around an exact shorter one takes its place."""
        if not exact:
            return exact
        kept = list(exact)
        for longer in self._fuzzy(text, [False] * len(text)):
            inside = [m for m in kept if longer.start <= m.start and m.end <= longer.end]
            crossing = [
                m for m in kept if m not in inside and m.start < longer.end and longer.start < m.end
            ]
            if inside and not crossing and all(m.name != longer.name for m in inside):
                kept = [m for m in kept if m not in inside] + [longer]
                for i in range(longer.start, longer.end):
                    taken[i] = True
        return kept

    def _fuzzy(self, text: str, taken: list[bool]) -> list[DishMention]:
        limit = min(len(text), FUZZY_SCAN_CHARS)
        candidates: set[tuple[int, int]] = set()
        for position, char in enumerate(text[:limit]):
            for index, offset in self.by_char.get(char, ()):
                start = position - offset
                if start >= 0 and start + len(self.han_forms[index][0]) <= limit:
                    candidates.add((index, start))
        if not candidates:
            return []
        syllables = [_syllable(ch) for ch in text[:limit]]
        found = []
        # longest names first, then left to right, as for exact matches
        for index, start in sorted(candidates, key=lambda c: (-len(self.han_forms[c[0]][0]), c[1])):
            surface, name, target = self.han_forms[index]
            size = len(surface)
            if size < 2 or any(taken[start : start + size]):
                continue
            heard = syllables[start : start + size]
            if not all(heard):
                continue
            if self._sounds_like(text[start : start + size], surface, heard, target):
                found.append(DishMention(name, start, start + size, exact=False))
                for i in range(start, start + size):
                    taken[i] = True
        return found

    @staticmethod
    def _sounds_like(window: str, surface: str, heard: list[str], target: list[str]) -> bool:
        same_chars = sum(a == b for a, b in zip(window, surface, strict=True))
        if same_chars == 0:
            return False
        exact = sum(a == b for a, b in zip(heard, target, strict=True))
        near = sum(_near(a, b) for a, b in zip(heard, target, strict=True))
        size = len(surface)
        if size == 2:
            return exact == 2 and window not in COMMON_WORDS
        if size == 3:
            # every sound identical (tones aside): 红烧柔, 小米州; not 土豆是 for 土豆丝; or one
            # sound near and two characters the same (清真鱼 for 清蒸鱼)
            return exact == 3 or (near == 3 and exact == 2 and same_chars == 2)
        # longer names: every sound close, at most one not identical, most characters shared
        return near == size and exact >= size - 1 and same_chars >= size - 2

    def find_tokens(
        self, tokens: list[str], everyday: frozenset[str] = frozenset()
    ) -> list[tuple[str, int, int]]:
        """Dishes named in folded Mongolian tokens: ``(canonical, first, last+1)`` token indexes.

        A name is found whole, or with a small typo per word (never in a word of ``everyday``,
        the lexicon's own words: орой is evening, not өрөм), or by its last word alone where
        no other dish ends in it (банш for хонины махтай банш, as people shorten names)."""
        taken = [False] * len(tokens)
        found = []
        for key, name in self.folded:
            size = len(key)
            for start in range(0, len(tokens) - size + 1):
                if any(taken[start : start + size]):
                    continue
                window = tokens[start : start + size]
                if tuple(window) == key or (
                    not (everyday.intersection(window) - self.name_words) and _close(window, key)
                ):
                    found.append((name, start, start + size))
                    for i in range(start, start + size):
                        taken[i] = True
        for i, token in enumerate(tokens):
            everyday_word = token in everyday and token not in self.name_words
            head = None if taken[i] or everyday_word else strip_ending(token, self.heads)
            if head is not None:
                found.append((self.heads[head], i, i + 1))
                taken[i] = True
        return sorted(found, key=lambda f: f[1])


def _pinyin_names(han_forms: list[tuple[str, str, list[str]]]) -> dict[str, str]:
    """Toneless pinyin written as one word (jiaozi, mianpian) for each Han name or alias of
    two characters or more that sounds like one dish only: how a Mongolian speaker types a
    Chinese dish's name without Chinese input."""
    dishes: dict[str, set[str]] = {}
    for surface, name, syllables in han_forms:
        if len(surface) >= 2 and all(syllables):
            dishes.setdefault("".join(syllables), set()).add(name)
    return {sound: next(iter(names)) for sound, names in dishes.items() if len(names) == 1}


def _heads(folded: list[tuple[tuple[str, ...], str]]) -> dict[str, str]:
    """The last word of each name of two words or more, where it names one dish only and is
    not a whole name itself (банш → 羊肉胡萝卜饺子; not мах, which ends several names)."""
    dishes: dict[str, set[str]] = {}
    for key, name in folded:
        if len(key) >= 2 and len(key[-1]) >= 4:
            dishes.setdefault(key[-1], set()).add(name)
    whole = {key[0] for key, _name in folded if len(key) == 1}
    return {
        word: next(iter(names))
        for word, names in dishes.items()
        if len(names) == 1 and word not in whole
    }


_NOT_DISHES = frozenset(fold(w) for w in ("ᠮᠡᠨᠳᠦ", "мэнд", "ᠮᠡᠩᠳᠦ", "ᠪᠠᠨ", "ᠪᠡᠨ"))
"""Everyday Mongolian words one letter away from a dish's name (ᠮᠡᠨᠳᠦ hello ~ ᠮᠠᠨᠲᠤᠤ; the
reflexive ending ᠪᠠᠨ/ᠪᠡᠨ written apart, ᠲᠡᠷᠡ ᠪᠡᠨ 'that of mine' ~ ᠪᠠᠨᠱ dumplings)."""


def _close(tokens: list[str], key: tuple[str, ...]) -> bool:
    """Token sequences equal up to one small typo per word (Cyrillic spelling varies), the
    last word perhaps with a case ending (хонины шөлийг, буузыг)."""
    for i, (token, word) in enumerate(zip(tokens, key, strict=True)):
        if token == word:
            continue
        if token in _NOT_DISHES:
            return False
        if i == len(key) - 1 and len(word) >= 3 and strip_ending(token, {word}) == word:
            continue
        if len(word) < 4 or abs(len(token) - len(word)) > 1 or token[:1] != word[:1]:
            return False
        if Levenshtein.distance(token, word, score_cutoff=1) > 1:
            return False
    return True
