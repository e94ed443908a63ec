"""Gateway HTTP routes: thin, one use case each."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status

from gateway import service
from gateway.dependencies import (
    AuthenticatorDep,
    CallerDep,
    CredentialsDep,
    GatewaySessionDep,
)
from gateway.errors import InvalidRefreshToken
from gateway.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyRead,
    MeRead,
    RefreshRequest,
    TenantCreate,
    TenantRead,
    TenantUpdate,
    TokenRead,
    TokenRequest,
    UserCreate,
    UserRead,
)
from kit.db import Database
from kit.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page

router = APIRouter()
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]

# The body is read by `read_credentials` (JSON or form), so it is described here by hand.
_TOKEN_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": TokenRequest.model_json_schema()},
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["username", "password"],
                    "properties": {
                        "username": {"type": "string", "description": "The email"},
                        "password": {"type": "string"},
                    },
                }
            },
        },
    }
}


@router.get("/.well-known/jwks.json", tags=["auth"])
async def jwks(request: Request) -> dict[str, Any]:
    """The public keys of every token the gateway signs (RFC 7517)."""
    keys: dict[str, Any] = request.app.state.signer.jwks()
    return keys


@router.post("/v1/auth/token", response_model=TokenRead, tags=["auth"], openapi_extra=_TOKEN_BODY)
async def issue_token(
    credentials: CredentialsDep, session: GatewaySessionDep, authenticator: AuthenticatorDep
) -> object:
    """Log in with email and password: an access token and a refresh token."""
    return await service.login(session, authenticator, credentials.email, credentials.password)


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


@router.get("/v1/me", response_model=MeRead, tags=["auth"])
async def me(caller: CallerDep, session: GatewaySessionDep) -> object:
    """Who the credentials belong to, with tenant, roles and quotas."""
    return await service.describe(session, caller)


@router.post(
    "/v1/tenants", status_code=status.HTTP_201_CREATED, response_model=TenantRead, tags=["tenants"]
)
async def create_tenant(
    data: TenantCreate, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Onboard a municipality (operator only)."""
    return await service.open_tenant(session, caller, data)


@router.get("/v1/tenants/{tenant_id}", response_model=TenantRead, tags=["tenants"])
async def get_tenant(tenant_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep) -> object:
    """One tenant, to the operator or its own members."""
    return await service.get_tenant(session, caller, tenant_id)


@router.patch("/v1/tenants/{tenant_id}", response_model=TenantRead, tags=["tenants"])
async def update_tenant(
    tenant_id: uuid.UUID, data: TenantUpdate, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Change a tenant's plan, quotas or status (operator only)."""
    return await service.update_tenant(session, caller, tenant_id, data)


@router.post(
    "/v1/users", status_code=status.HTTP_201_CREATED, response_model=UserRead, tags=["users"]
)
async def create_user(data: UserCreate, caller: CallerDep, session: GatewaySessionDep) -> object:
    """Add a user to the caller's tenant (admin) or to a given tenant (operator)."""
    return await service.register_user(session, caller, data)


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
    return Response(status_code=status.HTTP_204_NO_CONTENT)
