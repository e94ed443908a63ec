"""Shopify Admin REST adapter: products with their variants, prices and inventory quantities.

https://shopify.dev/docs/api/admin-rest/latest/resources/product
https://shopify.dev/docs/api/admin-rest/usage/rate-limits
"""

from __future__ import annotations

import re
from typing import Any

import httpx

from catalog.money import to_minor
from catalog.storefronts.base import CallPolicy, StoreItem, call, fill

API_VERSION = "2024-10"

# Platform rules as data, each row citing its source.
RULES: dict[str, Any] = {
    # "Each app has a bucket size of 40 requests per store ... leak rate of 2 requests per
    # second" (Standard plan), reported as X-Shopify-Shop-Api-Call-Limit: used/size.
    # https://shopify.dev/docs/api/admin-rest/usage/rate-limits
    "call_limit_header": "x-shopify-shop-api-call-limit",
    "leak_per_second": 2.0,
    "keep_free": 2,  # pause before the bucket is full rather than earn a 429
    # "The maximum number of results per page is 250"; pages link with Link: rel="next".
    # https://shopify.dev/docs/api/usage/pagination-rest
    "page_size": 250,
    # Authentication header of a custom app's Admin API access token.
    # https://shopify.dev/docs/api/usage/authentication
    "token_header": "X-Shopify-Access-Token",
}
CREDENTIALS = ("access_token",)
NEXT_LINK = re.compile(r'<([^>]+)>;\s*rel="next"')


def pause_for_bucket(response: httpx.Response) -> float:
    """Seconds to wait so the next call finds room in the leaky bucket."""
    header = response.headers.get(RULES["call_limit_header"], "")
    used, _, size = header.partition("/")
    if not (used.isdigit() and size.isdigit()):
        return 0.0
    keep_free: int = RULES["keep_free"]
    leak: float = RULES["leak_per_second"]
    over = int(used) - (int(size) - keep_free)
    return max(0.0, (over + 1) / leak)


class ShopifyStore:
    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base_url: str,
        credentials: dict[str, str],
        currency: str,
        item_url_template: str | None,
        policy: CallPolicy,
    ) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.headers = {RULES["token_header"]: credentials.get("access_token", "")}
        self.currency = currency
        self.template = item_url_template or self.base_url + "/products/{handle}?variant={item}"
        self.policy = policy

    async def fetch_items(self) -> list[StoreItem]:
        """Every variant of every product, following Link pagination."""
        url: str | None = (
            f"{self.base_url}/admin/api/{API_VERSION}/products.json?limit={RULES['page_size']}"
        )
        items: list[StoreItem] = []
        while url:
            response = await call(
                self.client, "GET", url, self.policy, headers=self.headers, after=pause_for_bucket
            )
            for product in response.json().get("products", []):
                items.extend(self._items(product))
            found = NEXT_LINK.search(response.headers.get("link", ""))
            url = found.group(1) if found else None
        return items

    def _items(self, product: dict[str, Any]) -> list[StoreItem]:
        handle = str(product.get("handle", ""))
        items = []
        for variant in product.get("variants", []):
            tracked = variant.get("inventory_management") is not None
            quantity = variant.get("inventory_quantity")
            external_id = str(variant["id"])
            items.append(
                StoreItem(
                    external_id=external_id,
                    sku=variant.get("sku") or None,
                    price_amount=to_minor(variant.get("price", ""), self.currency),
                    currency=self.currency,
                    stock=int(quantity) if tracked and quantity is not None else None,
                    url=fill(self.template, handle=handle, item=external_id, product=product["id"]),
                )
            )
        return items
