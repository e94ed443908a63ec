"""Channel use cases. Never commits."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.publisher import ChannelNeedsReauthV1
from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import InvalidInput
from kit.events import outbox
from kit.outbound import OutboundPolicy
from kit.secrets import Sealer
from publisher.channels import repository
from publisher.channels.schemas import PUBLIC_CONFIG, ChannelCreate, ChannelRead, ChannelUpdate
from publisher.dispatch import repository as deliveries_repo
from publisher.errors import ChannelNotFound
from publisher.inbox import repository as inbox_repo
from publisher.models import Channel
from publisher.platforms import registry
from publisher.platforms.mastodon.instance import instance_origin
from publisher.playbook import service as playbook


def read(channel: Channel) -> ChannelRead:
    """The outside view of a channel: no credential, only whether one is stored."""
    granted = set(channel.scopes or [])
    required = registry.get(channel.platform).required_scopes
    return ChannelRead(
        id=channel.id,
        platform=channel.platform,
        name=channel.name,
        owner_kind=channel.owner_kind,
        owner_user=channel.owner_user,
        external_id=channel.external_id,
        status=channel.status,
        status_reason=channel.status_reason,
        approval_policy=channel.approval_policy,
        token_expires_at=channel.token_expires_at,
        scopes=list(channel.scopes or []),
        missing_scopes=[s for s in required if s not in granted],
        config={k: v for k, v in (channel.config or {}).items() if k in PUBLIC_CONFIG},
        has_credentials=channel.credentials is not None,
        created_at=channel.created_at,
        updated_at=channel.updated_at,
    )


async def create(
    session: AsyncSession, vault: Sealer, policy: OutboundPolicy, data: ChannelCreate
) -> Channel:
    """Register a channel; its credentials are sealed before they reach the database, a
    Mastodon instance URL is checked (`kit.outbound`)."""
    if data.owner_kind == "staff" and not data.owner_user:
        raise InvalidInput("a staff channel names its owner_user")
    config = data.settings()
    if data.platform == "mastodon":
        config["instance_url"] = await instance_origin(str(config["instance_url"]), policy)
    return await add(
        session,
        vault,
        platform=data.platform,
        name=data.name,
        owner_kind=data.owner_kind,
        owner_user=data.owner_user,
        external_id=data.external_id,
        approval_policy=data.approval_policy,
        secrets=data.secrets(),
        config=config,
        scopes=data.scopes,
        token_expires_at=data.token_expires_at,
        take_plan_policy="approval_policy" not in data.model_fields_set,
    )


async def add(
    session: AsyncSession,
    vault: Sealer,
    *,
    secrets: dict[str, Any],
    take_plan_policy: bool = True,
    **fields: Any,
) -> Channel:
    """Insert a channel row with `secrets` sealed (also used by the OAuth connect flows)."""
    # A playbook's channel plan gives it slots, and its policy unless the creator chose one.
    channel = Channel(
        id=uuid.uuid4(),
        status="active",
        credentials=vault.seal(secrets) if secrets else None,
        **fields,
    )
    session.add(channel)
    await session.flush()
    if channel.credentials is not None:
        await inbox_repo.wake_poller(session, channel.platform)
    await playbook.adopt_plan(session, channel, take_policy=take_plan_policy)
    await session.refresh(channel)
    return channel


async def get(session: AsyncSession, channel_id: uuid.UUID) -> Channel:
    channel = await repository.get(session, channel_id)
    if channel is None:
        raise ChannelNotFound(f"no channel {channel_id}")
    return channel


async def update(
    session: AsyncSession, vault: Sealer, channel_id: uuid.UUID, data: ChannelUpdate
) -> Channel:
    """Rename, change policy or status, or replace the credentials (reactivates the channel)."""
    channel = await get(session, channel_id)
    if data.name is not None:
        channel.name = data.name
    if data.approval_policy is not None:
        channel.approval_policy = data.approval_policy
    if data.status is not None:
        channel.status = data.status
        channel.status_reason = None
    if data.credentials is not None:
        channel.credentials = vault.seal(data.credentials)
        channel.status = "active"
        channel.status_reason = None
    reactivated = data.status is not None or data.credentials is not None
    if reactivated and channel.status == "active":  # its deliveries may be sent (again)
        await deliveries_repo.wake_dispatcher(session)
        await inbox_repo.wake_poller(session, channel.platform)  # and its mentions read
    await session.flush()
    await session.refresh(channel)
    return channel


async def list_page(
    session: AsyncSession,
    who: InternalPrincipal,
    *,
    cursor: str | None,
    limit: int,
    platform: str | None,
    owner_user: str | None,
    postable: bool,
) -> tuple[list[Channel], str | None]:
    """A page of the town's channels; `postable`: only those `who` may post to (`may_post`)."""
    own = own_channels_only(who) if postable else None
    if own is not None and owner_user not in (None, own):
        return [], None  # someone else's accounts: none postable
    return await repository.list_page(
        session,
        cursor=cursor,
        limit=limit,
        platform=platform,
        owner_user=own or owner_user,
        owner_kind="staff" if own is not None else None,  # as `may_post` decides
    )


def may_post(who: InternalPrincipal, channel: Channel) -> bool:
    """The content team posts on every channel; a staff member on the accounts they own."""
    own = own_channels_only(who)
    return own is None or (channel.owner_kind == "staff" and channel.owner_user == own)


def own_channels_only(who: InternalPrincipal) -> str | None:
    """The user whose own channels are all `who` may post to, or None when `who` may post to
    every channel of the town (the content team)."""
    return None if who.has_role(*policy.WRITERS) else who.sub


async def mark_needs_reauth(session: AsyncSession, channel: Channel, reason: str) -> None:
    """Stop publishing on `channel` until an admin reconnects it, and say so."""
    if channel.status == "needs_reauth":
        return
    channel.status = "needs_reauth"
    channel.status_reason = reason
    await outbox.add(
        session,
        ChannelNeedsReauthV1(
            channel_id=channel.id,
            platform=channel.platform,
            name=channel.name,
            reason=reason,
            owner_kind=channel.owner_kind,
            owner_user=channel.owner_user,
        ),
    )


async def rotate_credentials(session: AsyncSession, vault: Sealer) -> int:
    """Re-encrypt every stored credential under the first configured key."""
    channels = await repository.with_credentials(session)
    for channel in channels:
        assert channel.credentials is not None
        channel.credentials = vault.rotate(channel.credentials)
    return len(channels)
