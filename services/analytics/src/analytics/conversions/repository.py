"""Queries of conversions."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    DateTime,
    Integer,
    String,
    Uuid,
    bindparam,
    cast,
    column,
    func,
    literal,
    select,
    true,
    values,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import (
    Click,
    Conversion,
    ConversionLine,
    Link,
    ProductStats,
    TenantSettings,
    WebhookEvent,
)
from analytics.rollups import repository as rollups_repo
from kit import tenancy
from kit.pagination import paginate


@dataclass(frozen=True)
class Attributed:
    """The link an order is attributed to, with its product's producer as analytics knows it."""

    link: Link | None
    product_producer: uuid.UUID | None
    click_id: str | None = None


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


def _window_start(ordered_at: datetime, default_days: int) -> ColumnElement[datetime]:
    """The earliest click an order at `ordered_at` is attributed to: the tenant's attribution
    window (`default_days` for a tenant with no settings row yet) before the order."""
    days = func.coalesce(
        select(TenantSettings.attribution_window_days).scalar_subquery(), default_days
    )
    ordered = bindparam("ordered_at", ordered_at, type_=DateTime(timezone=True))
    return ordered - func.make_interval(0, 0, 0, days)


async def clicked(
    session: AsyncSession, click_id: str, ordered_at: datetime, default_days: int
) -> Attributed | None:
    """The human click `click_id` within the attribution window of an order at `ordered_at`,
    with its link and that link's producer, in one query; None when there is no such click."""
    statement = (
        select(Click.click_id, Link, ProductStats.producer_id)
        .select_from(Click)
        .outerjoin(Link, Link.id == Click.link_id)
        .outerjoin(ProductStats, ProductStats.product_id == Link.product_id)
        .where(Click.click_id == click_id, Click.is_bot.is_(False))
        .where(Click.occurred_at >= _window_start(ordered_at, default_days))
    )
    row = (await session.execute(statement)).one_or_none()
    return Attributed(row[1], row[2], click_id=row[0]) if row is not None else None


async def by_coupon(session: AsyncSession, coupon: str) -> Attributed | None:
    """The latest link with coupon `coupon`, with its producer, in one query."""
    statement = (
        select(Link, ProductStats.producer_id)
        .outerjoin(ProductStats, ProductStats.product_id == Link.product_id)
        .where(Link.coupon_code == coupon)
        .order_by(Link.created_at.desc())
        .limit(1)
    )
    row = (await session.execute(statement)).one_or_none()
    return Attributed(row[0], row[1]) if row is not None else None


async def producers_of(
    session: AsyncSession, product_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """The producer of each of `product_ids` that analytics knows, in one query."""
    wanted = set(product_ids)
    if not wanted:
        return {}
    statement = select(ProductStats.product_id, ProductStats.producer_id).where(
        ProductStats.product_id.in_(wanted)
    )
    return {row[0]: row[1] for row in await session.execute(statement)}


_LINE_COLUMNS = (
    column("id", Uuid),
    column("external_id", String),
    column("product_id", Uuid),
    column("producer_id", Uuid),
    column("quantity", Integer),
    column("amount", BigInteger),
)


async def insert_new(
    session: AsyncSession,
    conversion: dict[str, Any],
    lines: list[dict[str, Any]],
    hour: datetime,
) -> bool:
    """Insert a conversion with its lines and mark its rollup hour dirty, in one statement;
    False (and nothing written) when the tenant already has the store's order."""
    tenant = tenancy.current_tenant(session)
    new = (
        insert(Conversion)
        .values(tenant_id=tenant, **conversion)
        .on_conflict_do_nothing(constraint="uq_conversions_order")
        .returning(Conversion.id)
        .cte("new_conversion")
    )
    names = [c.name for c in _LINE_COLUMNS]
    line = values(*_LINE_COLUMNS, name="line").data([tuple(r[n] for n in names) for r in lines])
    # Cast: a VALUES column whose every row is NULL is text to PostgreSQL. Lines only for a
    # conversion just inserted: none when the order was known.
    typed = [cast(c, c.type) for c in line.c]
    new_lines = select(*typed, literal(tenant, Uuid), new.c.id, literal(0, BigInteger))
    statement = (
        insert(ConversionLine)
        .from_select(
            [*names, "tenant_id", "conversion_id", "refunded"],
            new_lines.select_from(new.join(line, true())),
        )
        .returning(ConversionLine.conversion_id)
        .add_cte(rollups_repo.mark_dirty_after(tenant, hour, new))
    )
    return (await session.execute(statement)).first() is not None


async def by_order(session: AsyncSession, store: str, order_id: str) -> Conversion | None:
    statement = select(Conversion).where(Conversion.store == store, Conversion.order_id == order_id)
    return (await session.execute(statement)).scalar_one_or_none()


async def lines(session: AsyncSession, conversion: Conversion) -> list[ConversionLine]:
    statement = select(ConversionLine).where(ConversionLine.conversion_id == conversion.id)
    return list((await session.execute(statement)).scalars().all())


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
