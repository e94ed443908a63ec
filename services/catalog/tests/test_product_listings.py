"""Product reads show where each variant is sold: storefront and item URL, read in one query."""

import uuid
from collections.abc import Callable
from typing import Any

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal
from kit.testing.statements import statements_sent

from .helpers import make_producer, make_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def store(http: httpx.AsyncClient, name: str, template: str) -> str:
    body = {"kind": "generic", "name": name, "item_url_template": template}
    response = await http.post("/v1/storefronts", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def list_item(
    http: httpx.AsyncClient, storefront_id: str, variant_id: str, item: str
) -> None:
    body = {"storefront_id": storefront_id, "variant_id": variant_id, "external_id": item}
    response = await http.post("/v1/listings", json=body)
    assert response.status_code == 201, response.text


def two_variants(slug: str) -> list[dict[str, Any]]:
    return [
        {"sku": f"{slug}-200", "unit": "g", "quantity": 200, "price_amount": 1980},
        {"sku": f"{slug}-500", "unit": "g", "quantity": 500, "price_amount": 4200},
    ]


def listing_queries(seen: list[str]) -> list[str]:
    """The statements of `seen` that read the listings table."""
    return [s for s in seen if "FROM listings" in s or "JOIN listings" in s]


async def test_a_product_read_shows_each_variants_store_items(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"], "garlic", variants=two_variants("garlic"))
    small, large = product["variants"]
    yahoo = await store(http, "Yahoo! Shopping", "https://store.example/takeo/{item}.html")
    rakuten = await store(http, "Rakuten", "https://item.example/takeo/{item}/")
    await list_item(http, yahoo, small["id"], "kuro-200")
    await list_item(http, rakuten, small["id"], "r-kuro-200")

    read = (await http.get(f"/v1/products/{product['id']}")).json()

    by_sku = {v["sku"]: v for v in read["variants"]}
    assert [
        (item["storefront_name"], item["storefront_kind"], item["external_id"], item["url"])
        for item in by_sku["garlic-200"]["listings"]
    ] == [
        ("Yahoo! Shopping", "generic", "kuro-200", "https://store.example/takeo/kuro-200.html"),
        ("Rakuten", "generic", "r-kuro-200", "https://item.example/takeo/r-kuro-200/"),
    ]
    assert by_sku["garlic-200"]["listings"][0]["storefront_id"] == yahoo
    assert by_sku[large["sku"]]["listings"] == []


async def test_a_page_of_products_reads_its_listings_in_one_query(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    yahoo = await store(http, "Yahoo! Shopping", "https://store.example/{item}.html")
    for n in range(5):
        product = await make_product(http, producer["id"], f"p-{n}", variants=two_variants(f"p{n}"))
        for variant in product["variants"]:
            await list_item(http, yahoo, variant["id"], variant["sku"])

    with statements_sent(runtime.db) as seen:
        page = (await http.get("/v1/products")).json()

    queries = listing_queries(seen)
    assert len(queries) == 1, queries
    urls = [item["url"] for p in page["items"] for v in p["variants"] for item in v["listings"]]
    assert len(urls) == 10
    assert "https://store.example/p0-200.html" in urls


async def test_a_variant_change_answers_with_its_store_items(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    [variant] = product["variants"]
    yahoo = await store(http, "Yahoo! Shopping", "https://store.example/{item}.html")
    await list_item(http, yahoo, variant["id"], "kuro")
    path = f"/v1/products/{product['id']}/variants/{variant['id']}"
    changed = (await http.patch(path, json={"stock": 3})).json()
    assert [item["url"] for item in changed["listings"]] == ["https://store.example/kuro.html"]


async def test_anonymous_visitors_get_no_store_items(as_user: Client) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    product = await make_product(http, (await make_producer(http))["id"])
    yahoo = await store(http, "Yahoo! Shopping", "https://store.example/{item}.html")
    await list_item(http, yahoo, product["variants"][0]["id"], "kuro")
    await http.post(f"/v1/products/{product['id']}/publish")
    visitor = as_user(InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=tenant))
    read = await visitor.get(f"/v1/products/{product['id']}")
    assert read.status_code == 200, read.text
    assert read.json()["variants"][0]["listings"] == []
