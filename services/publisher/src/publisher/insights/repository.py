"""Queries of the insight pulls: which channels to read, and their recent posts. No commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from publisher.models import Channel, Delivery

ALL_TENANTS = {"all_tenants": True}


async def active_channels(
    session: AsyncSession, platforms: Sequence[str]
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(tenant, channel) of every active channel on a platform with insights (jobs role)."""
    statement = (
        select(Channel.tenant_id, Channel.id)
        .where(Channel.status == "active", Channel.platform.in_(platforms))
        .order_by(Channel.tenant_id, Channel.id)
        .execution_options(**ALL_TENANTS)
    )
    return [(r[0], r[1]) for r in await session.execute(statement)]


async def recent_posts(
    session: AsyncSession, since: datetime, platforms: Sequence[str]
) -> dict[tuple[uuid.UUID, uuid.UUID], list[str]]:
    """Platform post ids published since `since`, per (tenant, active channel) (jobs role)."""
    statement = (
        select(Delivery.tenant_id, Delivery.channel_id, Delivery.platform_post_id)
        .join(Channel, Channel.id == Delivery.channel_id)
        .where(
            Delivery.state == "published",
            Delivery.published_at >= since,
            Delivery.platform_post_id.is_not(None),
            Channel.status == "active",
            Channel.platform.in_(platforms),
        )
        .order_by(Delivery.published_at)
        .execution_options(**ALL_TENANTS)
    )
    posts: dict[tuple[uuid.UUID, uuid.UUID], list[str]] = {}
    for tenant, channel, post in await session.execute(statement):
        posts.setdefault((tenant, channel), []).append(str(post))
    return posts


async def channel(session: AsyncSession, channel_id: uuid.UUID) -> Channel | None:
    """The channel in the session's tenant."""
    return await session.get(Channel, channel_id)
