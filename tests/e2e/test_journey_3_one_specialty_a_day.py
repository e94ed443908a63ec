"""Journey 3: one specialty at a time (writer, editor, publisher). JOURNEYS.md section 3.

The campaign's cadence starts three weeks back, so its ten weekday noon slots are all due when
the editor approves it: the API's own scheduling is the only clock the journey moves.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from PIL import Image

from .journeys import (
    Garlic,
    Journeys,
    Takeo,
    deliveries_of,
    eventually,
    garlic,
    known_to_publisher,
    ok,
    takeo,
    x_too_many,
)

# Generous: the first journey test also waits for the whole platform to start.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

TOKYO = ZoneInfo("Asia/Tokyo")
TEMPLATE = "{name} ({producer}) {price}\n{story}\n{link}"
LINK = re.compile(r"/r/([A-Za-z0-9_-]+)")
# 132 CJK characters weigh 264 of X's 280 (reference 4.3: CJK counts 2); with the producer, the
# price and the link the X text is over.
LONG_NAME = "武雄の朝採れ" * 22
SHORT_X_TEXT = "武雄の朝採れ野菜セット {link}"
EXPIRE_AFTER = 3  # Fun Buy's Page token stops working after this many posts


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), (120, 90, 40)).save(out, "JPEG")
    return out.getvalue()


@dataclass
class Campaign:
    town: Takeo
    garlic: Garlic
    products: list[dict[str, Any]]
    long_product: str
    campaign: dict[str, Any]
    posts: list[dict[str, Any]]
    channels: dict[str, str]
    previews: dict[str, dict[str, Any]] = field(default_factory=dict)
    approved: list[dict[str, Any]] = field(default_factory=list)
    rate_reset: int = 0
    writer_approval: httpx.Response | None = None


def ten_products(town: Takeo, product: Garlic) -> tuple[list[dict[str, Any]], str]:
    """The garlic and nine more specialties, each with a photo and a Yahoo! store item."""
    writer, admin = town.users["writer1"], town.admin
    media = ok(writer.post("/v1/media", files={"file": ("p.jpg", photo(), "image/jpeg")}), 201)
    refs = [{"media_id": media["id"], "alt": {"ja": "特産品"}}]
    garlic_now = ok(writer.get(f"/v1/products/{product.product['id']}"))
    if not garlic_now["media"]:  # journey 2's photographer has not been by
        garlic_now = ok(writer.patch(f"/v1/products/{product.product['id']}", json={"media": refs}))
    products = [garlic_now]
    long_id = ""
    for n in range(9):
        name = {"ja": LONG_NAME if n == 0 else f"武雄の特産 {n}", "en": f"Takeo specialty {n}"}
        made = ok(
            writer.post(
                "/v1/products",
                json={
                    "producer_id": town.farm_id,
                    "slug": f"table-{n}",
                    "name": name,
                    "media": refs,
                    "variants": [{"sku": f"table-{n}", "price_amount": 1000 + n * 100}],
                },
            ),
            201,
        )
        ok(
            admin.post(
                "/v1/listings",
                json={
                    "storefront_id": product.storefront["id"],
                    "variant_id": made["variants"][0]["id"],
                    "external_id": f"table-{n}",
                },
            ),
            201,
        )
        products.append(ok(writer.post(f"/v1/products/{made['id']}/publish")))
        if n == 0:
            long_id = made["id"]
    return products, long_id


@pytest.fixture(scope="module")
def built(journeys: Journeys) -> Campaign:
    town, product = takeo(journeys), garlic(journeys)
    writer = town.users["writer1"]
    products, long_id = ten_products(town, product)
    ids = [p["id"] for p in products]
    channels = {
        "fun_buy": town.channels["fun_buy"]["id"],
        "instagram": town.channels["instagram"]["id"],
        "x": town.channels["town_x"]["id"],
    }
    eventually(
        lambda: known_to_publisher(writer, ids, channels["x"]),
        timeout=60,
        what="products in the publisher",
    )
    start = datetime.now(TOKYO).date() - timedelta(days=21)
    campaign = ok(
        writer.post(
            "/v1/campaigns",
            json={
                "name": "Takeo's table",
                "product_ids": ids,
                "channel_ids": list(channels.values()),
                "template": TEMPLATE,
                "cadence": {
                    "time": "12:00",
                    "every_days": 1,
                    "skip_weekends": True,
                    "start_date": start.isoformat(),
                },
                "catch_up": True,  # started three weeks ago: the missed posts go out on approval
            },
        ),
        201,
    )
    posts = ok(writer.get(f"/v1/campaigns/{campaign['id']}/posts"))
    return Campaign(town, product, products, long_id, campaign, posts, channels)


def preview(writer: httpx.Client, post: dict[str, Any]) -> dict[str, Any]:
    body = {
        "text": post["text"],
        "channel_ids": post["channel_ids"],
        "variants": post["variants"],
        "product_id": post["product_id"],
        "media": post["media"],
    }
    return ok(writer.post("/v1/posts/preview", json=body))  # type: ignore[no-any-return]


class TestCampaignIsBuilt:
    def test_ten_products_one_a_weekday_at_noon(self, built: Campaign) -> None:
        assert built.campaign["name"] == "Takeo's table"
        assert [p["product_id"] for p in built.posts] == [p["id"] for p in built.products]
        days = []
        for post in built.posts:
            at = datetime.fromisoformat(post["planned_at"]).astimezone(TOKYO)
            assert (at.hour, at.minute) == (12, 0), at
            assert at.weekday() < 5, at
            days.append(at.date())
        assert len(set(days)) == 10
        assert days == sorted(days)
        assert all(set(p["channel_ids"]) == set(built.channels.values()) for p in built.posts)

    def test_template_fills_name_producer_price_and_story(self, built: Campaign) -> None:
        garlic_post = built.posts[0]
        assert "熟成黒にんにく" in garlic_post["text"]
        assert "武雄黒にんにく農園" in garlic_post["text"]
        assert "1,980" in garlic_post["text"] or "1980" in garlic_post["text"]
        assert "{story}" not in garlic_post["text"], garlic_post["text"]


class TestPreviewAndShortening:
    def test_each_channel_shows_its_text_with_a_tracked_link(self, built: Campaign) -> None:
        writer = built.town.users["writer1"]
        shown = preview(writer, built.posts[1])
        assert {c["channel_id"] for c in shown["channels"]} == set(built.channels.values())
        for channel in shown["channels"]:
            assert LINK.search(channel["text"]), channel
            assert "{link}" not in channel["text"]

    def test_long_japanese_x_text_is_refused_then_shortened(self, built: Campaign) -> None:
        writer = built.town.users["writer1"]
        post = next(p for p in built.posts if p["product_id"] == built.long_product)
        shown = {c["channel_id"]: c for c in preview(writer, post)["channels"]}
        x = shown[built.channels["x"]]
        assert x["valid"] is False, x
        assert x["length"] > x["max_length"] == 280, x
        assert x["problems"]
        assert shown[built.channels["fun_buy"]]["valid"] is True
        shortened = ok(
            writer.patch(
                f"/v1/posts/{post['id']}", json={"variants": {built.channels["x"]: SHORT_X_TEXT}}
            )
        )
        again = {c["channel_id"]: c for c in preview(writer, shortened)["channels"]}
        assert again[built.channels["x"]]["valid"] is True
        assert again[built.channels["x"]]["text"].startswith("武雄の朝採れ野菜セット")


@pytest.fixture(scope="module")
def approved(built: Campaign, journeys: Journeys) -> Campaign:
    """The writer shortens, adds the photo each platform needs, submits; the platforms are set
    to answer one X 429 and to expire the Fun Buy Page's token; the editor approves."""
    writer, editor = built.town.users["writer1"], built.town.users["editor"]
    long_post = next(p for p in built.posts if p["product_id"] == built.long_product)
    variants = {built.channels["x"]: SHORT_X_TEXT}
    ok(writer.patch(f"/v1/posts/{long_post['id']}", json={"variants": variants}))
    for post, product in zip(built.posts, built.products, strict=True):
        portrait = product["media"][0]["urls"]["portrait"] if product["media"] else None
        if portrait and not post["media"]:
            media = [{"url": portrait, "width": 1080, "height": 1350}]
            ok(writer.patch(f"/v1/posts/{post['id']}", json={"media": media}))
    submitted = ok(writer.post(f"/v1/campaigns/{built.campaign['id']}/submit"))
    assert {p["status"] for p in submitted} == {"submitted"}, submitted
    built.writer_approval = writer.post(f"/v1/campaigns/{built.campaign['id']}/approve")
    fakes = journeys.fakes
    built.rate_reset = int(time.time()) + 5
    fakes.x.script.append(x_too_many(built.rate_reset))
    fakes.meta.expire_after["1002"] = EXPIRE_AFTER
    built.approved = ok(editor.post(f"/v1/campaigns/{built.campaign['id']}/approve"))
    return built


def campaign_deliveries(c: Campaign) -> list[dict[str, Any]]:
    writer = c.town.users["writer1"]
    return [d for p in c.posts for d in deliveries_of(writer, p["id"])]


def settled(c: Campaign) -> list[dict[str, Any]] | None:
    """The campaign's deliveries once X and Instagram are all out and Fun Buy has stopped."""
    found = campaign_deliveries(c)
    by_platform: dict[str, list[str]] = {}
    for d in found:
        by_platform.setdefault(d["channel_id"], []).append(d["state"])
    done = (
        len(found) == 30
        and set(by_platform.get(c.channels["x"], [])) == {"published"}
        and set(by_platform.get(c.channels["instagram"], [])) == {"published"}
        and by_platform[c.channels["fun_buy"]].count("published") == EXPIRE_AFTER
    )
    return found if done else None


class TestApprovalAndDispatch:
    def test_only_an_editor_approves(self, approved: Campaign) -> None:
        assert approved.writer_approval is not None
        assert approved.writer_approval.status_code == 403, approved.writer_approval.text
        assert len(approved.approved) == 10
        assert {p["status"] for p in approved.approved} <= {"scheduled", "publishing", "published"}

    def test_editor_cannot_approve_their_own_post(self, approved: Campaign) -> None:
        editor = approved.town.users["editor"]
        own = ok(
            editor.post(
                "/v1/posts",
                json={"text": "編集者の投稿", "channel_ids": [approved.channels["x"]]},
            ),
            201,
        )
        ok(editor.post(f"/v1/posts/{own['id']}/submit"))
        response = editor.post(f"/v1/posts/{own['id']}/approve")
        assert response.status_code in (403, 409), response.text

    def test_every_slot_is_published_each_post_with_its_own_link(
        self, approved: Campaign, journeys: Journeys
    ) -> None:
        found = eventually(lambda: settled(approved), timeout=90, what="the campaign dispatched")
        fakes = journeys.fakes
        x_texts = [p["text"] for p in fakes.x.posts if p["user"] == "takeo_city"]
        ig = [p["caption"] for p in fakes.meta.ig_posts if p["user"] == "17841002"]
        fb = [p["message"] for p in fakes.meta.posts if p["page"] == "1002"]
        assert (len(x_texts), len(ig), len(fb)) == (10, 10, EXPIRE_AFTER)
        codes = [LINK.search(t).group(1) for t in [*x_texts, *ig, *fb]]  # type: ignore[union-attr]
        assert len(set(codes)) == len(codes)  # one link per delivery
        published = {d["link_code"] for d in found if d["state"] == "published"}
        assert set(codes) == published

    def test_x_429_goes_out_after_the_reset(self, approved: Campaign, journeys: Journeys) -> None:
        eventually(lambda: settled(approved), timeout=90, what="the campaign dispatched")
        fake = journeys.fakes.x
        (limited_at,) = fake.answered_scripted  # when the 429 went back to the dispatcher
        # Calls already on their way when the 429 answered are concurrent, not a retry; any
        # call started later inside the window ignores the reset.
        early = [
            round(t - limited_at, 2)
            for t in fake.calls
            if limited_at + 0.5 < t < approved.rate_reset
        ]
        assert early == [], f"X called {early}s after its 429, before the reset at +" + str(
            round(approved.rate_reset - limited_at, 2)
        )
        x = approved.channels["x"]
        met = [
            d for d in campaign_deliveries(approved) if d["channel_id"] == x and d["attempts"] > 1
        ]
        assert len(met) == 1, met
        attempts = ok(approved.town.admin.get(f"/v1/deliveries/{met[0]['id']}/attempts"))
        assert [a["http_status"] for a in attempts if a["http_status"] == 429] == [429], attempts
        assert met[0]["state"] == "published"
        published_at = datetime.fromisoformat(met[0]["published_at"]).timestamp()
        assert published_at >= approved.rate_reset

    def test_expired_facebook_token_turns_the_channel_needs_reauth(
        self, approved: Campaign
    ) -> None:
        eventually(lambda: settled(approved), timeout=90, what="the campaign dispatched")
        admin = approved.town.admin
        channel = ok(admin.get(f"/v1/channels/{approved.channels['fun_buy']}"))
        assert channel["status"] == "needs_reauth", channel
        assert channel["status_reason"]
        listed = {c["id"]: c["status"] for c in ok(admin.get("/v1/channels"))["items"]}
        assert listed[approved.channels["fun_buy"]] == "needs_reauth"
        assert listed[approved.town.channels["town_page"]["id"]] == "active"

    def test_nothing_is_posted_twice(self, approved: Campaign, journeys: Journeys) -> None:
        eventually(lambda: settled(approved), timeout=90, what="the campaign dispatched")
        fakes = journeys.fakes
        before = (len(fakes.x.posts), len(fakes.meta.ig_posts), len(fakes.meta.posts))
        time.sleep(3)  # several dispatcher and reconcile rounds
        assert (len(fakes.x.posts), len(fakes.meta.ig_posts), len(fakes.meta.posts)) == before
        fb = [p["message"] for p in fakes.meta.posts if p["page"] == "1002"]
        assert len(fb) == len(set(fb)) == EXPIRE_AFTER


class TestStaffPostsOnTheirOwn:
    def test_staff_member_posts_from_their_account_without_approval(
        self, journeys: Journeys
    ) -> None:
        town = takeo(journeys)
        staff = town.users["staff1"]
        own_x = town.channels["staff1_x"]["id"]
        text = "図書館が本日リニューアルオープンしました。"
        post = ok(staff.post("/v1/posts", json={"text": text, "channel_ids": [own_x]}), 201)
        submitted = ok(staff.post(f"/v1/posts/{post['id']}/submit"))
        assert submitted["status"] == "approved", submitted
        ok(staff.post(f"/v1/posts/{post['id']}/schedule", json={}))
        eventually(
            lambda: any(
                p["text"] == text and p["user"] == "staff1" for p in journeys.fakes.x.posts
            ),
            timeout=60,
            what="the staff post on the staff member's X account",
        )
        actors = {t["actor"] for t in ok(staff.get(f"/v1/posts/{post['id']}/transitions"))}
        assert town.user_ids["editor"] not in actors

    def test_staff_member_cannot_post_on_the_towns_account(self, journeys: Journeys) -> None:
        town = takeo(journeys)
        staff = town.users["staff1"]
        response = staff.post(
            "/v1/posts", json={"text": "test", "channel_ids": [town.channels["town_x"]["id"]]}
        )
        assert response.status_code in (403, 404), response.text
