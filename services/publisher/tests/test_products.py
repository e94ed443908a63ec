import uuid
from collections.abc import Callable
from datetime import date, timedelta

import httpx

from contracts.catalog import Price, ProductArchivedV1, ProductUpdatedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal
from publisher.handlers import on_product_archived, on_product_updated

from .helpers import channel, publish_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def _campaign(
    admin: httpx.AsyncClient, product: uuid.UUID, page: str, template: str = "{name} {price}"
) -> httpx.Response:
    return await admin.post(
        "/v1/campaigns",
        json={
            "name": "c",
            "product_ids": [str(product)],
            "channel_ids": [page],
            "template": template,
            # Tomorrow: within the week ahead a campaign makes its posts in.
            "cadence": {"time": "12:00", "start_date": str(date.today() + timedelta(days=1))},
        },
    )


async def test_templates_use_the_updated_product(as_user: Client, runtime: ServiceRuntime) -> None:
    tenant = uuid.uuid4()
    product = await publish_product(runtime, tenant)
    update = ProductUpdatedV1(
        product_id=product,
        producer_id=uuid.uuid4(),
        slug="garlic",
        status="published",
        name={"ja": "新・黒にんにく"},
        producer_name={"ja": "武雄農園"},
        prices=[Price(amount=1500, currency="JPY")],
    )
    assert await consumer.handle(on_product_updated, runtime.db, delivery(update, tenant))
    admin = as_user(principal(tenant))
    page = await channel(admin)
    campaign = (await _campaign(admin, product, page["id"])).json()
    posts = (await admin.get(f"/v1/campaigns/{campaign['id']}/posts")).json()["items"]
    assert posts[0]["text"] == "新・黒にんにく 1,500円"


async def test_story_is_the_description_else_the_producers_story(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    page = await channel(admin)
    texts = []
    for description in ({"ja": "一か月熟成"}, {}):
        product = await publish_product(runtime, tenant)
        update = ProductUpdatedV1(
            product_id=product,
            producer_id=uuid.uuid4(),
            slug=f"garlic-{len(texts)}",
            status="published",
            name={"ja": "黒にんにく"},
            producer_name={"ja": "武雄農園"},
            description=description,
            producer_story={"ja": "三代続く農園", "en": "A farm of three generations"},
        )
        assert await consumer.handle(on_product_updated, runtime.db, delivery(update, tenant))
        campaign = (await _campaign(admin, product, page["id"], "{name}: {story}")).json()
        posts = (await admin.get(f"/v1/campaigns/{campaign['id']}/posts")).json()["items"]
        texts.append(posts[0]["text"])

    assert texts == ["黒にんにく: 一か月熟成", "黒にんにく: 三代続く農園"]


async def test_an_archived_product_is_offered_to_no_new_post(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    product = await publish_product(runtime, tenant)
    archived = ProductArchivedV1(
        product_id=product, producer_id=uuid.uuid4(), slug="garlic", name={"ja": "x"}
    )
    assert await consumer.handle(on_product_archived, runtime.db, delivery(archived, tenant))
    admin = as_user(principal(tenant))
    page = await channel(admin)
    assert (await _campaign(admin, product, page["id"])).status_code == 400


async def test_auto_drafts_can_be_turned_off(as_user: Client, runtime: ServiceRuntime) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    off = await admin.put("/v1/posts/settings", json={"auto_draft_on_publish": False})
    assert off.json()["auto_draft_on_publish"] is False
    await publish_product(runtime, tenant)
    assert (await admin.get("/v1/posts")).json()["items"] == []
