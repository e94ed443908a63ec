"""API keys: a town's machine credentials, made and revoked by its admins. Never commits."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from gateway import access, authn
from gateway.api_keys import repository as api_keys_repo
from gateway.api_keys.models import ApiKey
from gateway.api_keys.schemas import ApiKeyCreate
from gateway.errors import ApiKeyNotFound
from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import Forbidden

PREFIX_ATTEMPTS = 5


async def issue_api_key(
    session: AsyncSession, caller: InternalPrincipal, data: ApiKeyCreate
) -> tuple[ApiKey, str]:
    """A new key for the caller's tenant, and its token (shown once)."""
    tenant_id = access.require_tenant_admin(caller)
    if policy.OPERATOR in data.roles:
        raise Forbidden("an API key cannot be an operator")
    access.may_grant(caller, data.roles, data.scopes)
    for _ in range(PREFIX_ATTEMPTS):
        made = authn.new_api_key()
        if not await api_keys_repo.api_key_prefix_exists(session, made.prefix):
            break
    else:
        raise RuntimeError("could not find a free API key prefix")
    key = ApiKey(
        tenant_id=tenant_id,
        name=data.name,
        prefix=made.prefix,
        key_hash=made.key_hash,
        roles=sorted(set(data.roles)),
        scopes=sorted(set(data.scopes)),
        user_id=uuid.UUID(caller.sub) if caller.kind == "user" else None,
    )
    session.add(key)
    await session.flush()
    await session.refresh(key)
    return key, made.token


async def list_api_keys(
    session: AsyncSession, caller: InternalPrincipal, *, cursor: str | None, limit: int
) -> tuple[list[ApiKey], str | None]:
    tenant_id = access.require_tenant_admin(caller)
    return await api_keys_repo.list_api_keys(session, tenant_id, cursor=cursor, limit=limit)


async def revoke_api_key(
    session: AsyncSession, caller: InternalPrincipal, key_id: uuid.UUID
) -> None:
    """Revoke a key of the caller's tenant; revoking twice is harmless."""
    tenant_id = access.require_tenant_admin(caller)
    key = await api_keys_repo.get_api_key(session, tenant_id, key_id)
    if key is None:
        raise ApiKeyNotFound(f"no API key {key_id}")
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await session.flush()
