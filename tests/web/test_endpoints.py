"""The outgoing webhooks page over HTTP, from the real all-in-one: an endpoint is added with its
events and its secret is shown once; switched off and on; its secret rotated (once again shown
once); deleted. A private address is refused in words."""

from __future__ import annotations

import html
import re
import uuid

import httpx

from machi_cli import seed
from tests.harness import Platform
from tests.web.test_account import joined
from tests.web.test_pages import csrf_of, sign_in


def test_an_admin_adds_an_endpoint_sees_its_secret_once_rotates_and_deletes_it(
    platform: Platform,
) -> None:
    admin = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(admin, *seed.ADMIN).status_code == 303
    page = admin.get("/console/webhook-endpoints?lang=en")
    assert page.status_code == 200
    none = admin.post(
        "/console/webhook-endpoints",
        data={"url": "https://partner.invalid/hook", "csrf_token": csrf_of(page)},
    )
    assert none.status_code == 422
    assert "at least one event" in none.text
    private = admin.post(
        "/console/webhook-endpoints",
        data={
            "url": "https://127.0.0.1:8443/hook",  # an internal address
            "events": ["delivery.published"],
            "csrf_token": csrf_of(page),
        },
    )
    assert private.status_code == 400
    assert "cannot be reached from Machi" in private.text

    url = f"https://partner-{uuid.uuid4().hex[:6]}.invalid/machi"  # never resolves
    made = admin.post(
        "/console/webhook-endpoints",
        data={
            "url": url,
            "description": "Tourism board",
            "events": ["delivery.published", "conversion.recorded"],
            "csrf_token": csrf_of(page),
        },
    )
    assert made.status_code == 200, made.text
    assert made.headers["cache-control"] == "no-store"
    secret = re.search(r'<code id="new-secret">([^<]+)</code>', made.text)
    assert secret
    assert html.unescape(secret.group(1)).startswith("whsec_")
    listed = admin.get("/console/webhook-endpoints?lang=en")
    assert secret.group(1) not in listed.text  # once only
    found = re.search(
        r'<article class="endpoint" id="endpoint-([0-9a-f-]+)">\s*<h3><code>' + re.escape(url),
        listed.text,
    )
    assert found, listed.text
    endpoint = found.group(1)
    article = listed.text.split(f'id="endpoint-{endpoint}"')[1].split("</article>")[0]
    assert "A post went out on a channel" in article
    assert "An order came from a link" in article

    token = csrf_of(listed)
    off = admin.post(f"/console/webhook-endpoints/{endpoint}/disable", data={"csrf_token": token})
    assert off.status_code == 303
    api = platform.seeded_admin()
    assert api.get(f"/v1/webhook-endpoints/{endpoint}").json()["enabled"] is False
    on = admin.post(f"/console/webhook-endpoints/{endpoint}/enable", data={"csrf_token": token})
    assert on.status_code == 303
    assert api.get(f"/v1/webhook-endpoints/{endpoint}").json()["enabled"] is True

    rotated = admin.post(
        f"/console/webhook-endpoints/{endpoint}/rotate", data={"csrf_token": token}
    )
    again = re.search(r'<code id="new-secret">([^<]+)</code>', rotated.text)
    assert again
    assert again.group(1) != secret.group(1)

    gone = admin.post(f"/console/webhook-endpoints/{endpoint}/delete", data={"csrf_token": token})
    assert gone.status_code == 303
    assert api.get(f"/v1/webhook-endpoints/{endpoint}").status_code == 404


def test_a_writer_reaching_the_endpoints_page_is_told_it_is_not_allowed(
    platform: Platform,
) -> None:
    _, writer = joined(platform, "a writer's secret")
    refused = writer.get("/console/webhook-endpoints?lang=en")
    assert refused.status_code == 403
    assert "Not allowed" in refused.text
