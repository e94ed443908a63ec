"""docker-compose.yml, deploy/ and .env.example agree with each other and with the code's names.

`docker-compose config` validates the file as Debian's docker-compose 1.29 reads it; it is skipped
when the binary is missing, except under CI=true (the CI script installs it).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from analytics import handlers as analytics_handlers
from kit.events.rabbitmq import definitions as rabbitmq_definitions
from kit.secrets import load_or_create_keys, parse_keys
from kit.settings import MachiSettings
from machi_cli.main import app as cli
from machi_cli.sealing import DEV_KEYS, SEALED_SERVICES
from machi_cli.services import ROLE_NAMES, consumers
from publisher import handlers as publisher_handlers

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = "deploy/Dockerfile"
DEFINITIONS = ROOT / "deploy" / "rabbitmq" / "definitions.json"
ENV_EXAMPLE = ROOT / ".env.example"

# Names come from the code, so a renamed role, command or consumer breaks this test.
ROLES = set(ROLE_NAMES)
SUBCOMMANDS = {
    command.name or getattr(command.callback, "__name__", "").replace("_", "-")
    for command in cli.registered_commands
}
THIRD_PARTY_IMAGES = {"postgres:15", "rabbitmq:3.13-management"}
CONSUMERS = sorted(
    s.consumer for s in [*publisher_handlers.SUBSCRIPTIONS, *analytics_handlers.SUBSCRIPTIONS]
)
RETRY_TTLS_MS = MachiSettings.model_fields["event_retry_delays_ms"].default
PARKED = {
    "x-queue-type": "quorum",
    "x-dead-letter-strategy": "at-least-once",
    "x-overflow": "reject-publish",
    "x-dead-letter-exchange": "",
}
SETTING_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=")


def load_compose() -> dict[str, Any]:
    # safe_load resolves the anchors and `<<` merge keys the file uses.
    doc: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text())
    return doc


def documented_settings() -> set[str]:
    return {
        m.group(1)
        for line in ENV_EXAMPLE.read_text().splitlines()
        if (m := SETTING_LINE.match(line))
    }


def words(command: str | list[str] | None) -> list[str]:
    if command is None:
        return []
    return shlex.split(command) if isinstance(command, str) else [str(w) for w in command]


def targets(argv: list[str]) -> list[str]:
    found: list[str] = []
    for i, word in enumerate(argv):
        if word.startswith("--target="):
            value = word.split("=", 1)[1]
        elif word == "--target" and i + 1 < len(argv):
            value = argv[i + 1]
        else:
            continue
        found.extend(t.strip() for t in value.split(",") if t.strip())
    return found


def env_names(environment: dict[str, Any] | list[str] | None) -> set[str]:
    if environment is None:
        return set()
    if isinstance(environment, dict):
        return set(environment)
    return {item.split("=", 1)[0] for item in environment}


def dockerfile_of(service: dict[str, Any], base: Path) -> Path | None:
    """The Dockerfile a service builds from, or None for a pulled image."""
    build = service.get("build")
    if build is None:
        return None
    if isinstance(build, str):
        build = {"context": build}
    context = (base / str(build.get("context", "."))).resolve()
    return (context / str(build.get("dockerfile", "Dockerfile"))).resolve()


def machi_services(doc: dict[str, Any], base: Path) -> dict[str, dict[str, Any]]:
    return {
        name: service
        for name, service in doc["services"].items()
        if dockerfile_of(service, base) is not None
    }


def check_services(doc: dict[str, Any], base: Path) -> None:
    """Assertions shared by the raw file and `docker-compose config`'s rendering of it."""
    machi = machi_services(doc, base)
    assert machi, "no service is built from deploy/Dockerfile"
    for name, service in doc["services"].items():
        dockerfile = dockerfile_of(service, base)
        if dockerfile is None:
            assert service.get("image") in THIRD_PARTY_IMAGES, f"{name}: unexpected image"
        else:
            assert dockerfile == (base / DOCKERFILE).resolve(), f"{name}: built from {dockerfile}"
            assert dockerfile.is_file(), f"{name}: {dockerfile} is missing"

    settings = documented_settings()
    seen_targets: set[str] = set()
    for name, service in machi.items():
        argv = words(service.get("command"))
        assert argv, f"{name}: no command (the image default runs every role)"
        assert argv[0] in SUBCOMMANDS, f"{name}: `machi {argv[0]}` is not a subcommand"
        chosen = targets(argv)
        if argv[0] == "run":
            assert chosen, f"{name}: `machi run` without --target"
        assert set(chosen) <= ROLES, f"{name}: unknown target(s) {set(chosen) - ROLES}"
        seen_targets.update(chosen)
        undocumented = env_names(service.get("environment")) - settings
        assert not undocumented, f"{name}: not in .env.example: {sorted(undocumented)}"
    assert seen_targets == ROLES, f"roles without a container: {sorted(ROLES - seen_targets)}"


def check_secret_keys(doc: dict[str, Any], base: Path, *, rendered: bool) -> None:
    """Each container running a role that seals secrets reads the keys file, and only those
    do; rendered, its environment holds its service's keys."""
    for name, service in machi_services(doc, base).items():
        chosen = set(targets(words(service.get("command"))))
        needed = {s.variable for s in SEALED_SERVICES if chosen & set(s.roles)}
        if rendered:
            environment = service.get("environment") or {}
            given = {k for k in env_names(environment) if k.endswith("_SECRET_KEYS")}
            assert given >= needed, f"{name}: missing {sorted(needed - given)}"
            for variable in needed:
                assert parse_keys(dict(environment)[variable], variable), name
            continue
        files = service.get("env_file") or []
        files = [files] if isinstance(files, str) else files
        reads_keys = f"./{DEV_KEYS}" in files
        assert reads_keys == bool(needed), f"{name}: env_file {files}, needs {sorted(needed)}"


def test_every_container_runs_a_known_role_with_documented_settings() -> None:
    check_services(load_compose(), ROOT)


def test_every_container_that_seals_secrets_reads_the_keys_file() -> None:
    check_secret_keys(load_compose(), ROOT, rendered=False)


def test_machi_containers_wait_for_migrations_and_the_broker() -> None:
    doc = load_compose()
    for name, service in machi_services(doc, ROOT).items():
        depends_on = service.get("depends_on", {})
        if name == "migrate":
            assert depends_on["postgres"]["condition"] == "service_healthy"
            continue
        assert depends_on["migrate"]["condition"] == "service_completed_successfully", name
        assert depends_on["rabbitmq"]["condition"] == "service_healthy", name


def test_env_example_lines_are_settings_or_comments() -> None:
    for line in ENV_EXAMPLE.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        assert SETTING_LINE.match(stripped), f".env.example: not NAME=value: {line!r}"
    assert {"DATABASE_URL", "AMQP_URL", "LOG_LEVEL", "REDIS_URL"} <= documented_settings()


def test_docker_compose_config_accepts_the_file(tmp_path: Path) -> None:
    binary = shutil.which("docker-compose")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "docker-compose is required when CI=true (apt-get install -y docker-compose)"
            )
        pytest.skip("docker-compose binary not found (apt-get install -y docker-compose)")

    # Validate a copy, so the secret file compose wants can exist without writing into the repo.
    shutil.copy(COMPOSE_FILE, tmp_path / "docker-compose.yml")
    (tmp_path / "deploy").symlink_to(ROOT / "deploy", target_is_directory=True)
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "gateway-signing-key.pem").touch()
    load_or_create_keys(tmp_path / DEV_KEYS, [s.variable for s in SEALED_SERVICES])  # keys init
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPOSE_")}
    result = subprocess.run(
        [binary, "-f", "docker-compose.yml", "config"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    check_services(yaml.safe_load(result.stdout), tmp_path)
    check_secret_keys(yaml.safe_load(result.stdout), tmp_path, rendered=True)


def test_rabbitmq_definitions_match_the_code_topology() -> None:
    """The file is what `machi rabbitmq-definitions` writes from the code's consumers."""
    definitions = json.loads(DEFINITIONS.read_text())
    expected = rabbitmq_definitions(consumers(), RETRY_TTLS_MS)
    for section in ("exchanges", "queues", "bindings"):
        assert definitions[section] == expected[section], (
            f"{section} differ: run `uv run machi rabbitmq-definitions`"
        )
    for consumer in CONSUMERS:
        main = next(q for q in definitions["queues"] if q["name"] == consumer)
        assert main["arguments"]["x-delivery-limit"] == 20
        assert main["arguments"]["x-dead-letter-routing-key"] == f"{consumer}.dlq"

    # Loading definitions at boot skips RabbitMQ's default user and vhost; AMQP_URL needs both.
    assert {"name": "/"} in definitions["vhosts"]
    assert any(u["name"] == "guest" for u in definitions["users"])
    assert any(p["user"] == "guest" and p["vhost"] == "/" for p in definitions["permissions"])
