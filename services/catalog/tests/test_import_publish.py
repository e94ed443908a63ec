"""Imports with `publish=true`: what the file creates or updates goes public, one event each,
or the file changes nothing."""

import uuid
from collections.abc import Callable

import httpx
import pytest

from catalog.imports.jobs import ImportWorker
from catalog.settings import CatalogSettings
from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import relayed
from .test_imports import csv_bytes, small_file

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
PUBLISHED = "catalog.product.published.v1"


@pytest.fixture
def worker(runtime: ServiceRuntime, catalog_settings: CatalogSettings) -> ImportWorker:
    return ImportWorker(runtime, catalog_settings)


async def run_import(
    http: httpx.AsyncClient, worker: ImportWorker, body: bytes, **request: dict[str, str]
) -> dict:
    response = await http.post(
        "/v1/imports", files={"file": ("catalog.csv", body, "text/csv")}, **request
    )
    assert response.status_code == 202, response.text
    await worker.run_until_idle()
    return (await http.get(f"/v1/imports/{response.json()['id']}")).json()


async def products(http: httpx.AsyncClient) -> dict[str, dict]:
    listed = (await http.get("/v1/products", params={"limit": 200})).json()["items"]
    return {p["slug"]: p for p in listed}


async def test_publish_form_field_publishes_100_new_products_with_one_event_each(
    as_user: Client, worker: ImportWorker, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    report = await run_import(http, worker, small_file(100), data={"publish": "true"})
    assert report["status"] == "succeeded", report["errors"]
    assert report["publish"] is True
    assert report["summary"]["published"] == 100
    found = await products(http)
    assert len(found) == 100
    assert {p["status"] for p in found.values()} == {"published"}
    events = await relayed(runtime, tenant, PUBLISHED)
    assert sorted(e["payload"]["product_id"] for e in events) == sorted(
        p["id"] for p in found.values()
    )


async def test_publish_query_parameter_publishes_updated_drafts_too(
    as_user: Client, worker: ImportWorker, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    first = await run_import(http, worker, small_file(2))
    assert first["status"] == "succeeded", first["errors"]
    assert {p["status"] for p in (await products(http)).values()} == {"draft"}
    assert await relayed(runtime, tenant, PUBLISHED) == []
    report = await run_import(http, worker, small_file(3), params={"publish": "true"})
    assert report["status"] == "succeeded", report["errors"]
    found = await products(http)
    assert {slug: p["status"] for slug, p in found.items()} == {
        "item-0": "published",
        "item-1": "published",
        "item-2": "published",
    }
    events = await relayed(runtime, tenant, PUBLISHED)
    assert sorted(e["payload"]["slug"] for e in events) == ["item-0", "item-1", "item-2"]


async def test_without_publish_the_products_stay_drafts(
    as_user: Client, worker: ImportWorker
) -> None:
    http = as_user(principal(uuid.uuid4()))
    report = await run_import(http, worker, small_file(2), data={"publish": "false"})
    assert report["status"] == "succeeded"
    assert report["publish"] is False
    assert "published" not in report["summary"]
    assert {p["status"] for p in (await products(http)).values()} == {"draft"}


async def test_a_product_that_cannot_be_published_fails_the_whole_file(
    as_user: Client, worker: ImportWorker, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    await run_import(http, worker, small_file(1))
    [old] = (await products(http)).values()
    await http.post(f"/v1/products/{old['id']}/archive")
    rows = [
        {"producer_code": "p", "product_slug": "item-0", "variant_sku": "ITEM-0", "price": "120"},
        {"producer_code": "p", "product_slug": "no-variant", "product_name_ja": "品"},
        {"producer_code": "p", "product_slug": "fine", "product_name_ja": "品", "price": "9"},
    ]
    rows[2]["variant_sku"] = "FINE-1"
    report = await run_import(http, worker, csv_bytes(rows), data={"publish": "true"})
    assert report["status"] == "failed"
    assert [(e["row"], e["column"]) for e in report["errors"]] == [
        (2, "product_slug"),
        (3, "product_slug"),
    ]
    assert "archived" in report["errors"][0]["reason"]
    assert "price or a variant" in report["errors"][1]["reason"]
    found = await products(http)
    assert set(found) == {"item-0"}  # nothing of the file went in
    assert found["item-0"]["variants"][0]["price_amount"] == 100
    assert await relayed(runtime, tenant, PUBLISHED) == []


async def test_publishing_past_the_plan_quota_fails_the_whole_file(
    as_user: Client, worker: ImportWorker
) -> None:
    http = as_user(principal(uuid.uuid4(), limits={"active_products": 2}))
    report = await run_import(http, worker, small_file(3), data={"publish": "true"})
    assert report["status"] == "failed"
    [error] = report["errors"]
    assert "2 active products" in error["reason"]
    assert await products(http) == {}


async def test_an_existing_public_product_keeps_its_single_published_event(
    as_user: Client, worker: ImportWorker, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    report = await run_import(http, worker, small_file(1), data={"publish": "true"})
    assert report["summary"]["published"] == 1
    again = await run_import(http, worker, small_file(1), data={"publish": "true"})
    assert again["status"] == "succeeded", again["errors"]
    assert again["summary"]["published"] == 0
    types = [e["type"] for e in await relayed(runtime, tenant, "catalog.product.#")]
    assert types.count(PUBLISHED) == 1
