"""Inbound webhook signatures: HMAC-SHA256 of the raw body as sent (never re-serialised),
compared in constant time, and the JSON object a verified body holds. One place for every
platform that signs this way: Shopify, WooCommerce and Machi's postback (analytics), Meta and
LINE (the publisher's inbox)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any


def digest(secret: str, body: bytes) -> bytes:
    return hmac.new(secret.encode(), body, hashlib.sha256).digest()


def matches_base64(secret: str, body: bytes, header: str) -> bool:
    """Base64 of the HMAC: Shopify, WooCommerce, LINE's `X-Line-Signature`."""
    expected = base64.b64encode(digest(secret, body)).decode()
    return hmac.compare_digest(expected, header.strip())


def matches_hex(secret: str, body: bytes, header: str) -> bool:
    """`sha256=<hex>`: Machi's postback, Meta's `X-Hub-Signature-256`."""
    expected = "sha256=" + digest(secret, body).hex()
    return hmac.compare_digest(expected, header.strip())


def json_object(body: bytes) -> dict[str, Any]:
    """The JSON object `body` holds; ValueError saying why when it holds none. A signature
    proves who sent a body, not that it is readable: nesting too deep for the parser is refused
    like any other unreadable body, not raised as a RecursionError."""
    try:
        data = json.loads(body)
    except RecursionError as exc:
        raise ValueError("the body is nested too deeply to read") from exc
    except ValueError as exc:
        raise ValueError("the body is not JSON") from exc
    if not isinstance(data, dict):
        raise ValueError("the body is not a JSON object")
    return data
