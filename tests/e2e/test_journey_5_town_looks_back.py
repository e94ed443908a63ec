"""Journey 5: the town looks back (analyst, producer, mayor). JOURNEYS.md section 5."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import httpx
import pytest

from kit.testing.platforms import FOLLOWERS
from kit.testing.waiting import eventually_sync

from .journeys import (
    Garlic,
    GarlicPost,
    Journeys,
    Takeo,
    garlic,
    garlic_post,
    ok,
    publish_now,
    takeo,
)

# Generous: the first journey test also waits for the whole platform to start.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

TOKYO = ZoneInfo("Asia/Tokyo")
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"


def this_month() -> dict[str, str]:
    """The calendar month so far, in Takeo's days: [1st, tomorrow)."""
    today = datetime.now(TOKYO).date()
    return {
        "start": today.replace(day=1).isoformat(),
        "end": (today + timedelta(days=1)).isoformat(),
    }


@dataclass
class Looked:
    town: Takeo
    garlic: Garlic
    post: GarlicPost
    other_product: dict[str, Any]
    x_posts: list[str]


@pytest.fixture(scope="module")
def looked(journeys: Journeys) -> Looked:
    """A month with something in it: clicks on the garlic post and on another producer's
    product, and three X posts in one hour (enough samples for a best time)."""
    town, product, post = takeo(journeys), garlic(journeys), garlic_post(journeys)
    admin = town.admin
    fishery = ok(
        admin.post("/v1/producers", json={"kind": "fishery", "name": {"ja": "有明の海苔"}}), 201
    )
    nori = ok(
        admin.post(
            "/v1/products",
            json={
                "producer_id": fishery["id"],
                "slug": "ariake-nori",
                "name": {"ja": "有明海苔", "en": "Ariake nori"},
                "variants": [{"sku": "nori-10", "price_amount": 800}],
            },
        ),
        201,
    )
    ok(admin.post(f"/v1/products/{nori['id']}/publish"))
    ok(
        admin.post(
            "/v1/listings",
            json={
                "storefront_id": str(product.storefront.id),
                "variant_id": nori["variants"][0]["id"],
                "external_id": "ariake-nori-10",
            },
        ),
        201,
    )
    town_x = town.channels["town_x"].id
    x_posts = []
    for n in range(3):
        made, _ = publish_now(town, f"有明海苔 {n} {{link}}", [town_x], UUID(nori["id"]))
        x_posts.append(str(made.id))
    visitor = journeys.client(**{"User-Agent": BROWSER})
    assert visitor.get(post.link).status_code == 302
    for made in x_posts:
        (delivery,) = ok(admin.get("/v1/deliveries", params={"post_id": made}))["items"]
        assert visitor.get(httpx.URL(delivery["short_url"]).path).status_code == 302
    return Looked(town, product, post, nori, x_posts)


class TestOverview:
    def overview(self, looked: Looked) -> dict[str, Any]:
        analyst = looked.town.users["analyst"]
        return ok(analyst.get("/v1/reports/overview", params=this_month()))  # type: ignore[no-any-return]

    def test_month_in_numbers_against_last_month(self, looked: Looked) -> None:
        report = eventually_sync(
            lambda: (r := self.overview(looked))["current"]["clicks"] >= 4 and r,
            timeout=60,
            what="this month's clicks rolled up",
        )
        current, previous = report["current"], report["previous"]
        assert current["start"] == this_month()["start"]
        assert current["visitors"] >= 1
        assert current["visitors"] <= current["clicks"]
        assert current["orders"] >= 0
        assert current["revenue"] >= 0
        assert previous["clicks"] == 0  # the town started this month
        assert previous["end"] == current["start"]  # the month before, back to back
        for key in ("clicks", "visitors", "orders", "revenue"):
            assert key in report["change"], key

    def test_followers_and_their_share_of_the_population(self, looked: Looked) -> None:
        # The accounts' latest counts, as the publisher's insight pulls reported them (accounts
        # with recent posts are pulled every PUBLISHER_INSIGHTS_EVERY_SECONDS; the rest daily).
        report = eventually_sync(
            lambda: (r := self.overview(looked))["current"]["followers"] and r,
            timeout=60,
            what="followers from the platforms' insights",
        )
        followers = report["current"]["followers"]
        assert followers >= min(FOLLOWERS.values())
        share = report["current"]["share_of_population"]
        assert share == pytest.approx(followers / 50_000, rel=0.01)

    def test_same_numbers_as_csv(self, looked: Looked) -> None:
        analyst = looked.town.users["analyst"]

        def csv_between_two_equal_reads() -> tuple[httpx.Response, dict[str, Any]] | None:
            # Clicks may still be rolling up: compare the CSV with the JSON only when the JSON
            # read just before and just after it agree.
            before = self.overview(looked)
            response = analyst.get("/v1/reports/overview", params={**this_month(), "format": "csv"})
            after = self.overview(looked)
            figures = (
                ("current", "clicks"),
                ("current", "revenue"),
                ("previous", "clicks"),
            )
            at_rest = all(before[p][k] == after[p][k] for p, k in figures)
            return (response, after) if at_rest else None

        response, numbers = eventually_sync(
            csv_between_two_equal_reads, timeout=60, what="the month's figures at rest"
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/csv")
        rows = {r["period"]: r for r in csv.DictReader(io.StringIO(response.text))}
        assert int(rows["current"]["clicks"]) == numbers["current"]["clicks"]
        assert int(rows["current"]["revenue"]) == numbers["current"]["revenue"]
        assert int(rows["previous"]["clicks"]) == numbers["previous"]["clicks"]

    def test_as_a_chart(self, looked: Looked) -> None:
        analyst = looked.town.users["analyst"]
        response = analyst.get("/v1/reports/overview", params={**this_month(), "format": "svg"})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("image/svg+xml")
        assert response.text.lstrip().startswith(("<svg", "<?xml"))


class TestProducerSeesOnlyTheirOwn:
    def test_product_report_holds_only_the_farms_products(self, looked: Looked) -> None:
        producer = looked.town.users["garlic"]
        rows = eventually_sync(
            lambda: ok(producer.get("/v1/reports/products", params=this_month()))["items"],
            timeout=60,
            what="the farm's product row",
        )
        assert {r["producer_id"] for r in rows} == {str(looked.town.farm_id)}
        garlic_row = next(r for r in rows if r["product_id"] == str(looked.garlic.product.id))
        assert garlic_row["clicks"] >= 1
        analyst_rows = ok(
            looked.town.users["analyst"].get("/v1/reports/products", params=this_month())
        )["items"]
        assert looked.other_product["id"] in {r["product_id"] for r in analyst_rows}

    def test_another_producers_report_is_absent(self, looked: Looked) -> None:
        producer = looked.town.users["garlic"]
        other = looked.other_product["producer_id"]
        response = producer.get(f"/v1/reports/producers/{other}")
        assert response.status_code == 404, response.text
        mine = ok(producer.get(f"/v1/reports/producers/{looked.town.farm_id}"))
        assert {p["producer_id"] for p in mine["products"]} <= {str(looked.town.farm_id)}
        listed = ok(producer.get("/v1/reports/producers", params=this_month()))["items"]
        assert {r["key"] for r in listed} <= {str(looked.town.farm_id)}


class TestBestTimes:
    def test_best_time_per_channel_as_numbers_and_a_chart(self, looked: Looked) -> None:
        analyst = looked.town.users["analyst"]
        town_x = str(looked.town.channels["town_x"].id)
        best = eventually_sync(
            lambda: best_of(analyst, town_x), timeout=60, what="a best time for Takeo's X account"
        )
        assert best is not None
        assert best["samples"] >= 3
        chart = analyst.get("/v1/reports/best-times", params={**this_month(), "format": "svg"})
        assert chart.status_code == 200
        assert "<svg" in chart.text

    def test_the_best_time_becomes_a_slot_the_next_campaign_posts_on(self, looked: Looked) -> None:
        # A channel of its own: the town's X account has journey 3's weekday slots as well.
        writer = looked.town.users["writer1"]
        channel, best = channel_with_a_best_hour(looked)
        suggestions = f"/v1/channels/{channel}/slot-suggestions"
        best_slot = (best["weekday"], f"{best['hour']:02d}:00")

        suggested = ok(writer.get(suggestions, params=this_month()))
        accepted = ok(writer.post(f"{suggestions}/accept", params=this_month()))
        again = ok(writer.post(f"{suggestions}/accept", params=this_month()))

        assert suggested["timezone"] == "Asia/Tokyo"
        first = suggested["items"][0]
        assert (first["weekday"], first["time"], first["exists"]) == (*best_slot, False)
        assert accepted["created"] == len(suggested["items"]) >= 1
        assert again["created"] == 0  # one call, and a second one adds nothing
        slots = ok(writer.get("/v1/slots", params={"channel_id": channel}))["items"]
        assert [(s["weekday"], s["local_time"]) for s in slots] == [best_slot]
        planned = campaign_post_time(looked, channel)
        assert (planned.weekday(), planned.hour, planned.minute) == (
            best["weekday"],
            best["hour"],
            0,
        )


def best_of(analyst: httpx.Client, channel: str) -> dict[str, Any] | None:
    """The channel's best weekday x hour in this month's best-times report, if it has one."""
    items = ok(analyst.get("/v1/reports/best-times", params=this_month()))["items"]
    return next((i for i in items if i["channel_id"] == channel), None)


def channel_with_a_best_hour(looked: Looked) -> tuple[str, dict[str, Any]]:
    """A new sandbox channel with three posts published this hour: enough for a best time."""
    admin = looked.town.admin
    body = {"platform": "sandbox", "name": "Takeo sandbox", "approval_policy": "none"}
    channel = ok(admin.post("/v1/channels", json=body), 201)["id"]
    for n in range(3):
        publish_now(looked.town, f"武雄の朝 {n}", [UUID(channel)])
    best = eventually_sync(
        lambda: best_of(looked.town.users["analyst"], channel),
        timeout=60,
        what="a best time for the sandbox channel",
    )
    assert best is not None
    return channel, best


def campaign_post_time(looked: Looked, channel: str) -> datetime:
    """When a campaign placed on the channel's own slots, starting tomorrow, plans its one
    post (Takeo's time). It is cancelled afterwards, so the journeys' other counts stay."""
    writer = looked.town.users["writer1"]
    tomorrow = datetime.now(TOKYO).date() + timedelta(days=1)
    body = {
        "name": "Nori at the best hour",
        "product_ids": [looked.other_product["id"]],
        "channel_ids": [channel],
        "template": "{name} {link}",
        "cadence": {"start_date": tomorrow.isoformat(), "skip_weekends": False},
        "placement": "slots",
    }
    campaign = ok(writer.post("/v1/campaigns", json=body), 201)
    (post,) = ok(writer.get(f"/v1/campaigns/{campaign['id']}/posts"))["items"]
    ok(writer.post(f"/v1/campaigns/{campaign['id']}/cancel"))
    return datetime.fromisoformat(post["planned_at"]).astimezone(TOKYO)
