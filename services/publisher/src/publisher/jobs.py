"""Scheduled work of the worker role: dispatch, campaigns' coming posts, reconciliation,
watchdog, token refresh, and the inbox's: threading stored events, reading polled channels'
mentions (each at its own pace), sending replies and settling those whose answer was lost.

The dispatcher and its HTTP client are made on the first run (never at import). Dispatch, the
threading of stored events and the sending of replies sleep until a commit gives them work
(`kit.jobs`, `wake`), or until their earliest known work comes due (`due`: a scheduled post, a
retry, a lapsed lease).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from kit.jobs import Job
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from publisher.channels import tokens
from publisher.dispatch import repository as deliveries
from publisher.dispatch.service import Dispatcher
from publisher.inbox import jobs as inbox
from publisher.inbox import polling, replies
from publisher.inbox import repository as inbox_repo
from publisher.insights import service as insights
from publisher.platforms import registry
from publisher.platforms.http import ClientPool, HttpClient
from publisher.scheduling import service as scheduling
from publisher.settings import PublisherSettings


def make_dispatcher(
    runtime: ServiceRuntime,
    settings: PublisherSettings,
    http: HttpClient,
    instances: HttpClient,
    media: HttpClient | None = None,
) -> Dispatcher:
    """A dispatcher on the jobs database (cross-tenant claims) with every platform adapter."""
    db = runtime.jobs_db
    adapters = registry.adapters(http, instances, settings, db, media)
    return Dispatcher(db, settings, Sealer.of(settings), adapters)


def jobs(runtime: ServiceRuntime, settings: PublisherSettings) -> list[Job]:
    """The publisher's jobs, sharing one lazily made dispatcher."""
    made: list[Dispatcher] = []

    def dispatcher() -> Dispatcher:
        if not made:
            concurrency, timeout = settings.dispatch_concurrency, settings.platform_timeout_seconds
            http = ClientPool.for_concurrency(concurrency, timeout)
            policy = OutboundPolicy.from_settings(runtime.settings)
            instances = ClientPool.for_concurrency(concurrency, timeout, policy)
            # A post's media: guarded too, with room for a photo's original or a short video.
            files = dataclasses.replace(policy, max_response_bytes=settings.media_max_bytes)
            media = ClientPool.for_concurrency(concurrency, settings.media_timeout_seconds, files)
            made.append(make_dispatcher(runtime, settings, http, instances, media))
        return made[0]

    async def dispatch() -> int:
        return await dispatcher().run_until_idle()

    async def dispatch_due() -> datetime | None:
        return await dispatcher().next_due()

    async def reconcile() -> int:
        return await dispatcher().reconcile_once()

    async def watchdog() -> int:
        return await dispatcher().watch_once()

    async def refresh_tokens() -> int:
        made = dispatcher()
        return await tokens.refresh_due(made.db, made.vault, made.adapters)

    async def campaigns() -> int:
        return await scheduling.advance_all(runtime.jobs_db, settings)

    async def ingest_inbox() -> int:
        return await inbox.ingest_once(runtime.jobs_db)

    async def events_due() -> datetime | None:
        return await inbox.waiting_since(runtime.jobs_db)

    async def purge_inbox() -> int:
        return await inbox.purge_once(runtime.jobs_db)

    inbox_http: list[tuple[ClientPool, ClientPool]] = []

    def inbox_clients() -> tuple[ClientPool, ClientPool]:
        """The inbox's clients, made on the first run (never at import): the platforms' own
        APIs, and Mastodon instances (user-supplied URLs) through the guard (`kit.outbound`)."""
        if not inbox_http:
            timeout = settings.platform_timeout_seconds
            guarded = OutboundPolicy.from_settings(runtime.settings)
            inbox_http.append(
                (
                    ClientPool.for_concurrency(4, timeout),
                    ClientPool.for_concurrency(4, timeout, guarded),
                )
            )
        return inbox_http[0]

    async def send_replies() -> bool:
        """Whether more may wait: a full batch. A reply left pending for a later try (a rate
        limit, a container being prepared) is `due` now, so it is tried after the job's
        `every_seconds` rather than over and over at once."""
        http, instances = inbox_clients()
        vault = Sealer.of(settings)
        db = runtime.jobs_db
        return await replies.send_once(db, vault, settings, http, instances=instances) >= (
            replies.BATCH
        )

    async def replies_due() -> datetime | None:
        return await replies.next_due(runtime.jobs_db)

    async def reconcile_replies() -> int:
        http, instances = inbox_clients()
        vault = Sealer.of(settings)
        return await replies.reconcile_once(runtime.jobs_db, vault, settings, http, instances)

    async def poll_inbox() -> int:
        http, instances = inbox_clients()
        vault = Sealer.of(settings)
        return await polling.poll_once(runtime.jobs_db, vault, settings, http, instances)

    async def polls_due() -> datetime | None:
        return await polling.next_due(runtime.jobs_db)

    return [
        Job(
            "dispatch",
            settings.dispatch_every_seconds,
            dispatch,
            wake=deliveries.CHANNEL,
            due=dispatch_due,
        ),
        Job("campaigns", settings.campaign_every_seconds, campaigns),
        Job(
            "inbox-ingest",
            settings.inbox_ingest_every_seconds,
            ingest_inbox,
            wake=inbox_repo.EVENTS_CHANNEL,
            due=events_due,
        ),
        Job(
            "inbox-replies",
            settings.inbox_ingest_every_seconds,
            send_replies,
            wake=inbox_repo.REPLIES_CHANNEL,
            due=replies_due,
        ),
        Job(
            "inbox-poll",
            min(settings.inbox_poll_every_seconds, 5.0),
            poll_inbox,
            wake=inbox_repo.POLLS_CHANNEL,
            due=polls_due,
        ),
        Job("inbox-reconcile", settings.reconcile_every_seconds, reconcile_replies),
        Job("inbox-retention", 3600.0, purge_inbox),
        Job("reconcile", settings.reconcile_every_seconds, reconcile),
        Job("watchdog", 60.0, watchdog),
        Job("refresh-tokens", settings.token_refresh_every_seconds, refresh_tokens),
        insights.job(runtime, settings),
    ]
