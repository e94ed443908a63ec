"""The town admin's store connections and settings pages over HTTP, from the real all-in-one:
a store is connected and its credentials never come back; webhook secrets are set and only
"set" is ever shown; tracking is switched; the second-factor rule is refused in plain words to
an admin without one, and saved for one with it."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from machi_cli import seed
from tests.harness import PASSWORD, Platform
from tests.web.test_account import joined
from tests.web.test_pages import csrf_of, sign_in, totp_now


@pytest.fixture
def admin(platform: Platform) -> httpx.Client:
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, *seed.ADMIN).status_code == 303
    return browser


def test_an_admin_connects_a_store_and_its_credentials_are_never_shown(
    admin: httpx.Client, platform: Platform
) -> None:
    page = admin.get("/console/stores?lang=en")
    assert page.status_code == 200
    assert "Takeo Furusato (Yahoo! Shopping)" in page.text  # the demo's store
    token = f"shpat_{uuid.uuid4().hex}"
    refused = admin.post(
        "/console/stores",
        data={
            "kind": "shopify",
            "name": "Loopback shop",
            "api_base_url": "http://10.0.0.5/",  # a private address inside the network
            "access_token": token,
            "csrf_token": csrf_of(page),
        },
    )
    assert refused.status_code == 400, refused.text
    assert "cannot be reached from Machi" in refused.text
    assert 'value="Loopback shop"' in refused.text  # the form is kept ...
    assert token not in refused.text  # ... but not its secret

    name = f"Kiln shop {uuid.uuid4().hex[:4]}"
    connected = admin.post(
        "/console/stores",
        data={
            "kind": "generic",
            "name": name,
            "store": "kiln",
            "item_url_template": "https://store.shopping.yahoo.co.jp/{store}/{item}.html",
            "access_token": token,  # not a credential a generic store takes: dropped
            "csrf_token": csrf_of(page),
        },
    )
    assert connected.status_code == 303
    listed = admin.get(connected.headers["location"])
    assert f"{name} is connected." in listed.text
    assert token not in listed.text
    stores = platform.seeded_admin().get("/v1/storefronts").json()["items"]
    made = next(s for s in stores if s["name"] == name)
    assert made["kind"] == "generic"
    assert made["has_credentials"] is False


def test_a_webhook_secret_is_set_and_never_shown_again(
    admin: httpx.Client, platform: Platform
) -> None:
    page = admin.get("/console/settings?lang=en")
    assert page.status_code == 200
    assert "/webhooks/takeo/shopify" in page.text  # where the store sends its orders
    short = admin.post(
        "/console/settings/webhooks/woocommerce",
        data={"secret": "short", "csrf_token": csrf_of(page)},
    )
    assert short.status_code == 422
    assert 'value="short"' not in short.text
    secret = f"whsec-{uuid.uuid4().hex}"
    saved = admin.post(
        "/console/settings/webhooks/shopify", data={"secret": secret, "csrf_token": csrf_of(page)}
    )
    assert saved.status_code == 303
    shown = admin.get(saved.headers["location"])
    assert "The secret is saved. It will not be shown again." in shown.text
    assert secret not in shown.text
    form = shown.text.split('id="webhook-shopify"')[1].split("</form>")[0]
    assert "A secret is set" in form
    assert platform.seeded_admin().get("/v1/settings/webhooks").json()["shopify"] is True
    unknown = admin.post(
        "/console/settings/webhooks/ebay", data={"secret": secret, "csrf_token": csrf_of(page)}
    )
    assert unknown.status_code == 404


def test_the_tracking_switches_are_saved_and_a_bad_window_is_said_in_words(
    admin: httpx.Client, platform: Platform
) -> None:
    page = admin.get("/console/settings?lang=en")
    before = platform.seeded_admin().get("/v1/settings/tracking").json()
    domains = "\n".join(before["allowed_store_domains"])
    bad = admin.post(
        "/console/settings/tracking",
        data={"attribution_window_days": "0", "csrf_token": csrf_of(page)},
    )
    assert bad.status_code == 422
    assert "1 to 365 days" in bad.text
    saved = admin.post(
        "/console/settings/tracking",
        data={
            "tracking_enabled": "true",
            "track_user_agent": "true",  # the referrer box left unticked: off
            "attribution_window_days": "14",
            "allowed_store_domains": domains,
            "csrf_token": csrf_of(page),
        },
    )
    assert saved.status_code == 303
    after = platform.seeded_admin().get("/v1/settings/tracking").json()
    assert after["attribution_window_days"] == 14
    assert after["track_referrer"] is False
    assert after["tracking_enabled"] is True
    assert after["allowed_store_domains"] == before["allowed_store_domains"]
    restore = {"track_referrer": before["track_referrer"]}
    restore["attribution_window_days"] = before["attribution_window_days"]
    assert platform.seeded_admin().put("/v1/settings/tracking", json=restore).status_code == 200


def test_requiring_a_second_factor_without_one_is_refused_in_plain_words(
    admin: httpx.Client,
) -> None:
    page = admin.get("/console/settings?lang=en")
    refused = admin.post(
        "/console/settings/security", data={"mfa_required": "true", "csrf_token": csrf_of(page)}
    )
    assert refused.status_code == 409
    assert "Turn on two-step sign-in for your own account first" in refused.text
    assert 'href="/console/account"' in refused.text


def test_an_admin_with_a_second_factor_requires_it_of_the_town(platform: Platform) -> None:
    slug = f"mfa-rule-{uuid.uuid4().hex[:4]}"
    user = platform.tenant_admin(slug)
    enrolment = user.post("/v1/me/mfa/totp").json()
    code = totp_now(enrolment["secret"])
    confirmed = user.post("/v1/me/mfa/totp/confirm", json={"code": code})
    assert confirmed.status_code == 200
    recovery = confirmed.json()["recovery_codes"][0]  # the code just used is spent
    browser = httpx.Client(base_url=platform.url, timeout=30)
    login = browser.get("/console/login")
    signed = browser.post(
        "/console/login",
        data={
            "email": f"admin@{slug}.example",
            "password": PASSWORD,
            "totp_code": recovery,
            "csrf_token": csrf_of(login),
        },
    )
    assert signed.status_code == 303, signed.text
    page = browser.get("/console/settings?lang=en")
    saved = browser.post(
        "/console/settings/security", data={"mfa_required": "true", "csrf_token": csrf_of(page)}
    )
    assert saved.status_code == 303
    shown = browser.get(saved.headers["location"])
    assert re.search(r'name="mfa_required" value="true" checked', shown.text)
    assert user.get("/v1/settings/security").json()["mfa_required"] is True


def test_a_writer_is_refused_the_settings_and_may_not_connect_a_store(
    platform: Platform,
) -> None:
    _, writer = joined(platform, "a writer's secret")
    assert 'href="/console/settings"' not in writer.get("/console/").text
    refused = writer.get("/console/settings?lang=en")
    assert refused.status_code == 403
    assert "Not allowed" in refused.text
    stores = writer.get("/console/stores?lang=en")  # a writer may read and sync the stores
    assert stores.status_code == 200
    assert 'action="/console/stores"' not in stores.text  # but connects none


def test_saving_a_secret_without_the_csrf_token_is_refused(admin: httpx.Client) -> None:
    answer = admin.post("/console/settings/webhooks/shopify", data={"secret": "a long secret"})
    assert answer.status_code == 403
