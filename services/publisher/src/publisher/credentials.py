"""Channel credentials encrypted at rest (kit.secrets); the first key encrypts."""

from __future__ import annotations

import json
from typing import Any

from kit.secrets import Sealer, SecretUnreadable
from publisher.settings import PublisherSettings


class Vault:
    """Encrypts and decrypts credential documents; never logs them."""

    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise ValueError("PUBLISHER_SECRET_KEYS needs at least one Fernet key")
        self._sealer = Sealer(keys)

    @classmethod
    def from_settings(cls, settings: PublisherSettings) -> Vault:
        raw = settings.secret_keys.get_secret_value()
        return cls([k.strip() for k in raw.split(",") if k.strip()])

    def seal(self, secrets: dict[str, Any]) -> bytes:
        """The encrypted form of `secrets`."""
        return self._sealer.encrypt(json.dumps(secrets).encode())

    def open(self, token: bytes) -> dict[str, Any]:
        """The secrets sealed in `token` (any current key)."""
        try:
            value: dict[str, Any] = json.loads(self._sealer.decrypt(token))
        except SecretUnreadable as exc:
            raise ValueError("credentials sealed with a key that is no longer configured") from exc
        return value

    def rotate(self, token: bytes) -> bytes:
        """`token` re-encrypted under the first key."""
        return self._sealer.rotate(token)

    def __repr__(self) -> str:
        return "Vault(<keys hidden>)"
