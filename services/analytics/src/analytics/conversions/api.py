"""Conversions: signed store webhooks (forwarded by the gateway with an anonymous token that
carries the town's tenant), the generic postback, and CSV import."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from analytics.conversions import repository as conversions_repo
from analytics.conversions import service
from analytics.conversions.schemas import ConversionRead, ImportResult, WebhookResult
from analytics.conversions.stores import csv_import, shopify, woocommerce
from analytics.conversions.stores.postback import SIGNATURE_HEADER, Postback
from analytics.dependencies import ContextDep
from analytics.errors import BadOrder, BadSignature, WebhookNotConfigured
from analytics.tracking import service as tracking
from analytics.tracking.schemas import Store
from kit import signatures
from kit.auth import InternalPrincipal
from kit.dependencies import PrincipalDep, SessionDep
from kit.errors import InvalidInput, NotFound
from kit.pagination import DEFAULT_LIMIT, Limit, Page

router = APIRouter(prefix="/v1/conversions", tags=["conversions"])
webhooks = APIRouter(prefix="/webhooks/{town}", tags=["webhooks"])
MAX_IMPORT_BYTES = 20_000_000


async def _verified_body(
    request: Request,
    session: SessionDep,
    principal: InternalPrincipal,
    ctx: ContextDep,
    store: Store,
    header: str,
    check: Any,
) -> bytes:
    if principal.tenant_id is None:
        raise NotFound("unknown town")
    secret = await tracking.webhook_secret(session, store, ctx.secrets)
    if secret is None:
        raise WebhookNotConfigured()
    body = await request.body()
    if not check(secret, body, request.headers.get(header, "")):
        raise BadSignature()
    return body


def _json(body: bytes) -> dict[str, Any]:
    try:
        return signatures.json_object(body)
    except ValueError as exc:
        raise BadOrder(str(exc)) from exc


@webhooks.post("/shopify", response_model=WebhookResult)
async def shopify_webhook(
    town: str, request: Request, session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> WebhookResult:
    """Shopify order webhooks (HMAC of the raw body; deduplicated by its signed content)."""
    body = await _verified_body(
        request,
        session,
        principal,
        ctx,
        "shopify",
        shopify.SIGNATURE_HEADER,
        signatures.matches_base64,
    )
    topic = request.headers.get(shopify.TOPIC_HEADER, "orders/create")
    payload = _json(body)
    shopify.check_topic(topic, payload)
    key = shopify.delivery_key(topic, payload, body)
    if not await conversions_repo.first_delivery(session, "shopify", key):
        return WebhookResult(result="duplicate")
    if topic in shopify.RECORD_TOPICS:
        order = shopify.order(payload, ctx.settings.click_id_param)
        recorded = await service.record(session, order, ctx.settings.attribution_window_days)
        return WebhookResult(result="recorded" if recorded else "duplicate")
    if topic in shopify.REVERSE_TOPICS:
        reversed_ = await service.reverse(session, shopify.reversal(topic, payload))
        return WebhookResult(result="reversed" if reversed_ else "ignored")
    return WebhookResult(result="ignored")


@webhooks.post("/woocommerce", response_model=WebhookResult)
async def woocommerce_webhook(
    town: str, request: Request, session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> WebhookResult:
    """WooCommerce order webhooks (X-WC-Webhook-Signature; deduplicated by signed content)."""
    body = await _verified_body(
        request,
        session,
        principal,
        ctx,
        "woocommerce",
        woocommerce.SIGNATURE_HEADER,
        signatures.matches_base64,
    )
    if body.startswith(b"webhook_id="):
        return WebhookResult(result="ignored")  # the creation ping
    payload = _json(body)
    key = woocommerce.delivery_key(payload, body)
    if not await conversions_repo.first_delivery(session, "woocommerce", key):
        return WebhookResult(result="duplicate")
    if woocommerce.is_reversal(payload):
        reversed_ = await service.reverse(session, woocommerce.reversal(payload))
        return WebhookResult(result="reversed" if reversed_ else "ignored")
    order = woocommerce.order(payload, ctx.settings.click_id_param)
    recorded = await service.record(session, order, ctx.settings.attribution_window_days)
    return WebhookResult(result="recorded" if recorded else "duplicate")


@webhooks.post("/postback", response_model=WebhookResult)
async def postback(
    town: str, request: Request, session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> WebhookResult:
    """A signed server-to-server postback: approved records, cancelled reverses."""
    body = await _verified_body(
        request, session, principal, ctx, "postback", SIGNATURE_HEADER, signatures.matches_hex
    )
    try:
        data = Postback.model_validate_json(body)
    except ValueError as exc:
        raise BadOrder(str(exc)) from exc
    if data.status == "cancelled":
        reversed_ = await service.reverse(session, data.reversal())
        return WebhookResult(result="reversed" if reversed_ else "ignored")
    recorded = await service.record(session, data.order(), ctx.settings.attribution_window_days)
    return WebhookResult(result="recorded" if recorded else "duplicate")


@router.post("/import", response_model=ImportResult)
async def import_orders(
    request: Request,
    session: SessionDep,
    ctx: ContextDep,
    store: Annotated[Literal["yahoo", "rakuten", "csv"], Query()] = "yahoo",
) -> ImportResult:
    """Import a store's order CSV, matched by click id or coupon code; all rows or none."""
    body = await request.body()
    if len(body) > MAX_IMPORT_BYTES:
        raise InvalidInput(f"the CSV is over {MAX_IMPORT_BYTES // 1_000_000} MB; split it by month")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput("the CSV must be UTF-8") from exc
    parsed = csv_import.parse(text, store)
    if parsed.errors:
        raise InvalidInput("some rows are not valid; nothing was imported", errors=parsed.errors)
    imported = duplicates = 0
    for order in parsed.orders:
        if await service.record(session, order, ctx.settings.attribution_window_days):
            imported += 1
        else:
            duplicates += 1
    reversed_ = sum([await service.reverse(session, r) for r in parsed.reversals])
    return ImportResult(imported=imported, duplicates=duplicates, reversed=reversed_)


@router.get("", response_model=Page[ConversionRead])
async def list_conversions(
    session: SessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[ConversionRead]:
    """The tenant's conversions, latest order first (cursor pagination)."""
    rows, next_cursor = await conversions_repo.page(session, cursor, limit)
    items = [ConversionRead.model_validate(row) for row in rows]
    return Page[ConversionRead](items=items, next_cursor=next_cursor)
