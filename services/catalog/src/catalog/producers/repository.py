"""Every query on producers. No commits: the boundary does."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Producer
from kit.pagination import paginate


async def get_producer(
    session: AsyncSession, producer_id: uuid.UUID, *, lock: bool = False
) -> Producer | None:
    """A producer; `lock` reads it afresh and holds it until the transaction ends."""
    return await session.get(Producer, producer_id, with_for_update=lock, populate_existing=lock)


async def producer_code_exists(session: AsyncSession, code: str) -> bool:
    found = await session.execute(select(Producer.id).where(Producer.code == code))
    return found.first() is not None


async def list_producers(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    only: Collection[uuid.UUID] | None = None,
    updated_since: datetime | None = None,
) -> tuple[list[Producer], str | None]:
    statement = select(Producer)
    if only is not None:
        statement = statement.where(Producer.id.in_(list(only)))
    if updated_since is not None:
        statement = statement.where(Producer.updated_at >= updated_since)
    return await paginate(session, statement, Producer, cursor=cursor, limit=limit)


async def producers_by_id(
    session: AsyncSession, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Producer]:
    if not ids:
        return {}
    rows = await session.execute(select(Producer).where(Producer.id.in_(list(ids))))
    return {p.id: p for p in rows.scalars()}


def public_producer_ids() -> Select[uuid.UUID]:
    """Ids of the producers shown to the public (`visibility` public)."""
    return select(Producer.id).where(Producer.visibility == "public")
