"""Matching what a recogniser wrote against the phrases that make sense now, by sound.

Whisper (and a small vosk model) often writes the right sounds with the wrong characters
(红烧肉 → 凤凰柔, 订餐 → 等三). The dialogue knows what it can hear at this moment (the menu's
dishes, numbers, days, meals, yes/no, its commands), so each phrase is looked for in the
transcript's toneless pinyin, allowing near sounds, and the transcript is rewritten as the
phrases found, in the order they were said. Phrases are given as data: this module knows no
menu.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import Indel

NUMBERS_ZH = ("一", "两", "二", "三", "四", "五", "六", "七", "八", "九", "十")
COMMON_ZH: tuple[str, ...] = (
    *(f"{n}份" for n in NUMBERS_ZH),
    *(f"{n}碗" for n in ("一", "两", "三")),
    "今天", "明天", "后天", "大后天",
    *(f"周{d}" for d in ("一", "二", "三", "四", "五", "六", "日")),
    "早上", "中午", "晚上", "早饭", "午饭", "晚饭",
    "要", "不要", "对", "不对", "好的", "可以", "行", "不用了", "算了",
    "我要", "我想吃", "给我", "来一份", "要一份", "订一份",
)  # fmt: skip
"""Words every Mandarin answer may contain, whatever the menu (numbers, days, meals, yes/no,
the ways of asking for food)."""

THRESHOLD = 0.66
"""How alike (0..1) a stretch of three or more syllables must sound to be taken for a phrase:
tuned on whisper-base's transcripts of espeak-ng Mandarin (bench/voice.py)."""
EXACT_WEIGHT = 1.2
SHORT_ANSWER = 2
"""A one-syllable phrase (要, 对, 行) counts only in an answer this short."""
TWO_SYLLABLES = 0.84
"""Two-syllable phrases (不要, 明天, 两份) must sound closer: one wrong syllable is half of them."""

_DIGITS = str.maketrans("0123456789", "零一二三四五六七八九")
_HAN = re.compile(r"[\u3400-\u9fff]")

# Initials and finals that recognisers and northern speakers swap.
_NEAR = {
    frozenset(p)
    for p in (
        ("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n"), ("f", "h"), ("r", "l"), ("d", "t"),
        ("b", "p"), ("g", "k"), ("j", "q"), ("z", "c"), ("s", "c"), ("zh", "ch"), ("n", "m"),
        ("ang", "an"), ("eng", "en"), ("ing", "in"), ("uang", "uan"), ("ong", "eng"),
        ("ing", "eng"), ("ian", "an"), ("iao", "ao"), ("ou", "u"),
    )
}  # fmt: skip


@dataclass(frozen=True)
class PhraseHit:
    """A phrase found in the transcript at characters ``start:end``, and how close (0..1)."""

    phrase: str
    start: int
    end: int
    score: float


@lru_cache(maxsize=8192)
def _syllable(char: str) -> str:
    return lazy_pinyin(char, style=Style.NORMAL, errors="ignore")[0] if _HAN.match(char) else ""


@lru_cache(maxsize=4096)
def _phrase_syllables(phrase: str) -> tuple[str, ...]:
    return tuple(_syllable(c) for c in phrase.translate(_DIGITS) if _HAN.match(c))


def _split(syllable: str) -> tuple[str, str]:
    for initial in ("zh", "ch", "sh"):
        if syllable.startswith(initial):
            return initial, syllable[2:]
    if syllable and syllable[0] in "bpmfdtnlgkhjqxrzcsyw":
        return syllable[0], syllable[1:]
    return "", syllable


@lru_cache(maxsize=65536)
def syllable_similarity(a: str, b: str) -> float:
    """How alike two toneless syllables sound, 0..1: the final weighs more than the initial,
    and pairs recognisers swap (zh/z, d/t, ing/in) count as nearly the same."""
    if a == b:
        return 1.0
    (ia, fa), (ib, fb) = _split(a), _split(b)
    initial = 1.0 if ia == ib else 0.75 if frozenset((ia, ib)) in _NEAR else 0.2
    if fa == fb:
        final = 1.0
    elif frozenset((fa, fb)) in _NEAR:
        final = 0.8
    else:  # shared letters in order: ao/ou, ei/i, iu/ou are half alike
        final = 0.7 * Indel.normalized_similarity(fa, fb)
    return 0.4 * initial + 0.6 * final


def _window_score(heard: Sequence[str], target: Sequence[str]) -> float:
    """Alignment of two syllable sequences (edit distance with graded substitutions), 0..1."""
    n, m = len(heard), len(target)
    previous = [float(j) for j in range(m + 1)]
    for i in range(1, n + 1):
        current = [float(i)] + [0.0] * m
        for j in range(1, m + 1):
            cost = 1.0 - syllable_similarity(heard[i - 1], target[j - 1])
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        previous = current
    return max(0.0, 1.0 - previous[m] / max(n, m))


def find_phrases(
    transcript: str, phrases: Iterable[str], *, threshold: float = THRESHOLD
) -> list[PhraseHit]:
    """The phrases heard in ``transcript``, left to right, without overlaps. Longer phrases
    win over shorter ones they contain (不要 over 要); one syllable must match exactly."""
    text = transcript.translate(_DIGITS)
    positions = [i for i, c in enumerate(text) if _HAN.match(c)]
    heard = [_syllable(text[i]) for i in positions]
    candidates: list[PhraseHit] = []
    for phrase in dict.fromkeys(phrases):
        target = _phrase_syllables(phrase)
        k = len(target)
        if not k:
            continue
        for size in {k, max(1, k - 1), k + 1} if k > 2 else {k}:
            for start in range(0, len(heard) - size + 1):
                window = heard[start : start + size]
                if text[positions[start] : positions[start + size - 1] + 1] == phrase:
                    score = 1.0
                else:
                    score = _window_score(window, target)
                if k == 1 and len(heard) > SHORT_ANSWER:
                    continue  # 要 inside a garbled sentence is no yes
                if phrase.startswith("不") and window[0] != "bu":
                    continue  # a negation must be heard: 努要 is no 不要
                if score >= (1.0 if k == 1 else TWO_SYLLABLES if k == 2 else threshold):
                    candidates.append(
                        PhraseHit(phrase, positions[start], positions[start + size - 1] + 1, score)
                    )
    return _best_set(candidates, text)


def _weight(hit: PhraseHit, text: str) -> float:
    """What a hit explains: its syllables times how close it sounds, a fifth more when it was
    written exactly."""
    exact = EXACT_WEIGHT if text[hit.start : hit.end] == hit.phrase else 1.0
    return hit.score * len(_phrase_syllables(hit.phrase)) * exact


def _best_set(candidates: list[PhraseHit], text: str) -> list[PhraseHit]:
    """The non-overlapping hits that together explain the most (weighted interval
    scheduling), left to right: two short phrases heard well (小米粥 + 多少钱) beat one long
    phrase heard badly over both (卡里还有多少钱)."""
    hits = sorted(candidates, key=lambda h: (h.end, h.start))
    ends = [h.end for h in hits]
    best = [0.0] * (len(hits) + 1)
    for i, hit in enumerate(hits, 1):
        before = bisect.bisect_right(ends, hit.start, 0, i - 1)
        best[i] = max(best[i - 1], best[before] + _weight(hit, text))
    chosen: list[PhraseHit] = []
    i = len(hits)
    while i > 0:
        hit = hits[i - 1]
        before = bisect.bisect_right(ends, hit.start, 0, i - 1)
        if best[i] == best[before] + _weight(hit, text) and best[i] != best[i - 1]:
            chosen.append(hit)
            i = before
        else:
            i -= 1
    return chosen[::-1]


def explained(transcript: str, phrases: Iterable[str]) -> float:
    """How much of ``transcript`` the phrases explain (0..1): the sounds of the phrases heard
    in it, weighted by how close they are, over all its syllables."""
    total = sum(1 for c in transcript.translate(_DIGITS) if _HAN.match(c))
    if not total:
        return 0.0
    hits = find_phrases(transcript, phrases)
    return sum(h.score * len(_phrase_syllables(h.phrase)) for h in hits) / total


def snap(transcript: str, phrases: Iterable[str], *, threshold: float = THRESHOLD) -> str:
    """``transcript`` with each stretch that sounds like a phrase replaced by the phrase
    (我要一份千朝时苏 → 我要一份清炒时蔬); the rest is kept, since the NLU reads words such as 我要
    or 给我 that no phrase list holds. Unchanged when no phrase is heard."""
    hits = find_phrases(transcript, phrases, threshold=threshold)
    if not hits:
        return transcript
    text = transcript.translate(_DIGITS)
    out: list[str] = []
    position = 0
    for hit in hits:
        out.append(text[position : hit.start])
        out.append(hit.phrase)
        position = hit.end
    out.append(text[position:])
    return "".join(out)
