"""Webhook secrets at rest (kit.secrets) under `ANALYTICS_SECRET_KEYS`."""

from __future__ import annotations

from pydantic import SecretStr

from analytics.errors import SecretsUnavailable
from kit.secrets import Sealer, SecretUnreadable


class SecretBox:
    """Encrypts and decrypts webhook secrets; refuses to work without keys."""

    def __init__(self, keys: list[SecretStr]) -> None:
        self._sealer = Sealer([k.get_secret_value() for k in keys])

    def encrypt(self, secret: str) -> str:
        if not self._sealer.configured:
            raise SecretsUnavailable()
        return self._sealer.encrypt(secret.encode()).decode()

    def decrypt(self, token: str) -> str | None:
        """The secret, or None when no key can read it (a key was retired too early)."""
        if not self._sealer.configured:
            raise SecretsUnavailable()
        try:
            return self._sealer.decrypt(token.encode()).decode()
        except SecretUnreadable:
            return None
