"""The platform operator's pages over HTTP, from the real all-in-one: a partner town opened from
Takeo's playbook with its admin invited, its plan changed, suspended and reactivated; plans
edited; every town's monthly usage as a table and as CSV for the invoices."""

from __future__ import annotations

import csv
import html
import io
import re
import uuid

import httpx
import pytest

from machi_cli import seed
from tests.harness import Platform
from tests.web.test_account import joined
from tests.web.test_pages import csrf_of, sign_in


@pytest.fixture
def operator(platform: Platform) -> httpx.Client:
    browser = httpx.Client(base_url=platform.url, timeout=60)
    assert sign_in(browser, *seed.OPERATOR).status_code == 303
    return browser


def takeo_id(platform: Platform) -> str:
    return str(platform.seeded_admin().get("/v1/me").json()["tenant_id"])


def open_town(operator: httpx.Client, platform: Platform, **fields: str) -> httpx.Response:
    page = operator.get("/console/operator/towns?lang=en")
    data = {
        "slug": f"partner-{uuid.uuid4().hex[:6]}",
        "name_ja": "嬉野市",
        "name_en": "Ureshino City",
        "playbook_from": takeo_id(platform),
        "csrf_token": csrf_of(page),
        **fields,
    }
    return operator.post("/console/operator/towns", data=data)


def town_id(page: httpx.Response) -> str:
    found = re.search(r'action="/console/operator/towns/([0-9a-f-]+)/plan"', page.text)
    assert found, page.text
    return found.group(1)


def test_the_operator_opens_a_partner_town_from_takeos_playbook_and_invites_its_admin(
    operator: httpx.Client, platform: Platform
) -> None:
    listed = operator.get("/console/operator/towns?lang=en")
    assert listed.status_code == 200
    assert 'id="town-takeo"' in listed.text
    email = f"admin-{uuid.uuid4().hex[:6]}@ureshino.example"
    opened = open_town(operator, platform, admin_email=email, population="25000")
    assert opened.status_code == 200, opened.text
    assert opened.headers["cache-control"] == "no-store"
    assert "The town is open." in opened.text
    applied = re.findall(r'<strong class="applied">([^<]+)</strong>', opened.text)
    assert applied == ["Catalog", "Publishing", "Reports"]
    assert f"Invitation sent to {email}" in opened.text
    link = re.search(r'<code id="invitation-link">([^<]+)</code>', opened.text)
    assert link

    tenant = platform.operator().get(f"/v1/tenants/{town_id(opened)}").json()
    assert tenant["timezone"] == "Asia/Tokyo"  # the playbook's
    assert tenant["population"] == 25000
    newcomer = httpx.Client(base_url=platform.url, timeout=30)
    form = newcomer.get(html.unescape(link.group(1)).replace(platform.url, ""))
    code = re.search(r'name="code"[^>]*value="([^"]+)"', form.text)
    assert code
    accepted = newcomer.post(
        "/console/invitation",
        data={"code": code.group(1), "password": "partner secret", "csrf_token": csrf_of(form)},
    )
    assert accepted.status_code == 303
    assert "Ureshino City" in newcomer.get("/console/?lang=en").text
    again = operator.get(f"/console/operator/towns/{town_id(opened)}?lang=en")
    assert email in again.text  # the admin has joined
    assert link.group(1) not in again.text  # the link was shown once


def test_a_town_address_already_taken_is_said_in_words_and_the_form_is_kept(
    operator: httpx.Client, platform: Platform
) -> None:
    taken = open_town(operator, platform, slug="takeo")
    assert taken.status_code == 409
    assert "A town already has this address." in taken.text
    assert 'value="Ureshino City"' in taken.text
    bad = open_town(operator, platform, slug="Not a slug!", population="many")
    assert bad.status_code == 422
    assert "lower-case letters" in bad.text
    assert "whole number" in bad.text


def test_the_operator_changes_a_towns_plan_suspends_and_reactivates_it(
    operator: httpx.Client, platform: Platform
) -> None:
    opened = open_town(operator, platform, playbook_from="")
    tenant = town_id(opened)
    token = csrf_of(opened)
    plans = [p["name"] for p in platform.operator().get("/v1/plans").json()["items"]]
    other = next(p for p in plans if p != "town")
    moved = operator.post(
        f"/console/operator/towns/{tenant}/plan", data={"plan": other, "csrf_token": token}
    )
    assert moved.status_code == 303
    page = operator.get(moved.headers["location"] + "&lang=en")
    assert "The plan is changed." in page.text
    assert f'<dd id="town-plan">{other}</dd>' in page.text
    assert platform.operator().get(f"/v1/tenants/{tenant}").json()["plan"] == other

    off = operator.post(f"/console/operator/towns/{tenant}/suspend", data={"csrf_token": token})
    assert off.status_code == 303
    assert platform.operator().get(f"/v1/tenants/{tenant}").json()["status"] == "suspended"
    assert "Reactivate the town" in operator.get(f"/console/operator/towns/{tenant}").text
    on = operator.post(f"/console/operator/towns/{tenant}/reactivate", data={"csrf_token": token})
    assert on.status_code == 303
    assert platform.operator().get(f"/v1/tenants/{tenant}").json()["status"] == "active"


def test_the_operator_edits_a_plan_and_a_wrong_limit_line_is_said_in_words(
    operator: httpx.Client, platform: Platform
) -> None:
    page = operator.get("/console/operator/plans?lang=en")
    assert page.status_code == 200
    name = f"pilot{uuid.uuid4().hex[:4]}"
    wrong = operator.post(
        "/console/operator/plans",
        data={"name": name, "limits": "staff_users: lots", "csrf_token": csrf_of(page)},
    )
    assert wrong.status_code == 422
    assert "name = number" in wrong.text
    assert "staff_users: lots" in wrong.text  # the form as typed
    saved = operator.post(
        "/console/operator/plans",
        data={
            "name": name,
            "description": "A pilot year",
            "limits": "staff_users = 12\nactive_products=300",
            "features": "insights, line_broadcast",
            "csrf_token": csrf_of(page),
        },
    )
    assert saved.status_code == 303
    plan = next(
        p for p in platform.operator().get("/v1/plans").json()["items"] if p["name"] == name
    )
    assert plan["limits"] == {"staff_users": 12, "active_products": 300}
    assert plan["features"] == ["insights", "line_broadcast"]
    assert "staff_users = 12" in operator.get(saved.headers["location"]).text


def test_every_towns_usage_is_a_table_and_a_csv_for_the_invoices(
    operator: httpx.Client, platform: Platform
) -> None:
    page = operator.get("/console/operator/usage?lang=en")
    assert page.status_code == 200
    assert 'id="usage-takeo"' in page.text
    assert '<th scope="col">API calls</th>' in page.text
    month = re.search(r'name="month" type="month" value="(\d{4}-\d{2})"', page.text)
    assert month
    download = operator.get(f"/console/operator/usage.csv?month={month.group(1)}")
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("text/csv")
    assert f'filename="usage-{month.group(1)}.csv"' in download.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    takeo = next(row for row in rows if row["slug"] == "takeo")
    assert int(takeo["gateway.api_calls"]) > 0
    assert takeo["month"] == month.group(1)
    one = operator.get(f"/console/operator/towns/{takeo_id(platform)}/usage.csv")
    assert one.status_code == 200
    assert [row["slug"] for row in csv.DictReader(io.StringIO(one.text))] == ["takeo"]
    assert operator.get("/console/operator/usage?month=2026-13").status_code == 200  # this month


def test_a_town_admin_reaching_the_operator_pages_is_told_it_is_not_allowed(
    platform: Platform,
) -> None:
    admin = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(admin, *seed.ADMIN).status_code == 303
    for path in ("/console/operator/towns", "/console/operator/plans", "/console/operator/usage"):
        refused = admin.get(f"{path}?lang=en")
        assert refused.status_code == 403, path
        assert "Not allowed" in refused.text
    _, writer = joined(platform, "a writer's secret")
    assert writer.get("/console/operator/usage.csv").status_code == 403


def test_opening_a_town_without_the_csrf_token_is_refused(operator: httpx.Client) -> None:
    answer = operator.post("/console/operator/towns", data={"slug": "no-token"})
    assert answer.status_code == 403
