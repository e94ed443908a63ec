"""The dispatcher: claims due deliveries of every tenant and publishes each in three phases.

prepare (media, containers; retried), commit (the irreversible call: one attempt, marked
`committing` in the database *before* it is made, so a worker that dies mid-call leaves a trace),
confirm (read-only; retried). A lost answer makes the delivery `unconfirmed`; reconciliation
settles it by asking the platform, or by resending with the platform's idempotency key, never by
reposting blindly (reference social-publishing.md sections 0.2, 0.4, 4.7). Never commits: every
transaction is opened on the jobs database by the dispatcher or its group writer.

Throughput: one query claims a batch (FOR UPDATE SKIP LOCKED) and one loads it; deliveries then
run concurrently up to `dispatch_concurrency`, refilled as they finish; their `committing` marks
and their outcomes are written by group commit (`kit.groupcommit`), one transaction for
every delivery ready at that moment. The governor is read once per batch and decides per
bucket, so a block on one account never holds another.

Order and fairness (`Lanes`): one channel's deliveries go out one at a time, in due order (a
claim skips the channels this dispatcher has in hand); deliveries of different channels run
concurrently, at most `dispatch_platform_concurrency` per platform and
`dispatch_token_concurrency` per access token.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.publisher import DeliveryFailedV1, DeliveryPublishedV1, DeliveryUnconfirmedV1
from kit import tenancy
from kit.db import Database
from kit.events import outbox
from kit.events.envelope import EventPayload
from kit.groupcommit import GroupCommit
from kit.secrets import Sealer
from publisher.channels import service as channels
from publisher.channels import tokens
from publisher.dispatch import quotas, repository
from publisher.dispatch.governor import Governor
from publisher.dispatch.metrics import (
    DELIVERY_OUTCOMES,
    DISPATCH_LATENESS,
    LATE_DELIVERIES,
    RATE_LIMIT_WAITS,
)
from publisher.models import Channel, Delivery, Post, Product
from publisher.platforms import media as platform_media
from publisher.platforms.base import (
    PERMANENT,
    QUOTA,
    REAUTH,
    RETRY,
    Adapter,
    MediaItem,
    OutcomeUnknown,
    PlatformError,
    ProductCard,
    Published,
    PublishRequest,
    fingerprint,
)
from publisher.platforms.line import rules as line_rules
from publisher.posts import service as posts
from publisher.products import service as products
from publisher.settings import PublisherSettings

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = ["DELIVERY_OUTCOMES", "LATE_DELIVERIES", "Dispatcher", "Work"]


@dataclass
class Work:
    """One claimed delivery, loaded and rendered with its batch."""

    delivery_id: uuid.UUID
    tenant_id: uuid.UUID
    post_id: uuid.UUID
    channel_id: uuid.UUID
    platform: str
    attempts: int
    committed_before: bool
    request: PublishRequest
    due_at: datetime
    link_code: str | None = None
    product_id: uuid.UUID | None = None
    producer_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None
    token_expires_at: datetime | None = None
    started_at: datetime | None = None  # when its commit began (grace before a resend)
    # Attempt rows wait for the next state change, so they commit with it in one transaction.
    attempts_log: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Outcome:
    """Where a delivery goes next; `state` None only records its attempts."""

    work: Work
    state: str | None
    next_attempt_at: datetime | None = None
    attempts: int | None = None
    published: Published | None = None
    error: PlatformError | None = None
    published_at: datetime | None = None
    keep_lease: bool = False


class Dispatcher:
    """Publishes due deliveries; safe to run in several workers at once."""

    def __init__(
        self,
        db: Database,
        settings: PublisherSettings,
        vault: Sealer,
        adapters: dict[str, Adapter],
        worker: str | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.vault = vault
        self.adapters = adapters
        self.worker = worker or f"dispatcher-{uuid.uuid4().hex[:8]}"
        self.governor = Governor(db, settings.governor_slowdown_percent)
        self.quotas = quotas.Counters()
        self.lease = timedelta(seconds=settings.dispatch_lease_seconds)
        self._marks: GroupCommit[tuple[Work, dict[str, Any]], bool] = GroupCommit(
            db, self._apply_marks
        )
        self._outcomes: GroupCommit[Outcome, None] = GroupCommit(db, self._apply_outcomes)

    # -- claiming ---------------------------------------------------------------------------

    async def _claim(
        self, limit: int, skip_channels: set[uuid.UUID] | frozenset[uuid.UUID] = frozenset()
    ) -> list[Work]:
        """One batch: claim, load with channels and posts, read its rate buckets and quotas;
        none of the channels in `skip_channels` (whose earlier deliveries are in hand)."""
        now = datetime.now(UTC)
        async with self.db.transaction() as session:
            claimed = await repository.claim_due(
                session,
                now=now,
                limit=limit,
                worker=self.worker,
                lease=self.lease,
                skip_channels=skip_channels,
            )
            return await self._prepare_batch(session, [d for d, _ in claimed])

    async def _prepare_batch(self, session: AsyncSession, ids: list[uuid.UUID]) -> list[Work]:
        rows = await repository.load(session, ids)
        wanted = {p.product_id for _, _, p in rows if p.product_id}
        # One read of the batch's products serves their pictures, their stop and their cards.
        known = await repository.products(session, wanted)
        media = {pid: _pictures(product) for pid, product in known.items()}
        stopped = _products_stopped(known, wanted)
        works: list[Work] = []
        unreadable: list[Outcome] = []
        for delivery, channel, post in rows:
            reason = stopped.get(post.product_id) if post.product_id else None
            if reason is not None:  # nothing is called: the post would sell what cannot be had
                work = self._work(delivery, channel, post, media, known, credentials={})
                work.attempts_log.append(_note(work, "prepare", "skipped", reason))
                unreadable.append(Outcome(work, "skipped", error=PlatformError(PERMANENT, reason)))
                continue
            try:
                works.append(self._work(delivery, channel, post, media, known))
            except ValueError as exc:  # sealed under a key no longer configured
                work = self._work(delivery, channel, post, media, known, credentials={})
                work.attempts_log.append(_note(work, "prepare", "reauth", str(exc)))
                unreadable.append(Outcome(work, "scheduled", error=PlatformError(REAUTH, str(exc))))
        keys = [k for w in works for k in self.adapters[w.platform].rate_keys(w.request)]
        await self.governor.preload(session, keys)
        await self.quotas.preload(session, [(w.platform, w.request.external_id) for w in works])
        if unreadable:
            await self._apply_outcomes(session, unreadable)
        return works

    def _work(
        self,
        delivery: Delivery,
        channel: Channel,
        post: Post,
        media: dict[uuid.UUID, list[dict[str, Any]]],
        cards: dict[uuid.UUID, Product],
        credentials: dict[str, Any] | None = None,
    ) -> Work:
        text = posts.render(posts.text_for(post, channel.id), delivery.short_url)
        pictures = media.get(post.product_id, []) if post.product_id else []
        described = platform_media.with_catalog_alt([dict(m) for m in post.media or []], pictures)
        if not described:
            described = pictures
        language = platform_media.language_of(text)
        rendition = (post.renditions or {}).get(channel.platform)
        rendition = rendition or self.adapters[channel.platform].rules.rendition
        sent = [
            platform_media.chosen(item, rendition)
            for item in platform_media.items(described, language)
        ]
        if credentials is None:
            credentials = self.vault.open(channel.credentials) if channel.credentials else {}
        carded = _carded(delivery)
        product = cards.get(carded) if carded else None
        return Work(
            delivery_id=delivery.id,
            tenant_id=delivery.tenant_id,
            post_id=delivery.post_id,
            channel_id=channel.id,
            platform=channel.platform,
            attempts=delivery.attempts,
            committed_before=delivery.commit_started_at is not None,
            due_at=delivery.due_at,
            link_code=delivery.link_code,
            product_id=delivery.product_id,
            producer_id=delivery.producer_id,
            campaign_id=delivery.campaign_id,
            token_expires_at=channel.token_expires_at,
            started_at=delivery.commit_started_at or delivery.updated_at,
            request=PublishRequest(
                tenant_id=str(delivery.tenant_id),
                delivery_id=str(delivery.id),
                channel_id=str(channel.id),
                external_id=channel.external_id or "",
                credentials=credentials,
                config=dict(channel.config or {}),
                text=text,
                media_urls=[item.url for item in sent],
                idempotency_key=str(delivery.idempotency_key),
                fingerprint=delivery.fingerprint or fingerprint(text),
                prepared=dict(delivery.prepared or {}),
                media=sent,
                language=language,
                card=_card(product, sent, delivery.short_url, language) if product else None,
                saver=lambda prepared: self._save_prepared(delivery.id, prepared),
            ),
        )

    async def _save_prepared(self, delivery_id: uuid.UUID, prepared: dict[str, Any]) -> None:
        """Persist an upload id the moment prepare has it (`PublishRequest.save`)."""
        async with self.db.transaction() as session:
            await repository.save_prepared(session, delivery_id, prepared, worker=self.worker)

    # -- running ----------------------------------------------------------------------------

    async def run_once(self) -> int:
        """Claim one batch of due deliveries and publish them concurrently; how many claimed."""
        works = await self._claim(self.settings.dispatch_batch_size)
        limit = asyncio.Semaphore(self.settings.dispatch_concurrency)

        async def bounded(work: Work) -> None:
            async with limit:
                await self._guarded(self.publish, work)

        await asyncio.gather(*(bounded(w) for w in works))
        return len(works)

    async def run_until_idle(self) -> int:
        """Publish until nothing is due, keeping `dispatch_concurrency` deliveries in flight and
        claiming more as they finish (the job's body); how many were claimed. One channel's
        deliveries run one after the other, in due order (`Lanes`)."""
        concurrency = self.settings.dispatch_concurrency
        refill = max(1, min(self.settings.dispatch_batch_size, concurrency) // 4)
        lanes = Lanes(
            concurrency,
            self.settings.dispatch_platform_concurrency,
            self.settings.dispatch_token_concurrency,
        )
        running: dict[asyncio.Task[None], Work] = {}
        total = 0
        exhausted = False
        try:
            while True:
                # Deliveries waiting behind their channel's do not hold other channels back,
                # but no more than `concurrency` of them are held at once.
                free = min(concurrency - len(running), concurrency - lanes.waiting)
                # Once nothing more was due, let what runs finish before asking again.
                if not running or (not exhausted and free >= refill):
                    want = max(1, min(free, self.settings.dispatch_batch_size))
                    works = await self._claim(want, skip_channels=lanes.channels)
                    total += len(works)
                    exhausted = len(works) < want
                    for work in works:
                        lanes.add(work)
                for work in lanes.startable():
                    running[asyncio.create_task(self._guarded(self.publish, work))] = work
                if not running:
                    return total
                done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    lanes.finished(running.pop(task))
        finally:
            for task in running:  # a cancelled worker stops its deliveries where they are
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)

    async def _guarded(self, handle: Callable[[Work], Awaitable[None]], work: Work) -> None:
        try:
            await handle(work)
        except Exception:
            log.exception("delivery handling failed", extra={"delivery": str(work.delivery_id)})

    # -- one delivery -----------------------------------------------------------------------

    async def publish(self, work: Work) -> None:
        """Publish one claimed delivery through its three phases."""
        adapter = self.adapters[work.platform]
        held = self.governor.held_until(adapter.rate_keys(work.request))
        reason = "rate_limit"
        if held is None:
            held = self.quotas.held_until(work.platform, work.request.external_id)
            reason = "known_quota"
        if held is not None:
            RATE_LIMIT_WAITS.labels(work.platform, reason).inc()
            await self._record(
                Outcome(work, "scheduled", next_attempt_at=held, attempts=work.attempts - 1)
            )
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
        if not await self._mark_committing(work):
            return  # our lease ran out and another worker holds it now
        self.quotas.spend(work.platform, work.request.external_id)
        await self.commit(work, adapter)

    async def _refresh_token(self, work: Work, adapter: Adapter) -> None:
        """Refresh a token about to expire at the last moment (the refresh job usually did it
        already); a refusal stops the channel and fails the delivery for reauth."""
        margin = timedelta(seconds=self.settings.token_refresh_margin_seconds)
        if work.token_expires_at is None or work.token_expires_at > datetime.now(UTC) + margin:
            return
        started = time.monotonic()
        try:
            async with self.db.transaction(work.tenant_id) as session:
                secrets = await tokens.refresh_locked(
                    session, self.vault, adapter, work.channel_id, margin
                )
        except PlatformError as error:
            await self._attempt(work, "refresh", started, error=error)
            raise
        await self._attempt(work, "refresh", started)
        if secrets is None:
            raise PlatformError(REAUTH, "the channel needs to be reconnected")
        work.request.credentials = secrets

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
        accepted = published
        with contextlib.suppress(PlatformError):  # the post is out; the permalink can wait
            published = await self._phase(
                work,
                "confirm",
                lambda request: adapter.confirm(request, accepted),
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
                # A wait the platform announced (a rate-limit reset) is not spent retrying now.
                if error.category != RETRY or error.retry_at is not None or attempt + 1 == attempts:
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
        """Keep the attempt for the next write; blocks its answer announced go to the governor."""
        trace = work.request.trace
        outcome = (
            "ok" if error is None and unknown is None else (error.category if error else "unknown")
        )
        work.attempts_log.append(
            {
                "id": uuid.uuid4(),
                "tenant_id": work.tenant_id,
                "delivery_id": work.delivery_id,
                "phase": phase,
                "outcome": outcome,
                "http_status": error.http_status
                if error and error.http_status
                else trace.http_status,
                "code": error.code if error else None,
                "subcode": error.subcode if error else None,
                "message": error.message if error else unknown or note,
                "duration_ms": int((time.monotonic() - started) * 1000),
                "rate_limit": dict(trace.rate_headers),
                "at": datetime.now(UTC),
            }
        )
        if trace.blocks or trace.usage:  # only a block is ever written: usually no query
            await self.governor.observe(trace)
            trace.blocks.clear()
            trace.usage.clear()

    # -- writes -----------------------------------------------------------------------------

    async def _mark_committing(self, work: Work) -> bool:
        """Durable before the platform is called: a dead worker leaves `committing` behind."""
        now = datetime.now(UTC)
        values = {
            "id": work.delivery_id,
            "at": now,
            "lease": now + self.lease,
            "fingerprint": work.request.fingerprint,
            "prepared": work.request.prepared,
        }
        ours = await self._marks.submit((work, values))
        work.attempts_log.clear()
        return ours

    async def _apply_marks(
        self, session: AsyncSession, items: list[tuple[Work, dict[str, Any]]]
    ) -> list[bool]:
        ours = await repository.lock_claimed(
            session, [w.delivery_id for w, _ in items], worker=self.worker
        )
        await repository.add_attempts(session, [a for w, _ in items for a in w.attempts_log])
        await repository.mark_committing(
            session, [values for w, values in items if w.delivery_id in ours]
        )
        return [w.delivery_id in ours for w, _ in items]

    async def _record(self, outcome: Outcome) -> None:
        await self._outcomes.submit(outcome)
        outcome.work.attempts_log.clear()

    def _backoff(self, attempts: int) -> datetime:
        delay = self.settings.retry_base_seconds * 2 ** max(attempts - 1, 0)
        return datetime.now(UTC) + timedelta(seconds=delay)

    async def _failed_call(self, work: Work, error: PlatformError) -> None:
        """Retry later, stop the channel for reauth, or fail the delivery, by error class."""
        DELIVERY_OUTCOMES.labels(work.platform, error.category).inc()
        if error.category == RETRY and work.attempts < self.settings.retry_max_attempts:
            if error.retry_at is not None:
                RATE_LIMIT_WAITS.labels(work.platform, "platform").inc()
            at = error.retry_at or self._backoff(work.attempts)
            await self._record(Outcome(work, "scheduled", next_attempt_at=at, error=error))
            return
        if error.category == QUOTA and error.retry_at is not None:
            RATE_LIMIT_WAITS.labels(work.platform, "quota").inc()
            await self._record(
                Outcome(work, "scheduled", next_attempt_at=error.retry_at, error=error)
            )
            return
        await self._record(Outcome(work, "failed", error=error))

    async def _unconfirmed(self, work: Work) -> None:
        DELIVERY_OUTCOMES.labels(work.platform, "unconfirmed").inc()
        await self._record(Outcome(work, "unconfirmed"))

    async def _published(self, work: Work, published: Published) -> None:
        DELIVERY_OUTCOMES.labels(work.platform, "published").inc()
        now = datetime.now(UTC)
        DISPATCH_LATENESS.labels(work.platform).observe(max((now - work.due_at).total_seconds(), 0))
        await self._record(Outcome(work, "published", published=published, published_at=now))

    async def _apply_outcomes(self, session: AsyncSession, items: list[Outcome]) -> list[None]:
        """Every outcome of the group: attempts, delivery rows, events, channels, post statuses."""
        await repository.add_attempts(session, [a for o in items for a in o.work.attempts_log])
        changes = [o for o in items if o.state is not None]
        await repository.record_outcomes(session, [self._row(o) for o in changes])
        if any(o.state == "scheduled" for o in changes):  # a retry, or a requeue (reconcile)
            await repository.wake_dispatcher(session)
        for outcome in changes:
            event = self._event(outcome)
            if event is not None:
                await outbox.add(session, event, tenant_id=outcome.work.tenant_id)
        for outcome in changes:
            if outcome.error is not None and outcome.error.category == REAUTH:
                await tenancy.set_tenant(session, outcome.work.tenant_id)
                channel = await channels.get(session, outcome.work.channel_id)
                await channels.mark_needs_reauth(session, channel, outcome.error.message)
        settled = [o.work.post_id for o in changes if o.state in ("published", "failed", "skipped")]
        await posts.refresh_statuses(session, settled)
        return [None] * len(items)

    def _row(self, outcome: Outcome) -> dict[str, Any]:
        work, error = outcome.work, outcome.error
        failed = outcome.state == "failed"
        said = failed or outcome.state == "skipped"  # a skipped one keeps why, as a failure
        return {
            "id": work.delivery_id,
            "state": outcome.state,
            "next_attempt_at": outcome.next_attempt_at,
            "lease_until": datetime.now(UTC) + self.lease if outcome.keep_lease else None,
            "attempts": work.attempts if outcome.attempts is None else max(outcome.attempts, 0),
            "platform_post_id": outcome.published.platform_post_id if outcome.published else None,
            "permalink": outcome.published.permalink if outcome.published else None,
            "published_at": outcome.published_at,
            "error_category": error.category if failed and error else None,
            "error_message": error.message if said and error else None,
        }

    def _event(self, outcome: Outcome) -> EventPayload | None:
        work = outcome.work
        if outcome.state == "failed" and outcome.error is not None:
            return DeliveryFailedV1(
                delivery_id=work.delivery_id,
                post_id=work.post_id,
                channel_id=work.channel_id,
                platform=work.platform,
                category=outcome.error.category,
                reason=outcome.error.message,
            )
        if outcome.state == "unconfirmed":
            return DeliveryUnconfirmedV1(
                delivery_id=work.delivery_id,
                post_id=work.post_id,
                channel_id=work.channel_id,
                platform=work.platform,
            )
        if outcome.state == "published" and outcome.published is not None:
            assert outcome.published_at is not None
            return DeliveryPublishedV1(
                delivery_id=work.delivery_id,
                post_id=work.post_id,
                channel_id=work.channel_id,
                platform=work.platform,
                platform_post_id=outcome.published.platform_post_id,
                permalink=outcome.published.permalink,
                link_code=work.link_code,
                product_id=work.product_id,
                producer_id=work.producer_id,
                campaign_id=work.campaign_id,
                published_at=outcome.published_at,
            )
        return None

    async def next_due(self) -> datetime | None:
        """When the earliest delivery not due yet comes due (the dispatch job's `due`)."""
        async with self.db.transaction() as session:
            return await repository.next_due(session)

    # -- reconciliation and watchdog ----------------------------------------------------------

    async def reconcile_once(self) -> int:
        """Settle deliveries whose commit outcome is unknown; how many were looked at."""
        async with self.db.transaction() as session:
            claimed = await repository.claim_unsettled(
                session,
                now=datetime.now(UTC),
                limit=self.settings.dispatch_batch_size,
                lease=self.lease,
            )
            works = await self._prepare_batch(session, [d for d, _ in claimed])
        limit = asyncio.Semaphore(self.settings.dispatch_concurrency)

        async def bounded(work: Work) -> None:
            async with limit:
                await self._guarded(self.reconcile, work)

        await asyncio.gather(*(bounded(w) for w in works))
        return len(claimed)

    async def reconcile(self, work: Work) -> None:
        """Ask the platform; resend only under an idempotency key; requeue only when absent."""
        adapter = self.adapters[work.platform]
        try:
            if await self._found(work, adapter):
                return
        except PlatformError:
            # Could not ask: stay unconfirmed (the attempt is kept), ask after the lease.
            await self._record(Outcome(work, None))
            return
        if adapter.idempotent_commit:
            await self.commit(work, adapter)  # same key: the platform dedupes a repeat
            return
        grace = timedelta(seconds=self.settings.reconcile_grace_seconds)
        if work.started_at is not None and datetime.now(UTC) - work.started_at < grace:
            # Platforms can be slow to list a new post: ask again after the lease.
            await self._record(Outcome(work, "unconfirmed", keep_lease=True))
            return
        # Checked and absent: publishing again is not blind.
        await self._record(Outcome(work, "scheduled"))

    async def watch_once(self) -> int:
        """Report deliveries due but not picked up after the grace time (metric)."""
        before = datetime.now(UTC) - timedelta(minutes=self.settings.late_after_minutes)
        async with self.db.transaction() as session:
            late = await repository.count_late(session, before=before)
        LATE_DELIVERIES.set(late)
        return late


class Lanes:
    """Claimed deliveries waiting to start: one at a time per channel, in the order claimed
    (due order), and within the limits per platform and per access token."""

    def __init__(self, total: int, per_platform: dict[str, int], per_token: int) -> None:
        self.total = total
        self.per_platform = per_platform
        self.per_token = per_token
        self._queue: list[Work] = []
        self._busy: set[uuid.UUID] = set()  # channels with a delivery in flight
        self._platforms: dict[str, int] = {}
        self._tokens: dict[str, int] = {}
        # The token each delivery in flight counts against, as it was when it started: the
        # delivery may refresh its channel's token on the way (X), and must give back the
        # same slot it took.
        self._held: dict[uuid.UUID, str] = {}

    @property
    def waiting(self) -> int:
        return len(self._queue)

    @property
    def channels(self) -> set[uuid.UUID]:
        """Channels with a delivery in hand (in flight or waiting)."""
        return self._busy | {w.channel_id for w in self._queue}

    def add(self, work: Work) -> None:
        if any(w.delivery_id == work.delivery_id for w in self._queue):
            return  # already in hand
        self._queue.append(work)

    def startable(self) -> list[Work]:
        """Take the waiting deliveries that may start now, earliest first."""
        started: list[Work] = []
        passed: set[uuid.UUID] = set()  # a channel's later deliveries wait for its first
        for work in list(self._queue):
            if work.channel_id in self._busy or work.channel_id in passed:
                passed.add(work.channel_id)
                continue
            platform_limit = self.per_platform.get(work.platform, self.total)
            token = _token_key(work)
            if (
                self._platforms.get(work.platform, 0) >= platform_limit
                or self._tokens.get(token, 0) >= self.per_token
            ):
                passed.add(work.channel_id)
                continue
            self._queue.remove(work)
            self._busy.add(work.channel_id)
            self._platforms[work.platform] = self._platforms.get(work.platform, 0) + 1
            self._tokens[token] = self._tokens.get(token, 0) + 1
            self._held[work.delivery_id] = token
            started.append(work)
        return started

    def finished(self, work: Work) -> None:
        self._busy.discard(work.channel_id)
        self._platforms[work.platform] -= 1
        token = self._held.pop(work.delivery_id)
        self._tokens[token] -= 1
        if not self._tokens[token]:
            del self._tokens[token]  # refreshed tokens' keys do not pile up


def _token_key(work: Work) -> str:
    """The access token a delivery is sent with (its channel when it has none), as a digest."""
    token = work.request.credentials.get("access_token") or str(work.channel_id)
    return hashlib.sha256(f"{work.platform}:{token}".encode()).hexdigest()


async def link_refused(session: AsyncSession, code: str, reason: str) -> None:
    """A delivery whose tracked link analytics refused fails permanently with a plain reason (a
    printed link must never 404, so it is never published without one)."""
    delivery = await repository.by_link_code(session, code)
    if delivery is None or delivery.state != "scheduled" or delivery.link_ready:
        return  # a link another service asked for, or one that exists after all
    message = f"its tracked link could not be created: {reason}"
    delivery.state = "failed"
    delivery.error_category = PERMANENT
    delivery.error_message = message
    delivery.lease_until = None
    DELIVERY_OUTCOMES.labels(delivery.platform, PERMANENT).inc()
    await outbox.add(
        session,
        DeliveryFailedV1(
            delivery_id=delivery.id,
            post_id=delivery.post_id,
            channel_id=delivery.channel_id,
            platform=delivery.platform,
            category=PERMANENT,
            reason=message,
        ),
    )
    await session.flush()
    await posts.refresh_status(session, delivery.post_id)


def _products_stopped(
    found: dict[uuid.UUID, Product], product_ids: set[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """Why a delivery about each product must not go out (archived, sold out) at send time, for
    those that must not."""
    reasons = {pid: products.unavailable(found.get(pid)) for pid in product_ids}
    return {pid: reason for pid, reason in reasons.items() if reason is not None}


def _pictures(product: Product) -> list[dict[str, Any]]:
    """A product's pictures: the web rendition with its alt text per language (else the bare
    URLs of older events), for posts that carry none of their own, and the alt text of those
    that show one of them without any."""
    described = [
        {"url": p["urls"].get("web") or next(iter(p["urls"].values())), "alt": p.get("alt")}
        for p in product.media or []
        if p.get("urls")
    ]
    return described or [{"url": str(u)} for u in product.media_urls or []]


def _carded(delivery: Delivery) -> uuid.UUID | None:
    """The product of a delivery scheduled to go out as its card (`posts.service._card`)."""
    return delivery.product_id if (delivery.prepared or {}).get(line_rules.CARD_KEY) else None


def _card(product: Product, sent: list[MediaItem], link: str | None, language: str) -> ProductCard:
    """The product in the post's language, priced as the town prints it, with the post's first
    photo and its tracked link."""
    photo = next((m.url for m in sent if m.kind == platform_media.IMAGE), None)
    return ProductCard(
        name=products.localized(product.name, language),
        price=products.price_text(product),
        image_url=photo,
        link=link,
        language=language,
    )


def _note(work: Work, phase: str, outcome: str, message: str) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "tenant_id": work.tenant_id,
        "delivery_id": work.delivery_id,
        "phase": phase,
        "outcome": outcome,
        "http_status": None,
        "code": None,
        "subcode": None,
        "message": message,
        "duration_ms": 0,
        "rate_limit": {},
        "at": datetime.now(UTC),
    }
