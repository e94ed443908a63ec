"""`machi run --workers N`: N processes running the same roles, sharing the listening port(s).

The supervisor (this module) migrates once, makes the gateway's signing key once, then starts N
`machi run --worker I` children. Each binds its port(s) with `SO_REUSEPORT`, so the kernel spreads
incoming connections between them (Linux; README "Workers"). SIGTERM or SIGINT is passed on to
every child, and the supervisor waits for them all: each runs its lifespans to the end, so what a
process holds in memory (the gateway's clicks, analytics' click buffer) is written before it
exits. A child is never restarted: one that exits before it is told to stops the others, and the
supervisor exits non-zero (the container or unit restarts the whole).

Several processes share one event stream only over RabbitMQ: each worker's consumers share the
consumers' queues (the inbox drops a second delivery) and each gets its own copy of the broadcasts
that keep its caches in step. On the in-memory bus an event, and the public pages' cache
invalidation, would stay in the process that made it, so `--workers` above 1 is refused there.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from types import FrameType

from gateway.settings import GatewaySettings
from kit.auth import load_or_create_key
from kit.settings import MachiSettings
from machi_cli import runner

log = logging.getLogger("machi")

NEEDS_BROKER = (
    "--workers above 1 needs RabbitMQ (set AMQP_URL): on the in-memory bus events, and the"
    " public pages' cache invalidation, would stay inside the process that made them"
)
POLL_SECONDS = 0.2


def refuse_without_broker(workers: int, settings: MachiSettings) -> None:
    """Stop here when several workers would each have an in-memory bus of their own."""
    if workers > 1 and not settings.amqp_url:
        raise SystemExit(NEEDS_BROKER)


def worker_command(run_args: Sequence[str], index: int, *, seed: bool) -> list[str]:
    """The `machi run` of worker `index`: the same roles, no migration, the seed in one only."""
    return [
        sys.executable,
        "-m",
        "machi_cli",
        "run",
        *run_args,
        "--workers=1",
        f"--worker={index}",
        "--no-migrate",
        "--seed" if seed and index == 0 else "--no-seed",
    ]


class Supervisor:
    """The children of one `machi run --workers N`, and whether they were told to stop."""

    def __init__(self) -> None:
        self.children: list[subprocess.Popen[bytes]] = []
        self.stopping = False

    def stop(self, signum: int = signal.SIGTERM, frame: FrameType | None = None) -> None:
        """Tell every running child to stop (SIGTERM: each shuts down gracefully)."""
        self.stopping = True
        for child in self.children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    def start(self, command: list[str], env: dict[str, str]) -> None:
        if not self.stopping:
            # Our own interpreter and arguments: nothing from outside reaches the command.
            self.children.append(subprocess.Popen(command, env=env))  # noqa: S603

    def wait(self) -> int:
        """Until every child has exited: 0 when each stopped cleanly because it was told to."""
        failed = False
        running = list(self.children)
        while running:
            time.sleep(POLL_SECONDS)
            for child in [c for c in running if c.poll() is not None]:
                running.remove(child)
                if self.stopping and child.returncode == 0:
                    continue
                failed = True
                told = self.stopping
                log.error(
                    "worker exited" if told else "worker exited unexpectedly: stopping the others",
                    extra={"worker_pid": child.pid, "exit_code": child.returncode},
                )
                if not told:
                    self.stop()
        return 1 if failed else 0


def supervise(
    settings: MachiSettings,
    gateway_settings: GatewaySettings,
    selected: Sequence[str],
    run_args: Sequence[str],
    workers: int,
    *,
    migrate: bool,
    seed: bool,
) -> int:
    """Run `workers` children until a signal or a child's unexpected exit; the exit code."""
    if migrate:
        asyncio.run(runner.migrate_all(settings))
    if "gateway" in selected:  # one key, not N processes racing to make it
        load_or_create_key(gateway_settings.gateway_signing_key_file)
    # The embedded server's address, the development keys and the public origin the
    # supervisor settled: the children read them from the environment, as it did.
    env = {**os.environ, "DATABASE_URL": str(settings.database_url)}
    supervisor = Supervisor()
    signal.signal(signal.SIGTERM, supervisor.stop)
    signal.signal(signal.SIGINT, supervisor.stop)
    for index in range(workers):
        supervisor.start(worker_command(run_args, index, seed=seed), env)
    log.info("workers started", extra={"pids": [child.pid for child in supervisor.children]})
    return supervisor.wait()
