"""Outgoing webhooks: partner endpoints are real HTTP servers on loopback; events reach the
gateway as a consumer receives them; the sender runs with a clock the tests move."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response
from pydantic import SecretStr
from sqlalchemy import select
from standardwebhooks.webhooks import Webhook

from contracts import samples
from contracts.catalog import ProductPublishedV1
from contracts.publisher import DeliveryPublishedV1
from gateway.app import create_app
from gateway.settings import GatewayKeys, GatewaySettings
from gateway.webhooks import handlers
from gateway.webhooks.jobs import WebhookSender, webhook_send_job
from gateway.webhooks.models import WebhookEndpoint
from gateway.webhooks.settings import WebhookSettings
from kit.auth import TokenSigner
from kit.events import consumer
from kit.events.bus import Delivery
from kit.jobs import run_all
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer, new_key
from kit.testing.fakes import serve
from kit.testing.plugin import delivery as as_delivery
from kit.testing.waiting import eventually

from .support import Town, auth_headers

HOOKS = "/v1/webhook-endpoints"


@dataclass
class Partner:
    """A partner's webhook receiver: records every request, answers `status`."""

    status: int = 200
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    url: str = ""

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/hooks")
        async def hooks(request: Request) -> Response:
            self.received.append((dict(request.headers), await request.body()))
            return Response(status_code=self.status)

        return app

    def ids(self) -> list[str]:
        return [headers["webhook-id"] for headers, _ in self.received]


class Clock:
    """The sender's now, moved only by the test. It starts a minute ahead of the wall clock, so
    what the API makes due "now" during a test is due for the sender (and a signature's
    timestamp stays within the receiver's five-minute tolerance)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(seconds=60)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
async def partner() -> AsyncIterator[Partner]:
    receiver = Partner()
    async with serve(receiver.app()) as base_url:
        receiver.url = f"{base_url}/hooks"
        yield receiver


@pytest.fixture(scope="module")
def hook_settings() -> WebhookSettings:
    return WebhookSettings(
        _env_file=None,
        webhook_first_retry_seconds=60,
        webhook_backoff_factor=2,
        webhook_max_retry_seconds=3600,
        webhook_max_attempts=3,
        webhook_timeout_seconds=5,
    )


@pytest.fixture(scope="module")
def hook_keys() -> GatewayKeys:
    return GatewayKeys(_env_file=None, secret_keys=SecretStr(new_key()))


@pytest.fixture
def loopback(runtime: ServiceRuntime) -> OutboundPolicy:
    """OUTBOUND_ALLOW_PRIVATE=true: the partners of these tests listen on 127.0.0.1."""
    settings = runtime.settings.model_copy(update={"outbound_allow_private": True})
    return OutboundPolicy.from_settings(settings)


@pytest.fixture
async def gateway(
    runtime: ServiceRuntime,
    gateway_settings: GatewaySettings,
    signer: TokenSigner,
    hook_keys: GatewayKeys,
    loopback: OutboundPolicy,
) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway (no upstreams: webhooks are its own), allowed to save loopback URLs."""
    app = create_app(runtime, gateway_settings, signer, {}, keys=hook_keys)
    app.state.outbound = loopback
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://gw"
    ) as http:
        yield http


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sender(
    runtime: ServiceRuntime,
    hook_settings: WebhookSettings,
    hook_keys: GatewayKeys,
    loopback: OutboundPolicy,
    clock: Clock,
) -> WebhookSender:
    return WebhookSender(
        runtime.jobs_db, Sealer.of(hook_keys), loopback, hook_settings, clock=clock
    )


async def admin(gateway: httpx.AsyncClient, town: Town) -> httpx.AsyncClient:
    gateway.headers.update(await auth_headers(gateway, town.admin_email))
    return gateway


async def register(http: httpx.AsyncClient, url: str, *types: str) -> dict[str, Any]:
    response = await http.post(HOOKS, json={"url": url, "event_types": list(types)})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def published(post_id: uuid.UUID | None = None) -> DeliveryPublishedV1:
    return samples.delivery_published(
        post_id=post_id or uuid.uuid4(),
        platform="mastodon",
        platform_post_id="1099",
        permalink="https://social.example/@takeo/1099",
        published_at=datetime.now(UTC),
    )


async def consume(runtime: ServiceRuntime, message: Delivery) -> bool:
    """Hand `message` to the gateway's consumer of its type, as the bus would."""
    subscription = next(s for s in handlers.SUBSCRIPTIONS if s.event_type == message.routing_key)
    return await consumer.handle(subscription, runtime.db, message)


async def log_of(http: httpx.AsyncClient, endpoint_id: str) -> list[dict[str, Any]]:
    response = await http.get(f"{HOOKS}/{endpoint_id}/deliveries")
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_partner_receives_signed_delivery_published_exactly_once(
    gateway: httpx.AsyncClient,
    town: Town,
    runtime: ServiceRuntime,
    partner: Partner,
    sender: WebhookSender,
) -> None:
    http = await admin(gateway, town)
    endpoint = await register(http, partner.url, "delivery.published")
    other = await register(http, partner.url + "?only=products", "product.published")
    event = published()
    message = as_delivery(event, town.id)

    assert await consume(runtime, message) is True
    assert await consume(runtime, message) is False  # the broker delivered it twice
    await sender.run_once()
    await sender.run_once()

    assert len(partner.received) == 1
    headers, body = partner.received[0]
    sent = Webhook(endpoint["secret"]).verify(body, headers)  # raises unless the signature holds
    assert sent["type"] == "delivery.published"
    assert sent["data"]["delivery_id"] == str(event.delivery_id)
    assert sent["data"]["permalink"] == event.permalink
    [row] = await log_of(http, endpoint["id"])
    assert row["webhook_id"] == headers["webhook-id"]
    assert (row["status"], row["attempts"], row["last_status_code"]) == ("succeeded", 1, 200)
    assert row["event_id"] == message.id
    assert await log_of(http, other["id"]) == []


async def test_endpoint_answering_500_is_retried_with_backoff_then_disabled(
    gateway: httpx.AsyncClient,
    town: Town,
    runtime: ServiceRuntime,
    partner: Partner,
    sender: WebhookSender,
    clock: Clock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    partner.status = 500
    http = await admin(gateway, town)
    endpoint = await register(http, partner.url, "delivery.published")
    await consume(runtime, as_delivery(published(), town.id))

    await sender.run_once()
    [row] = await log_of(http, endpoint["id"])
    assert (row["status"], row["attempts"], row["last_status_code"]) == ("pending", 1, 500)
    first_retry = datetime.fromisoformat(row["next_attempt_at"]) - clock.now
    clock.advance(59)
    assert await sender.run_once() == 0  # not yet due
    clock.advance(1)
    await sender.run_once()
    [row] = await log_of(http, endpoint["id"])
    second_retry = datetime.fromisoformat(row["next_attempt_at"]) - clock.now
    clock.advance(second_retry.total_seconds())
    with caplog.at_level(logging.WARNING, logger="gateway.webhooks.jobs"):
        await sender.run_once()

    assert (first_retry, second_retry) == (timedelta(seconds=60), timedelta(seconds=120))
    assert len(partner.received) == 3
    assert len(set(partner.ids())) == 1  # one webhook-id on every retry
    [row] = await log_of(http, endpoint["id"])
    assert (row["status"], row["attempts"], row["next_attempt_at"]) == ("failed", 3, None)
    shown = (await http.get(f"{HOOKS}/{endpoint['id']}")).json()
    assert shown["enabled"] is False
    assert shown["disabled_at"] is not None
    assert "failed 3 times" in shown["disabled_reason"]
    assert any(
        r.getMessage() == "webhook endpoint disabled after repeated failures"
        and getattr(r, "endpoint_id", None) == endpoint["id"]
        for r in caplog.records
    )
    # Disabled: new events owe it nothing, and nothing more is sent.
    await consume(runtime, as_delivery(published(), town.id))
    clock.advance(86_400)
    assert await sender.run_once() == 0
    assert len(await log_of(http, endpoint["id"])) == 1


@contextlib.asynccontextmanager
async def send_job(
    runtime: ServiceRuntime, settings: WebhookSettings, keys: GatewayKeys, policy: OutboundPolicy
) -> AsyncIterator[None]:
    """The sender as the worker runs it (on the wall clock), its idle ceiling 30 s, once its
    first run (at start) is over."""
    sender = WebhookSender(runtime.jobs_db, Sealer.of(keys), policy, settings)
    job = webhook_send_job(sender, settings)
    task = asyncio.create_task(run_all(runtime.jobs_db, "gateway", [job], idle_seconds=30))
    try:
        await asyncio.sleep(1)
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def received(partner: Partner, count: int) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return len(partner.received) >= count

    return check


async def test_the_send_job_sends_a_delivery_when_its_queueing_commit_wakes_it(
    gateway: httpx.AsyncClient,
    town: Town,
    runtime: ServiceRuntime,
    partner: Partner,
    hook_settings: WebhookSettings,
    hook_keys: GatewayKeys,
    loopback: OutboundPolicy,
) -> None:
    http = await admin(gateway, town)
    await register(http, partner.url, "delivery.published")
    async with send_job(runtime, hook_settings, hook_keys, loopback):
        started = time.monotonic()
        await consume(runtime, as_delivery(published(), town.id))
        await eventually(received(partner, 1), timeout=20, what="the commit's NOTIFY")
        assert time.monotonic() - started < 30


async def test_the_send_job_retries_when_the_backoff_ends_though_no_commit_wakes_it(
    gateway: httpx.AsyncClient,
    town: Town,
    runtime: ServiceRuntime,
    partner: Partner,
    hook_settings: WebhookSettings,
    hook_keys: GatewayKeys,
    loopback: OutboundPolicy,
) -> None:
    partner.status = 500
    settings = hook_settings.model_copy(update={"webhook_first_retry_seconds": 2})
    http = await admin(gateway, town)
    endpoint = await register(http, partner.url, "delivery.published")
    async with send_job(runtime, settings, hook_keys, loopback):
        await consume(runtime, as_delivery(published(), town.id))
        await eventually(received(partner, 1), timeout=20, what="the first attempt")
        partner.status = 200
        failed_at = time.monotonic()
        await eventually(received(partner, 2), timeout=20, what="the retry when due")
        assert time.monotonic() - failed_at < 30
    [row] = await log_of(http, endpoint["id"])
    assert (row["status"], row["attempts"], row["last_status_code"]) == ("succeeded", 2, 200)


async def test_redelivery_from_the_log_arrives_with_the_same_id(
    gateway: httpx.AsyncClient,
    town: Town,
    runtime: ServiceRuntime,
    partner: Partner,
    sender: WebhookSender,
) -> None:
    http = await admin(gateway, town)
    endpoint = await register(http, partner.url, "delivery.published")
    await consume(runtime, as_delivery(published(), town.id))
    await sender.run_once()
    [row] = await log_of(http, endpoint["id"])

    response = await http.post(f"{HOOKS}/{endpoint['id']}/deliveries/{row['id']}/redeliver")
    await sender.run_once()

    assert response.status_code == 202, response.text
    assert response.json()["status"] == "pending"
    assert len(partner.received) == 2
    assert partner.ids() == [row["webhook_id"], row["webhook_id"]]
    headers, body = partner.received[1]
    assert Webhook(endpoint["secret"]).verify(body, headers)["type"] == "delivery.published"
    [again] = await log_of(http, endpoint["id"])
    assert (again["id"], again["status"], again["attempts"]) == (row["id"], "succeeded", 1)


async def test_private_network_url_is_refused_with_a_problem(
    runtime: ServiceRuntime,
    gateway_settings: GatewaySettings,
    signer: TokenSigner,
    hook_keys: GatewayKeys,
    town: Town,
) -> None:
    assert runtime.settings.outbound_allow_private is False
    app = create_app(runtime, gateway_settings, signer, {}, keys=hook_keys)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gw") as gateway:
        http = await admin(gateway, town)
        refused = {
            url: await http.post(HOOKS, json={"url": url, "event_types": ["post.approved"]})
            for url in (
                "http://127.0.0.1:8080/hooks",
                "http://10.0.0.7/hooks",
                "http://169.254.169.254/latest/meta-data/",
                "http://localhost/hooks",
            )
        }
        listed = await http.get(HOOKS)

    for url, response in refused.items():
        assert response.status_code == 400, url
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["type"].endswith("url-refused"), response.text
    assert listed.json()["items"] == []


async def test_sender_refuses_a_private_url_at_send_time(
    gateway: httpx.AsyncClient,
    town: Town,
    runtime: ServiceRuntime,
    partner: Partner,
    hook_settings: WebhookSettings,
    hook_keys: GatewayKeys,
    clock: Clock,
) -> None:
    """Saved while private addresses were allowed; the sender's guard is checked again."""
    http = await admin(gateway, town)
    endpoint = await register(http, partner.url, "delivery.published")
    await consume(runtime, as_delivery(published(), town.id))
    strict = OutboundPolicy.from_settings(runtime.settings)
    sender = WebhookSender(
        runtime.jobs_db, Sealer.of(hook_keys), strict, hook_settings, clock=clock
    )

    await sender.run_once()

    assert partner.received == []
    [row] = await log_of(http, endpoint["id"])
    assert row["last_error"].startswith("URL refused")


async def test_secret_is_shown_once_sealed_at_rest_and_rotated(
    gateway: httpx.AsyncClient,
    town: Town,
    runtime: ServiceRuntime,
    partner: Partner,
    sender: WebhookSender,
) -> None:
    http = await admin(gateway, town)
    endpoint = await register(http, partner.url, "delivery.published")

    shown = [
        (await http.get(HOOKS)).text,
        (await http.get(f"{HOOKS}/{endpoint['id']}")).text,
        (await http.patch(f"{HOOKS}/{endpoint['id']}", json={"description": "crm"})).text,
    ]
    rotated = await http.post(f"{HOOKS}/{endpoint['id']}/rotate-secret")
    async with runtime.db.transaction() as session:
        stored = await session.scalar(
            select(WebhookEndpoint.secret).where(WebhookEndpoint.id == uuid.UUID(endpoint["id"]))
        )
    await consume(runtime, as_delivery(published(), town.id))
    await sender.run_once()

    assert endpoint["secret"].startswith("whsec_")
    assert all("secret" not in text for text in shown)
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    assert new_secret != endpoint["secret"]
    assert stored is not None
    assert new_secret.encode() not in stored
    headers, body = partner.received[0]
    assert Webhook(new_secret).verify(body, headers)["type"] == "delivery.published"


async def test_endpoint_changes_are_checked_and_another_towns_are_404(
    gateway: httpx.AsyncClient, town: Town, runtime: ServiceRuntime, partner: Partner
) -> None:
    http = await admin(gateway, town)
    endpoint = await register(http, partner.url, "delivery.published")
    path = f"{HOOKS}/{endpoint['id']}"

    unknown_type = await http.post(HOOKS, json={"url": partner.url, "event_types": ["x.y"]})
    changed = await http.patch(path, json={"event_types": ["product.published"], "enabled": False})
    await consume(runtime, as_delivery(product_event(), town.id))
    foreign = await http.get(f"{HOOKS}/{uuid.uuid4()}")
    deleted = await http.delete(path)
    gone = await http.get(path)

    assert unknown_type.status_code == 422
    assert changed.status_code == 200, changed.text
    assert (changed.json()["event_types"], changed.json()["enabled"]) == (
        ["product.published"],
        False,
    )
    assert foreign.status_code == 404
    assert foreign.headers["content-type"].startswith("application/problem+json")
    assert deleted.status_code == 204
    assert gone.status_code == 404


async def test_endpoint_changes_are_in_the_audit_log_without_the_secret(
    gateway: httpx.AsyncClient, town: Town, partner: Partner
) -> None:
    http = await admin(gateway, town)
    endpoint = await register(http, partner.url, "delivery.published")
    path = f"{HOOKS}/{endpoint['id']}"
    await http.patch(path, json={"description": "crm"})
    rotated = (await http.post(f"{path}/rotate-secret")).json()["secret"]
    await http.delete(path)

    log = await http.get("/v1/audit", params={"action": "webhook_endpoint."})

    assert log.status_code == 200, log.text
    rows = log.json()["items"]
    assert sorted(r["action"] for r in rows) == [
        "webhook_endpoint.created",
        "webhook_endpoint.deleted",
        "webhook_endpoint.secret_rotated",
        "webhook_endpoint.updated",
    ]
    assert {r["target"] for r in rows} == {f"webhook_endpoint:{endpoint['id']}"}
    (updated,) = [r for r in rows if r["action"] == "webhook_endpoint.updated"]
    assert (updated["before"]["description"], updated["after"]["description"]) == ("", "crm")
    assert endpoint["secret"] not in log.text
    assert rotated not in log.text


def product_event() -> ProductPublishedV1:
    return samples.product_published(
        slug="onsen-tofu", name={"ja": "温泉湯豆腐"}, producer_name={"ja": "武雄豆腐店"}
    )


async def test_merged_openapi_documents_every_event_type_in_its_webhooks_section(
    gateway: httpx.AsyncClient,
) -> None:
    document = (await gateway.get("/openapi.json")).json()

    assert set(document["webhooks"]) == {
        "delivery.published",
        "delivery.failed",
        "channel.needs_reauth",
        "conversion.recorded",
        "product.published",
        "post.approved",
    }
    operation = document["webhooks"]["delivery.published"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    body = document["components"]["schemas"][schema.rsplit("/", 1)[1]]
    assert set(body["required"]) == {"type", "timestamp", "data"}
    headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
    assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}
