"""Platform token refresh: ahead of expiry on a schedule, or at the last moment by the dispatcher.

Both hold the channel's row lock while they refresh and re-read the expiry under it, so a
rotating refresh token (X uses each one once) is never spent twice. A refusal stops the channel
for reauth (`publisher.channel.needs_reauth.v1`); a transient failure waits for the next run.
Postiz does the same with a timer per integration (reference 2.1, Token refresh).
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import Database
from kit.secrets import Sealer
from publisher.channels import repository, service
from publisher.dispatch.metrics import TOKEN_REFRESHES
from publisher.models import Channel
from publisher.platforms import registry
from publisher.platforms.base import PERMANENT, REAUTH, Adapter, PlatformError, PublishRequest

log = logging.getLogger(__name__)

# Each platform's lead time lives with it (`publisher.platforms.<name>.tokens`).
REFRESH = registry.refresh_rules()


def _request(channel: Channel, secrets: dict[str, Any]) -> PublishRequest:
    return PublishRequest(
        tenant_id=str(channel.tenant_id),
        delivery_id="",
        channel_id=str(channel.id),
        external_id=channel.external_id or "",
        credentials=secrets,
        config=dict(channel.config or {}),
        text="",
        media_urls=[],
        idempotency_key="",
        fingerprint="",
    )


async def refresh_locked(
    session: AsyncSession,
    vault: Sealer,
    adapter: Adapter,
    channel_id: uuid.UUID,
    margin: timedelta,
) -> dict[str, Any] | None:
    """The channel's current secrets, refreshed first if they expire within `margin`; None
    when the channel cannot publish (gone, not active, refused). Raises a retryable
    PlatformError when the platform could not answer."""
    channel = await repository.get(session, channel_id, lock=True)
    if channel is None or channel.status != "active" or channel.credentials is None:
        return None
    secrets = vault.open(channel.credentials)
    expires = channel.token_expires_at
    if expires is None or expires > datetime.now(UTC) + margin:
        return secrets  # someone refreshed it meanwhile, or it does not expire
    try:
        refreshed = await adapter.refresh(_request(channel, secrets))
    except PlatformError as error:
        if error.category not in (PERMANENT, REAUTH):
            TOKEN_REFRESHES.labels(channel.platform, "retry").inc()
            raise
        TOKEN_REFRESHES.labels(channel.platform, "refused").inc()
        await service.mark_needs_reauth(
            session, channel, f"the platform refused to refresh the token: {error.message}"
        )
        return None
    if refreshed is None:
        return secrets
    TOKEN_REFRESHES.labels(channel.platform, "ok").inc()
    channel.credentials = vault.seal(refreshed.credentials)
    channel.token_expires_at = refreshed.expires_at
    return refreshed.credentials


async def refresh_due(db: Database, vault: Sealer, adapters: dict[str, Adapter]) -> int:
    """Refresh every token of any tenant that expires within its platform's lead time (the
    job's body); how many channels were looked at."""
    now = datetime.now(UTC)
    async with db.transaction() as session:
        due = await repository.expiring(
            session, {platform: now + rule.ahead for platform, rule in REFRESH.items()}
        )
    for channel_id, tenant_id, platform in due:
        try:
            async with db.transaction(tenant_id) as session:
                await refresh_locked(
                    session, vault, adapters[platform], channel_id, REFRESH[platform].ahead
                )
        except (PlatformError, ValueError) as exc:  # transient, or sealed under a retired key
            log.warning(
                "token refresh postponed",
                extra={"channel": str(channel_id), "error": type(exc).__name__},
            )
    return len(due)
