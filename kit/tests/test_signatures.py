"""kit.signatures: what a signed webhook body may be refused for, as a ValueError the service
turns into its own 400 problem."""

from __future__ import annotations

import base64

import pytest

from kit import signatures


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"{", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    ],
)
def test_a_body_without_a_readable_json_object_is_a_value_error(body: bytes, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        signatures.json_object(body)


def test_the_signatures_match_as_meta_line_and_the_stores_send_them() -> None:
    body = b'{"object": "page"}'
    digest = signatures.digest("secret", body)

    assert signatures.matches_hex("secret", body, f" sha256={digest.hex()} ")
    assert not signatures.matches_hex("other", body, f"sha256={digest.hex()}")
    assert signatures.matches_base64("secret", body, base64.b64encode(digest).decode())
