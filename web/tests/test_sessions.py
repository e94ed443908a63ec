"""The session cookie: sealed with WEB_SECRET_KEYS, unreadable and unforgeable without them."""

from __future__ import annotations

import json

from starlette.requests import Request

from kit.secrets import Sealer, new_key
from web.sessions import Session, Sessions


def request_with(cookie: str | None) -> Request:
    headers = [(b"cookie", f"machi_session={cookie}".encode())] if cookie else []
    return Request({"type": "http", "headers": headers, "method": "GET", "path": "/"})


def sealed(sealer: Sealer, session: Session) -> str:
    data = {k: v for k, v in session.__dict__.items() if k != "changed"}
    return sealer.seal_text(json.dumps(data))


def test_a_sealed_session_opens_with_its_keys() -> None:
    sealer = Sealer([new_key()])
    session = Session()
    session.sign_in("access", "refresh", 900, "admin@takeo.example")
    opened = Sessions(sealer, secure=False, max_age_seconds=60).load(
        request_with(sealed(sealer, session))
    )
    assert opened.signed_in
    assert opened.access_token == "access"
    assert opened.csrf == session.csrf


def test_a_cookie_sealed_with_another_key_is_a_fresh_signed_out_session() -> None:
    session = Session()
    session.sign_in("access", "refresh", 900, None)
    forged = sealed(Sealer([new_key()]), session)
    opened = Sessions(Sealer([new_key()]), secure=False, max_age_seconds=60).load(
        request_with(forged)
    )
    assert not opened.signed_in
    assert opened.csrf != session.csrf


def test_the_token_is_not_in_the_cookie_in_clear() -> None:
    sealer = Sealer([new_key()])
    session = Session()
    session.sign_in("eyJ-access-token", "refresh-token", 900, None)
    assert "eyJ-access-token" not in sealed(sealer, session)


def test_the_csrf_token_must_match() -> None:
    session = Session()
    assert session.csrf_matches(session.csrf)
    assert not session.csrf_matches(None)
    assert not session.csrf_matches(session.csrf + "x")
