"""Kept public pages answered in front of FastAPI's router.

A pure ASGI middleware inside the request context (request id, metrics, access line) and in
front of the router: a page kept for the visitor's town, page and language, of the town's
current generation and not due for its rebuild, costs two dictionary lookups, a rate-limit take
and the answer `gateway.public.api` would give (ETag, 304, HEAD, the same headers). Everything
else goes on to the router, which answers as before: a page not kept or due for a rebuild, a
town not looked up yet or suspended, any other path.
"""

from __future__ import annotations

import re

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.dependencies import client_ip, enforce_rate
from gateway.public.api import SLUG, respond
from gateway.public.service import choose_language
from gateway.state import GatewayState
from kit.errors import ProblemError
from kit.http import problem_of

PAGE = re.compile(r"^/public/([^/]+)(?:/(store)|/products/([^/]+))?$")


class _Route:
    """What `scope["route"]` holds for the request metrics and the access line: the template."""

    def __init__(self, path: str) -> None:
        self.path = path


TOWN_PAGE, STORE_PAGE = _Route("/public/{town}"), _Route("/public/{town}/store")
PRODUCT_PAGE = _Route("/public/{town}/products/{slug}")


class PublicEdge:
    """Answers GET and HEAD of a kept public page; passes every other request to `app`."""

    def __init__(self, app: ASGIApp, state: GatewayState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "") if scope["type"] == "http" else ""
        matched = PAGE.match(path) if path.startswith("/public/") else None
        if matched is None or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        slug, store, product = matched.groups()
        public = self.state.public
        town = public.towns.get((slug,)) if SLUG.match(slug) else None
        if town is None or not town.active:
            await self.app(scope, receive, send)
            return
        language = choose_language(Headers(scope=scope).get("accept-language"), town)
        kind = ("store",) if store else ("product", product) if product else ("page",)
        page = public.kept((slug, *kind, language))
        if page is None:
            await self.app(scope, receive, send)
            return
        scope["route"] = STORE_PAGE if store else PRODUCT_PAGE if product else TOWN_PAGE
        request = Request(scope, receive)
        settings = self.state.settings
        try:
            await enforce_rate(
                request, f"ip:{client_ip(request)}", settings.public_rate_limit_per_minute
            )
        except ProblemError as refusal:
            await problem_of(refusal)(scope, receive, send)
            return
        await respond(request, page)(scope, receive, send)
