"""Every slot and campaign query. No commits here."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from kit.pagination import paginate, paginate_in_order
from publisher.models import Campaign, Slot


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


async def get_campaign(session: AsyncSession, campaign_id: uuid.UUID) -> Campaign | None:
    return await session.get(Campaign, campaign_id)


async def list_campaigns(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[Campaign], str | None]:
    return await paginate(session, select(Campaign), Campaign, cursor=cursor, limit=limit)
