"""Secrets at rest (platform tokens, store credentials, webhook secrets): MultiFernet.

Every service that seals secrets reads one setting, `<PREFIX>SECRET_KEYS`, in one format
(`KEYS_FORMAT`): comma-separated Fernet keys, newest first. The first key encrypts and every key
decrypts, so keys rotate by prepending a new one and re-encrypting (`rotate`, `machi keys rotate`)
before the old one is retired. Each service declares its sealed columns once, in its models, so
`machi keys rotate` finds every one of them:

    credentials: Mapped[bytes | None] = mapped_column(LargeBinary, info=SEALED)

https://cryptography.io/en/latest/fernet/#cryptography.fernet.MultiFernet
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Protocol

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict
from sqlalchemy import Column, MetaData

from kit.errors import ProblemError
from kit.export import SECRET

KEYS_FORMAT = "comma-separated Fernet keys, newest first"

# `info=` of a column holding a Fernet token (bytes or its str form); a sealed column is also a
# secret one, so no tenant export carries it.
SEALED: dict[str, Any] = {**SECRET, "sealed": True}


class SecretsNotConfigured(ProblemError):
    """No key is configured, so nothing can be sealed or opened."""

    status = 503
    type = "secrets-not-configured"
    title = "No encryption key is configured"


class SecretUnreadable(ProblemError, ValueError):
    """No configured key opens this token (its key was retired too early)."""

    status = 503
    type = "secret-unreadable"
    title = "No configured encryption key opens this secret"


class SealingSettings(Protocol):
    """Settings of a service that seals secrets: its `<PREFIX>SECRET_KEYS`."""

    model_config: ClassVar[SettingsConfigDict]

    @property
    def secret_keys(self) -> SecretStr: ...


def keys_variable(settings: type[SealingSettings] | SealingSettings) -> str:
    """The environment variable holding a service's keys (`CATALOG_SECRET_KEYS` ...)."""
    return f"{settings.model_config.get('env_prefix', '')}SECRET_KEYS".upper()


def parse_keys(raw: str, variable: str = "SECRET_KEYS") -> list[str]:
    """The keys of a `*_SECRET_KEYS` value (`KEYS_FORMAT`); a ValueError names the bad entry,
    never its text."""
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError):
            raise ValueError(
                f"{variable}: key {number} of {len(keys)} is not a Fernet key; expected"
                f" {KEYS_FORMAT} (`machi keys new` prints one)"
            ) from None
    return keys


def new_key() -> str:
    """A fresh key in `KEYS_FORMAT` (one Fernet key)."""
    return Fernet.generate_key().decode()


class Sealer:
    """Encrypts and decrypts small secrets; never shows its keys."""

    def __init__(self, keys: Sequence[str], variable: str = "SECRET_KEYS") -> None:
        fernets = [Fernet(key.encode()) for key in keys]
        self._fernet = MultiFernet(fernets) if fernets else None
        self.variable = variable

    @classmethod
    def of(cls, settings: SealingSettings) -> Sealer:
        """The sealer of a service's `<PREFIX>SECRET_KEYS` setting."""
        variable = keys_variable(settings)
        return cls(parse_keys(settings.secret_keys.get_secret_value(), variable), variable)

    @property
    def configured(self) -> bool:
        return self._fernet is not None

    def _box(self) -> MultiFernet:
        if self._fernet is None:
            raise SecretsNotConfigured(f"{self.variable} is not set")
        return self._fernet

    def encrypt(self, data: bytes) -> bytes:
        return self._box().encrypt(data)

    def decrypt(self, token: bytes) -> bytes:
        try:
            return self._box().decrypt(token)
        except InvalidToken as exc:
            raise SecretUnreadable(f"no key in {self.variable} opens this secret") from exc

    def rotate(self, token: bytes) -> bytes:
        """`token` re-encrypted under the first key."""
        try:
            return self._box().rotate(token)
        except InvalidToken as exc:
            raise SecretUnreadable(f"no key in {self.variable} opens this secret") from exc

    def seal(self, document: Mapping[str, Any]) -> bytes:
        """A JSON document (credentials) encrypted, for a LargeBinary column."""
        return self.encrypt(json.dumps(document).encode())

    def open(self, token: bytes) -> dict[str, Any]:
        """The JSON document sealed in `token`."""
        document: dict[str, Any] = json.loads(self.decrypt(token))
        return document

    def seal_text(self, text: str) -> str:
        """A string encrypted, in the token's str form for a Text column."""
        return self.encrypt(text.encode()).decode()

    def open_text(self, token: str) -> str:
        """The string sealed in `token`."""
        return self.decrypt(token.encode()).decode()

    def __repr__(self) -> str:
        return f"Sealer({self.variable}, <keys hidden>)"


def load_or_create_keys(path: Path, variables: Sequence[str]) -> dict[str, str]:
    """Development keys: `VARIABLE=key` lines at `path` (mode 0600), one fresh key for each of
    `variables` the file lacks, written on first use and reused after (as `kit.auth` keeps the
    signing key). The file is also an env file (docker-compose `env_file`)."""
    existed = path.exists()
    known = _read_keys(path) if existed else {}
    missing = [name for name in variables if name not in known]
    if missing:
        known.update({name: new_key() for name in missing})
        if not _write_keys(path, known, replace=existed):
            return load_or_create_keys(path, variables)  # another process made it first
    return {name: known[name] for name in variables}


def _read_keys(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs if not name.startswith("#")}


def _write_keys(path: Path, keys: Mapping[str, str], *, replace: bool) -> bool:
    """Write the whole file to a 0600 temporary one, then move it in place, so a reader never
    sees half a file; False when `path` appeared meanwhile (and `replace` is off)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# Development encryption keys (machi run --target=all). Not for production.\n"
    text += "".join(f"{name}={value}\n" for name, value in keys.items())
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # mode 0600
    try:
        with os.fdopen(fd, "w") as file:
            file.write(text)
        if replace:
            os.replace(temporary, path)
            return True
        try:
            os.link(temporary, path)  # fails if the file exists: the first writer wins
        except FileExistsError:
            return False
        return True
    finally:
        Path(temporary).unlink(missing_ok=True)


def sealed_columns(metadata: MetaData) -> list[Column[Any]]:
    """Every column of `metadata` marked `info=SEALED`, table by table."""
    return [
        column
        for table in metadata.sorted_tables
        for column in table.columns
        if column.info.get("sealed", False)
    ]
