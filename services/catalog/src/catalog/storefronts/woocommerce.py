"""WooCommerce REST API v3 adapter: products and the variations of variable products.

https://woocommerce.github.io/woocommerce-rest-api-docs/#products
https://developer.woocommerce.com/docs/apis/rest-api/authentication/
"""

from __future__ import annotations

from typing import Any

import httpx

from catalog.money import to_minor
from catalog.storefronts.base import CallPolicy, StoreItem, call, fill

RULES: dict[str, Any] = {
    # "per_page ... Maximum number of items to be returned in result set. Default is 10"; the
    # API caps it at 100 and reports the page count in X-WP-TotalPages.
    # https://woocommerce.github.io/woocommerce-rest-api-docs/#pagination
    "page_size": 100,
    "total_pages_header": "x-wp-totalpages",
    # Over HTTPS, consumer key and secret go as HTTP Basic auth.
    # https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-https
    "api_path": "/wp-json/wc/v3",
}
CREDENTIALS = ("consumer_key", "consumer_secret")


class WooCommerceStore:
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
        self.api = base_url.rstrip("/") + RULES["api_path"]
        self.auth = httpx.BasicAuth(
            credentials.get("consumer_key", ""), credentials.get("consumer_secret", "")
        )
        self.currency = currency
        self.template = item_url_template
        self.policy = policy

    async def _pages(self, path: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        page, pages = 1, 1
        while page <= pages:
            response = await call(
                self.client,
                "GET",
                f"{self.api}{path}",
                self.policy,
                params={"per_page": RULES["page_size"], "page": page},
                auth=self.auth,
            )
            rows.extend(response.json())
            pages = int(response.headers.get(RULES["total_pages_header"], "1") or 1)
            page += 1
        return rows

    async def fetch_items(self) -> list[StoreItem]:
        """Simple products as they are, variable products as their variations."""
        items: list[StoreItem] = []
        for product in await self._pages("/products"):
            if product.get("type") == "variable":
                for variation in await self._pages(f"/products/{product['id']}/variations"):
                    items.append(self._item(variation, product))
            else:
                items.append(self._item(product, product))
        return items

    def _item(self, row: dict[str, Any], product: dict[str, Any]) -> StoreItem:
        external_id = str(row["id"])
        url = row.get("permalink") or product.get("permalink")
        if self.template:
            url = fill(self.template, item=external_id, handle=product.get("slug", ""))
        stock = row.get("stock_quantity") if row.get("manage_stock") else None
        return StoreItem(
            external_id=external_id,
            sku=row.get("sku") or None,
            price_amount=to_minor(row.get("price") or "", self.currency),
            currency=self.currency,
            stock=int(stock) if stock is not None else None,
            url=url,
        )
