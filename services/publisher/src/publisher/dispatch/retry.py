"""Retrying a failed delivery by hand, only when that cannot post twice.

A delivery that failed before its publish call (`commit_started_at` empty: its token refresh or
prepare phase gave up) never reached the platform, so sending it again is safe. One whose commit
began may be on the platform already: it is never retried by hand (reference
social-publishing.md 0.2; reconciliation settles those). A permanent refusal (the platform
rejects the content) would only fail again; a channel that needs reconnecting is reconnected
first. Never commits.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from kit.auth import InternalPrincipal
from publisher.channels import service as channels
from publisher.dispatch import repository
from publisher.errors import ChannelNotAllowed, DeliveryNotFound, RetryRefused
from publisher.models import Delivery
from publisher.platforms.base import PERMANENT
from publisher.posts import service as posts


def refusal(delivery: Delivery) -> str | None:
    """Why `delivery` cannot be retried by hand, or None when it can."""
    if delivery.state != "failed":
        return f"only a failed delivery is retried; this one is {delivery.state}"
    if delivery.commit_started_at is not None:
        return "the publish call was made: the post may be on the platform already"
    if delivery.error_category == PERMANENT:
        return "the platform refused this post itself: change it and post again"
    if not delivery.link_ready:
        return "its tracked link was not made"
    return None


async def retry(session: AsyncSession, who: InternalPrincipal, delivery_id: uuid.UUID) -> Delivery:
    """Send a delivery that failed before its publish call again, as soon as possible."""
    delivery = await repository.get(session, delivery_id, lock=True)
    if delivery is None:
        raise DeliveryNotFound(f"no delivery {delivery_id}")
    channel = await channels.get(session, delivery.channel_id)
    if not channels.may_post(who, channel):
        raise ChannelNotAllowed(f"channel {channel.id} is not yours")
    reason = refusal(delivery)
    if reason is None and channel.status != "active":
        reason = "the channel needs reconnecting first"
    if reason is not None:
        raise RetryRefused(reason)
    delivery.state = "scheduled"
    delivery.attempts = 0
    delivery.next_attempt_at = None
    delivery.lease_until = None
    delivery.claimed_by = None
    delivery.error_category = None
    delivery.error_message = None
    await session.flush()
    await repository.wake_dispatcher(session)
    await posts.reopen(session, delivery.post_id, who.actor)
    await session.refresh(delivery)
    return delivery
