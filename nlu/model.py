"""A learned intent model: multinomial logistic regression over character n-grams and the
word classes the extractors found.

Why this shape: character 1–3-grams carry Mandarin without a word segmenter and survive
recogniser typos; the features ``E:dish``, ``R:remove``, ``C:ask_price`` (an entity kind, a
role, a cue-word family) let it generalise over dishes and phrasings it never saw, so a new
menu needs no retraining. Logistic regression gives probabilities that mean something (the
bench prints a reliability table), trains in seconds with numpy, and predicts in well under a
millisecond. The trained weights ship in ``nlu/model/`` keyed by a hash of the training data; a
stale or missing file is retrained at start-up (and written back when the folder is writable).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).with_name("model")
MIN_COUNT = 2
"""An n-gram seen once in training is noise more often than signal."""

log = logging.getLogger(__name__)


def char_ngrams(text: str, sizes: Sequence[int] = (1, 2, 3)) -> list[str]:
    """Character n-grams with edge markers (``^我``, ``吗$``); spaces are kept as separators."""
    padded = f"^{text}$"
    grams = []
    for size in sizes:
        for i in range(len(padded) - size + 1):
            gram = padded[i : i + size]
            if gram.strip():
                grams.append(gram)
    return grams


class IntentModel:
    """Weights over named features; ``predict`` gives intents with probabilities."""

    def __init__(self, labels: list[str], vocabulary: list[str], weights: np.ndarray) -> None:
        self.labels = labels
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.vocabulary = vocabulary
        self.weights = weights  # (features + 1 bias row) x labels

    # ------------------------------------------------------------------ predicting

    def predict(self, features: Iterable[str]) -> list[tuple[str, float]]:
        """Intents with probabilities, most likely first."""
        rows = sorted({self.index[f] for f in features if f in self.index})  # as trained: a set
        scores = self.weights[-1].astype(np.float64).copy()
        if rows:
            scores += self.weights[rows].sum(axis=0, dtype=np.float64)
        scores -= scores.max()
        probs = np.exp(scores)
        probs /= probs.sum()
        order = np.argsort(-probs)
        return [(self.labels[i], float(probs[i])) for i in order]

    def coverage(self, features: Iterable[str]) -> float:
        """Share of the character n-grams (2–3) that training ever saw: low means unfamiliar."""
        grams = [f for f in features if len(f) > 1 and ":" not in f[:2]]
        if not grams:
            return 0.0
        return sum(g in self.index for g in grams) / len(grams)

    # ------------------------------------------------------------------ training

    @staticmethod
    def train(
        samples: Sequence[tuple[list[str], str]],
        *,
        l2: float = 1e-4,
        epochs: int = 60,
        learning_rate: float = 0.5,
        seed: int = 7,
    ) -> IntentModel:
        """Softmax regression by mini-batch gradient descent with Adam, on sparse rows."""
        counts: dict[str, int] = {}
        for features, _label in samples:
            for f in set(features):
                counts[f] = counts.get(f, 0) + 1
        vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT or f[1:2] == ":")
        index = {f: i for i, f in enumerate(vocabulary)}
        labels = sorted({label for _f, label in samples})
        label_index = {label: i for i, label in enumerate(labels)}
        rows = [
            np.array(sorted({index[f] for f in fs if f in index}), dtype=np.int64)
            for fs, _ in samples
        ]
        targets = np.array([label_index[label] for _f, label in samples], dtype=np.int64)
        n_features, n_labels = len(vocabulary) + 1, len(labels)
        weights = np.zeros((n_features, n_labels), dtype=np.float64)
        m = np.zeros_like(weights)
        v = np.zeros_like(weights)
        rng = np.random.default_rng(seed)
        step = 0
        batch = 64
        for _epoch in range(epochs):
            order = rng.permutation(len(samples))
            for first in range(0, len(order), batch):
                chosen = order[first : first + batch]
                flat = (
                    np.concatenate([rows[i] for i in chosen])
                    if len(chosen)
                    else np.array([], dtype=np.int64)
                )
                lengths = np.array([len(rows[i]) for i in chosen])
                owners = np.repeat(np.arange(len(chosen)), lengths)
                scores = np.tile(weights[-1], (len(chosen), 1))
                np.add.at(scores, owners, weights[flat])
                scores -= scores.max(axis=1, keepdims=True)
                probs = np.exp(scores)
                probs /= probs.sum(axis=1, keepdims=True)
                probs[np.arange(len(chosen)), targets[chosen]] -= 1.0
                probs /= len(chosen)
                grad = np.zeros_like(weights)
                np.add.at(grad, flat, probs[owners])
                grad[-1] = probs.sum(axis=0)
                grad[:-1] += l2 * weights[:-1]
                step += 1
                m = 0.9 * m + 0.1 * grad
                v = 0.999 * v + 0.001 * grad * grad
                m_hat = m / (1 - 0.9**step)
                v_hat = v / (1 - 0.999**step)
                weights -= learning_rate * 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)
        return IntentModel(labels, vocabulary, weights.astype(np.float32))

    # ------------------------------------------------------------------ storing

    def save(self, path: Path, fingerprint: str) -> None:
        """Weights, labels and vocabulary in one ``.npz``, with the training data's hash;
        written beside and then renamed, so a process loading it at the same moment (two
        commands, or tests, starting after a change) never reads half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez_compressed(
                    out,
                    weights=self.weights.astype(np.float16),
                    labels=np.array(self.labels),
                    vocabulary=np.array(self.vocabulary),
                    fingerprint=np.array(fingerprint),
                )
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)

    @staticmethod
    def load(path: Path, fingerprint: str) -> IntentModel | None:
        """The stored model if it was trained on exactly this data, else ``None``."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["fingerprint"]) != fingerprint:
                    return None
                return IntentModel(
                    [str(x) for x in data["labels"]],
                    [str(x) for x in data["vocabulary"]],
                    data["weights"].astype(np.float32),
                )
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
            return None


def files_fingerprint(paths: Iterable[Path], version: str) -> str:
    """A hash of the training files' bytes and the feature code's version: what a stored
    model must match (cheap at start-up, unlike featurising every example)."""
    digest = hashlib.sha256(version.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_or_train(
    name: str, fingerprint: str, samples: Callable[[], Sequence[tuple[list[str], str]]]
) -> IntentModel:
    """The shipped model for this data, or one trained now (and stored if possible)."""
    path = MODEL_DIR / f"{name}.npz"
    model = IntentModel.load(path, fingerprint)
    if model is not None:
        return model
    data = samples()
    log.info("training the %s intent model (%d samples)", name, len(data))
    model = IntentModel.train(data)
    with contextlib.suppress(OSError):  # an installed, read-only package: keep it in memory
        model.save(path, fingerprint)
    return model
