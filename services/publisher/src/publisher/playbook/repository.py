"""Every playbook query of the publisher. No commits here."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kit.pagination import paginate_in_order
from publisher.models import Campaign, Channel, Slot
from publisher.playbook.models import ChannelPlan, PostTemplate


async def templates(session: AsyncSession) -> list[PostTemplate]:
    rows = await session.execute(select(PostTemplate).order_by(PostTemplate.name))
    return list(rows.scalars())


async def templates_page(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[PostTemplate], str | None]:
    """Templates by name."""
    order = (PostTemplate.name,)
    return await paginate_in_order(
        session, select(PostTemplate), PostTemplate, order, cursor=cursor, limit=limit
    )


async def template_named(session: AsyncSession, name: str) -> PostTemplate | None:
    rows = await session.execute(select(PostTemplate).where(PostTemplate.name == name))
    return rows.scalar_one_or_none()


async def campaigns(session: AsyncSession) -> list[Campaign]:
    rows = await session.execute(select(Campaign).order_by(Campaign.created_at, Campaign.id))
    return list(rows.scalars())


async def channels(session: AsyncSession) -> list[Channel]:
    rows = await session.execute(select(Channel).order_by(Channel.created_at, Channel.id))
    return list(rows.scalars())


async def slots(session: AsyncSession) -> list[Slot]:
    rows = await session.execute(select(Slot).order_by(Slot.weekday, Slot.local_time))
    return list(rows.scalars())


async def plans(session: AsyncSession) -> list[ChannelPlan]:
    rows = await session.execute(
        select(ChannelPlan).order_by(ChannelPlan.platform, ChannelPlan.name)
    )
    return list(rows.scalars())


async def plans_page(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[ChannelPlan], str | None]:
    """Channel plans by platform and name."""
    order = (ChannelPlan.platform, ChannelPlan.name)
    return await paginate_in_order(
        session, select(ChannelPlan), ChannelPlan, order, cursor=cursor, limit=limit
    )


async def get_template(session: AsyncSession, template_id: uuid.UUID) -> PostTemplate | None:
    return await session.get(PostTemplate, template_id)
