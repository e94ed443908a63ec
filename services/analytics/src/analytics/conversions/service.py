"""Record store orders as conversions, attributed last-click; reverse cancellations and
refunds. Idempotent on (store, order id); every change marks its hour for the rollups."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.conversions import repository as conversions_repo
from analytics.conversions.orders import Line, Order, Reversal
from analytics.rollups import repository as rollups_repo
from analytics.rollups.service import hour_of
from contracts.analytics import ConversionRecordedV1
from kit import tenancy
from kit.events import outbox


def _tenant(session: AsyncSession) -> uuid.UUID:
    tenant = tenancy.current_tenant(session)
    if tenant is None:
        raise tenancy.TenantNotSet("conversions need a tenant")
    return tenant


async def _attribution(
    session: AsyncSession, order: Order, default_window: int
) -> tuple[str, conversions_repo.Attributed]:
    """(method, attributed): the click id the store handed back if within the tenant's window,
    else the link whose coupon code the order used."""
    if order.click_id:
        clicked = await conversions_repo.clicked(
            session, order.click_id, order.occurred_at, default_window
        )
        if clicked is not None:
            return "click_id", clicked
    if order.coupon:
        coupon = await conversions_repo.by_coupon(session, order.coupon)
        if coupon is not None:
            return "coupon", coupon
    return "none", conversions_repo.Attributed(None, None)


def _line(line: Line, product: uuid.UUID | None, producer: uuid.UUID | None) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "external_id": line.external_id,
        "product_id": product,
        "producer_id": producer,
        "quantity": line.quantity,
        "amount": line.amount,
    }


async def _lines(
    session: AsyncSession, order: Order, attributed: conversions_repo.Attributed
) -> list[dict[str, Any]]:
    """The conversion's lines: per line item to the product the order names, otherwise the
    clicked link's product; one line with the link's product for an order that lists none."""
    link = attributed.link
    link_product = link.product_id if link else None
    link_producer = link.producer_id if link else None
    if not order.lines:
        return [_line(Line(None, 1, order.amount), link_product, link_producer)]
    producers = {link_product: attributed.product_producer} if link_product else {}
    named = {line.product_id for line in order.lines if line.product_id} - producers.keys()
    producers |= await conversions_repo.producers_of(session, named)
    lines = []
    for line in order.lines:
        product = line.product_id or link_product
        producer = producers.get(product) if product else None
        lines.append(_line(line, product, producer or link_producer))
    return lines


async def record(session: AsyncSession, order: Order, default_window: int) -> bool:
    """Record `order` as a new conversion; False when the order is already known."""
    _tenant(session)
    method, attributed = await _attribution(session, order, default_window)
    link = attributed.link
    conversion_id = uuid.uuid4()
    conversion = {
        "id": conversion_id,
        "store": order.store,
        "order_id": order.order_id,
        "occurred_at": order.occurred_at,
        "currency": order.currency,
        "amount": order.amount,
        "status": "recorded",
        "method": method,
        "click_id": attributed.click_id,
        "link_id": link.id if link else None,
        "code": link.code if link else None,
        "post_id": link.post_id if link else None,
        "channel_id": link.channel_id if link else None,
        "platform": link.platform if link else None,
        "campaign_id": link.campaign_id if link else None,
    }
    lines = await _lines(session, order, attributed)
    hour = hour_of(order.occurred_at)
    if not await conversions_repo.insert_new(session, conversion, lines, hour):
        return False
    await outbox.add(
        session,
        ConversionRecordedV1(
            conversion_id=conversion_id,
            order_id=order.order_id,
            store=order.store,
            amount=order.amount,
            currency=order.currency,
            link_code=link.code if link else None,
            product_id=link.product_id if link else None,
            producer_id=link.producer_id if link else None,
        ),
    )
    return True


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
