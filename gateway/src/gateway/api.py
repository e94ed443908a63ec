"""Gateway HTTP routes: thin, one use case each."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.background import BackgroundTask

from gateway import authn, service
from gateway.audit import service as audit
from gateway.dependencies import (
    AuthenticatorDep,
    CallerDep,
    CredentialsDep,
    GatewaySessionDep,
    client_ip,
    enforce_rate,
    throttled_route,
)
from gateway.errors import InvalidInvitation, InvalidRefreshToken, LoginThrottled
from gateway.mail import Mailer
from gateway.playbook import service as playbooks
from gateway.routes import UPSTREAMS
from gateway.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyRead,
    InvitationAccept,
    InvitationCreate,
    InvitationCreated,
    Jwks,
    MeRead,
    PlanName,
    PlanRead,
    PlanWrite,
    RefreshRequest,
    TenantCreate,
    TenantCreated,
    TenantRead,
    TenantUpdate,
    TokenRead,
    TokenRequest,
    UserCreate,
    UserRead,
)
from gateway.settings import GatewaySettings
from gateway.upstream import ServiceCaller
from kit import export
from kit.auth import TokenSigner
from kit.db import Database
from kit.errors import ProblemError
from kit.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page

router = APIRouter()
# Their per-address buckets are taken before the body is read (see `throttled_route`).
logins = APIRouter(route_class=throttled_route("login-ip", lambda s: s.login_ip_per_minute))
acceptances = APIRouter(
    route_class=throttled_route("invitation-ip", lambda s: s.invitation_accept_ip_per_minute)
)
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]

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
    keys: dict[str, Any] = request.app.state.signer.jwks()
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
    settings: GatewaySettings = request.app.state.settings
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
    db: Database = request.app.state.db
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
            sealer=request.app.state.sealer,
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
    db: Database = request.app.state.db
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


@router.post(
    "/v1/tenants",
    status_code=status.HTTP_201_CREATED,
    response_model=TenantCreated,
    tags=["tenants"],
)
async def create_tenant(data: TenantCreate, request: Request, caller: CallerDep) -> object:
    """Onboard a municipality (operator only), optionally from another town's playbook."""
    service.require_operator(caller)
    document = playbooks.check(data.from_playbook) if data.from_playbook is not None else None
    if document is not None:
        data = playbooks.with_profile(data, document)
    db: Database = request.app.state.db
    async with db.transaction() as session:
        created = await service.open_tenant(session, caller, data)
        await audit.record(
            session,
            caller,
            "tenant.created",
            f"tenant:{created.id}",
            tenant_id=created.id,
            after=created,
        )
    if document is None:
        return created
    # After the commit: the services are told about a tenant that exists.
    services: ServiceCaller = request.app.state.services
    outcome = await playbooks.apply(services, created.id, document)
    return TenantCreated(**created.model_dump(), playbook=outcome)


@router.get("/v1/tenants", response_model=list[TenantRead], tags=["tenants"])
async def list_tenants(caller: CallerDep, session: GatewaySessionDep) -> object:
    """Every tenant (operator only)."""
    return await service.list_tenants(session, caller)


@router.get("/v1/tenants/{tenant_id}", response_model=TenantRead, tags=["tenants"])
async def get_tenant(tenant_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep) -> object:
    """One tenant, to the operator or its own members."""
    return await service.get_tenant(session, caller, tenant_id)


@router.patch("/v1/tenants/{tenant_id}", response_model=TenantRead, tags=["tenants"])
async def update_tenant(
    tenant_id: uuid.UUID, data: TenantUpdate, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Change a tenant's profile, plan, quotas or status (operator only)."""
    before = await service.get_tenant(session, caller, tenant_id)
    after = await service.update_tenant(session, caller, tenant_id, data)
    await audit.record(
        session,
        caller,
        "tenant.updated",
        f"tenant:{tenant_id}",
        tenant_id=tenant_id,
        before=before,
        after=after,
    )
    return after


@router.post("/v1/tenants/{tenant_id}/suspend", response_model=TenantRead, tags=["tenants"])
async def suspend_tenant(
    tenant_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Suspend a tenant: its users and keys get 403 `tenant-suspended`; its data is kept."""
    tenant = await service.set_tenant_status(session, caller, tenant_id, "suspended")
    await audit.record(
        session, caller, "tenant.suspended", f"tenant:{tenant_id}", tenant_id=tenant_id
    )
    return tenant


@router.post("/v1/tenants/{tenant_id}/reactivate", response_model=TenantRead, tags=["tenants"])
async def reactivate_tenant(
    tenant_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Reactivate a suspended tenant (operator only)."""
    tenant = await service.set_tenant_status(session, caller, tenant_id, "active")
    await audit.record(
        session, caller, "tenant.reactivated", f"tenant:{tenant_id}", tenant_id=tenant_id
    )
    return tenant


@router.get(
    "/v1/tenants/{tenant_id}/export",
    response_class=StreamingResponse,
    tags=["tenants"],
    responses={
        200: {
            "description": "One NDJSON document: an `export` line, one line per row, an `end` line",
            "content": {export.MEDIA_TYPE: {"schema": {"type": "string"}}},
        },
        503: {"description": "A service is down: no export rather than a partial one"},
    },
)
async def export_tenant(tenant_id: uuid.UUID, request: Request, caller: CallerDep) -> Response:
    """Every row the platform keeps for a tenant, secrets left out (operator only)."""
    db: Database = request.app.state.db
    async with db.transaction() as session:
        tenant, plan = await service.exported_tenant(session, caller, tenant_id)
        await audit.record(
            session, caller, "tenant.exported", f"tenant:{tenant_id}", tenant_id=tenant_id
        )
    settings: GatewaySettings = request.app.state.settings
    signer: TokenSigner = request.app.state.signer
    parts = await service.open_exports(
        request.app.state.upstreams, signer, tenant_id, UPSTREAMS, settings.upstream_timeout_seconds
    )
    return StreamingResponse(
        service.export_document(db, tenant, plan, parts),
        media_type=export.MEDIA_TYPE,
        headers={
            "content-disposition": f'attachment; filename="{tenant["slug"]}-export.ndjson"',
            "cache-control": "no-store",
        },
        # Runs even when the body never started (client gone): no answer is left open.
        background=BackgroundTask(service.close_exports, parts),
    )


@router.get("/v1/plans", response_model=list[PlanRead], tags=["plans"])
async def list_plans(_: CallerDep, session: GatewaySessionDep) -> object:
    """Every plan with its quotas and features."""
    return await service.list_plans(session)


@router.put("/v1/plans/{name}", response_model=PlanRead, tags=["plans"])
async def put_plan(
    name: Annotated[PlanName, Path()],
    data: PlanWrite,
    caller: CallerDep,
    session: GatewaySessionDep,
) -> object:
    """Create or change a plan (operator only); its tenants' services hear of it by event."""
    plan = await service.put_plan(session, caller, name, data)
    await audit.record(session, caller, "plan.changed", f"plan:{name}", after=data)
    return plan


@router.post(
    "/v1/invitations",
    status_code=status.HTTP_201_CREATED,
    response_model=InvitationCreated,
    tags=["users"],
)
async def create_invitation(
    data: InvitationCreate, request: Request, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Invite someone into the tenant: the invitee gets the token by email, and it is in this
    response too (only here: only its hash is stored)."""
    settings: GatewaySettings = request.app.state.settings
    ttl = timedelta(hours=settings.invitation_ttl_hours)
    invitation, token = await service.invite(session, caller, data, ttl)
    mail = await service.invitation_mail(
        session, invitation, token, settings.gateway_public_url, settings.invitation_ttl_hours
    )
    mailer: Mailer = request.app.state.mailer
    await audit.record(
        session,
        caller,
        "invitation.created",
        f"invitation:{invitation.id}",
        tenant_id=invitation.tenant_id,
        after={"email": invitation.email, "roles": invitation.roles},
    )
    created = InvitationCreated(
        id=invitation.id,
        tenant_id=invitation.tenant_id,
        email=invitation.email,
        roles=invitation.roles,
        expires_at=invitation.expires_at,
        token=token,
        accept_path=f"/v1/invitations/{token}/accept",
    )
    # Sent once the answer is out, after the session dependency committed the invitation.
    return JSONResponse(
        created.model_dump(mode="json"),
        status_code=status.HTTP_201_CREATED,
        background=BackgroundTask(mailer.send, mail),
    )


@acceptances.post(
    "/v1/invitations/{token}/accept",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    tags=["users"],
)
async def accept_invitation(
    token: Annotated[str, Path(max_length=256)],
    data: InvitationAccept,
    request: Request,
    session: GatewaySessionDep,
) -> object:
    """Accept an invitation with a password: the user exists and can log in (no login needed).

    Acceptances have their own per-address bucket; unknown, used or expired tokens also count in
    a small one (429 `login-throttled` once it is empty).
    """
    try:
        user = await service.accept_invitation(session, token, data.password)
        await audit.record(
            session,
            f"user:{user.id}",
            "invitation.accepted",
            f"user:{user.id}",
            tenant_id=user.tenant_id,
        )
        return user
    except InvalidInvitation:
        settings: GatewaySettings = request.app.state.settings
        await enforce_rate(
            request,
            f"invitation-miss:{client_ip(request)}",
            settings.invitation_misses_per_minute,
            LoginThrottled,
        )
        raise


@router.post(
    "/v1/users", status_code=status.HTTP_201_CREATED, response_model=UserRead, tags=["users"]
)
async def create_user(data: UserCreate, caller: CallerDep, session: GatewaySessionDep) -> object:
    """Add a user to the caller's tenant (admin) or to a given tenant (operator)."""
    user = await service.register_user(session, caller, data)
    await audit.record(
        session,
        caller,
        "user.created",
        f"user:{user.id}",
        tenant_id=user.tenant_id,
        after={"email": user.email, "roles": user.roles},
    )
    return user


@router.post(
    "/v1/api-keys",
    status_code=status.HTTP_201_CREATED,
    response_model=ApiKeyCreated,
    tags=["api-keys"],
)
async def create_api_key(
    data: ApiKeyCreate, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Make an API key for the tenant; the `key` is in this response only."""
    key, token = await service.issue_api_key(session, caller, data)
    await audit.record(
        session,
        caller,
        "api_key.created",
        f"api_key:{key.id}",
        after={"name": key.name, "roles": key.roles, "scopes": key.scopes},
    )
    return ApiKeyCreated(**ApiKeyRead.model_validate(key).model_dump(), key=token)


@router.get("/v1/api-keys", response_model=Page[ApiKeyRead], tags=["api-keys"])
async def list_api_keys(
    caller: CallerDep,
    session: GatewaySessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The tenant's API keys, newest first, without their secrets."""
    items, next_cursor = await service.list_api_keys(session, caller, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.delete("/v1/api-keys/{key_id}", status_code=status.HTTP_204_NO_CONTENT, tags=["api-keys"])
async def revoke_api_key(
    key_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> Response:
    """Revoke an API key; it stops working at once."""
    await service.revoke_api_key(session, caller, key_id)
    await audit.record(session, caller, "api_key.revoked", f"api_key:{key_id}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


router.include_router(logins)
router.include_router(acceptances)
