"""A small intent classifier learned from the training data, used when no cue decides.

Multinomial naive Bayes over character 1–3-grams: trains in milliseconds at start-up, needs no
numpy, and copes with recogniser noise better than word features would. Dish names are replaced
by a placeholder before training and prediction, so a new menu changes nothing.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

DISH_TOKEN = "\u0001"


def ngrams(text: str) -> Counter[str]:
    """Character 1–3-grams of the text, with word-edge markers."""
    padded = f"^{text}$"
    grams: Counter[str] = Counter()
    for size in (1, 2, 3):
        for i in range(len(padded) - size + 1):
            gram = padded[i : i + size]
            if gram.strip():
                grams[gram] += 1
    return grams


class NaiveBayes:
    """Intent probabilities from n-gram counts (Laplace smoothing)."""

    def __init__(self, examples: Iterable[tuple[str, str]], alpha: float = 0.5) -> None:
        self.alpha = alpha
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.totals: Counter[str] = Counter()
        docs: Counter[str] = Counter()
        vocabulary: set[str] = set()
        for text, intent in examples:
            grams = ngrams(text)
            self.counts[intent].update(grams)
            self.totals[intent] += sum(grams.values())
            docs[intent] += 1
            vocabulary.update(grams)
        self.vocab_size = max(1, len(vocabulary))
        self.vocabulary = vocabulary
        n = sum(docs.values()) or 1
        self.priors = {intent: math.log(count / n) for intent, count in docs.items()}

    def coverage(self, text: str) -> float:
        """How much of the text (its 2- and 3-grams) the training data has ever seen.

        Why: naive Bayes is confidently wrong on text unlike anything it learned (a page of
        one repeated letter); the caller only trusts it on familiar-looking sentences.
        """
        grams = [g for g in ngrams(text) if len(g) > 1]
        if not grams:
            return 0.0
        return sum(g in self.vocabulary for g in grams) / len(grams)

    def predict(self, text: str) -> list[tuple[str, float]]:
        """Intents with probabilities, most likely first."""
        if not self.priors:
            return [("out_of_scope", 1.0)]
        grams = ngrams(text)
        scores = {}
        for intent, prior in self.priors.items():
            counts = self.counts[intent]
            denominator = math.log(self.totals[intent] + self.alpha * self.vocab_size)
            score = prior
            for gram, times in grams.items():
                score += times * (math.log(counts.get(gram, 0) + self.alpha) - denominator)
            scores[intent] = score
        top = max(scores.values())
        exp = {intent: math.exp(score - top) for intent, score in scores.items()}
        total = sum(exp.values())
        return sorted(((i, v / total) for i, v in exp.items()), key=lambda kv: -kv[1])
