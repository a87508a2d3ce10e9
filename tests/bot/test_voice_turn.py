"""A voice turn end to end on the test canteen: real espeak-ng speech in, whisper-base and the
phrase matching, the dialogue, and a spoken OGG/Opus reply out; and every bad input turned into
a kind sentence with nothing stored and nothing personal logged."""

from __future__ import annotations

import asyncio
import logging

import numpy as np
import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from bot.voice_turn import VoiceTurns
from menus.catalogue import say
from menus.db import unit_of_work
from menus.models import Conversation
from menus.people import find_elder
from menus.settings import set_voice_replies, settings_of
from nlu.text import has_traditional_mongolian
from tests.conftest import BEFORE_LUNCH
from tests.voice.conftest import clips, mandarin, noise, silence, voice
from voice.config import VoiceConfig
from voice.decode import decode
from voice.encode import to_ogg_opus, wav_to_ogg_opus
from voice.engines import Voice
from voice.tts import EspeakTts

__all__ = ["clips", "mandarin", "voice"]  # session fixtures shared with tests/voice

NOW = BEFORE_LUNCH


@pytest.fixture
def turns(shop: sessionmaker[Session], voice: Voice) -> VoiceTurns:
    return VoiceTurns(Dialogue(shop), voice)


def _elder(factory: sessionmaker[Session], name: str) -> int:
    with factory() as session:
        return find_elder(session, name).id


ASKED = "我的订单"
ANSWER = "您现在没有订单。"


@pytest.fixture(scope="module")
def order_note(clips: dict[str, bytes]) -> bytes:
    """我的订单 as a Telegram voice note (OGG/Opus): a sentence whisper-base hears the same way
    however espeak-ng varies it from one synthesis to the next."""
    return wav_to_ogg_opus(clips[ASKED])


def test_a_voice_note_is_heard_answered_and_spoken(
    turns: VoiceTurns, shop: sessionmaker[Session], order_note: bytes
) -> None:
    liu = _elder(shop, "刘德福")
    result = turns.handle(liu, order_note, NOW, turn_id="tg-1")
    assert result.error is None
    assert result.heard == ASKED
    assert result.heard_line == f"我听到的是：{ASKED}"
    assert result.reply.text == ANSWER
    assert result.voice is not None and decode(result.voice).seconds > 1.0
    assert {"decode", "recognize", "match", "dialogue", "speak", "encode", "total"} <= set(
        result.timings
    )
    # a retried update is answered the same, once
    again = turns.handle(liu, order_note, NOW, turn_id="tg-1")
    assert again.reply == result.reply


def test_the_telegram_pipeline_is_async(
    turns: VoiceTurns, shop: sessionmaker[Session], order_note: bytes
) -> None:
    liu = _elder(shop, "刘德福")
    result = asyncio.run(turns.pipeline(liu, order_note, NOW, turn_id="tg-2"))
    assert result.reply.text == ANSWER and result.voice


def test_voice_replies_off_gives_text_only(turns: VoiceTurns, shop: sessionmaker[Session]) -> None:
    liu = _elder(shop, "刘德福")
    with unit_of_work(shop) as session:
        set_voice_replies(session, liu, False, NOW)
    result = turns.handle(liu, b"", NOW)
    assert result.reply.text == "没听清，请再说一遍。" and result.voice is None


def test_a_persons_speech_rate_is_used(turns: VoiceTurns, shop: sessionmaker[Session]) -> None:
    liu = _elder(shop, "刘德福")
    default = turns.handle(liu, b"", NOW)
    with unit_of_work(shop) as session:
        settings_of(session, liu, NOW).speech_rate = 90
    slower = turns.handle(liu, b"", NOW)
    assert default.speech and slower.speech
    assert slower.speech.seconds > default.speech.seconds * 1.2


@pytest.mark.parametrize(
    ("audio", "code", "sentence"),
    [
        (b"", "audio-empty", "没听清，请再说一遍。"),
        (b"OggS not really", "audio-corrupt", "没听清，请再说一遍。"),
        ("silence", "audio-silent", "没听清，请再说一遍。"),
        ("noise", "stt-no-text-recognized", "没听清，请再说一遍。"),
        ("long", "audio-too-long", "请说短一点，一次说一件事。"),
        ("truncated", "audio-corrupt", "没听清，请再说一遍。"),
    ],
)
def test_bad_audio_gets_a_kind_sentence_and_changes_nothing(
    turns: VoiceTurns,
    shop: sessionmaker[Session],
    order_note: bytes,
    audio: bytes | str,
    code: str,
    sentence: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = {
        "silence": silence().wav(),
        "noise": to_ogg_opus(noise()),
        "long": silence(61, rate=8000).wav(),
        "truncated": order_note[: len(order_note) // 2],
    }.get(str(audio), audio)
    assert isinstance(data, bytes)
    liu = _elder(shop, "刘德福")
    with caplog.at_level(logging.INFO, logger="bot.voice_turn"):
        result = turns.handle(liu, data, NOW)
    assert (result.error, result.reply.text, result.heard) == (code, sentence, None)
    assert result.voice is not None  # the kind sentence is spoken too
    assert code in caplog.text
    with shop() as session:
        assert session.get(Conversation, liu) is None  # the dialogue was not called


def test_a_language_without_a_recogniser_is_told_to_type(shop: sessionmaker[Session]) -> None:
    """巴特尔 talks Mongolian; with no Mongolian recogniser configured he is asked to type, and
    the answer is text only (no offline Mongolian voice exists)."""
    bater = _elder(shop, "巴特尔")
    off = Voice(VoiceConfig.from_env({"ZHUCAN_VOICE_STT_MN": "none"}))
    note = to_ogg_opus(EspeakTts("zh").synthesize("你好"))
    result = VoiceTurns(Dialogue(shop), off).handle(bater, note, NOW)
    assert result.error == "stt-no-model" and result.lang == "mn"
    assert result.reply.text == say("voice_no_model", "mn")
    assert has_traditional_mongolian(result.reply.text)
    assert result.voice is None


def test_mongolian_kind_sentences_are_written(shop: sessionmaker[Session], voice: Voice) -> None:
    bater = _elder(shop, "巴特尔")
    result = VoiceTurns(Dialogue(shop), voice).handle(bater, b"", NOW)
    assert result.reply.text == "ᠲᠣᠳᠣ ᠰᠣᠨᠣᠰᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠵᠤ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃" and result.voice is None


def test_phrases_come_from_the_live_menu(turns: VoiceTurns, shop: sessionmaker[Session]) -> None:
    expected = turns.phrases_now(_elder(shop, "刘德福"), NOW)
    assert {"红烧肉", "红烧五花肉", "手把肉", "小米粥"} <= set(expected.dishes)
    assert {"我要订餐", "送到家", "再说一遍", "不要"} <= set(expected.sayings)
    assert {"红烧肉", "我要订餐", "两份"} <= set(expected.phrases)  # for matching by sound


def test_nothing_personal_is_logged(
    turns: VoiceTurns,
    shop: sessionmaker[Session],
    order_note: bytes,
    caplog: pytest.LogCaptureFixture,
) -> None:
    liu = _elder(shop, "刘德福")
    with caplog.at_level(logging.DEBUG):
        result = turns.handle(liu, order_note, NOW)
    assert result.heard
    assert result.heard not in caplog.text and "订单" not in caplog.text
    assert not any(isinstance(r.args, tuple) and order_note in r.args for r in caplog.records)
    assert np.all([len(r.getMessage()) < 500 for r in caplog.records])
