"""Journey 2: the catalog fills (producer, photographer, writer). JOURNEYS.md section 2."""

from __future__ import annotations

import csv
import io
import time

import httpx
import pytest
from PIL import ExifTags, Image

from kit.testing.images import jpeg_with_gps
from kit.testing.platforms import SHOPIFY_TOKEN
from kit.testing.waiting import eventually_sync
from machi_client import AuthenticatedClient
from machi_client.api.imports import imports_create, imports_get
from machi_client.api.listings import listings_list
from machi_client.api.media import media_create
from machi_client.api.producers import producers_create, producers_get, producers_list
from machi_client.api.products import (
    products_create,
    products_get,
    products_list,
    products_publish_many,
    products_update,
)
from machi_client.api.storefronts import storefronts_create, storefronts_sync
from machi_client.models import (
    BodyImportsCreate,
    BodyMediaCreate,
    ImportRead,
    ListingRead,
    MediaAttachment,
    MediaAttachmentAlt,
    MediaRead,
    MediaReadUrls,
    ProducerCreate,
    ProductBulkPublish,
    ProductCreate,
    ProductCreateName,
    ProductRead,
    ProductUpdate,
    StorefrontCreate,
    StorefrontCreateCredentialsType0,
    StorefrontCreateKind,
    VariantCreate,
)
from machi_client.types import File

from .journeys import (
    Garlic,
    Journeys,
    Takeo,
    api,
    done,
    garlic,
    open_town,
    takeo,
)

# Generous: the first journey test also waits for the whole platform to start.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

# Platform shapes the renditions are made for (reference/social-publishing.md 4.1-4.3: Instagram
# 4:5 portrait, Facebook/X link cards 1.91:1 landscape).
RENDITION_SIZES = {"portrait": (1080, 1350), "landscape": (1200, 628)}


@pytest.fixture(scope="module")
def town(journeys: Journeys) -> Takeo:
    return takeo(journeys)


@pytest.fixture(scope="module")
def registered(journeys: Journeys) -> Garlic:
    return garlic(journeys)


class TestProducerRegistersTheFarm:
    def test_farm_story_in_japanese_and_english(self, town: Takeo, registered: Garlic) -> None:
        farm = done(producers_get.sync_detailed(town.farm_id, client=api(town.users["garlic"])))
        assert set(farm.story.additional_keys) == {"ja", "en"}
        english = done(
            producers_get.sync_detailed(town.farm_id, client=api(town.admin), accept_language="en")
        )
        assert isinstance(english.display_name, str), english

    def test_garlic_with_two_variants_in_season_all_year(
        self, town: Takeo, registered: Garlic
    ) -> None:
        product: ProductRead = done(
            products_get.sync_detailed(registered.product.id, client=api(town.admin))
        )
        assert product.producer_id == town.farm_id
        assert product.name["en"] == "Aged black garlic"
        assert isinstance(product.variants, list), product
        variants = {v.sku: v for v in product.variants}
        assert (variants["garlic-200"].quantity, variants["garlic-200"].unit) == (200, "g")
        assert variants["garlic-200"].price_amount == 1980
        assert (variants["garlic-500"].quantity, variants["garlic-500"].price_amount) == (500, 4200)
        assert product.season_months == []
        assert product.in_season is True
        assert product.status == "published"

    def test_producer_user_cannot_touch_another_producer(self, town: Takeo) -> None:
        fishery = ProducerCreate.from_dict({"kind": "fishery", "name": {"ja": "有明漁協"}})
        other = done(producers_create.sync_detailed(client=api(town.admin), body=fishery), 201)
        producer = api(town.users["garlic"])
        assert producers_get.sync_detailed(other.id, client=producer).status_code == 404
        nori = ProductCreate(
            producer_id=other.id, slug="nori", name=ProductCreateName.from_dict({"ja": "海苔"})
        )
        response = products_create.sync_detailed(client=producer, body=nori)
        assert response.status_code in (403, 404), response.content


@pytest.fixture(scope="module")
def photos(town: Takeo, registered: Garlic) -> list[MediaRead]:
    photographer = api(town.users["photographer"])
    uploaded = [
        done(media_create.sync_detailed(client=photographer, body=jpeg_upload(n)), 201)
        for n in range(3)
    ]
    alt = MediaAttachmentAlt.from_dict({"en": "Aged black garlic"})
    refs = [MediaAttachment(media_id=m.id, alt=alt) for m in uploaded]
    done(
        products_update.sync_detailed(
            registered.product.id, client=photographer, body=ProductUpdate(media=refs)
        )
    )
    return uploaded


def jpeg_upload(n: int) -> BodyMediaCreate:
    photo = io.BytesIO(jpeg_with_gps(2000, 1500))
    return BodyMediaCreate(
        file=File(payload=photo, file_name=f"garlic-{n}.jpg", mime_type="image/jpeg")
    )


def urls(media: MediaRead) -> dict[str, str]:
    """Each rendition's public URL by name."""
    assert isinstance(media.urls, MediaReadUrls), media
    return {name: media.urls[name] for name in media.urls.additional_keys}


class TestPhotographerUploads:
    def test_three_photos_on_the_product(
        self, town: Takeo, registered: Garlic, photos: list[MediaRead]
    ) -> None:
        product = done(products_get.sync_detailed(registered.product.id, client=api(town.admin)))
        assert isinstance(product.media, list), product
        assert [m.media_id for m in product.media] == [p.id for p in photos]

    def test_no_gps_in_any_served_rendition(
        self, journeys: Journeys, photos: list[MediaRead]
    ) -> None:
        visitor = journeys.client()  # renditions are public: platforms fetch them by URL
        for photo in photos:
            assert urls(photo), photo
            for name, url in urls(photo).items():
                served = visitor.get(httpx.URL(url).path)
                assert served.status_code == 200, (name, served.text)
                image = Image.open(io.BytesIO(served.content))
                assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), name
                assert b"GPS" not in served.content

    def test_renditions_exist_for_each_platform(
        self, journeys: Journeys, photos: list[MediaRead]
    ) -> None:
        visitor = journeys.client()
        for photo in photos:
            for name, size in RENDITION_SIZES.items():
                served = visitor.get(httpx.URL(urls(photo)[name]).path)
                assert Image.open(io.BytesIO(served.content)).size == size, name


class TestStores:
    def test_yahoo_store_maps_both_variants_to_item_pages(
        self, town: Takeo, registered: Garlic
    ) -> None:
        listed = done(
            listings_list.sync_detailed(
                client=api(town.admin), storefront_id=registered.storefront.id
            )
        ).items
        item_urls = {item.variant_id: item.url for item in listed}
        assert item_urls == {
            registered.variant_ids["garlic-200"]: (
                "https://store.shopping.yahoo.co.jp/takeo-furusato/kuro-ninniku-200.html"
            ),
            registered.variant_ids["garlic-500"]: (
                "https://store.shopping.yahoo.co.jp/takeo-furusato/kuro-ninniku-500.html"
            ),
        }

    def test_another_town_on_shopify_gets_prices_and_stock_synced(self, journeys: Journeys) -> None:
        shop = journeys.fakes.shopify
        kashima = open_town(journeys, "kashima", name={"ja": "鹿島市", "en": "Kashima City"})
        admin = api(kashima.admin)
        maker = ProducerCreate.from_dict({"kind": "maker", "name": {"ja": "酒蔵"}})
        farm = done(producers_create.sync_detailed(client=admin, body=maker), 201)
        sake = ProductCreate(
            producer_id=farm.id,
            slug="sake",
            name=ProductCreateName.from_dict({"ja": "純米酒"}),
            variants=[VariantCreate(sku="sake-720", price_amount=1500)],
        )
        product = done(products_create.sync_detailed(client=admin, body=sake), 201)
        shop.products[:] = [
            {
                "id": 7001,
                "handle": "junmai",
                "variants": [
                    {
                        "id": 9001,
                        "sku": "sake-720",
                        "price": "1650.00",
                        "inventory_management": "shopify",
                        "inventory_quantity": 12,
                    }
                ],
            }
        ]
        shopify = StorefrontCreate(
            kind=StorefrontCreateKind.SHOPIFY,
            name="Kashima Sake Shop",
            api_base_url=journeys.fakes.urls["shopify"],
            credentials=StorefrontCreateCredentialsType0.from_dict({"access_token": SHOPIFY_TOKEN}),
        )
        created = storefronts_create.sync_detailed(client=admin, body=shopify)
        store = done(created, 201)
        assert b"access_token" not in created.content
        assert store.has_credentials is True
        report = done(storefronts_sync.sync_detailed(store.id, client=admin))
        assert report.listings_linked == 1

        def listing() -> ListingRead:
            items = done(listings_list.sync_detailed(client=admin, storefront_id=store.id)).items
            assert len(items) == 1
            return items[0]

        first = listing()
        assert isinstance(product.variants, list), product
        variant_id = product.variants[0].id
        assert (first.variant_id, first.price_amount, first.stock) == (variant_id, 1650, 12)
        # The store changes; the worker's scheduled sync (CATALOG_SYNC_INTERVAL_SECONDS) follows.
        shop.products[0]["variants"][0].update(price="1800.00", inventory_quantity=3)
        eventually_sync(
            lambda: (listing().price_amount, listing().stock) == (1800, 3),
            timeout=60,
            what="scheduled Shopify sync",
        )


def coop_csv(bad_rows: bool) -> bytes:
    """The cooperative's 40 products, one variant each; two rows broken when asked."""
    out = io.StringIO()
    columns = [
        "producer_code",
        "producer_kind",
        "producer_name_ja",
        "product_slug",
        "product_name_ja",
        "product_name_en",
        "variant_sku",
        "unit",
        "quantity",
        "price",
        "currency",
        "stock",
    ]
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for n in range(1, 41):
        row = {
            "producer_code": "takeo-coop",
            "product_slug": f"coop-item-{n}",
            "product_name_ja": f"組合の品 {n}",
            "product_name_en": f"Coop item {n}",
            "variant_sku": f"coop-{n}",
            "unit": "piece",
            "quantity": "1",
            "price": str(500 + n * 10),
            "currency": "JPY",
            "stock": "10",
        }
        if n == 1:
            row |= {"producer_kind": "shop", "producer_name_ja": "武雄農協"}
        if bad_rows and n == 7:
            row["price"] = "-300"
        if bad_rows and n == 23:
            row["currency"] = "XYZ"
        writer.writerow(row)
    return out.getvalue().encode()


def run_import(writer: AuthenticatedClient, body: bytes) -> tuple[ImportRead, list[float]]:
    """Upload a CSV and follow it to its end; the progress values seen on the way."""
    upload = File(payload=io.BytesIO(body), file_name="coop.csv", mime_type="text/csv")
    started = done(
        imports_create.sync_detailed(client=writer, body=BodyImportsCreate(file=upload)), 202
    )
    seen: list[float] = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        state = done(imports_get.sync_detailed(started.id, client=writer))
        seen.append(state.progress)
        if state.status in ("succeeded", "failed"):
            return state, seen
        time.sleep(0.1)
    raise AssertionError(f"import still {state.status}")


class TestCooperativeImport:
    def coop_products(self, town: Takeo) -> list[ProductRead]:
        items = done(products_list.sync_detailed(client=api(town.admin), limit=200)).items
        return [p for p in items if p.slug.startswith("coop-item-")]

    def test_two_bad_rows_are_reported_and_nothing_goes_in(self, town: Takeo) -> None:
        state, _ = run_import(api(town.users["writer1"]), coop_csv(bad_rows=True))
        assert state.status == "failed"
        # Row 1 is the header: product n is on row n + 1.
        assert sorted({e.row for e in state.errors}) == [8, 24], state.errors
        assert {e.column for e in state.errors} == {"price", "currency"}
        assert self.coop_products(town) == []
        producers = done(producers_list.sync_detailed(client=api(town.admin), limit=200)).items
        assert "takeo-coop" not in {p.code for p in producers}

    def test_fixed_file_goes_in_whole_with_progress(self, town: Takeo) -> None:
        state, seen = run_import(api(town.users["writer1"]), coop_csv(bad_rows=False))
        assert state.status == "succeeded", state
        assert state.errors == []
        assert state.processed_rows == state.total_rows == 40
        assert all(0.0 <= p <= 1.0 for p in seen)
        assert seen[-1] == 1.0
        products = self.coop_products(town)
        assert len(products) == 40
        assert {p.status for p in products} == {"draft"}

    def test_writer_publishes_the_imported_products_in_one_call(self, town: Takeo) -> None:
        ids = [p.id for p in self.coop_products(town)]
        assert len(ids) == 40  # the file of the test above went in as drafts
        answer = done(
            products_publish_many.sync_detailed(
                client=api(town.users["writer1"]), body=ProductBulkPublish(ids=ids)
            )
        )
        assert sorted(answer.published) == sorted(ids)
        assert {p.status for p in self.coop_products(town)} == {"published"}
