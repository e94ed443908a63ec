"""Record store orders as conversions, attributed last-click; reverse cancellations and
refunds. Idempotent on (store, order id); every change marks its hour for the rollups."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.conversions import repository as conversions_repo
from analytics.conversions.orders import Order, Reversal
from analytics.links import repository as links_repo
from analytics.models import Click, Conversion, ConversionLine, Link
from analytics.rollups import repository as rollups_repo
from analytics.rollups.service import hour_of
from analytics.tracking import repository as tracking_repo
from contracts.analytics import ConversionRecordedV1
from kit import tenancy
from kit.events import outbox


def _tenant(session: AsyncSession) -> uuid.UUID:
    tenant = tenancy.current_tenant(session)
    if tenant is None:
        raise tenancy.TenantNotSet("conversions need a tenant")
    return tenant


async def _attribution(
    session: AsyncSession, order: Order, window_days: int
) -> tuple[str, Click | None, Link | None]:
    """(method, click, link): the click id the store handed back if within the window, else
    the link whose coupon code the order used."""
    if order.click_id:
        click = await conversions_repo.click(session, order.click_id)
        window = timedelta(days=window_days)
        if click is not None and order.occurred_at - click.occurred_at <= window:
            return "click_id", click, await links_repo.by_id(session, click.link_id)
    if order.coupon:
        link = await links_repo.by_coupon(session, order.coupon)
        if link is not None:
            return "coupon", None, link
    return "none", None, None


async def record(session: AsyncSession, order: Order, default_window: int) -> Conversion | None:
    """A new conversion for `order`, or None when the order is already known."""
    tenant = _tenant(session)
    if await conversions_repo.by_order(session, order.store, order.order_id) is not None:
        return None
    settings = await tracking_repo.ensure(session, tenant, default_window)
    method, click, link = await _attribution(session, order, settings.attribution_window_days)
    conversion = Conversion(
        id=uuid.uuid4(),
        store=order.store,
        order_id=order.order_id,
        occurred_at=order.occurred_at,
        currency=order.currency,
        amount=order.amount,
        status="recorded",
        method=method,
        click_id=click.click_id if click else None,
        link_id=link.id if link else None,
        code=link.code if link else None,
        post_id=link.post_id if link else None,
        channel_id=link.channel_id if link else None,
        platform=link.platform if link else None,
        campaign_id=link.campaign_id if link else None,
    )
    session.add(conversion)
    await session.flush()
    for line in order.lines or []:
        # Per line item to the product the order names; otherwise the clicked link's product.
        product = line.product_id or (link.product_id if link else None)
        producer = await conversions_repo.producer_of(session, product) if product else None
        session.add(
            ConversionLine(
                id=uuid.uuid4(),
                conversion_id=conversion.id,
                external_id=line.external_id,
                product_id=product,
                producer_id=producer or (link.producer_id if link else None),
                quantity=line.quantity,
                amount=line.amount,
                refunded=0,
            )
        )
    if not order.lines:
        session.add(
            ConversionLine(
                id=uuid.uuid4(),
                conversion_id=conversion.id,
                external_id=None,
                product_id=link.product_id if link else None,
                producer_id=link.producer_id if link else None,
                quantity=1,
                amount=order.amount,
                refunded=0,
            )
        )
    await session.flush()
    await rollups_repo.mark_dirty(session, tenant, {hour_of(order.occurred_at)})
    await outbox.add(
        session,
        ConversionRecordedV1(
            conversion_id=conversion.id,
            order_id=order.order_id,
            store=order.store,
            amount=order.amount,
            currency=order.currency,
            link_code=conversion.code,
            product_id=link.product_id if link else None,
            producer_id=link.producer_id if link else None,
        ),
    )
    return conversion


async def reverse(session: AsyncSession, reversal: Reversal) -> bool:
    """Cancel a whole order or refund some of its lines; False when the order is unknown."""
    conversion = await conversions_repo.by_order(session, reversal.store, reversal.order_id)
    if conversion is None:
        return False
    if reversal.full:
        conversion.status = "cancelled"
    else:
        for line in await conversions_repo.lines(session, conversion):
            refund = reversal.refunds.get(line.external_id or "")
            if refund:
                line.refunded = min(line.amount, line.refunded + refund)
    await session.flush()
    await rollups_repo.mark_dirty(session, _tenant(session), {hour_of(conversion.occurred_at)})
    return True
