"""Every catalog event carries what its consumers need: names in all languages, the producer,
media with renditions and alt text, store URLs, prices; and no change goes unannounced."""

import csv
import io
import uuid
from collections.abc import Callable

import httpx

from catalog.imports.csvformat import COLUMNS
from catalog.imports.jobs import ImportWorker
from catalog.settings import CatalogSettings
from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.images import jpeg_with_gps
from kit.testing.plugin import principal

from .helpers import make_producer, make_product, relayed

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def published_garlic(http: httpx.AsyncClient) -> tuple[dict, dict]:
    producer = await make_producer(
        http, code="garlic-farm", story={"en": "Since 1952"}, social={"instagram": "takeo_bg"}
    )
    product = await make_product(http, producer["id"], f"garlic-{uuid.uuid4().hex[:6]}")
    assert (await http.post(f"/v1/products/{product['id']}/publish")).status_code == 200
    return producer, product


async def test_producer_created_carries_the_public_profile(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    await make_producer(
        http,
        story={"ja": "三代続く農園"},
        social={"instagram": "takeo_bg"},
        contact={"phone": "0954-00-0000"},
        address="武雄市",
        latitude=33.19,
        longitude=130.02,
        visibility="only_through_links",
    )
    [event] = await relayed(runtime, tenant, "catalog.producer.created.v1")
    payload = event["payload"]
    assert payload["name"] == {"ja": "武雄農園", "en": "Takeo Farm"}
    assert payload["story"] == {"ja": "三代続く農園"}
    assert payload["social"] == {"instagram": "takeo_bg"}
    assert payload["address"] == "武雄市"
    assert (payload["latitude"], payload["longitude"]) == (33.19, 130.02)
    assert payload["visibility"] == "only_through_links"
    assert "contact" not in payload  # phone numbers stay in the catalog


async def test_product_events_carry_every_rendition_with_alt_text(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    media_id = (
        await http.post("/v1/media", files={"file": ("g.jpg", jpeg_with_gps(), "image/jpeg")})
    ).json()["id"]
    alt = {"ja": "黒にんにく", "en": "Black garlic"}
    product = await make_product(http, producer["id"], media=[{"media_id": media_id, "alt": alt}])
    await http.post(f"/v1/products/{product['id']}/publish")
    [event] = await relayed(runtime, tenant, "catalog.product.published.v1")
    [media] = event["payload"]["media"]
    assert media["alt"] == alt
    base = f"https://town.example/v1/media/{media_id}"
    assert media["urls"]["portrait"] == f"{base}/portrait"  # Instagram's 4:5
    assert media["urls"]["landscape"] == f"{base}/landscape"  # 1.91:1 link cards
    await http.post(f"/v1/products/{product['id']}/archive")
    [archived] = await relayed(runtime, tenant, "catalog.product.archived.v1")
    assert archived["payload"]["producer_name"] == {"ja": "武雄農園", "en": "Takeo Farm"}


async def test_a_new_listing_announces_the_store_url_of_a_public_product(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    _, product = await published_garlic(http)
    await relayed(runtime, tenant, "#")  # drain what publishing wrote
    store = await http.post(
        "/v1/storefronts",
        json={
            "kind": "generic",
            "name": "Yahoo! store",
            "item_url_template": "https://store.shopping.yahoo.co.jp/takeo/{item}.html",
        },
    )
    listing = await http.post(
        "/v1/listings",
        json={
            "storefront_id": store.json()["id"],
            "variant_id": product["variants"][0]["id"],
            "external_id": "bg200",
        },
    )
    assert listing.status_code == 201, listing.text
    [event] = await relayed(runtime, tenant, "catalog.product.updated.v1")
    assert event["payload"]["storefront_urls"] == [
        "https://store.shopping.yahoo.co.jp/takeo/bg200.html"
    ]


def garlic_file(slug: str, price: str, stock: str) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(
        {
            "producer_code": "garlic-farm",
            "producer_kind": "farm",
            "producer_name_ja": "武雄農園",
            "product_slug": slug,
            "product_name_ja": "熟成黒にんにく",
            "variant_sku": f"{slug}-200g",
            "unit": "g",
            "quantity": "200",
            "price": price,
            "stock": stock,
        }
    )
    return out.getvalue().encode()


async def test_an_import_announces_what_it_changed_in_public_products(
    as_user: Client, runtime: ServiceRuntime, catalog_settings: CatalogSettings
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer, product = await published_garlic(http)
    hidden = await http.patch(f"/v1/producers/{producer['id']}", json={"visibility": "hidden"})
    assert hidden.status_code == 200
    await relayed(runtime, tenant, "#")
    data = garlic_file(product["slug"], price="2100", stock="3")
    response = await http.post("/v1/imports", files={"file": ("g.csv", data, "text/csv")})
    assert response.status_code == 202
    await ImportWorker(runtime, catalog_settings).run_until_idle()
    events = {e["type"]: e["payload"] for e in await relayed(runtime, tenant, "#")}
    assert events["catalog.product.stock_changed.v1"]["stock"] == 3
    assert events["catalog.product.stock_changed.v1"]["previous_stock"] == 5
    assert events["catalog.product.stock_changed.v1"]["name"]["ja"] == "熟成黒にんにく"
    assert events["catalog.product.updated.v1"]["prices"] == [{"amount": 2100, "currency": "JPY"}]
    # The import changed kind and name only: the producer stays hidden for consumers.
    assert events["catalog.producer.updated.v1"]["visibility"] == "hidden"
    assert events["catalog.producer.updated.v1"]["story"] == {"en": "Since 1952"}


async def test_product_events_carry_season_and_each_variants_stock(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"], season_months=[10, 11])
    await http.post(f"/v1/products/{product['id']}/publish")
    [published] = await relayed(runtime, tenant, "catalog.product.published.v1")
    [variant] = product["variants"]
    assert published["payload"]["season_months"] == [10, 11]
    assert published["payload"]["stock"] == {variant["id"]: 5}
    path = f"/v1/products/{product['id']}/variants/{variant['id']}"
    assert (await http.patch(path, json={"stock": 0})).status_code == 200
    [updated] = await relayed(runtime, tenant, "catalog.product.updated.v1")
    assert updated["payload"]["stock"] == {variant["id"]: 0}  # sold out: campaigns pass it over
