"""Every query of the audit log: add, list with filters, purge by age."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.audit.models import AuditEvent
from kit.pagination import paginate


@dataclass(frozen=True)
class Filters:
    """What a reader asks for; `tenant_id` None with `every_tenant` is the operator's view."""

    tenant_id: uuid.UUID | None
    every_tenant: bool = False
    actor: str | None = None
    action: str | None = None
    target: str | None = None
    since: datetime | None = None
    until: datetime | None = None


async def add(session: AsyncSession, event: AuditEvent) -> None:
    session.add(event)
    await session.flush()


def _filtered(filters: Filters) -> Any:
    statement = select(AuditEvent)
    if not filters.every_tenant or filters.tenant_id is not None:
        statement = statement.where(AuditEvent.tenant_id == filters.tenant_id)
    if filters.actor is not None:
        statement = statement.where(AuditEvent.actor == filters.actor)
    if filters.action is not None:
        # `post.` selects every post action; a full name selects that one.
        if filters.action.endswith("."):
            statement = statement.where(AuditEvent.action.startswith(filters.action))
        else:
            statement = statement.where(AuditEvent.action == filters.action)
    if filters.target is not None:
        statement = statement.where(AuditEvent.target == filters.target)
    if filters.since is not None:
        statement = statement.where(AuditEvent.created_at >= filters.since)
    if filters.until is not None:
        statement = statement.where(AuditEvent.created_at < filters.until)
    return statement


async def page(
    session: AsyncSession, filters: Filters, *, cursor: str | None, limit: int
) -> tuple[list[AuditEvent], str | None]:
    """One page of matching records, newest first."""
    return await paginate(session, _filtered(filters), AuditEvent, cursor=cursor, limit=limit)


async def purge_before(session: AsyncSession, cutoff: datetime) -> int:
    """Delete the records made before `cutoff` (the jobs role only: see migration 0004)."""
    result = await session.execute(delete(AuditEvent).where(AuditEvent.created_at < cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
