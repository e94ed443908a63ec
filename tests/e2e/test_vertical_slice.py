"""A product published through the gateway reaches publisher and analytics."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from kit.testing.waiting import eventually_sync

from .conftest import Platform
from .processes import wait_http


def publish_product(http: httpx.Client, slug: str) -> str:
    producer = http.post("/v1/producers", json={"kind": "farm", "name": {"ja": "武雄農園"}})
    assert producer.status_code == 201, producer.text
    product = http.post(
        "/v1/products",
        json={
            "producer_id": producer.json()["id"],
            "slug": slug,
            "name": {"ja": "熟成黒にんにく", "en": "Aged black garlic"},
            "price_amount": 1980,
        },
    )
    assert product.status_code == 201, product.text
    product_id: str = product.json()["id"]
    assert http.post(f"/v1/products/{product_id}/publish").status_code == 200
    return product_id


def drafts_for(http: httpx.Client, product_id: str) -> list[dict]:
    response = http.get("/v1/posts", params={"product_id": product_id})
    assert response.status_code == 200, response.text
    items: list[dict] = response.json()["items"]
    return items


def report_row(http: httpx.Client, product_id: str) -> dict | None:
    rows = http.get("/v1/reports/products").json()["items"]
    return next((r for r in rows if r["product_id"] == product_id), None)


def assert_reaches_publisher_and_analytics(http: httpx.Client, product_id: str) -> None:
    eventually_sync(lambda: len(drafts_for(http, product_id)) == 1, what="draft post")
    eventually_sync(lambda: report_row(http, product_id) is not None, what="report row")
    row = report_row(http, product_id)
    assert row is not None
    assert (row["clicks"], row["orders"], row["revenue"]) == (0, 0, 0)
    time.sleep(0.5)
    assert len(drafts_for(http, product_id)) == 1


@pytest.mark.slow
class TestSeparateProcessesOnRabbitMQ:
    def test_published_product_reaches_publisher_and_analytics(
        self, split_platform: Platform
    ) -> None:
        http = split_platform.tenant_admin(f"takeo-{uuid.uuid4().hex[:6]}")
        assert_reaches_publisher_and_analytics(http, publish_product(http, "black-garlic"))

    def test_other_tenant_gets_404_for_the_product(self, split_platform: Platform) -> None:
        takeo = split_platform.tenant_admin(f"takeo-{uuid.uuid4().hex[:6]}")
        ureshino = split_platform.tenant_admin(f"ureshino-{uuid.uuid4().hex[:6]}")
        product_id = publish_product(takeo, "onsen-tofu")
        response = ureshino.get(f"/v1/products/{product_id}")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert ureshino.get("/v1/products").json()["items"] == []
        assert takeo.get(f"/v1/products/{product_id}").status_code == 200

    def test_event_committed_while_relay_is_dead_is_delivered_after_restart(
        self, split_platform: Platform
    ) -> None:
        http = split_platform.tenant_admin(f"takeo-{uuid.uuid4().hex[:6]}")
        split_platform.machi.kill("catalog-relay")
        product_id = publish_product(http, "lemongrass")  # committed, not yet published
        time.sleep(1.5)
        assert drafts_for(http, product_id) == []
        port = str(split_platform.ports["catalog-relay"])
        split_platform.machi.start("catalog-relay", "--target=catalog-relay", "--port", port)
        assert_reaches_publisher_and_analytics(http, product_id)

    def test_relay_process_serves_health_readiness_and_metrics(
        self, split_platform: Platform
    ) -> None:
        base = f"http://127.0.0.1:{split_platform.ports['catalog-relay']}"
        wait_http(f"{base}/readyz")
        ready = httpx.get(f"{base}/readyz").json()
        assert ready["checks"] == {"broker": "ok", "database:catalog": "ok"}
        assert "machi_outbox_published_total" in httpx.get(f"{base}/metrics").text

    def test_service_refuses_calls_that_bypass_the_gateway(self, split_platform: Platform) -> None:
        catalog_url = split_platform.machi.env["CATALOG_URL"]
        response = httpx.get(
            f"{catalog_url}/v1/products",
            headers={"X-Tenant-Id": str(uuid.uuid4()), "X-Internal-User": "operator"},
        )
        assert response.status_code == 401


@pytest.mark.slow
class TestAllInOneOnMemoryBus:
    def test_demo_town_is_seeded_and_its_products_reached_every_service(
        self, all_in_one: Platform
    ) -> None:
        http = httpx.Client(base_url=all_in_one.url, timeout=30)
        token = http.post(
            "/v1/auth/token", json={"email": "admin@takeo.example", "password": "takeo-admin"}
        )
        assert token.status_code == 200, token.text
        http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        eventually_sync(
            lambda: len(http.get("/v1/reports/products").json()["items"]) == 3,
            what="seeded products in analytics",
        )
        eventually_sync(
            lambda: len(http.get("/v1/posts").json()["items"]) == 3,
            what="seeded drafts in publisher",
        )
        home = httpx.get(f"{all_in_one.url}/takeo")
        assert (home.status_code, home.headers["location"]) == (
            302,
            "https://www.facebook.com/takeo.city",
        )

    def test_published_product_reaches_publisher_and_analytics(self, all_in_one: Platform) -> None:
        http = all_in_one.tenant_admin(f"takeo-{uuid.uuid4().hex[:6]}")
        assert_reaches_publisher_and_analytics(http, publish_product(http, "black-garlic"))

    def test_merged_openapi_covers_every_service(self, all_in_one: Platform) -> None:
        paths = httpx.get(f"{all_in_one.url}/openapi.json").json()["paths"]
        for path in ("/v1/products", "/v1/posts", "/v1/reports/products", "/v1/auth/token"):
            assert path in paths
