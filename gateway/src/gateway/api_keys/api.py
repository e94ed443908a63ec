"""Routes of API keys."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from gateway.api_keys import service
from gateway.api_keys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyRead
from gateway.audit import service as audit
from gateway.dependencies import CallerDep, GatewaySessionDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page

router = APIRouter()


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
