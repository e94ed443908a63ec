import uuid
from collections.abc import Callable

import httpx

from analytics.handlers import on_product_published
from contracts import samples
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.events.bus import Delivery
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def published(tenant: uuid.UUID) -> Delivery:
    return delivery(samples.product_published(), tenant, source="catalog")


async def test_published_product_appears_with_zero_clicks(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    assert await consumer.handle(on_product_published, runtime.db, published(tenant))
    rows = (await as_user(principal(tenant)).get("/v1/reports/products")).json()["items"]
    assert [(r["slug"], r["clicks"], r["orders"], r["revenue"]) for r in rows] == [
        ("black-garlic", 0, 0, 0)
    ]


async def test_same_event_twice_counts_once(as_user: Client, runtime: ServiceRuntime) -> None:
    tenant = uuid.uuid4()
    delivery = published(tenant)
    await consumer.handle(on_product_published, runtime.db, delivery)
    assert not await consumer.handle(on_product_published, runtime.db, delivery)
    rows = (await as_user(principal(tenant)).get("/v1/reports/products")).json()["items"]
    assert len(rows) == 1


async def test_report_shows_only_own_products(as_user: Client, runtime: ServiceRuntime) -> None:
    await consumer.handle(on_product_published, runtime.db, published(uuid.uuid4()))
    rows = (await as_user(principal(uuid.uuid4())).get("/v1/reports/products")).json()["items"]
    assert rows == []
