"""Filters, CJK text search, categories, seasons and conditional GETs."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from kit.auth import InternalPrincipal
from kit.testing.plugin import principal

from .helpers import make_producer, make_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def slugs(http: httpx.AsyncClient, **params: object) -> list[str]:
    response = await http.get("/v1/products", params=params)
    assert response.status_code == 200, response.text
    return sorted(p["slug"] for p in response.json()["items"])


async def test_search_finds_japanese_and_korean_substrings(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    await make_product(http, producer["id"], "garlic", name={"ja": "黒にんにく"})
    await make_product(http, producer["id"], "tofu", name={"ko": "온천 두부", "en": "Onsen tofu"})
    await make_product(http, producer["id"], "tea", name={"ja": "嬉野茶"})
    assert await slugs(http, q="にんにく") == ["garlic"]
    assert await slugs(http, q="두부") == ["tofu"]
    assert await slugs(http, q="ONSEN") == ["tofu"]
    assert await slugs(http, q="%") == []


async def test_filters_by_producer_category_status_and_tag(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    farm = await make_producer(http)
    shop = await make_producer(http, kind="shop")
    sweets = (
        await http.post("/v1/categories", json={"slug": "sweets", "name": {"ja": "菓子"}})
    ).json()
    await make_product(http, farm["id"], "a", tags=["Gift"])
    b = await make_product(http, shop["id"], "b", category_id=sweets["id"])
    await http.post(f"/v1/products/{b['id']}/publish")
    assert await slugs(http, producer_id=shop["id"]) == ["b"]
    assert await slugs(http, category_id=sweets["id"]) == ["b"]
    assert await slugs(http, status="published") == ["b"]
    assert await slugs(http, tag="gift") == ["a"]
    categories = (await http.get("/v1/categories", params={"lang": "ja"})).json()["items"]
    assert [c["display_name"] for c in categories] == ["菓子"]


async def test_in_season_now_uses_months_and_sale_window(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    now = datetime.now(UTC)
    this_month = now.astimezone().month
    other_month = this_month % 12 + 1
    await make_product(http, producer["id"], "all-year")
    await make_product(http, producer["id"], "now", season_months=[this_month])
    await make_product(http, producer["id"], "later", season_months=[other_month])
    await make_product(
        http,
        producer["id"],
        "closed",
        available_until=(now - timedelta(days=1)).isoformat(),
        available_from=(now - timedelta(days=9)).isoformat(),
    )
    assert await slugs(http, in_season="true") == ["all-year", "now"]


async def test_unchanged_product_and_list_answer_304(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    path = f"/v1/products/{product['id']}"
    first = await http.get(path)
    etag = first.headers["etag"]
    assert (await http.get(path, headers={"If-None-Match": etag})).status_code == 304
    await http.patch(path, json={"tags": ["new"]})
    assert (await http.get(path, headers={"If-None-Match": etag})).status_code == 200
    listed = await http.get("/v1/products")
    again = await http.get("/v1/products", headers={"If-None-Match": listed.headers["etag"]})
    assert again.status_code == 304


async def test_producers_are_found_by_a_name_in_any_language_or_their_code(
    as_user: Client,
) -> None:
    http = as_user(principal(uuid.uuid4()))
    garlic = await make_producer(
        http, name={"ja": "黒にんにく農園", "en": "Garlic Farm"}, code="G-7"
    )
    await make_producer(http, name={"ko": "온천 두부집"})

    async def found(q: str) -> list[str]:
        response = await http.get("/v1/producers", params={"q": q})
        assert response.status_code == 200, response.text
        return [p["id"] for p in response.json()["items"]]

    assert await found("にんにく") == [garlic["id"]]
    assert await found("GARLIC") == [garlic["id"]]
    assert await found("g-7") == [garlic["id"]]
    assert len(await found("두부")) == 1
    assert await found("%") == []
    assert await found("ja") == []  # a language code is not a name


async def test_a_category_is_renamed_and_keeps_its_slug(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    made = (
        await http.post("/v1/categories", json={"slug": "sweets", "name": {"ja": "菓子"}})
    ).json()
    renamed = await http.patch(
        f"/v1/categories/{made['id']}", json={"name": {"ja": "菓子", "ko": "과자"}}
    )
    assert renamed.status_code == 200, renamed.text
    got = (await http.get(f"/v1/categories/{made['id']}", params={"lang": "ko"})).json()
    assert (got["slug"], got["display_name"]) == ("sweets", "과자")
    empty = await http.patch(f"/v1/categories/{made['id']}", json={"name": {"ja": " "}})
    assert empty.status_code == 422
    missing = await http.get(f"/v1/categories/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
