"""Store domains follow the gateway's rule: set by the operator on the tenant, host names only,
never a bare public suffix, matched on whole labels; so a town admin cannot open the redirect."""

import json
import uuid
from collections.abc import Callable

import asyncpg
import httpx

from analytics.handlers import on_tenant_created, on_tenant_updated
from contracts.gateway import TenantCreatedV1, TenantUpdatedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

from .helpers import STORE, anonymous

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def profile(domains: list[str]) -> dict[str, object]:
    return {
        "slug": "takeo",
        "name": {"en": "Takeo"},
        "timezone": "Asia/Tokyo",
        "allowed_store_domains": domains,
    }


async def town(runtime: ServiceRuntime, domains: list[str]) -> uuid.UUID:
    tenant = uuid.uuid4()
    created = TenantCreatedV1.model_validate(profile(domains))
    assert await consumer.handle(on_tenant_created, runtime.db, delivery(created, tenant))
    return tenant


async def test_a_town_admin_cannot_widen_the_store_domains_into_an_open_redirect(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    admin = as_user(principal(await town(runtime, [STORE])))
    widened = await admin.put("/v1/settings/tracking", json={"allowed_store_domains": ["com"]})
    assert widened.status_code == 403, widened.text
    assert widened.headers["content-type"].startswith("application/problem+json")
    link = await admin.post("/v1/links", json={"destination": "https://evil.com/login"})
    assert link.status_code == 400, link.text
    assert (await admin.get("/v1/settings/tracking")).json()["allowed_store_domains"] == [STORE]


async def test_sending_the_store_domains_unchanged_is_accepted(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    admin = as_user(principal(await town(runtime, [STORE])))
    response = await admin.put(
        "/v1/settings/tracking",
        json={"allowed_store_domains": [STORE.upper()], "track_referrer": False},
    )
    assert response.status_code == 200, response.text
    assert response.json()["track_referrer"] is False


async def test_a_bare_public_suffix_from_before_the_rule_matches_nothing(
    as_user: Client, runtime: ServiceRuntime, owner: asyncpg.Connection
) -> None:
    tenant = await town(runtime, [STORE])
    await owner.execute(  # a row written before the rule may hold anything
        "UPDATE tenant_settings SET allowed_store_domains = $2::jsonb WHERE tenant_id = $1",
        tenant,
        json.dumps(["com", "myshopify.com", STORE]),
    )
    admin = as_user(principal(tenant))
    for url in ("https://evil.com/login", "https://other.myshopify.com/"):
        response = await admin.post("/v1/links", json={"destination": url})
        assert response.status_code == 400, (url, response.text)
    ok = await admin.post("/v1/links", json={"destination": f"https://{STORE}/takeo/"})
    assert ok.status_code == 201, ok.text


async def test_hosts_match_on_whole_labels_only(as_user: Client, runtime: ServiceRuntime) -> None:
    admin = as_user(principal(await town(runtime, ["example.jp"])))
    for host, status in (
        ("example.jp", 201),
        ("shop.example.jp", 201),
        ("badexample.jp", 400),
        ("example.jp.evil.com", 400),
    ):
        response = await admin.post("/v1/links", json={"destination": f"https://{host}/x"})
        assert response.status_code == status, (host, response.text)


async def test_the_operators_edit_replaces_the_store_domains_and_stops_old_redirects(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = await town(runtime, ["old-store.example.jp"])
    admin = as_user(principal(tenant))
    link = await admin.post(
        "/v1/links", json={"destination": "https://old-store.example.jp/garlic"}
    )
    assert link.status_code == 201, link.text
    updated = TenantUpdatedV1.model_validate(profile([STORE]))
    assert await consumer.handle(on_tenant_updated, runtime.db, delivery(updated, tenant))
    settings = (await admin.get("/v1/settings/tracking")).json()
    assert settings["allowed_store_domains"] == [STORE]
    gone = await as_user(anonymous()).get(f"/r/{link.json()['code']}")
    assert gone.status_code == 404


async def test_ips_localhost_and_suffixes_in_a_tenant_event_are_dropped(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = await town(runtime, ["127.0.0.1", "localhost", "co.jp", "Shop.Example.JP."])
    settings = (await as_user(principal(tenant)).get("/v1/settings/tracking")).json()
    assert settings["allowed_store_domains"] == ["shop.example.jp"]
