"""Every slot and campaign query. No commits here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kit.pagination import paginate, paginate_in_order
from publisher.models import Campaign, Delivery, Post, Slot

# A campaign still making posts; a paused, cancelled or complete one is left alone.
MAKING = ("draft", "submitted", "running")
# A post not yet on its way: the campaign may take it back (pause, edit, cancel).
WITHDRAWABLE = ("draft", "submitted", "approved", "rejected", "scheduled")


async def slots_of(session: AsyncSession, channel_id: uuid.UUID) -> list[Slot]:
    rows = await session.execute(
        select(Slot).where(Slot.channel_id == channel_id).order_by(Slot.weekday, Slot.local_time)
    )
    return list(rows.scalars())


async def all_slots(session: AsyncSession) -> list[Slot]:
    rows = await session.execute(select(Slot).order_by(Slot.weekday, Slot.local_time))
    return list(rows.scalars())


async def slots_page(
    session: AsyncSession, *, channel_id: uuid.UUID | None, cursor: str | None, limit: int
) -> tuple[list[Slot], str | None]:
    """Slots by weekday and time of day, of one channel or all."""
    statement = select(Slot)
    if channel_id is not None:
        statement = statement.where(Slot.channel_id == channel_id)
    order = (Slot.weekday, Slot.local_time)
    return await paginate_in_order(session, statement, Slot, order, cursor=cursor, limit=limit)


async def delete_slot(session: AsyncSession, slot_id: uuid.UUID) -> bool:
    result = await session.execute(delete(Slot).where(Slot.id == slot_id).returning(Slot.id))
    return result.first() is not None


async def get_campaign(
    session: AsyncSession, campaign_id: uuid.UUID, *, lock: bool = False
) -> Campaign | None:
    """One campaign; `lock` holds it against the step job and other edits until commit."""
    return await session.get(Campaign, campaign_id, with_for_update=lock or None)


async def campaigns_making(
    session: AsyncSession, *, after: uuid.UUID | None, limit: int
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(campaign, tenant) of every town's campaigns with posts still to make, a page at a time
    in id order from `after`."""
    statement = (
        select(Campaign.id, Campaign.tenant_id)
        .where(Campaign.status.in_(MAKING), Campaign.made < Campaign.steps)
        .order_by(Campaign.id)
        .limit(limit)
        .execution_options(all_tenants=True)
    )
    if after is not None:
        statement = statement.where(Campaign.id > after)
    rows = await session.execute(statement)
    return [(row[0], row[1]) for row in rows.all()]


async def products_in(session: AsyncSession, campaign_id: uuid.UUID) -> set[uuid.UUID]:
    """Products the campaign has a post about (withdrawn ones aside)."""
    rows = await session.execute(
        select(Post.product_id).where(
            Post.campaign_id == campaign_id,
            Post.status != "cancelled",
            Post.product_id.is_not(None),
        )
    )
    return {pid for pid in rows.scalars() if pid is not None}


async def withdrawable(session: AsyncSession, campaign_id: uuid.UUID) -> list[Post]:
    """The campaign's posts none of whose deliveries has started, locked."""
    started = select(Delivery.post_id).where(
        Delivery.campaign_id == campaign_id, Delivery.state.not_in(("scheduled", "cancelled"))
    )
    rows = await session.execute(
        select(Post)
        .where(
            Post.campaign_id == campaign_id,
            Post.status.in_(WITHDRAWABLE),
            Post.id.not_in(started),
        )
        .order_by(Post.planned_at)
        .with_for_update()
    )
    return list(rows.scalars())


async def last_featured(
    session: AsyncSession, product_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, datetime]:
    """When a post about each product last went out on any channel."""
    if not product_ids:
        return {}
    rows = await session.execute(
        select(Delivery.product_id, func.max(Delivery.published_at))
        .where(Delivery.product_id.in_(list(product_ids)), Delivery.state == "published")
        .group_by(Delivery.product_id)
    )
    return {pid: at for pid, at in rows.all() if pid is not None and at is not None}


async def list_campaigns(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[Campaign], str | None]:
    return await paginate(session, select(Campaign), Campaign, cursor=cursor, limit=limit)
