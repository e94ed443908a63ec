"""The consumer that turns events into notices (its inbox drops a redelivered event)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.publisher import ChannelNeedsReauthV1
from gateway.notifications import service
from kit.events.consumer import subscribe
from kit.events.envelope import Envelope


@subscribe(ChannelNeedsReauthV1, consumer="gateway.notify-on-channel-needs-reauth")
async def on_channel_needs_reauth(
    event: Envelope[ChannelNeedsReauthV1], session: AsyncSession
) -> None:
    """Tell the town's admins and the channel's owner."""
    await service.on_channel_needs_reauth(session, event.tenant_id, event.id, event.payload)


SUBSCRIPTIONS = [on_channel_needs_reauth]
