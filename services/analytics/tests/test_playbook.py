"""The analytics playbook section: tracking switches and attribution window travel to a partner
town; store domains and webhook secrets do not."""

import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import allow_store

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_a_partner_takes_the_tracking_settings_and_exports_them_unchanged(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    await allow_store(runtime.db, tenant, "takeo.example.jp")
    takeo = as_user(principal(tenant))
    changed = await takeo.put(
        "/v1/settings/tracking",
        json={
            "attribution_window_days": 14,
            "track_user_agent": False,
        },
    )
    assert changed.status_code == 200, changed.text
    secret = await takeo.put("/v1/settings/webhooks/shopify", json={"secret": "takeo-secret"})
    assert secret.status_code in (200, 204), secret.text
    section = (await takeo.get("/v1/playbook")).json()
    assert section == {
        "version": 1,
        "tracking": {
            "tracking_enabled": True,
            "track_referrer": True,
            "track_user_agent": False,
            "attribution_window_days": 14,
        },
    }
    partner = as_user(principal(uuid.uuid4()))
    applied = await partner.put("/v1/playbook", json=section)
    assert applied.json() == {"settings_changed": ["attribution_window_days", "track_user_agent"]}
    assert (await partner.put("/v1/playbook", json=section)).json() == {"settings_changed": []}
    assert (await partner.get("/v1/playbook")).json() == section
    mine = (await partner.get("/v1/settings/tracking")).json()
    assert (mine["attribution_window_days"], mine["allowed_store_domains"]) == (14, [])
    secrets = (await partner.get("/v1/settings/webhooks")).json()
    assert secrets == {"shopify": False, "woocommerce": False, "postback": False}


async def test_malformed_sections_are_problems_and_only_admins_pass(as_user: Client) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    for bad in [
        {"tracking": {"attribution_window_days": 0}},
        {"tracking": {"tracking_enabled": "maybe"}},
        {"tracking": {"shopify_secret": "x"}},
        {"version": 7},
        [],
    ]:
        response = await admin.put("/v1/playbook", json=bad)
        assert response.status_code in (400, 422), (bad, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    for role in ("analyst", "editor", "writer"):
        who = as_user(principal(tenant, (role,)))
        assert (await who.get("/v1/playbook")).status_code == 403
        assert (await who.put("/v1/playbook", json={})).status_code == 403
