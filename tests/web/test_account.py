"""The account's pages over HTTP, from the real all-in-one: an invitation accepted on its page
signs the new user in, a forgotten password is reset with the mailed code, and a user changes
their password, turns two-step sign-in on and off and logs out everywhere."""

from __future__ import annotations

import re
import time
import uuid

import httpx

from tests.harness import Platform
from tests.web.test_pages import csrf_of, sign_in, totp_now


def invite(platform: Platform, roles: list[str]) -> tuple[str, str]:
    """A new invitation from the demo town's admin: the invitee's email and the code."""
    email = f"invitee-{uuid.uuid4().hex[:8]}@takeo.example"
    created = platform.seeded_admin().post("/v1/invitations", json={"email": email, "roles": roles})
    assert created.status_code == 201, created.text
    return email, created.json()["token"]


def mailed_reset_code(platform: Platform, email: str, timeout: float = 20) -> str:
    """The reset code of the newest mail to `email` (the all-in-one logs mail it cannot send)."""
    log = platform.machi.log_dir / "all.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        start = text.rfind(f"mail to {email}")
        found = re.search(r"Reset code: ([A-Za-z0-9_-]+)", text[start:]) if start >= 0 else None
        if found:
            return found.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no reset mail to {email}")


def accept(browser: httpx.Client, code: str, password: str) -> httpx.Response:
    page = browser.get(f"/console/invitation?code={code}")
    assert f'value="{code}"' in page.text  # the link's code is filled in
    data = {"code": code, "password": password, "csrf_token": csrf_of(page)}
    return browser.post("/console/invitation", data=data)


def test_an_invitation_is_accepted_on_its_page_and_signs_the_new_user_in(
    platform: Platform,
) -> None:
    _, code = invite(platform, ["writer"])
    browser = httpx.Client(base_url=platform.url, timeout=30)
    short = accept(browser, code, "short")
    assert short.status_code == 422
    assert "at least 8 characters" in short.text
    joined = accept(browser, code, "a long enough secret")
    assert joined.status_code == 303
    assert joined.headers["location"] == "/console/"
    assert browser.get("/console/").status_code == 200  # signed in: no redirect to sign in
    again = accept(httpx.Client(base_url=platform.url, timeout=30), code, "another long secret")
    assert again.status_code == 404
    assert "already used" in again.text


def test_a_forgotten_password_is_reset_with_the_mailed_code(platform: Platform) -> None:
    email, code = invite(platform, ["writer"])
    assert (
        accept(
            httpx.Client(base_url=platform.url, timeout=30), code, "the first secret"
        ).status_code
        == 303
    )
    browser = httpx.Client(base_url=platform.url, timeout=30)
    login = browser.get("/console/login?lang=en")
    assert 'href="/console/password-reset"' in login.text
    form = browser.get("/console/password-reset")
    asked = browser.post(
        "/console/password-reset", data={"email": email, "csrf_token": csrf_of(form)}
    )
    assert asked.status_code == 303
    assert asked.headers["location"] == "/console/password-reset/sent"
    assert "Check your mail" in browser.get(asked.headers["location"]).text
    unknown = browser.post(  # the same answer for an email with no account
        "/console/password-reset",
        data={"email": "nobody@takeo.example", "csrf_token": csrf_of(form)},
    )
    assert unknown.headers["location"] == "/console/password-reset/sent"

    mailed = mailed_reset_code(platform, email)
    confirm = browser.get("/console/password-reset/confirm")
    wrong = browser.post(
        "/console/password-reset/confirm",
        data={
            "code": "not-the-code",
            "new_password": "the second secret",
            "csrf_token": csrf_of(confirm),
        },
    )
    assert wrong.status_code in (400, 422)
    assert "not right" in wrong.text
    done = browser.post(
        "/console/password-reset/confirm",
        data={"code": mailed, "new_password": "the second secret", "csrf_token": csrf_of(confirm)},
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/console/login?reset=1"
    assert "Your password is changed" in browser.get(done.headers["location"]).text
    assert sign_in(browser, email, "the first secret").status_code == 401
    assert sign_in(browser, email, "the second secret").status_code == 303


def test_the_reset_forms_refuse_a_post_without_the_csrf_token(platform: Platform) -> None:
    browser = httpx.Client(base_url=platform.url, timeout=30)
    browser.get("/console/password-reset")
    refused = browser.post("/console/password-reset", data={"email": "admin@takeo.example"})
    assert refused.status_code == 403


def joined(platform: Platform, password: str) -> tuple[str, httpx.Client]:
    """A new writer of the demo town, signed in through the invitation's page."""
    email, code = invite(platform, ["writer"])
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert accept(browser, code, password).status_code == 303
    return email, browser


def post_form(browser: httpx.Client, page: str, action: str, **data: str) -> httpx.Response:
    return browser.post(action, data={**data, "csrf_token": csrf_of(browser.get(page))})


def test_the_account_page_changes_the_password_and_stays_signed_in(platform: Platform) -> None:
    email, browser = joined(platform, "the first secret")
    page = browser.get("/console/account?lang=en")
    assert page.status_code == 200
    assert email in page.text
    assert 'href="/console/account"' in page.text  # in the console's menu
    wrong = post_form(
        browser,
        "/console/account",
        "/console/account/password",
        current_password="not it at all",
        new_password="the second secret",
    )
    assert wrong.status_code == 400
    assert "current password is not right" in wrong.text
    changed = post_form(
        browser,
        "/console/account",
        "/console/account/password",
        current_password="the first secret",
        new_password="the second secret",
    )
    assert changed.status_code == 303
    assert changed.headers["location"] == "/console/account?done=password"
    assert "Your password is changed." in browser.get(changed.headers["location"]).text
    other = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(other, email, "the first secret").status_code == 401
    assert sign_in(other, email, "the second secret").status_code == 303


def test_two_step_sign_in_is_turned_on_with_a_code_and_off_with_the_password(
    platform: Platform,
) -> None:
    email, browser = joined(platform, "a secret of mine")
    enrol = post_form(browser, "/console/account", "/console/account/totp")
    assert enrol.status_code == 200
    assert enrol.headers["cache-control"] == "no-store"
    assert "<svg" in enrol.text  # the QR code, drawn without script
    secret = re.search(r'<code id="totp-secret">([A-Z2-7]+)</code>', enrol.text)
    assert secret, enrol.text
    assert "otpauth://totp/" in enrol.text
    wrong = browser.post(
        "/console/account/totp/confirm", data={"code": "000000", "csrf_token": csrf_of(enrol)}
    )
    assert wrong.status_code == 400
    enrol = post_form(browser, "/console/account", "/console/account/totp")
    secret = re.search(r'<code id="totp-secret">([A-Z2-7]+)</code>', enrol.text)
    assert secret
    on = browser.post(
        "/console/account/totp/confirm",
        data={"code": totp_now(secret.group(1)), "csrf_token": csrf_of(enrol)},
    )
    assert on.status_code == 200
    assert on.headers["cache-control"] == "no-store"
    codes = re.findall(r"<li><code>([^<]+)</code></li>", on.text)
    assert len(codes) >= 5
    needs_code = sign_in(httpx.Client(base_url=platform.url, timeout=30), email, "a secret of mine")
    assert needs_code.status_code == 401  # the password alone no longer signs in
    off = post_form(
        browser, "/console/account", "/console/account/totp/disable", password="a secret of mine"
    )
    assert off.status_code == 303
    assert off.headers["location"] == "/console/account?done=totp-off"
    again = sign_in(httpx.Client(base_url=platform.url, timeout=30), email, "a secret of mine")
    assert again.status_code == 303


def test_log_out_everywhere_ends_this_browsers_session_and_the_others(platform: Platform) -> None:
    email, browser = joined(platform, "a secret of mine")
    api = httpx.Client(base_url=platform.url, timeout=30)
    elsewhere = api.post("/v1/auth/token", json={"email": email, "password": "a secret of mine"})
    refresh = {"refresh_token": elsewhere.json()["refresh_token"]}  # a login on another device
    out = post_form(browser, "/console/account", "/console/account/logout-all")
    assert out.status_code == 303
    assert out.headers["location"] == "/console/login"
    assert browser.get("/console/account").status_code == 303  # signed out: to the sign-in
    assert api.post("/v1/auth/refresh", json=refresh).status_code == 401
