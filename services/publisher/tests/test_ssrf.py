"""Mastodon instance URLs, and a post's media URLs, cannot aim the publisher at its own network
(issue 12, hole 2).

Every user-supplied instance URL (at OAuth start, in a channel's config, in a connect flow's
token exchange, in the dispatcher and the insight pulls) is aimed at loopback, private,
link-local, metadata, NAT64 and 6to4 targets, literally and by names resolving there. Each gets a
4xx problem without the remote's text, and a canary server on loopback counts that no connection
ever reaches it.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from kit import outbound
from kit.auth import InternalPrincipal, TokenSigner
from kit.errors import type_uri
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from kit.testing.canary import SECRET, Canary, canary, resolve_inside
from kit.testing.fakes import free_port, serve
from kit.testing.platforms import FakeMastodon, FakeMeta, FakeX
from kit.testing.plugin import client, principal
from publisher.app import SERVICE, create_app
from publisher.insights.service import Collector, Target

from .conftest import publisher_settings
from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


GUARDED = OutboundPolicy(resolver=resolve_inside)


def targets(port: int) -> list[str]:
    """Instance URLs aiming inside; those with `port` would reach the canary if followed."""
    return [
        f"http://127.0.0.1:{port}/metrics#",
        f"http://127.0.0.1:{port}",
        f"http://localhost:{port}",
        f"http://[::1]:{port}",
        f"http://[::ffff:127.0.0.1]:{port}",
        f"http://0.0.0.0:{port}",
        f"http://inside.test:{port}",
        f"http://2130706433:{port}",  # 127.0.0.1 as one number, as inet_aton reads it
        f"http://127.1:{port}",
        f"http://0x7f.1:{port}",
        f"http://[64:ff9b::7f00:1]:{port}",
        f"http://[2002:7f00:1::]:{port}",
        "http://10.0.0.5",
        "http://192.168.1.10",
        "http://172.16.0.1",
        "http://100.64.0.1",
        "http://169.254.169.254",
        "http://[fd00:ec2::254]",
        "http://[fe80::1]",
        "http://private.test",
        "http://home.test",
        "http://meta.test",
        f"http://nat64.test:{port}",
        f"http://sixtofour.test:{port}",
    ]


@pytest.fixture
async def trap() -> AsyncIterator[Canary]:
    async with canary() as found:
        yield found


@pytest.fixture
def guarded_app(runtime: ServiceRuntime) -> FastAPI:
    """The publisher as deployed by default: user-supplied URLs may not reach inside."""
    app = create_app(runtime, publisher_settings())
    app.state.outbound = GUARDED
    return app


@pytest.fixture
def guarded(guarded_app: FastAPI, signer: TokenSigner) -> Client:
    return lambda who: client(guarded_app, signer, SERVICE, who)


def assert_refused(response: httpx.Response) -> None:
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert SECRET not in response.text
    assert "answered" not in response.text


async def test_oauth_start_refuses_every_instance_aiming_inside(
    guarded: Client, trap: Canary
) -> None:
    admin = guarded(principal(uuid.uuid4()))
    for url in targets(trap.port):
        response = await admin.post("/v1/channels/oauth/mastodon/start", json={"instance_url": url})
        assert_refused(response)
        assert response.json()["type"] == type_uri("url-refused"), url
    assert trap.connections == 0


async def test_an_open_and_a_closed_port_answer_the_same(guarded: Client, trap: Canary) -> None:
    admin = guarded(principal(uuid.uuid4()))
    answers = [
        await admin.post(
            "/v1/channels/oauth/mastodon/start",
            json={"instance_url": f"http://127.0.0.1:{port}/#"},
        )
        for port in (trap.port, free_port())
    ]
    assert [a.status_code for a in answers] == [400, 400]
    open_port, closed_port = ({**a.json(), "request_id": None} for a in answers)
    assert open_port == closed_port
    assert trap.connections == 0


async def test_a_mastodon_channel_aiming_inside_is_refused(guarded: Client, trap: Canary) -> None:
    admin = guarded(principal(uuid.uuid4()))
    for url in targets(trap.port):
        response = await admin.post(
            "/v1/channels",
            json={
                "platform": "mastodon",
                "name": "m",
                "credentials": {"access_token": "t"},
                "config": {"instance_url": url},
            },
        )
        assert_refused(response)
        assert response.json()["type"] == type_uri("url-refused"), url
    assert trap.connections == 0


def redirector(target: str) -> FastAPI:
    app = FastAPI()

    @app.api_route("/{path:path}", methods=["GET", "POST"])
    async def bounce(path: str) -> RedirectResponse:
        return RedirectResponse(target, status_code=307)

    return app


async def test_an_instance_redirecting_inside_is_not_followed(
    as_user: Client, trap: Canary
) -> None:
    """Even where loopback is allowed (development), a redirect is never followed."""
    admin = as_user(principal(uuid.uuid4()))
    async with serve(redirector(f"http://127.0.0.1:{trap.port}/api/v1/apps")) as base_url:
        response = await admin.post(
            "/v1/channels/oauth/mastodon/start", json={"instance_url": base_url}
        )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert SECRET not in response.text
    assert trap.connections == 0


async def test_an_instance_error_reaches_the_user_as_its_status_only(
    as_user: Client, trap: Canary
) -> None:
    """Where loopback is allowed, a remote's error body still never reaches the caller."""
    admin = as_user(principal(uuid.uuid4()))
    response = await admin.post(
        "/v1/channels/oauth/mastodon/start",
        json={"instance_url": f"http://127.0.0.1:{trap.port}"},
    )
    assert response.status_code == 400, response.text
    assert SECRET not in response.text
    assert "500" in response.json()["detail"]


async def test_the_token_exchange_is_guarded_too(
    as_user: Client, guarded: Client, runtime: ServiceRuntime
) -> None:
    """A flow started while the instance was allowed (or its name resolved outside) ends
    without a call once the instance is refused."""
    tenant = uuid.uuid4()
    instance = FakeMastodon()
    async with serve(instance.app) as base_url:
        started = await as_user(principal(tenant)).post(
            "/v1/channels/oauth/mastodon/start", json={"instance_url": base_url}
        )
        assert started.status_code == 200, started.text
        query = parse_qs(urlparse(started.json()["authorization_url"]).query)
        done = await guarded(principal(tenant)).get(
            "/v1/channels/oauth/mastodon/callback",
            params={"code": "m-code", "state": query["state"][0]},
        )
    assert_refused(done)
    assert instance.token_requests == 0


async def mastodon_channel(admin: httpx.AsyncClient, instance_url: str) -> dict:
    return await channel(
        admin,
        "mastodon",
        credentials={"access_token": "mastodon-user-token"},
        config={"instance_url": instance_url},
    )


async def scheduled(admin: httpx.AsyncClient, editor: httpx.AsyncClient, account: dict) -> dict:
    draft = await post(admin, [account["id"]], "武雄の朝")
    [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
    return delivery


async def test_the_dispatcher_never_posts_to_a_channel_instance_aiming_inside(
    as_user: Client,
    make_dispatcher: Callable,
    tenant: uuid.UUID,
    trap: Canary,
) -> None:
    """Hole 2: a channel saved with an internal instance (allowed then, or a name that later
    resolves inside) gets no POST, and its attempts hold no remote text."""
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    deliveries = [
        await scheduled(admin, editor, await mastodon_channel(admin, url))
        for url in (f"http://127.0.0.1:{trap.port}", f"http://127.0.0.1:{trap.port}/metrics#")
    ]
    async with outbound.client(GUARDED, timeout=2) as instances:
        await make_dispatcher(guarded=instances).run_until_idle()
    assert trap.connections == 0
    for delivery in deliveries:
        read = await admin.get(f"/v1/deliveries/{delivery['id']}")
        attempts = await admin.get(f"/v1/deliveries/{delivery['id']}/attempts")
        assert read.json()["state"] == "failed"
        assert [a["outcome"] for a in attempts.json()["items"]] == ["permanent"]
        assert SECRET not in read.text + attempts.text


@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        ((500, f"<html><body>{SECRET} stack trace</body></html>", "html"), "HTTP 500"),
        ((403, f"{SECRET} plain words", "html"), "HTTP 403"),
        ((422, '{"error": "Validation failed: Text is too long"}', "json"), "Validation failed"),
        ((422, f'["{SECRET}"]', "json"), "HTTP 422"),
    ],
)
async def test_delivery_attempts_keep_the_platforms_error_words_never_its_body(
    as_user: Client,
    make_dispatcher: Callable,
    tenant: uuid.UUID,
    answer: tuple[int, str, str],
    kept: str,
) -> None:
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    instance = FakeMastodon()
    instance.status_answer = answer
    async with serve(instance.app) as base_url:
        delivery = await scheduled(admin, editor, await mastodon_channel(admin, base_url))
        await make_dispatcher().run_once()
    read = await admin.get(f"/v1/deliveries/{delivery['id']}")
    attempts = (await admin.get(f"/v1/deliveries/{delivery['id']}/attempts")).json()["items"]
    assert [a["phase"] for a in attempts] == ["commit"]
    assert kept in attempts[0]["message"]
    assert SECRET not in attempts[0]["message"]
    assert SECRET not in read.text


async def test_insight_pulls_never_reach_a_channel_instance_aiming_inside(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID, trap: Canary
) -> None:
    account = await mastodon_channel(as_user(principal(tenant)), f"http://127.0.0.1:{trap.port}")
    settings = publisher_settings()
    async with (
        httpx.AsyncClient(timeout=2) as http,
        outbound.client(GUARDED, timeout=2) as instances,
    ):
        collector = Collector(runtime.jobs_db, settings, Sealer.of(settings), http, instances)
        assert await collector.pull(Target(tenant, uuid.UUID(account["id"]))) is False
    assert trap.connections == 0


@pytest.mark.parametrize("platform", ["x", "facebook_page"])
async def test_a_posts_media_aiming_inside_is_never_fetched_to_upload(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, trap: Canary, platform: str
) -> None:
    """X and Facebook (its videos) take a post's files as bytes the publisher downloads: the
    writer's `media[].url` goes through the guard, so nothing inside is read or posted."""
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    account = await channel(
        admin,
        platform,
        credentials={"access_token": "token"},
        external_id=f"takeo{uuid.uuid4().hex[:6]}",
    )
    suffix = ".mp4" if platform == "facebook_page" else ".jpg"
    urls = [
        f"http://127.0.0.1:{trap.port}/a{suffix}",
        f"http://inside.test:{trap.port}/a{suffix}",
        f"http://[::ffff:127.0.0.1]:{trap.port}/a{suffix}",
        f"http://169.254.169.254/latest/meta-data/a{suffix}",
    ]
    x, meta = FakeX(), FakeMeta()
    deliveries = []
    async with (
        serve(x.app) as x_url,
        serve(meta.app) as graph_url,
        outbound.client(GUARDED, timeout=2) as files,
    ):
        for url in urls:
            draft = await post(admin, [account["id"]], "武雄の朝", media=[{"url": url}])
            deliveries += await approved_and_scheduled(admin, editor, draft["id"])
        dispatcher = make_dispatcher(guarded=files, x_api_url=x_url, facebook_graph_url=graph_url)
        await dispatcher.run_until_idle()
    assert trap.connections == 0
    assert (x.posts, x.upload_calls, meta.posts, meta.videos) == ([], 0, [], {})
    for made in deliveries:
        read = await admin.get(f"/v1/deliveries/{made['id']}")
        assert (read.json()["state"], read.json()["error_category"]) == ("failed", "permanent")
        assert SECRET not in read.text
