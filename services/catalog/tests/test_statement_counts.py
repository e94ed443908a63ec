"""The hot product requests send a few statements to PostgreSQL, however many rows they show:
each statement is a round trip that wakes a backend (issue 15)."""

import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import httpx
import pytest

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal
from kit.testing.statements import statements_sent

from .helpers import make_producer, make_product
from .test_media_library import set_alt, upload
from .test_product_listings import list_item, store

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def statements(runtime: ServiceRuntime) -> AbstractContextManager[list[str]]:
    """Every statement the service sends while the block runs, BEGIN and COMMIT included."""
    return statements_sent(runtime.db, transactions=True)


def variant(slug: str) -> list[dict[str, Any]]:
    return [{"sku": f"{slug}-1", "unit": "g", "quantity": 200, "price_amount": 1980, "stock": 5}]


async def shop(
    as_user: Client, products: int, *, photos: bool = True
) -> tuple[httpx.AsyncClient, list[dict]]:
    """A tenant whose `products` products each have a variant sold in a store and, with
    `photos`, a photo with alt text in the media library."""
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    yahoo = await store(http, "Yahoo! Shopping", "https://store.example/{item}.html")
    media = []
    if photos:
        photo = (await upload(http))["id"]
        await set_alt(http, photo, {"en": "Black garlic"})
        media = [{"media_id": photo}]
    made = []
    for n in range(products):
        product = await make_product(
            http, producer["id"], f"p-{n}", variants=variant(f"p{n}"), media=media
        )
        await list_item(http, yahoo, product["variants"][0]["id"], f"item-{n}")
        made.append(product)
    return http, made


@pytest.mark.parametrize(("photos", "most"), [(False, 4), (True, 5)])
async def test_a_page_of_products_takes_the_same_statements_for_3_or_50_products(
    as_user: Client, runtime: ServiceRuntime, photos: bool, most: int
) -> None:
    """BEGIN, the page, its variants with their store items, its photos' alt text (when it
    shows photos), COMMIT."""
    counts = []
    for products in (3, 50):
        http, _ = await shop(as_user, products, photos=photos)
        await http.get("/v1/products?limit=50")  # the tenant's languages are kept from here
        with statements(runtime) as seen:
            page = await http.get("/v1/products?limit=50")
        assert page.status_code == 200, page.text
        assert len(page.json()["items"]) == products
        assert all(p["variants"][0]["listings"] for p in page.json()["items"])
        if photos:
            alts = [p["media"][0]["alt"] for p in page.json()["items"]]
            assert alts == [{"en": "Black garlic"}] * products
        counts.append(len(seen))
        assert len(seen) <= most, seen
    assert counts[0] == counts[1]


async def test_creating_a_product_with_a_variant_takes_few_statements(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    http, [product] = await shop(as_user, 1)
    with statements(runtime) as seen:
        created = await make_product(
            http, product["producer_id"], "new-one", variants=variant("new"), media=product["media"]
        )
    assert len(seen) <= 5, seen
    assert created["media"][0]["alt"] == {"en": "Black garlic"}
    assert (await http.get(f"/v1/products/{created['id']}")).json() == created


async def test_changing_a_variants_stock_takes_few_statements(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    http, [product] = await shop(as_user, 1)
    [sold] = product["variants"]
    path = f"/v1/products/{product['id']}/variants/{sold['id']}"
    await http.get(path)
    with statements(runtime) as seen:
        changed = await http.patch(path, json={"stock": 3})
    assert changed.status_code == 200, changed.text
    assert changed.json()["stock"] == 3
    assert len(seen) <= 7, seen
    assert (await http.get(path)).json() == changed.json()
