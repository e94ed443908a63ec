"""X carries the post's photos and video: uploaded in prepare, referenced by the post, with alt
text, never uploaded twice for one delivery and never posted without them."""

import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import text

from contracts.catalog import Media
from kit import outbound
from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeMediaHost, FakeX, Scripted, x_problem
from kit.testing.plugin import principal
from publisher.dispatch.service import Dispatcher

from .helpers import approved_and_scheduled, channel, post, publish_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def photo(tag: str, size: int = 2000) -> bytes:
    """Bytes that stand for one JPEG (X's fake takes what the media type says)."""
    return b"\xff\xd8\xff\xe0" + tag.encode() + b"." * size


@dataclass
class Scene:
    x: FakeX
    host: FakeMediaHost
    host_url: str
    admin: httpx.AsyncClient
    editor: httpx.AsyncClient
    account: dict[str, Any]
    dispatcher: Dispatcher

    def picture(self, tag: str, **fields: Any) -> dict[str, Any]:
        """A catalog picture on the host: its original and portrait; the post names the
        portrait, as the composer does."""
        media_id = uuid.uuid4()
        self.host.put(f"/v1/media/{media_id}/original", photo(f"{tag}-original"))
        self.host.put(f"/v1/media/{media_id}/portrait", photo(f"{tag}-portrait"))
        url = f"{self.host_url}/v1/media/{media_id}/portrait"
        return {"url": url, "width": 1080, "height": 1350, **fields}

    async def publish(self, words: str, media: list[dict[str, Any]]) -> dict[str, Any]:
        draft = await post(self.admin, [self.account["id"]], words, media=media)
        [delivery] = await approved_and_scheduled(self.admin, self.editor, draft["id"])
        await self.dispatcher.run_until_idle()
        return dict((await self.admin.get(f"/v1/deliveries/{delivery['id']}")).json())


@asynccontextmanager
async def scene(
    as_user: Client, make_dispatcher: Callable[..., Dispatcher], tenant: uuid.UUID, **settings: Any
) -> AsyncIterator[Scene]:
    x, host = FakeX(), FakeMediaHost()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    account = await channel(
        admin,
        "x",
        credentials={"access_token": "x-access-takeo"},
        external_id=f"takeo{uuid.uuid4().hex[:6]}",
    )
    async with serve(x.app) as x_url, serve(host.app) as host_url:
        dispatcher = make_dispatcher(x_api_url=x_url, **settings)
        yield Scene(x, host, host_url, admin, editor, account, dispatcher)


async def test_x_posts_one_photo_as_its_original_with_the_alt_text_of_the_posts_language(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        alt = {"en": "Black garlic on a plate", "ja": "皿に盛った熟成黒にんにく"}
        delivery = await s.publish("武雄の熟成黒にんにく", [s.picture("garlic", alt=alt)])
    assert delivery["state"] == "published", delivery
    [tweet] = s.x.posts
    [media_id] = tweet["media_ids"]
    assert s.x.received(media_id) == photo("garlic-original")  # X: the original rendition
    assert s.x.uploads[media_id].alt == "皿に盛った熟成黒にんにく"
    assert tweet["id"] == delivery["platform_post_id"]


async def test_x_posts_four_photos_in_order_and_an_english_post_gets_english_alt_text(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        pictures = [
            s.picture(f"p{i}", alt={"ja": f"写真{i}", "en": f"photo {i}"}) for i in range(4)
        ]
        delivery = await s.publish("Four seasons of Takeo", pictures)
    assert delivery["state"] == "published", delivery
    [tweet] = s.x.posts
    assert [s.x.received(i) for i in tweet["media_ids"]] == [
        photo(f"p{i}-original") for i in range(4)
    ]
    assert [s.x.uploads[i].alt for i in tweet["media_ids"]] == [f"photo {i}" for i in range(4)]


async def test_x_posts_a_video_through_the_chunked_upload_once_processed(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        s.dispatcher.adapters["x"].chunk_bytes = 1000  # type: ignore[attr-defined]
        clip = b"\x00\x00\x00\x18ftypmp42" + b"v" * 3500
        s.host.put("/clips/kiln.mp4", clip, "video/mp4")
        s.x.polls_to_process = 2
        video = {"url": f"{s.host_url}/clips/kiln.mp4", "type": "video"}
        delivery = await s.publish("窯出しの様子", [video])
    assert delivery["state"] == "published", delivery
    [tweet] = s.x.posts
    [media_id] = tweet["media_ids"]
    assert s.x.received(media_id) == clip
    assert len(s.x.uploads[media_id].segments) == 4  # 3,512 bytes in chunks of 1,000
    assert s.x.uploads[media_id].category == "tweet_video"
    assert s.x.uploads[media_id].state == "succeeded"


async def test_a_video_x_could_not_process_fails_the_delivery_with_xs_words(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        s.host.put("/clips/broken.mp4", b"not really a video", "video/mp4")
        s.x.fail_processing = True
        delivery = await s.publish("窯出し", [{"url": f"{s.host_url}/clips/broken.mp4"}])
    assert delivery["state"] == "failed"
    assert delivery["error_category"] == "permanent"
    assert "Unsupported video format" in delivery["error_message"]
    assert s.x.posts == []


async def test_an_image_type_x_refuses_fails_permanently_and_nothing_is_posted(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        s.host.put("/files/leaflet.svg", b"<svg/>", "image/svg+xml")
        delivery = await s.publish("チラシ", [{"url": f"{s.host_url}/files/leaflet.svg"}])
    assert (delivery["state"], delivery["error_category"]) == ("failed", "permanent")
    assert "image/svg+xml" in delivery["error_message"]
    assert s.x.posts == []


async def test_a_rate_limited_upload_waits_for_the_reset_and_posts_with_the_photo_later(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        reset = int(time.time()) + 900
        s.x.upload_script = [
            Scripted(
                429,
                {
                    "title": "Too Many Requests",
                    "detail": "Too Many Requests",
                    "type": "about:blank",
                },
                {
                    "x-rate-limit-limit": "500",
                    "x-rate-limit-remaining": "0",
                    "x-rate-limit-reset": str(reset),
                },
            )
        ]
        delivery = await s.publish("湯豆腐", [s.picture("tofu")])
        assert delivery["state"] == "scheduled"
        assert delivery["next_attempt_at"] is not None
        assert s.x.posts == []
        attempts = (await s.admin.get(f"/v1/deliveries/{delivery['id']}/attempts")).json()
        assert attempts["items"][-1]["rate_limit"]["x-rate-limit-remaining"] == "0"
        async with runtime.jobs_db.transaction() as session:  # the window ends
            await session.execute(
                text("UPDATE deliveries SET next_attempt_at = now() WHERE id = :d"),
                {"d": delivery["id"]},
            )
            await session.execute(text("DELETE FROM rate_buckets WHERE key LIKE 'x:%'"))
        await make_dispatcher(x_api_url=s.dispatcher.adapters["x"].base_url).run_until_idle()
    [tweet] = s.x.posts
    assert [s.x.received(i) for i in tweet["media_ids"]] == [photo("tofu-original")]


async def test_a_worker_killed_between_upload_and_post_leaves_the_upload_for_the_next(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    class Killed(BaseException):
        """The worker process ends here: nothing after it runs."""

    async def die(work: Any) -> bool:
        raise Killed

    async with scene(as_user, make_dispatcher, tenant) as s:
        s.dispatcher._mark_committing = die  # type: ignore[method-assign]
        with suppress(Killed):
            await s.publish("有田焼の器", [s.picture("bowl"), s.picture("cup")])
        assert s.x.upload_calls == 2
        assert s.x.posts == []
        async with runtime.jobs_db.transaction() as session:  # its lease runs out
            await session.execute(
                text(
                    "UPDATE deliveries SET lease_until = now() - interval '1 second'"
                    " WHERE tenant_id = :t AND state = 'publishing'"
                ),
                {"t": tenant},
            )
        await make_dispatcher(x_api_url=s.dispatcher.adapters["x"].base_url).run_until_idle()
    assert s.x.upload_calls == 2  # the next worker used the same uploads
    [tweet] = s.x.posts
    assert [s.x.received(i) for i in tweet["media_ids"]] == [
        photo("bowl-original"),
        photo("cup-original"),
    ]


async def test_uploads_x_no_longer_knows_are_uploaded_again_never_posted_without(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant, retry_base_seconds=0) as s:
        # The first post call fails (503): the delivery is retried with the kept uploads, which
        # X has let expire meanwhile: it refuses the post, and the photos are uploaded again.
        s.x.script = [x_problem(503, "Service Unavailable", "Service Unavailable")]
        draft = await post(s.admin, [s.account["id"]], "嬉野茶", media=[s.picture("tea")])
        [delivery] = await approved_and_scheduled(s.admin, s.editor, draft["id"])
        await s.dispatcher.run_once()
        assert s.x.upload_calls == 1
        s.x.expire_uploads()
        await s.dispatcher.run_until_idle()
        after = (await s.admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    assert s.x.upload_calls == 2
    [tweet] = s.x.posts
    [media_id] = tweet["media_ids"]
    assert s.x.received(media_id) == photo("tea-original")


async def test_x_refuses_five_photos_or_a_photo_with_a_video_before_submit(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant))
    x = await channel(admin, "x")
    five = [{"url": f"https://machi.test/m/{i}.jpg"} for i in range(5)]
    mixed = [{"url": "https://machi.test/m/a.jpg"}, {"url": "https://machi.test/m/kiln.mp4"}]
    for media, words in ((five, "at most 4 media"), (mixed, "not both")):
        body = {"text": "武雄", "channel_ids": [x["id"]], "media": media}
        preview = (await admin.post("/v1/posts/preview", json=body)).json()
        [shown] = preview["channels"]
        assert shown["valid"] is False
        assert any(words in p for p in shown["problems"]), shown["problems"]
        draft = await post(admin, [x["id"]], "武雄", media=media)
        refused = await admin.post(f"/v1/posts/{draft['id']}/submit")
        assert refused.status_code == 400
        assert refused.json()["type"] == type_uri("post-invalid")


async def test_a_product_post_without_media_of_its_own_carries_the_products_photo(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        web = s.picture("garlic")["url"].replace("/portrait", "/web")  # what catalog events carry
        product = await publish_product(runtime, tenant, media_urls=[web])
        draft = await post(s.admin, [s.account["id"]], "今日の一品", product_id=str(product))
        [delivery] = await approved_and_scheduled(s.admin, s.editor, draft["id"])
        await s.dispatcher.run_until_idle()
        after = (await s.admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    [tweet] = s.x.posts
    assert [s.x.received(i) for i in tweet["media_ids"]] == [photo("garlic-original")]


async def test_a_product_photo_is_described_with_the_catalogs_alt_text_in_the_posts_language(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        portrait = s.picture("garlic")["url"]
        picture = Media(
            media_id=uuid.uuid4(),
            urls={"web": portrait.replace("/portrait", "/web"), "portrait": portrait},
            alt={"ja": "黒にんにくの断面", "en": "A cut bulb of black garlic"},
        )
        product = await publish_product(runtime, tenant, media=[picture])
        draft = await post(
            s.admin, [s.account["id"]], "Today: black garlic", product_id=str(product)
        )
        [delivery] = await approved_and_scheduled(s.admin, s.editor, draft["id"])
        await s.dispatcher.run_until_idle()
        after = (await s.admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    [tweet] = s.x.posts
    [media_id] = tweet["media_ids"]
    assert s.x.received(media_id) == photo("garlic-original")
    assert s.x.uploads[media_id].alt == "A cut bulb of black garlic"


async def test_an_original_over_xs_5_mb_goes_up_as_the_web_rendition(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        media_id = uuid.uuid4()
        s.host.put(f"/v1/media/{media_id}/original", photo("huge", 6 * 1024 * 1024))
        s.host.put(f"/v1/media/{media_id}/web", photo("kiln-web"))
        delivery = await s.publish("窯の火", [{"url": f"{s.host_url}/v1/media/{media_id}/web"}])
    assert delivery["state"] == "published", delivery
    [tweet] = s.x.posts
    assert [s.x.received(i) for i in tweet["media_ids"]] == [photo("kiln-web")]


async def test_an_image_over_5_mb_that_has_no_smaller_rendition_fails_before_any_upload(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    roomy = OutboundPolicy(allow_private=True, max_response_bytes=16 * 1024 * 1024)
    async with (
        outbound.client(roomy, timeout=5) as guarded,
        scene(as_user, make_dispatcher, tenant, guarded=guarded) as s,
    ):
        s.host.put("/files/poster.jpg", photo("poster", 6 * 1024 * 1024))
        delivery = await s.publish("ポスター", [{"url": f"{s.host_url}/files/poster.jpg"}])
    assert (delivery["state"], delivery["error_category"]) == ("failed", "permanent")
    assert "over X's 5242880" in delivery["error_message"]
    assert (s.x.upload_calls, s.x.posts) == (0, [])


async def test_a_post_showing_its_products_photo_without_alt_text_gets_the_catalogs(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        chosen = s.picture("garlic")  # the writer picks the portrait crop, alt text left empty
        picture = Media(
            media_id=uuid.UUID(chosen["url"].split("/")[-2]),
            urls={"web": chosen["url"].replace("/portrait", "/web"), "portrait": chosen["url"]},
            alt={"ja": "黒にんにくの断面", "en": "A cut bulb of black garlic"},
        )
        product = await publish_product(runtime, tenant, media=[picture])
        draft = await post(
            s.admin, [s.account["id"]], "今日の一品", product_id=str(product), media=[chosen]
        )
        [delivery] = await approved_and_scheduled(s.admin, s.editor, draft["id"])
        await s.dispatcher.run_until_idle()
        after = (await s.admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    [tweet] = s.x.posts
    [media_id] = tweet["media_ids"]
    assert s.x.uploads[media_id].alt == "黒にんにくの断面"


async def test_an_upload_x_answers_503_is_retried_in_prepare_and_posted_once(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        s.x.upload_script = [x_problem(503, "Service Unavailable", "Service Unavailable")]
        delivery = await s.publish("有田陶器市", [s.picture("market")])
        attempts = (await s.admin.get(f"/v1/deliveries/{delivery['id']}/attempts")).json()
    assert delivery["state"] == "published", delivery
    assert [(a["phase"], a["outcome"]) for a in attempts["items"]][:2] == [
        ("prepare", "retry"),
        ("prepare", "ok"),
    ]
    assert s.x.upload_calls == 2
    [tweet] = s.x.posts
    assert [s.x.received(i) for i in tweet["media_ids"]] == [photo("market-original")]
