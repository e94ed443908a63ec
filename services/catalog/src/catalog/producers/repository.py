"""Every query on producers. No commits: the boundary does."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, Select, exists, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import i18n
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
    text: str | None = None,
    public_only: bool = False,
) -> tuple[list[Producer], str | None]:
    statement = select(Producer)
    if text:
        statement = statement.where(_matches(text))
    if public_only:
        statement = statement.where(Producer.visibility == "public")
    if only is not None:
        statement = statement.where(Producer.id.in_(list(only)))
    if updated_since is not None:
        statement = statement.where(Producer.updated_at >= updated_since)
    return await paginate(session, statement, Producer, cursor=cursor, limit=limit)


def _matches(text: str) -> ColumnElement[bool]:
    """A producer whose name in some language, or whose code, holds `text` (normalized as
    `catalog.i18n.normalize` does). A scan: a town has hundreds of producers, not millions."""
    pattern = i18n.like_pattern(text)
    names = func.jsonb_each_text(Producer.name).table_valued("value").alias("names")
    folded = func.lower(func.normalize(names.c.value, literal_column("NFKC")))
    in_name = exists(select(1).select_from(names).where(folded.like(pattern)))
    code = func.lower(func.normalize(func.coalesce(Producer.code, ""), literal_column("NFKC")))
    return or_(in_name, code.like(pattern))


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
