"""Queries of conversions."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import Click, Conversion, ConversionLine, ProductStats, WebhookEvent
from kit import tenancy
from kit.pagination import paginate


async def first_delivery(session: AsyncSession, source: str, event_id: str) -> bool:
    """Remember a webhook event; False when it was handled before."""
    statement = (
        insert(WebhookEvent)
        .values(
            source=source,
            event_id=event_id[:128],
            tenant_id=tenancy.current_tenant(session),
            received_at=datetime.now(UTC),
        )
        .on_conflict_do_nothing()
        .returning(WebhookEvent.event_id)
    )
    return (await session.execute(statement)).scalar_one_or_none() is not None


async def click(session: AsyncSession, click_id: str) -> Click | None:
    statement = select(Click).where(Click.click_id == click_id, Click.is_bot.is_(False))
    return (await session.execute(statement)).scalar_one_or_none()


async def by_order(session: AsyncSession, store: str, order_id: str) -> Conversion | None:
    statement = select(Conversion).where(Conversion.store == store, Conversion.order_id == order_id)
    return (await session.execute(statement)).scalar_one_or_none()


async def lines(session: AsyncSession, conversion: Conversion) -> list[ConversionLine]:
    statement = select(ConversionLine).where(ConversionLine.conversion_id == conversion.id)
    return list((await session.execute(statement)).scalars().all())


async def producer_of(session: AsyncSession, product_id: object) -> object:
    statement = select(ProductStats.producer_id).where(ProductStats.product_id == product_id)
    return (await session.execute(statement)).scalar_one_or_none()


async def page(
    session: AsyncSession, cursor: str | None, limit: int
) -> tuple[list[Conversion], str | None]:
    """The tenant's conversions, latest order first, after `cursor`."""
    return await paginate(
        session,
        select(Conversion),
        Conversion,
        cursor=cursor,
        limit=limit,
        order=Conversion.occurred_at,
    )
