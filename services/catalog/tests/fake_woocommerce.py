"""A WooCommerce-shaped store: REST API v3 products and variations, Basic auth, per_page/page
pagination with X-WP-Total / X-WP-TotalPages (woocommerce.github.io/woocommerce-rest-api-docs)."""

import base64
from typing import Any

from fastapi import FastAPI, Header
from fastapi.responses import JSONResponse

KEY, SECRET = "ck_test", "cs_test"


class FakeWooCommerce:
    def __init__(self) -> None:
        self.products: list[dict[str, Any]] = []
        self.variations: dict[int, list[dict[str, Any]]] = {}
        self.app = self._build()

    def _authorized(self, header: str) -> bool:
        expected = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
        return header == f"Basic {expected}"

    def _page(self, rows: list[dict[str, Any]], per_page: int, page: int) -> JSONResponse:
        pages = max(1, -(-len(rows) // per_page))
        start = (page - 1) * per_page
        return JSONResponse(
            rows[start : start + per_page],
            headers={"X-WP-Total": str(len(rows)), "X-WP-TotalPages": str(pages)},
        )

    def _build(self) -> FastAPI:
        app = FastAPI()
        unauthorized = JSONResponse(
            {
                "code": "woocommerce_rest_cannot_view",
                "message": "Sorry, you cannot list resources.",
            },
            status_code=401,
        )

        @app.get("/wp-json/wc/v3/products")
        async def products(
            per_page: int = 10, page: int = 1, authorization: str = Header(default="")
        ) -> JSONResponse:
            if not self._authorized(authorization):
                return unauthorized
            return self._page(self.products, per_page, page)

        @app.get("/wp-json/wc/v3/products/{product_id}/variations")
        async def variations(
            product_id: int,
            per_page: int = 10,
            page: int = 1,
            authorization: str = Header(default=""),
        ) -> JSONResponse:
            if not self._authorized(authorization):
                return unauthorized
            return self._page(self.variations.get(product_id, []), per_page, page)

        return app
