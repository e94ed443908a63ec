"""Encryption at rest of storefront credentials: MultiFernet over `CATALOG_SECRET_KEYS`.

The first key encrypts; every key decrypts, so keys rotate by prepending a new one.
https://cryptography.io/en/latest/fernet/#cryptography.fernet.MultiFernet
"""

from __future__ import annotations

import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from catalog.errors import EncryptionNotConfigured
from catalog.settings import CatalogSettings


class SecretBox:
    """Seals and opens small JSON secrets."""

    def __init__(self, settings: CatalogSettings) -> None:
        keys = [Fernet(k.get_secret_value().encode()) for k in settings.secret_keys]
        self._fernet = MultiFernet(keys) if keys else None

    def seal(self, secret: dict[str, str]) -> bytes:
        if self._fernet is None:
            raise EncryptionNotConfigured()
        return self._fernet.encrypt(json.dumps(secret).encode())

    def open(self, token: bytes | None) -> dict[str, str]:
        if token is None:
            return {}
        if self._fernet is None:
            raise EncryptionNotConfigured()
        try:
            opened: dict[str, str] = json.loads(self._fernet.decrypt(token))
        except InvalidToken as exc:
            raise EncryptionNotConfigured("no configured key opens these credentials") from exc
        return opened
