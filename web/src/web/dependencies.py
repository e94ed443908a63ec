"""What every page depends on, named the same as in the services: the request's language, its
session, the CSRF check of its forms, and a typed client acting as the signed-in user."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kit.clientip import resolve
from kit.http import REQUEST_ID_HEADER
from machi_client import AuthenticatedClient, Client
from machi_client.api.auth import auth_refresh
from machi_client.models import RefreshRequest, TokenRead
from web.gateway import ApiError, Gateway, parsed
from web.rendering import Renderer
from web.sessions import CSRF_FIELD, CSRF_HEADER, Session, Sessions


class NotSignedIn(Exception):
    """The page needs a signed-in user: the sign-in page, then back."""


class CsrfRefused(Exception):
    """A form came without this session's CSRF token."""


def _sessions(request: Request) -> Sessions:
    sessions: Sessions = request.app.state.sessions
    return sessions


def current_session(request: Request) -> Session:
    """The browser's session (a new, signed-out one when it has none)."""
    return _sessions(request).load(request)


async def renderer(request: Request) -> Renderer:
    found: Renderer = request.app.state.renderer
    return found


def language(request: Request) -> str:
    found: str = request.state.language
    return found


def forwarded(request: Request) -> dict[str, str]:
    """Headers that carry the visitor to the gateway: their address (throttling, audit), the
    page's language and the request id."""
    peer = request.client.host if request.client else None
    trusted = request.app.state.trusted_proxies
    headers = {
        "X-Forwarded-For": resolve(peer, request.headers.get("x-forwarded-for"), trusted),
        "Accept-Language": language(request),
    }
    request_id = request.headers.get(REQUEST_ID_HEADER)
    if request_id:
        headers[REQUEST_ID_HEADER] = request_id
    return headers


def _gateway(request: Request) -> Gateway:
    gateway: Gateway = request.app.state.gateway
    return gateway


def anonymous_api(request: Request) -> Client:
    """A typed client without login: public pages, sign in."""
    return _gateway(request).anonymous(forwarded(request))


def api_as(request: Request, access_token: str) -> AuthenticatedClient:
    """A typed client with a token just obtained (right after signing in)."""
    return _gateway(request).signed_in(access_token, forwarded(request))


async def user_api(request: Request) -> AuthenticatedClient:
    """A typed client as the signed-in user; the access token is refreshed silently when it
    nears its end, and a session whose refresh fails is signed out."""
    session = current_session(request)
    if not session.signed_in or session.refresh_token is None:
        raise NotSignedIn
    if session.needs_refresh() or session.access_token is None:
        body = RefreshRequest(refresh_token=session.refresh_token)
        answer = await auth_refresh.asyncio_detailed(client=anonymous_api(request), body=body)
        try:
            tokens = parsed(answer, TokenRead)
        except ApiError as exc:
            session.sign_out()
            raise NotSignedIn from exc
        session.refreshed(tokens.access_token, tokens.refresh_token, tokens.expires_in)
    assert session.access_token is not None
    return _gateway(request).signed_in(session.access_token, forwarded(request))


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request without the session's CSRF token (form field, or the
    header the enhancement script sends)."""
    session = current_session(request)
    token = request.headers.get(CSRF_HEADER)
    if token is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    if not session.csrf_matches(token):
        raise CsrfRefused


# FastAPI runs a plain `def` dependency in its thread pool: these run on the event loop.
async def _session_dependency(request: Request) -> Session:
    return current_session(request)


async def _language_dependency(request: Request) -> str:
    return language(request)


async def _anonymous_api_dependency(request: Request) -> Client:
    return anonymous_api(request)


SessionDep = Annotated[Session, Depends(_session_dependency)]
RendererDep = Annotated[Renderer, Depends(renderer)]
LanguageDep = Annotated[str, Depends(_language_dependency)]
AnonymousApi = Annotated[Client, Depends(_anonymous_api_dependency)]
UserApi = Annotated[AuthenticatedClient, Depends(user_api)]
CsrfChecked = Depends(check_csrf)
