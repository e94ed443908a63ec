"""Each request the fuzzer once saw answered with a 5xx, replayed: no longer a 5xx, and a 4xx
is a problem document.

The fuzzer draws its cases afresh whenever the document changes; these keep each fixed bug fixed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.harness import Platform

NUL = "\u0000"  # PostgreSQL text cannot hold it (postgresql.org/docs/current/datatype-character)


@dataclass(frozen=True)
class Replay:
    caller: str
    method: str
    path: str
    json: Any = None
    params: dict[str, str] | None = None


FOUND: dict[str, Replay] = {
    "a report period before year 1": Replay(
        "town-admin", "GET", "/v1/reports/overview", params={"start": "0607-11-26"}
    ),
    "an insight value beyond bigint": Replay(
        "town-admin",
        "POST",
        "/v1/insights/snapshots",
        {
            "items": [
                {
                    "channel_id": str(uuid.uuid4()),
                    "platform": "x",
                    "object_kind": "post",
                    "object_id": "1",
                    "metric": "likes",
                    "value": 2**64,
                    "api_version": "2",
                    "taken_at": "2026-11-01T00:00:00Z",
                }
            ]
        },
    ),
    "a population beyond integer": Replay(
        "town-admin", "PUT", "/v1/settings/tracking", {"population": 2**40}
    ),
    "a Mastodon instance that is no host name": Replay(
        "town-admin",
        "POST",
        "/v1/channels/oauth/mastodon/start",
        {"owner_kind": "town", "instance_url": "\U00062320"},
    ),
    "the operator reading a town's catalog": Replay("operator", "GET", "/v1/products"),
    "the operator writing a town's posts": Replay("operator", "POST", "/v1/posts", {"text": "hi"}),
    "a producer visible only through links": Replay(
        "town-admin",
        "POST",
        "/v1/producers",
        {"kind": "farm", "name": {"ja": "a"}, "visibility": "only_through_links"},
    ),
    "U+0000 in a text field": Replay(
        "town-admin", "POST", "/v1/producers", {"kind": "farm", "name": {"ja": f"a{NUL}"}}
    ),
}


def callers(platform: Platform) -> dict[str, httpx.Client]:
    return {"town-admin": platform.seeded_admin(), "operator": platform.operator()}


def replay(platform: Platform, case: Replay) -> httpx.Response:
    http = callers(platform)[case.caller]
    return http.request(case.method, case.path, json=case.json, params=case.params)


@pytest.mark.fuzz
@pytest.mark.parametrize("name", list(FOUND))
def test_request_once_answered_5xx_is_answered_without_one(platform: Platform, name: str) -> None:
    response = replay(platform, FOUND[name])

    assert response.status_code < 500, f"{response.status_code}: {response.text}"
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json")
