"""Speech to text with the real engines: the Korean vosk model (the one vosk model these
machines can install) in open and restricted mode, whisper-base on Mandarin made by espeak-ng,
and every input that must become a code rather than a transcript."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.voice.conftest import noise, silence, speech
from voice.audio import Pcm
from voice.config import VoiceConfig
from voice.decode import decode
from voice.engines import Voice
from voice.errors import VoiceError
from voice.phrases import COMMON_ZH, snap
from voice.stt import VoskEngine, WhisperEngine, looks_mandarin, to_simplified
from voice.tts import EspeakTts

KOREAN_PHRASES = ["안녕하세요", "감사합니다", "네", "아니요", "취소"]
COMMANDS = [
    "我要订餐",
    "今天吃什么",
    "我的订单",
    "取消订单",
    "卡里还有多少钱",
    "送到家",
    "自己去拿",
]
DISHES = ["红烧肉", "手把肉", "鸡蛋羹", "小米粥", "米饭"]
PHRASES = [*DISHES, *COMMANDS, *COMMON_ZH]


@pytest.fixture(scope="module")
def older(whisper: WhisperEngine) -> WhisperEngine:
    """Whisper without the grammar: restricted tokens, then matching by sound (what runs for
    other languages, for long audio, or with ``use_grammar=False``)."""
    return WhisperEngine("zh", whisper.model_dir, use_grammar=False)


@pytest.fixture(scope="module")
def hello(korean: EspeakTts) -> Pcm:
    return speech(korean, "안녕하세요")


def test_vosk_restricted_to_phrases_hears_the_phrase(vosk_ko: VoskEngine, hello: Pcm) -> None:
    heard = vosk_ko.transcribe(hello, KOREAN_PHRASES)
    assert heard.text == "안녕하세요"
    assert heard.restricted and heard.engine == "vosk" and heard.lang == "ko"
    assert heard.real_time_factor < 1


@pytest.mark.parametrize("word", ["감사합니다", "아니요"])
def test_vosk_restricted_tells_phrases_apart(
    vosk_ko: VoskEngine, korean: EspeakTts, word: str
) -> None:
    assert vosk_ko.transcribe(speech(korean, word), KOREAN_PHRASES).text == word


def test_vosk_open_recognition_gives_words(vosk_ko: VoskEngine, hello: Pcm) -> None:
    """Open mode on synthetic speech is rough, but it is words, not an error."""
    heard = vosk_ko.transcribe(hello)
    assert heard.text and not heard.restricted


def test_vosk_grammar_adds_unk_and_spells_mandarin_by_character(tmp_path: Path) -> None:
    engine = VoskEngine("zh", tmp_path)
    assert engine.grammar(["红烧肉", "要 两份", "红烧肉"]) == ["红 烧 肉", "要 两 份", "[unk]"]
    assert VoskEngine("ko", tmp_path).grammar(["안녕 하세요"]) == ["안녕 하세요", "[unk]"]


def test_vosk_without_a_model_says_so(tmp_path: Path, hello: Pcm) -> None:
    with pytest.raises(VoiceError) as caught:
        VoskEngine("zh", tmp_path).transcribe(hello)
    assert caught.value.code == "stt-model-failed"


def test_whisper_with_phrase_matching_recovers_a_command(
    older: WhisperEngine, clips: dict[str, bytes]
) -> None:
    """espeak-ng Mandarin through whisper-base is rough; matched against the phrases by
    sound, the command comes back exactly (a sentence it hears alike whatever espeak-ng's
    small variations from one synthesis to the next)."""
    heard = older.transcribe(decode(clips["我的订单"]), PHRASES)
    assert heard.engine == "whisper" and heard.restricted and not heard.whole
    assert snap(heard.text, PHRASES) == "我的订单"


def test_whisper_with_phrase_matching_recovers_a_dish(
    older: WhisperEngine, clips: dict[str, bytes]
) -> None:
    heard = older.transcribe(decode(clips["要一份手把肉"]), PHRASES)
    snapped = snap(heard.text, PHRASES)  # whisper-base: 要一份手把手
    assert snapped.startswith("要一份手把肉")


def test_whisper_restricted_mode_spells_with_the_phrases_characters(
    whisper: WhisperEngine,
) -> None:
    """Every ordinary token the phrases do not use is suppressed; special tokens stay."""
    suppressed = set(whisper.suppressed(["我要订餐"]))
    tokenizer = whisper._model().hf_tokenizer
    assert not suppressed & set(tokenizer.encode("我要订餐", add_special_tokens=False).ids)
    assert set(tokenizer.encode("天气", add_special_tokens=False).ids) <= suppressed
    assert tokenizer.token_to_id("<|endoftext|>") not in suppressed and -1 in suppressed


def test_whisper_writes_simplified_characters() -> None:
    assert to_simplified("我要訂餐，紅燒肉兩份") == "我要订餐，红烧肉两份"


@pytest.mark.parametrize(
    ("text", "mandarin"),
    [
        ("明天中午要2份红烧肉", True),
        ("嗯，我要一份", True),
        ("5-4-1-1", False),  # 再说一遍, heard openly
        ("You may you fall my", False),  # 有没有烧麦
        ("下个旁头了没 you", False),
        ("Bye Bye", False),
        ("", False),
    ],
)
def test_an_open_transcript_that_is_not_mandarin_is_not_passed_on(
    text: str, mandarin: bool
) -> None:
    """What Whisper writes openly for Mandarin it cannot follow is English or digits; the
    turn then asks again instead of guessing from it."""
    assert looks_mandarin(text) is mandarin


@pytest.mark.parametrize("engine_name", ["vosk", "whisper"])
def test_silence_is_not_sent_to_a_recogniser(
    engine_name: str, vosk_ko: VoskEngine, whisper: WhisperEngine
) -> None:
    engine = vosk_ko if engine_name == "vosk" else whisper
    with pytest.raises(VoiceError) as caught:
        engine.transcribe(silence())
    assert caught.value.code == "audio-silent"


@pytest.mark.parametrize("engine_name", ["vosk", "whisper"])
def test_noise_is_nothing_recognised(
    engine_name: str, vosk_ko: VoskEngine, whisper: WhisperEngine
) -> None:
    """Restricted vosk would pick one of its phrases out of white noise: the voice-activity
    check stops it before."""
    engine = vosk_ko if engine_name == "vosk" else whisper
    phrases = KOREAN_PHRASES if engine_name == "vosk" else PHRASES
    with pytest.raises(VoiceError) as caught:
        engine.transcribe(noise(), phrases)
    assert caught.value.code == "stt-no-text-recognized"


def test_pcm_at_another_rate_is_refused(whisper: WhisperEngine) -> None:
    with pytest.raises(VoiceError) as caught:
        whisper.transcribe(silence(rate=8000))
    assert caught.value.code == "audio-wrong-rate"


def test_empty_and_too_long_pcm_are_refused(vosk_ko: VoskEngine) -> None:
    for pcm, code in ((Pcm(b""), "audio-empty"), (silence(61), "audio-too-long")):
        with pytest.raises(VoiceError) as caught:
            vosk_ko.transcribe(pcm)
        assert caught.value.code == code


def test_a_language_without_a_recogniser(voice: Voice) -> None:
    off = Voice(VoiceConfig.from_env({"ZHUCAN_VOICE_STT_MN": "none"}))
    for engines, lang in ((off, "mn"), (voice, "fr")):
        with pytest.raises(VoiceError) as caught:
            engines.stt(lang)
        assert caught.value.code == "stt-no-model"


def test_whisper_knows_the_mongolian_token(tmp_path: Path) -> None:
    assert WhisperEngine("mn", tmp_path).lang == "mn"
    with pytest.raises(VoiceError) as caught:
        WhisperEngine("xx", tmp_path)
    assert caught.value.code == "stt-no-model"


@pytest.mark.parametrize(
    ("heard", "said"),
    [
        ("卡里还有多少钱卡里还有多少钱", "卡里还有多少钱"),  # the decoder ran on past the speech
        ("不要了不要了", "不要了不要了"),  # people repeat short words
        ("对对", "对对"),
        ("明天中午要两份饺子", "明天中午要两份饺子"),
        ("", ""),
    ],
)
def test_a_sentence_heard_twice_in_a_row_was_said_once(heard: str, said: str) -> None:
    from voice.stt import said_once

    assert said_once(heard) == said
