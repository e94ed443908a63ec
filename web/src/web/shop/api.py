"""The "Fun Buy" city page: `/{town}/shop` and `/{town}/shop/{slug}`, server-rendered from the
public API (no login, no script), cacheable like the JSON it is drawn from."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from babel.numbers import get_currency_precision
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from machi_client import Client
from machi_client.api.public import public_products_get, public_store, public_town
from machi_client.models import AvailableProduct, ProductPage, StorePage, TownPage
from web.dependencies import LanguageDep, RendererDep, anonymous_api
from web.gateway import ApiError, parsed
from web.rendering import Renderer
from web.shop import service
from web.shop.cache import PageCache

router = APIRouter()
# Browsers and shared caches may keep the page a minute; the gateway's own cache of the JSON is
# dropped on every change of the town, so a minute is the longest a visitor sees an old price.
CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600"


HEADERS = {"Cache-Control": CACHE_CONTROL, "Vary": "Accept-Language, Cookie"}


def _cached(body: bytes) -> HTMLResponse:
    return HTMLResponse(body, headers=HEADERS)


def _key(request: Request, language: str) -> tuple[str, ...]:
    """As `KeptPages` finds it: the Host header, the path, the language."""
    return (request.headers.get("host", ""), request.url.path, language)


def _cache(request: Request) -> PageCache:
    cache: PageCache = request.app.state.page_cache
    return cache


def _base(request: Request) -> str:
    base: str = request.app.state.public_api_url
    return base


@router.get("/{town}/shop", response_class=HTMLResponse)
async def city_page(
    town: str, request: Request, render: RendererDep, language: LanguageDep
) -> HTMLResponse:
    """The town's "Fun Buy" page: the specialty of the day, what is in season, every product,
    places and the latest posts."""

    async def render_page() -> bytes:  # a client is made only when the page is not kept
        api = anonymous_api(request)
        return bytes((await _city_page(town, request, api, render, language)).body)

    return _cached(await _cache(request).get(_key(request, language), render_page))


async def _city_page(
    town: str, request: Request, api: Client, render: Renderer, language: str
) -> HTMLResponse:
    page = parsed(await public_town.asyncio_detailed(town, client=api), TownPage)
    store = parsed(await public_store.asyncio_detailed(town, client=api), StorePage)
    base = _base(request)
    profile = service.town_of(page.town)
    everything = service.cards(store.products, language, base)
    # The store's cards carry the producer's story; the town page's only say what is in season.
    by_id = {c.id: c for c in everything}
    in_season = [by_id.get(c.id, c) for c in service.cards(page.products, language, base)]
    specialty = service.specialty(service.latest_product(page.posts), in_season, everything)
    context = {
        "town": profile,
        "specialty": specialty,
        "in_season": [c for c in in_season if specialty is None or c.id != specialty.id][:6],
        "shelves": service.shelves(everything, store.categories),
        "places": service.places(page.places, base, language),
        "posts": service.posts(page.posts, profile, language)[:5],
        # A shared page shows the specialty's photo, else any product's.
        "share_image": next(
            (c.photo.url for c in (specialty, *in_season, *everything) if c and c.photo), None
        ),
        "json_ld": _item_list(everything, request),
    }
    return render.page(request, "shop/town.html", context)


@router.get("/{town}/shop/{slug}", response_class=HTMLResponse)
async def product_page(
    town: str,
    slug: str,
    request: Request,
    render: RendererDep,
    language: LanguageDep,
) -> HTMLResponse:
    """One product with its buy button, share tags and schema.org markup."""

    async def render_page() -> bytes:
        api = anonymous_api(request)
        return bytes((await _product_page(town, slug, request, api, render, language)).body)

    return _cached(await _cache(request).get(_key(request, language), render_page))


async def _product_page(
    town: str, slug: str, request: Request, api: Client, render: Renderer, language: str
) -> HTMLResponse:
    page = parsed(await public_products_get.asyncio_detailed(town, slug, client=api), ProductPage)
    if not isinstance(page.product, AvailableProduct):
        raise ApiError(503, "The catalog is not answering")
    profile = service.town_of(page.town)
    product = service.card(page.product, language, _base(request))
    context = {
        "town": profile,
        "product": product,
        "json_ld": _json_ld(product, request),
        "share_image": product.photo.url if product.photo else None,
    }
    return render.page(request, "shop/product.html", context)


def _item_list(products: list[service.Card], request: Request) -> str:
    """schema.org `ItemList` of the products' own pages: a summary page, whose items each carry
    their `Product` markup on their page (Google Search Central, carousels)."""
    base = str(request.url.replace(query="")).rstrip("/")
    document = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "url": f"{base}/{p.slug}", "name": p.name}
            for n, p in enumerate(products, start=1)
        ],
    }
    return _script_safe(document)


def _script_safe(document: dict[str, Any]) -> str:
    # `</` would end the script element early (HTML 13.1.2.6 script data).
    return json.dumps(document, ensure_ascii=False).replace("</", "<\\/")


def _json_ld(product: service.Card, request: Request) -> str:
    """schema.org `Product` with its `Offer`: a product snippet, as checkout is the store's
    (Google Search Central, product snippets)."""
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "url": str(request.url.replace(query="")),
    }
    if product.photo:
        url = product.photo.url
        document["image"] = url if "://" in url else str(request.base_url).rstrip("/") + url
    if product.price_amount is not None:
        precision = get_currency_precision(product.currency)
        document["offers"] = {
            "@type": "Offer",
            "price": str(Decimal(product.price_amount).scaleb(-precision)),
            "priceCurrency": product.currency,
        }
    return _script_safe(document)
