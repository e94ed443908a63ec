"""Every query of outgoing webhooks; tenant-scoped ones filter by the caller's tenant. Commits
that make a delivery due wake the sender (`CHANNEL`, `kit.wakeups`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.webhooks.models import WebhookDelivery, WebhookEndpoint
from kit import wakeups
from kit.pagination import paginate

CHANNEL = "gateway_webhooks"


async def wake_sender(session: AsyncSession) -> None:
    """Wake the sender when this transaction commits: a delivery is due (queued, sent again, or
    its endpoint enabled again)."""
    await wakeups.notify(session, CHANNEL)


async def get_endpoint(
    session: AsyncSession, tenant_id: uuid.UUID, endpoint_id: uuid.UUID
) -> WebhookEndpoint | None:
    return (
        await session.execute(
            select(WebhookEndpoint).where(
                WebhookEndpoint.id == endpoint_id, WebhookEndpoint.tenant_id == tenant_id
            )
        )
    ).scalar_one_or_none()


async def list_endpoints(
    session: AsyncSession, tenant_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[WebhookEndpoint], str | None]:
    statement = select(WebhookEndpoint).where(WebhookEndpoint.tenant_id == tenant_id)
    return await paginate(session, statement, WebhookEndpoint, cursor=cursor, limit=limit)


async def subscribed_endpoints(
    session: AsyncSession, tenant_id: uuid.UUID, event_type: str
) -> Sequence[WebhookEndpoint]:
    """The tenant's enabled endpoints that want `event_type`."""
    statement = select(WebhookEndpoint).where(
        WebhookEndpoint.tenant_id == tenant_id,
        WebhookEndpoint.enabled.is_(True),
        WebhookEndpoint.event_types.contains([event_type]),
    )
    return (await session.execute(statement)).scalars().all()


async def add_deliveries(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert pending deliveries; one that exists for its (endpoint, event) is kept as is."""
    if rows:
        await session.execute(insert(WebhookDelivery).values(rows).on_conflict_do_nothing())
        await wake_sender(session)


async def get_delivery(
    session: AsyncSession, tenant_id: uuid.UUID, endpoint_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery | None:
    return (
        await session.execute(
            select(WebhookDelivery).where(
                WebhookDelivery.id == delivery_id,
                WebhookDelivery.endpoint_id == endpoint_id,
                WebhookDelivery.tenant_id == tenant_id,
            )
        )
    ).scalar_one_or_none()


async def list_deliveries(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    endpoint_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[WebhookDelivery], str | None]:
    statement = select(WebhookDelivery).where(
        WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.tenant_id == tenant_id
    )
    return await paginate(session, statement, WebhookDelivery, cursor=cursor, limit=limit)


async def claim_due(
    session: AsyncSession, now: datetime, lease_until: datetime, limit: int
) -> list[tuple[WebhookDelivery, WebhookEndpoint]]:
    """Due pending deliveries of enabled endpoints, every tenant's, leased until `lease_until`
    so another sender leaves them alone while this one is at them."""
    statement = (
        select(WebhookDelivery, WebhookEndpoint)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at <= now,
            WebhookEndpoint.enabled.is_(True),
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
        .with_for_update(of=WebhookDelivery, skip_locked=True)
    )
    claimed = [(row[0], row[1]) for row in (await session.execute(statement)).all()]
    if claimed:
        await session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id.in_([d.id for d, _ in claimed]))
            .values(next_attempt_at=lease_until)
        )
    return claimed


async def next_due(session: AsyncSession) -> datetime | None:
    """When the earliest pending delivery of an enabled endpoint comes due (a retry, or the end
    of a lease whose sender died); None when none waits."""
    statement = (
        select(func.min(WebhookDelivery.next_attempt_at))
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(WebhookDelivery.status == "pending", WebhookEndpoint.enabled.is_(True))
    )
    return (await session.execute(statement)).scalar_one()


async def locked_delivery(session: AsyncSession, delivery_id: uuid.UUID) -> WebhookDelivery | None:
    """A delivery, row-locked, with its endpoint loaded separately by the caller."""
    return (
        await session.execute(
            select(WebhookDelivery).where(WebhookDelivery.id == delivery_id).with_for_update()
        )
    ).scalar_one_or_none()


async def locked_endpoint(session: AsyncSession, endpoint_id: uuid.UUID) -> WebhookEndpoint | None:
    return (
        await session.execute(
            select(WebhookEndpoint).where(WebhookEndpoint.id == endpoint_id).with_for_update()
        )
    ).scalar_one_or_none()
