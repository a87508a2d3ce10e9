"""CPU seconds and memory of a process tree, read from Linux's ``/proc``.

Why a tree and not a process: ``zhucan serve --workers N`` is a supervisor with N worker
processes (killed ones replaced), and PostgreSQL is a postmaster with a backend per
connection (ended ones replaced). A process's own ``utime + stime`` plus ``cutime + cstime``
(the CPU of its children that ended and were waited for) summed over every live process of the
tree counts each CPU second once, including the processes that are gone; two readings around a
run give that run's CPU.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
PROC = Path("/proc")


@dataclass(frozen=True)
class Stat:
    """What ``/proc/<pid>/stat`` says of one process."""

    pid: int
    ppid: int
    cpu_s: float
    """Its own CPU and that of its children that ended (seconds)."""


def _stat(pid: int) -> Stat | None:
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except OSError:  # gone meanwhile
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    # after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    # utime stime cutime cstime ... (fields 3.. of proc(5), counted from 0 here)
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return Stat(pid, int(fields[1]), (utime + stime + cutime + cstime) / TICKS)


def _all() -> list[Stat]:
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None:
                found.append(stat)
    return found


def parent(pid: int) -> int | None:
    """The process's parent, None when no such process runs here."""
    stat = _stat(pid)
    return None if stat is None else stat.ppid


def tree(root: int) -> list[Stat]:
    """``root`` and every live process below it."""
    stats = _all()
    children: dict[int, list[Stat]] = {}
    for stat in stats:
        children.setdefault(stat.ppid, []).append(stat)
    top = [s for s in stats if s.pid == root]
    found, queue = list(top), list(top)
    while queue:
        for child in children.get(queue.pop().pid, []):
            found.append(child)
            queue.append(child)
    return found


def tree_cpu(root: int) -> float:
    """CPU seconds of ``root``'s tree so far, gone processes included."""
    return sum(s.cpu_s for s in tree(root))


def rss_mb(pid: int) -> float:
    """Resident memory of one process (MB), 0 when it is gone."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cmdline(pid: int) -> str:
    """The process's command line, arguments joined by spaces ('' when gone)."""
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def serve_workers(supervisor: int) -> list[int]:
    """The worker processes of ``zhucan serve --workers N`` (uvicorn spawns each with
    ``multiprocessing``; its resource tracker is no worker)."""
    return [
        s.pid for s in tree(supervisor) if s.ppid == supervisor and "spawn_main" in cmdline(s.pid)
    ]
