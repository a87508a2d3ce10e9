"""The voice commands of ``zhucan``: the smart speaker answering WAV files end to end on the
test canteen, ``voice say`` and ``voice transcribe``."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import av
from sqlalchemy.orm import Session, sessionmaker

from bot.cli import run
from bot.voice_cli import utterance
from tests.voice.conftest import clips, noise, silence
from voice.decode import decode
from voice.encode import wav_to_ogg_opus
from voice.tts import check_wav

NOW = "2026-12-01T08:00"
__all__ = ["clips"]  # the session fixture of tests/voice


def _zhucan(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_speaker_answers_each_file_and_writes_the_reply_beside_it(
    shop: sessionmaker[Session], db_url: str, tmp_path: Path, clips: dict[str, bytes]
) -> None:
    files = []
    first = tmp_path / "1.wav"
    first.write_bytes(clips["我的订单"])
    files.append(first)
    empty = tmp_path / "2.wav"
    empty.write_bytes(silence(1.0).wav())
    files.append(empty)
    code, out, err = _zhucan(
        "speaker", "--db", db_url, "--now", NOW, "--elder", "刘德福", "--input", *map(str, files)
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:2] == ["我听到的是：我的订单", "您现在没有订单。"]
    assert lines[2:] == ["[audio-silent]", "没听清，请再说一遍。"]
    for path in files:
        reply = path.with_name(path.stem + ".reply.wav")
        assert check_wav(reply.read_bytes()).seconds > 0.5


def test_the_speaker_refuses_an_unknown_elder(shop: sessionmaker[Session], db_url: str) -> None:
    code, _out, err = _zhucan("speaker", "--db", db_url, "--elder", "无名氏", "--input", "x.wav")
    assert code == 2 and err


def test_the_end_of_an_utterance_is_found_in_a_stream() -> None:
    """Quiet before is skipped; 0.8 s of quiet after speech ends the utterance."""
    quiet, loud = silence(0.1).data, noise(0.1, level=0.2).data
    stream = [quiet] * 5 + [loud] * 10 + [quiet] * 20 + [loud] * 5
    heard = utterance(iter(stream))
    assert len(heard) == len(loud) * 10 + len(quiet) * 8
    assert utterance(iter([quiet] * 30)) == b""


def test_say_writes_a_voice_note_and_a_wav(tmp_path: Path) -> None:
    code, out, _ = _zhucan("voice", "say", "您想吃什么？", "-o", str(tmp_path / "a.ogg"))
    assert code == 0 and "a.ogg" in out
    with av.open(str(tmp_path / "a.ogg")) as container:
        assert container.streams.audio[0].codec_context.name == "opus"
    code, _, _ = _zhucan("voice", "say", "好的", "--rate", "100", "-o", str(tmp_path / "b.wav"))
    assert code == 0 and check_wav((tmp_path / "b.wav").read_bytes()).seconds > 0.5
    code, _, err = _zhucan("voice", "say", "好的", "-o", str(tmp_path / "c.mp4"))
    assert code == 2 and ".ogg" in err
    code, _, err = _zhucan("voice", "say", "ᠰᠠᠶᠢᠨ", "--lang", "mn", "-o", str(tmp_path / "d.ogg"))
    assert code == 2 and "tts-no-voice" in err


def test_transcribe_matches_against_the_menu(tmp_path: Path, clips: dict[str, bytes]) -> None:
    note = tmp_path / "note.ogg"
    note.write_bytes(wav_to_ogg_opus(clips["我的订单"]))
    assert decode(note.read_bytes()).seconds > 1
    code, out, err = _zhucan("voice", "transcribe", str(note), "--phrases", "menu")
    assert code == 0, err
    result = json.loads(out)
    assert result["text"] == "我的订单" and result["engine"] == "whisper"
    assert result["audio_seconds"] > 1 and result["real_time_factor"] > 0


def test_transcribe_refuses_bad_audio(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ogg"
    bad.write_bytes(b"OggS" + bytes(100))
    code, _, err = _zhucan("voice", "transcribe", str(bad))
    assert code == 2 and "audio-corrupt" in err
    code, _, err = _zhucan("voice", "transcribe", str(tmp_path / "missing.ogg"))
    assert code == 2
