"""Journey 6: the model is licensed (platform operator, partner town). JOURNEYS.md section 6."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from .journeys import Journeys, Takeo, login, ok, takeo

# Generous: the first journey test also waits for the whole platform to start.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@dataclass
class Licensed:
    takeo: Takeo
    playbook: dict[str, Any]
    created: dict[str, Any]
    ureshino_admin: httpx.Client


def give_takeo_a_model(town: Takeo) -> None:
    """What a playbook carries, as Takeo's staff set it up: categories, a queue slot on the shop
    page and a campaign (template and cadence). Kept when an earlier journey made them."""
    admin = town.admin
    have = {c["slug"] for c in ok(admin.get("/v1/categories"))["items"]}
    for slug, name in [
        ("specialties", {"ja": "特産品", "en": "Specialties"}),
        ("vegetables", {"ja": "野菜", "en": "Vegetables"}),
    ]:
        if slug not in have:
            ok(admin.post("/v1/categories", json={"slug": slug, "name": name}), 201)
    shop = str(town.channels["fun_buy"].id)
    if not ok(admin.get("/v1/slots", params={"channel_id": shop}))["items"]:
        ok(admin.post("/v1/slots", json={"channel_id": shop, "weekday": 0, "time": "12:00"}), 201)


@pytest.fixture(scope="module")
def licensed(journeys: Journeys) -> Licensed:
    town = takeo(journeys)
    give_takeo_a_model(town)
    operator = journeys.operator
    playbook = ok(operator.get(f"/v1/tenants/{town.id}/playbook"))
    created = ok(
        operator.post(
            "/v1/tenants",
            json={
                "slug": "ureshino",
                "name": {"ja": "嬉野市", "en": "Ureshino City"},
                "population": 25_000,
                "from_playbook": playbook,
            },
        ),
        201,
    )
    invitation = ok(
        operator.post(
            "/v1/invitations",
            json={
                "email": "admin@ureshino.example",
                "roles": ["admin"],
                "tenant_id": created["id"],
            },
        ),
        201,
    )
    ok(journeys.client().post(invitation["accept_path"], json={"password": "ureshino horse"}), 201)
    admin = login(journeys.url, "admin@ureshino.example", "ureshino horse")
    return Licensed(town, playbook, created, admin)


class TestPlaybook:
    def test_export_carries_every_section_of_takeo(self, licensed: Licensed) -> None:
        playbook = licensed.playbook
        assert (playbook["format"], playbook["version"]) == ("machi.playbook", 1)
        assert playbook["skipped"] == []
        for section in ("catalog", "publisher", "analytics"):
            assert playbook["sections"][section] is not None, section

    def test_partner_takes_takeos_settings(self, licensed: Licensed) -> None:
        created = licensed.created
        assert created["slug"] == "ureshino"
        assert (created["timezone"], created["locales"], created["currency"]) == (
            "Asia/Tokyo",
            ["ja", "en", "ko"],
            "JPY",
        )
        assert licensed.takeo.tenant is not None
        assert created["plan"] == licensed.takeo.tenant.plan

    def test_partner_has_takeos_categories_on_day_one(self, licensed: Licensed) -> None:
        takeo_slugs = {c["slug"] for c in ok(licensed.takeo.admin.get("/v1/categories"))["items"]}
        mine = {c["slug"] for c in ok(licensed.ureshino_admin.get("/v1/categories"))["items"]}
        assert {"specialties", "vegetables"} <= takeo_slugs
        assert mine == takeo_slugs
        takeo_ids = {c["id"] for c in ok(licensed.takeo.admin.get("/v1/categories"))["items"]}
        assert not takeo_ids & {
            c["id"] for c in ok(licensed.ureshino_admin.get("/v1/categories"))["items"]
        }

    def test_templates_cadences_slots_and_approval_policies_are_in_place(
        self, licensed: Licensed, journeys: Journeys
    ) -> None:
        outcome = licensed.created["playbook"]
        assert outcome is not None
        assert not outcome.get("skipped"), outcome
        ureshino = ok(journeys.operator.get(f"/v1/tenants/{licensed.created['id']}/playbook"))
        for section in ("publisher", "analytics"):
            assert ureshino["sections"][section] == licensed.playbook["sections"][section], section


class TestUsage:
    def test_month_end_usage_per_town_as_csv(self, licensed: Licensed, journeys: Journeys) -> None:
        month = datetime.now(UTC).strftime("%Y-%m")
        response = journeys.operator.get("/v1/usage", params={"month": month, "format": "csv"})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/csv")
        rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(response.text))}
        assert {"takeo", "ureshino"} <= set(rows)
        for column in (
            "gateway.api_calls",
            "analytics.posts_published",
            "analytics.tracked_clicks",
            "catalog.products",
        ):
            assert column in rows["takeo"], column
        takeo_row, ureshino_row = rows["takeo"], rows["ureshino"]
        assert int(takeo_row["gateway.api_calls"]) > 0
        products = ok(licensed.takeo.admin.get("/v1/products", params={"limit": 200}))["items"]
        assert int(takeo_row["catalog.products"]) == len(products)
        assert (
            ureshino_row["catalog.products"],
            ureshino_row["analytics.posts_published"],
            ureshino_row["analytics.tracked_clicks"],
        ) == ("0", "0", "0")

    def test_last_month_is_a_month_of_its_own(self, licensed: Licensed, journeys: Journeys) -> None:
        last = (datetime.now(UTC).replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
        rows = ok(journeys.operator.get("/v1/usage", params={"month": last}))
        takeo_row = next(r for r in rows if r["slug"] == "takeo")
        assert takeo_row["gateway"]["api_calls"] == 0
        assert takeo_row["services"]["analytics"]["posts_published"] == 0


class TestIsolation:
    def takeo_urls(self, town: Takeo) -> list[str]:
        """Every Takeo object Ureshino could name, by its id."""
        admin = town.admin
        urls = [
            f"/v1/producers/{town.farm_id}",
            *[f"/v1/channels/{c.id}" for c in town.channels.values()],
            f"/v1/tenants/{town.id}",
            f"/v1/tenants/{town.id}/usage",
            f"/v1/tenants/{town.id}/playbook",
            f"/v1/tenants/{town.id}/export",
        ]
        for kind in ("products", "places", "campaigns", "posts", "links", "storefronts"):
            listed = admin.get(f"/v1/{kind}")
            if listed.status_code == 200:
                body = listed.json()
                items = body["items"] if isinstance(body, dict) else body
                urls += [f"/v1/{kind}/{item['id']}" for item in items[:5]]
        return urls

    def test_every_takeo_url_is_absent_to_ureshino(self, licensed: Licensed) -> None:
        for url in self.takeo_urls(licensed.takeo):
            response = licensed.ureshino_admin.get(url)
            assert response.status_code in (403, 404), (url, response.status_code, response.text)
            assert response.headers["content-type"].startswith("application/problem+json"), url
            assert str(licensed.takeo.id) not in response.text or "/tenants/" in url, url

    def test_ureshino_lists_hold_nothing_of_takeo(self, licensed: Licensed) -> None:
        admin = licensed.ureshino_admin
        for kind in ("products", "producers", "places", "channels", "posts", "campaigns"):
            body = ok(admin.get(f"/v1/{kind}"))
            items = body["items"] if isinstance(body, dict) else body
            assert items == [], kind
        for path in ("/v1/reports/products", "/v1/conversions"):
            response = admin.get(path)
            assert response.status_code == 200, (path, response.text)
            assert "takeo" not in response.text.lower()
            assert str(licensed.takeo.farm_id) not in response.text

    def test_takeo_public_pages_are_public_but_not_ureshinos(self, journeys: Journeys) -> None:
        visitor = journeys.client()
        ureshino = visitor.get("/public/ureshino").text
        assert "武雄" not in ureshino
        assert "Takeo" not in ureshino
