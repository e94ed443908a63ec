"""`make faults`: 10,000 events each, with the broker restarted, the relay SIGKILLed, or a worker
SIGKILLed in the middle; after recovery every event had exactly one effect.

The events are catalog `product.published` rows written to the catalog outbox (as the catalog's
own transactions would write them). Their effects: the publisher drafts one post per event
(`posts.source_event_id`) and analytics records the product. A lost event shows as a missing
post, a doubled one as a second post for the same event, a poisoned one in a dead-letter queue.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import aio_pika
import pytest
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import create_async_engine

from contracts.catalog import ProductPublishedV1
from kit.events.envelope import Envelope
from kit.events.tables import outbox

from .conftest import Platform

EVENTS = 10_000
CONSUMERS = ["publisher.on-product-published", "analytics.on-product-published"]

pytestmark = [pytest.mark.faults, pytest.mark.slow, pytest.mark.timeout(900)]


@dataclass
class Progress:
    published: int  # outbox rows the relay has had confirmed
    drafts: int  # publisher posts for these events
    distinct_drafts: int
    products: int  # analytics products for these events


async def _scalar(platform: Platform, service: str, sql: str, **params: object) -> int:
    engine = create_async_engine(platform.settings.owner_url(service), poolclass=None)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text(sql), params)).scalar_one())
    finally:
        await engine.dispose()


async def _write_events(platform: Platform, tenant: uuid.UUID) -> list[uuid.UUID]:
    """EVENTS product.published rows in the catalog outbox, committed in one transaction."""
    rows, product_ids = [], []
    producer = uuid.uuid4()
    for n in range(EVENTS):
        product_id = uuid.uuid4()
        product_ids.append(product_id)
        envelope = Envelope(
            type=ProductPublishedV1.event_type,
            source="catalog",
            tenant_id=tenant,
            payload=ProductPublishedV1(
                product_id=product_id,
                producer_id=producer,
                slug=f"product-{n}",
                name={"en": f"Product {n}", "ja": f"商品{n}"},
                producer_name={"en": "Farm"},
            ),
        )
        rows.append(
            {
                "id": envelope.id,
                "event_type": envelope.type,
                "tenant_id": tenant,
                "envelope": envelope.model_dump(mode="json"),
                "occurred_at": envelope.occurred_at,
            }
        )
    engine = create_async_engine(platform.settings.owner_url("catalog"))
    try:
        async with engine.begin() as conn:
            await conn.execute(insert(outbox), rows)
    finally:
        await engine.dispose()
    return product_ids


async def _progress(platform: Platform, tenant: uuid.UUID) -> Progress:
    published = await _scalar(
        platform,
        "catalog",
        "SELECT count(*) FROM outbox WHERE tenant_id = :t AND published_at IS NOT NULL",
        t=tenant,
    )
    drafts = await _scalar(
        platform, "publisher", "SELECT count(*) FROM posts WHERE tenant_id = :t", t=tenant
    )
    distinct = await _scalar(
        platform,
        "publisher",
        "SELECT count(DISTINCT source_event_id) FROM posts WHERE tenant_id = :t",
        t=tenant,
    )
    products = await _scalar(
        platform, "analytics", "SELECT count(*) FROM product_stats WHERE tenant_id = :t", t=tenant
    )
    return Progress(published, drafts, distinct, products)


async def _dead_letters(platform: Platform) -> dict[str, int]:
    connection = await aio_pika.connect(platform.rabbit.url)
    async with connection:
        channel = await connection.channel()
        counts = {}
        for consumer in CONSUMERS:
            queue = await channel.declare_queue(f"{platform.prefix}{consumer}.dlq", passive=True)
            counts[consumer] = queue.declaration_result.message_count or 0
        return counts


async def _queues_ready(platform: Platform, timeout: float = 60) -> None:
    """Wait until both consumers have declared their queues (events before that are unrouted)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            await _dead_letters(platform)
            return
        except (aio_pika.exceptions.ChannelNotFoundEntity, aio_pika.exceptions.AMQPConnectionError):
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.5)


async def _wait(
    platform: Platform,
    tenant: uuid.UUID,
    until: Callable[[Progress], bool],
    timeout: float,
    what: str,
) -> Progress:
    deadline = time.monotonic() + timeout
    while True:
        progress = await _progress(platform, tenant)
        if until(progress):
            return progress
        if time.monotonic() > deadline:
            print(platform.machi.logs())
            raise AssertionError(f"{what} not reached in {timeout}s: {progress}")
        await asyncio.sleep(0.2)


async def _run_with_fault(platform: Platform, fault: Callable[[], None], at: str) -> Progress:
    """Write the events, inject `fault` once `at` ("published" or "drafts") passes a fifth of
    them, then wait for every effect."""
    await _queues_ready(platform)
    tenant = uuid.uuid4()
    await _write_events(platform, tenant)
    middle = await _wait(
        platform,
        tenant,
        lambda p: getattr(p, at) >= EVENTS // 5,
        timeout=180,
        what=f"{at} past {EVENTS // 5}",
    )
    assert getattr(middle, at) < EVENTS or at == "published", f"fault came too late: {middle}"
    fault()
    await _wait(
        platform,
        tenant,
        lambda p: p.drafts >= EVENTS and p.products >= EVENTS and p.published >= EVENTS,
        timeout=600,
        what="every effect",
    )
    await asyncio.sleep(2)  # anything late and doubled would land now
    return await _progress(platform, tenant)


def _assert_exactly_once(final: Progress, dead: dict[str, int]) -> None:
    assert final.published == EVENTS
    assert final.drafts == EVENTS, f"{final.drafts - EVENTS} drafts doubled"
    assert final.distinct_drafts == EVENTS
    assert final.products == EVENTS
    assert dead == {c: 0 for c in CONSUMERS}


async def test_broker_restart_in_the_middle_loses_and_doubles_nothing(platform: Platform) -> None:
    final = await _run_with_fault(platform, platform.rabbit.restart, at="drafts")
    _assert_exactly_once(final, await _dead_letters(platform))


async def test_relay_killed_in_the_middle_loses_and_doubles_nothing(platform: Platform) -> None:
    def kill_and_restart_relay() -> None:
        platform.machi.kill("catalog-relay")
        platform.start_relay()

    final = await _run_with_fault(platform, kill_and_restart_relay, at="published")
    _assert_exactly_once(final, await _dead_letters(platform))


async def test_worker_killed_in_the_middle_loses_and_doubles_nothing(platform: Platform) -> None:
    def kill_and_restart_worker() -> None:
        platform.machi.kill("publisher-worker")
        platform.start_worker("publisher")

    final = await _run_with_fault(platform, kill_and_restart_worker, at="drafts")
    _assert_exactly_once(final, await _dead_letters(platform))
