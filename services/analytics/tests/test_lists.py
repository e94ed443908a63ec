"""Conversions and insight snapshots are cursor-paginated lists, latest first."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from kit.auth import InternalPrincipal
from kit.testing.plugin import principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def every_page(http: httpx.AsyncClient, path: str, **params: Any) -> list[list[dict]]:
    """Each page of a list, following `next_cursor` to the end."""
    pages: list[list[dict]] = []
    cursor: str | None = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await http.get(path, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


async def test_conversions_come_latest_order_first_page_by_page(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    now = datetime.now(UTC)
    rows = "".join(
        f"C-{n},{(now - timedelta(hours=n)).isoformat()},100{n},JPY\n" for n in (3, 1, 4, 2, 5)
    )
    imported = await admin.post(
        "/v1/conversions/import", content=f"order_id,ordered_at,amount,currency\n{rows}"
    )
    assert imported.json()["imported"] == 5, imported.text

    pages = await every_page(admin, "/v1/conversions", limit=2)

    assert [[c["order_id"] for c in page] for page in pages] == [
        ["C-1", "C-2"],
        ["C-3", "C-4"],
        ["C-5"],
    ]
    assert all(c["updated_at"] for page in pages for c in page)


async def test_insight_snapshots_come_latest_first_page_by_page_and_by_metric(
    as_user: Client,
) -> None:
    admin = as_user(principal(uuid.uuid4()))
    now = datetime.now(UTC)
    channel = str(uuid.uuid4())
    snapshots = [
        {
            "channel_id": channel,
            "platform": "facebook",
            "object_kind": "account",
            "object_id": "page-1",
            "metric": metric,
            "value": days,
            "api_version": "v24.0",
            "taken_at": (now - timedelta(days=days)).isoformat(),
        }
        for metric, days in (("followers", 3), ("reach", 1), ("followers", 1), ("followers", 2))
    ]
    stored = await admin.post("/v1/insights/snapshots", json={"items": snapshots})
    assert stored.json() == {"stored": 4}

    pages = await every_page(admin, "/v1/insights/snapshots", metric="followers", limit=2)

    assert [[s["value"] for s in page] for page in pages] == [[1, 2], [3]]
    everything = await every_page(admin, "/v1/insights/snapshots")
    assert len(everything[0]) == 4


async def test_a_cursor_not_handed_out_is_a_400_problem(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    for path in ("/v1/conversions", "/v1/insights/snapshots"):
        response = await admin.get(path, params={"cursor": "not-a-cursor"})
        assert response.status_code == 400
        assert response.headers["content-type"] == "application/problem+json"
