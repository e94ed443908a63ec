"""Encryption at rest of storefront credentials (kit.secrets) under `CATALOG_SECRET_KEYS`."""

from __future__ import annotations

import json

from catalog.errors import EncryptionNotConfigured
from catalog.settings import CatalogSettings
from kit.secrets import Sealer, SecretUnreadable


class SecretBox:
    """Seals and opens small JSON secrets."""

    def __init__(self, settings: CatalogSettings) -> None:
        self._sealer = Sealer([k.get_secret_value() for k in settings.secret_keys])

    def seal(self, secret: dict[str, str]) -> bytes:
        if not self._sealer.configured:
            raise EncryptionNotConfigured()
        return self._sealer.encrypt(json.dumps(secret).encode())

    def open(self, token: bytes | None) -> dict[str, str]:
        if token is None:
            return {}
        if not self._sealer.configured:
            raise EncryptionNotConfigured()
        try:
            opened: dict[str, str] = json.loads(self._sealer.decrypt(token))
        except SecretUnreadable as exc:
            raise EncryptionNotConfigured("no configured key opens these credentials") from exc
        return opened
