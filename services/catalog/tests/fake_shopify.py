"""A Shopify-shaped store: Admin REST products.json with the documented auth, pagination,
429 + Retry-After and X-Shopify-Shop-Api-Call-Limit headers (shopify.dev rate-limits page)."""

import time
from typing import Any

from fastapi import FastAPI, Header, Request
from fastapi.responses import JSONResponse

TOKEN = "shpat_test_token"


class FakeShopify:
    def __init__(self) -> None:
        self.products: list[dict[str, Any]] = []
        self.throttle_next = 0  # answer this many calls with 429 first
        self.retry_after = "0.3"
        self.calls: list[float] = []
        self.app = self._build()

    def add(self, product_id: int, handle: str, variants: list[dict[str, Any]]) -> None:
        self.products.append({"id": product_id, "handle": handle, "variants": variants})

    def variant(self, variant_id: int) -> dict[str, Any]:
        for product in self.products:
            for variant in product["variants"]:
                if variant["id"] == variant_id:
                    return variant
        raise KeyError(variant_id)

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get("/admin/api/{version}/products.json")
        async def products(
            request: Request,
            version: str,
            limit: int = 50,
            page_info: str | None = None,
            x_shopify_access_token: str = Header(default=""),
        ) -> JSONResponse:
            self.calls.append(time.monotonic())
            if x_shopify_access_token != TOKEN:
                return JSONResponse(
                    {"errors": "[API] Invalid API key or access token"}, status_code=401
                )
            if self.throttle_next:
                self.throttle_next -= 1
                return JSONResponse(
                    {"errors": "Exceeded 2 calls per second for api client."},
                    status_code=429,
                    headers={"Retry-After": self.retry_after},
                )
            start = int(page_info or 0)
            page = self.products[start : start + limit]
            headers = {"X-Shopify-Shop-Api-Call-Limit": f"{len(self.calls)}/40"}
            if start + limit < len(self.products):
                next_url = f"{request.url_for('products', version=version)}"
                headers["Link"] = (
                    f'<{next_url}?limit={limit}&page_info={start + limit}>; rel="next"'
                )
            return JSONResponse({"products": page}, headers=headers)

        return app
