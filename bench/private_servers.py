"""Throwaway PostgreSQL and Redis servers for benchmarks that must break them.

Why: ``bench/rush_faults.py`` restarts PostgreSQL in the middle of a rush, and the machine's
own cluster (127.0.0.1:5432) is shared with whoever runs the test suite beside it. A private
cluster (``initdb`` into a temporary folder, ``pg_ctl`` on a free port) can be killed and
restarted without touching anyone else, and its processes' CPU belongs to the run alone. The
same goes for Redis, which holds Telegram's shared limits under fixed keys.

PostgreSQL refuses to run as root: when this process is root, the cluster's folder is handed to
the owner of the PostgreSQL binaries' usual account (``postgres``) and every ``initdb`` and
``pg_ctl`` runs as that user through ``runuser``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

from bench import proc_usage

PG_USER = "postgres"
"""The account the cluster runs as when this process is root."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def postgres_bin() -> Path:
    """The newest PostgreSQL server binaries here (Debian's ``/usr/lib/postgresql/N/bin``,
    else the folder of ``pg_ctl`` on the PATH)."""
    versions = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    numbered = [b for b in versions if b.parent.name.isdigit()]
    if numbered:
        return max(numbered, key=lambda b: int(b.parent.name))
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl is None:
        raise SystemExit("no PostgreSQL server binaries (initdb, pg_ctl) here")
    return Path(pg_ctl).parent


class PrivateCluster:
    """A PostgreSQL cluster of its own on 127.0.0.1:``port``, trust authentication, gone on
    exit. ``restart`` stops it the hard way (``-m immediate``, as a crash would: crash recovery
    on start) and starts it again."""

    def __init__(self, port: int | None = None, max_connections: int = 200) -> None:
        self.port = port or free_port()
        self.max_connections = max_connections
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="zhucan-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._as_other = os.geteuid() == 0
        self._spent_s = 0.0

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` on this cluster."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", PG_USER, "--"] if self._as_other else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def _pg_ctl(self, *args: str) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), *args)

    def __enter__(self) -> PrivateCluster:
        if self._as_other:
            account = pwd.getpwnam(PG_USER)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        )
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already down
            self._pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            f"-c max_connections={self.max_connections}"
        )
        self._pg_ctl("-o", options, "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self) -> None:
        """Stop at once, as a crash would (no checkpoint; the next start recovers)."""
        self._pg_ctl("-m", "immediate", "-w", "stop")

    def cpu_s(self) -> float:
        """CPU seconds of the cluster's processes since it was made, restarts included."""
        return self._spent_s + proc_usage.tree_cpu(self.postmaster_pid())

    def restart(self, down_s: float = 2.0) -> float:
        """Stop at once, stay down ``down_s``, start again; the seconds it was unreachable."""
        self._spent_s += proc_usage.tree_cpu(self.postmaster_pid())
        began = time.monotonic()
        self.stop()
        time.sleep(down_s)
        self.start()
        return time.monotonic() - began

    def postmaster_pid(self) -> int:
        """The server's main process (its first line of ``postmaster.pid``)."""
        return int((self.data / "postmaster.pid").read_text().split()[0])


class PrivateRedis:
    """A Redis server of its own on 127.0.0.1:``port`` (nothing saved), stopped on exit."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def __enter__(self) -> PrivateRedis:
        server = shutil.which("redis-server")
        if server is None:
            raise SystemExit("no redis-server here")
        options = [
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        self.process = subprocess.Popen(
            [server, *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SystemExit("redis-server did not start")
            time.sleep(0.1)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(20)
