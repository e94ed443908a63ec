"""Where `machi run` gets `*_SECRET_KEYS`: development keys in the all-in-one, a refusal to start
elsewhere; and `machi keys new`."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kit.secrets import Sealer, parse_keys
from machi_cli.main import app
from machi_cli.sealing import SEALED_SERVICES, provide_keys
from machi_cli.services import ROLE_NAMES

VARIABLES = [service.variable for service in SEALED_SERVICES]


@pytest.fixture
def no_keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No key in the environment (an empty value is unset) and no .env: a fresh clone."""
    for name in VARIABLES:
        monkeypatch.setenv(name, "")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_keys_new_prints_a_key_the_sealer_accepts() -> None:
    printed = [CliRunner().invoke(app, ["keys", "new"]) for _ in range(2)]
    assert all(result.exit_code == 0 for result in printed)
    first, second = (result.output.strip() for result in printed)
    assert first != second
    sealer = Sealer(parse_keys(f"{first},{second}", "PUBLISHER_SECRET_KEYS"))
    assert sealer.open(sealer.seal({"access_token": "t"})) == {"access_token": "t"}


@pytest.mark.parametrize(
    ("target", "missing"),
    [
        ("publisher-api", ["PUBLISHER_SECRET_KEYS"]),
        ("catalog-worker,analytics-api", ["CATALOG_SECRET_KEYS", "ANALYTICS_SECRET_KEYS"]),
    ],
)
def test_a_split_process_without_keys_refuses_to_start(
    target: str, missing: list[str], tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env["DATABASE_URL"] = "postgresql://nobody@127.0.0.1:9/none"  # never reached
    ran = subprocess.run(
        [sys.executable, "-m", "machi_cli", "run", f"--target={target}"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode != 0
    message = ran.stderr.strip().splitlines()[-1]
    assert message.startswith(f"cannot start {', '.join(sorted(target.split(',')))}:")
    for name in missing:
        assert name in message
    assert "not set" in message
    assert "`machi keys new`" in message
    assert not (tmp_path / "var").exists()  # no development key was made


def test_a_malformed_key_refuses_to_start_without_showing_it(
    no_keys: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOG_SECRET_KEYS", "my-old-password")
    with pytest.raises(SystemExit) as refused:
        provide_keys(["catalog-api"], all_in_one=False)
    assert "CATALOG_SECRET_KEYS: key 1 of 1 is not a Fernet key" in str(refused.value.code)
    assert "my-old-password" not in str(refused.value.code)


@pytest.mark.usefixtures("no_keys")
def test_roles_that_seal_nothing_start_without_keys() -> None:
    provide_keys(["catalog-relay", "publisher-relay", "analytics-worker"], all_in_one=False)


def test_the_all_in_one_makes_keys_under_var_once_and_keeps_the_ones_set(
    no_keys: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_key = parse_keys(CliRunner().invoke(app, ["keys", "new"]).output)[0]
    monkeypatch.setenv("PUBLISHER_SECRET_KEYS", set_key)
    provide_keys(ROLE_NAMES, all_in_one=True)
    keys_file = no_keys / "var" / "secret-keys.env"
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    written = keys_file.read_text()
    assert "PUBLISHER_SECRET_KEYS" not in written  # set: no development key made
    assert os.environ["PUBLISHER_SECRET_KEYS"] == set_key
    made = {name: os.environ[name] for name in ("CATALOG_SECRET_KEYS", "ANALYTICS_SECRET_KEYS")}
    assert all(f"{name}={key}" in written for name, key in made.items())

    for name in made:  # the next start: the same keys again
        monkeypatch.setenv(name, "")
    provide_keys(ROLE_NAMES, all_in_one=True)
    assert {name: os.environ[name] for name in made} == made
    assert keys_file.read_text() == written
