"""What analytics gives the gateway's edge redirect: where a code leads (its directory, on the
edge's miss), the routing events that keep the edge in step, and the intake of the clicks the
edge answered, each recorded once however often its batch arrives."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import asyncpg
import httpx
from fastapi import FastAPI

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime

from .helpers import BROWSER_UA, STORE, flush, town_with_link

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
GATEWAY = InternalPrincipal(sub="gateway", kind="service", tenant_id=None)


def edge_click(link: dict[str, str], tenant: uuid.UUID, **fields: object) -> dict[str, object]:
    return {
        "code": link["code"],
        "click_id": uuid.uuid4().hex[:16],
        "occurred_at": datetime.now(UTC).isoformat(),
        "tenant_id": str(tenant),
        "link_id": link["id"],
        "ip": "203.0.113.9",
        "user_agent": BROWSER_UA,
        **fields,
    }


async def test_a_code_leads_where_the_directory_says_and_an_unknown_one_is_404(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)
    gateway = as_user(GATEWAY)

    known = await gateway.get(f"/internal/v1/links/{link['code']}")
    unknown = await gateway.get("/internal/v1/links/nosuchcode")

    assert known.status_code == 200, known.text
    route = known.json()
    assert (route["tenant_id"], route["link_id"]) == (str(tenant), link["id"])
    assert route["destination"].startswith(f"https://{STORE}/")
    assert unknown.status_code == 404


async def test_making_a_link_announces_its_route_for_the_edge(
    runtime: ServiceRuntime, as_user: Client, owner: asyncpg.Connection
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)

    routed = await owner.fetch(
        "SELECT envelope FROM outbox WHERE tenant_id = $1 AND event_type = $2",
        tenant,
        "analytics.link.routed.v1",
    )

    assert len(routed) == 1
    assert '"code": "' + link["code"] + '"' in routed[0]["envelope"]


async def test_a_batch_sent_twice_records_each_click_once(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)
    batch = {"clicks": [edge_click(link, tenant) for _ in range(3)]}
    gateway = as_user(GATEWAY)

    first = await gateway.post("/internal/v1/clicks", json=batch)
    await flush(app)
    again = await gateway.post("/internal/v1/clicks", json=batch)  # its answer was lost
    await flush(app)

    assert (first.status_code, first.json()) == (202, {"accepted": 3})
    assert again.status_code == 202
    count = await owner.fetchval("SELECT count(*) FROM clicks WHERE tenant_id = $1", tenant)
    assert count == 3


async def test_clicks_from_the_edge_are_not_for_visitors_to_send(as_user: Client) -> None:
    visitor = as_user(InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=None))
    response = await visitor.post("/internal/v1/clicks", json={"clicks": []})
    assert response.status_code == 403
