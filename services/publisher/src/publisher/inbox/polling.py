"""The worker's reads of the platforms that have no webhook for a town's mentions (X, Mastodon).

Each connected channel is read at its own pace (`inbox_poll_every_seconds`), from where its last
read ended (its cursor, `inbox_polls`). What a read brings is stored exactly as a webhook's
events are (`service.store_polled`: one row per platform id, a repeat adds nothing), in the same
transaction that moves the cursor, and threaded by the same `inbox-ingest` job, so routing rules,
retention and erasure apply unchanged. The platforms' limits are kept in the shared rate-limit
governor: a channel whose bucket is blocked is not read before the block ends, and a 429 (or a
window with nothing left) blocks it until the reset the platform announced. Message text never
reaches the logs.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from kit.db import Database
from kit.outbound import UrlRefused
from kit.secrets import Sealer
from publisher.dispatch.governor import Governor
from publisher.inbox import mastodon, service, x
from publisher.inbox import repository as inbox_repo
from publisher.inbox.events import Polled
from publisher.models import Channel
from publisher.platforms.http import HttpClient
from publisher.settings import PublisherSettings

log = logging.getLogger(__name__)
PLATFORMS = inbox_repo.POLLED_PLATFORMS


@dataclass(frozen=True)
class Target:
    """One channel's read, as claimed: where, as whom, from which cursor."""

    channel_id: uuid.UUID
    tenant_id: uuid.UUID
    platform: str
    account: str
    token: str
    instance: str
    cursor: str | None

    @property
    def bucket(self) -> str:
        if self.platform == "x":
            return x.mentions_bucket(self.account)
        return mastodon.bucket(self.instance, self.account)


async def poll_once(
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    http: HttpClient,
    instances: HttpClient,
    limit: int = 50,
) -> int:
    """Read every polled channel whose turn has come (the job's body); how many new events."""
    governor = Governor(db, settings.governor_slowdown_percent)
    async with db.transaction() as session:
        due = await inbox_repo.channels_to_poll(session, PLATFORMS, datetime.now(UTC), limit)
    stored = 0
    for channel_id, tenant_id in due:
        try:
            stored += await _poll(
                db, vault, settings, http, instances, governor, channel_id, tenant_id
            )
        except Exception as exc:  # one channel's failure must not stop the others
            log.warning(
                "inbox poll failed",
                extra={"channel": str(channel_id), "error": type(exc).__name__},
            )
    return stored


async def next_due(db: Database) -> datetime | None:
    """When the job has a channel to read next (the runner sleeps until then, or until a channel
    is connected); None: no channel to read."""
    async with db.transaction() as session:
        return await inbox_repo.next_poll_at(session, PLATFORMS)


async def _claim(
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    channel_id: uuid.UUID,
    tenant_id: uuid.UUID,
) -> Target | None:
    """Take the channel's turn (its next read moves a full pace ahead) and what the read needs."""
    now = datetime.now(UTC)
    async with db.transaction(tenant_id) as session:
        channel = await session.get(Channel, channel_id)
        if channel is None or channel.status != "active" or channel.credentials is None:
            return None
        poll = await inbox_repo.poll_of(session, channel_id, tenant_id, now)
        if poll.next_poll_at > now:
            return None  # read by another worker meanwhile
        poll.next_poll_at = now + timedelta(seconds=settings.inbox_poll_every_seconds)
        secrets = vault.open(channel.credentials)
        return Target(
            channel_id=channel_id,
            tenant_id=tenant_id,
            platform=channel.platform,
            account=channel.external_id or "",
            token=str(secrets.get("access_token") or ""),
            instance=str((channel.config or {}).get("instance_url") or ""),
            cursor=poll.cursor,
        )


async def _read(
    settings: PublisherSettings, http: HttpClient, instances: HttpClient, target: Target
) -> Polled:
    """One read of the platform; a failure to reach it is an error, never an exception."""
    try:
        if target.platform == "x":
            return await x.poll(
                http,
                settings.x_api_url,
                target.channel_id,
                target.account,
                target.token,
                target.cursor,
            )
        return await mastodon.poll(
            instances,
            target.instance,
            target.channel_id,
            target.account,
            target.token,
            target.cursor,
        )
    except UrlRefused as exc:  # the instance's address aims inside (`kit.outbound`)
        return Polled([], target.cursor, None, exc.detail)
    except (httpx.HTTPError, ValueError) as exc:
        return Polled([], target.cursor, None, type(exc).__name__)


async def _poll(
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    http: HttpClient,
    instances: HttpClient,
    governor: Governor,
    channel_id: uuid.UUID,
    tenant_id: uuid.UUID,
) -> int:
    target = await _claim(db, vault, settings, channel_id, tenant_id)
    if target is None or not target.account:
        return 0
    held = await governor.blocked_until([target.bucket])
    if held is not None:
        await _record(db, target, Polled([], target.cursor, held), vault, read=False)
        return 0
    polled = await _read(settings, http, instances, target)
    if polled.blocked_until is not None:
        await governor.block({target.bucket: polled.blocked_until})
    return await _record(db, target, polled, vault)


async def _record(
    db: Database, target: Target, polled: Polled, vault: Sealer, *, read: bool = True
) -> int:
    """Store what the read brought and move the cursor, in one transaction; a wait the platform
    asked for puts the next read after it."""
    now = datetime.now(UTC)
    async with db.transaction(target.tenant_id) as session:
        poll = await inbox_repo.poll_of(session, target.channel_id, target.tenant_id, now)
        accepted = await service.store_polled(session, vault, target.platform, polled.received)
        poll.cursor = polled.cursor
        if read:
            poll.error = polled.error
            poll.polled_at = now
        if polled.blocked_until is not None and polled.blocked_until > poll.next_poll_at:
            poll.next_poll_at = polled.blocked_until
        if polled.error:
            log.info(
                "inbox poll refused",
                extra={"channel": str(target.channel_id), "platform": target.platform},
            )
        return accepted.received
