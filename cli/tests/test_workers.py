"""The supervisor of `machi run --workers N`, with plain processes standing in for workers."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from machi_cli.workers import Supervisor


def graceful(ready: Path, exit_code: int = 0) -> list[str]:
    """A child that exits with `exit_code` on SIGTERM, as a worker once its shutdown is done;
    `ready` appears once its handler is installed."""
    code = (
        "import pathlib, signal, sys, time\n"
        f"signal.signal(signal.SIGTERM, lambda *_: sys.exit({exit_code}))\n"
        f"pathlib.Path({str(ready)!r}).touch()\n"
        "time.sleep(120)\n"
    )
    return [sys.executable, "-c", code]


def wait_for(*paths: Path) -> None:
    deadline = time.monotonic() + 60
    while not all(p.exists() for p in paths):
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_a_worker_that_exits_unexpectedly_stops_the_others_and_fails_the_supervisor(
    tmp_path: Path,
) -> None:
    supervisor = Supervisor()
    supervisor.start(graceful(tmp_path / "0"), dict(os.environ))
    wait_for(tmp_path / "0")
    supervisor.start([sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ))
    started = time.monotonic()

    code = supervisor.wait()

    assert code == 1
    assert time.monotonic() - started < 30
    assert [c.returncode for c in supervisor.children] == [0, 3]


def test_workers_told_to_stop_that_stop_cleanly_leave_the_supervisor_at_zero(
    tmp_path: Path,
) -> None:
    supervisor = Supervisor()
    for name in ("0", "1"):
        supervisor.start(graceful(tmp_path / name), dict(os.environ))
    wait_for(tmp_path / "0", tmp_path / "1")

    supervisor.stop(signal.SIGTERM)

    assert supervisor.wait() == 0
    assert [c.returncode for c in supervisor.children] == [0, 0]


def test_a_worker_that_fails_its_shutdown_fails_the_supervisor(tmp_path: Path) -> None:
    supervisor = Supervisor()
    supervisor.start(graceful(tmp_path / "0"), dict(os.environ))
    supervisor.start(graceful(tmp_path / "1", exit_code=2), dict(os.environ))
    wait_for(tmp_path / "0", tmp_path / "1")

    supervisor.stop(signal.SIGTERM)

    assert supervisor.wait() == 1
