import uuid
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from fastapi import FastAPI

from kit.auth import TokenSigner
from kit.errors import type_uri
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeMeta, FakeX
from kit.testing.plugin import client, principal
from publisher.app import SERVICE, create_app

from .conftest import publisher_settings

TOKENS = (
    "fb-short-user-token",
    "fb-long-user-token",
    "page-token-100",
    "x-access-takeo_city",
    "x-refresh-takeo_city",
)


@pytest.fixture
async def platforms(runtime: ServiceRuntime) -> AsyncIterator[FastAPI]:
    """The publisher app wired to fake Facebook and X servers."""
    async with serve(FakeMeta().app) as graph, serve(FakeX().app) as x_api:
        settings = publisher_settings(
            facebook_graph_url=graph,
            facebook_app_id="fb-app",
            facebook_app_secret="fb-secret",
            x_api_url=x_api,
            x_client_id="x-client",
            x_client_secret="x-secret",
        )
        yield create_app(runtime, settings)


def _state(authorization_url: str) -> dict[str, str]:
    query = parse_qs(urlparse(authorization_url).query)
    return {k: v[0] for k, v in query.items()}


def _no_tokens(*responses: httpx.Response) -> None:
    for response in responses:
        for token in TOKENS:
            assert token not in response.text


async def test_connecting_a_facebook_page_ends_with_an_active_channel(
    platforms: FastAPI, signer: TokenSigner
) -> None:
    admin = client(platforms, signer, SERVICE, principal(uuid.uuid4()))
    started = await admin.post("/v1/channels/oauth/facebook_page/start", json={})
    query = _state(started.json()["authorization_url"])
    assert query["code_challenge_method"] == "S256"
    assert query["client_id"] == "fb-app"
    callback = await admin.get(
        "/v1/channels/oauth/facebook_page/callback",
        params={"code": "fb-code", "state": query["state"]},
    )
    assert callback.status_code == 200, callback.text
    assert callback.json()["stage"] == "select"
    assert [c["name"] for c in callback.json()["choices"]] == ["Takeo City", "Fun Buy Takeo"]
    selected = await admin.post(
        "/v1/channels/oauth/facebook_page/select",
        json={"connection_id": callback.json()["connection_id"], "ids": ["1002"]},
    )
    [made] = selected.json()["channels"]
    assert (made["name"], made["status"], made["external_id"]) == (
        "Fun Buy Takeo",
        "active",
        "1002",
    )
    assert made["missing_scopes"] == []
    listed = await admin.get("/v1/channels")
    _no_tokens(started, callback, selected, listed)


async def test_connecting_an_x_account_ends_with_an_active_channel(
    platforms: FastAPI, signer: TokenSigner
) -> None:
    admin = client(platforms, signer, SERVICE, principal(uuid.uuid4()))
    started = await admin.post(
        "/v1/channels/oauth/x/start",
        json={"owner_kind": "staff", "owner_user": "staff-1", "approval_policy": "none"},
    )
    query = _state(started.json()["authorization_url"])
    assert "offline.access" in query["scope"]
    callback = await admin.get(
        "/v1/channels/oauth/x/callback",
        params={"code": "x-code-takeo_city", "state": query["state"]},
    )
    assert callback.status_code == 200, callback.text
    [made] = callback.json()["channels"]
    assert (made["name"], made["status"], made["approval_policy"]) == (
        "@takeo_city",
        "active",
        "none",
    )
    listed = await admin.get("/v1/channels")
    _no_tokens(started, callback, listed)


async def test_a_callback_with_a_wrong_state_is_refused(
    platforms: FastAPI, signer: TokenSigner
) -> None:
    admin = client(platforms, signer, SERVICE, principal(uuid.uuid4()))
    started = await admin.post("/v1/channels/oauth/x/start", json={})
    state = _state(started.json()["authorization_url"])["state"]
    wrong = await admin.get(
        "/v1/channels/oauth/x/callback", params={"code": "x-code-takeo_city", "state": state + "x"}
    )
    assert wrong.status_code == 400
    assert wrong.json()["type"] == type_uri("oauth-state-invalid")
    other_tenant = client(platforms, signer, SERVICE, principal(uuid.uuid4()))
    stolen = await other_tenant.get(
        "/v1/channels/oauth/x/callback", params={"code": "x-code-takeo_city", "state": state}
    )
    assert stolen.status_code == 400
    ok = await admin.get(
        "/v1/channels/oauth/x/callback", params={"code": "x-code-takeo_city", "state": state}
    )
    assert ok.status_code == 200
    replay = await admin.get(
        "/v1/channels/oauth/x/callback", params={"code": "x-code-takeo_city", "state": state}
    )
    assert replay.status_code == 400


async def test_only_admins_connect_the_towns_accounts(
    platforms: FastAPI, signer: TokenSigner
) -> None:
    town = uuid.uuid4()
    for role in ("writer", "staff"):
        someone = client(platforms, signer, SERVICE, principal(town, (role,)))
        for asked in ({"owner_kind": "town"}, {"owner_kind": "shop"}):
            refused = await someone.post("/v1/channels/oauth/x/start", json=asked)
            assert refused.status_code == 403, refused.text
            assert refused.json()["type"] == type_uri("not-your-account")
        others = {"owner_kind": "staff", "owner_user": str(uuid.uuid4())}
        refused = await someone.post("/v1/channels/oauth/x/start", json=others)
        assert refused.status_code == 403


async def test_a_staff_member_connects_their_own_account_under_the_towns_policy(
    platforms: FastAPI, signer: TokenSigner
) -> None:
    me = principal(uuid.uuid4(), ("staff",))
    staff = client(platforms, signer, SERVICE, me)
    # No owner given: a staff member's connection is their own; the policy is not theirs to set.
    started = await staff.post("/v1/channels/oauth/x/start", json={"approval_policy": "none"})
    assert started.status_code == 200, started.text
    state = _state(started.json()["authorization_url"])["state"]
    done = await staff.get(
        "/v1/channels/oauth/x/callback", params={"code": "x-code-librarian", "state": state}
    )
    assert done.status_code == 200, done.text
    [made] = done.json()["channels"]
    assert (made["owner_kind"], made["owner_user"], made["approval_policy"]) == (
        "staff",
        me.sub,
        "editor",
    )
    mine = await staff.get("/v1/channels", params={"owner_user": me.sub})
    assert [c["name"] for c in mine.json()["items"]] == ["@librarian"]
    assert (await staff.get("/v1/channels", params={"owner_user": "someone"})).json()["items"] == []


async def test_only_who_started_a_connection_finishes_it(
    platforms: FastAPI, signer: TokenSigner
) -> None:
    town = uuid.uuid4()
    staff = client(platforms, signer, SERVICE, principal(town, ("staff",)))
    admin = client(platforms, signer, SERVICE, principal(town))
    started = await staff.post("/v1/channels/oauth/x/start", json={})
    state = _state(started.json()["authorization_url"])["state"]
    taken = await admin.get(
        "/v1/channels/oauth/x/callback", params={"code": "x-code-someone", "state": state}
    )
    assert taken.status_code == 400
    assert taken.json()["type"] == type_uri("oauth-state-invalid")
    assert (await admin.get("/v1/channels")).json()["items"] == []
    own = await staff.get(
        "/v1/channels/oauth/x/callback", params={"code": "x-code-someone", "state": state}
    )
    assert own.status_code == 200, own.text
