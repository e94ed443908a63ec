"""The sender: posts each due delivery, signed, to its endpoint through `kit.outbound`.

A batch is claimed (leased) in one short transaction, sent without holding it, and each
outcome recorded in its own. A 2xx is success; anything else, a redirect included (never
followed), is a failure retried with exponential backoff (`WebhookSettings.retry_delay`) until
`webhook_max_attempts`, after which the delivery is failed and its endpoint disabled with a
notice. A crash between sending and recording sends again after the lease, with the same
`webhook-id`, which receivers use to drop the duplicate (Standard Webhooks, "idempotency").
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from gateway.webhooks import repository, signing
from gateway.webhooks.settings import WebhookSettings
from kit import outbound
from kit.db import Database
from kit.jobs import Job
from kit.secrets import Sealer

log = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 64 * 1024  # only the status is kept; the body is never read
LEASE_MARGIN_SECONDS = 30


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Attempt:
    """What one attempt needs, read while the batch was claimed."""

    delivery_id: uuid.UUID
    webhook_id: str
    url: str
    secret: bytes  # sealed
    body: dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class WebhookSender:
    """Sends due deliveries; `clock` is replaceable so tests walk the retry schedule."""

    def __init__(
        self,
        db: Database,
        sealer: Sealer,
        policy: outbound.OutboundPolicy,
        settings: WebhookSettings,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._db = db
        self._sealer = sealer
        self._policy = dataclasses.replace(policy, max_response_bytes=MAX_RESPONSE_BYTES)
        self._settings = settings
        self._clock = clock

    async def run_once(self) -> int:
        """Send one batch of due deliveries; how many were attempted."""
        attempts = await self._claim()
        if not attempts:
            return 0
        timeout = self._settings.webhook_timeout_seconds
        async with outbound.client(self._policy, timeout=timeout) as http:
            outcomes = await asyncio.gather(*(self._send(http, a) for a in attempts))
        for attempt, outcome in zip(attempts, outcomes, strict=True):
            await self._record(attempt, outcome)
        return len(attempts)

    async def next_due(self) -> datetime | None:
        """When the earliest delivery not due yet comes due (the job's `due`)."""
        async with self._db.transaction() as session:
            return await repository.next_due(session)

    async def _claim(self) -> list[Attempt]:
        now = self._clock()
        lease = timedelta(seconds=self._settings.webhook_timeout_seconds + LEASE_MARGIN_SECONDS)
        async with self._db.transaction() as session:
            claimed = await repository.claim_due(
                session, now, now + lease, self._settings.webhook_batch_size
            )
            return [Attempt(d.id, d.webhook_id, e.url, e.secret, d.body) for d, e in claimed]

    async def _send(self, http: httpx.AsyncClient, attempt: Attempt) -> Outcome:
        content = json.dumps(attempt.body, separators=(",", ":"), ensure_ascii=False).encode()
        try:
            secret = self._sealer.decrypt(attempt.secret).decode()
            timestamp = int(self._clock().timestamp())
            headers = signing.headers(secret, attempt.webhook_id, timestamp, content)
            async with http.stream("POST", attempt.url, content=content, headers=headers) as r:
                return Outcome(r.status_code, None if r.is_success else f"HTTP {r.status_code}")
        except outbound.UrlRefused:
            return Outcome(None, "URL refused: not a public internet host")
        except httpx.TimeoutException:
            return Outcome(None, "timed out")
        except httpx.HTTPError as exc:
            return Outcome(None, f"{type(exc).__name__}: could not reach the endpoint")
        except Exception as exc:  # a secret no key opens, ...: recorded, never raised
            return Outcome(None, type(exc).__name__)

    async def _record(self, attempt: Attempt, outcome: Outcome) -> None:
        now = self._clock()
        async with self._db.transaction() as session:
            delivery = await repository.locked_delivery(session, attempt.delivery_id)
            if delivery is None:  # its endpoint was deleted meanwhile
                return
            delivery.attempts += 1
            delivery.last_status_code = outcome.status_code
            delivery.last_error = outcome.error
            if outcome.ok:
                delivery.status = "succeeded"
                delivery.delivered_at = now
                delivery.next_attempt_at = None
                return
            if delivery.attempts < self._settings.webhook_max_attempts:
                delay = self._settings.retry_delay(delivery.attempts)
                delivery.next_attempt_at = now + timedelta(seconds=delay)
                return
            delivery.status = "failed"
            delivery.next_attempt_at = None
            endpoint = await repository.locked_endpoint(session, delivery.endpoint_id)
            if endpoint is None or not endpoint.enabled:
                return
            endpoint.enabled = False
            endpoint.disabled_at = now
            endpoint.disabled_reason = (
                f"delivery {delivery.webhook_id} failed {delivery.attempts} times since"
                f" {delivery.created_at.isoformat()} (last: {outcome.error}); enable the"
                " endpoint again once it answers"
            )
            log.warning(
                "webhook endpoint disabled after repeated failures",
                extra={
                    "endpoint_id": str(endpoint.id),
                    "tenant_id": str(endpoint.tenant_id),
                    "webhook_id": delivery.webhook_id,
                    "attempts": delivery.attempts,
                    "error": outcome.error,
                },
            )


def webhook_send_job(sender: WebhookSender, settings: WebhookSettings) -> Job:
    """Send the deliveries that are due: woken by the commit that queues one, or when the
    earliest retry comes due (`kit.jobs`); a full batch is followed by the next at once."""
    return Job(
        "webhook-send",
        settings.webhook_poll_seconds,
        sender.run_once,
        wake=repository.CHANNEL,
        due=sender.next_due,
    )
