"""Journey 3: one specialty at a time (writer, editor, publisher). JOURNEYS.md section 3.

The campaign runs from a stored template and picks its products by rule (its category, in
season, in stock), each on every channel's own weekday slots. Its start is three weeks back and it
catches up, so its posts are made at once and are all due when the editor approves it: the API's
own scheduling is the only clock the journey moves. Before that, the writer pauses it, one of its
products sells out, and on resume that product is passed over with the reason.
"""

from __future__ import annotations

import io
import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from kit.testing.platforms import x_too_many
from kit.testing.waiting import eventually_sync
from machi_client.api.campaigns import (
    campaigns_approve,
    campaigns_create,
    campaigns_pause,
    campaigns_posts,
    campaigns_resume,
    campaigns_submit,
)
from machi_client.api.categories import categories_create, categories_list
from machi_client.api.channels import channels_get, channels_list
from machi_client.api.deliveries import deliveries_attempts
from machi_client.api.listings import listings_create
from machi_client.api.media import media_create
from machi_client.api.posts import (
    posts_approve,
    posts_create,
    posts_get,
    posts_preview,
    posts_schedule,
    posts_submit,
    posts_transitions,
    posts_update,
)
from machi_client.api.products import (
    products_create,
    products_publish,
    products_variants_update,
)
from machi_client.api.slots import slots_create, slots_list
from machi_client.api.templates import templates_create
from machi_client.models import (
    BodyMediaCreate,
    Cadence,
    CampaignCreate,
    CampaignCreatePlacement,
    CampaignRead,
    CategoryCreate,
    CategoryCreateName,
    DeliveryRead,
    ListingCreate,
    MediaAttachment,
    MediaAttachmentAlt,
    PostCreate,
    PostCreateVariants,
    PostMedia,
    PostMediaAltType0,
    PostMediaTypeType0,
    PostRead,
    PostReadVariants,
    PostUpdate,
    PostUpdateVariantsType0,
    PreviewRead,
    ProductCreate,
    ProductCreateName,
    ProductRead,
    Rules,
    ScheduleRequest,
    SlotCreate,
    TemplateSpec,
    TemplateSpecPlatformTexts,
    VariantCreate,
    VariantUpdate,
)
from machi_client.types import File, Response

from .journeys import (
    Garlic,
    Journeys,
    Takeo,
    api,
    deliveries_of,
    done,
    garlic,
    known_to_publisher,
    takeo,
)

# Generous: the first journey test also waits for the whole platform to start.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

TOKYO = ZoneInfo("Asia/Tokyo")
TEMPLATE = "{name} ({producer}) {price}\n{story}\n{link}"
INSTAGRAM_TEXT = "{name}\n{story}\n{price} #武雄 #FunBuyTakeo"  # the link is appended
LINK = re.compile(r"/r/([A-Za-z0-9_-]+)")
# 132 CJK characters weigh 264 of X's 280 (reference 4.3: CJK counts 2); with the producer, the
# price and the link the X text is over.
LONG_NAME = "武雄の朝採れ" * 22
SHORT_X_TEXT = "武雄の朝採れ野菜セット {link}"
EXPIRE_AFTER = 3  # Fun Buy's Page token stops working after this many posts
CATEGORY = "takeos-table"
# Each channel's weekday slots (Monday to Friday), at its own hour.
SLOT_TIMES = {"fun_buy": "09:00", "instagram": "18:00", "x": "12:00"}
SOLD_OUT, OUT_OF_SEASON = 3, 8  # of the nine new specialties
POSTS = 7  # nine, less the one that sells out and the one out of season


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), (120, 90, 40)).save(out, "JPEG")
    return out.getvalue()


@dataclass
class Campaign:
    town: Takeo
    garlic: Garlic
    products: list[ProductRead]  # the nine new specialties, oldest first
    long_product: UUID
    campaign: CampaignRead
    posts: list[PostRead]
    channels: dict[str, UUID]
    paused: CampaignRead
    resumed: CampaignRead
    withdrawn: list[PostRead] = field(default_factory=list)
    previews: dict[str, dict[str, Any]] = field(default_factory=dict)
    approved: list[PostRead] = field(default_factory=list)
    rate_reset: int = 0
    writer_approval: Response[Any] | None = None


def table_category(town: Takeo) -> UUID:
    """The category "Takeo's table" the campaign's rule picks from (made once)."""
    writer = api(town.users["writer1"])
    have = done(categories_list.sync_detailed(client=writer)).items
    found = next((c.id for c in have if c.slug == CATEGORY), None)
    if found is not None:
        return found
    name = CategoryCreateName.from_dict({"ja": "武雄の食卓", "en": "Takeo's table"})
    body = CategoryCreate(slug=CATEGORY, name=name)
    return done(categories_create.sync_detailed(client=writer, body=body), 201).id


def nine_specialties(town: Takeo, product: Garlic) -> tuple[list[ProductRead], UUID]:
    """Nine specialties of the farm in the category, each with a photo and a Yahoo! store item;
    one is out of season this month."""
    writer, admin = api(town.users["writer1"]), api(town.admin)
    upload = File(payload=io.BytesIO(photo()), file_name="p.jpg", mime_type="image/jpeg")
    media = done(media_create.sync_detailed(client=writer, body=BodyMediaCreate(file=upload)), 201)
    refs = [MediaAttachment(media_id=media.id, alt=MediaAttachmentAlt.from_dict({"ja": "特産品"}))]
    category = table_category(town)
    off_season = [(datetime.now(TOKYO).month + 5) % 12 + 1]  # half a year away
    products: list[ProductRead] = []
    for n in range(9):
        name = {"ja": LONG_NAME if n == 0 else f"武雄の特産 {n}", "en": f"Takeo specialty {n}"}
        body = ProductCreate(
            producer_id=town.farm_id,
            slug=f"table-{n}",
            name=ProductCreateName.from_dict(name),
            media=refs,
            category_id=category,
            season_months=off_season if n == OUT_OF_SEASON else [],
            variants=[VariantCreate(sku=f"table-{n}", price_amount=1000 + n * 100, stock=20)],
        )
        made = done(products_create.sync_detailed(client=writer, body=body), 201)
        assert isinstance(made.variants, list), made
        listing = ListingCreate(
            storefront_id=product.storefront.id,
            variant_id=made.variants[0].id,
            external_id=f"table-{n}",
        )
        done(listings_create.sync_detailed(client=admin, body=listing), 201)
        products.append(done(products_publish.sync_detailed(made.id, client=writer)))
    return products, products[0].id


def weekday_slots(town: Takeo, channels: dict[str, UUID]) -> None:
    """Each channel's slots, Monday to Friday at its own hour (those already there are kept)."""
    writer = api(town.users["writer1"])
    for key, at in SLOT_TIMES.items():
        have = done(slots_list.sync_detailed(client=writer, channel_id=channels[key])).items
        for weekday in range(5):
            if any((s.weekday, s.local_time) == (weekday, at) for s in have):
                continue
            body = SlotCreate(channel_id=channels[key], weekday=weekday, time=at)
            done(slots_create.sync_detailed(client=writer, body=body), 201)


def stored_template(town: Takeo) -> UUID:
    """The town's stored template: one text, and Instagram's own with hashtags."""
    texts = TemplateSpecPlatformTexts.from_dict({"instagram": INSTAGRAM_TEXT})
    body = TemplateSpec(name="Takeo's table", template=TEMPLATE, platform_texts=texts)
    return done(templates_create.sync_detailed(client=api(town.admin), body=body), 201).id


def sell_out(town: Takeo, product: ProductRead, channel: UUID) -> None:
    """The last unit of `product` sells; the publisher hears of it (its preview warns)."""
    writer = api(town.users["writer1"])
    assert isinstance(product.variants, list), product
    body = VariantUpdate(stock=0)
    done(
        products_variants_update.sync_detailed(
            product.id, product.variants[0].id, client=writer, body=body
        )
    )
    check = PostCreate(text="{link}", channel_ids=[channel], product_id=product.id)

    def warned() -> bool:
        shown = posts_preview.sync_detailed(client=writer, body=check).parsed
        return (
            isinstance(shown, PreviewRead)
            and shown.product_unavailable == "the product is sold out"
        )

    eventually_sync(warned, timeout=60, what="the sell-out in the publisher", interval=0.5)


def live_posts(town: Takeo, campaign: CampaignRead) -> tuple[list[PostRead], list[PostRead]]:
    """The campaign's posts, and those it took back."""
    writer = api(town.users["writer1"])
    found = done(campaigns_posts.sync_detailed(campaign.id, client=writer, limit=100)).items
    return [p for p in found if p.status != "cancelled"], [
        p for p in found if p.status == "cancelled"
    ]


@pytest.fixture(scope="module")
def built(journeys: Journeys) -> Campaign:
    town, product = takeo(journeys), garlic(journeys)
    writer = api(town.users["writer1"])
    products, long_id = nine_specialties(town, product)
    ids = [p.id for p in products]
    channels = {
        "fun_buy": town.channels["fun_buy"].id,
        "instagram": town.channels["instagram"].id,
        "x": town.channels["town_x"].id,
    }
    eventually_sync(
        lambda: known_to_publisher(town.users["writer1"], ids, channels["x"]),
        timeout=60,
        what="products in the publisher",
        interval=0.5,
    )
    weekday_slots(town, channels)
    start = datetime.now(TOKYO).date() - timedelta(days=21)
    body = CampaignCreate(
        name="Takeo's table",
        rules=Rules(category=CATEGORY, in_season=True, in_stock=True),
        steps=len(products),
        channel_ids=list(channels.values()),
        template_id=stored_template(town),
        placement=CampaignCreatePlacement.SLOTS,
        cadence=Cadence(start_date=start),
        catch_up=True,  # started three weeks ago: the missed posts go out on approval
    )
    campaign = done(campaigns_create.sync_detailed(client=writer, body=body), 201)
    paused = done(campaigns_pause.sync_detailed(campaign.id, client=writer))
    sell_out(town, products[SOLD_OUT], channels["x"])
    resumed = done(campaigns_resume.sync_detailed(campaign.id, client=writer))
    posts, withdrawn = live_posts(town, campaign)
    made = Campaign(town, product, products, long_id, campaign, posts, channels, paused, resumed)
    made.withdrawn = withdrawn
    return made


def local(at: datetime) -> str:
    return at.astimezone(TOKYO).strftime("%H:%M")


class TestCampaignIsBuilt:
    def test_products_by_rule_newest_first_in_season_and_in_stock(self, built: Campaign) -> None:
        newest_first = [p.id for p in reversed(built.products)]
        left_out = {built.products[SOLD_OUT].id, built.products[OUT_OF_SEASON].id}
        assert [p.product_id for p in built.posts] == [p for p in newest_first if p not in left_out]
        assert len(built.posts) == POSTS

    def test_the_product_sold_out_before_its_turn_is_skipped_with_the_reason(
        self, built: Campaign
    ) -> None:
        sold = built.products[SOLD_OUT].id
        assert sold in {p.product_id for p in built.withdrawn}  # it had its turn before
        assert [(s.product_id, s.reason) for s in built.resumed.skipped] == [
            (sold, "the product is sold out")
        ]

    def test_paused_it_took_its_posts_back_and_resumed_made_them_again(
        self, built: Campaign
    ) -> None:
        assert (built.paused.status, built.paused.made) == ("paused", 0)
        assert len(built.withdrawn) == POSTS + 1
        assert (built.resumed.status, built.resumed.made) == ("draft", POSTS)

    def test_each_channel_has_the_post_on_its_own_weekday_slot(self, built: Campaign) -> None:
        for post in built.posts:
            assert isinstance(post.planned_at, datetime), post
            assert isinstance(post.channel_ids, list), post
            assert set(post.channel_ids) == set(built.channels.values()), post
        days = [p.planned_at.astimezone(TOKYO).date() for p in built.posts]  # type: ignore[union-attr]
        assert days == sorted(days)
        assert len(set(days)) == POSTS
        assert all(day.weekday() < 5 for day in days)

    def test_the_stored_template_fills_name_producer_price_and_story(self, built: Campaign) -> None:
        post = next(p for p in built.posts if p.product_id == built.products[1].id)
        assert post.text.startswith("武雄の特産 1 (武雄黒にんにく農園) 1,100円\n"), post.text
        assert "{story}" not in post.text, post.text
        assert isinstance(post.variants, PostReadVariants), post
        instagram = post.variants[str(built.channels["instagram"])]
        assert instagram.startswith("武雄の特産 1\n"), instagram
        assert instagram.endswith("1,100円 #武雄 #FunBuyTakeo"), instagram

    def test_every_post_shows_its_products_photo(self, built: Campaign) -> None:
        photos = {p.id: p.media[0].urls["web"] for p in built.products if p.media}  # type: ignore[index]
        for post in built.posts:
            assert isinstance(post.media, list), post
            assert isinstance(post.product_id, UUID), post
            assert [m.url for m in post.media] == [photos[post.product_id]], post.media


def preview(town: Takeo, post: PostRead) -> PreviewRead:
    assert isinstance(post.variants, PostReadVariants), post
    body = PostCreate(
        text=post.text,
        channel_ids=post.channel_ids,
        variants=PostCreateVariants.from_dict(post.variants.to_dict()),
        product_id=post.product_id,
        media=post.media,
    )
    return done(posts_preview.sync_detailed(client=api(town.users["writer1"]), body=body))


def shorten_for_x(c: Campaign, post: PostRead) -> PostRead:
    """The writer's X text of `post`, short enough, sent with the ETag of the writer's read."""
    variants = PostUpdateVariantsType0.from_dict({str(c.channels["x"]): SHORT_X_TEXT})
    writer = api(c.town.users["writer1"])
    seen = posts_get.sync_detailed(post.id, client=writer).headers["etag"]
    body = PostUpdate(variants=variants)
    return done(posts_update.sync_detailed(post.id, client=writer, body=body, if_match=seen))


class TestPreviewAndShortening:
    def test_each_channel_shows_its_text_with_a_tracked_link(self, built: Campaign) -> None:
        shown = preview(built.town, built.posts[1])
        assert {c.channel_id for c in shown.channels} == set(built.channels.values())
        for channel in shown.channels:
            assert LINK.search(channel.text), channel
            assert "{link}" not in channel.text

    def test_long_japanese_x_text_is_refused_then_shortened(self, built: Campaign) -> None:
        post = next(p for p in built.posts if p.product_id == built.long_product)
        shown = {c.channel_id: c for c in preview(built.town, post).channels}
        x = shown[built.channels["x"]]
        assert x.valid is False, x
        assert x.length > x.max_length == 280, x
        assert x.problems
        assert shown[built.channels["fun_buy"]].valid is True
        shortened = shorten_for_x(built, post)
        again = {c.channel_id: c for c in preview(built.town, shortened).channels}
        assert again[built.channels["x"]].valid is True
        assert again[built.channels["x"]].text.startswith("武雄の朝採れ野菜セット")


@pytest.fixture(scope="module")
def approved(built: Campaign, journeys: Journeys) -> Campaign:
    """The writer shortens the long X text and submits; the platforms are set to answer one X
    429 and to expire the Fun Buy Page's token; the editor approves."""
    writer, editor = api(built.town.users["writer1"]), api(built.town.users["editor"])
    long_post = next(p for p in built.posts if p.product_id == built.long_product)
    shorten_for_x(built, long_post)
    submitted = done(campaigns_submit.sync_detailed(built.campaign.id, client=writer))
    assert {p.status for p in submitted} == {"submitted"}, submitted
    built.writer_approval = campaigns_approve.sync_detailed(built.campaign.id, client=writer)
    fakes = journeys.fakes
    built.rate_reset = int(time.time()) + 5
    fakes.x.script.append(x_too_many(built.rate_reset))
    fakes.meta.expire_after["1002"] = EXPIRE_AFTER
    built.approved = done(campaigns_approve.sync_detailed(built.campaign.id, client=editor))
    return built


def campaign_deliveries(c: Campaign) -> list[DeliveryRead]:
    writer = c.town.users["writer1"]
    return [d for p in c.posts for d in deliveries_of(writer, p.id)]


def settled(c: Campaign) -> list[DeliveryRead] | None:
    """The campaign's deliveries once X and Instagram are all out and Fun Buy has stopped."""
    found = campaign_deliveries(c)
    by_platform: dict[UUID, list[str]] = {}
    for d in found:
        by_platform.setdefault(d.channel_id, []).append(d.state)
    done = (
        len(found) == 3 * POSTS
        and set(by_platform.get(c.channels["x"], [])) == {"published"}
        and set(by_platform.get(c.channels["instagram"], [])) == {"published"}
        and by_platform[c.channels["fun_buy"]].count("published") == EXPIRE_AFTER
    )
    return found if done else None


def dispatched(c: Campaign) -> list[DeliveryRead]:
    """The campaign's deliveries once it has gone out, asked once a second: the town's users may
    make 600 requests a minute, and on a busy machine the campaign takes over a minute."""
    found = eventually_sync(
        lambda: settled(c), timeout=90, what="the campaign dispatched", interval=1
    )
    assert found is not None
    return found


class TestApprovalAndDispatch:
    def test_only_an_editor_approves(self, approved: Campaign) -> None:
        assert approved.writer_approval is not None
        assert approved.writer_approval.status_code == 403, approved.writer_approval.content
        assert len(approved.approved) == POSTS
        assert {p.status for p in approved.approved} <= {"scheduled", "publishing", "published"}

    def test_editor_cannot_approve_their_own_post(self, approved: Campaign) -> None:
        editor = api(approved.town.users["editor"])
        body = PostCreate(text="編集者の投稿", channel_ids=[approved.channels["x"]])
        own = done(posts_create.sync_detailed(client=editor, body=body), 201)
        done(posts_submit.sync_detailed(own.id, client=editor))
        response = posts_approve.sync_detailed(own.id, client=editor)
        assert response.status_code in (403, 409), response.content

    def test_every_slot_is_published_each_post_with_its_own_link(
        self, approved: Campaign, journeys: Journeys
    ) -> None:
        found = dispatched(approved)
        fakes = journeys.fakes
        x_texts = [p["text"] for p in fakes.x.posts if p["user"] == "takeo_city"]
        ig = [p["caption"] for p in fakes.meta.ig_posts if p["user"] == "17841002"]
        fb = [p["message"] for p in fakes.meta.posts if p["page"] == "1002"]
        assert (len(x_texts), len(ig), len(fb)) == (POSTS, POSTS, EXPIRE_AFTER)
        codes = [LINK.search(t).group(1) for t in [*x_texts, *ig, *fb]]  # type: ignore[union-attr]
        assert len(set(codes)) == len(codes)  # one link per delivery
        published = {d.link_code for d in found if d.state == "published"}
        assert set(codes) == published

    def test_each_delivery_went_out_on_its_channels_slot(self, approved: Campaign) -> None:
        found = dispatched(approved)
        hours = {approved.channels[key]: at for key, at in SLOT_TIMES.items()}
        for delivery in found:
            due = delivery.due_at.astimezone(TOKYO)
            assert (due.weekday() < 5, local(due)) == (True, hours[delivery.channel_id]), delivery

    def test_every_post_on_the_platforms_carries_its_photo(
        self, approved: Campaign, journeys: Journeys
    ) -> None:
        found = dispatched(approved)
        fakes = journeys.fakes

        def codes(channel: str) -> set[str | None]:
            wanted = approved.channels[channel]
            return {d.link_code for d in found if d.channel_id == wanted and d.state == "published"}

        def code_of(text: str) -> str:
            return LINK.search(text).group(1)  # type: ignore[union-attr]

        tweets = [p for p in fakes.x.posts if LINK.search(p["text"])]
        ours = [t for t in tweets if code_of(t["text"]) in codes("x")]
        assert len(ours) == POSTS
        for tweet in ours:
            [media_id] = tweet["media_ids"]
            assert fakes.x.received(media_id).startswith(b"\xff\xd8")  # the JPEG itself
        pages = [p for p in fakes.meta.posts if LINK.search(p["message"])]
        fun_buy = [p for p in pages if code_of(p["message"]) in codes("fun_buy")]
        assert len(fun_buy) == EXPIRE_AFTER
        for page_post in fun_buy:
            [photo_id] = page_post["photos"]
            assert fakes.meta.photos[photo_id]["data"].startswith(b"\xff\xd8")
        grams = [p for p in fakes.meta.ig_posts if LINK.search(p["caption"])]
        ours_on_instagram = [g for g in grams if code_of(g["caption"]) in codes("instagram")]
        assert len(ours_on_instagram) == POSTS
        for gram in ours_on_instagram:
            [item] = gram["items"]
            assert item["data"].startswith(b"\xff\xd8")  # the JPEG Instagram fetched

    def test_x_429_goes_out_after_the_reset(self, approved: Campaign, journeys: Journeys) -> None:
        dispatched(approved)
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
        met = [d for d in campaign_deliveries(approved) if d.channel_id == x and d.attempts > 1]
        assert len(met) == 1, met
        admin = api(approved.town.admin)
        attempts = done(deliveries_attempts.sync_detailed(met[0].id, client=admin)).items
        assert [a.http_status for a in attempts if a.http_status == 429] == [429], attempts
        assert met[0].state == "published"
        assert met[0].published_at is not None, met[0]
        assert met[0].published_at.timestamp() >= approved.rate_reset

    def test_expired_facebook_token_turns_the_channel_needs_reauth(
        self, approved: Campaign
    ) -> None:
        dispatched(approved)
        admin = api(approved.town.admin)
        channel = done(channels_get.sync_detailed(approved.channels["fun_buy"], client=admin))
        assert channel.status == "needs_reauth", channel
        assert channel.status_reason
        listed = {c.id: c.status for c in done(channels_list.sync_detailed(client=admin)).items}
        assert listed[approved.channels["fun_buy"]] == "needs_reauth"
        assert listed[approved.town.channels["town_page"].id] == "active"

    def test_nothing_is_posted_twice(self, approved: Campaign, journeys: Journeys) -> None:
        dispatched(approved)
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
        staff = api(town.users["staff1"])
        own_x = town.channels["staff1_x"].id
        text = "図書館が本日リニューアルオープンしました。"
        body = PostCreate(text=text, channel_ids=[own_x])
        post = done(posts_create.sync_detailed(client=staff, body=body), 201)
        submitted = done(posts_submit.sync_detailed(post.id, client=staff))
        assert submitted.status == "approved", submitted
        done(posts_schedule.sync_detailed(post.id, client=staff, body=ScheduleRequest()))
        eventually_sync(
            lambda: any(
                p["text"] == text and p["user"] == "staff1" for p in journeys.fakes.x.posts
            ),
            timeout=60,
            what="the staff post on the staff member's X account",
        )
        history = done(posts_transitions.sync_detailed(post.id, client=staff)).items
        actors = {t.actor for t in history}
        assert actors, post
        assert str(town.user_ids["editor"]) not in actors

    def test_staff_member_cannot_post_on_the_towns_account(self, journeys: Journeys) -> None:
        town = takeo(journeys)
        body = PostCreate(text="test", channel_ids=[town.channels["town_x"].id])
        response = posts_create.sync_detailed(client=api(town.users["staff1"]), body=body)
        assert response.status_code in (403, 404), response.content


class TestPostMediaThroughTheClient:
    def test_a_post_created_with_media_reads_it_back(self, journeys: Journeys) -> None:
        town = takeo(journeys)
        writer = api(town.users["writer1"])
        alt = PostMediaAltType0.from_dict({"ja": "熟成黒にんにく", "en": "Aged black garlic"})
        media = [
            PostMedia(
                url="https://cdn.takeo.example/garlic-portrait.jpg",
                width=1080,
                height=1350,
                type_=PostMediaTypeType0.IMAGE,
                alt=alt,
                bytes_=None,
            ),
            PostMedia(
                url="https://cdn.takeo.example/garlic-landscape.jpg",
                width=1200,
                height=628,
                type_=None,
                alt=None,
                bytes_=None,
            ),
        ]
        body = PostCreate(
            text="熟成黒にんにくの写真", channel_ids=[town.channels["town_x"].id], media=media
        )
        created = done(posts_create.sync_detailed(client=writer, body=body), 201)
        assert created.media == media
        answer = posts_get.sync_detailed(created.id, client=writer)
        assert done(answer).media == media
        assert json.loads(answer.content)["media"] == [
            {
                "url": "https://cdn.takeo.example/garlic-portrait.jpg",
                "width": 1080,
                "height": 1350,
                "type": "image",
                "alt": {"ja": "熟成黒にんにく", "en": "Aged black garlic"},
                "bytes": None,
            },
            {
                "url": "https://cdn.takeo.example/garlic-landscape.jpg",
                "width": 1200,
                "height": 628,
                "type": None,
                "alt": None,
                "bytes": None,
            },
        ]


class TestConcurrentEditsThroughTheClient:
    def test_an_edit_from_a_stale_read_is_412_and_changes_nothing(self, journeys: Journeys) -> None:
        town = takeo(journeys)
        writer = api(town.users["writer1"])
        body = PostCreate(text="朝市は土曜日", channel_ids=[town.channels["town_x"].id])
        created = done(posts_create.sync_detailed(client=writer, body=body), 201)
        seen = posts_get.sync_detailed(created.id, client=writer).headers["etag"]
        first = PostUpdate(text="朝市は日曜日")
        done(posts_update.sync_detailed(created.id, client=writer, body=first, if_match=seen))
        stale = posts_update.sync_detailed(
            created.id, client=writer, body=PostUpdate(text="朝市は月曜日"), if_match=seen
        )
        assert stale.status_code == 412, stale.content
        assert stale.headers["content-type"] == "application/problem+json"
        assert done(posts_get.sync_detailed(created.id, client=writer)).text == "朝市は日曜日"
