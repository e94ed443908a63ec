"""Public routes, no login: the city page, its storefront, a product, and `/{town}`.

Answers carry a strong `ETag` (a hash of the body) and `Cache-Control: public`; a matching
`If-None-Match` gets 304 (RFC 9110 section 13.1.2); HEAD answers the same headers without the
body (RFC 9110 section 9.3.2). The composed body is cached server-side for
`PUBLIC_CACHE_TTL_SECONDS` per (town, page, language) and rebuilt when the town's catalog or
posts change (`gateway.public.events`); a page with a section unavailable is cached for a few
seconds only, so it recovers quickly when the service does. Concurrent misses of one page build
it once (single flight), and a page asked for in the last quarter of its life is rebuilt in the
background while the cached one is served (stale-while-revalidate, as RFC 5861 describes for
HTTP caches), so a page that is read often never expires under a visitor.

A change of the town is served the same way: the page kept from before the change is answered
while its rebuild runs, one rebuild per page at a time and at most one per `CHANGE_SETTLE_SECONDS`
(a stock count that changes many times a second costs one rebuild a second, not one per visitor).
The builds of a town's pages share the services' answers of the last second
(`gateway.public.cache.Sources`): its store, its products and its languages ask each question
once. A page built from an answer asked before the town's latest change is built again a second
later, so a change shows within about two seconds, and at once after a quiet spell.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from gateway.dependencies import client_ip, enforce_rate
from gateway.errors import TenantSuspended, TownNotFound
from gateway.public.cache import SingleFlight, TTLCache
from gateway.public.schemas import ProductPage, StorePage, TownPage
from gateway.public.service import PublicPages, Reading, Town, choose_language, localize
from gateway.settings import GatewaySettings
from gateway.state import get_state
from gateway.tenants import repository as tenants_repo
from kit.etags import CONDITIONAL_RESPONSES, etag_of, none_match

router = APIRouter(tags=["public"])
DEGRADED_TTL_SECONDS = 5.0
REFRESH_WHEN_LEFT = 0.25  # of a page's lifetime: a hit then starts its rebuild
CHANGE_SETTLE_SECONDS = 1.0  # a changed town's page is rebuilt at most this often
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Page:
    body: bytes
    etag: str
    max_age: int
    language: str
    generation: int = 0  # of its town's oldest answer it was built from (`PublicState`)


PageBuild = Callable[[int], Awaitable[Page]]  # at the town's generation, a page of it or older


class PublicState:
    """The public pages' composer and caches, one per app."""

    def __init__(self, pages: PublicPages, settings: GatewaySettings) -> None:
        self.pages = pages
        self.ttl = settings.public_cache_ttl_seconds
        self.towns: TTLCache[Town] = TTLCache(settings.public_cache_max_entries)
        self.bodies: TTLCache[Page] = TTLCache(settings.public_cache_max_entries)
        self.slugs: dict[uuid.UUID, str] = {}  # events name the tenant, the caches its slug
        self.generations: dict[str, int] = {}  # bumped by each change of the town
        self.builds: SingleFlight[Page] = SingleFlight()
        self.rebuilt: dict[tuple[str, ...], float] = {}  # when a change last rebuilt each page

    async def page(self, key: tuple[str, ...], build: PageBuild) -> Page:
        """The cached page of `key` (its rebuild started when it nears its end or when its town
        changed), else the page of the one build of `key` running for every visitor who
        missed it."""
        generation = self.generations.get(key[0], 0)
        # A change of the town starts new builds: none started before it is shared after it.
        flight = (generation, *key)
        found = self.bodies.lookup(key)
        if found is None:
            return await self.builds.run(flight, lambda: self._store(key, generation, build))
        page, left = found
        if page.generation != generation:
            self.builds.start(("changed", *key), lambda: self._rebuild_changed(key, build))
        elif left < page.max_age * REFRESH_WHEN_LEFT:
            self.builds.start(flight, lambda: self._store(key, generation, build))
        return page

    def kept(self, key: tuple[str, ...]) -> Page | None:
        """The page of `key` when it can be answered as it is: kept, of its town's current
        generation and not in the last part of its life (else `page` has work to start)."""
        found = self.bodies.lookup(key)
        if found is None:
            return None
        page, left = found
        if page.generation != self.generations.get(key[0], 0):
            return None
        return page if left >= page.max_age * REFRESH_WHEN_LEFT else None

    async def _store(self, key: tuple[str, ...], generation: int, build: PageBuild) -> Page:
        page = await build(generation)
        kept = self.bodies.get(key)
        if kept is None or kept.generation <= page.generation:  # never over a newer page
            self.bodies.put(key, page, page.max_age)
        return page

    async def _rebuild_changed(self, key: tuple[str, ...], build: PageBuild) -> Page:
        """The page of a town that changed, built again no sooner than `CHANGE_SETTLE_SECONDS`
        after its last such rebuild; the kept page answers meanwhile."""
        wait = self.rebuilt.get(key, 0.0) + CHANGE_SETTLE_SECONDS - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        self.rebuilt[key] = time.monotonic()
        if len(self.rebuilt) > self.bodies.max_entries:
            self.rebuilt.clear()
        return await self._store(key, self.generations.get(key[0], 0), build)

    def drop_tenant(self, tenant_id: uuid.UUID) -> None:
        """The town's catalog or posts changed: its kept pages are rebuilt as they are read."""
        slug = self.slugs.get(tenant_id)
        if slug is None:
            return  # nothing of it was cached by this process
        self.generations[slug] = self.generations.get(slug, 0) + 1


def _state(request: Request) -> PublicState:
    state = get_state(request).public
    return state


async def town_of(request: Request, slug: str) -> Town:
    """The town `slug`, kept a few seconds (`DEGRADED_TTL_SECONDS`; a change of a tenant made
    through this process forgets them at once): 404 when unknown, 403 when suspended."""
    if not SLUG.match(slug):
        raise TownNotFound(f"no town {slug!r}")  # favicon.ico and the like: no query
    public = _state(request)
    town = public.towns.get((slug,))
    if town is None:
        db = get_state(request).db
        async with db.transaction() as session:
            tenant = await tenants_repo.get_tenant_by_slug(session, slug)
        if tenant is None:
            raise TownNotFound(f"no town {slug!r}")
        town = Town.of(tenant)
        public.slugs[town.id] = slug
        # Even with the page cache off: a suspension shows within seconds, not per request.
        public.towns.put((slug,), town, DEGRADED_TTL_SECONDS)
    if not town.active:
        raise TenantSuspended(f"town {slug} is suspended")
    return town


def _degraded(document: dict[str, Any]) -> bool:
    return any(
        isinstance(section, dict) and section.get("available") is False
        for section in document.values()
    )


def _page(document: dict[str, Any], language: str, ttl: float) -> Page:
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    max_age = int(min(ttl, DEGRADED_TTL_SECONDS) if _degraded(document) else ttl)
    return Page(body, etag_of(body), max_age, language)


def respond(request: Request, page: Page) -> Response:
    headers = {
        "etag": page.etag,
        "cache-control": f"public, max-age={page.max_age}",
        "vary": "Accept-Language",
        "content-language": page.language,
    }
    if none_match(request.headers.get("if-none-match"), page.etag):
        return Response(status_code=304, headers=headers)
    if request.method == "HEAD":
        headers["content-length"] = str(len(page.body))
        return Response(media_type="application/json", headers=headers)
    return Response(page.body, media_type="application/json", headers=headers)


Compose = Callable[[Reading], Awaitable[dict[str, Any] | None]]


async def _serve(request: Request, slug: str, kind: tuple[str, ...], compose: Compose) -> Response:
    settings = get_state(request).settings
    await enforce_rate(request, f"ip:{client_ip(request)}", settings.public_rate_limit_per_minute)
    public = _state(request)
    town = await town_of(request, slug)
    language = choose_language(request.headers.get("accept-language"), town)

    async def build(generation: int) -> Page:
        reading = public.pages.reading(town, generation)
        document = await compose(reading)
        if document is None:
            raise TownNotFound(f"no such page in {slug}")
        page = _page(localize(document, language, town.fallback_locale), language, public.ttl)
        return dataclasses.replace(page, generation=reading.oldest)

    return respond(request, await public.page((slug, *kind, language), build))


@router.get(
    "/public/{town}",
    operation_id="public_town",
    response_model=TownPage,
    responses=CONDITIONAL_RESPONSES,
)
@router.head("/public/{town}", include_in_schema=False)
async def town_page(town: str, request: Request) -> Response:
    """The town's page: profile, latest posts, featured products with buy links, places."""
    return await _serve(request, town, ("page",), Reading.town_page)


@router.get("/public/{town}/store", response_model=StorePage, responses=CONDITIONAL_RESPONSES)
@router.head("/public/{town}/store", include_in_schema=False)
async def store_page(town: str, request: Request) -> Response:
    """The town's storefront: products with listings, prices, stock and tracked buy links."""
    return await _serve(request, town, ("store",), Reading.store_page)


@router.get(
    "/public/{town}/products/{slug}", response_model=ProductPage, responses=CONDITIONAL_RESPONSES
)
@router.head("/public/{town}/products/{slug}", include_in_schema=False)
async def product_page(town: str, slug: str, request: Request) -> Response:
    """One published product of the town."""
    return await _serve(request, town, ("product", slug), lambda page: page.product_page(slug))


# Registered last (see gateway.app): a single segment no other route took.
home_router = APIRouter(tags=["public"])


@home_router.get(
    "/{town}", response_class=RedirectResponse, status_code=302, operation_id="town_home"
)
async def town_home(town: str, request: Request) -> Response:
    """The town's homepage: a redirect to its primary social page, as Takeo did."""
    found = await town_of(request, town)
    if not found.primary_social_url:
        raise TownNotFound(f"{town} has no primary social page")
    return RedirectResponse(found.primary_social_url, status_code=302)
