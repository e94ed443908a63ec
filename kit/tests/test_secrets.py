import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from kit.secrets import (
    Sealer,
    SecretsNotConfigured,
    SecretUnreadable,
    keys_variable,
    load_or_create_keys,
    new_key,
    parse_keys,
)


def test_a_new_first_key_encrypts_and_old_tokens_still_open_and_rotate() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    token = Sealer([old]).encrypt(b"page-token")
    both = Sealer([new, old])
    assert both.decrypt(token) == b"page-token"
    rotated = both.rotate(token)
    assert Sealer([new]).decrypt(rotated) == b"page-token"
    with pytest.raises(SecretUnreadable):
        Sealer([old]).decrypt(rotated)


def test_without_keys_nothing_is_sealed() -> None:
    sealer = Sealer([])
    assert not sealer.configured
    with pytest.raises(SecretsNotConfigured):
        sealer.encrypt(b"x")
    assert "keys hidden" in repr(Sealer([Fernet.generate_key().decode()]))


class DemoSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DEMO_", env_file=None)

    secret_keys: SecretStr = SecretStr("")


def test_keys_are_comma_separated_and_the_first_encrypts() -> None:
    new, old = new_key(), new_key()
    assert parse_keys(f" {new} ,{old},") == [new, old]
    assert parse_keys("") == []
    token = Sealer([old]).seal({"access_token": "page-token"})
    assert Sealer(parse_keys(f"{new},{old}")).open(token) == {"access_token": "page-token"}


def test_a_malformed_key_is_named_by_its_place_never_by_its_text() -> None:
    with pytest.raises(ValueError, match="DEMO_SECRET_KEYS: key 2 of 2 is not a Fernet key") as e:
        parse_keys(f"{new_key()},not-a-real-key", "DEMO_SECRET_KEYS")
    assert "not-a-real-key" not in str(e.value)
    assert "machi keys new" in str(e.value)


def test_a_service_sealer_reads_its_prefixed_variable() -> None:
    assert keys_variable(DemoSettings) == "DEMO_SECRET_KEYS"
    sealer = Sealer.of(DemoSettings(secret_keys=SecretStr(new_key())))
    assert sealer.open_text(sealer.seal_text("shpss_secret")) == "shpss_secret"
    assert "DEMO_SECRET_KEYS" in repr(sealer)


def test_without_keys_sealing_is_a_503_problem_naming_the_variable() -> None:
    with pytest.raises(SecretsNotConfigured) as refused:
        Sealer.of(DemoSettings()).seal_text("x")
    assert refused.value.status == 503
    assert refused.value.detail == "DEMO_SECRET_KEYS is not set"


def test_development_keys_are_made_once_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "var" / "secret-keys.env"
    first = load_or_create_keys(path, ["A_SECRET_KEYS", "B_SECRET_KEYS"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert all(parse_keys(key) == [key] for key in first.values())
    assert load_or_create_keys(path, ["B_SECRET_KEYS", "A_SECRET_KEYS"]) == first
    more = load_or_create_keys(path, ["A_SECRET_KEYS", "C_SECRET_KEYS"])
    assert more["A_SECRET_KEYS"] == first["A_SECRET_KEYS"]
    assert load_or_create_keys(path, ["B_SECRET_KEYS"]) == {"B_SECRET_KEYS": first["B_SECRET_KEYS"]}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secret-keys.env"]  # no temporary left
