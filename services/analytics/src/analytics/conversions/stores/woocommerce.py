"""WooCommerce order webhooks (`order.created`, `order.updated`), signed with
`X-WC-Webhook-Signature` = base64 HMAC-SHA256 of the body as sent; a creation ping sends the
form body `webhook_id=N` (woocommerce class-wc-webhook.php, commerce-catalog.md). The delivery id
and topic headers are unsigned, so a delivery is deduplicated by its signed content (order id,
status and `date_modified_gmt`); WooCommerce signs no delivery time, so there is no window."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from analytics.conversions.orders import Line, Order, Reversal, minor_units, product_id
from analytics.errors import BadOrder

SIGNATURE_HEADER = "x-wc-webhook-signature"
TOPIC_HEADER = "x-wc-webhook-topic"
REVERSING_STATUSES = {"cancelled", "refunded", "failed"}


def _meta(entries: Any) -> dict[str, Any]:
    return {str(m.get("key")): m.get("value") for m in entries or []}


def _when(value: Any) -> datetime:
    if not value:
        return datetime.now(UTC)
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # *_gmt fields are UTC


def is_reversal(payload: dict[str, Any]) -> bool:
    return str(payload.get("status")) in REVERSING_STATUSES


def reversal(payload: dict[str, Any]) -> Reversal:
    return Reversal(store="woocommerce", order_id=str(payload.get("id")))


def order(payload: dict[str, Any], click_param: str) -> Order:
    try:
        currency = str(payload.get("currency") or "JPY").upper()
        meta = _meta(payload.get("meta_data"))
        coupons = [str(c.get("code")) for c in payload.get("coupon_lines") or []]
        lines = [
            Line(
                external_id=str(item.get("id")),
                quantity=int(item.get("quantity") or 1),
                amount=minor_units(item.get("total") or 0, currency),
                product_id=product_id(_meta(item.get("meta_data")).get("machi_product_id")),
            )
            for item in payload.get("line_items") or []
        ]
        return Order(
            store="woocommerce",
            order_id=str(payload["id"]),
            occurred_at=_when(payload.get("date_created_gmt")),
            currency=currency,
            amount=minor_units(payload.get("total") or 0, currency),
            click_id=str(meta[click_param]) if meta.get(click_param) else None,
            coupon=coupons[0] if coupons else None,
            lines=lines,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadOrder(f"not a WooCommerce order: {exc}") from exc


def delivery_key(payload: dict[str, Any], body: bytes) -> str:
    """What makes a delivery the same change, from signed content only."""
    modified = payload.get("date_modified_gmt") or payload.get("date_modified")
    if payload.get("id") is not None and modified:
        return f"order:{payload['id']}:{payload.get('status')}:{modified}"
    return f"body:{hashlib.sha256(body).hexdigest()}"
