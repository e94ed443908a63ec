"""Every publisher query. No commits here."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kit.pagination import paginate
from publisher.models import Post


async def list_posts(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    product_id: uuid.UUID | None = None,
    status: str | None = None,
) -> tuple[list[Post], str | None]:
    statement = select(Post)
    if product_id is not None:
        statement = statement.where(Post.product_id == product_id)
    if status is not None:
        statement = statement.where(Post.status == status)
    return await paginate(session, statement, Post, cursor=cursor, limit=limit)
