"""Stand-ins for catalog, publisher and analytics that serve the paths the gateway composes
public pages, usage reports and playbooks from, each checking the internal token as a real
service does and keeping its data per tenant."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections import defaultdict
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier
from kit.errors import Unauthorized

STORE_URL = "https://store.shopping.yahoo.co.jp/takeo/black-garlic-200.html"
LINK_TENANT = uuid.UUID(int=7)  # the stand-in analytics routes every code to this town's link


class StandIn:
    """One stand-in service: its app, its per-tenant data and the principals it saw."""

    def __init__(self, name: str, signer: TokenSigner) -> None:
        self.name = name
        self.verifier = TokenVerifier(name, issuer=signer.issuer, jwks=signer.jwks())
        self.data: dict[uuid.UUID | None, dict[str, Any]] = defaultdict(dict)
        self.seen: list[InternalPrincipal] = []
        self.requests: list[dict[str, Any]] = []
        self.asked: list[str] = []  # each list question: its path and sorted query
        self.clicks: list[dict[str, Any]] = []  # analytics: the clicks the edge handed over
        self.down = False
        self.delay = 0.0  # seconds each list answer takes, as a loaded service would
        self.app = FastAPI()

    async def caller(self, request: Request) -> InternalPrincipal:
        header = request.headers.get("authorization", "")
        who = await self.verifier.verify(header.removeprefix("Bearer "))
        self.seen.append(who)
        return who

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url=f"http://{self.name}"
        )

    def route_list(self, path: str, key: str) -> None:
        """GET `path`: the tenant's `key` items, filtered by the query's `status` and `slug`."""

        @self.app.get(path)
        async def listing(request: Request) -> Response:
            if self.down:
                return JSONResponse({"type": "internal-error"}, status_code=500)
            await asyncio.sleep(self.delay)
            try:
                who = await self.caller(request)
            except Unauthorized:
                return JSONResponse({"type": "unauthorized"}, status_code=401)
            self.asked.append(f"{path}?{'&'.join(sorted(str(request.query_params).split('&')))}")
            items = self.data[who.tenant_id].get(key, [])
            for field in ("status", "slug"):
                wanted = request.query_params.get(field)
                if wanted is not None:
                    items = [i for i in items if i.get(field) == wanted]
            limit = int(request.query_params.get("limit", "50"))
            more = "more" if len(items) > limit else None  # a real service's opaque cursor
            return JSONResponse({"items": items[:limit], "next_cursor": more})

    def route_playbook(self) -> None:
        @self.app.get("/v1/playbook")
        async def export(request: Request) -> Response:
            who = await self.caller(request)
            return JSONResponse(self.data[who.tenant_id].get("playbook", {}))

        @self.app.put("/v1/playbook")
        async def apply(request: Request) -> Response:
            who = await self.caller(request)
            self.data[who.tenant_id]["playbook"] = await request.json()
            return Response(status_code=204)


def build(signer: TokenSigner) -> dict[str, StandIn]:
    """catalog (products, places, listings, producers, categories, playbook), publisher (posts,
    playbook) and analytics (links, usage, the edge redirect's link routes and clicks, webhooks;
    no playbook)."""
    catalog, publisher, analytics = (
        StandIn(name, signer) for name in ("catalog", "publisher", "analytics")
    )
    catalog.route_list("/v1/products", "products")
    catalog.route_list("/v1/places", "places")
    catalog.route_list("/v1/listings", "listings")
    catalog.route_list("/v1/producers", "producers")
    catalog.route_list("/v1/categories", "categories")
    catalog.route_playbook()
    publisher.route_list("/v1/posts", "posts")
    publisher.route_playbook()
    analytics.route_list("/v1/links", "links")

    @analytics.app.get("/v1/usage")
    async def usage(request: Request) -> Response:
        who = await analytics.caller(request)
        numbers = analytics.data[who.tenant_id].get("usage", {"clicks": 0, "orders": 0})
        return JSONResponse({"month": request.query_params.get("month"), **numbers})

    @analytics.app.get("/internal/v1/links/{code}")
    async def link_route(code: str, request: Request) -> Response:
        await analytics.caller(request)
        analytics.requests.append({"path": request.url.path, "headers": dict(request.headers)})
        if analytics.down:
            return JSONResponse({"type": "internal-error"}, status_code=500)
        if code.startswith("unknown"):
            return JSONResponse({"type": "link-not-found"}, status_code=404)
        return JSONResponse(
            {
                "code": code,
                "tenant_id": str(LINK_TENANT),
                "link_id": str(uuid.uuid5(LINK_TENANT, code)),
                "destination": f"{STORE_URL}?utm_source=machi",
                "expires_at": None,
                "dimensions": {"product_id": str(uuid.uuid5(LINK_TENANT, "garlic"))},
            }
        )

    @analytics.app.post("/internal/v1/clicks", status_code=202)
    async def clicks(request: Request) -> Response:
        await analytics.caller(request)
        batch = (await request.json())["clicks"]
        analytics.clicks.extend(batch)
        return JSONResponse({"accepted": len(batch)}, status_code=202)

    @publisher.app.api_route("/webhooks/{town}/{kind}", methods=["GET", "POST"])
    async def platform_webhook(town: str, kind: str, request: Request) -> Response:
        """The inbox's Meta and LINE webhooks: what reached the publisher, and as whom."""
        who = await publisher.caller(request)
        body = await request.body()
        return JSONResponse(
            {
                "service": "publisher",
                "kind": kind,
                "method": request.method,
                "query": str(request.url.query),
                "tenant_id": str(who.tenant_id),
                "principal_kind": who.kind,
                "sha256": hashlib.sha256(body).hexdigest(),
            }
        )

    @publisher.app.api_route("/webhooks/{kind}", methods=["GET", "POST"])
    async def deployment_webhook(kind: str, request: Request) -> Response:
        """The deployment's Meta and Threads callbacks: what reached the publisher, as whom."""
        who = await publisher.caller(request)
        body = await request.body()
        return JSONResponse(
            {
                "service": "publisher",
                "kind": kind,
                "method": request.method,
                "tenant_id": str(who.tenant_id),
                "principal_kind": who.kind,
                "sha256": hashlib.sha256(body).hexdigest(),
            }
        )

    @analytics.app.post("/webhooks/{town}/{kind}")
    async def webhook(town: str, kind: str, request: Request) -> Response:
        who = await analytics.caller(request)
        body = await request.body()
        return JSONResponse(
            {
                "town": town,
                "kind": kind,
                "tenant_id": str(who.tenant_id),
                "principal_kind": who.kind,
                "sha256": hashlib.sha256(body).hexdigest(),
                "signature": request.headers.get("x-shopify-hmac-sha256"),
            }
        )

    return {s.name: s for s in (catalog, publisher, analytics)}
