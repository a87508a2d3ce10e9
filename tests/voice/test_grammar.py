"""Hearing against the grammar: the numpy decoder agrees with CTranslate2, the grammar allows
what an answer may be and nothing else, and whisper-base in grammar mode hears espeak-ng
Mandarin sentences word for word."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from nlu.vocabulary import spoken_classes_zh
from voice.decode import decode
from voice.errors import VoiceError
from voice.grammar import (
    Expected,
    Heard,
    State,
    TokenGrammar,
)
from voice.phrases import COMMON_ZH
from voice.stt import WhisperEngine
from voice.whisper_decoder import read_arrays

DISHES = ("红烧肉", "手把肉", "鸡蛋羹", "小米粥", "米饭")
SAYINGS = (
    "我要订餐",
    "今天吃什么",
    "我的订单",
    "取消订单",
    "卡里还有多少钱",
    "再说一遍",
    "要",
    "不要",
)
WORDS = tuple(spoken_classes_zh().items())
"""The parser's words by class, as the bot gives them to the voice (one vocabulary)."""
EXPECTED = Expected(dishes=DISHES, sayings=SAYINGS, words=COMMON_ZH, classes=WORDS)


@pytest.fixture(scope="module")
def grammar(whisper: WhisperEngine) -> TokenGrammar:
    return whisper.grammar_for(EXPECTED)


def _walk(
    grammar: TokenGrammar, encode: Callable[[str], list[int]], words: list[str]
) -> tuple[list[State], bool]:
    """Feed ``words`` token by token from the start, following every reading (取消 may begin
    取消订单 or be 取消 itself); fail if the grammar refuses a word. The readings left, and
    whether any may end there."""
    states: list[State] = [("^", (), (), frozenset())]
    for word in words:
        for token in encode(word):
            states = [s for state in states for s in grammar.options(state)[0].get(token, [])]
            assert states, f"{word} refused"
    return states, any(grammar.options(state)[1] for state in states)


def test_expected_lists_every_phrase_once() -> None:
    assert EXPECTED.phrases[:2] == ["红烧肉", "手把肉"] and "两份" in EXPECTED.phrases
    assert len(EXPECTED.phrases) == len(set(EXPECTED.phrases))
    assert Expected.of(["要", "要", "不要"]) == Expected(sayings=("要", "不要"))
    assert Expected.of([]) is None and Expected.of(None) is None
    assert not Expected() and Expected(words=("两份",))  # nothing expected is no expectation


def test_the_model_file_is_read_as_named_arrays(whisper: WhisperEngine) -> None:
    arrays = read_arrays(whisper.model_dir / "model.bin", "decoder/")
    assert arrays["decoder/embeddings/weight"].shape == (51865, 512)
    assert int(arrays["decoder/num_heads"]) == 8
    assert not any(name.startswith("encoder/") for name in arrays)


def test_numpy_decoder_agrees_with_ctranslate2(
    whisper: WhisperEngine, clips: dict[str, bytes]
) -> None:
    """The same tokens after the same audio are as likely in both (CTranslate2 runs int8, so
    not to the last digit)."""
    pcm = decode(clips["我的订单"])
    tokenizer = whisper._tokenizer()
    decoder, _ = whisper._decoder()
    encoded = whisper._encode(pcm)
    ids = tokenizer.encode("我的订单")
    reference = whisper._model().model.align(
        encoded, list(tokenizer.sot_sequence), [ids], [int(pcm.seconds * 100)]
    )[0]
    start = [*tokenizer.sot_sequence, tokenizer.no_timestamps]
    memory = decoder.memory(np.asarray(encoded)[0])
    scores, cache = decoder.step(np.array([start]), 0, None, memory)
    ours = []
    for i, token in enumerate(ids):
        ours.append(float(scores[0, token]))
        scores, cache = decoder.step(np.array([[token]]), len(start) + i, cache, memory)
    assert np.allclose(ours, np.log(reference.text_token_probs), atol=0.5)
    assert np.isclose(np.exp(scores[0]).sum(), 1.0, atol=1e-3)  # a distribution


@pytest.mark.parametrize(
    "words",
    [
        ["明天", "中午", "要", "两份", "红烧肉", "和", "米饭", "送到家"],
        ["取消", "明天", "的", "订单"],
        ["红烧肉", "多少钱"],
        ["今天", "吃什么"],
        ["再说一遍"],
        ["我要订餐"],
        ["那个", "红烧肉", "两份", "米饭", "一碗"],  # a filler, the count after the dish
        ["米饭", "不要了", "来", "俩", "手把肉"],  # a refusal, then an order
        ["把", "红烧肉", "换成", "鸡蛋羹"],
        ["再加", "一份", "米饭", "吧"],
        ["不是", "明天", "是", "后天"],
    ],
)
def test_the_grammar_takes_what_an_answer_may_be(
    grammar: TokenGrammar, whisper: WhisperEngine, words: list[str]
) -> None:
    _, may_end = _walk(grammar, whisper._tokenizer().encode, words)
    assert may_end


def test_the_grammar_refuses_what_no_answer_is(
    grammar: TokenGrammar, whisper: WhisperEngine
) -> None:
    encode = whisper._tokenizer().encode
    with pytest.raises(AssertionError):
        _walk(grammar, encode, ["要", "两份", "两份"])  # a count leads to a dish, not a count
    twice, _ = _walk(grammar, encode, ["红烧肉", "和", "红烧肉"])
    assert all(grammar.options(state) == ({}, False) for state in twice)  # no dish twice
    with pytest.raises(AssertionError):
        _walk(grammar, encode, ["我要订餐", "红烧肉"])  # a saying stands alone


def test_sayings_the_grammar_knows_as_words_are_not_sayings(
    whisper: WhisperEngine,
) -> None:
    grammar = whisper.grammar_for(
        Expected(dishes=DISHES, sayings=("中午", "卡里还有多少钱"), classes=WORDS)
    )
    meal_first = set(grammar.tries["meal"][()].next)
    assert "中午" in dict(WORDS)["meal"]
    saying = whisper._tokenizer().encode("卡里还有多少钱")[0]
    assert set(grammar.tries["saying"][()].next) == {saying}
    assert meal_first


@pytest.mark.parametrize("sentence", ["要一份手把肉", "卡里还有多少钱"])
def test_whisper_hears_the_sentence_against_the_grammar(
    whisper: WhisperEngine, clips: dict[str, bytes], sentence: str
) -> None:
    """Where open Whisper writes 我的天天 or 要一分手啊, the grammar gives the sentence."""
    heard = whisper.transcribe(decode(clips[sentence]), EXPECTED)
    assert heard.text == sentence and heard.whole and heard.restricted


def test_support_is_the_score_per_token() -> None:
    assert Heard((1, 2, 3, 4), -2.0).support == -0.5
    assert Heard((), -1.0).support == -1.0


def test_what_the_grammar_explains_poorly_is_heard_openly(
    whisper: WhisperEngine, clips: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below the support floor the grammar's sentence is not taken: Whisper hears the audio
    openly and its words reach the dialogue (or, when they are not Mandarin, nothing does and
    the person is asked again). The floor is drawn by ``bench/voice.py --calibrate``; here it
    is raised above this clip's support to walk the path."""
    import voice.stt

    pcm = decode(clips["我孙子今天放假回来看我"])
    forced = whisper.hear(pcm, EXPECTED)
    assert forced is not None
    monkeypatch.setattr(voice.stt, "SUPPORT_FLOOR", forced.support + 1)
    try:
        heard = whisper.transcribe(pcm, EXPECTED)
    except VoiceError as exc:
        assert exc.code == "stt-no-text-recognized"
    else:
        assert not heard.whole and heard.text and heard.support == forced.support
        assert whisper._tokenizer().decode(list(forced.tokens)) != heard.text


def test_two_voice_notes_at_once_are_heard_alike(
    whisper: WhisperEngine, clips: dict[str, bytes]
) -> None:
    """Telegram hears voice notes in worker threads; the grammar cache and the shared decoder
    serve both at once."""
    from concurrent.futures import ThreadPoolExecutor

    fresh = Expected(dishes=DISHES, sayings=(*SAYINGS, "谢谢"), classes=WORDS)  # not cached
    pcm = decode(clips["要一份手把肉"])
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(lambda _: whisper.transcribe(pcm, fresh).text, range(2)))
    assert texts == ["要一份手把肉", "要一份手把肉"]


def test_odd_phrases_make_a_grammar_that_still_hears(
    whisper: WhisperEngine, clips: dict[str, bytes]
) -> None:
    """What the dialogue hands over may be empty, huge, another script or hostile text; the
    grammar takes what it can spell and the engine still answers (or hears openly)."""
    odd = Expected(
        dishes=("", "红烧肉" * 200, "ᠬᠣᠭᠣᠯᠠ", "<script>", "🍜", "手把肉"),
        sayings=("", "\x00", "卡里还有多少钱"),
    )
    grammar = whisper.grammar_for(odd)
    assert "" not in {p for p in odd.phrases}  # empty phrases are dropped from flat lists
    assert grammar.tries["dish"][()].next  # the real dishes are there
    heard = whisper.transcribe(decode(clips["卡里还有多少钱"]), odd)
    assert heard.text == "卡里还有多少钱"
    nothing = Expected()
    openly = whisper.transcribe(decode(clips["饭太咸了"]), nothing)  # no dishes, no sayings
    assert openly.text and not openly.restricted and not openly.whole


def test_the_grammar_hears_the_speech_not_thirty_seconds(
    whisper: WhisperEngine, clips: dict[str, bytes]
) -> None:
    """The encoder looks at the speech and a margin (whisper.cpp's audio context), not at
    Whisper's whole 30 s window: a 2 s note costs a tenth of the encoder's time."""
    pcm = decode(clips["我的订单"])
    window = whisper._window(pcm)
    assert window is not None and window < 5
    frames = np.asarray(whisper._encode(pcm, window)).shape[1]
    assert abs(frames - window * 50) <= 1  # the encoder halves 100 frames a second
    assert np.asarray(whisper._encode(pcm)).shape[1] == 1500  # open hearing keeps 30 s


def test_steps_off_the_plain_order_are_counted(
    grammar: TokenGrammar, whisper: WhisperEngine
) -> None:
    """``STRAY`` (measured, and off) would be paid per step a sentence takes off the plain
    order's path; the count is kept in each state."""
    encode = whisper._tokenizer().encode
    plain, _ = _walk(grammar, encode, ["明天", "中午", "要", "两份", "红烧肉"])
    assert min(grammar.strays(state) for state in plain) == 0
    refused, _ = _walk(grammar, encode, ["红烧肉", "不要了", "来", "俩", "米饭"])
    assert min(grammar.strays(state) for state in refused) >= 1


def test_odd_word_classes_make_a_grammar_that_still_hears(
    whisper: WhisperEngine, clips: dict[str, bytes]
) -> None:
    """The classes come from the bot; empty, huge, unknown, another script or hostile words in
    them still build a grammar, and a sentence of its good words is heard."""
    odd = Expected(
        dishes=DISHES,
        classes=(
            *WORDS,
            ("qty", ("", "一份", "一份" * 300, "\x00", "ᠨᠢᠭᠡ")),  # given twice: the last wins
            ("verb", ("要", "<script>", "🍜")),
            ("no_such_class", ("红烧肉",)),
            ("cue", ()),
        ),
    )
    grammar = whisper.grammar_for(odd)
    assert grammar.tries["qty"][()].next and not grammar.tries["cue"][()].next
    heard = whisper.transcribe(decode(clips["要一份手把肉"]), odd)
    assert heard.text == "要一份手把肉" and heard.whole
