"""Unique visitors without storing an IP: a keyed hash of IP and user agent under a random salt
of the day, rotated daily and deleted after two days (Plausible's scheme), so yesterday's
hashes cannot be linked to today's and the IP cannot be recovered once the salt is gone."""

from __future__ import annotations

import hashlib
import hmac
import uuid


def visitor_hash(salt: bytes, tenant_id: uuid.UUID, ip: str, user_agent: str) -> str:
    """32 hex characters identifying one visitor of one tenant for one day."""
    message = f"{tenant_id}|{ip}|{user_agent}".encode()
    return hmac.new(salt, message, hashlib.sha256).hexdigest()[:32]
