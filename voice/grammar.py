"""Hearing against a grammar of what makes sense now, for a recogniser that has none (Whisper).

A Mandarin answer to a meal dialogue is short and shaped: a day, a meal, a way of asking, a
number with its measure word, a dish (and another), a way of getting it; or a command, or an
answer to the question just asked. ``Expected`` is what the dialogue can hear at this moment
(its dishes and its whole sayings); ``MANDARIN`` is the shape, as classes of phrases and which
class may follow which (each class once, dishes up to three, no phrase twice).

``search`` decodes Whisper token by token, allowed only what the grammar allows next, with a
beam of hypotheses. Two things make a grammar work on a model trained to write anything:
- **The model's own preferences are divided out.** Each token is scored by how much more
  likely the audio makes it than silence does: log p(token | audio) − λ·log p(token |
  silence). Without it Whisper prefers common short words (可以, 好, 今天晚上) over the rare
  characters of dish names (饸饹, 莜面); with λ = 0.6 the espeak-ng round trip went from 7 to
  40 of 50 sentences (``bench/voice.py``). This is the internal language model subtraction
  of end-to-end speech recognition, with silence standing in for "no audio".
- **Long hypotheses are kept alive while searching:** a small bonus per character heard keeps
  a dish whose first byte is unlikely in the beam long enough to be judged whole; the bonus
  is taken off again before hypotheses are compared.
Knows no menu and imports nothing outside ``voice``: the caller gives the phrases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from voice.phrases import NUMBERS_ZH
from voice.whisper_decoder import Memory, WhisperDecoder

MEASURES = ("份", "碗", "个", "杯", "盘", "笼", "盒")
MANDARIN_CLASSES: dict[str, tuple[str, ...]] = {
    "day": (
        "今天", "明天", "后天", "大后天", "今儿", "明儿",
        *(f"周{d}" for d in "一二三四五六日"), *(f"星期{d}" for d in "一二三四五六天"),
    ),
    "meal": (
        "早上", "中午", "晚上", "上午", "下午", "早饭", "午饭", "晚饭", "早餐", "午餐", "晚餐",
    ),
    "de": ("的",),
    "verb": (
        "要", "我要", "我想吃", "我想要", "给我", "来", "给我来", "订", "我要订", "我订", "点",
        "我点", "我想订", "还要", "再来", "帮我订", "我还要",
    ),
    "qty": tuple(f"{n}{m}" for n in NUMBERS_ZH for m in MEASURES),
    "and": ("和", "还有", "再来", "加"),
    "mode": ("送到家", "送餐", "送过来", "自己去拿", "自己拿", "在食堂吃", "堂食"),
    "ask": ("吃什么", "有什么菜", "有什么", "什么菜", "的菜单", "菜单"),
    "price": ("多少钱", "几块钱", "什么价"),
    "cancel": ("取消", "退掉"),
    "orderword": ("订单", "订餐", "订饭", "的订单", "的饭"),
}  # fmt: skip
"""Mandarin words any meal answer may use, whatever the menu, by the part they play."""

MANDARIN_FOLLOWS: dict[str, frozenset[str]] = {
    "^": frozenset({"day", "meal", "verb", "qty", "dish", "cancel", "saying", "ask", "orderword"}),
    "day": frozenset({"meal", "de", "verb", "qty", "dish", "ask", "orderword", "$"}),
    "meal": frozenset({"de", "verb", "qty", "dish", "ask", "orderword", "mode", "$"}),
    "de": frozenset({"meal", "dish", "orderword", "ask"}),
    "verb": frozenset({"day", "meal", "qty", "dish", "orderword", "de"}),
    "qty": frozenset({"dish"}),
    "dish": frozenset({"and", "price", "mode", "$"}),
    "and": frozenset({"qty", "dish"}),
    "cancel": frozenset({"day", "meal", "de", "orderword", "dish"}),
    "orderword": frozenset({"$"}),
    "price": frozenset({"$"}),
    "ask": frozenset({"$"}),
    "saying": frozenset({"$"}),
    "mode": frozenset({"$"}),
}
"""Which class may follow which (``^`` the start, ``$`` the end): 明天 中午 要 一份 红烧肉 和
米饭 送到家; 取消 明天 的订单; 红烧肉 多少钱; or one saying alone (再说一遍, 不要)."""
MANDARIN_REPEATS = {"dish": 3, "qty": 3, "and": 2}
"""Classes that may come more than once in an utterance (three dishes at most)."""


@dataclass(frozen=True)
class Expected:
    """What makes sense to hear now: ``dishes`` may be ordered (with days, meals, numbers
    around them); ``sayings`` are said whole (commands, the choices just offered, yes/no);
    ``words`` only join the flat list."""

    dishes: tuple[str, ...] = ()
    sayings: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    """Loose words for flat phrase lists (numbers, days, meals): the grammar has its own."""

    @classmethod
    def of(cls, phrases: Expected | Iterable[str] | None) -> Expected | None:
        """``phrases`` as an ``Expected`` (a plain list is taken as sayings)."""
        if phrases is None or isinstance(phrases, Expected):
            return phrases
        listed = tuple(dict.fromkeys(p for p in phrases if p))
        return cls(sayings=listed) if listed else None

    def __bool__(self) -> bool:
        """Nothing expected is no expectation: heard openly, as ``None`` would be."""
        return bool(self.dishes or self.sayings or self.words)

    @property
    def phrases(self) -> list[str]:
        """Every phrase, once, for recognisers and matching that take a flat list."""
        return list(dict.fromkeys(p for p in (*self.dishes, *self.sayings, *self.words) if p))


@dataclass
class _Node:
    next: set[int] = field(default_factory=set)
    complete: bool = False
    units: float = 0.0  # characters this token adds (its bytes / 3: a Han character is 3)


State = tuple[str, tuple[int, ...], tuple[tuple[str, int], ...], frozenset[tuple[int, ...]]]
"""(class, the phrase's tokens so far, how often each class came, the phrases said)."""


class TokenGrammar:
    """The grammar as token tries, one per class, for a given tokenizer."""

    def __init__(
        self,
        classes: Mapping[str, Sequence[str]],
        follows: Mapping[str, frozenset[str]],
        repeats: Mapping[str, int],
        encode: Callable[[str], list[int]],
        token_bytes: Callable[[int], int],
    ) -> None:
        self.follows = follows
        self.repeats = repeats
        self.tries: dict[str, dict[tuple[int, ...], _Node]] = {}
        for name, phrases in classes.items():
            trie: dict[tuple[int, ...], _Node] = {(): _Node()}
            for phrase in dict.fromkeys(phrases):
                ids = tuple(encode(phrase))
                for i, token in enumerate(ids):
                    trie.setdefault(ids[:i], _Node()).next.add(token)
                    trie.setdefault(ids[: i + 1], _Node(units=token_bytes(token) / 3))
                if ids:
                    trie[ids].complete = True
            self.tries[name] = trie

    @classmethod
    def mandarin(
        cls,
        expected: Expected,
        encode: Callable[[str], list[int]],
        token_bytes: Callable[[int], int],
    ) -> TokenGrammar:
        known = {phrase for phrases in MANDARIN_CLASSES.values() for phrase in phrases}
        sayings = tuple(s for s in expected.sayings if s not in known)  # 中午 is a meal already
        classes = {**MANDARIN_CLASSES, "dish": expected.dishes, "saying": sayings}
        return cls(classes, MANDARIN_FOLLOWS, MANDARIN_REPEATS, encode, token_bytes)

    def units(self, state: State) -> float:
        return self.tries[state[0]][state[1]].units

    def options(self, state: State) -> tuple[dict[int, list[State]], bool]:
        """The tokens that may come next (each with the states it leads to), and whether the
        utterance may end here."""
        name, node, counts, said = state
        out: dict[int, list[State]] = {}
        if name != "^":
            here = self.tries[name][node]
            for token in here.next:
                out.setdefault(token, []).append((name, (*node, token), counts, said))
            if not here.complete:
                return out, False
            if node in said:  # the same phrase twice: 红烧肉还有红烧肉
                return {}, False
            said = said | {node}
        done = dict(counts)
        may_end = False
        for following in self.follows.get(name, frozenset()):
            if following == "$":
                may_end = True
                continue
            trie = self.tries.get(following)
            if not trie or done.get(following, 0) >= self.repeats.get(following, 1):
                continue
            grown = tuple(sorted({**done, following: done.get(following, 0) + 1}.items()))
            for token in trie[()].next:
                out.setdefault(token, []).append((following, (token,), grown, said))
        return out, may_end


@dataclass(frozen=True)
class Heard:
    """The best sentence the grammar allows, as tokens, and its score (log-likelihood ratio
    of audio over silence, summed)."""

    tokens: tuple[int, ...]
    score: float

    @property
    def support(self) -> float:
        """The score per token: how well, on average, the audio supports each word. Sentences
        of the grammar heard right score above 0 (espeak-ng: −0.1…2.5); something outside it
        forced into the grammar (饭太咸了 → 好的) scores below (−6…−0.4)."""
        return self.score / max(1, len(self.tokens))


BEAM = 16
PRIOR_WEIGHT = 0.6
"""λ: how much of the model's own (silence) preference is divided out. On the benchmark's 50
sentences 0.5, 0.6 and 0.7 were within a sentence of each other; 0.3 got 23, 1.0 got 30."""
KEEP_ALIVE = 2.0
"""The per-character bonus while searching (taken off before comparing finished sentences)."""
SUPPORT_FLOOR = -0.3
"""Below this support the utterance is taken to be outside the grammar and heard openly
(15, then 14, of 15 sentences outside it fell below on the benchmark; of 50 inside, those
heard right stayed above, but for 谢谢)."""
CHARACTERS_PER_SECOND = 4
"""Nobody says more than this many syllables a second: bounds the search."""
PATIENCE = 2
"""Stop once every hypothesis still growing has been behind the best finished sentence for
this many steps (0: search to the end)."""


def search(
    decoder: WhisperDecoder,
    start: Sequence[int],
    end_token: int,
    grammar: TokenGrammar,
    audio: Memory,
    silence: Memory,
    seconds: float,
    *,
    beam: int = BEAM,
    prior_weight: float | None = None,
) -> Heard | None:
    """The sentence of ``grammar`` that the audio supports best, or ``None`` when none ends."""
    weight = PRIOR_WEIGHT if prior_weight is None else prior_weight
    most = int(seconds * CHARACTERS_PER_SECOND) + 2
    limit = min(decoder.max_positions - len(start) - 1, 8 * most)
    first = np.array([list(start)])
    scores, cache = decoder.step(first, 0, None, audio)
    prior, prior_cache = decoder.step(first, 0, None, silence)
    scores = scores - weight * prior
    root: State = ("^", (), (), frozenset())
    # (tokens, state, score with bonus, row in the step's output, characters)
    beams: list[tuple[tuple[int, ...], State, float, int, float]] = [((), root, 0.0, 0, 0.0)]
    finished: list[Heard] = []
    position = len(start)
    behind = 0
    for _ in range(limit):
        grown: list[tuple[tuple[int, ...], State, float, int, float, int]] = []
        for tokens, state, score, row, characters in beams:
            options, may_end = grammar.options(state)
            if may_end:
                ended = score - KEEP_ALIVE * characters + float(scores[row, end_token])
                finished.append(Heard(tokens, ended))
            if characters >= most:
                continue
            for token, states in options.items():
                for following in states:
                    units = grammar.units(following)
                    gained = score + float(scores[row, token]) + KEEP_ALIVE * units
                    grown.append((
                        (*tokens, token), following, gained, row, characters + units, token
                    ))  # fmt: skip
        if not grown:
            break
        if PATIENCE and finished:
            best_end = max(h.score for h in finished)
            ahead = max(g[2] - KEEP_ALIVE * g[4] for g in grown)
            behind = behind + 1 if ahead < best_end else 0
            if behind >= PATIENCE:
                break
        grown.sort(key=lambda g: -g[2])
        kept, seen = [], set()
        for g in grown:
            if (g[0], g[1]) not in seen:
                seen.add((g[0], g[1]))
                kept.append(g)
                if len(kept) == beam:
                    break
        rows = np.array([g[3] for g in kept])
        fed = np.array([[g[5]] for g in kept])
        cache = [(k[rows], v[rows]) for k, v in cache]
        prior_cache = [(k[rows], v[rows]) for k, v in prior_cache]
        scores, cache = decoder.step(fed, position, cache, audio)
        prior, prior_cache = decoder.step(fed, position, prior_cache, silence)
        scores = scores - weight * prior
        position += 1
        beams = [(g[0], g[1], g[2], i, g[4]) for i, g in enumerate(kept)]
    return max(finished, key=lambda h: h.score) if finished else None
