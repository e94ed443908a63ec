"""Text search through character bigrams (migration 0005): rare and common texts, every write
path keeps the bigrams, one character still works."""

import csv
import io
import uuid
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import text

from catalog import i18n
from catalog.imports.csvformat import COLUMNS
from catalog.imports.jobs import ImportWorker
from catalog.settings import CatalogSettings
from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import make_producer, make_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def slugs(http: httpx.AsyncClient, q: str) -> list[str]:
    response = await http.get("/v1/products", params={"q": q, "limit": 100})
    assert response.status_code == 200, response.text
    return sorted(p["slug"] for p in response.json()["items"])


async def grams_of(runtime: ServiceRuntime, tenant: uuid.UUID, product_id: str) -> set[str]:
    async with runtime.db.transaction(tenant) as session:
        rows = await session.execute(
            text("SELECT gram FROM product_grams WHERE product_id = :id"), {"id": product_id}
        )
        return set(rows.scalars())


async def search_text_of(runtime: ServiceRuntime, tenant: uuid.UUID, product_id: str) -> str:
    async with runtime.db.transaction(tenant) as session:
        found = await session.execute(
            text("SELECT search_text FROM products WHERE id = :id"), {"id": product_id}
        )
        return str(found.scalar_one())


async def import_products(
    http: httpx.AsyncClient, worker: ImportWorker, names: dict[str, str]
) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for slug, name in names.items():
        writer.writerow(
            {
                "producer_code": "farm",
                "producer_kind": "farm",
                "producer_name_ja": "農園",
                "product_slug": slug,
                "product_name_en": name,
                "variant_sku": slug.upper(),
                "price": "100",
            }
        )
    data = out.getvalue().encode()
    response = await http.post("/v1/imports", files={"file": ("c.csv", data, "text/csv")})
    assert response.status_code == 202, response.text
    await worker.run_until_idle()
    state = (await http.get(f"/v1/imports/{response.json()['id']}")).json()
    assert state["status"] == "succeeded", state


async def test_common_and_rare_texts_find_exactly_their_products(
    as_user: Client, runtime: ServiceRuntime, catalog_settings: CatalogSettings
) -> None:
    http = as_user(principal(uuid.uuid4()))
    names = {f"garlic-{i}": f"Black garlic {i}" for i in range(30)}
    names |= {f"tofu-{i}": f"Onsen tofu {i}" for i in range(30)}
    await import_products(http, ImportWorker(runtime, catalog_settings), names)
    # Common (30 of the newest 60): found by walking the list in order.
    assert await slugs(http, "garlic") == sorted(s for s in names if s.startswith("garlic"))
    # Rare: found through the bigram table, then checked by the same LIKE.
    assert await slugs(http, "garlic 7") == ["garlic-7"]
    assert await slugs(http, "lic 2") == sorted(["garlic-2", *(f"garlic-2{i}" for i in range(10))])
    assert await slugs(http, "tofu 29") == ["tofu-29"]
    assert await slugs(http, "garlic tofu") == []


async def test_bigrams_follow_product_writes(as_user: Client, runtime: ServiceRuntime) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"], "miso", name={"ja": "麦みそ"})
    written = await search_text_of(runtime, tenant, product["id"])
    assert await grams_of(runtime, tenant, product["id"]) == set(i18n.bigrams(written))
    assert await slugs(http, "麦み") == ["miso"]
    renamed = await http.patch(f"/v1/products/{product['id']}", json={"name": {"ko": "된장"}})
    assert renamed.status_code == 200, renamed.text
    rewritten = await search_text_of(runtime, tenant, product["id"])
    assert await grams_of(runtime, tenant, product["id"]) == set(i18n.bigrams(rewritten))
    assert "麦み" not in await grams_of(runtime, tenant, product["id"])
    assert await slugs(http, "麦み") == []
    assert await slugs(http, "된장") == ["miso"]


async def test_one_character_is_searched_without_bigrams(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    await make_product(http, producer["id"], "garlic", name={"ja": "黒にんにく"})
    await make_product(http, producer["id"], "tofu", name={"ko": "온천 두부"})
    assert await slugs(http, "黒") == ["garlic"]
    assert await slugs(http, "부") == ["tofu"]


async def test_another_tenants_bigrams_are_invisible(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    owner, other = uuid.uuid4(), uuid.uuid4()
    http = as_user(principal(owner))
    product = await make_product(http, (await make_producer(http))["id"], name={"ja": "嬉野茶"})
    assert await grams_of(runtime, owner, product["id"])
    assert await grams_of(runtime, other, product["id"]) == set()
    assert await slugs(as_user(principal(other)), "嬉野") == []


@pytest.mark.parametrize(
    "sample", ["黒にんにく 200g\nblack garlic", "온천  두부\t\r\nx", "a", "", "ｶﾀｶﾅ full　width"]
)
async def test_the_database_and_python_cut_the_same_bigrams(
    runtime: ServiceRuntime, sample: str
) -> None:
    normalized = i18n.normalize(sample)
    async with runtime.db.transaction() as session:
        found = await session.execute(text("SELECT catalog_bigrams(:t)"), {"t": normalized})
        assert sorted(found.scalar_one()) == sorted(i18n.bigrams(normalized))
