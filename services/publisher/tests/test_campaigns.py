"""Campaigns that run themselves: stored templates in the post's language, products chosen by
rule when each post is made, each channel's own slots, pause, resume, edit, cancel, approval for
the whole campaign or per post, and products that cannot be had skipped at send time.

The step job's clock is a `kit.testing.clock.Clock` set on the campaign's days: no waiting.
"""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import text

from contracts.catalog import Media, StockChangedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.clock import Clock
from kit.testing.plugin import delivery, principal
from publisher.handlers import on_stock_changed
from publisher.scheduling.service import advance_all, advance_one

from .conftest import publisher_settings
from .helpers import channel, publish_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
TOKYO = ZoneInfo("Asia/Tokyo")
MONDAY = "2031-06-02"  # a Monday; its week's campaign days are in June (in season: 6)
STORE = "https://store.shopping.yahoo.co.jp/takeo/"


def on(day: str, hour: int = 0) -> Clock:
    """A clock standing at `hour` o'clock, Tokyo time, on `day`."""
    return Clock(datetime.fromisoformat(day).replace(hour=hour, tzinfo=TOKYO).astimezone(UTC))


async def product(runtime: ServiceRuntime, tenant: uuid.UUID, name: str, **fields: Any) -> str:
    """A published product with a store page, a photo, and one counted variant in stock."""
    variant = str(uuid.uuid4())
    values: dict[str, Any] = {
        "storefront_urls": [f"{STORE}{uuid.uuid4().hex[:6]}"],
        "media": [Media(media_id=uuid.uuid4(), urls={"web": f"https://cdn.test/{name}.jpg"})],
        "stock": {variant: 5},
        "category": "food",
    }
    return str(await publish_product(runtime, tenant, name, **{**values, **fields}))


async def sell_out(runtime: ServiceRuntime, tenant: uuid.UUID, product_id: str) -> None:
    """The store's last unit sold: `catalog.product.stock_changed.v1` reaches the publisher."""
    async with runtime.jobs_db.transaction(tenant) as session:
        [variant] = (
            await session.execute(
                text("SELECT stock FROM products WHERE id = :p"), {"p": product_id}
            )
        ).scalar_one()
    change = StockChangedV1(
        product_id=uuid.UUID(product_id), variant_id=uuid.UUID(variant), sku="s", stock=0
    )
    assert await consumer.handle(on_stock_changed, runtime.db, delivery(change, tenant))


async def advance(
    runtime: ServiceRuntime, tenant: uuid.UUID, campaign: dict, clock: Clock, hours: float = 168
) -> int:
    """One run of the step job for this campaign at the clock's time, `hours` ahead."""
    settings = publisher_settings(campaign_lookahead_hours=hours)
    return await advance_one(runtime.jobs_db, settings, tenant, uuid.UUID(campaign["id"]), clock())


async def create(admin: httpx.AsyncClient, **body: Any) -> dict:
    values: dict[str, Any] = {
        "name": "Takeo's table",
        "template": "{name} / {producer} {price} {link}",
        "cadence": {"time": "12:00", "skip_weekends": True, "start_date": MONDAY},
    }
    made = await admin.post("/v1/campaigns", json={**values, **body})
    assert made.status_code == 201, made.text
    return dict(made.json())


async def posts_of(admin: httpx.AsyncClient, campaign: dict) -> list[dict]:
    listed = await admin.get(f"/v1/campaigns/{campaign['id']}/posts", params={"limit": 100})
    return list(listed.json()["items"])


async def read(admin: httpx.AsyncClient, campaign: dict) -> dict:
    return dict((await admin.get(f"/v1/campaigns/{campaign['id']}")).json())


def live(posts: list[dict]) -> list[dict]:
    return [p for p in posts if p["status"] != "cancelled"]


def tokyo(at: str) -> datetime:
    return datetime.fromisoformat(at).astimezone(TOKYO)


class TestTemplates:
    async def test_a_stored_english_template_fills_names_price_and_season_in_english(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        garlic = await product(runtime, tenant, "熟成黒にんにく", season_months=[10, 11, 12])
        page, x = await channel(admin), await channel(admin, "x")
        stored = await admin.post(
            "/v1/templates",
            json={
                "name": "Fun Buy (en)",
                "language": "en",
                "template": "{name} by {producer}, {price} ({season}) {link}",
                "platform_texts": {"x": "{name} {price} #Takeo {link}"},
            },
        )
        assert stored.status_code == 201, stored.text
        campaign = await create(
            admin,
            product_ids=[garlic],
            channel_ids=[page["id"], x["id"]],
            template=None,
            template_id=stored.json()["id"],
        )
        assert campaign["language"] == "en"  # the template's, not the town's Japanese
        await advance(runtime, tenant, campaign, on(MONDAY))
        [made] = await posts_of(admin, campaign)
        assert made["text"] == "Aged black garlic by Takeo Farm, ¥1,980 (Oct-Dec) {link}"
        assert made["variants"] == {x["id"]: "Aged black garlic ¥1,980 #Takeo {link}"}
        assert made["media"][0]["url"] == "https://cdn.test/熟成黒にんにく.jpg"

    async def test_a_japanese_post_prints_the_price_in_yen_words(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        garlic = await product(runtime, tenant, "熟成黒にんにく")
        page = await channel(admin)
        campaign = await create(
            admin,
            product_ids=[garlic],
            channel_ids=[page["id"]],
            template="{name} {price} {season}",
        )
        await advance(runtime, tenant, campaign, on(MONDAY))
        [made] = await posts_of(admin, campaign)
        assert made["text"] == "熟成黒にんにく 1,980円 通年"


class TestRules:
    async def test_products_by_rule_newest_first_in_season_and_category(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        tofu = await product(runtime, tenant, "温泉湯豆腐")
        await product(runtime, tenant, "新茶", season_months=[4, 5])  # out of season in June
        await product(runtime, tenant, "有田焼", category="crafts")
        garlic = await product(runtime, tenant, "熟成黒にんにく", season_months=[6])
        page = await channel(admin)
        campaign = await create(
            admin,
            rules={"in_season": True, "category": "food", "in_stock": True},
            steps=5,
            channel_ids=[page["id"]],
        )
        await advance(runtime, tenant, campaign, on(MONDAY))
        made = await posts_of(admin, campaign)
        assert [p["product_id"] for p in made] == [garlic, tofu]
        assert (await read(admin, campaign))["skipped"] == []  # nothing the rules took in

    async def test_a_product_sold_out_before_its_turn_is_skipped_with_the_reason(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        first, second, third = [
            await product(runtime, tenant, name) for name in ("一番", "二番", "三番")
        ]
        page = await channel(admin)
        campaign = await create(admin, product_ids=[first, second, third], channel_ids=[page["id"]])
        clock = on("2031-06-01")  # a day ahead, the Sunday: nothing is made yet
        assert await advance(runtime, tenant, campaign, clock, hours=24) == 0
        clock.advance(timedelta(days=1).total_seconds())
        assert await advance(runtime, tenant, campaign, clock, hours=24) == 1  # Monday's
        await sell_out(runtime, tenant, second)
        clock.advance(timedelta(days=1).total_seconds())
        await advance(runtime, tenant, campaign, clock, hours=24)
        made = await posts_of(admin, campaign)
        assert [p["product_id"] for p in made] == [first, third]
        # The third takes the second's turn: the next weekday.
        assert [tokyo(p["planned_at"]).day for p in made] == [2, 3]
        [skipped] = (await read(admin, campaign))["skipped"]
        assert (skipped["product_id"], skipped["reason"]) == (second, "the product is sold out")

    async def test_least_recently_featured_first_and_recent_ones_left_out(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        old, recent, never = [
            await product(runtime, tenant, name) for name in ("古い", "最近", "未紹介")
        ]
        page = await channel(admin)
        async with runtime.jobs_db.transaction(tenant) as session:
            for product_id, days in ((old, 40), (recent, 3)):
                await session.execute(
                    text(
                        "INSERT INTO deliveries (id, tenant_id, post_id, channel_id, platform,"
                        " state, due_at, published_at, product_id, idempotency_key, prepared,"
                        " attempts, link_ready, created_at, updated_at) VALUES (:id, :t, :id,"
                        " :c, 'sandbox', 'published', now(), now() - make_interval(days => :d),"
                        " :p, :id, '{}', 1, true, now(), now())"
                    ),
                    {"id": uuid.uuid4(), "t": tenant, "c": page["id"], "d": days, "p": product_id},
                )
        today = datetime.now(TOKYO).date().isoformat()  # "featured" counts back from today
        campaign = await create(
            admin,
            rules={"not_featured_days": 30, "order": "least_recently_featured"},
            steps=3,
            channel_ids=[page["id"]],
            cadence={"time": "00:00", "skip_weekends": False, "start_date": today},
            catch_up=True,
        )
        made = await posts_of(admin, campaign)
        assert [p["product_id"] for p in made] == [never, old]

    async def test_a_campaign_needs_products_or_rules_with_a_number_of_steps(
        self, as_user: Client, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        page = await channel(admin)
        body = {
            "name": "c",
            "template": "{name}",
            "rules": {"in_season": True},
            "channel_ids": [page["id"]],
            "cadence": {"start_date": MONDAY},
        }
        refused = await admin.post("/v1/campaigns", json=body)
        assert refused.status_code == 400
        assert refused.json()["type"].endswith("#campaign-invalid")


class TestPlacement:
    async def test_each_channel_gets_the_posts_on_its_own_slots(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
        products = [await product(runtime, tenant, f"名産{n}") for n in range(3)]
        page, x = await channel(admin), await channel(admin, "x")
        for chosen, weekday, at in ((page, 0, "09:00"), (page, 3, "09:00"), (x, 1, "19:30")):
            made = await admin.post(
                "/v1/slots", json={"channel_id": chosen["id"], "weekday": weekday, "time": at}
            )
            assert made.status_code == 201
        campaign = await create(
            admin, product_ids=products, channel_ids=[page["id"], x["id"]], placement="slots"
        )
        await advance(runtime, tenant, campaign, on("2031-06-12"))
        assert (await admin.post(f"/v1/campaigns/{campaign['id']}/submit")).status_code == 200
        assert (await editor.post(f"/v1/campaigns/{campaign['id']}/approve")).status_code == 200
        listed = (await admin.get("/v1/deliveries", params={"limit": 50})).json()["items"]
        due: dict[str, list[str]] = {}
        for d in listed:
            due.setdefault(d["channel_id"], []).append(tokyo(d["due_at"]).strftime("%a %d %H:%M"))
        assert sorted(due[page["id"]]) == ["Mon 02 09:00", "Mon 09 09:00", "Thu 05 09:00"]
        assert sorted(due[x["id"]]) == ["Tue 03 19:30", "Tue 10 19:30", "Tue 17 19:30"]

    async def test_a_start_in_the_past_is_refused_unless_the_campaign_catches_up(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        garlic = await product(runtime, tenant, "熟成黒にんにく")
        page = await channel(admin)
        past = (datetime.now(TOKYO) - timedelta(days=14)).date().isoformat()
        body = {
            "name": "late",
            "template": "{name}",
            "product_ids": [garlic],
            "channel_ids": [page["id"]],
            "cadence": {"start_date": past},
        }
        refused = await admin.post("/v1/campaigns", json=body)
        assert refused.status_code == 422
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["type"].endswith("#campaign-start-passed")
        caught_up = await admin.post("/v1/campaigns", json={**body, "catch_up": True})
        assert caught_up.status_code == 201, caught_up.text
        assert caught_up.json()["made"] == 1  # the missed post is made at once

    async def test_a_channel_without_slots_cannot_take_a_campaign_on_slots(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        garlic = await product(runtime, tenant, "熟成黒にんにく")
        page = await channel(admin)
        refused = await admin.post(
            "/v1/campaigns",
            json={
                "name": "c",
                "template": "{name}",
                "product_ids": [garlic],
                "channel_ids": [page["id"]],
                "placement": "slots",
                "cadence": {"start_date": MONDAY},
            },
        )
        assert refused.status_code == 400
        assert refused.json()["type"].endswith("#campaign-invalid")


async def _running(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID, count: int = 3, **body: Any
) -> tuple[dict, list[str], dict]:
    """A running campaign of `count` products, one a weekday, all made (the clock at start)."""
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    products = [await product(runtime, tenant, f"名産{n}") for n in range(count)]
    page = await channel(admin)
    campaign = await create(admin, product_ids=products, channel_ids=[page["id"]], **body)
    assert (await admin.post(f"/v1/campaigns/{campaign['id']}/submit")).status_code == 200
    approved = await editor.post(f"/v1/campaigns/{campaign['id']}/approve")
    assert approved.status_code == 200, approved.text
    await advance(runtime, tenant, campaign, on(MONDAY))
    return campaign, products, page


class TestApproval:
    async def test_one_approval_covers_the_posts_the_campaign_makes_later(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        campaign, _, _ = await _running(as_user, runtime, tenant)
        made = await posts_of(admin, campaign)
        assert [p["status"] for p in made] == ["scheduled"] * 3
        assert (await read(admin, campaign))["status"] == "running"

    async def test_approval_per_post_leaves_each_new_post_for_an_editor(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        editor = as_user(principal(tenant, ("editor",)))
        campaign, _, _ = await _running(as_user, runtime, tenant, approval="post")
        made = await posts_of(admin, campaign)
        assert [p["status"] for p in made] == ["submitted"] * 3
        approved = await editor.post(f"/v1/posts/{made[0]['id']}/approve")
        assert approved.json()["status"] == "scheduled"

    async def test_an_editor_who_rewrote_the_campaign_does_not_approve_it(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        """As with a post: whoever changed the words is not the second pair of eyes."""
        admin = as_user(principal(tenant))
        editor = as_user(principal(tenant, ("editor",)))
        campaign, _, _ = await _running(as_user, runtime, tenant, count=1)
        edited = await editor.patch(
            f"/v1/campaigns/{campaign['id']}", json={"template": "{name} 今だけ半額 {link}"}
        )
        assert edited.json()["status"] == "submitted"
        refused = await editor.post(f"/v1/campaigns/{campaign['id']}/approve")
        assert refused.status_code == 403, refused.text
        assert refused.json()["type"].endswith("#self-approval")
        assert (await read(admin, campaign))["status"] == "submitted"
        other = as_user(principal(tenant, ("editor",)))
        assert (await other.post(f"/v1/campaigns/{campaign['id']}/approve")).status_code == 200


class TestLifecycle:
    async def test_pause_takes_back_future_posts_and_resume_makes_them_again(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        campaign, products, _ = await _running(as_user, runtime, tenant)
        paused = await admin.post(f"/v1/campaigns/{campaign['id']}/pause")
        assert paused.json()["status"] == "paused"
        assert paused.json()["made"] == 0
        listed = (await admin.get("/v1/deliveries", params={"limit": 50})).json()["items"]
        assert {d["state"] for d in listed} == {"cancelled"}
        assert live(await posts_of(admin, campaign)) == []
        resumed = await admin.post(f"/v1/campaigns/{campaign['id']}/resume")
        assert resumed.json()["status"] == "running"
        await advance(runtime, tenant, campaign, on(MONDAY))
        remade = live(await posts_of(admin, campaign))
        assert [p["product_id"] for p in remade] == products
        assert {p["status"] for p in remade} == {"scheduled"}

    async def test_resume_and_pause_answer_409_out_of_turn(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        campaign, _, _ = await _running(as_user, runtime, tenant, count=1)
        refused = await admin.post(f"/v1/campaigns/{campaign['id']}/resume")
        assert refused.status_code == 409
        assert refused.json()["type"].endswith("#campaign-state-invalid")

    async def test_cancel_cancels_the_future_deliveries(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        campaign, _, _ = await _running(as_user, runtime, tenant)
        cancelled = await admin.post(f"/v1/campaigns/{campaign['id']}/cancel")
        assert cancelled.json()["status"] == "cancelled"
        listed = (await admin.get("/v1/deliveries", params={"limit": 50})).json()["items"]
        assert [d["state"] for d in listed] == ["cancelled"] * 3
        assert await advance(runtime, tenant, campaign, on(MONDAY)) == 0

    async def test_an_edit_remakes_only_the_posts_not_yet_out(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        campaign, _, _ = await _running(as_user, runtime, tenant)
        first = (await posts_of(admin, campaign))[0]
        async with runtime.jobs_db.transaction(tenant) as session:  # the first went out
            await session.execute(
                text("UPDATE deliveries SET state = 'published' WHERE post_id = :p"),
                {"p": first["id"]},
            )
        edited = await admin.patch(
            f"/v1/campaigns/{campaign['id']}", json={"template": "{name}! {link}"}
        )
        assert edited.status_code == 200, edited.text
        assert edited.json()["status"] == "submitted"  # its editor approves the new words
        await advance(runtime, tenant, campaign, on(MONDAY))
        made = live(await posts_of(admin, campaign))
        assert made[0]["id"] == first["id"]
        assert made[0]["text"] == first["text"]
        assert [p["text"] for p in made[1:]] == ["名産1! {link}", "名産2! {link}"]
        assert [tokyo(p["planned_at"]).day for p in made] == [2, 3, 4]

    async def test_moving_one_post_leaves_the_others_and_the_next_steps_in_place(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        editor = as_user(principal(tenant, ("editor",)))
        campaign, _, _ = await _running(as_user, runtime, tenant, count=4, steps=4)
        made = await posts_of(admin, campaign)
        moved = await editor.post(
            f"/v1/posts/{made[1]['id']}/schedule",
            json={"at": "2031-06-20T08:00:00", "timezone": "Asia/Tokyo"},
        )
        assert moved.status_code == 200, moved.text
        after = {p["id"]: tokyo(p["planned_at"]) for p in await posts_of(admin, campaign)}
        assert [after[p["id"]].day for p in made] == [2, 20, 4, 5]


class TestSendTime:
    async def test_a_sold_out_or_archived_product_is_skipped_with_the_reason(
        self,
        as_user: Client,
        runtime: ServiceRuntime,
        tenant: uuid.UUID,
        make_dispatcher: Callable,
    ) -> None:
        admin = as_user(principal(tenant))
        campaign, products, page = await _running(as_user, runtime, tenant, count=2)
        await sell_out(runtime, tenant, products[0])
        body = {"text": "{link}", "channel_ids": [page["id"]], "product_id": products[0]}
        warned = (await admin.post("/v1/posts/preview", json=body)).json()
        assert warned["product_unavailable"] == "the product is sold out"
        async with runtime.jobs_db.transaction(tenant) as session:
            await session.execute(
                text("UPDATE products SET status = 'archived' WHERE id = :p"), {"p": products[1]}
            )
            await session.execute(
                text(
                    "UPDATE deliveries SET due_at = now() - interval '1 minute', link_ready = true"
                    " WHERE tenant_id = :t"
                ),
                {"t": tenant},
            )
        await make_dispatcher().run_until_idle()
        listed = (await admin.get("/v1/deliveries", params={"limit": 50})).json()["items"]
        reasons = {d["product_id"]: (d["state"], d["error_message"]) for d in listed}
        assert reasons == {
            products[0]: ("skipped", "the product is sold out"),
            products[1]: ("skipped", "the product is archived"),
        }
        assert {p["status"] for p in await posts_of(admin, campaign)} == {"skipped"}
        async with runtime.jobs_db.transaction(tenant) as session:
            published = await session.execute(
                text("SELECT count(*) FROM sandbox_posts WHERE tenant_id = :t"), {"t": tenant}
            )
            assert published.scalar_one() == 0

    async def test_submitting_to_a_channel_that_needs_reauth_is_refused(
        self, as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
    ) -> None:
        admin = as_user(principal(tenant))
        x = await channel(admin, "x")
        async with runtime.jobs_db.transaction(tenant) as session:
            await session.execute(
                text("UPDATE channels SET status = 'needs_reauth' WHERE id = :c"), {"c": x["id"]}
            )
        draft = await admin.post("/v1/posts", json={"text": "武雄", "channel_ids": [x["id"]]})
        refused = await admin.post(f"/v1/posts/{draft.json()['id']}/submit")
        assert refused.status_code == 409
        assert refused.json()["type"].endswith("#channel-needs-reauth")
        assert refused.json()["channel_ids"] == [x["id"]]
        assert (await admin.get(f"/v1/posts/{draft.json()['id']}")).json()["status"] == "draft"


async def test_a_start_beyond_the_year_2999_is_a_validation_error_not_a_crash(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant))
    page = await channel(admin)
    body = {
        "name": "c",
        "template": "{name}",
        "rules": {},
        "steps": 500,
        "channel_ids": [page["id"]],
        "cadence": {"start_date": "9999-12-30", "every_days": 60},
    }
    refused = await admin.post("/v1/campaigns", json=body)
    assert refused.status_code == 422, refused.text


async def test_the_step_job_reaches_every_campaign_however_many_wait(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    """Campaigns with nothing due yet never hold back the ones behind them, however many."""
    admin = as_user(principal(tenant))
    page = await channel(admin)
    today = datetime.now(TOKYO).date()
    campaigns = [
        await create(
            admin,
            product_ids=[await product(runtime, tenant, f"名産{days}")],
            channel_ids=[page["id"]],
            cadence={
                "time": "12:00",
                "skip_weekends": False,
                "start_date": (today + timedelta(days=days)).isoformat(),
            },
        )
        for days in (30, 14)  # the first made waits longest: nothing of it is due in two weeks
    ]
    assert [c["made"] for c in campaigns] == [0, 0]  # both beyond the look-ahead when made
    settings = publisher_settings(dispatch_batch_size=1)
    in_two_weeks = Clock(datetime.now(UTC) + timedelta(days=14))
    for _ in range(2):
        await advance_all(runtime.jobs_db, settings, in_two_weeks)
    assert [(await read(admin, c))["made"] for c in campaigns] == [0, 1]


async def test_bad_campaign_input_is_a_problem_and_changes_nothing(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    """Another town's template or channel, extreme dates, negative or zero counts."""
    admin = as_user(principal(tenant))
    elsewhere = uuid.uuid4()
    other = as_user(principal(elsewhere))
    their_template = await other.post(
        "/v1/templates", json={"name": "theirs", "language": "ja", "template": "{name}"}
    )
    their_page = await channel(other)
    page = await channel(admin)
    garlic = await product(runtime, tenant, "黒にんにく")
    good: dict[str, Any] = {
        "name": "c",
        "template": "{name}",
        "product_ids": [garlic],
        "channel_ids": [page["id"]],
        "cadence": {"start_date": MONDAY},
    }
    bad: list[tuple[dict[str, Any], int]] = [
        ({"template": None, "template_id": their_template.json()["id"]}, 400),
        ({"channel_ids": [their_page["id"]]}, 400),
        ({"cadence": {"start_date": "1999-12-31"}}, 422),
        ({"cadence": {"start_date": "3000-01-01"}}, 422),
        ({"cadence": {"start_date": MONDAY, "every_days": 0}}, 422),
        ({"product_ids": [], "rules": {"not_featured_days": -1}, "steps": 3}, 422),
        ({"product_ids": [], "rules": {"in_stock": True, "evil": 1}, "steps": 3}, 422),
        ({"product_ids": [], "rules": {}, "steps": 0}, 422),
        ({"product_ids": [], "rules": {}}, 400),
        ({"product_ids": [str(uuid.uuid4())]}, 400),
    ]
    for change, status in bad:
        refused = await admin.post("/v1/campaigns", json={**good, **change})
        assert refused.status_code == status, (change, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert (await admin.get("/v1/campaigns")).json()["items"] == []
    campaign = await create(admin, **good)
    for change, status in [
        ({"steps": 0}, 422),
        ({"channel_ids": []}, 422),
        ({"rules": {"not_featured_days": 0}}, 422),
        ({"template_id": their_template.json()["id"]}, 400),
        ({"channel_ids": [their_page["id"]]}, 400),
    ]:
        refused = await admin.patch(f"/v1/campaigns/{campaign['id']}", json=change)
        assert refused.status_code == status, (change, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
    after = await read(admin, campaign)
    assert {k: after[k] for k in ("template", "channel_ids", "steps", "rules", "made")} == {
        k: campaign[k] for k in ("template", "channel_ids", "steps", "rules", "made")
    }


async def test_a_campaign_whose_steps_fail_does_not_stop_the_others(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant))
    page = await channel(admin)
    start = (datetime.now(TOKYO) + timedelta(days=14)).date().isoformat()
    cadence = {"time": "12:00", "skip_weekends": False, "start_date": start}
    broken, sound = [
        await create(
            admin,
            product_ids=[await product(runtime, tenant, name)],
            channel_ids=[page["id"]],
            cadence=cadence,
        )
        for name in ("壊れた", "無事")
    ]
    async with runtime.jobs_db.transaction(tenant) as session:  # a zone no longer known
        await session.execute(
            text("UPDATE campaigns SET timezone = 'Nowhere/Gone' WHERE id = :c"),
            {"c": broken["id"]},
        )
    in_two_weeks = Clock(datetime.now(UTC) + timedelta(days=14))
    await advance_all(runtime.jobs_db, publisher_settings(), in_two_weeks)
    assert (await read(admin, sound))["made"] == 1
