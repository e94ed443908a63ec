"""Every post, transition and delivery query of the API side. No commits here."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kit.pagination import paginate
from publisher.models import Delivery, Post, PostTransition


async def list_posts(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    product_id: uuid.UUID | None = None,
    status: str | None = None,
    campaign_id: uuid.UUID | None = None,
) -> tuple[list[Post], str | None]:
    statement = select(Post)
    if product_id is not None:
        statement = statement.where(Post.product_id == product_id)
    if status is not None:
        statement = statement.where(Post.status == status)
    if campaign_id is not None:
        statement = statement.where(Post.campaign_id == campaign_id)
    return await paginate(session, statement, Post, cursor=cursor, limit=limit)


async def get(session: AsyncSession, post_id: uuid.UUID, *, lock: bool = False) -> Post | None:
    statement = select(Post).where(Post.id == post_id)
    if lock:
        statement = statement.with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def of_campaign(session: AsyncSession, campaign_id: uuid.UUID) -> list[Post]:
    rows = await session.execute(
        select(Post).where(Post.campaign_id == campaign_id).order_by(Post.planned_at)
    )
    return list(rows.scalars())


async def transitions(session: AsyncSession, post_id: uuid.UUID) -> list[PostTransition]:
    rows = await session.execute(
        select(PostTransition).where(PostTransition.post_id == post_id).order_by(PostTransition.at)
    )
    return list(rows.scalars())


async def deliveries_of(session: AsyncSession, post_id: uuid.UUID) -> list[Delivery]:
    rows = await session.execute(select(Delivery).where(Delivery.post_id == post_id))
    return list(rows.scalars())


async def due_on_channel(session: AsyncSession, channel_id: uuid.UUID) -> set[datetime]:
    """Due times already taken on a channel (for the next free slot)."""
    rows = await session.execute(
        select(Delivery.due_at).where(
            Delivery.channel_id == channel_id, Delivery.state != "cancelled"
        )
    )
    return set(rows.scalars())


async def cancel_pending(session: AsyncSession, post_id: uuid.UUID) -> None:
    await session.execute(
        update(Delivery)
        .where(Delivery.post_id == post_id, Delivery.state == "scheduled")
        .values(state="cancelled")
    )
