"""A RabbitMQ node of the suite's own, so it can be stopped and started without touching the
machine's broker (other suites keep running on that one)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from kit.testing.fakes import free_port


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), 1):
            return True
    except OSError:
        return False


@dataclass
class PrivateRabbit:
    """One RabbitMQ node with its own name, ports and data directory."""

    home: Path
    name: str
    port: int
    dist_port: int
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @classmethod
    def create(cls) -> PrivateRabbit:
        # Not under pytest's tmp_path: its parent is private to root and the node runs as the
        # rabbitmq user.
        home = Path(tempfile.mkdtemp(prefix="machi-faults-rabbit-"))
        home.chmod(0o755)
        port = free_port()
        (home / "rabbitmq.conf").write_text(
            f"listeners.tcp.default = 127.0.0.1:{port}\nloopback_users = none\n"
        )
        # rabbitmq-server drops to the rabbitmq user when started as root.
        if os.geteuid() == 0 and shutil.which("chown"):
            subprocess.run(["chown", "-R", "rabbitmq:rabbitmq", str(home)], check=False)
        return cls(home, f"faults{port}@localhost", port, free_port())

    @property
    def url(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/"

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "RABBITMQ_NODENAME": self.name,
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(self.dist_port),
            "RABBITMQ_CONFIG_FILE": str(self.home / "rabbitmq"),
            "RABBITMQ_MNESIA_BASE": str(self.home / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self.home / "log"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.home / "plugins"),
            "RABBITMQ_PID_FILE": str(self.home / "pid"),
        }

    def start(self, timeout: float = 90) -> None:
        log = (self.home / "server.out").open("ab")
        self.process = subprocess.Popen(
            ["rabbitmq-server"], env=self._env(), stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while not _listening(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                output = (self.home / "server.out").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"RabbitMQ node {self.name} did not start:\n{output}")
            time.sleep(0.5)

    def stop(self) -> None:
        subprocess.run(
            ["rabbitmqctl", "-n", self.name, "stop"],
            env=self._env(),
            check=False,
            capture_output=True,
            timeout=60,
        )
        if self.process is not None:
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
            self.process = None

    def remove(self) -> None:
        shutil.rmtree(self.home, ignore_errors=True)

    def restart(self) -> None:
        """Stop the node and start it again on the same data: durable queues survive."""
        self.stop()
        self.start()
