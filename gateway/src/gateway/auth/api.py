"""Routes of logins and tokens: the JWKS, log in, refresh, who am I."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request

from gateway import authn
from gateway.audit import service as audit
from gateway.auth import service
from gateway.auth.schemas import (
    Jwks,
    MeRead,
    MeUpdate,
    RefreshRequest,
    TokenRead,
    TokenRequest,
)
from gateway.dependencies import (
    AuthenticatorDep,
    CallerDep,
    CredentialsDep,
    GatewaySessionDep,
    client_ip,
    enforce_rate,
    throttled_route,
)
from gateway.errors import InvalidRefreshToken, LoginThrottled
from gateway.state import get_state
from kit.errors import ProblemError

router = APIRouter()
# Its per-address bucket is taken before the body is read (see `throttled_route`).
logins = APIRouter(route_class=throttled_route("login-ip", lambda s: s.login_ip_per_minute))

# The body is read by `read_credentials` (JSON or form), so it is described here by hand. Only
# the JSON body is documented: the OAuth2 password form is Swagger UI's (the security scheme's
# tokenUrl says it), and a body with two media types breaks openapi-python-client 0.29 (the
# generated module names `Unset` without importing it).
_TOKEN_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": TokenRequest.model_json_schema()}},
    }
}


@router.get("/.well-known/jwks.json", response_model=Jwks, tags=["auth"], operation_id="jwks_get")
async def jwks(request: Request) -> dict[str, Any]:
    """The public keys of every token the gateway signs (RFC 7517)."""
    keys = get_state(request).signer.jwks()
    return keys


@logins.post("/v1/auth/token", response_model=TokenRead, tags=["auth"], openapi_extra=_TOKEN_BODY)
async def issue_token(
    credentials: CredentialsDep, request: Request, authenticator: AuthenticatorDep
) -> object:
    """Log in with email and password: an access token and a refresh token.

    Throttled per client address, per account and per (address, account) (429
    `login-throttled`); repeated wrong passwords lock the account for a while, and a locked
    account, an unknown email and a wrong password get the same 401 `invalid-credentials`.

    Second factor, in the same request: an account with TOTP enabled also sends `totp_code`
    (a 6-digit code or a recovery code); without it the answer is 401 `mfa-required`, with a
    wrong one 401 `invalid-mfa-code` (counted like a wrong password). Where the town requires a
    second factor of admins and editors and the account has none, the tokens come with
    `mfa_enrolment_required: true` and reach only the enrolment routes until it is confirmed.
    """
    settings = get_state(request).settings
    account = authn.sha256_hex(credentials.email)  # bucket keys never hold the email itself
    await enforce_rate(
        request, f"login-account:{account}", settings.login_account_per_minute, LoginThrottled
    )
    await enforce_rate(
        request,
        f"login-ip-account:{client_ip(request)}:{account}",
        settings.login_ip_account_per_minute,
        LoginThrottled,
    )
    db = get_state(request).db
    policy = service.LoginPolicy(
        settings.login_max_failures, timedelta(seconds=settings.login_lockout_seconds)
    )
    # Its own boundary: a failed attempt must be counted (committed) and still be an error.
    async with db.transaction() as session:
        outcome = await service.login(
            session,
            authenticator,
            credentials.email,
            credentials.password,
            policy,
            sealer=get_state(request).sealer,
            totp_code=credentials.totp_code,
        )
        await audit.login_attempt(session, credentials.email, not isinstance(outcome, ProblemError))
    if isinstance(outcome, ProblemError):
        raise outcome
    return outcome


@router.post("/v1/auth/refresh", response_model=TokenRead, tags=["auth"])
async def refresh_token(
    data: RefreshRequest, request: Request, authenticator: AuthenticatorDep
) -> object:
    """Trade a refresh token for a new pair; a reused one revokes its whole family."""
    db = get_state(request).db
    # Its own boundary: a detected reuse must commit the family's revocation and still be a 401.
    async with db.transaction() as session:
        tokens = await service.rotate_refresh_token(session, authenticator, data.refresh_token)
    if tokens is None:
        raise InvalidRefreshToken()
    return tokens


@router.get("/v1/me", response_model=MeRead, tags=["auth"], operation_id="me_get")
async def me(caller: CallerDep, session: GatewaySessionDep) -> object:
    """Who the credentials belong to, with tenant, roles and quotas."""
    return await service.describe(session, caller)


@router.patch("/v1/me", response_model=MeRead, tags=["auth"], operation_id="me_update")
async def update_me(data: MeUpdate, caller: CallerDep, session: GatewaySessionDep) -> object:
    """Change your own settings: the console's language (a key gets 400 `not-a-user`)."""
    await service.update_me(session, caller, data)
    return await service.describe(session, caller)


router.include_router(logins)
