"""What /proc says of a process and its descendants (a supervisor and its workers, the Postgres
server and its backends): resident memory, and the CPU time spent during a load run by the
platform's processes, the load generator (this process) and the Postgres server, so a run's
report can say what each request cost and how much of the machine was left.

A process's own time plus the time of its children it has reaped (`cutime`, `cstime`) plus
that of its children still running: the whole tree's CPU since it started. The difference of
two readings is the tree's CPU between them, also for children that started or exited in
between (a worker, a Postgres backend of a connection opened and closed during the run).
"""

from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _fields(pid: int) -> list[str] | None:
    """/proc/<pid>/stat after the command name: fields 3 onward (state, ppid, ...)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None  # exited, or not Linux
    return stat[stat.rindex(")") + 2 :].split()


def children(pid: int) -> list[int]:
    """The running children of `pid`, as the kernel lists them (every thread's)."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def tree_seconds(pid: int) -> float | None:
    """CPU seconds of `pid` and every descendant, running or reaped; None if `pid` is gone."""
    fields = _fields(pid)
    if fields is None:
        return None
    utime, stime, cutime, cstime = (int(f) for f in fields[11:15])
    total = (utime + stime + cutime + cstime) / TICKS
    for child in children(pid):
        total += tree_seconds(child) or 0.0
    return total


def tree_resident_mb(pid: int) -> float | None:
    """Resident memory (VmRSS) of `pid` and every running descendant, in MB; None if gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = next((line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")), "0")
    total = int(kb) / 1024
    for child in children(pid):
        total += tree_resident_mb(child) or 0.0
    return total


def parent_of(pid: int) -> int | None:
    fields = _fields(pid)
    return int(fields[1]) if fields else None
