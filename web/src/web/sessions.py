"""The browser's session: one encrypted, httpOnly, SameSite=Lax cookie holding the user's API
tokens and the CSRF token of the forms (the backend-for-frontend pattern: page scripts never see
a token). Sealed with `WEB_SECRET_KEYS` (kit.secrets), so rotating keys works as for every other
secret; a cookie no key opens is a fresh, signed-out session.

https://owasp.org/www-community/SameSite, OWASP CSRF cheat sheet (synchronizer token pattern).
"""

from __future__ import annotations

import hmac
import json
import secrets
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from fastapi import Request, Response

from kit.secrets import Sealer, SecretUnreadable

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
REFRESH_MARGIN_SECONDS = 60  # refresh an access token this close to its end


def _new_csrf() -> str:
    return secrets.token_urlsafe(24)


@dataclass
class Session:
    """What one browser holds, sealed: its CSRF token, and once signed in the user's tokens."""

    csrf: str = field(default_factory=_new_csrf)
    access_token: str | None = None
    refresh_token: str | None = None
    expires_at: float = 0
    email: str | None = None
    changed: bool = field(default=False, compare=False)

    @property
    def signed_in(self) -> bool:
        return self.refresh_token is not None

    def needs_refresh(self, now: float | None = None) -> bool:
        return (now or time.time()) > self.expires_at - REFRESH_MARGIN_SECONDS

    def sign_in(self, access: str, refresh: str, expires_in: int, email: str | None) -> None:
        """Keep new tokens; a new CSRF token too, as a new session id would be (fixation)."""
        self.access_token, self.refresh_token, self.email = access, refresh, email
        self.expires_at = time.time() + expires_in
        self.csrf = _new_csrf()
        self.changed = True

    def refreshed(self, access: str, refresh: str, expires_in: int) -> None:
        self.access_token, self.refresh_token = access, refresh
        self.expires_at = time.time() + expires_in
        self.changed = True

    def sign_out(self) -> None:
        self.access_token = self.refresh_token = self.email = None
        self.expires_at = 0
        self.csrf = _new_csrf()
        self.changed = True

    def csrf_matches(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf, str(token))


class Sessions:
    """Reads and writes the session cookie."""

    def __init__(self, sealer: Sealer, *, secure: bool, max_age_seconds: int) -> None:
        self.sealer = sealer
        self.secure = secure
        self.max_age = max_age_seconds
        # `__Host-` binds the cookie to this origin, path / and HTTPS (RFC 6265bis 4.1.3.2).
        self.name = "__Host-machi_session" if secure else "machi_session"

    def load(self, request: Request) -> Session:
        """The request's session (made and cached on first use)."""
        found: Session | None = getattr(request.state, "session", None)
        if found is not None:
            return found
        session = self._open(request.cookies.get(self.name))
        request.state.session = session
        return session

    def _open(self, cookie: str | None) -> Session:
        if not cookie:
            return Session(changed=True)
        try:
            data: dict[str, Any] = json.loads(self.sealer.open_text(cookie))
            return Session(**{k: v for k, v in data.items() if k != "changed"})
        except (SecretUnreadable, ValueError, TypeError):
            return Session(changed=True)

    def save(self, request: Request, response: Response) -> None:
        """Write the session back if the request changed it."""
        session: Session | None = getattr(request.state, "session", None)
        if session is None or not session.changed:
            return
        data = {k: v for k, v in asdict(session).items() if k != "changed"}
        response.set_cookie(
            self.name,
            self.sealer.seal_text(json.dumps(data)),
            max_age=self.max_age,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="lax",
        )
