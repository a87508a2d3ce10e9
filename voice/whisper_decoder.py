"""Whisper's text decoder in numpy, reading the weights of the CTranslate2 model on disk.

Why a second copy of a decoder CTranslate2 already runs: recognising against a grammar needs
the next-token distribution after many different partial sentences, one step at a time, for a
beam of them and twice (once with the audio, once with silence, see ``voice.grammar``).
CTranslate2 exposes only whole generations; asking it for one more token after a prefix
recomputes the cross-attention over all 1,500 audio frames on every call (about 50 ms a
sentence-prefix here). This decoder computes the audio's keys and values once per utterance
(``memory``) and keeps a key/value cache per hypothesis, so a step for sixteen hypotheses
costs about 45 ms on two cores. The encoder stays in CTranslate2 (``Whisper.encode``).

The model file is CTranslate2's own format (``ctranslate2/specs/model_spec.py`` writes it): a
version, the spec's name and revision, then named arrays and aliases. Only the decoder's
arrays are read; they are float16 in the whisper-base conversion and float32 here.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float32]
_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}
_SQRT2 = 1.4142135623730951


def read_arrays(path: Path, prefix: str = "") -> dict[str, NDArray[np.generic]]:
    """The named arrays of a CTranslate2 ``model.bin`` whose names start with ``prefix``
    (views of the file, mapped rather than read: the encoder's half is never loaded)."""
    with open(path, "rb") as file:
        data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    pos = 0

    def number(fmt: str) -> int:
        nonlocal pos
        (value,) = struct.unpack_from(fmt, data, pos)
        pos += struct.calcsize(fmt)
        return int(value)

    def string() -> str:
        nonlocal pos
        size = number("H")
        value = data[pos : pos + size - 1].decode("utf-8")
        pos += size
        return value

    number("I")  # binary version
    string()  # spec name
    number("I")  # spec revision
    arrays: dict[str, NDArray[np.generic]] = {}
    for _ in range(number("I")):
        name = string()
        shape = [number("I") for _ in range(number("B"))]
        dtype = np.dtype(_DTYPES[number("B")])
        size = number("I")
        if name.startswith(prefix):
            arrays[name] = np.frombuffer(data, dtype, size // dtype.itemsize, pos).reshape(shape)
        pos += size
    return arrays


def _gelu(x: Array) -> Array:
    """GELU with erf (Abramowitz–Stegun 7.1.26, error under 1.5e-7): numpy has no erf."""
    z = np.abs(x) / _SQRT2
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = (
        (((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
    ) + 0.254829592
    erf = np.sign(x) * (1.0 - poly * t * np.exp(-z * z))
    return (0.5 * x * (1.0 + erf)).astype(np.float32)


def _norm(x: Array, gain_bias: tuple[Array, Array]) -> Array:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    normed: Array = ((x - mean) / np.sqrt(var + 1e-5)) * gain_bias[0] + gain_bias[1]
    return normed


@dataclass(frozen=True)
class _Linear:
    weight: Array  # [in, out]
    bias: Array

    def __call__(self, x: Array) -> Array:
        return x @ self.weight + self.bias


@dataclass(frozen=True)
class _Layer:
    self_norm: tuple[Array, Array]
    self_qkv: _Linear
    self_out: _Linear
    cross_norm: tuple[Array, Array]
    cross_q: _Linear
    cross_kv: _Linear
    cross_out: _Linear
    ffn_norm: tuple[Array, Array]
    ffn_in: _Linear
    ffn_out: _Linear


Cache = list[tuple[Array, Array]]
"""Per layer: the self-attention keys and values so far, ``[hypotheses, heads, steps, dim]``."""
Memory = list[tuple[Array, Array]]
"""Per layer: the audio's cross-attention keys ``[heads, dim, frames]`` and values
``[heads, frames, dim]``."""


class WhisperDecoder:
    """The decoder half of a Whisper model: ``memory`` once per utterance, then ``step``."""

    def __init__(self, model_file: Path) -> None:
        arrays = read_arrays(model_file, "decoder/")

        def get(name: str) -> Array:
            return np.ascontiguousarray(arrays[f"decoder/{name}"], dtype=np.float32)

        def linear(name: str) -> _Linear:
            return _Linear(np.ascontiguousarray(get(f"{name}/weight").T), get(f"{name}/bias"))

        def norm(name: str) -> tuple[Array, Array]:
            return get(f"{name}/gamma"), get(f"{name}/beta")

        self.heads = int(arrays["decoder/num_heads"])
        self.embeddings = get("embeddings/weight")
        self.output = np.ascontiguousarray(self.embeddings.T)  # tied with the embeddings
        self.positions = get("position_encodings/encodings")
        self.final_norm = norm("layer_norm")
        self.width = int(self.embeddings.shape[1])
        self.layers: list[_Layer] = []
        while f"decoder/layer_{len(self.layers)}/ffn/linear_0/weight" in arrays:
            p = f"layer_{len(self.layers)}/"
            self.layers.append(
                _Layer(
                    norm(p + "self_attention/layer_norm"),
                    linear(p + "self_attention/linear_0"),
                    linear(p + "self_attention/linear_1"),
                    norm(p + "attention/layer_norm"),
                    linear(p + "attention/linear_0"),
                    linear(p + "attention/linear_1"),
                    linear(p + "attention/linear_2"),
                    norm(p + "ffn/layer_norm"),
                    linear(p + "ffn/linear_0"),
                    linear(p + "ffn/linear_1"),
                )
            )

    @property
    def max_positions(self) -> int:
        return int(self.positions.shape[0])

    def _heads(self, x: Array, batch: int, steps: int) -> Array:
        """``[batch * steps, width]`` → ``[batch, heads, steps, dim]``."""
        return x.reshape(batch, steps, self.heads, -1).transpose(0, 2, 1, 3)

    def memory(self, encoded: Array) -> Memory:
        """The audio's cross-attention keys and values for every layer, from the encoder's
        output ``[frames, width]`` for one utterance."""
        out: Memory = []
        for layer in self.layers:
            kv = layer.cross_kv(np.asarray(encoded, dtype=np.float32))
            keys = kv[:, : self.width].reshape(-1, self.heads, self.width // self.heads)
            values = kv[:, self.width :].reshape(-1, self.heads, self.width // self.heads)
            out.append(
                (
                    np.ascontiguousarray(keys.transpose(1, 2, 0)),
                    np.ascontiguousarray(values.transpose(1, 0, 2)),
                )
            )
        return out

    def step(
        self, tokens: NDArray[np.int64], start: int, cache: Cache | None, memory: Memory
    ) -> tuple[Array, Cache]:
        """Feed ``tokens`` ``[hypotheses, n]`` at positions ``start…start+n-1`` after what
        ``cache`` holds; returns the log-probabilities of the next token after each
        hypothesis ``[hypotheses, vocabulary]`` and the cache extended by ``tokens``."""
        batch, steps = tokens.shape
        dim = self.width // self.heads
        scale = float(1.0 / np.sqrt(dim))
        x = (self.embeddings[tokens] + self.positions[start : start + steps]).reshape(
            -1, self.width
        )
        extended: Cache = []
        for index, layer in enumerate(self.layers):
            qkv = layer.self_qkv(_norm(x, layer.self_norm))
            q, k, v = (
                self._heads(qkv[:, i * self.width : (i + 1) * self.width], batch, steps)
                for i in range(3)
            )
            if cache is not None:
                k = np.concatenate([cache[index][0], k], axis=2)
                v = np.concatenate([cache[index][1], v], axis=2)
            extended.append((k, v))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale
            seen = k.shape[2]
            future = np.triu(np.ones((steps, seen), dtype=bool), k=seen - steps + 1)
            attended = _softmax(np.where(future, np.float32(-1e9), scores)) @ v
            x = x + layer.self_out(attended.transpose(0, 2, 1, 3).reshape(-1, self.width))
            q = self._heads(layer.cross_q(_norm(x, layer.cross_norm)), batch, steps)
            keys, values = memory[index]
            by_head = q.transpose(1, 0, 2, 3).reshape(self.heads, batch * steps, dim)
            heard = _softmax((by_head @ keys) * scale) @ values
            heard = heard.reshape(self.heads, batch, steps, dim).transpose(1, 2, 0, 3)
            x = x + layer.cross_out(heard.reshape(-1, self.width))
            x = x + layer.ffn_out(_gelu(layer.ffn_in(_norm(x, layer.ffn_norm))))
        last = _norm(x.reshape(batch, steps, self.width)[:, -1], self.final_norm)
        logits = last @ self.output
        top = logits.max(-1, keepdims=True)
        total = np.log(np.exp(logits - top).sum(-1, keepdims=True)) + top
        return (logits - total).astype(np.float32), extended


def _softmax(x: Array) -> Array:
    e = np.exp(x - x.max(-1, keepdims=True))
    weights: Array = (e / e.sum(-1, keepdims=True)).astype(np.float32)
    return weights
