"""Small builders shared by the catalog tests."""

import asyncio
import json
import uuid
from typing import Any

import httpx

from kit.events.bus import Delivery
from kit.events.memory import MemoryBus
from kit.events.relay import Relay
from kit.runtime import ServiceRuntime


async def make_producer(http: httpx.AsyncClient, **extra: Any) -> dict:
    body = {"kind": "farm", "name": {"ja": "武雄農園", "en": "Takeo Farm"}, **extra}
    response = await http.post("/v1/producers", json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def make_product(
    http: httpx.AsyncClient, producer_id: str, slug: str = "black-garlic", **extra: Any
) -> dict:
    body = {
        "producer_id": producer_id,
        "slug": slug,
        "name": {"ja": "熟成黒にんにく", "ko": "숙성 흑마늘", "en": "Aged black garlic"},
        "variants": [
            {"sku": f"{slug}-200g", "unit": "g", "quantity": 200, "price_amount": 1980, "stock": 5}
        ],
        **extra,
    }
    response = await http.post("/v1/products", json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def relayed(runtime: ServiceRuntime, tenant: uuid.UUID, pattern: str) -> list[dict]:
    """Envelopes of `tenant` matching `pattern` that the relay publishes now."""
    bus = MemoryBus()
    seen: list[Delivery] = []

    async def capture(delivery: Delivery) -> None:
        seen.append(delivery)

    await bus.subscribe(f"test.{uuid.uuid4().hex[:8]}", [pattern], capture)
    relay = Relay(runtime.db, bus, service="catalog")
    while await relay.run_once():
        pass
    await asyncio.sleep(0.05)
    envelopes = [json.loads(d.body) for d in seen]
    return [e for e in envelopes if e["tenant_id"] == str(tenant)]
