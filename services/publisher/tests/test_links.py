import uuid
from collections.abc import Callable

import httpx

from contracts.analytics import LinkRefusedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal
from publisher.handlers import on_link_refused

from .conftest import events
from .helpers import approved_and_scheduled, channel, post, publish_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_a_refused_tracked_link_fails_the_delivery_with_a_plain_reason(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    product = await publish_product(
        runtime, tenant, storefront_urls=["https://store.shopping.yahoo.co.jp/takeo/tofu.html"]
    )
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    town = await channel(admin)
    draft = await post(admin, [town["id"]], "温泉湯豆腐 {link}", product_id=str(product))
    [pending] = await approved_and_scheduled(admin, editor, draft["id"])
    refused = LinkRefusedV1(
        code=pending["link_code"], delivery_id=pending["id"], reason="destination not allowed"
    )
    assert await consumer.handle(on_link_refused, runtime.db, delivery(refused, tenant))
    after = (await admin.get(f"/v1/deliveries/{pending['id']}")).json()
    assert (after["state"], after["error_category"]) == ("failed", "permanent")
    assert after["error_message"] == (
        "its tracked link could not be created: destination not allowed"
    )
    [failed] = await events(runtime, tenant, "publisher.delivery.failed.v1")
    assert failed["delivery_id"] == pending["id"]
    assert (await admin.get(f"/v1/posts/{draft['id']}")).json()["status"] == "failed"
    await make_dispatcher().run_until_idle()
    assert (await admin.get(f"/v1/channels/{town['id']}/feed")).json()["items"] == []
