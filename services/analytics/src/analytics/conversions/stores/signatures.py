"""HMAC-SHA256 of the raw body, compared in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac


def digest(secret: str, body: bytes) -> bytes:
    return hmac.new(secret.encode(), body, hashlib.sha256).digest()


def matches_base64(secret: str, body: bytes, header: str) -> bool:
    """Shopify and WooCommerce: base64 of the HMAC."""
    expected = base64.b64encode(digest(secret, body)).decode()
    return hmac.compare_digest(expected, header.strip())


def matches_hex(secret: str, body: bytes, header: str) -> bool:
    """Machi's postback: `sha256=<hex>`."""
    expected = "sha256=" + digest(secret, body).hex()
    return hmac.compare_digest(expected, header.strip())
