"""Webhook secrets at rest: Fernet tokens under `ANALYTICS_SECRET_KEYS` (first key encrypts,
every key decrypts, so keys rotate by prepending a new one)."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from pydantic import SecretStr

from analytics.errors import SecretsUnavailable


class SecretBox:
    """Encrypts and decrypts webhook secrets; refuses to work without keys."""

    def __init__(self, keys: list[SecretStr]) -> None:
        fernets = [Fernet(k.get_secret_value().encode()) for k in keys]
        self._box = MultiFernet(fernets) if fernets else None

    def encrypt(self, secret: str) -> str:
        if self._box is None:
            raise SecretsUnavailable()
        return self._box.encrypt(secret.encode()).decode()

    def decrypt(self, token: str) -> str | None:
        """The secret, or None when no key can read it (a key was retired too early)."""
        if self._box is None:
            raise SecretsUnavailable()
        try:
            return self._box.decrypt(token.encode()).decode()
        except InvalidToken:
            return None
