"""The town admin's pages over HTTP, from the real all-in-one: users are invited, given roles,
deactivated and reactivated; a role that may not manage users neither sees nor uses the page."""

from __future__ import annotations

import html
import re

import httpx

from machi_cli import seed
from tests.harness import Platform
from tests.web.test_account import joined, post_form
from tests.web.test_pages import csrf_of, sign_in


def test_an_admin_invites_a_user_changes_their_roles_and_deactivates_them(
    platform: Platform,
) -> None:
    admin = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(admin, *seed.ADMIN).status_code == 303
    page = admin.get("/console/users?lang=en")
    assert page.status_code == 200
    assert 'href="/console/users"' in page.text  # in the admin's menu
    assert seed.ADMIN[0] in page.text
    email = "invited-by-page@takeo.example"
    none = post_form(admin, "/console/users", "/console/users/invite", email=email)
    assert none.status_code == 422
    assert "at least one role" in none.text
    invited = admin.post(
        "/console/users/invite",
        data={"email": email, "roles": ["editor", "analyst"], "csrf_token": csrf_of(page)},
    )
    assert invited.status_code == 200
    assert invited.headers["cache-control"] == "no-store"
    link = re.search(r'<code id="invitation-link">([^<]+)</code>', invited.text)
    assert link, invited.text
    newcomer = httpx.Client(base_url=platform.url, timeout=30)
    form = newcomer.get(html.unescape(link.group(1)).replace(platform.url, ""))
    code = re.search(r'name="code"[^>]*value="([^"]+)"', form.text)
    assert code
    accepted = newcomer.post(
        "/console/invitation",
        data={"code": code.group(1), "password": "newcomer secret", "csrf_token": csrf_of(form)},
    )
    assert accepted.status_code == 303

    listed = admin.get("/console/users")
    row = re.search(r'<tr id="user-([0-9a-f-]+)">\s*<td>' + re.escape(email), listed.text)
    assert row, listed.text
    user_id = row.group(1)
    changed = admin.post(
        f"/console/users/{user_id}/roles",
        data={"roles": ["writer"], "csrf_token": csrf_of(listed)},
    )
    assert changed.status_code == 303
    assert changed.headers["location"] == "/console/users?done=roles"
    roles = platform.seeded_admin().get(f"/v1/users/{user_id}").json()["roles"]
    assert roles == ["writer"]

    off = admin.post(f"/console/users/{user_id}/deactivate", data={"csrf_token": csrf_of(listed)})
    assert off.status_code == 303
    assert "Deactivated" in admin.get("/console/users?lang=en").text
    assert (
        sign_in(
            httpx.Client(base_url=platform.url, timeout=30), email, "newcomer secret"
        ).status_code
        == 401
    )
    on = admin.post(f"/console/users/{user_id}/reactivate", data={"csrf_token": csrf_of(listed)})
    assert on.status_code == 303
    assert (
        sign_in(
            httpx.Client(base_url=platform.url, timeout=30), email, "newcomer secret"
        ).status_code
        == 303
    )


def test_a_writer_does_not_see_the_users_page_and_is_told_why_if_they_go_there(
    platform: Platform,
) -> None:
    _, writer = joined(platform, "a writer's secret")
    dashboard = writer.get("/console/account?lang=en")
    assert 'href="/console/users"' not in dashboard.text
    refused = writer.get("/console/users?lang=en")
    assert refused.status_code == 403
    assert "Not allowed" in refused.text


def test_an_admin_creates_an_api_key_sees_its_secret_once_and_revokes_it(
    platform: Platform,
) -> None:
    admin = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(admin, *seed.ADMIN).status_code == 303
    page = admin.get("/console/api-keys?lang=en")
    assert page.status_code == 200
    assert 'href="/console/api-keys"' in page.text
    created = admin.post(
        "/console/api-keys",
        data={
            "name": "Page test key",
            "roles": ["analyst"],
            "scopes": ["analytics:read"],
            "csrf_token": csrf_of(page),
        },
    )
    assert created.status_code == 200
    assert created.headers["cache-control"] == "no-store"
    key = re.search(r'<code id="new-key">([^<]+)</code>', created.text)
    assert key, created.text
    secret = html.unescape(key.group(1))
    me = httpx.get(f"{platform.url}/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 200
    assert me.json()["roles"] == ["analyst"]
    listed = admin.get("/console/api-keys")
    assert secret not in listed.text  # shown once, never again
    row = re.search(r'<tr id="key-([0-9a-f-]+)">\s*<td>Page test key', listed.text)
    assert row, listed.text
    revoked = admin.post(
        f"/console/api-keys/{row.group(1)}/revoke", data={"csrf_token": csrf_of(listed)}
    )
    assert revoked.status_code == 303
    gone = httpx.get(f"{platform.url}/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert gone.status_code == 401


def test_a_writer_reaching_the_api_keys_page_is_told_it_is_not_allowed(
    platform: Platform,
) -> None:
    _, writer = joined(platform, "a writer's secret")
    refused = writer.get("/console/api-keys?lang=en")
    assert refused.status_code == 403
    assert "Not allowed" in refused.text


def test_the_audit_log_is_filtered_paged_and_downloaded_as_csv(platform: Platform) -> None:
    invite_email = "audited-invitee@takeo.example"
    created = platform.seeded_admin().post(
        "/v1/invitations", json={"email": invite_email, "roles": ["writer"]}
    )
    assert created.status_code == 201
    admin = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(admin, *seed.ADMIN).status_code == 303
    page = admin.get("/console/audit?lang=en")
    assert page.status_code == 200
    assert 'href="/console/audit"' in page.text
    filtered = admin.get("/console/audit", params={"action": "invitation.", "lang": "en"})
    assert filtered.status_code == 200
    actions = set(re.findall(r"<td><code>([a-z_.]+)</code></td><td><code>", filtered.text))
    assert "invitation.created" in actions
    assert all(action.startswith("invitation.") for action in actions), actions
    assert 'href="/console/audit.csv?action=invitation.' in filtered.text
    csv = admin.get("/console/audit.csv", params={"action": "invitation."})
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    assert "invitation.created" in csv.text
    assert "user.deactivated" not in csv.text
    later = admin.get("/console/audit", params={"since": "2999-01-01", "lang": "en"})
    assert "Nothing matches these filters." in later.text
    bad = admin.get("/console/audit", params={"since": "yesterday"})
    assert bad.status_code == 422


def test_a_writer_reaching_the_audit_log_is_told_it_is_not_allowed(platform: Platform) -> None:
    _, writer = joined(platform, "a writer's secret")
    assert 'href="/console/audit"' not in writer.get("/console/account").text
    refused = writer.get("/console/audit?lang=en")
    assert refused.status_code == 403
    assert "Not allowed" in refused.text
