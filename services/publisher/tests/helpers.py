"""Steps the tests share, through the HTTP API as a client would take them."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import text

from contracts import samples
from contracts.catalog import Price
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal
from publisher.handlers import on_product_published


def broadcaster(
    tenant: uuid.UUID, roles: tuple[str, ...] = ("admin",), **limits: int
) -> InternalPrincipal:
    """A principal of a tenant whose plan includes LINE broadcasts."""
    return dataclasses.replace(
        principal(tenant, roles, limits or None), features=frozenset({"line_broadcast"})
    )


def photo(tag: str) -> bytes:
    """A JPEG's first bytes and a tag: which photo (and rendition) a platform received."""
    return b"\xff\xd8\xff\xe0" + tag.encode() + b"." * 1500


async def channel(admin: httpx.AsyncClient, platform: str = "sandbox", **fields: Any) -> dict:
    body: dict[str, Any] = {"platform": platform, "name": f"{platform} channel"}
    if platform != "sandbox":
        body |= {"credentials": {"access_token": "page-token-secret"}, "external_id": "1001"}
    body |= fields
    response = await admin.post("/v1/channels", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def post(writer: httpx.AsyncClient, channels: list[str], text: str, **fields: Any) -> dict:
    response = await writer.post(
        "/v1/posts", json={"text": text, "channel_ids": channels, **fields}
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def approved_and_scheduled(
    writer: httpx.AsyncClient, editor: httpx.AsyncClient, post_id: str, **schedule: Any
) -> list[dict]:
    """Submit, approve (if still needed), schedule now; the post's deliveries."""
    submitted = await writer.post(f"/v1/posts/{post_id}/submit")
    assert submitted.status_code == 200, submitted.text
    if submitted.json()["status"] == "submitted":
        approved = await editor.post(f"/v1/posts/{post_id}/approve")
        assert approved.status_code == 200, approved.text
    scheduled = await writer.post(f"/v1/posts/{post_id}/schedule", json=schedule)
    assert scheduled.status_code == 200, scheduled.text
    listed = await writer.get("/v1/deliveries", params={"post_id": post_id})
    return list(listed.json()["items"])


async def publish_product(
    runtime: ServiceRuntime, tenant: uuid.UUID, name: str = "熟成黒にんにく", **fields: Any
) -> uuid.UUID:
    """Deliver `catalog.product.published.v1` to the publisher, as the catalog would."""
    product = samples.product_published(
        slug=f"p-{uuid.uuid4().hex[:6]}",
        name={"ja": name, "en": "Aged black garlic"},
        producer_name={"ja": "武雄農園", "en": "Takeo Farm"},
        prices=[Price(amount=1980, currency="JPY")],
        **fields,
    )
    assert await consumer.handle(on_product_published, runtime.db, delivery(product, tenant))
    return product.product_id


async def killed_while_sending(job: Coroutine[Any, Any, int], arrived: Callable[[], Any]) -> None:
    """Run the reply job until the platform has the reply, then kill it before it records
    anything (the process dies mid-call, as the dispatcher's fault tests do)."""
    worker = asyncio.create_task(job)
    while not arrived():
        await asyncio.sleep(0.01)
    worker.cancel()
    await asyncio.gather(worker, return_exceptions=True)


async def started_ago(runtime: ServiceRuntime, tenant: uuid.UUID, age: timedelta) -> None:
    """Date the town's replies' sending back by `age` (as a worker that died `age` ago left it)."""
    async with runtime.jobs_db.transaction() as session:
        await session.execute(
            text(
                "UPDATE conversation_messages"
                " SET sending_started_at = now() - CAST(:age AS interval)"
                " WHERE tenant_id = :t AND direction = 'out'"
            ),
            {"t": tenant, "age": age},
        )
