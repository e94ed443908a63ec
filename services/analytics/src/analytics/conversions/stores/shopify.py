"""Shopify order webhooks: `orders/create` and `orders/paid` record, `orders/cancelled` and
`refunds/create` reverse. Signed with `X-Shopify-Hmac-Sha256` = base64 HMAC-SHA256 of the raw
body (commerce-catalog.md, Shopify row; shopify.dev webhooks/https and ignore-duplicates).

Only the body is signed: the event id and topic headers are not, so a captured delivery replayed
under a new event id is recognised by its signed content (the order id, topic and `updated_at`;
a refund by its own id), and the topic must agree with the body. Shopify signs no delivery
time (`X-Shopify-Triggered-At` is unsigned), so there is no window to enforce."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from analytics.conversions.orders import Line, Order, Reversal, minor_units, product_id
from analytics.errors import BadOrder

SIGNATURE_HEADER = "x-shopify-hmac-sha256"
TOPIC_HEADER = "x-shopify-topic"
RECORD_TOPICS = {"orders/create", "orders/paid"}
REVERSE_TOPICS = {"orders/cancelled", "refunds/create"}


def _when(value: Any) -> datetime:
    if not value:
        return datetime.now(UTC)
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadOrder(f"bad time {value!r}") from exc


def _attributes(order: dict[str, Any]) -> dict[str, str]:
    return {str(a.get("name")): str(a.get("value")) for a in order.get("note_attributes") or []}


def _click_id(order: dict[str, Any], param: str) -> str | None:
    noted = _attributes(order).get(param)
    if noted:
        return noted
    landing = order.get("landing_site") or ""
    values = parse_qs(urlsplit(str(landing)).query).get(param)
    return values[0] if values else None


def _line(item: dict[str, Any], currency: str) -> Line:
    properties = {str(p.get("name")): p.get("value") for p in item.get("properties") or []}
    quantity = int(item.get("quantity") or 1)
    return Line(
        external_id=str(item.get("id")) if item.get("id") is not None else None,
        quantity=quantity,
        amount=minor_units(item.get("price") or 0, currency) * quantity,
        product_id=product_id(properties.get("machi_product_id")),
    )


def order(payload: dict[str, Any], click_param: str) -> Order:
    """An `orders/create` payload as an Order."""
    try:
        currency = str(payload.get("currency") or "JPY").upper()
        coupons = [str(d.get("code")) for d in payload.get("discount_codes") or []]
        return Order(
            store="shopify",
            order_id=str(payload["id"]),
            occurred_at=_when(payload.get("created_at")),
            currency=currency,
            amount=minor_units(payload.get("total_price") or 0, currency),
            click_id=_click_id(payload, click_param),
            coupon=coupons[0] if coupons else None,
            lines=[_line(i, currency) for i in payload.get("line_items") or []],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadOrder(f"not a Shopify order: {exc}") from exc


def reversal(topic: str, payload: dict[str, Any]) -> Reversal:
    """`orders/cancelled` (the whole order) or `refunds/create` (the refunded lines)."""
    if topic == "orders/cancelled":
        return Reversal(store="shopify", order_id=str(payload.get("id")))
    currency = "JPY"
    refunds: dict[str, int] = {}
    for item in payload.get("refund_line_items") or []:
        line = item.get("line_item") or {}
        currency = str(line.get("currency") or currency)
        key = str(item.get("line_item_id") or line.get("id"))
        refunds[key] = refunds.get(key, 0) + minor_units(item.get("subtotal") or 0, currency)
    return Reversal(store="shopify", order_id=str(payload.get("order_id")), refunds=refunds)


def _is_refund(payload: dict[str, Any]) -> bool:
    return "refund_line_items" in payload and "order_id" in payload


def check_topic(topic: str, payload: dict[str, Any]) -> None:
    """BadOrder when the (unsigned) topic header does not fit the signed body: an order's body
    re-sent as `orders/cancelled` or `refunds/create` must not cancel or refund it."""
    if topic == "refunds/create" and not _is_refund(payload):
        raise BadOrder("a refunds/create webhook carries a refund")
    if topic in RECORD_TOPICS | {"orders/cancelled"} and _is_refund(payload):
        raise BadOrder(f"an {topic} webhook carries an order, not a refund")
    if topic == "orders/cancelled" and not payload.get("cancelled_at"):
        raise BadOrder("an orders/cancelled webhook carries a cancelled order")


def delivery_key(topic: str, payload: dict[str, Any], body: bytes) -> str:
    """What makes a delivery the same change, from signed content only: a refund's id, or the
    order id, topic and `updated_at`; else the body's hash."""
    if topic == "refunds/create" and payload.get("id") is not None:
        return f"refund:{payload['id']}"
    if payload.get("id") is not None and payload.get("updated_at"):
        return f"{topic}:{payload['id']}:{payload['updated_at']}"
    return f"{topic}:{hashlib.sha256(body).hexdigest()}"
