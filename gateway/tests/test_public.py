import asyncio
import hashlib
import uuid
from typing import Any

import httpx
import pytest

from contracts.analytics import LinkRoutedV1
from gateway import bootstrap
from gateway.redirect import events as redirect_events
from gateway.redirect.clicks import hand_over
from gateway.settings import GatewaySettings
from gateway.state import state_of
from kit.errors import type_uri
from kit.events.bus import Message
from kit.events.envelope import Envelope
from kit.runtime import ServiceRuntime
from kit.testing.waiting import eventually

from .standins import LINK_TENANT, STORE_URL, StandIn
from .support import GatewayFactory, Town, app_of, auth_headers, unique


async def hand_over_clicks(http: httpx.AsyncClient) -> None:
    """What the gateway's click flusher does every `CLICK_FLUSH_SECONDS` (its lifespan does not
    run under ASGITransport)."""
    edge = state_of(app_of(http)).edge
    assert await hand_over(edge.queue, edge.send_clicks)


async def publish_route(runtime: ServiceRuntime, code: str, destination: str | None) -> None:
    """`analytics.link.routed.v1` as analytics' relay publishes it."""
    assert runtime.bus is not None
    envelope = Envelope(
        type=LinkRoutedV1.event_type,
        source="analytics",
        tenant_id=LINK_TENANT,
        payload=LinkRoutedV1(code=code, link_id=uuid.uuid4(), destination=destination),
    )
    body = envelope.model_dump_json().encode()
    await runtime.bus.publish(Message(str(envelope.id), LinkRoutedV1.event_type, body, {}))


async def _location(http: httpx.AsyncClient, path: str) -> bool:
    return (
        (await http.get(path))
        .headers.get("location", "")
        .startswith("https://store.shopping.yahoo.co.jp/takeo/tea.html?machi_cid=")
    )


async def _status_is(http: httpx.AsyncClient, path: str, status: int) -> bool:
    return (await http.get(path)).status_code == status


GARLIC = uuid.uuid4()
FARM = uuid.uuid4()
VEGETABLES = uuid.uuid4()


@pytest.fixture
async def takeo(runtime: ServiceRuntime, standins: dict[str, StandIn]) -> Town:
    """A town with a social page, and content in every stand-in service."""
    slug = unique("takeo")
    tenant_id = await bootstrap.create_tenant(
        runtime.db,
        slug,
        {"ja": "武雄市", "en": "Takeo", "ko": "다케오시"},
        population=50_000,
        locales=["ja", "en", "ko"],
        fallback_locale="ja",
        primary_social_url="https://www.facebook.com/takeo.city",
    )
    standins["catalog"].data[tenant_id] = {
        "products": [
            {
                "id": str(GARLIC),
                "slug": "black-garlic",
                "status": "published",
                "name": {"ja": "黒にんにく", "en": "Aged black garlic", "ko": "흑마늘"},
                "price_amount": 1980,
                "currency": "JPY",
                "producer_id": str(FARM),
                "category_id": str(VEGETABLES),
            },
            {"id": str(uuid.uuid4()), "slug": "draft-tea", "status": "draft", "name": {"ja": "茶"}},
        ],
        "places": [
            {"id": "p1", "status": "published", "name": {"ja": "武雄温泉", "en": "Takeo Onsen"}},
            {"id": "p2", "status": "draft", "name": {"ja": "工事中"}},
        ],
        "listings": [
            {"product_id": str(GARLIC), "storefront": "yahoo", "price_amount": 1980, "stock": 12}
        ],
        "producers": [
            {
                "id": str(FARM),
                "kind": "farm",
                "name": {"ja": "武雄農園", "en": "Takeo Farm"},
                "story": {"ja": "一か月熟成", "en": "Aged for a month"},
            }
        ],
        "categories": [
            {
                "id": str(VEGETABLES),
                "slug": "vegetables",
                "name": {"ja": "野菜", "en": "Vegetables"},
            }
        ],
    }
    standins["publisher"].data[tenant_id] = {
        "posts": [
            {
                "id": "post-1",
                "status": "published",
                "text": "Onsen tofu day",
                "permalink": "https://www.facebook.com/takeo.city/posts/1",
            }
        ]
    }
    standins["analytics"].data[tenant_id] = {
        "links": [{"code": "gArL1c", "product_id": str(GARLIC)}]
    }
    return Town(tenant_id, slug, f"admin@{slug}.example")


class TestTownPage:
    async def test_page_shows_posts_products_with_buy_links_and_places(
        self, public_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        response = await public_http.get(f"/public/{takeo.slug}", headers={"Accept-Language": "en"})

        assert response.status_code == 200, response.text
        page = response.json()
        assert page["town"]["name"] == "Takeo"
        assert page["town"]["population"] == 50_000
        assert page["posts"]["items"][0]["permalink"].endswith("/posts/1")
        (garlic,) = page["products"]["items"]
        assert garlic["name"] == "Aged black garlic"
        assert garlic["buy_url"] == "/r/gArL1c"
        assert page["places"]["items"][0]["name"] == "Takeo Onsen"
        # Each service was asked by an anonymous principal of this town, never with more.
        for standin in standins.values():
            assert {(w.kind, w.tenant_id, w.roles) for w in standin.seen} == {
                ("anonymous", takeo.id, frozenset())
            }

    async def test_buy_link_redirects_to_the_store(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        page = (await public_http.get(f"/public/{takeo.slug}")).json()
        buy_url = page["products"]["items"][0]["buy_url"]

        response = await public_http.get(buy_url)

        assert response.status_code == 302
        assert response.headers["location"].startswith(STORE_URL)

    async def test_with_the_publisher_down_the_page_answers_with_posts_unavailable(
        self, public_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        standins["publisher"].down = True

        response = await public_http.get(f"/public/{takeo.slug}")

        assert response.status_code == 200
        page = response.json()
        assert page["posts"] == {"available": False}
        assert page["products"]["available"] is True
        assert response.headers["cache-control"] == "public, max-age=5"

    async def test_with_a_service_unreachable_the_page_still_answers(
        self, gateway_with: GatewayFactory, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        upstreams = {n: s.client() for n, s in standins.items() if n != "publisher"}
        upstreams["publisher"] = httpx.AsyncClient(base_url="http://127.0.0.1:9")
        http = await gateway_with(upstreams)
        response = await http.get(f"/public/{takeo.slug}")
        assert response.status_code == 200
        assert response.json()["posts"] == {"available": False}

    async def test_language_follows_accept_language_then_the_fallback(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        korean = await public_http.get(
            f"/public/{takeo.slug}", headers={"Accept-Language": "fr;q=1, ko-KR;q=0.8, en;q=0.5"}
        )
        french = await public_http.get(f"/public/{takeo.slug}", headers={"Accept-Language": "fr"})
        assert korean.json()["town"]["name"] == "다케오시"
        assert korean.headers["content-language"] == "ko"
        assert french.json()["town"]["name"] == "武雄市"
        assert "Accept-Language" in korean.headers["vary"]

    async def test_etag_answers_304_and_the_cache_spares_the_services(
        self, public_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        first = await public_http.get(f"/public/{takeo.slug}")
        calls = len(standins["catalog"].seen)

        again = await public_http.get(
            f"/public/{takeo.slug}", headers={"If-None-Match": first.headers["etag"]}
        )

        assert again.status_code == 304
        assert again.headers["etag"] == first.headers["etag"]
        assert first.headers["cache-control"] == "public, max-age=30"
        assert len(standins["catalog"].seen) == calls

    @pytest.mark.parametrize("page", ["", "/store", "/products/black-garlic"])
    async def test_a_kept_page_is_answered_as_the_router_answered_it(
        self, public_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn], page: str
    ) -> None:
        """The second read comes from the edge (`gateway.public.edge`), in front of the router:
        the same body and headers, 304 and HEAD as the first, and no service called."""
        path, korean = f"/public/{takeo.slug}{page}", {"Accept-Language": "ko"}
        built = await public_http.get(path, headers=korean)
        calls = {name: len(s.seen) for name, s in standins.items()}

        kept = await public_http.get(path, headers=korean)
        head = await public_http.head(path, headers=korean)
        unchanged = await public_http.get(
            path, headers={**korean, "If-None-Match": built.headers["etag"]}
        )

        assert (kept.status_code, kept.content) == (200, built.content)
        same = {k: v for k, v in built.headers.items() if k not in {"x-request-id", "ratelimit"}}
        assert {k: v for k, v in kept.headers.items() if k in same} == same
        assert set(kept.headers) == set(built.headers)
        assert kept.headers["x-request-id"] != built.headers["x-request-id"]
        assert (head.status_code, head.content) == (200, b"")
        assert head.headers["etag"] == built.headers["etag"]
        assert head.headers["content-length"] == str(len(built.content))
        assert unchanged.status_code == 304
        assert {name: len(s.seen) for name, s in standins.items()} == calls

    async def test_a_visitor_past_the_public_rate_is_refused_a_kept_page(
        self,
        gateway_with: GatewayFactory,
        standins: dict[str, StandIn],
        gateway_settings: GatewaySettings,
        takeo: Town,
    ) -> None:
        slow = gateway_settings.model_copy(update={"public_rate_limit_per_minute": 2})
        http = await gateway_with({n: s.client() for n, s in standins.items()}, settings=slow)
        answers = [await http.get(f"/public/{takeo.slug}") for _ in range(3)]

        assert [a.status_code for a in answers] == [200, 200, 429]
        assert answers[-1].json()["type"] == type_uri("rate-limited")
        assert int(answers[-1].headers["retry-after"]) >= 1
        assert "ratelimit" in answers[1].headers

    async def test_unknown_town_is_404(self, public_http: httpx.AsyncClient) -> None:
        response = await public_http.get("/public/atlantis")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


class TestStoreAndProduct:
    async def test_store_lists_published_products_with_listings_and_buy_links(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        response = await public_http.get(f"/public/{takeo.slug}/store")
        assert response.status_code == 200
        (garlic,) = response.json()["products"]["items"]
        assert garlic["listings"][0]["stock"] == 12
        assert garlic["buy_url"] == "/r/gArL1c"
        assert "etag" in response.headers

    async def test_store_names_each_products_producer_with_their_story_and_the_categories(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        response = await public_http.get(
            f"/public/{takeo.slug}/store", headers={"Accept-Language": "en"}
        )
        page = response.json()
        (garlic,) = page["products"]["items"]
        assert garlic["producer"] == {
            "id": str(FARM),
            "kind": "farm",
            "name": "Takeo Farm",
            "story": "Aged for a month",
        }
        assert garlic["category_id"] == str(VEGETABLES)
        assert page["categories"]["items"] == [
            {"id": str(VEGETABLES), "slug": "vegetables", "name": "Vegetables", "parent_id": None}
        ]

    async def test_product_page_by_slug(self, public_http: httpx.AsyncClient, takeo: Town) -> None:
        response = await public_http.get(
            f"/public/{takeo.slug}/products/black-garlic", headers={"Accept-Language": "ja"}
        )
        assert response.status_code == 200
        product = response.json()["product"]
        assert (product["available"], product["name"]) == (True, "黒にんにく")
        assert product["buy_url"] == "/r/gArL1c"

    async def test_unpublished_or_missing_product_is_404(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        for slug in ("draft-tea", "nothing"):
            response = await public_http.get(f"/public/{takeo.slug}/products/{slug}")
            assert response.status_code == 404


class TestPublicRoutes:
    async def test_town_path_redirects_to_its_social_page(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        response = await public_http.get(f"/{takeo.slug}")
        assert response.status_code == 302
        assert response.headers["location"] == "https://www.facebook.com/takeo.city"

    async def test_unknown_town_path_is_404(self, public_http: httpx.AsyncClient) -> None:
        assert (await public_http.get("/atlantis")).status_code == 404

    async def test_gateway_paths_are_not_towns(self, public_http: httpx.AsyncClient) -> None:
        assert (await public_http.get("/healthz")).json() == {"status": "ok"}
        assert (await public_http.get("/docs")).status_code == 200

    async def test_tracked_redirect_hands_analytics_the_visitors_headers_as_a_click(
        self, public_http: httpx.AsyncClient, standins: dict[str, StandIn]
    ) -> None:
        response = await public_http.get(
            "/r/abc123",
            headers={
                "User-Agent": "facebookexternalhit/1.1",
                "Referer": "https://www.facebook.com/",
                "Accept-Language": "ja",
                "X-Forwarded-For": "203.0.113.7",
            },
        )
        await hand_over_clicks(public_http)

        assert response.status_code == 302
        assert response.headers["cache-control"] == "no-store"
        (click,) = standins["analytics"].clicks
        assert response.headers["location"] == (
            f"{STORE_URL}?utm_source=machi&machi_cid={click['click_id']}"
        )
        assert click["code"] == "abc123"
        assert click["tenant_id"] == str(LINK_TENANT)
        assert click["user_agent"] == "facebookexternalhit/1.1"
        assert click["referer"] == "https://www.facebook.com/"
        assert click["language"] == "ja"
        assert click["ip"] == "203.0.113.7"  # from a trusted proxy (loopback)
        assert click["head"] is False
        # The gateway on its own asks where the code leads and hands the clicks over.
        assert {(w.kind, w.tenant_id) for w in standins["analytics"].seen} == {("service", None)}

    async def test_a_known_code_is_answered_from_memory_after_the_first_click(
        self, public_http: httpx.AsyncClient, standins: dict[str, StandIn]
    ) -> None:
        for _ in range(3):
            assert (await public_http.get("/r/abc123")).status_code == 302
        await hand_over_clicks(public_http)

        lookups = [
            r for r in standins["analytics"].requests if r["path"] == "/internal/v1/links/abc123"
        ]
        assert len(lookups) == 1
        assert len({c["click_id"] for c in standins["analytics"].clicks}) == 3

    async def test_unknown_code_is_a_404_page_recorded_as_an_orphan_visit(
        self, public_http: httpx.AsyncClient, standins: dict[str, StandIn]
    ) -> None:
        response = await public_http.get("/r/unknown1")
        await hand_over_clicks(public_http)

        assert response.status_code == 404
        assert "Link not found" in response.text
        (click,) = standins["analytics"].clicks
        assert (click["code"], click["tenant_id"]) == ("unknown1", None)

    @pytest.mark.parametrize("path", ["/r/" + "a" * 65, "/r/%E6%AD%A6", "/r/a/b"])
    async def test_a_path_no_code_can_have_is_the_same_404_page(
        self, public_http: httpx.AsyncClient, path: str
    ) -> None:
        for method in ("GET", "HEAD"):
            response = await public_http.request(method, path)
            assert response.status_code == 404
            assert response.headers["content-type"].startswith("text/html")  # as documented
        assert "Link not found" in (await public_http.get(path)).text

    async def test_a_routing_event_points_a_code_elsewhere_or_nowhere(
        self, public_http: httpx.AsyncClient, runtime: ServiceRuntime
    ) -> None:
        edge = state_of(app_of(public_http)).edge
        assert runtime.bus is not None
        await redirect_events.follow_routes(runtime.bus, edge)
        assert (await public_http.get("/r/moved1")).status_code == 302
        elsewhere = "https://store.shopping.yahoo.co.jp/takeo/tea.html"

        await publish_route(runtime, "moved1", elsewhere)
        await eventually(
            lambda: _location(public_http, "/r/moved1"), what="the code leads to the tea"
        )
        await publish_route(runtime, "moved1", None)
        await eventually(
            lambda: _status_is(public_http, "/r/moved1", 404), what="the code leads nowhere"
        )
        assert (await public_http.get("/r/moved1")).headers["cache-control"] == "no-store"

    async def test_clicks_analytics_did_not_take_are_kept_and_sent_again(
        self, public_http: httpx.AsyncClient, standins: dict[str, StandIn]
    ) -> None:
        assert (await public_http.get("/r/abc123")).status_code == 302
        edge = state_of(app_of(public_http)).edge

        async def refuse(batch: list[dict[str, Any]]) -> bool:
            return False  # as `send_clicks` answers when analytics is down

        assert not await hand_over(edge.queue, refuse)
        assert standins["analytics"].clicks == []
        await hand_over_clicks(public_http)
        assert len(standins["analytics"].clicks) == 1
        assert edge.queue.items == []

    async def test_a_client_that_is_not_a_trusted_proxy_cannot_choose_its_address(
        self, public_http: httpx.AsyncClient, standins: dict[str, StandIn]
    ) -> None:
        transport = httpx.ASGITransport(app=app_of(public_http), client=("198.51.100.20", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://machi") as direct:
            spoofed = {"X-Forwarded-For": "203.0.113.7, 10.0.0.1"}
            assert (await direct.get("/r/abc123", headers=spoofed)).status_code == 302
        await hand_over_clicks(public_http)
        assert standins["analytics"].clicks[-1]["ip"] == "198.51.100.20"

    async def test_a_code_analytics_cannot_look_up_is_a_503_problem_and_not_remembered(
        self, public_http: httpx.AsyncClient, standins: dict[str, StandIn]
    ) -> None:
        standins["analytics"].down = True
        response = await public_http.get("/r/fresh1")

        assert response.status_code == 503
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["type"] == type_uri("link-lookup-unavailable")
        standins["analytics"].down = False
        assert (await public_http.get("/r/fresh1")).status_code == 302

    async def test_a_visitor_past_the_public_rate_gets_a_429_problem_and_makes_no_click(
        self,
        gateway_with: GatewayFactory,
        standins: dict[str, StandIn],
        gateway_settings: GatewaySettings,
    ) -> None:
        slow = gateway_settings.model_copy(update={"public_rate_limit_per_minute": 2})
        http = await gateway_with({n: s.client() for n, s in standins.items()}, settings=slow)
        answers = [await http.get("/r/abc123") for _ in range(3)]
        await hand_over_clicks(http)

        assert [a.status_code for a in answers] == [302, 302, 429]
        refused = answers[-1]
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["type"] == type_uri("rate-limited")
        assert int(refused.headers["retry-after"]) >= 1
        assert len(standins["analytics"].clicks) == 2

    async def test_head_on_a_tracked_link_is_answered_and_flagged(
        self, public_http: httpx.AsyncClient, standins: dict[str, StandIn]
    ) -> None:
        response = await public_http.head("/r/abc123")
        await hand_over_clicks(public_http)

        assert response.status_code == 302
        assert standins["analytics"].clicks[-1]["head"] is True

    async def test_webhook_reaches_analytics_byte_for_byte_with_the_towns_tenant(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        raw = b'{"id": 820982911946154508, "note_attributes": [{"name": "click_id"}]}\n '
        response = await public_http.post(
            f"/webhooks/{takeo.slug}/shopify",
            content=raw,
            headers={"Content-Type": "application/json", "X-Shopify-Hmac-Sha256": "c2lnbmVk"},
        )

        assert response.status_code == 200, response.text
        echoed = response.json()
        assert echoed["sha256"] == hashlib.sha256(raw).hexdigest()
        assert echoed["signature"] == "c2lnbmVk"
        assert (echoed["tenant_id"], echoed["principal_kind"]) == (str(takeo.id), "anonymous")

    async def test_inbox_webhooks_reach_the_publisher_with_the_towns_tenant(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        handshake = await public_http.get(
            f"/webhooks/{takeo.slug}/meta",
            params={"hub.mode": "subscribe", "hub.verify_token": "t", "hub.challenge": "42"},
        )
        raw = b'{"destination": "U1", "events": []}'
        line = await public_http.post(
            f"/webhooks/{takeo.slug}/line", content=raw, headers={"X-Line-Signature": "c2ln"}
        )
        not_a_line_get = await public_http.get(f"/webhooks/{takeo.slug}/line")

        seen = handshake.json()
        assert (seen["service"], seen["method"], seen["kind"]) == ("publisher", "GET", "meta")
        assert seen["query"] == "hub.mode=subscribe&hub.verify_token=t&hub.challenge=42"
        assert (seen["tenant_id"], seen["principal_kind"]) == (str(takeo.id), "anonymous")
        assert (line.json()["service"], line.json()["kind"]) == ("publisher", "line")
        assert line.json()["sha256"] == hashlib.sha256(raw).hexdigest()
        assert not_a_line_get.status_code in (404, 405)

    async def test_the_deployments_meta_callback_reaches_the_publisher_with_no_town(
        self, public_http: httpx.AsyncClient
    ) -> None:
        raw = b'{"object": "page", "entry": []}'
        posted = await public_http.post(
            "/webhooks/meta", content=raw, headers={"X-Hub-Signature-256": "sha256=00"}
        )
        handshake = await public_http.get("/webhooks/meta", params={"hub.challenge": "1"})
        threads = await public_http.post("/webhooks/threads", content=b"{}")
        unknown = await public_http.post("/webhooks/tiktok", content=b"{}")

        assert posted.status_code == handshake.status_code == 200, posted.text
        assert (threads.json()["kind"], threads.json()["tenant_id"]) == ("threads", "None")
        assert unknown.status_code == 404
        seen = posted.json()
        assert (seen["service"], seen["method"], seen["sha256"]) == (
            "publisher",
            "POST",
            hashlib.sha256(raw).hexdigest(),
        )
        assert (seen["tenant_id"], seen["principal_kind"]) == ("None", "anonymous")
        assert handshake.json()["method"] == "GET"

    async def test_webhook_of_an_unknown_town_or_kind_is_404(
        self, public_http: httpx.AsyncClient, takeo: Town
    ) -> None:
        assert (
            await public_http.post("/webhooks/atlantis/shopify", content=b"{}")
        ).status_code == 404
        assert (
            await public_http.post(f"/webhooks/{takeo.slug}/paypal", content=b"{}")
        ).status_code == 404

    async def test_suspended_town_is_closed_to_the_public(
        self, public_http: httpx.AsyncClient, takeo: Town, operator_email: str
    ) -> None:
        operator = await auth_headers(public_http, operator_email)
        await public_http.post(f"/v1/tenants/{takeo.id}/suspend", headers=operator)
        response = await public_http.post(f"/webhooks/{takeo.slug}/shopify", content=b"{}")
        assert response.status_code == 403
        assert response.json()["type"] == type_uri("tenant-suspended")

    async def test_a_town_suspended_after_its_webhooks_were_served_is_closed_at_once(
        self, public_http: httpx.AsyncClient, takeo: Town, operator_email: str
    ) -> None:
        """The town is kept a few seconds for its pages and webhooks; a suspension through this
        gateway forgets it at once."""
        first = await public_http.post(f"/webhooks/{takeo.slug}/shopify", content=b"{}")
        assert (await public_http.get(f"/public/{takeo.slug}")).status_code == 200
        operator = await auth_headers(public_http, operator_email)
        await public_http.post(f"/v1/tenants/{takeo.id}/suspend", headers=operator)

        webhook = await public_http.post(f"/webhooks/{takeo.slug}/shopify", content=b"{}")
        page = await public_http.get(f"/public/{takeo.slug}")

        assert first.status_code != 403
        assert (webhook.status_code, page.status_code) == (403, 403)
        assert webhook.json()["type"] == type_uri("tenant-suspended")


def upstream_calls(standins: dict[str, StandIn]) -> dict[str, int]:
    return {name: len(s.seen) for name, s in standins.items()}


class TestPageBuilds:
    async def test_fifty_concurrent_misses_of_one_page_make_one_set_of_upstream_calls(
        self, public_http: httpx.AsyncClient, takeo: Town, standins: dict[str, StandIn]
    ) -> None:
        for standin in standins.values():
            standin.delay = 0.2

        answers = await asyncio.gather(
            *(public_http.get(f"/public/{takeo.slug}") for _ in range(50))
        )

        assert [a.status_code for a in answers] == [200] * 50
        assert len({a.content for a in answers}) == 1
        # Posts; products and places; links: one call each.
        assert upstream_calls(standins) == {"catalog": 2, "publisher": 1, "analytics": 1}

    async def test_a_page_read_near_its_end_is_rebuilt_before_it_expires(
        self,
        gateway_with: GatewayFactory,
        gateway_settings: GatewaySettings,
        takeo: Town,
        standins: dict[str, StandIn],
    ) -> None:
        settings = gateway_settings.model_copy(update={"public_cache_ttl_seconds": 6})
        http = await gateway_with({n: s.client() for n, s in standins.items()}, settings=settings)
        await http.get(f"/public/{takeo.slug}")
        one_build = upstream_calls(standins)

        await asyncio.sleep(4.8)  # in the page's last quarter: served, and rebuilt behind
        near_end = await http.get(f"/public/{takeo.slug}")
        await asyncio.sleep(1.8)  # past the first build's expiry
        before = upstream_calls(standins)
        after_expiry = await http.get(f"/public/{takeo.slug}")

        assert (near_end.status_code, after_expiry.status_code) == (200, 200)
        assert upstream_calls(standins) == before == {k: 2 * v for k, v in one_build.items()}
