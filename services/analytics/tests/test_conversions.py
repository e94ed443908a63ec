import base64
import hashlib
import hmac
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import asyncpg
import httpx
from fastapi import FastAPI

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import BROWSER_UA, allow_store, anonymous, flush, new_link, roll_up

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
SECRET = "shpss_test_secret_123"


def sign(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


async def clicked(as_user: Client, app: FastAPI, tenant: uuid.UUID) -> tuple[dict[str, Any], str]:
    """A tenant with a Shopify secret, a link on a post, and one click on it: (link, click id)."""
    admin = as_user(principal(tenant))
    await allow_store(app.state.db, tenant, "takeo.myshopify.com")
    for store in ("shopify", "woocommerce", "postback"):
        response = await admin.put(f"/v1/settings/webhooks/{store}", json={"secret": SECRET})
        assert response.status_code == 204
    link = await new_link(
        admin,
        destination="https://takeo.myshopify.com/products/garlic",
        post_id=str(uuid.uuid4()),
        channel_id=str(uuid.uuid4()),
        platform="facebook",
        product_id=str(uuid.uuid4()),
        producer_id=str(uuid.uuid4()),
        coupon_code="GARLIC10",
    )
    response = await as_user(anonymous()).get(
        f"/r/{link['code']}", headers={"User-Agent": BROWSER_UA}
    )
    click_id = parse_qs(urlsplit(response.headers["location"]).query)["machi_cid"][0]
    await flush(app)
    return link, click_id


def shopify_order(click_id: str | None, order_id: int = 820982911946154508) -> dict[str, Any]:
    return {
        "id": order_id,
        "created_at": datetime.now(UTC).isoformat(),
        "currency": "JPY",
        "total_price": "6180",
        "note_attributes": [{"name": "machi_cid", "value": click_id}] if click_id else [],
        "discount_codes": [],
        "line_items": [
            {"id": 1, "quantity": 1, "price": "1980"},
            {"id": 2, "quantity": 1, "price": "4200"},
        ],
    }


async def post_shopify(
    as_user: Client,
    tenant: uuid.UUID,
    payload: dict[str, Any],
    *,
    topic: str = "orders/create",
    event_id: str | None = None,
    tamper: bool = False,
) -> httpx.Response:
    body = json.dumps(payload).encode()
    headers = {
        "X-Shopify-Hmac-Sha256": sign(body),
        "X-Shopify-Topic": topic,
        "X-Shopify-Event-Id": event_id or str(uuid.uuid4()),
        "Content-Type": "application/json",
    }
    sent = body.replace(b"6180", b"9999") if tamper else body
    return await as_user(anonymous(tenant)).post(
        "/webhooks/takeo/shopify", content=sent, headers=headers
    )


async def conversions(owner: asyncpg.Connection, tenant: uuid.UUID) -> list[asyncpg.Record]:
    return await owner.fetch(
        "SELECT c.*, (SELECT sum(amount - refunded) FROM conversion_lines l"
        " WHERE l.conversion_id = c.id) AS net FROM conversions c WHERE tenant_id = $1",
        tenant,
    )


async def test_shopify_order_with_click_id_is_attributed_to_the_clicked_post(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    link, click_id = await clicked(as_user, app, tenant)
    response = await post_shopify(as_user, tenant, shopify_order(click_id))
    assert response.json() == {"result": "recorded"}
    [row] = await conversions(owner, tenant)
    assert (row["method"], row["click_id"], str(row["post_id"])) == (
        "click_id",
        click_id,
        link["post_id"],
    )
    assert (row["amount"], row["net"]) == (6180, 6180)
    lines = await owner.fetch(
        "SELECT product_id FROM conversion_lines WHERE tenant_id = $1", tenant
    )
    assert {str(r["product_id"]) for r in lines} == {link["product_id"]}


async def test_same_shopify_webhook_again_changes_nothing(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    first = await post_shopify(as_user, tenant, shopify_order(click_id), event_id="evt-1")
    again = await post_shopify(as_user, tenant, shopify_order(click_id), event_id="evt-1")
    redelivered = await post_shopify(as_user, tenant, shopify_order(click_id), event_id="evt-2")
    assert first.json()["result"] == "recorded"
    assert again.json()["result"] == "duplicate"
    assert redelivered.json()["result"] == "duplicate"  # same order id, new event id
    assert len(await conversions(owner, tenant)) == 1


async def test_tampered_shopify_body_is_401(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    response = await post_shopify(as_user, tenant, shopify_order(click_id), tamper=True)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert await conversions(owner, tenant) == []


async def test_cancellation_and_refund_reverse_what_they_cancel(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    await post_shopify(as_user, tenant, shopify_order(click_id, order_id=1))
    await post_shopify(as_user, tenant, shopify_order(click_id, order_id=2))
    refund = {
        "order_id": 1,
        "refund_line_items": [{"line_item_id": 2, "subtotal": "4200", "quantity": 1}],
    }
    assert (await post_shopify(as_user, tenant, refund, topic="refunds/create")).json() == {
        "result": "reversed"
    }
    cancel = {"id": 2, "cancelled_at": datetime.now(UTC).isoformat()}
    assert (await post_shopify(as_user, tenant, cancel, topic="orders/cancelled")).json() == {
        "result": "reversed"
    }
    await roll_up(runtime)
    overview = (await as_user(principal(tenant)).get("/v1/reports/overview")).json()
    assert (overview["current"]["orders"], overview["current"]["revenue"]) == (1, 1980)
    assert overview["current"]["clicks"] == 1


async def test_a_captured_refund_replayed_under_a_new_event_id_refunds_nothing_more(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    await post_shopify(as_user, tenant, shopify_order(click_id, order_id=7))
    refund = {
        "id": 509562969,
        "order_id": 7,
        "created_at": datetime.now(UTC).isoformat(),
        "refund_line_items": [{"line_item_id": 2, "subtotal": "1000", "quantity": 1}],
    }
    first = await post_shopify(as_user, tenant, refund, topic="refunds/create", event_id="e-1")
    replayed = await post_shopify(as_user, tenant, refund, topic="refunds/create", event_id="e-2")
    assert (first.json(), replayed.json()) == ({"result": "reversed"}, {"result": "duplicate"})
    [row] = await conversions(owner, tenant)
    assert row["net"] == 6180 - 1000


async def test_a_signed_order_resent_under_another_topic_cancels_nothing(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    order = shopify_order(click_id, order_id=8)
    await post_shopify(as_user, tenant, order)
    for topic in ("orders/cancelled", "refunds/create"):
        response = await post_shopify(as_user, tenant, order, topic=topic)
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == "application/problem+json"
    [row] = await conversions(owner, tenant)
    assert (row["status"], row["net"]) == ("recorded", 6180)


async def test_woocommerce_replay_under_a_new_delivery_id_is_a_duplicate(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    await clicked(as_user, app, tenant)
    order = {
        "id": 728,
        "status": "processing",
        "currency": "JPY",
        "total": "1980",
        "date_created_gmt": "2026-03-01T10:00:00",
        "date_modified_gmt": "2026-03-01T10:00:00",
        "line_items": [{"id": 1, "quantity": 1, "total": "1980"}],
    }
    cancelled = {**order, "status": "cancelled", "date_modified_gmt": "2026-03-02T10:00:00"}
    results = []
    for payload, delivery_id in ((order, "1"), (cancelled, "2"), (order, "3"), (cancelled, "4")):
        body = json.dumps(payload).encode()
        headers = {
            "X-WC-Webhook-Signature": sign(body),
            "X-WC-Webhook-Delivery-ID": delivery_id,
            "Content-Type": "application/json",
        }
        response = await as_user(anonymous(tenant)).post(
            "/webhooks/takeo/woocommerce", content=body, headers=headers
        )
        results.append(response.json()["result"])
    assert results == ["recorded", "reversed", "duplicate", "duplicate"]
    [row] = await conversions(owner, tenant)
    assert row["status"] == "cancelled"


async def test_woocommerce_order_is_recorded_by_coupon(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    link, _ = await clicked(as_user, app, tenant)
    order = {
        "id": 727,
        "status": "processing",
        "currency": "JPY",
        "total": "1980",
        "date_created_gmt": datetime.now(UTC).replace(tzinfo=None).isoformat(),
        "coupon_lines": [{"code": "GARLIC10"}],
        "meta_data": [],
        "line_items": [{"id": 9, "quantity": 1, "total": "1980"}],
    }
    body = json.dumps(order).encode()
    headers = {
        "X-WC-Webhook-Signature": sign(body),
        "X-WC-Webhook-Topic": "order.created",
        "X-WC-Webhook-Delivery-ID": "d-1",
    }
    http = as_user(anonymous(tenant))
    assert (
        await http.post("/webhooks/takeo/woocommerce", content=body, headers=headers)
    ).json() == {"result": "recorded"}
    headers["X-WC-Webhook-Signature"] = sign(body, "wrong-secret-1")
    assert (
        await http.post("/webhooks/takeo/woocommerce", content=body, headers=headers)
    ).status_code == 401
    [row] = await conversions(owner, tenant)
    assert (row["method"], str(row["post_id"])) == ("coupon", link["post_id"])


async def test_signed_postback_records_and_cancels(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    http = as_user(anonymous(tenant))

    async def send(payload: dict[str, Any]) -> httpx.Response:
        body = json.dumps(payload).encode()
        digest = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        return await http.post(
            "/webhooks/takeo/postback",
            content=body,
            headers={"X-Machi-Signature": f"sha256={digest}"},
        )

    order = {"order_id": "Y-1", "amount": 4200, "currency": "JPY", "click_id": click_id}
    assert (await send(order)).json() == {"result": "recorded"}
    assert (await send({**order, "status": "cancelled"})).json() == {"result": "reversed"}
    [row] = await conversions(owner, tenant)
    assert (row["method"], row["status"]) == ("click_id", "cancelled")


async def test_csv_import_matches_click_id_and_coupon_and_refuses_bad_rows(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    link, click_id = await clicked(as_user, app, tenant)
    admin = as_user(principal(tenant))
    now = datetime.now(UTC).isoformat()
    bad = f"order_id,ordered_at,amount,click_id\nA-1,{now},1980,{click_id}\nA-2,yesterday,1,\n"
    response = await admin.post("/v1/conversions/import?store=yahoo", content=bad)
    assert response.status_code == 400
    assert response.json()["errors"][0]["line"] == 3
    assert await conversions(owner, tenant) == []
    good = (
        f"order_id,ordered_at,amount,currency,click_id,coupon_code\n"
        f"A-1,{now},1980,JPY,{click_id},\nA-2,{now},4200,JPY,,GARLIC10\n"
    )
    assert (await admin.post("/v1/conversions/import", content=good)).json() == {
        "imported": 2,
        "duplicates": 0,
        "reversed": 0,
    }
    assert (await admin.post("/v1/conversions/import", content=good)).json()["duplicates"] == 2
    rows = await conversions(owner, tenant)
    assert sorted(r["method"] for r in rows) == ["click_id", "coupon"]
    assert {str(r["post_id"]) for r in rows} == {link["post_id"]}


async def test_webhook_secret_is_never_returned_and_stored_encrypted(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    await clicked(as_user, app, tenant)
    response = await as_user(principal(tenant)).get("/v1/settings/webhooks")
    assert response.json() == {"shopify": True, "woocommerce": True, "postback": True}
    assert SECRET not in response.text
    stored = await owner.fetchval(
        "SELECT shopify_secret FROM tenant_settings WHERE tenant_id = $1", tenant
    )
    assert SECRET not in stored
