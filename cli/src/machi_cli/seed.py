"""The demo town: Takeo-like, seeded on the first start of `make run`, through the public API."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from typing import Any

import httpx

from gateway import bootstrap as gateway_bootstrap
from gateway.playbook import service as playbooks
from gateway.upstream import ServiceCaller
from kit.db import Database
from kit.settings import MachiSettings
from machi_cli import demo

log = logging.getLogger("machi.seed")

DEMO_SOCIAL_URL = "https://www.facebook.com/takeo.city"
# The town's marketplace store (generic: item pages by URL), so the city page has buy buttons.
DEMO_STORE = {
    "kind": "generic",
    "name": "Takeo Furusato (Yahoo! Shopping)",
    "item_url_template": "https://store.shopping.yahoo.co.jp/{store}/{item}.html",
    "store": "takeo-furusato",
}
OPERATOR = ("operator@machi.example", "machi-operator")
ADMIN = ("admin@takeo.example", "takeo-admin")
ONE_PATH_OF_EACH_SERVICE = ("/v1/products", "/v1/posts", "/v1/links")
# A service not started yet (502), starting (503), or without the gateway's keys yet (401).
NOT_YET = frozenset({401, 502, 503, 504})
PRODUCERS: list[dict[str, Any]] = [
    {
        "kind": "farm",
        "name": {
            "ja": "武雄黒にんにく農園",
            "en": "Takeo Black Garlic Farm",
            "ko": "다케오 흑마늘 농원",
        },
        "story": {
            "ja": "有明海の風で育てたにんにくを一か月熟成。",
            "en": "Garlic aged for a month.",
        },
        "products": [
            (
                "aged-black-garlic",
                {"ja": "熟成黒にんにく", "en": "Aged black garlic", "ko": "숙성 흑마늘"},
                1980,
            ),
        ],
    },
    {
        "kind": "maker",
        "name": {"ja": "温泉湯どうふ工房", "en": "Onsen Tofu Workshop", "ko": "온천 두부 공방"},
        "story": {"ja": "温泉水で炊く、とろける湯どうふ。", "en": "Tofu simmered in spring water."},
        "products": [
            (
                "onsen-tofu",
                {"ja": "温泉湯どうふ", "en": "Hot-spring tofu", "ko": "온천 두부"},
                1296,
            ),
        ],
    },
    {
        "kind": "farm",
        "name": {
            "ja": "武雄レモングラス農園",
            "en": "Takeo Lemongrass Farm",
            "ko": "다케오 레몬그라스",
        },
        "story": {"ja": "無農薬のレモングラス。", "en": "Lemongrass grown without pesticides."},
        "products": [
            (
                "lemongrass-tea",
                {"ja": "レモングラスティー", "en": "Lemongrass tea", "ko": "레몬그라스 차"},
                864,
            ),
        ],
    },
]


# A place the city page lists with its opening hours and a map link (Takeo Onsen's public
# bath, open 6:30 to midnight every day).
PLACE: dict[str, Any] = {
    "slug": "takeo-onsen-romon",
    "kind": "onsen",
    "name": {"ja": "武雄温泉楼門", "en": "Takeo Onsen Romon Gate", "ko": "다케오 온천 누문"},
    "description": {
        "ja": "辰野金吾設計の朱塗りの楼門と、1300年の歴史をもつ共同浴場。",
        "en": "The vermilion gate by Tatsuno Kingo and a public bath with 1,300 years of history.",
        "ko": "다쓰노 긴고가 설계한 주홍빛 누문과 1300년 역사의 공중목욕탕.",
    },
    "address": "佐賀県武雄市武雄町武雄7425",
    "latitude": 33.1937,
    "longitude": 130.0186,
    "opening_hours": [
        {"day": day, "opens": "06:30", "closes": "24:00"}
        for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    ],
}


async def seed_demo_town(
    settings: MachiSettings, http: httpx.AsyncClient, services: ServiceCaller
) -> None:
    """Create the operator, the town, its admin, its playbook (through `services`, as a partner
    town gets one) and its catalog with photos (through `http`, the gateway), unless the town
    has products already; the playbook is merged, so a second seed changes nothing."""
    db = Database(settings.app_url("gateway"), pool_size=2)
    try:
        await gateway_bootstrap.create_operator(db, *OPERATOR)
        tenant_id = await gateway_bootstrap.create_tenant(
            db,
            "takeo",
            {"ja": "武雄市", "en": "Takeo", "ko": "다케오시"},
            timezone="Asia/Tokyo",
            population=50_000,
            limits={"active_products": 500},
            # As Takeo did in 2011: the town's address leads to its Facebook Page.
            primary_social_url=DEMO_SOCIAL_URL,
            allowed_store_domains=["store.shopping.yahoo.co.jp"],
        )
        await gateway_bootstrap.create_user(db, tenant_id, ADMIN[0], ADMIN[1], ["admin"])
    finally:
        await db.dispose()
    login = await http.post("/v1/auth/token", json={"email": ADMIN[0], "password": ADMIN[1]})
    login.raise_for_status()
    http.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
    await wait_for_services(http)
    await _apply_playbook(services, tenant_id)
    existing = await http.get("/v1/products", params={"limit": 1})
    existing.raise_for_status()
    if existing.json()["items"]:
        log.info("demo town already seeded")
    else:
        await _seed_catalog(http)
    print(  # the person running `make run` reads this
        f"\nMachi demo town 'takeo'\n"
        f"  town admin:         {ADMIN[0]} / {ADMIN[1]}\n"
        f"  platform operator:  {OPERATOR[0]} / {OPERATOR[1]}\n",
        flush=True,
    )


async def wait_for_services(http: httpx.AsyncClient, timeout: float = 180) -> None:
    """Wait until every service answers the gateway: as separate processes they may start after
    it, and accept its tokens only once they have fetched its keys from `JWKS_URL`."""
    deadline = time.monotonic() + timeout
    for path in ONE_PATH_OF_EACH_SERVICE:
        while (response := await http.get(path, params={"limit": 1})).status_code in NOT_YET:
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"cannot seed the demo town: {path} still answers {response.status_code}"
                    f" after {timeout:.0f}s; are the services running, with JWKS_URL set to"
                    " this gateway's /.well-known/jwks.json?"
                )
            log.info(
                "waiting for the services", extra={"path": path, "status": response.status_code}
            )
            await asyncio.sleep(1)
        response.raise_for_status()


async def _apply_playbook(services: ServiceCaller, tenant_id: uuid.UUID) -> None:
    document = demo.playbook()
    outcome = await playbooks.apply(services, tenant_id, document)
    failed = [s for s in outcome["skipped"] if s["section"] in document["sections"]]
    if failed:
        raise SystemExit(f"cannot seed the demo town's playbook: {failed}")


async def _category_ids(http: httpx.AsyncClient) -> dict[str, str]:
    listed = await http.get("/v1/categories", params={"limit": 100})
    listed.raise_for_status()
    return {c["slug"]: c["id"] for c in listed.json()["items"]}


async def _upload_photo(http: httpx.AsyncClient, slug: str) -> str:
    uploaded = await http.post(
        "/v1/media", files={"file": (f"{slug}.jpg", demo.photo(slug), "image/jpeg")}
    )
    uploaded.raise_for_status()
    media_id: str = uploaded.json()["id"]
    return media_id


async def _seed_catalog(http: httpx.AsyncClient) -> None:
    categories = await _category_ids(http)
    store = await http.post("/v1/storefronts", json=DEMO_STORE)
    store.raise_for_status()
    for entry in PRODUCERS:
        producer = await http.post(
            "/v1/producers",
            json={"kind": entry["kind"], "name": entry["name"], "story": entry["story"]},
        )
        producer.raise_for_status()
        for slug, name, price in entry["products"]:
            photo = {"media_id": await _upload_photo(http, slug), "alt": name}
            product = await http.post(
                "/v1/products",
                json={
                    "producer_id": producer.json()["id"],
                    "slug": slug,
                    "name": name,
                    "price_amount": price,
                    "currency": "JPY",
                    "category_id": categories.get(demo.PRODUCT_CATEGORY[slug]),
                    "media": [photo],
                    "variants": [{"sku": slug, "price_amount": price}],
                },
            )
            product.raise_for_status()
            for variant in product.json()["variants"]:
                listed = await http.post(
                    "/v1/listings",
                    json={
                        "storefront_id": store.json()["id"],
                        "variant_id": variant["id"],
                        "external_id": slug,
                    },
                )
                listed.raise_for_status()
            published = await http.post(f"/v1/products/{product.json()['id']}/publish")
            published.raise_for_status()
    place = await http.post("/v1/places", json=PLACE)
    place.raise_for_status()
    (await http.post(f"/v1/places/{place.json()['id']}/publish")).raise_for_status()
    log.info("demo town seeded", extra={"producers": len(PRODUCERS)})
