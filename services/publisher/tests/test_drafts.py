import uuid
from collections.abc import Callable

import httpx

from contracts import samples
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.events.bus import Delivery
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal
from publisher.handlers import on_product_published

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def published(tenant: uuid.UUID) -> Delivery:
    return delivery(samples.product_published(), tenant, source="catalog")


async def test_published_product_gets_a_draft_post(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    assert await consumer.handle(on_product_published, runtime.db, published(tenant))
    posts = (await as_user(principal(tenant)).get("/v1/posts")).json()["items"]
    assert [(p["status"], p["text"]) for p in posts] == [("draft", "熟成黒にんにく / 武雄農園")]


async def test_same_event_twice_makes_one_draft(as_user: Client, runtime: ServiceRuntime) -> None:
    tenant = uuid.uuid4()
    delivery = published(tenant)
    assert await consumer.handle(on_product_published, runtime.db, delivery)
    assert not await consumer.handle(on_product_published, runtime.db, delivery)
    posts = (await as_user(principal(tenant)).get("/v1/posts")).json()["items"]
    assert len(posts) == 1


async def test_drafts_are_invisible_to_other_tenants(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    await consumer.handle(on_product_published, runtime.db, published(uuid.uuid4()))
    posts = (await as_user(principal(uuid.uuid4())).get("/v1/posts")).json()["items"]
    assert posts == []
