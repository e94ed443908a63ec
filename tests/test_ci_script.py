"""`.ci/run` stops RabbitMQ with its own tool and never kills processes by name.

CI machines are shared: a name pattern (`pkill -f beam.smp`) can match another user's broker.
"""

from __future__ import annotations

import re
import socket
import subprocess
from pathlib import Path

CI_RUN = Path(__file__).resolve().parents[1] / ".ci" / "run"
KILL_BY_NAME = re.compile(r"\b(pkill|killall|pgrep)\b")


def script_lines() -> list[str]:
    """The script's command lines, comments dropped."""
    return [line.split("#", 1)[0] for line in CI_RUN.read_text().splitlines()]


def shell_function(name: str) -> str:
    """The text of one shell function defined in `.ci/run`."""
    match = re.search(rf"^{name}\(\) \{{.*?^\}}$", CI_RUN.read_text(), re.S | re.M)
    assert match, f"{name} is not defined in .ci/run"
    return match.group(0)


def test_ci_script_never_kills_processes_by_name() -> None:
    offending = [line for line in script_lines() if KILL_BY_NAME.search(line)]
    assert offending == []


def test_ci_script_stops_a_hung_broker_with_rabbitmqctl_then_waits_for_its_port() -> None:
    text = "\n".join(script_lines())
    stop = text.index("rabbitmqctl stop", text.index("if ! amqp_handshake; then"))
    assert text.index("wait_closed RabbitMQ 127.0.0.1 5672", stop) < text.index(
        "rabbitmq-server -detached", stop
    )


def test_wait_closed_fails_with_a_clear_message_while_the_port_stays_open() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        script = f'{shell_function("wait_closed")}\nwait_closed Broker 127.0.0.1 {port} 1 "do X"'
        result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert f"FATAL: Broker still listens on 127.0.0.1:{port} after rabbitmqctl stop; do X" in (
        result.stderr
    )


def test_wait_closed_returns_once_the_port_is_closed() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound, never listening: connections are refused
        script = f"{shell_function('wait_closed')}\nwait_closed Broker 127.0.0.1 {port} 5 hint"
        result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
