"""Outgoing webhooks as partners get them: each service its own process over RabbitMQ, the
gateway-relay consuming their events and posting them, signed, to a partner on loopback."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI, Request, Response
from standardwebhooks.webhooks import Webhook

from kit.testing.fakes import serve_in_thread
from kit.testing.waiting import eventually_sync

from .journeys import Journeys, ok, open_town

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


class Partner:
    """A partner's receiver: keeps every request it gets, answers 204."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.app = FastAPI()
        self.app.add_api_route("/machi", self.receive, methods=["POST"])

    async def receive(self, request: Request) -> Response:
        self.received.append((dict(request.headers), await request.body()))
        return Response(status_code=204)

    def of_type(self, secret: str, event_type: str) -> list[tuple[str, dict[str, Any]]]:
        """(webhook-id, verified body) of each request of `event_type`."""
        verified = [(h["webhook-id"], Webhook(secret).verify(b, h)) for h, b in self.received]
        return [(i, body) for i, body in verified if body["type"] == event_type]


@pytest.fixture(scope="module")
def partner() -> Iterator[tuple[Partner, str]]:
    receiver = Partner()
    with serve_in_thread(receiver.app) as url:
        yield receiver, f"{url}/machi"


def test_partner_gets_signed_events_from_every_service_through_the_broker(
    journeys: Journeys, partner: tuple[Partner, str]
) -> None:
    receiver, url = partner
    town = open_town(journeys, f"hooks-{uuid.uuid4().hex[:6]}")
    admin = town.admin
    types = ["product.published", "post.approved", "delivery.published"]
    endpoint = ok(admin.post("/v1/webhook-endpoints", json={"url": url, "event_types": types}), 201)
    secret = endpoint["secret"]

    producer = ok(
        admin.post("/v1/producers", json={"kind": "farm", "name": {"ja": "武雄農園"}}), 201
    )
    product = ok(
        admin.post(
            "/v1/products",
            json={
                "producer_id": producer["id"],
                "slug": "lemongrass",
                "name": {"ja": "レモングラス"},
                "price_amount": 540,
            },
        ),
        201,
    )
    ok(admin.post(f"/v1/products/{product['id']}/publish"))
    channel = ok(
        admin.post(
            "/v1/channels",
            json={"platform": "sandbox", "name": "Sandbox", "approval_policy": "none"},
        ),
        201,
    )
    post = ok(
        admin.post("/v1/posts", json={"text": "Lemongrass!", "channel_ids": [channel["id"]]}), 201
    )
    ok(admin.post(f"/v1/posts/{post['id']}/submit"))
    if ok(admin.get(f"/v1/posts/{post['id']}"))["status"] != "approved":
        ok(admin.post(f"/v1/posts/{post['id']}/approve"))
    at = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    ok(admin.post(f"/v1/posts/{post['id']}/schedule", json={"at": at}))

    published = eventually_sync(
        lambda: receiver.of_type(secret, "delivery.published"),
        timeout=120,
        what="delivery.published",
    )
    products = receiver.of_type(secret, "product.published")
    log = ok(admin.get(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries"))["items"]

    assert [body["data"]["product_id"] for _, body in products] == [product["id"]]
    assert [body["data"]["post_id"] for _, body in published] == [post["id"]]
    by_type = {row["event_type"]: row for row in log}
    assert by_type["delivery.published"]["webhook_id"] == published[0][0]
    assert by_type["product.published"]["status"] == "succeeded"
