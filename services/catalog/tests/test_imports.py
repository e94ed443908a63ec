"""CSV import: row-by-row report, all-or-nothing, 10,000 rows, export in the same format."""

import asyncio
import csv
import io
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx

from catalog.imports import service
from catalog.imports.csvformat import COLUMNS
from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
EXAMPLE = Path(__file__).parents[1] / "examples" / "catalog.csv"


def csv_bytes(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


async def upload(http: httpx.AsyncClient, data: bytes) -> dict:
    response = await http.post("/v1/imports", files={"file": ("catalog.csv", data, "text/csv")})
    assert response.status_code == 202, response.text
    report = await http.get(f"/v1/imports/{response.json()['id']}")
    return report.json()


async def test_example_file_imports_and_is_searchable(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    report = await upload(http, EXAMPLE.read_bytes())
    assert report["status"] == "succeeded", report
    assert report["progress"] == 1.0
    assert report["summary"] == {
        "producers_created": 2,
        "producers_updated": 0,
        "products": 2,
        "variants": 3,
    }
    found = (await http.get("/v1/products", params={"q": "두부"})).json()["items"]
    assert [p["slug"] for p in found] == ["onsen-tofu"]
    assert found[0]["variants"][0]["made_to_order"] is True


async def test_bad_rows_change_nothing_and_are_each_reported(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    good = {
        "producer_code": "farm-1",
        "producer_kind": "farm",
        "producer_name_ja": "農園",
        "product_slug": "rice",
        "product_name_ja": "米",
        "variant_sku": "RICE-5",
        "price": "3000",
    }
    rows = [
        good,
        {
            "producer_code": "nobody",
            "product_slug": "x",
            "product_name_ja": "x",
            "variant_sku": "X-1",
            "price": "100",
        },
        {**good, "product_slug": "tea", "variant_sku": "TEA-1", "price": "-5"},
        {**good, "product_slug": "miso", "variant_sku": "MISO-1", "currency": "XYZ"},
    ]
    report = await upload(http, csv_bytes(rows))
    assert report["status"] == "failed"
    problems = {(e["row"], e["column"]) for e in report["errors"]}
    assert problems == {(3, "producer_code"), (4, "price"), (5, "currency")}
    reasons = {e["row"]: e["reason"] for e in report["errors"]}
    assert "unknown producer" in reasons[3]
    assert reasons[4] == "negative price"
    assert "bad currency" in reasons[5]
    assert (await http.get("/v1/producers")).json()["items"] == []
    assert (await http.get("/v1/products")).json()["items"] == []


async def test_a_10000_row_file_imports_completely(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    rows = []
    for i in range(10_000):
        producer = i // 100
        product = i // 2
        rows.append(
            {
                "producer_code": f"p{producer}",
                "producer_kind": "farm",
                "producer_name_ja": f"農園{producer}",
                "product_slug": f"item-{product}",
                "product_name_ja": f"特産品{product}",
                "product_name_en": f"Specialty {product}",
                "variant_sku": f"SKU-{i}",
                "unit": "g",
                "quantity": "200",
                "price": str(1000 + i),
                "stock": "10",
            }
        )
    report = await upload(http, csv_bytes(rows))
    assert report["status"] == "succeeded", report["errors"][:5]
    assert report["summary"]["variants"] == 10_000
    assert report["summary"]["products"] == 5_000
    assert report["summary"]["producers_created"] == 100
    exported = (await http.get("/v1/imports/export")).text
    assert len(exported.strip().splitlines()) == 10_001


async def test_export_reimports_to_the_same_catalog(as_user: Client) -> None:
    first = as_user(principal(uuid.uuid4()))
    await upload(first, EXAMPLE.read_bytes())
    exported = await first.get("/v1/imports/export")
    assert exported.headers["content-type"].startswith("text/csv")
    second = as_user(principal(uuid.uuid4()))
    report = await upload(second, exported.content)
    assert report["status"] == "succeeded", report
    assert (await second.get("/v1/imports/export")).text == exported.text


async def test_reimport_updates_prices_in_place(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    await upload(http, EXAMPLE.read_bytes())
    changed = EXAMPLE.read_text().replace(",1980,", ",2100,").encode()
    report = await upload(http, changed)
    assert report["summary"]["producers_updated"] == 2
    garlic = (await http.get("/v1/products", params={"q": "black garlic"})).json()["items"]
    assert [v["price_amount"] for v in garlic[0]["variants"]] == [2100, 4200]


async def test_not_a_csv_is_a_400(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    response = await http.post(
        "/v1/imports", files={"file": ("x.csv", b"\xff\xfe\x00garbage", "text/csv")}
    )
    assert response.status_code == 400
    assert response.json()["type"] == "invalid-csv"


async def test_analyst_cannot_import(as_user: Client) -> None:
    analyst = as_user(principal(uuid.uuid4(), roles=("analyst",)))
    response = await analyst.post(
        "/v1/imports", files={"file": ("x.csv", EXAMPLE.read_bytes(), "text/csv")}
    )
    assert response.status_code == 403


async def test_progress_is_readable_while_the_import_runs(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    rows = [
        {
            "producer_code": "p",
            "producer_kind": "farm",
            "producer_name_ja": "農園",
            "product_slug": f"item-{i}",
            "product_name_ja": f"品{i}",
            "variant_sku": f"S-{i}",
            "price": "100",
        }
        for i in range(3000)
    ]
    async with runtime.db.transaction(tenant) as session:
        record, header, parsed_rows = await service.start(session, "big.csv", csv_bytes(rows))
    job = service.ImportJob(record.id, tenant, "user:test", header, parsed_rows)
    running = asyncio.create_task(service.run(runtime.db, job))
    seen = []
    while not running.done():
        seen.append((await http.get(f"/v1/imports/{record.id}")).json()["status"])
        await asyncio.sleep(0)
    await running
    final = (await http.get(f"/v1/imports/{record.id}")).json()
    assert {"validating", "applying"} & set(seen), seen
    assert (final["status"], final["processed_rows"], final["progress"]) == ("succeeded", 3000, 1.0)
