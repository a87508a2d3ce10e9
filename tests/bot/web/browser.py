"""What the real-browser tests share: Debian's Chromium and how to launch it, the console
served by uvicorn on a free port, and the rule that a missing browser skips here but fails in
CI (``CI=true``), so a CI image without it cannot pass silently."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from starlette.types import ASGIApp

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def missing(reason: str) -> None:
    """Skip (here) or fail (in CI) a browser test that lacks ``reason``."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"the browser test needs {reason} in CI", pytrace=False)
    pytest.skip(f"{reason} is not installed here; `make` installs it")


def need_chromium() -> None:
    """Debian's chromium and the playwright package, or skip/fail as ``missing`` says."""
    if not CHROMIUM.exists():
        missing("Debian's chromium (/usr/bin/chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("the playwright package")


@contextmanager
def serve(app: ASGIApp) -> Iterator[str]:
    """The app on 127.0.0.1 at a free port, in a thread, while the block runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
