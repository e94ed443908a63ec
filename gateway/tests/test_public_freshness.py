"""Public pages against the services' real shapes: fresh after changes, HEAD, images, listings."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections import Counter
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import Request
from fastapi.responses import Response

from gateway.app import create_app
from gateway.public.service import STORE_PRODUCTS
from gateway.routes import ANONYMOUS, USER, match
from gateway.settings import GatewaySettings
from gateway.upstream import ServiceCaller, anonymous
from kit.auth import InternalPrincipal, TokenSigner
from kit.events.bus import Message
from kit.events.envelope import Envelope
from kit.events.memory import MemoryBus
from kit.runtime import ServiceRuntime

from .standins import StandIn
from .support import Town
from .test_public import GARLIC, takeo

__all__ = ["takeo"]
VARIANT = str(uuid.uuid4())


def event(kind: str, tenant_id: uuid.UUID) -> Message:
    envelope = Envelope[dict[str, str]](
        type=kind, source="catalog", tenant_id=tenant_id, payload={"product_id": str(GARLIC)}
    )
    return Message(str(envelope.id), kind, envelope.model_dump_json().encode())


@pytest.fixture
async def bus() -> AsyncIterator[MemoryBus]:
    bus = MemoryBus()
    yield bus
    await bus.close()


@pytest.fixture
async def live_http(
    runtime: ServiceRuntime,
    gateway_settings: GatewaySettings,
    signer: TokenSigner,
    standins: dict[str, StandIn],
    bus: MemoryBus,
) -> AsyncIterator[httpx.AsyncClient]:
    """A gateway on its own in-memory bus, its lifespan running (as uvicorn runs it)."""
    upstreams = {name: s.client() for name, s in standins.items()}
    app = create_app(dataclasses.replace(runtime, bus=bus), gateway_settings, signer, upstreams)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gw") as http,
    ):
        yield http
    for client in upstreams.values():
        await client.aclose()


def price_of(page: httpx.Response) -> int:
    (garlic,) = page.json()["products"]["items"]
    return int(garlic["price_amount"])


async def until_price(http: httpx.AsyncClient, path: str, price: int) -> None:
    for _ in range(100):
        if price_of(await http.get(path)) == price:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{path} never showed {price}")


class TestFreshness:
    @pytest.mark.parametrize(
        "kind",
        [
            "catalog.product.updated.v1",
            "catalog.product.stock_changed.v1",
            "catalog.product.archived.v1",
            "catalog.place.published.v1",
            "publisher.delivery.published.v1",
        ],
    )
    async def test_a_change_of_the_town_shows_before_the_ttl_expires(
        self,
        live_http: httpx.AsyncClient,
        takeo: Town,
        standins: dict[str, StandIn],
        bus: MemoryBus,
        kind: str,
    ) -> None:
        path = f"/public/{takeo.slug}"
        assert price_of(await live_http.get(path)) == 1980
        standins["catalog"].data[takeo.id]["products"][0]["price_amount"] = 2200
        assert price_of(await live_http.get(path)) == 1980  # cached for 30 s

        await bus.publish(event(kind, takeo.id))

        await until_price(live_http, path, 2200)

    async def test_a_town_changing_many_times_a_second_is_rebuilt_once_a_second(
        self,
        live_http: httpx.AsyncClient,
        takeo: Town,
        standins: dict[str, StandIn],
        bus: MemoryBus,
    ) -> None:
        """Stock counts change all day: the kept page answers while a changed page is rebuilt,
        and the rebuilds of one page come no closer than CHANGE_SETTLE_SECONDS."""
        path, catalog = f"/public/{takeo.slug}", standins["catalog"]
        before = len(catalog.seen)
        assert price_of(await live_http.get(path)) == 1980
        one_build = len(catalog.seen) - before
        catalog.data[takeo.id]["products"][0]["price_amount"] = 2200
        await bus.publish(event("catalog.product.stock_changed.v1", takeo.id))
        await until_price(live_http, path, 2200)  # the first change: rebuilt at once
        after_first = len(catalog.seen)
        assert after_first - before == 2 * one_build

        catalog.data[takeo.id]["products"][0]["price_amount"] = 2500
        prices = []
        for _ in range(10):
            await bus.publish(event("catalog.product.stock_changed.v1", takeo.id))
            prices.append(price_of(await live_http.get(path)))
            await asyncio.sleep(0.02)

        assert set(prices) == {2200}  # the kept page, within the second after the last rebuild
        await until_price(live_http, path, 2500)
        assert len(catalog.seen) - after_first == one_build  # ten changes, one rebuild

    async def test_another_towns_change_keeps_this_towns_page_cached(
        self,
        live_http: httpx.AsyncClient,
        takeo: Town,
        standins: dict[str, StandIn],
        bus: MemoryBus,
    ) -> None:
        path = f"/public/{takeo.slug}/store"
        await live_http.get(path)
        calls = len(standins["catalog"].seen)

        await bus.publish(event("catalog.product.updated.v1", uuid.uuid4()))
        await bus.publish(event("publisher.post.approved.v1", takeo.id))  # not a public change
        await asyncio.sleep(0.1)

        assert (await live_http.get(path)).status_code == 200
        assert len(standins["catalog"].seen) == calls


def asked(standins: dict[str, StandIn]) -> Counter[str]:
    """How many times each list question was asked of the stand-in services."""
    return Counter(q for standin in standins.values() for q in standin.asked)


TOWN_PAGES = ["", "/store", "/products/black-garlic"]


async def read_all(http: httpx.AsyncClient, slug: str) -> list[httpx.Response]:
    """The town's page, its store and a product, in each of its languages, at once."""
    return await asyncio.gather(
        *(
            http.get(f"/public/{slug}{page}", headers={"accept-language": language})
            for page in TOWN_PAGES
            for language in ("ja", "en", "ko")
        )
    )


class TestSharedAnswers:
    async def test_a_towns_pages_in_every_language_ask_each_question_once(
        self, live_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        pages = await read_all(live_http, takeo.slug)

        assert [p.status_code for p in pages] == [200] * 9
        assert {p.headers["content-language"] for p in pages} == {"ja", "en", "ko"}
        questions = asked(standins)
        # Posts, in-season products, places, links; published products, listings, producers,
        # categories: eight questions for nine pages, each asked once.
        assert len(questions) == 8
        assert set(questions.values()) == {1}

    async def test_a_town_changing_all_the_time_asks_each_question_about_once_a_second(
        self,
        live_http: httpx.AsyncClient,
        takeo: Town,
        standins: dict[str, StandIn],
        bus: MemoryBus,
    ) -> None:
        await read_all(live_http, takeo.slug)
        before = asked(standins)
        garlic = standins["catalog"].data[takeo.id]["products"][0]

        started = asyncio.get_running_loop().time()
        for price in range(3000, 3060):  # 60 changes over about three seconds
            garlic["price_amount"] = price
            await bus.publish(event("catalog.product.stock_changed.v1", takeo.id))
            pages = await read_all(live_http, takeo.slug)
            assert [p.status_code for p in pages] == [200] * 9
            await asyncio.sleep(0.05)
        seconds = asyncio.get_running_loop().time() - started

        during = asked(standins) - before
        assert set(during) == set(before)  # every question was asked again
        most = max(during.values())
        assert most <= seconds + 2, f"{most} times in {seconds:.1f} s: {during}"
        # The changes stopped: the last price shows on every page within about two seconds.
        product = f"/public/{takeo.slug}/products/black-garlic"
        for _ in range(150):
            if price_of_product(await live_http.get(product)) == 3059 and {
                price_of(p) for p in (await read_all(live_http, takeo.slug))[3:6]
            } == {3059}:
                break
            await asyncio.sleep(0.02)
        else:
            raise AssertionError("the last change never showed")

    async def test_a_product_past_the_stores_first_page_is_asked_for_by_slug(
        self, live_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        products = standins["catalog"].data[takeo.id]["products"]
        others = [
            {"id": str(uuid.uuid4()), "slug": f"rice-{n}", "status": "published", "name": {}}
            for n in range(STORE_PRODUCTS)
        ]
        products[:] = others + products  # black garlic is the 101st published product

        found = await live_http.get(f"/public/{takeo.slug}/products/black-garlic")
        missing = await live_http.get(f"/public/{takeo.slug}/products/no-such-thing")
        first_page = await live_http.get(f"/public/{takeo.slug}/products/rice-7")

        assert found.status_code == 200
        assert found.json()["product"]["slug"] == "black-garlic"
        assert missing.status_code == 404
        assert first_page.json()["product"]["slug"] == "rice-7"
        by_slug = [q for q in standins["catalog"].asked if "slug=" in q]
        assert sorted(by_slug) == [
            "/v1/products?slug=black-garlic&status=published",
            "/v1/products?slug=no-such-thing&status=published",
        ]


def price_of_product(page: httpx.Response) -> int:
    return int(page.json()["product"]["price_amount"])


class TestHead:
    @pytest.mark.parametrize("page", ["", "/store", "/products/black-garlic"])
    async def test_head_answers_the_get_headers_without_a_body(
        self, public_http: httpx.AsyncClient, takeo: Town, page: str
    ) -> None:
        got = await public_http.get(f"/public/{takeo.slug}{page}")
        head = await public_http.head(f"/public/{takeo.slug}{page}")

        assert head.status_code == 200
        assert head.content == b""
        assert head.headers["etag"] == got.headers["etag"]
        assert head.headers["content-length"] == str(len(got.content))
        assert head.headers["cache-control"] == got.headers["cache-control"]


class TestServiceShapes:
    async def test_store_lists_a_products_listings_by_its_variants(
        self, public_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        catalog = standins["catalog"].data[takeo.id]
        catalog["products"][0]["variants"] = [{"id": VARIANT, "sku": "garlic-200g"}]
        catalog["listings"] = [
            {"variant_id": VARIANT, "url": "https://store.example/garlic", "stock": 4},
            {"variant_id": str(uuid.uuid4()), "url": "https://store.example/other", "stock": 1},
        ]

        response = await public_http.get(f"/public/{takeo.slug}/store")

        (garlic,) = response.json()["products"]["items"]
        assert [item["url"] for item in garlic["listings"]] == ["https://store.example/garlic"]

    async def test_town_page_asks_the_catalog_for_in_season_products(
        self, public_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        asked: list[dict[str, str]] = []

        @standins["catalog"].app.middleware("http")
        async def record(request: Request, call_next: object) -> Response:
            asked.append({"path": request.url.path, **request.query_params})
            return await call_next(request)  # type: ignore[operator, no-any-return]

        await public_http.get(f"/public/{takeo.slug}")

        products = next(a for a in asked if a["path"] == "/v1/products")
        assert (products["status"], products["in_season"]) == ("published", "true")
        places = next(a for a in asked if a["path"] == "/v1/places")
        assert places["status"] == "published"


class TestPublicMedia:
    async def test_an_image_rendition_loads_without_login(
        self, public_http: httpx.AsyncClient, standins: dict[str, StandIn]
    ) -> None:
        catalog = standins["catalog"]
        media_id = uuid.uuid4()

        @catalog.app.get("/v1/media/{media_id}/{rendition}")
        async def rendition(media_id: uuid.UUID, rendition: str, request: Request) -> Response:
            who = await catalog.caller(request)
            body = f"{who.kind}:{media_id}:{rendition}".encode()
            return Response(body, media_type="image/webp")

        response = await public_http.get(f"/v1/media/{media_id}/web")

        assert response.status_code == 200
        assert response.content == f"anonymous:{media_id}:web".encode()
        assert response.headers["content-type"] == "image/webp"

    async def test_media_metadata_and_uploads_still_need_a_login(
        self, public_http: httpx.AsyncClient
    ) -> None:
        assert (await public_http.get(f"/v1/media/{uuid.uuid4()}")).status_code == 401
        assert (await public_http.post("/v1/media", content=b"x")).status_code == 401


class TestAnonymousCalls:
    def test_tokens_are_reused_per_caller_and_service_until_the_caller_changes(
        self, signer: TokenSigner
    ) -> None:
        caller = ServiceCaller({}, signer, 1.0)
        town = uuid.uuid4()

        first = caller.token(anonymous(town), "catalog")

        assert caller.token(anonymous(town), "catalog") == first
        assert caller.token(anonymous(town), "publisher") != first
        assert caller.token(anonymous(uuid.uuid4()), "catalog") != first
        user = InternalPrincipal(sub="u1", kind="user", tenant_id=town)
        assert caller.token(user, "catalog") == caller.token(user, "catalog")
        promoted = InternalPrincipal(
            sub="u1", kind="user", tenant_id=town, roles=frozenset({"admin"})
        )
        assert caller.token(promoted, "catalog") != caller.token(user, "catalog")

    @pytest.mark.parametrize(
        ("path", "access"),
        [
            ("/v1/media/0b6f/web", ANONYMOUS),
            ("/v1/media/0b6f", USER),
            ("/v1/media", USER),
            ("/v1/media/0b6f/web/extra", USER),
        ],
    )
    def test_only_media_renditions_are_public(self, path: str, access: str) -> None:
        route = match(path)
        assert route is not None
        assert (route.upstream, route.access) == ("catalog", access)
