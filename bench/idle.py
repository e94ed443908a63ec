"""CPU of the all-in-one platform at rest, against a bare uvicorn app idling in the same window.

Starts `machi run --target=all` as `make run` does (embedded PostgreSQL, in-memory bus, demo town
seeded) in a scratch directory, waits for /readyz and for start-up work to settle, then reads
utime + stime from /proc/<pid>/stat of the whole platform (the machi process, its children and
the embedded PostgreSQL server with its backends) at the start and the end of the window. A
minimal FastAPI app under uvicorn idles beside it over the same window: the floor of an idle
Python web process on this machine. The goal is the platform under 2 % of one core.

    uv run python -m bench.idle [WINDOW_SECONDS] [SETTLE_SECONDS]
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

GOAL_PERCENT = 2.0
HZ = os.sysconf("SC_CLK_TCK")
BARE_APP = """
from fastapi import FastAPI
app = FastAPI()

@app.get("/")
def root() -> dict[str, str]:
    return {"ok": "yes"}
"""


def free_port() -> int:
    from kit.testing.fakes import free_port as pick

    return pick()


def processes() -> dict[int, tuple[int, int, str]]:
    """pid -> (parent pid, CPU ticks used so far, command line) of every process we can read."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            command = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        found[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]), command)
    return found


def tree(roots: set[int], table: dict[int, tuple[int, int, str]]) -> set[int]:
    members = set(roots) & set(table)
    grew = True
    while grew:
        grew = False
        for pid, (parent, _, _) in table.items():
            if parent in members and pid not in members:
                members.add(pid)
                grew = True
    return members


def ticks(root: int, marker: str | None) -> dict[int, tuple[int, str]]:
    """CPU ticks of `root`'s process tree and of the daemonized server whose command line names
    `marker` (the embedded PostgreSQL, whose parent is init)."""
    table = processes()
    roots = {root}
    if marker:
        roots |= {pid for pid, (_, _, cmd) in table.items() if marker in cmd and "postgres" in cmd}
    return {pid: (table[pid][1], table[pid][2]) for pid in tree(roots, table)}


def used(before: dict[int, tuple[int, str]], after: dict[int, tuple[int, str]]) -> dict[int, int]:
    """Ticks spent between the two readings (a process born meanwhile counts from zero)."""
    return {pid: t - before.get(pid, (0, ""))[0] for pid, (t, _) in after.items()}


def wait_ready(url: str, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not ready after {seconds} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(window: float, settle: float) -> dict[str, object]:
    scratch = Path(tempfile.mkdtemp(prefix="machi-idle-"))
    port, bare_port = free_port(), free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "AMQP_URL", "REDIS_URL")
    }
    env |= {
        "JWKS_URL": f"http://127.0.0.1:{port}/.well-known/jwks.json",
        "LOG_JSON": "false",
        "LOG_LEVEL": "WARNING",
    }
    log = (scratch / "machi.log").open("wb")
    machi = subprocess.Popen(
        [sys.executable, "-m", "machi_cli", "run", "--target=all", "--port", str(port)],
        cwd=scratch,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    (scratch / "bare_app.py").write_text(BARE_APP)
    bare = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bare_app:app", "--port", str(bare_port)],
        cwd=scratch,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    marker = str(scratch / "var" / "pgdata")
    try:
        wait_ready(f"http://127.0.0.1:{port}/readyz", machi, 600)
        wait_ready(f"http://127.0.0.1:{bare_port}/", bare, 60)
        sys.stderr.write(f"ready; settling {settle:.0f} s, then measuring {window:.0f} s\n")
        time.sleep(settle)
        load_before = os.getloadavg()
        machi_before, bare_before = ticks(machi.pid, marker), ticks(bare.pid, None)
        started = time.monotonic()
        time.sleep(window)
        elapsed = time.monotonic() - started
        machi_after, bare_after = ticks(machi.pid, marker), ticks(bare.pid, None)
        load_after = os.getloadavg()
    finally:
        stop(bare)
        stop(machi)
        log.close()
    spent = used(machi_before, machi_after)
    python = spent.get(machi.pid, 0)
    database = sum(t for pid, t in spent.items() if pid != machi.pid)
    bare_spent = sum(used(bare_before, bare_after).values())

    def percent(n: int) -> float:
        return round(100 * n / HZ / elapsed, 2)

    platform = percent(python + database)
    shutil.rmtree(scratch, ignore_errors=True)
    return {
        "benchmark": "idle all-in-one",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "window_seconds": round(elapsed, 1),
        "settle_seconds": settle,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "platform_percent_of_one_core": platform,
        "machi_process_percent": percent(python),
        "embedded_postgres_percent": percent(database),
        "processes_measured": len(spent),
        "bare_uvicorn_percent": percent(bare_spent),
        "goal_percent": GOAL_PERCENT,
        "ratio_platform_to_goal": round(platform / GOAL_PERCENT, 3),
        "goal_met": platform < GOAL_PERCENT,
    }


def write_result(result: dict[str, object]) -> None:
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "idle.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    print(
        f"idle: platform {result['platform_percent_of_one_core']} % of one core"
        f" (goal < {GOAL_PERCENT} %: ratio {result['ratio_platform_to_goal']}),"
        f" bare uvicorn {result['bare_uvicorn_percent']} %,"
        f" load {result['load_average_after']}"
    )


if __name__ == "__main__":
    args = [float(a) for a in sys.argv[1:]]
    window, settle = (args + [60.0, 30.0][len(args) :])[:2]
    write_result(main(window, settle))
