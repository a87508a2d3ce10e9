"""Variants of a training sentence as other people would say or type it.

Why: the training data is written by few authors; elders type without punctuation, start
with a filler, and say 俺/额, 明儿, 晌午, 啥. Each training sentence is learned also in such
forms, chosen deterministically (the same data always trains the same model).
"""

from __future__ import annotations

import re
import zlib

_PUNCT = re.compile(r"[，。,.!！?？、~～…；;：:\"'“”‘’()（）]+")
_FILLERS = ("那个", "嗯", "哎", "就是", "那个那个", "你看")
_DIALECT = (
    ("我", "俺"), ("我", "额"), ("明天", "明儿"), ("今天", "今儿"), ("中午", "晌午"),
    ("晚上", "后晌"), ("什么", "啥"), ("怎么", "咋"), ("多少钱", "多钱"), ("两", "俩"),
    ("不要", "甭要"), ("好的", "好嘞"), ("可以", "中"), ("是的", "是嘞"),
)  # fmt: skip


def augment(text: str) -> list[str]:
    """The sentence itself, then up to two variants: unpunctuated, and with a filler or a
    dialect word."""
    variants = [text]
    bare = _PUNCT.sub(" ", text).strip()
    bare = re.sub(r"\s+", "", bare) if re.search(r"[\u4e00-\u9fff]", bare) else bare
    if bare and bare != text:
        variants.append(bare)
    if not re.search(r"[\u4e00-\u9fff]", text):
        return variants
    pick = zlib.crc32(text.encode("utf-8"))
    swaps = [(a, b) for a, b in _DIALECT if a in text]
    if swaps and pick % 2 == 0:
        a, b = swaps[pick // 2 % len(swaps)]
        variants.append(text.replace(a, b, 1))
    else:
        variants.append(_FILLERS[pick % len(_FILLERS)] + ("，" if pick % 3 else "") + text)
    return variants
