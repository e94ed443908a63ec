"""Secrets at rest (platform tokens, store credentials, webhook secrets): MultiFernet.

The first key encrypts and every key decrypts, so keys rotate by prepending a new one and
re-encrypting (`rotate`) before the old one is retired. Each service declares its sealed columns
once, in its models, so `machi keys rotate` finds every one of them:

    credentials: Mapped[bytes | None] = mapped_column(LargeBinary, info=SEALED)

https://cryptography.io/en/latest/fernet/#cryptography.fernet.MultiFernet
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Column, MetaData

from kit.export import SECRET

# `info=` of a column holding a Fernet token (bytes or its str form); a sealed column is also a
# secret one, so no tenant export carries it.
SEALED: dict[str, Any] = {**SECRET, "sealed": True}


class SecretsNotConfigured(RuntimeError):
    """No key is configured, so nothing can be sealed or opened."""


class SecretUnreadable(ValueError):
    """No configured key opens this token (its key was retired too early)."""


class Sealer:
    """Encrypts and decrypts small secrets; never shows its keys."""

    def __init__(self, keys: Sequence[str]) -> None:
        fernets = [Fernet(key.encode()) for key in keys]
        self._fernet = MultiFernet(fernets) if fernets else None

    @property
    def configured(self) -> bool:
        return self._fernet is not None

    def _box(self) -> MultiFernet:
        if self._fernet is None:
            raise SecretsNotConfigured("no encryption key is configured")
        return self._fernet

    def encrypt(self, data: bytes) -> bytes:
        return self._box().encrypt(data)

    def decrypt(self, token: bytes) -> bytes:
        try:
            return self._box().decrypt(token)
        except InvalidToken as exc:
            raise SecretUnreadable("no configured key opens this secret") from exc

    def rotate(self, token: bytes) -> bytes:
        """`token` re-encrypted under the first key."""
        try:
            return self._box().rotate(token)
        except InvalidToken as exc:
            raise SecretUnreadable("no configured key opens this secret") from exc

    def __repr__(self) -> str:
        return "Sealer(<keys hidden>)"


def sealed_columns(metadata: MetaData) -> list[Column[Any]]:
    """Every column of `metadata` marked `info=SEALED`, table by table."""
    return [
        column
        for table in metadata.sorted_tables
        for column in table.columns
        if column.info.get("sealed", False)
    ]
