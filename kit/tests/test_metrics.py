"""/metrics after activity: HTTP, outbox backlog, consumer outcomes, retries, dead letters, queue
depth and job runs, read from the scrape as Prometheus would."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

import asyncpg
import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncSession

from kit.auth import TokenSigner, TokenVerifier
from kit.db import Database
from kit.events import consumer
from kit.events.bus import Delivery, Message, RetryPolicy
from kit.events.envelope import Envelope
from kit.events.memory import MemoryBus
from kit.events.rabbitmq import RabbitBus
from kit.events.relay import Relay
from kit.http import add_ops_routes
from kit.jobs import Job, run_once
from kit.settings import MachiSettings
from kit.testing.plugin import client, principal
from kit.testing.waiting import eventually

from .conftest import SERVICE
from .observed import NoteObservedV1, build_app, on_note_observed

Labels = dict[str, str]


def value(scrape: str, name: str, labels: Labels) -> float:
    """The sample `name` with (at least) `labels` in a scrape; 0 when absent."""
    for family in text_string_to_metric_families(scrape):
        for sample in family.samples:
            if sample.name == name and labels.items() <= sample.labels.items():
                return float(sample.value)
    return 0.0


async def scrape(app: object) -> str:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
        base_url="http://kittest",
    ) as http:
        response = await http.get("/metrics")
    assert response.status_code == 200
    return response.text


def ops_app() -> FastAPI:
    """Any kit app serves the whole process's metrics; this one needs no database."""
    app = FastAPI()
    add_ops_routes(app, {})
    return app


def failing_subscription(name: str) -> consumer.Subscription[NoteObservedV1]:
    async def refuse(event: Envelope[NoteObservedV1], session: AsyncSession) -> None:
        raise RuntimeError("this consumer always fails")

    return consumer.subscribe(NoteObservedV1, consumer=name)(refuse)


async def test_metrics_count_requests_outbox_and_consumer_outcomes(
    kit_db: Database,
    owner: asyncpg.Connection,
    machi_settings: MachiSettings,
    signer: TokenSigner,
    verifier_factory: Callable[[str], TokenVerifier],
) -> None:
    bus = MemoryBus(RetryPolicy(2, (20,)))
    relay = Relay(kit_db, bus, service=SERVICE)
    while await relay.run_once():  # events other tests left reach no consumer of this test
        pass
    failing = f"kittest.fails-{uuid.uuid4().hex[:8]}"
    await consumer.start([on_note_observed, failing_subscription(failing)], kit_db, bus)
    app = build_app(machi_settings, kit_db, verifier_factory(SERVICE), bus)
    route = {"service": SERVICE, "method": "POST", "route": "/notes"}
    before = await scrape(app)
    try:
        async with client(app, signer, SERVICE, principal(uuid.uuid4())) as http:
            assert (await http.post("/notes", json={"body": "counted"})).status_code == 201
            assert (await http.post("/notes", json={})).status_code == 422
        await relay.sample_backlog()
        pending = await scrape(app)
        while await relay.run_once():
            pass
        await eventually(lambda: _parked(bus, failing))
        await relay.sample_backlog()
        await consumer.sample_queue_depths(bus, [failing])
        after = await scrape(app)
    finally:
        await bus.close()

    def grew(name: str, labels: Labels) -> float:
        return value(after, name, labels) - value(before, name, labels)

    assert grew("machi_http_requests_total", {**route, "status": "201"}) == 1
    assert grew("machi_http_requests_total", {**route, "status": "422"}) == 1
    assert grew("machi_http_request_duration_seconds_count", route) == 2
    assert value(pending, "machi_outbox_backlog", {"service": SERVICE}) >= 1
    assert value(pending, "machi_outbox_oldest_age_seconds", {"service": SERVICE}) > 0
    assert value(after, "machi_outbox_backlog", {"service": SERVICE}) == 0
    assert value(after, "machi_outbox_oldest_age_seconds", {"service": SERVICE}) == 0
    assert grew("machi_outbox_published_total", {"service": SERVICE}) >= 1
    observed = {"consumer": on_note_observed.consumer, "outcome": "ok"}
    assert grew("machi_events_handled_total", observed) >= 1
    assert (
        value(after, "machi_events_handled_total", {"consumer": failing, "outcome": "error"}) == 2
    )
    assert value(after, "machi_events_retried_total", {"consumer": failing}) == 1
    assert value(after, "machi_events_dead_lettered_total", {"consumer": failing}) == 1
    assert value(after, "machi_queue_depth", {"consumer": failing, "queue": "dlq"}) == 1
    assert value(after, "machi_queue_depth", {"consumer": failing, "queue": "main"}) == 0


async def _parked(bus: MemoryBus, name: str) -> bool:
    return len(await bus.dead_letters(name)) == 1


async def test_rabbitmq_queue_depth_retries_and_dead_letters_are_exported(
    rabbit_bus: RabbitBus,
) -> None:
    name = f"kittest.rabbit-fails-{uuid.uuid4().hex[:8]}"

    async def refuse(delivery: Delivery) -> None:
        raise RuntimeError("always fails")

    await rabbit_bus.subscribe(name, ["kittest.depth.#"], refuse)
    await rabbit_bus.publish(
        Message(id=str(uuid.uuid4()), routing_key="kittest.depth.v1", body=b"{}")
    )

    async def parked() -> bool:
        return (await rabbit_bus.queue_depths(name))["dlq"] == 1

    await eventually(parked)
    await consumer.sample_queue_depths(rabbit_bus, [name])
    app = ops_app()
    after = await scrape(app)
    assert value(after, "machi_queue_depth", {"consumer": name, "queue": "dlq"}) == 1
    assert value(after, "machi_queue_depth", {"consumer": name, "queue": "main"}) == 0
    assert value(after, "machi_events_retried_total", {"consumer": name}) == 2  # 3 attempts
    assert value(after, "machi_events_dead_lettered_total", {"consumer": name}) == 1


async def test_rabbitmq_unrouted_events_are_exported(rabbit_bus: RabbitBus) -> None:
    for _ in range(2):  # no queue is bound to this type: both land in machi.unrouted
        await rabbit_bus.publish(
            Message(id=str(uuid.uuid4()), routing_key="kittest.nobody.v1", body=b"{}")
        )

    async def parked() -> bool:
        return await rabbit_bus.unrouted_depth() == 2

    await eventually(parked)
    await consumer.sample_queue_depths(rabbit_bus, [])
    assert value(await scrape(ops_app()), "machi_unrouted_events", {}) == 2


async def test_job_runs_are_counted(kit_db: Database) -> None:
    job_name = f"probe-{uuid.uuid4().hex[:8]}"

    async def nothing() -> None:
        return None

    assert await run_once(kit_db, SERVICE, Job(job_name, 60, nothing))
    scraped = await scrape(ops_app())
    labels = {"service": SERVICE, "job": job_name, "outcome": "ok"}
    assert value(scraped, "machi_job_runs_total", labels) == 1


async def test_the_relay_loop_samples_the_outbox_backlog(kit_db: Database) -> None:
    service = f"kittest-loop-{uuid.uuid4().hex[:6]}"
    relay = Relay(kit_db, MemoryBus(), service=service, poll_seconds=0.01)
    running = asyncio.create_task(relay.run())

    async def sampled() -> bool:
        return f'machi_outbox_backlog{{service="{service}"}}' in await scrape(ops_app())

    try:
        await eventually(sampled)
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
