"""The public city page and storefront, composed by the gateway from the services' APIs.

Each section comes from one service call made with an anonymous internal token carrying the
town's tenant; a service that errs or is down turns its section into `{"available": false}` and
the page still answers. Text in several languages is reduced to the visitor's language, chosen
from `Accept-Language` (RFC 9110 section 12.5.4) among the town's locales, else its fallback.
"""

from __future__ import annotations

import asyncio
import functools
import re
import uuid
from dataclasses import dataclass
from typing import Any

from gateway.public.cache import Sources
from gateway.tenants.models import Tenant
from gateway.upstream import ServiceCaller, Unavailable, anonymous

LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
LATEST_POSTS = 10
FEATURED_PRODUCTS = 12
STORE_PRODUCTS = 100
PLACES = 20
LINKS = 200  # the services' page size limit (kit.pagination.MAX_LIMIT)
PRODUCERS = 200
CATEGORIES = 200


@dataclass(frozen=True)
class Town:
    """What the public pages need of a tenant (cached, so a plain value)."""

    id: uuid.UUID
    slug: str
    name: dict[str, str]
    locales: tuple[str, ...]
    fallback_locale: str
    population: int | None
    timezone: str
    currency: str
    primary_social_url: str | None
    active: bool

    @classmethod
    def of(cls, tenant: Tenant) -> Town:
        return cls(
            id=tenant.id,
            slug=tenant.slug,
            name=dict(tenant.name),
            locales=tuple(tenant.locales),
            fallback_locale=tenant.fallback_locale,
            population=tenant.population,
            timezone=tenant.timezone,
            currency=tenant.currency,
            primary_social_url=tenant.primary_social_url,
            active=tenant.status == "active",
        )


def choose_language(accept_language: str | None, town: Town) -> str:
    """The town locale the visitor prefers most, else the town's fallback."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if tag and quality > 0:
            ranked.append((-quality, position, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        for locale in town.locales:
            if tag == locale.lower() or tag.split("-")[0] == locale.lower().split("-")[0]:
                return locale
    return town.fallback_locale


@functools.lru_cache(maxsize=4096)  # the same few keys (ids, names, language codes) recur
def _is_language(key: str) -> bool:
    return LANGUAGE_KEY.match(key) is not None


def _is_translations(value: dict[str, Any]) -> bool:
    return bool(value) and all(
        isinstance(v, str) and isinstance(k, str) and _is_language(k) for k, v in value.items()
    )


def localize(value: Any, lang: str, fallback: str) -> Any:
    """`value` with every {language: text} object reduced to the text in `lang`."""
    if isinstance(value, list):
        return [localize(item, lang, fallback) for item in value]
    if not isinstance(value, dict):
        return value
    if _is_translations(value):
        return value.get(lang) or value.get(fallback) or next(iter(value.values()))
    # Leaves are most of a page: only containers are walked into.
    return {
        key: localize(item, lang, fallback) if isinstance(item, dict | list) else item
        for key, item in value.items()
    }


def _items(answer: Any) -> list[dict[str, Any]] | None:
    if isinstance(answer, Unavailable):
        return None
    items = answer.get("items") if isinstance(answer, dict) else answer
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else None


def _section(items: list[dict[str, Any]] | None) -> dict[str, Any]:
    if items is None:
        return {"available": False}
    return {"available": True, "items": items}


def _buy_links(links: list[dict[str, Any]] | None) -> dict[str, str]:
    """Product id -> the tracked `/r/{code}` path that leads to the store."""
    found: dict[str, str] = {}
    for link in links or []:
        product, code = link.get("product_id"), link.get("code")
        if product and code and str(product) not in found:
            found[str(product)] = f"/r/{code}"
    return found


def _listings_by_product(
    products: list[dict[str, Any]], listings: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Listings grouped by product: the catalog lists them by variant, the sellable unit."""
    owner = {
        str(variant.get("id")): str(product.get("id"))
        for product in products
        for variant in product.get("variants") or []
        if isinstance(variant, dict)
    }
    grouped: dict[str, list[dict[str, Any]]] = {}
    for listing in listings:
        product = listing.get("product_id") or owner.get(str(listing.get("variant_id")))
        if product is not None:
            grouped.setdefault(str(product), []).append(listing)
    return grouped


def _with_buy_links(
    products: list[dict[str, Any]] | None,
    links: dict[str, str],
    listings: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]] | None:
    if products is None:
        return None
    by_product = _listings_by_product(products, listings or [])
    enriched = []
    for product in products:
        key = str(product.get("id"))
        extra: dict[str, Any] = {"buy_url": links.get(key)}
        if listings is not None:
            extra["listings"] = by_product.get(key, [])
        enriched.append({**product, **extra})
    return enriched


def _public_producer(producer: dict[str, Any]) -> dict[str, Any]:
    """What a product card needs of its producer: who they are and their story."""
    return {key: producer.get(key) for key in ("id", "kind", "name", "story")}


def _with_producers(
    products: list[dict[str, Any]] | None, producers: list[dict[str, Any]] | None
) -> list[dict[str, Any]] | None:
    """Each product with `producer` (None when the producer is not among the public ones)."""
    if products is None:
        return None
    by_id = {str(p.get("id")): _public_producer(p) for p in producers or []}
    return [{**p, "producer": by_id.get(str(p.get("producer_id")))} for p in products]


def _category(category: dict[str, Any]) -> dict[str, Any]:
    return {key: category.get(key) for key in ("id", "slug", "name", "parent_id")}


def _profile(town: Town) -> dict[str, Any]:
    return {
        "slug": town.slug,
        "name": town.name,
        "population": town.population,
        "timezone": town.timezone,
        "currency": town.currency,
        "locales": list(town.locales),
        "social_url": town.primary_social_url,
    }


class PublicPages:
    """Composes the public pages from the services."""

    def __init__(self, services: ServiceCaller, max_sources: int = 4096) -> None:
        self.services = services
        self.sources = Sources(max_sources)

    def reading(self, town: Town, generation: int) -> Reading:
        """The questions of one build of a page of `town`, at the town's `generation`."""
        return Reading(self, town, generation)

    async def ask(self, service: str, path: str, town: Town, params: dict[str, Any]) -> Any:
        """One service's JSON answer for `town`, or why it could not be had."""
        return await self.services.call(service, "GET", path, anonymous(town.id), params=params)


class Reading:
    """One page build's calls to the services, answered from the town's shared `Sources`;
    `oldest` is the town generation of the oldest answer it used."""

    def __init__(self, pages: PublicPages, town: Town, generation: int) -> None:
        self.pages = pages
        self.town = town
        self.oldest = generation

    async def get(self, service: str, path: str, **params: Any) -> Any:
        key = (self.town.id, service, path, *sorted(params.items()))
        answer, generation = await self.pages.sources.ask(
            key, self.oldest, lambda: self.pages.ask(service, path, self.town, params)
        )
        self.oldest = min(self.oldest, generation)
        return answer

    async def town_page(self) -> dict[str, Any]:
        """Profile, latest published posts, in-season products with buy links, places."""
        posts, products, places, links = await asyncio.gather(
            self.get("publisher", "/v1/posts", status="published", limit=LATEST_POSTS),
            self.get(
                "catalog",
                "/v1/products",
                status="published",
                in_season="true",  # in one of its season months and inside its sale window
                limit=FEATURED_PRODUCTS,
            ),
            self.get("catalog", "/v1/places", status="published", limit=PLACES),
            self._links(),
        )
        buy = _buy_links(_items(links))
        return {
            "town": _profile(self.town),
            "posts": _section(_items(posts)),
            "products": _section(_with_buy_links(_items(products), buy)),
            "places": _section(_items(places)),
        }

    async def store_page(self) -> dict[str, Any]:
        """Published products with their producer, storefront listings and tracked buy links,
        and the town's categories to group them by."""
        products, listings, links, producers, categories = await asyncio.gather(
            self._published(),
            self._listings(),
            self._links(),
            self._producers(),
            self.get("catalog", "/v1/categories", limit=CATEGORIES),
        )
        buy = _buy_links(_items(links))
        sold = _with_buy_links(_items(products), buy, _items(listings) or [])
        found = _items(categories)
        return {
            "town": _profile(self.town),
            "products": _section(_with_producers(sold, _items(producers))),
            "categories": _section(None if found is None else [_category(c) for c in found]),
        }

    async def product_page(self, slug: str) -> dict[str, Any] | None:
        """One published product by slug; None when the catalog answers and has no such one.
        The product is looked for among the store's products (a question the other pages
        share) and asked for by slug only when the store's list is longer than one page."""
        published, listings, links, producers = await asyncio.gather(
            self._published(), self._listings(), self._links(), self._producers()
        )
        products: Any = published
        if not isinstance(published, Unavailable) and _more_than_one_page(published):
            found = _items(published) or []
            if not any(p.get("slug") == slug for p in found):
                products = await self.get("catalog", "/v1/products", status="published", slug=slug)
        items = _items(products)
        if items is None:
            return {"town": _profile(self.town), "product": {"available": False}}
        matching = [p for p in items if p.get("slug") == slug]
        if not matching:
            return None
        enriched = _with_producers(
            _with_buy_links(matching[:1], _buy_links(_items(links)), _items(listings)),
            _items(producers),
        )
        return {
            "town": _profile(self.town),
            "product": {"available": True, **(enriched or [{}])[0]},
        }

    # The questions several pages ask, spelled once so that they are the same question.
    async def _published(self) -> Any:
        return await self.get("catalog", "/v1/products", status="published", limit=STORE_PRODUCTS)

    async def _listings(self) -> Any:
        return await self.get("catalog", "/v1/listings", limit=STORE_PRODUCTS)

    async def _links(self) -> Any:
        return await self.get("analytics", "/v1/links", limit=LINKS)

    async def _producers(self) -> Any:
        return await self.get("catalog", "/v1/producers", limit=PRODUCERS)


def _more_than_one_page(answer: Any) -> bool:
    """Whether a list answer says there is more after it."""
    return isinstance(answer, dict) and answer.get("next_cursor") is not None
