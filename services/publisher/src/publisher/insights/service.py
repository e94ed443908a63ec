"""The insight pulls (issue 5, analytics-links.md section 0.7): once a day every active channel's
account numbers, and every few hours those of posts published in the last 48 hours. Each pull is
sent to analytics as one `publisher.insights.collected.v1` through the outbox; the token stays
here. A retired metric is skipped by its adapter; a refused token or a throttled platform skips
the channel for this run and the job goes on with the others."""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from prometheus_client import Counter

from contracts.publisher import InsightReading, InsightsCollectedV1
from kit import outbound
from kit.db import Database
from kit.events import outbox
from kit.jobs import Job
from kit.outbound import OutboundPolicy, UrlRefused
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from publisher.dispatch.governor import Governor
from publisher.insights import repository as insights_repo
from publisher.platforms import registry
from publisher.platforms.base import Trace
from publisher.platforms.insights import (
    Account,
    InsightsError,
    Pull,
    RateLimited,
    TokenRejected,
)
from publisher.settings import PublisherSettings

log = logging.getLogger(__name__)

INSIGHT_PULLS = Counter(
    "machi_publisher_insight_pulls_total", "Channel insight pulls", ["platform", "outcome"]
)
# How long a throttled platform is left alone when it did not say (Meta sends no reset time).
DEFAULT_BACKOFF = timedelta(minutes=15)
CONCURRENCY = 8


async def fetch(
    http: httpx.AsyncClient,
    settings: PublisherSettings,
    account: Account,
    instances: httpx.AsyncClient | None = None,
) -> Pull:
    """Ask the channel's platform for its numbers, on the base URLs of the settings; a
    channel's own instance (user-supplied, Mastodon) only through `instances`, the guarded
    client of `kit.outbound`."""
    platform = registry.PLATFORMS.get(account.platform)
    if platform is None or platform.insights is None:
        raise InsightsError(f"no insights adapter for {account.platform}")
    if not platform.on_instance:
        return await platform.insights(http, settings, account)
    if instances is None:
        raise InsightsError("no guarded client for instance URLs")
    return await platform.insights(instances, settings, account)


PLATFORMS = registry.with_insights()


@dataclass(frozen=True)
class Target:
    tenant_id: uuid.UUID
    channel_id: uuid.UUID
    post_ids: tuple[str, ...] = ()


class Collector:
    """Pulls channels' numbers across tenants (jobs database) and publishes them."""

    def __init__(
        self,
        db: Database,
        settings: PublisherSettings,
        vault: Sealer,
        http: httpx.AsyncClient,
        instances: httpx.AsyncClient | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.vault = vault
        self.http = http
        self.instances = instances
        self.governor = Governor(db, settings.governor_slowdown_percent)
        self.last_daily: datetime | None = None

    async def run(self) -> int:
        """The job's body: the recent posts' pull, and the daily pull when a day has passed."""
        now = datetime.now(UTC)
        if self.last_daily is None or now - self.last_daily >= timedelta(days=1):
            self.last_daily = now
            return await self.collect(daily=True)
        return await self.collect(daily=False)

    async def collect(self, *, daily: bool) -> int:
        """Pull channels with posts of the last hours (with those posts), and with `daily`
        every other active channel too; how many channels' numbers were published."""
        since = datetime.now(UTC) - timedelta(hours=self.settings.insights_recent_hours)
        async with self.db.transaction() as session:
            recent = await insights_repo.recent_posts(session, since, PLATFORMS)
            channels = await insights_repo.active_channels(session, PLATFORMS) if daily else []
        targets = [Target(t, c, tuple(posts)) for (t, c), posts in recent.items()]
        targets += [Target(t, c) for t, c in channels if (t, c) not in recent]
        limit = asyncio.Semaphore(CONCURRENCY)

        async def guarded(target: Target) -> bool:
            async with limit:
                try:
                    return await self.pull(target)
                except Exception:
                    log.exception("insight pull failed", extra={"channel": str(target.channel_id)})
                    return False

        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(guarded(target)) for target in targets]
        return sum(1 for task in tasks if task.result())

    async def _account(self, target: Target) -> tuple[Account, str] | None:
        """What the platform needs to read the channel, and who owns it (town, shop, staff)."""
        async with self.db.transaction(target.tenant_id) as session:
            channel = await insights_repo.channel(session, target.channel_id)
            if channel is None or channel.status != "active" or not channel.credentials:
                return None
            try:
                secrets = self.vault.open(channel.credentials)
            except ValueError:  # sealed under a retired key: the dispatcher asks for reauth
                return None
            account = Account(
                platform=channel.platform,
                account_id=channel.external_id or "",
                token=str(secrets.get("access_token") or ""),
                post_ids=target.post_ids,
                base_url=str(channel.config.get("instance_url") or "") or None,
            )
            return account, channel.owner_kind

    async def pull(self, target: Target) -> bool:
        """One channel: read it (outside any transaction), then publish what was read."""
        found = await self._account(target)
        if found is None:
            return False
        account, owner_kind = found
        bucket = f"{account.platform}:account:{account.account_id}"
        if await self.governor.blocked_until([f"{account.platform}:app", bucket]):
            INSIGHT_PULLS.labels(account.platform, "blocked").inc()
            return False
        try:
            pulled = await fetch(self.http, self.settings, account, self.instances)
        except RateLimited as limited:
            wait = timedelta(seconds=limited.retry_after) if limited.retry_after else None
            until = datetime.now(UTC) + (wait or DEFAULT_BACKOFF)
            await self.governor.observe(Trace(blocks={bucket: until}))
            INSIGHT_PULLS.labels(account.platform, "rate_limited").inc()
            return False
        except TokenRejected:
            # Not a reauth verdict: an X token may just be due for the dispatcher's refresh.
            log.warning("insights token rejected", extra={"channel": str(target.channel_id)})
            INSIGHT_PULLS.labels(account.platform, "token_rejected").inc()
            return False
        except (InsightsError, httpx.HTTPError, UrlRefused, ValueError) as exc:
            log.warning(
                "insight pull refused",
                extra={"channel": str(target.channel_id), "error": type(exc).__name__},
            )
            INSIGHT_PULLS.labels(account.platform, "error").inc()
            return False
        event = InsightsCollectedV1(
            channel_id=target.channel_id,
            platform=account.platform,
            taken_at=datetime.now(UTC),
            owner_kind=owner_kind,
            readings=[
                InsightReading(
                    object_kind=r.object_kind,
                    object_id=r.object_id,
                    metric=r.metric,
                    value=r.value,
                    api_version=r.api_version,
                )
                for r in pulled.readings
            ],
            skipped=pulled.skipped,
        )
        async with self.db.transaction(target.tenant_id) as session:
            await outbox.add(session, event)
        INSIGHT_PULLS.labels(account.platform, "ok").inc()
        return True


def job(runtime: ServiceRuntime, settings: PublisherSettings) -> Job:
    """The `insights` job; its collector and HTTP client are made on the first run."""
    made: list[Collector] = []

    async def run() -> int:
        if not made:
            timeout = settings.platform_timeout_seconds
            http = httpx.AsyncClient(timeout=timeout)
            policy = OutboundPolicy.from_settings(runtime.settings)
            instances = outbound.client(policy, timeout=timeout)
            vault = Sealer.of(settings)
            made.append(Collector(runtime.jobs_db, settings, vault, http, instances))
        return await made[0].run()

    return Job("insights", settings.insights_every_seconds, run)
