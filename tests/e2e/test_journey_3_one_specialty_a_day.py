"""Journey 3: one specialty at a time (writer, editor, publisher). JOURNEYS.md section 3.

The campaign's cadence starts three weeks back, so its ten weekday noon slots are all due when
the editor approves it: the API's own scheduling is the only clock the journey moves.
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
    campaigns_posts,
    campaigns_submit,
)
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
    products_get,
    products_publish,
    products_update,
)
from machi_client.models import (
    BodyMediaCreate,
    Cadence,
    CampaignCreate,
    CampaignRead,
    DeliveryRead,
    ListingCreate,
    MediaAttachment,
    MediaAttachmentAlt,
    MediaAttachmentReadUrls,
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
    ProductUpdate,
    ScheduleRequest,
    VariantCreate,
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
    products: list[ProductRead]
    long_product: UUID
    campaign: CampaignRead
    posts: list[PostRead]
    channels: dict[str, UUID]
    previews: dict[str, dict[str, Any]] = field(default_factory=dict)
    approved: list[PostRead] = field(default_factory=list)
    rate_reset: int = 0
    writer_approval: Response[Any] | None = None


def ten_products(town: Takeo, product: Garlic) -> tuple[list[ProductRead], UUID]:
    """The garlic and nine more specialties, each with a photo and a Yahoo! store item."""
    writer, admin = api(town.users["writer1"]), api(town.admin)
    upload = File(payload=io.BytesIO(photo()), file_name="p.jpg", mime_type="image/jpeg")
    media = done(media_create.sync_detailed(client=writer, body=BodyMediaCreate(file=upload)), 201)
    refs = [MediaAttachment(media_id=media.id, alt=MediaAttachmentAlt.from_dict({"ja": "特産品"}))]
    garlic_now = done(products_get.sync_detailed(product.product.id, client=writer))
    if not garlic_now.media:  # journey 2's photographer has not been by
        garlic_now = done(
            products_update.sync_detailed(
                product.product.id, client=writer, body=ProductUpdate(media=refs)
            )
        )
    products = [garlic_now]
    long_id: UUID | None = None
    for n in range(9):
        name = {"ja": LONG_NAME if n == 0 else f"武雄の特産 {n}", "en": f"Takeo specialty {n}"}
        body = ProductCreate(
            producer_id=town.farm_id,
            slug=f"table-{n}",
            name=ProductCreateName.from_dict(name),
            media=refs,
            variants=[VariantCreate(sku=f"table-{n}", price_amount=1000 + n * 100)],
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
        if n == 0:
            long_id = made.id
    assert long_id is not None
    return products, long_id


@pytest.fixture(scope="module")
def built(journeys: Journeys) -> Campaign:
    town, product = takeo(journeys), garlic(journeys)
    writer = api(town.users["writer1"])
    products, long_id = ten_products(town, product)
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
    )
    start = datetime.now(TOKYO).date() - timedelta(days=21)
    body = CampaignCreate(
        name="Takeo's table",
        product_ids=ids,
        channel_ids=list(channels.values()),
        template=TEMPLATE,
        cadence=Cadence(time="12:00", every_days=1, skip_weekends=True, start_date=start),
        catch_up=True,  # started three weeks ago: the missed posts go out on approval
    )
    campaign = done(campaigns_create.sync_detailed(client=writer, body=body), 201)
    posts = done(campaigns_posts.sync_detailed(campaign.id, client=writer)).items
    return Campaign(town, product, products, long_id, campaign, posts, channels)


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


class TestCampaignIsBuilt:
    def test_ten_products_one_a_weekday_at_noon(self, built: Campaign) -> None:
        assert built.campaign.name == "Takeo's table"
        assert [p.product_id for p in built.posts] == [p.id for p in built.products]
        days = []
        for post in built.posts:
            assert isinstance(post.planned_at, datetime), post
            at = post.planned_at.astimezone(TOKYO)
            assert (at.hour, at.minute) == (12, 0), at
            assert at.weekday() < 5, at
            days.append(at.date())
        assert len(set(days)) == 10
        assert days == sorted(days)
        for post in built.posts:
            assert isinstance(post.channel_ids, list), post
            assert set(post.channel_ids) == set(built.channels.values()), post

    def test_template_fills_name_producer_price_and_story(self, built: Campaign) -> None:
        garlic_post = built.posts[0]
        assert "熟成黒にんにく" in garlic_post.text
        assert "武雄黒にんにく農園" in garlic_post.text
        assert "1,980" in garlic_post.text or "1980" in garlic_post.text
        assert "{story}" not in garlic_post.text, garlic_post.text


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
    """The writer shortens, adds the photo each platform needs, submits; the platforms are set
    to answer one X 429 and to expire the Fun Buy Page's token; the editor approves."""
    writer, editor = api(built.town.users["writer1"]), api(built.town.users["editor"])
    long_post = next(p for p in built.posts if p.product_id == built.long_product)
    shorten_for_x(built, long_post)
    for post, product in zip(built.posts, built.products, strict=True):
        portrait = None
        if product.media and isinstance(product.media[0].urls, MediaAttachmentReadUrls):
            portrait = product.media[0].urls["portrait"]
        if portrait and not post.media:
            media = [PostMedia(url=portrait, width=1080, height=1350)]
            done(posts_update.sync_detailed(post.id, client=writer, body=PostUpdate(media=media)))
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
        len(found) == 30
        and set(by_platform.get(c.channels["x"], [])) == {"published"}
        and set(by_platform.get(c.channels["instagram"], [])) == {"published"}
        and by_platform[c.channels["fun_buy"]].count("published") == EXPIRE_AFTER
    )
    return found if done else None


class TestApprovalAndDispatch:
    def test_only_an_editor_approves(self, approved: Campaign) -> None:
        assert approved.writer_approval is not None
        assert approved.writer_approval.status_code == 403, approved.writer_approval.content
        assert len(approved.approved) == 10
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
        found = eventually_sync(
            lambda: settled(approved), timeout=90, what="the campaign dispatched"
        )
        fakes = journeys.fakes
        x_texts = [p["text"] for p in fakes.x.posts if p["user"] == "takeo_city"]
        ig = [p["caption"] for p in fakes.meta.ig_posts if p["user"] == "17841002"]
        fb = [p["message"] for p in fakes.meta.posts if p["page"] == "1002"]
        assert (len(x_texts), len(ig), len(fb)) == (10, 10, EXPIRE_AFTER)
        codes = [LINK.search(t).group(1) for t in [*x_texts, *ig, *fb]]  # type: ignore[union-attr]
        assert len(set(codes)) == len(codes)  # one link per delivery
        published = {d.link_code for d in found if d.state == "published"}
        assert set(codes) == published

    def test_every_x_and_facebook_post_carries_its_photo(
        self, approved: Campaign, journeys: Journeys
    ) -> None:
        found = eventually_sync(
            lambda: settled(approved), timeout=90, what="the campaign dispatched"
        )
        fakes = journeys.fakes

        def codes(channel: str) -> set[str | None]:
            wanted = approved.channels[channel]
            return {d.link_code for d in found if d.channel_id == wanted and d.state == "published"}

        def code_of(text: str) -> str:
            return LINK.search(text).group(1)  # type: ignore[union-attr]

        tweets = [p for p in fakes.x.posts if LINK.search(p["text"])]
        ours = [t for t in tweets if code_of(t["text"]) in codes("x")]
        assert len(ours) == 10
        for tweet in ours:
            [media_id] = tweet["media_ids"]
            assert fakes.x.received(media_id).startswith(b"\xff\xd8")  # the JPEG itself
        pages = [p for p in fakes.meta.posts if LINK.search(p["message"])]
        fun_buy = [p for p in pages if code_of(p["message"]) in codes("fun_buy")]
        assert len(fun_buy) == EXPIRE_AFTER
        for page_post in fun_buy:
            [photo_id] = page_post["photos"]
            assert fakes.meta.photos[photo_id]["data"].startswith(b"\xff\xd8")

    def test_x_429_goes_out_after_the_reset(self, approved: Campaign, journeys: Journeys) -> None:
        eventually_sync(lambda: settled(approved), timeout=90, what="the campaign dispatched")
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
        eventually_sync(lambda: settled(approved), timeout=90, what="the campaign dispatched")
        admin = api(approved.town.admin)
        channel = done(channels_get.sync_detailed(approved.channels["fun_buy"], client=admin))
        assert channel.status == "needs_reauth", channel
        assert channel.status_reason
        listed = {c.id: c.status for c in done(channels_list.sync_detailed(client=admin)).items}
        assert listed[approved.channels["fun_buy"]] == "needs_reauth"
        assert listed[approved.town.channels["town_page"].id] == "active"

    def test_nothing_is_posted_twice(self, approved: Campaign, journeys: Journeys) -> None:
        eventually_sync(lambda: settled(approved), timeout=90, what="the campaign dispatched")
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
