"""CSV import: row-by-row report, all-or-nothing, 10,000 rows, export in the same format;
durable work claimed by workers, completed once when a worker dies."""

import asyncio
import contextlib
import csv
import io
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from catalog.imports import service
from catalog.imports.csvformat import COLUMNS
from catalog.imports.jobs import ImportWorker
from catalog.roles import background_roles
from catalog.settings import CatalogSettings
from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.runtime import ServiceRuntime
from kit.testing.clock import Clock
from kit.testing.plugin import principal
from kit.testing.waiting import eventually

from .helpers import relayed

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
EXAMPLE = Path(__file__).parents[1] / "examples" / "catalog.csv"


def csv_bytes(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.fixture
def worker(runtime: ServiceRuntime, catalog_settings: CatalogSettings) -> ImportWorker:
    return ImportWorker(runtime, catalog_settings)


@pytest.fixture
def upload(worker: ImportWorker) -> Callable[[httpx.AsyncClient, bytes], Awaitable[dict]]:
    """Upload a file, let the worker run what is pending, and return the import."""

    async def run(http: httpx.AsyncClient, data: bytes) -> dict:
        response = await http.post("/v1/imports", files={"file": ("catalog.csv", data, "text/csv")})
        assert response.status_code == 202, response.text
        assert response.json()["status"] == "pending"
        await worker.run_until_idle()
        report = await http.get(f"/v1/imports/{response.json()['id']}")
        return report.json()

    return run


Upload = Callable[[httpx.AsyncClient, bytes], Awaitable[dict]]


async def test_example_file_imports_and_is_searchable(as_user: Client, upload: Upload) -> None:
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


async def test_bad_rows_change_nothing_and_are_each_reported(
    as_user: Client, upload: Upload
) -> None:
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


async def test_a_10000_row_file_imports_completely(as_user: Client, upload: Upload) -> None:
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


async def test_export_reimports_to_the_same_catalog(as_user: Client, upload: Upload) -> None:
    first = as_user(principal(uuid.uuid4()))
    await upload(first, EXAMPLE.read_bytes())
    exported = await first.get("/v1/imports/export")
    assert exported.headers["content-type"].startswith("text/csv")
    second = as_user(principal(uuid.uuid4()))
    report = await upload(second, exported.content)
    assert report["status"] == "succeeded", report
    assert (await second.get("/v1/imports/export")).text == exported.text


async def test_reimport_updates_prices_in_place(as_user: Client, upload: Upload) -> None:
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
    assert response.json()["type"] == type_uri("invalid-csv")


async def test_analyst_cannot_import(as_user: Client) -> None:
    analyst = as_user(principal(uuid.uuid4(), roles=("analyst",)))
    response = await analyst.post(
        "/v1/imports", files={"file": ("x.csv", EXAMPLE.read_bytes(), "text/csv")}
    )
    assert response.status_code == 403


def small_file(count: int, prefix: str = "item") -> bytes:
    return csv_bytes(
        [
            {
                "producer_code": "p",
                "producer_kind": "farm",
                "producer_name_ja": "農園",
                "product_slug": f"{prefix}-{i}",
                "product_name_ja": f"品{i}",
                "variant_sku": f"{prefix.upper()}-{i}",
                "price": "100",
            }
            for i in range(count)
        ]
    )


async def post(http: httpx.AsyncClient, data: bytes) -> str:
    response = await http.post("/v1/imports", files={"file": ("big.csv", data, "text/csv")})
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


async def test_the_api_only_records_the_import_a_worker_runs_it(
    as_user: Client, worker: ImportWorker
) -> None:
    http = as_user(principal(uuid.uuid4()))
    import_id = await post(http, small_file(3))
    pending = (await http.get(f"/v1/imports/{import_id}")).json()
    assert (pending["status"], pending["total_rows"], pending["progress"]) == ("pending", 3, 0.0)
    assert (await http.get("/v1/products")).json()["items"] == []
    assert await worker.run_until_idle() >= 1
    done = (await http.get(f"/v1/imports/{import_id}")).json()
    assert (done["status"], done["summary"]["variants"]) == ("succeeded", 3)


async def test_progress_is_readable_while_the_import_runs(
    as_user: Client, worker: ImportWorker
) -> None:
    http = as_user(principal(uuid.uuid4()))
    import_id = await post(http, small_file(5000))
    running = asyncio.create_task(worker.run_until_idle())
    seen = []
    while not running.done():
        state = (await http.get(f"/v1/imports/{import_id}")).json()
        seen.append((state["status"], state["processed_rows"]))
        await asyncio.sleep(0)
    await running
    final = (await http.get(f"/v1/imports/{import_id}")).json()
    assert any(status == "applying" and 0 < done < 5000 for status, done in seen), seen
    assert (final["status"], final["processed_rows"], final["progress"]) == ("succeeded", 5000, 1.0)


async def products_of(runtime: ServiceRuntime, tenant: uuid.UUID) -> int:
    async with runtime.db.transaction(tenant) as session:
        count = await session.execute(text("SELECT count(*) FROM products"))
        return int(count.scalar_one())


async def test_an_import_whose_worker_died_is_completed_once_by_another(
    as_user: Client, runtime: ServiceRuntime, catalog_settings: CatalogSettings
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    import_id = await post(http, small_file(20, "dead"))
    # Worker A claims it, then dies (it never renews, never runs it).
    dead = await service.claim(runtime.jobs_db, lease_seconds=30)
    assert dead is not None
    assert str(dead.import_id) == import_id
    clock = Clock()
    other = ImportWorker(
        runtime, catalog_settings.model_copy(update={"import_lease_seconds": 5}), clock
    )
    assert await other.run_once() is False  # A's lease still holds: nobody else takes it
    clock.advance(31)
    # Worker B takes it over (attempt 2) and completes it.
    assert await other.run_once() is True
    done = (await http.get(f"/v1/imports/{import_id}")).json()
    assert (done["status"], done["summary"]["variants"]) == ("succeeded", 20)
    assert await products_of(runtime, tenant) == 20
    producer_events = await relayed(runtime, tenant, "catalog.producer.#")
    assert [e["type"] for e in producer_events] == ["catalog.producer.created.v1"]
    assert await other.run_once() is False  # nothing left to do


async def test_a_stalled_worker_that_lost_its_lease_applies_nothing(
    as_user: Client, runtime: ServiceRuntime, catalog_settings: CatalogSettings
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    import_id = await post(http, small_file(20, "stall"))
    stalled = await service.claim(runtime.jobs_db, lease_seconds=30)
    assert stalled is not None
    successor = await service.claim(runtime.jobs_db, lease_seconds=30, at=Clock().advance(31))
    assert successor is not None
    assert successor.import_id == stalled.import_id
    assert successor.attempts == 2
    # A wakes up and runs the whole file: its commit is fenced off, nothing lands.
    await service.run(runtime.db, stalled, lease_seconds=30, max_attempts=3)
    assert await products_of(runtime, tenant) == 0
    assert (await http.get(f"/v1/imports/{import_id}")).json()["status"] == "validating"
    await service.run(runtime.db, successor, lease_seconds=30, max_attempts=3)
    assert await products_of(runtime, tenant) == 20
    assert (await http.get(f"/v1/imports/{import_id}")).json()["status"] == "succeeded"
    assert len(await relayed(runtime, tenant, "catalog.producer.#")) == 1


async def test_an_import_that_keeps_failing_ends_failed_after_its_tries(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    import_id = await post(http, small_file(2, "doomed"))
    clock = Clock()
    for _ in range(3):  # three workers die holding it
        assert await service.claim(runtime.jobs_db, lease_seconds=30, at=clock()) is not None
        clock.advance(31)
    last = await service.claim(runtime.jobs_db, lease_seconds=30, at=clock())
    assert last is not None
    assert last.attempts == 4
    await service.run(runtime.db, last, lease_seconds=30, max_attempts=3)
    failed = (await http.get(f"/v1/imports/{import_id}")).json()
    assert failed["status"] == "failed"
    assert "gave up after 3 tries" in failed["errors"][0]["reason"]
    assert await products_of(runtime, tenant) == 0


async def test_the_worker_role_runs_imports(
    as_user: Client, runtime: ServiceRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOG_IMPORT_POLL_SECONDS", "0.05")
    http = as_user(principal(uuid.uuid4()))
    (worker_role,) = [r for r in background_roles(runtime) if r.kind == "worker"]
    running = asyncio.create_task(worker_role.run())
    try:
        import_id = await post(http, small_file(3, "role"))
        for _ in range(100):
            state = (await http.get(f"/v1/imports/{import_id}")).json()
            if state["status"] == "succeeded":
                break
            await asyncio.sleep(0.05)
        assert state["status"] == "succeeded", state
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running


async def test_the_worker_role_runs_an_import_when_its_upload_commits_not_on_a_poll(
    as_user: Client, runtime: ServiceRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOG_IMPORT_POLL_SECONDS", "30")  # no poll within the test
    http = as_user(principal(uuid.uuid4()))
    (worker_role,) = [r for r in background_roles(runtime) if r.kind == "worker"]
    running = asyncio.create_task(worker_role.run())
    try:
        await asyncio.sleep(1)  # its first look, at start, is over
        started = time.monotonic()
        import_id = await post(http, small_file(3, "woken"))

        async def succeeded() -> dict | None:
            state = (await http.get(f"/v1/imports/{import_id}")).json()
            return state if state["status"] == "succeeded" else None

        await eventually(succeeded, timeout=20, what="the upload's NOTIFY")
        assert time.monotonic() - started < 30
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running


async def test_export_neutralises_formula_cells_and_reimports_them_unchanged(
    as_user: Client, upload: Upload
) -> None:
    formula = '=HYPERLINK("https://evil.example","Takeo")'
    first = as_user(principal(uuid.uuid4()))
    made = await first.post("/v1/producers", json={"kind": "farm", "name": {"en": formula}})
    assert made.status_code == 201, made.text
    exported = await first.get("/v1/imports/export")
    [row] = list(csv.DictReader(io.StringIO(exported.text, newline="")))
    assert row["producer_name_en"] == "'" + formula
    second = as_user(principal(uuid.uuid4()))
    report = await upload(second, exported.content)
    assert report["status"] == "succeeded", report
    [producer] = (await second.get("/v1/producers")).json()["items"]
    assert producer["name"]["en"] == formula
