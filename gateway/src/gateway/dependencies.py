"""FastAPI dependencies of the gateway: its own session, and the caller behind the credentials."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.auth.schemas import TokenRequest
from gateway.authn import Authenticator, Caller
from gateway.errors import LoginThrottled
from gateway.ratelimit import STATE_KEY, RateLimited
from gateway.settings import GatewaySettings
from gateway.state import GatewayState, get_state
from gateway.users import service as users
from kit import clientip, policy
from kit.auth import InternalPrincipal
from kit.dependencies import route_template
from kit.errors import ProblemError
from kit.logs import tenant_var

OWN_RULES = policy.TABLES["gateway"]  # the rows of the routes the gateway serves itself
RATE_QUOTA = "api_requests_per_minute"
WINDOW_SECONDS = 60

FORM = "application/x-www-form-urlencoded"

# Both only read the header (auto_error=False); they also put the schemes into the OpenAPI doc,
# so Swagger UI's "Authorize" can log in with the password form or paste an API key.
bearer_scheme = OAuth2PasswordBearer(
    tokenUrl="/v1/auth/token", scheme_name="token", auto_error=False
)
api_key_scheme = APIKeyHeader(name="X-API-Key", scheme_name="apiKey", auto_error=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request, committed before responding; these tables have no RLS."""
    db = get_state(request).db
    async with db.transaction() as session:
        yield session


async def state_dependency(request: Request) -> GatewayState:
    """`get_state` as a dependency: an `async def` runs on the event loop, where FastAPI would
    hand a plain `def` to its thread pool (a thread switch per request)."""
    return get_state(request)


StateDep = Annotated[GatewayState, Depends(state_dependency)]

# scope="function": commit before the response is sent, as kit.dependencies.SessionDep does.
GatewaySessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


def get_authenticator(request: Request) -> Authenticator:
    authenticator = get_state(request).authenticator
    return authenticator


async def authenticator_dependency(request: Request) -> Authenticator:
    return get_authenticator(request)  # async: see `state_dependency`


AuthenticatorDep = Annotated[Authenticator, Depends(authenticator_dependency)]


def client_ip(request: Request) -> str:
    """The client's address, behind the proxies `TRUSTED_PROXIES` names (kit.clientip)."""
    return clientip.client_ip(request)


async def enforce_rate(
    request: Request,
    bucket: str,
    per_minute: int,
    refusal: type[ProblemError] = RateLimited,
) -> None:
    """Take a token from `bucket`; 429 with the RateLimit headers when it is empty."""
    buckets = get_state(request).buckets
    decision = await buckets.take(bucket, per_minute, WINDOW_SECONDS)
    setattr(request.state, STATE_KEY, decision)
    if not decision.allowed:
        raise refusal(f"at most {per_minute} requests a minute; retry later")


def throttled_route(bucket: str, per_minute: Callable[[GatewaySettings], int]) -> type[APIRoute]:
    """A route class that takes a token from the client IP's `bucket` before FastAPI reads and
    parses the body: a flood is refused before it costs a parse or a password check."""

    class ThrottledRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def throttled(request: Request) -> Response:
                settings = get_state(request).settings
                key = f"{bucket}:{client_ip(request)}"
                await enforce_rate(request, key, per_minute(settings), LoginThrottled)
                return await handler(request)

            return throttled

    return ThrottledRoute


async def authenticate_caller(
    request: Request,
    authenticator: AuthenticatorDep,
    bearer: Annotated[str | None, Depends(bearer_scheme)],
    api_key: Annotated[str | None, Depends(api_key_scheme)],
) -> Caller:
    """The authenticated caller, rate-limited and counted; 401, 403 `tenant-suspended`, 429."""
    cached = getattr(request.state, "caller", None)
    if isinstance(cached, Caller):
        return cached
    caller = await authenticator.authenticate(bearer, api_key)
    users.require_enrolled(request.url.path, caller.enrolment_due)
    principal = caller.principal
    request.state.caller = caller
    request.state.principal = principal
    if principal.tenant_id is not None:
        tenant_var.set(str(principal.tenant_id))
    settings = get_state(request).settings
    per_minute = principal.limits.get(RATE_QUOTA) or settings.rate_limit_per_minute
    await enforce_rate(request, f"{principal.kind}:{principal.sub}", per_minute)
    if principal.tenant_id is not None:
        meter = get_state(request).usage
        meter.count(principal.tenant_id)
    return caller


async def require_caller(
    caller: Annotated[Caller, Depends(authenticate_caller)],
) -> InternalPrincipal:
    """The authenticated caller's principal (see `authenticate_caller`)."""
    return caller.principal


CallerDep = Annotated[InternalPrincipal, Depends(require_caller)]
FullCallerDep = Annotated[Caller, Depends(authenticate_caller)]


async def authorize(request: Request) -> None:
    """The gateway's own routes: the matched route's row of the policy table (kit.policy)
    admits the caller; rows open to anyone need no credentials, a route without a row is 403."""
    rule = policy.rule_in(OWN_RULES, request.method, route_template(request))
    if rule is not None and rule.anonymous == policy.ANYONE:
        return
    bearer = await bearer_scheme(request)
    api_key = await api_key_scheme(request)
    caller = await authenticate_caller(request, get_authenticator(request), bearer, api_key)
    policy.check(rule, caller.principal)


async def read_credentials(request: Request) -> TokenRequest:
    """Login credentials from JSON `{email, password}` or the OAuth2 password form (RFC 6749
    section 4.3.2, `username` and `password`), which Swagger UI's "Authorize" sends.
    """
    try:
        if request.headers.get("content-type", "").startswith(FORM):
            form = await request.form()
            raw: object = {
                "email": form.get("username"),
                "password": form.get("password"),
                "totp_code": form.get("totp_code") or None,
            }
        else:
            raw = json.loads(await request.body() or b"null")
        return TokenRequest.model_validate(raw)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from exc
    except ValueError as exc:
        raise RequestValidationError(
            [{"loc": ("body",), "msg": "body is not valid JSON", "type": "json_invalid"}]
        ) from exc


CredentialsDep = Annotated[TokenRequest, Depends(read_credentials)]
