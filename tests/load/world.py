"""What the load runs against, made through the gateway's API as a town would make it: the
operator opens a town whose store domain is a fake host, its admin registers a producer,
publishes products with variants, creates tracked links to the store and sets the Shopify
webhook secret."""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from .conftest import OPERATOR, LoadPlatform

PASSWORD = "correct horse battery"
STORE_DOMAIN = "store.load.example"  # never fetched: the load generator follows no redirect
PRODUCTS = 12
LINKS = 24


@dataclass
class Product:
    id: str
    slug: str
    variant_ids: list[str]


@dataclass
class Town:
    """The tenant under load and what the visitors, the store and the staff use."""

    id: str
    slug: str
    producer_id: str
    admin_token: str
    products: list[Product]
    link_codes: list[str]
    shopify_secret: str


def ok(response: httpx.Response, status: int = 200) -> Any:
    """The JSON body of an answer that must have `status`."""
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
    )
    return response.json() if response.content else None


def login(http: httpx.Client, email: str, password: str) -> str:
    token = ok(http.post("/v1/auth/token", json={"email": email, "password": password}))
    return str(token["access_token"])


def retried(call: Any, status: int, timeout: float = 60) -> Any:
    """`call()` until it answers `status`: in the split platform the tenant reaches analytics
    and catalog as an event, a moment after the gateway created it."""
    deadline = time.monotonic() + timeout
    while True:
        response: httpx.Response = call()
        if response.status_code == status or time.monotonic() > deadline:
            return ok(response, status)
        time.sleep(0.3)


def open_town(platform: LoadPlatform) -> Town:
    """The town, its admin, producer, published products, tracked links and webhook secret."""
    slug = f"load{uuid.uuid4().hex[:6]}"
    http = httpx.Client(base_url=platform.url, timeout=60)
    http.headers["Authorization"] = f"Bearer {login(http, *OPERATOR)}"
    tenant = ok(
        http.post(
            "/v1/tenants",
            json={
                "slug": slug,
                "name": {"ja": "負荷町", "en": "Load Town"},
                "timezone": "Asia/Tokyo",
                "locales": ["ja", "en"],
                "population": 30_000,
                "currency": "JPY",
                "allowed_store_domains": [STORE_DOMAIN],
                # The plan's per-user API rate would refuse the staff's writes under load.
                "limits": {"active_products": 1000, "api_requests_per_minute": 10_000_000},
            },
        ),
        201,
    )
    email = f"admin@{slug}.example"
    invitation = ok(
        http.post(
            "/v1/invitations", json={"email": email, "roles": ["admin"], "tenant_id": tenant["id"]}
        ),
        201,
    )
    anonymous = httpx.Client(base_url=platform.url, timeout=60)
    ok(anonymous.post(invitation["accept_path"], json={"password": PASSWORD}), 201)
    admin_token = login(anonymous, email, PASSWORD)
    admin = httpx.Client(
        base_url=platform.url, timeout=60, headers={"Authorization": f"Bearer {admin_token}"}
    )
    producer = retried(
        lambda: admin.post("/v1/producers", json={"kind": "farm", "name": {"ja": "負荷農園"}}),
        201,
    )
    products = [_published_product(admin, producer["id"], n) for n in range(PRODUCTS)]
    codes = []
    for n in range(LINKS):
        product = products[n % len(products)]
        link = retried(
            lambda product=product, n=n: admin.post(
                "/v1/links",
                json={
                    "destination": f"https://{STORE_DOMAIN}/items/{product.slug}.html",
                    "utm": {"utm_source": "instagram", "utm_medium": "social"},
                    "platform": "instagram",
                    "product_id": product.id,
                    "producer_id": producer["id"],
                    "code": f"{slug}-{n}",
                },
            ),
            201,
        )
        codes.append(link["code"])
    secret = f"shpss_{secrets.token_hex(16)}"
    ok(admin.put("/v1/settings/webhooks/shopify", json={"secret": secret}), 204)
    for client in (http, anonymous, admin):
        client.close()
    return Town(tenant["id"], slug, producer["id"], admin_token, products, codes, secret)


def _published_product(admin: httpx.Client, producer_id: str, n: int) -> Product:
    slug = f"specialty-{n}"
    product = ok(
        admin.post(
            "/v1/products",
            json={
                "producer_id": producer_id,
                "slug": slug,
                "name": {"ja": f"名産 {n}", "en": f"Specialty {n}"},
                "description": {"ja": "おいしい。", "en": "Tasty."},
                "price_amount": 1000 + n,
                "season_months": [],
                "variants": [
                    {"sku": f"s{n}-small", "unit": "g", "quantity": 200, "price_amount": 1000 + n},
                    {"sku": f"s{n}-large", "unit": "g", "quantity": 500, "price_amount": 2400 + n},
                ],
            },
        ),
        201,
    )
    product = ok(admin.post(f"/v1/products/{product['id']}/publish"))
    return Product(product["id"], slug, [v["id"] for v in product["variants"]])
