"""The dispatcher: claims due deliveries of every tenant and publishes each in three phases.

prepare (media, containers; retried), commit (the irreversible call: one attempt, marked
`committing` in the database *before* it is made, so a worker that dies mid-call leaves a trace),
confirm (read-only; retried). A lost answer makes the delivery `unconfirmed`; reconciliation
settles it by asking the platform, or by resending with the platform's idempotency key, never by
reposting blindly (reference social-publishing.md sections 0.2, 0.4, 4.7). Never commits: every
transaction is opened on the jobs database by the job that calls it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from prometheus_client import Counter, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.publisher import DeliveryFailedV1, DeliveryPublishedV1, DeliveryUnconfirmedV1
from kit.db import Database
from kit.events import outbox
from publisher.channels import service as channels
from publisher.credentials import Vault
from publisher.dispatch import repository
from publisher.dispatch.governor import Governor
from publisher.models import Delivery, DeliveryAttempt
from publisher.platforms.base import (
    PERMANENT,
    QUOTA,
    REAUTH,
    RETRY,
    Adapter,
    OutcomeUnknown,
    PlatformError,
    Published,
    PublishRequest,
    fingerprint,
)
from publisher.posts import service as posts
from publisher.products import repository as products_repo
from publisher.settings import PublisherSettings

log = logging.getLogger(__name__)
T = TypeVar("T")

LATE_DELIVERIES = Gauge(
    "machi_publisher_late_deliveries", "Deliveries due but not picked up after the grace time"
)
DELIVERY_OUTCOMES = Counter(
    "machi_publisher_delivery_outcomes_total", "Delivery outcomes", ["platform", "outcome"]
)


@dataclass
class Work:
    """One claimed delivery, loaded and rendered in its tenant's transaction."""

    delivery_id: uuid.UUID
    tenant_id: uuid.UUID
    post_id: uuid.UUID
    channel_id: uuid.UUID
    platform: str
    attempts: int
    committed_before: bool
    request: PublishRequest
    token_expires_at: datetime | None = None
    # Attempt rows wait for the next state change, so they commit with it in one transaction.
    attempts_log: list[DeliveryAttempt] = field(default_factory=list)


class Dispatcher:
    """Publishes due deliveries; safe to run in several workers at once."""

    def __init__(
        self,
        db: Database,
        settings: PublisherSettings,
        vault: Vault,
        adapters: dict[str, Adapter],
        worker: str | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.vault = vault
        self.adapters = adapters
        self.worker = worker or f"dispatcher-{uuid.uuid4().hex[:8]}"
        self.governor = Governor(db, settings.governor_slowdown_percent)
        self.lease = timedelta(seconds=settings.dispatch_lease_seconds)

    async def run_once(self) -> int:
        """Claim one batch of due deliveries and publish them concurrently; how many claimed."""
        async with self.db.transaction() as session:
            claimed = await repository.claim_due(
                session,
                now=datetime.now(UTC),
                limit=self.settings.dispatch_batch_size,
                worker=self.worker,
                lease=self.lease,
            )
        await self._each(claimed, self.publish)
        return len(claimed)

    async def run_until_idle(self) -> int:
        """Batches until nothing is due (the job's body); how many were claimed."""
        total = 0
        while claimed := await self.run_once():
            total += claimed
        return total

    async def _each(
        self,
        items: list[tuple[uuid.UUID, uuid.UUID]],
        handle: Callable[[uuid.UUID, uuid.UUID], Awaitable[None]],
    ) -> None:
        limit = asyncio.Semaphore(self.settings.dispatch_concurrency)

        async def guarded(delivery_id: uuid.UUID, tenant_id: uuid.UUID) -> None:
            async with limit:
                try:
                    await handle(delivery_id, tenant_id)
                except Exception:
                    log.exception("delivery handling failed", extra={"delivery": str(delivery_id)})

        async with asyncio.TaskGroup() as group:
            for delivery_id, tenant_id in items:
                group.create_task(guarded(delivery_id, tenant_id))

    async def _load(self, delivery_id: uuid.UUID, tenant_id: uuid.UUID, state: str) -> Work | None:
        async with self.db.transaction(tenant_id) as session:
            delivery = await repository.get(session, delivery_id)
            if delivery is None or delivery.state != state:
                return None
            if state == "publishing" and delivery.claimed_by != self.worker:
                return None  # another worker took it over after our lease ran out
            channel = await channels.get(session, delivery.channel_id)
            post = await posts.get(session, delivery.post_id)
            text = posts.render(posts.text_for(post, channel.id), delivery.short_url)
            media = [str(m["url"]) for m in post.media or []]
            if not media and post.product_id:
                product = await products_repo.get(session, post.product_id)
                media = [str(u) for u in (product.media_urls if product else [])]
            try:
                secrets = self.vault.open(channel.credentials) if channel.credentials else {}
            except ValueError as exc:  # sealed under a key no longer configured
                await channels.mark_needs_reauth(session, channel, str(exc))
                await repository.set_state(
                    session, delivery.id, state="scheduled", lease_until=None
                )
                return None
            return Work(
                delivery_id=delivery.id,
                tenant_id=tenant_id,
                post_id=delivery.post_id,
                channel_id=channel.id,
                platform=channel.platform,
                attempts=delivery.attempts,
                committed_before=delivery.commit_started_at is not None,
                token_expires_at=channel.token_expires_at,
                request=PublishRequest(
                    tenant_id=str(tenant_id),
                    delivery_id=str(delivery.id),
                    channel_id=str(channel.id),
                    external_id=channel.external_id or "",
                    credentials=secrets,
                    config=dict(channel.config or {}),
                    text=text,
                    media_urls=media,
                    idempotency_key=str(delivery.idempotency_key),
                    fingerprint=delivery.fingerprint or fingerprint(text),
                    prepared=dict(delivery.prepared or {}),
                ),
            )

    async def publish(self, delivery_id: uuid.UUID, tenant_id: uuid.UUID) -> None:
        """Publish one claimed delivery through its three phases."""
        work = await self._load(delivery_id, tenant_id, "publishing")
        if work is None:
            return
        adapter = self.adapters[work.platform]
        blocked = await self.governor.blocked_until(adapter.rate_keys(work.request))
        if blocked is not None:
            await self._release(work, blocked, attempt_used=False)
            return
        try:
            await self._refresh_token(work, adapter)
            # An earlier commit got an error answer: make sure it did not land anyway.
            if (
                work.committed_before
                and not adapter.idempotent_commit
                and await self._found(work, adapter)
            ):
                return
            work.request.prepared = await self._phase(
                work, "prepare", adapter.prepare, self.settings.prepare_attempts
            )
        except PlatformError as error:
            await self._failed_call(work, error)
            return
        except Exception as exc:  # nothing was published yet: retry later, within the limit
            log.exception("prepare failed", extra={"delivery": str(work.delivery_id)})
            await self._failed_call(work, PlatformError(RETRY, f"{type(exc).__name__}: {exc}"))
            return
        await self._mark_committing(work)
        await self.commit(work, adapter)

    async def _refresh_token(self, work: Work, adapter: Adapter) -> None:
        """Refresh a token about to expire, and keep the new one sealed (Postiz's timer, done at
        the last moment instead)."""
        soon = datetime.now(UTC) + timedelta(seconds=self.settings.token_refresh_margin_seconds)
        if work.token_expires_at is None or work.token_expires_at > soon:
            return
        started = time.monotonic()
        try:
            refreshed = await adapter.refresh(work.request)
        except PlatformError as error:
            await self._attempt(work, "refresh", started, error=error)
            if error.category == PERMANENT:  # a dead refresh token: the admin reconnects
                error.category = REAUTH
            raise
        if refreshed is None:
            return
        await self._attempt(work, "refresh", started)
        work.request.credentials = refreshed.credentials
        async with self._transaction(work) as session:
            channel = await channels.get(session, work.channel_id)
            channel.credentials = self.vault.seal(refreshed.credentials)
            channel.token_expires_at = refreshed.expires_at

    async def commit(self, work: Work, adapter: Adapter) -> None:
        """The irreversible call, exactly one attempt; then confirm and record."""
        started = time.monotonic()
        try:
            published = await adapter.commit(work.request)
        except PlatformError as error:
            await self._attempt(work, "commit", started, error=error)
            await self._failed_call(work, error)
            return
        except (OutcomeUnknown, Exception) as exc:  # the call may have gone through
            await self._attempt(work, "commit", started, unknown=str(exc) or type(exc).__name__)
            await self._unconfirmed(work)
            return
        await self._attempt(work, "commit", started)
        await self._confirm_and_record(work, adapter, published)

    async def _confirm_and_record(self, work: Work, adapter: Adapter, published: Published) -> None:
        with contextlib.suppress(PlatformError):  # the post is out; the permalink can wait
            published = await self._phase(
                work,
                "confirm",
                lambda request: adapter.confirm(request, published),
                self.settings.confirm_attempts,
            )
        await self._published(work, published)

    async def _phase(
        self,
        work: Work,
        phase: str,
        call: Callable[[PublishRequest], Awaitable[T]],
        attempts: int,
    ) -> T:
        """A retryable phase: up to `attempts` calls with short backoff while it says retry."""
        for attempt in range(attempts):
            started = time.monotonic()
            try:
                result = await call(work.request)
            except PlatformError as error:
                await self._attempt(work, phase, started, error=error)
                if error.category != RETRY or attempt + 1 == attempts:
                    raise
                await asyncio.sleep(min(0.2 * 2**attempt, 2.0))
                continue
            if phase != "prepare" or result:
                await self._attempt(work, phase, started)
            return result
        raise AssertionError("unreachable")

    async def _found(self, work: Work, adapter: Adapter) -> bool:
        """True (and recorded as published) when the platform already has the delivery."""
        started = time.monotonic()
        try:
            found = await adapter.lookup(work.request)
        except PlatformError as error:
            await self._attempt(work, "reconcile", started, error=error)
            raise
        await self._attempt(work, "reconcile", started, note="found" if found else "absent")
        if found is None:
            return False
        await self._published(work, found)
        return True

    async def _attempt(
        self,
        work: Work,
        phase: str,
        started: float,
        *,
        error: PlatformError | None = None,
        unknown: str | None = None,
        note: str | None = None,
    ) -> None:
        trace = work.request.trace
        outcome = (
            "ok" if error is None and unknown is None else (error.category if error else "unknown")
        )
        row = DeliveryAttempt(
            id=uuid.uuid4(),
            tenant_id=work.tenant_id,
            delivery_id=work.delivery_id,
            phase=phase,
            outcome=outcome,
            http_status=error.http_status if error and error.http_status else trace.http_status,
            code=error.code if error else None,
            subcode=error.subcode if error else None,
            message=(error.message if error else unknown or note),
            duration_ms=int((time.monotonic() - started) * 1000),
            rate_limit=dict(trace.rate_headers),
            at=datetime.now(UTC),
        )
        work.attempts_log.append(row)
        await self.governor.observe(trace)
        trace.blocks.clear()
        trace.usage.clear()

    @contextlib.asynccontextmanager
    async def _transaction(self, work: Work) -> AsyncIterator[AsyncSession]:
        """The delivery's tenant transaction, carrying the attempts recorded since the last."""
        async with self.db.transaction(work.tenant_id) as session:
            session.add_all(work.attempts_log)
            yield session
        work.attempts_log.clear()

    async def _mark_committing(self, work: Work) -> None:
        async with self._transaction(work) as session:
            await repository.set_state(
                session,
                work.delivery_id,
                state="committing",
                commit_started_at=datetime.now(UTC),
                fingerprint=work.request.fingerprint,
                prepared=work.request.prepared,
                lease_until=datetime.now(UTC) + self.lease,
            )

    async def _release(self, work: Work, at: datetime, *, attempt_used: bool = True) -> None:
        """Back to the queue, due again at `at`."""
        async with self._transaction(work) as session:
            values: dict[str, Any] = {
                "state": "scheduled",
                "next_attempt_at": at,
                "lease_until": None,
            }
            if not attempt_used:
                values["attempts"] = max(work.attempts - 1, 0)
            await repository.set_state(session, work.delivery_id, **values)

    def _backoff(self, attempts: int) -> datetime:
        delay = self.settings.retry_base_seconds * 2 ** max(attempts - 1, 0)
        return datetime.now(UTC) + timedelta(seconds=delay)

    async def _failed_call(self, work: Work, error: PlatformError) -> None:
        """Retry later, stop the channel for reauth, or fail the delivery, by error class."""
        DELIVERY_OUTCOMES.labels(work.platform, error.category).inc()
        if error.category == RETRY and work.attempts < self.settings.retry_max_attempts:
            await self._release(work, error.retry_at or self._backoff(work.attempts))
            return
        if error.category == QUOTA and error.retry_at is not None:
            await self._release(work, error.retry_at)
            return
        async with self._transaction(work) as session:
            if error.category == REAUTH:
                channel = await channels.get(session, work.channel_id)
                await channels.mark_needs_reauth(session, channel, error.message)
            await repository.set_state(
                session,
                work.delivery_id,
                state="failed",
                error_category=error.category,
                error_message=error.message,
                lease_until=None,
            )
            await outbox.add(
                session,
                DeliveryFailedV1(
                    delivery_id=work.delivery_id,
                    post_id=work.post_id,
                    channel_id=work.channel_id,
                    platform=work.platform,
                    category=error.category,
                    reason=error.message,
                ),
            )
            await posts.refresh_status(session, work.post_id)

    async def _unconfirmed(self, work: Work) -> None:
        DELIVERY_OUTCOMES.labels(work.platform, "unconfirmed").inc()
        async with self._transaction(work) as session:
            await repository.set_state(
                session, work.delivery_id, state="unconfirmed", lease_until=None
            )
            await outbox.add(
                session,
                DeliveryUnconfirmedV1(
                    delivery_id=work.delivery_id,
                    post_id=work.post_id,
                    channel_id=work.channel_id,
                    platform=work.platform,
                ),
            )

    async def _published(self, work: Work, published: Published) -> None:
        DELIVERY_OUTCOMES.labels(work.platform, "published").inc()
        now = datetime.now(UTC)
        async with self._transaction(work) as session:
            delivery: Delivery | None = await repository.get(session, work.delivery_id)
            assert delivery is not None
            delivery.state = "published"
            delivery.platform_post_id = published.platform_post_id
            delivery.permalink = published.permalink
            delivery.published_at = now
            delivery.lease_until = None
            delivery.error_category = None
            delivery.error_message = None
            await outbox.add(
                session,
                DeliveryPublishedV1(
                    delivery_id=delivery.id,
                    post_id=delivery.post_id,
                    channel_id=delivery.channel_id,
                    platform=delivery.platform,
                    platform_post_id=published.platform_post_id,
                    permalink=published.permalink,
                    link_code=delivery.link_code,
                    product_id=delivery.product_id,
                    producer_id=delivery.producer_id,
                    campaign_id=delivery.campaign_id,
                    published_at=now,
                ),
            )
            await session.flush()
            await posts.refresh_status(session, work.post_id)

    async def reconcile_once(self) -> int:
        """Settle deliveries whose commit outcome is unknown; how many were looked at."""
        async with self.db.transaction() as session:
            claimed = await repository.claim_unsettled(
                session,
                now=datetime.now(UTC),
                limit=self.settings.dispatch_batch_size,
                lease=self.lease,
            )
        await self._each(claimed, self.reconcile)
        return len(claimed)

    async def reconcile(self, delivery_id: uuid.UUID, tenant_id: uuid.UUID) -> None:
        """Ask the platform; resend only under an idempotency key; requeue only when absent."""
        work = await self._load(delivery_id, tenant_id, "unconfirmed")
        if work is None:
            return
        adapter = self.adapters[work.platform]
        try:
            if await self._found(work, adapter):
                return
        except PlatformError:
            async with self._transaction(work):
                return  # could not ask: stay unconfirmed (the attempt is kept), ask next round
        if adapter.idempotent_commit:
            await self.commit(work, adapter)  # same key: the platform dedupes a repeat
            return
        async with self._transaction(work) as session:
            delivery = await repository.get(session, delivery_id)
            assert delivery is not None
            grace = timedelta(seconds=self.settings.reconcile_grace_seconds)
            started = delivery.commit_started_at or delivery.updated_at
            if datetime.now(UTC) - started < grace:
                return  # platforms can be slow to list a new post: ask again later
            # Checked and absent: publishing again is not blind.
            delivery.state = "scheduled"
            delivery.next_attempt_at = None
            delivery.lease_until = None

    async def watch_once(self) -> int:
        """Report deliveries due but not picked up after the grace time (metric)."""
        before = datetime.now(UTC) - timedelta(minutes=self.settings.late_after_minutes)
        async with self.db.transaction() as session:
            late = await repository.count_late(session, before=before)
        LATE_DELIVERIES.set(late)
        return late
