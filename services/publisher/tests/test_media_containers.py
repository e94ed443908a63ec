"""Instagram and Threads carry the post's photos and videos through containers: one per photo,
carousel children and their parent, a Reel or a Threads video, each read until FINISHED before
the parent is published; container ids are kept with the delivery, so a worker that dies leaves
them to the next, and an expired one is made again, never published twice."""

import io
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from PIL import Image
from sqlalchemy import text

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import Containers, FakeMediaHost, FakeMeta, FakeThreads, meta_error
from kit.testing.plugin import principal
from publisher.dispatch.service import Dispatcher

from .helpers import approved_and_scheduled, channel, photo, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
# What each platform is sent of a catalog photo when the writer chose nothing (the rules).
SENT = {"instagram": "portrait", "threads": "web"}
MOST = {"instagram": 10, "threads": 20}
VIDEO_ALONE = {"instagram": "REELS", "threads": "VIDEO"}
BOTH = pytest.mark.parametrize("platform", ["instagram", "threads"])


class Killed(BaseException):
    """A worker dying between its uploads and the publish call."""


async def die(work: Any) -> bool:
    raise Killed


@dataclass
class Scene:
    platform: str
    box: Containers
    host: FakeMediaHost
    host_url: str
    admin: httpx.AsyncClient
    editor: httpx.AsyncClient
    account: dict[str, Any]
    dispatcher: Callable[[], Dispatcher]

    def picture(self, tag: str) -> dict[str, Any]:
        """A catalog photo with each rendition's own bytes, named by its web URL."""
        media_id = uuid.uuid4()
        for name in ("original", "web", "portrait", "landscape"):
            self.host.put(f"/v1/media/{media_id}/{name}", photo(f"{tag}-{name}"))
        alt = {"ja": f"{tag}の写真", "en": f"a photo of {tag}"}
        return {"url": f"{self.host_url}/v1/media/{media_id}/web", "alt": alt}

    def clip(self, tag: str) -> dict[str, Any]:
        self.host.put(f"/clips/{tag}.mp4", b"\x00\x00\x00\x18ftypmp42" + tag.encode(), "video/mp4")
        return {"url": f"{self.host_url}/clips/{tag}.mp4", "alt": {"ja": f"{tag}の動画"}}

    async def scheduled(self, words: str, media: list[dict[str, Any]], **fields: Any) -> str:
        draft = await post(self.admin, [self.account["id"]], words, media=media, **fields)
        [delivery] = await approved_and_scheduled(self.admin, self.editor, draft["id"])
        return str(delivery["id"])

    async def read(self, delivery_id: str) -> dict[str, Any]:
        return dict((await self.admin.get(f"/v1/deliveries/{delivery_id}")).json())

    async def dispatched(self, words: str, media: list[dict[str, Any]], **fields: Any) -> dict:
        """The delivery of a new post, after a dispatcher has run until nothing is due."""
        delivery = await self.scheduled(words, media, **fields)
        await self.dispatcher().run_until_idle()
        return await self.read(delivery)

    async def killed_before_publishing(
        self, runtime: ServiceRuntime, words: str, media: list[dict[str, Any]]
    ) -> str:
        """A delivery whose worker died after its containers, its lease run out since."""
        delivery = await self.scheduled(words, media)
        first = self.dispatcher()
        first._mark_committing = die  # type: ignore[method-assign]
        with suppress(Killed):
            await first.run_until_idle()
        async with runtime.jobs_db.transaction() as session:
            await session.execute(
                text(
                    "UPDATE deliveries SET lease_until = now() - interval '1 second' WHERE id = :d"
                ),
                {"d": delivery},
            )
        return delivery


@asynccontextmanager
async def scene(
    platform: str, as_user: Client, make_dispatcher: Callable[..., Dispatcher], tenant: uuid.UUID
) -> AsyncIterator[Scene]:
    fake = FakeMeta() if platform == "instagram" else FakeThreads()
    box = fake.ig if isinstance(fake, FakeMeta) else fake.box
    host = FakeMediaHost()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    account = await channel(admin, platform, external_id=f"{platform}-{uuid.uuid4().hex[:8]}")
    async with serve(fake.app) as base_url, serve(host.app) as host_url:
        setting = "facebook_graph_url" if platform == "instagram" else "threads_graph_url"

        def dispatcher() -> Dispatcher:
            made = make_dispatcher(**{setting: base_url})
            made.adapters[platform].status_wait = 0.01  # the fakes finish on the second read
            return made

        yield Scene(platform, box, host, host_url, admin, editor, account, dispatcher)


@BOTH
async def test_one_photo_goes_up_as_its_platforms_rendition_with_alt_text(
    platform: str, as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(platform, as_user, make_dispatcher, tenant) as s:
        after = await s.dispatched("武雄の棚田", [s.picture("terraces")])
    assert after["state"] == "published", after
    [made] = s.box.posts
    assert (made["text"], made["media_type"]) == ("武雄の棚田", "IMAGE")
    assert made["data"] == photo(f"terraces-{SENT[platform]}")
    assert made["alt"] == "terracesの写真"  # the post is Japanese
    assert after["platform_post_id"] == made["id"]


@BOTH
async def test_the_most_photos_make_one_carousel_of_children_in_order(
    platform: str, as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(platform, as_user, make_dispatcher, tenant) as s:
        tags = [f"p{i}" for i in range(MOST[platform])]
        after = await s.dispatched("武雄の四季", [s.picture(tag) for tag in tags])
    assert after["state"] == "published", after
    [made] = s.box.posts
    assert (made["media_type"], made["text"]) == ("CAROUSEL", "武雄の四季")
    assert [i["data"] for i in made["items"]] == [photo(f"{t}-{SENT[platform]}") for t in tags]
    assert [i["alt"] for i in made["items"]] == [f"{t}の写真" for t in tags]
    assert all(i["carousel_item"] for i in made["items"])
    assert s.box.created == len(tags) + 1


@BOTH
async def test_a_video_alone_is_published_once_processed(
    platform: str, as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(platform, as_user, make_dispatcher, tenant) as s:
        after = await s.dispatched("窯出しの様子", [s.clip("kiln")])
    assert after["state"] == "published", after
    [made] = s.box.posts
    assert made["media_type"] == VIDEO_ALONE[platform]  # Instagram: a Reel
    assert made["data"] == b"\x00\x00\x00\x18ftypmp42kiln"
    # Threads takes alt text on videos; Instagram only on photos.
    assert made["alt"] == ("kilnの動画" if platform == "threads" else None)


@BOTH
async def test_a_worker_killed_after_the_containers_leaves_them_to_the_next(
    platform: str,
    as_user: Client,
    make_dispatcher: Callable,
    tenant: uuid.UUID,
    runtime: ServiceRuntime,
) -> None:
    async with scene(platform, as_user, make_dispatcher, tenant) as s:
        media = [s.picture(t) for t in ("a", "b", "c")]
        delivery = await s.killed_before_publishing(runtime, "三枚", media)
        assert (s.box.created, s.box.posts) == (4, [])
        await s.dispatcher().run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    assert s.box.created == 4  # the kept containers were published, none made again
    [made] = s.box.posts
    assert [i["data"] for i in made["items"]] == [photo(f"{t}-{SENT[platform]}") for t in "abc"]


@BOTH
async def test_containers_that_expired_meanwhile_are_made_again_and_published_once(
    platform: str,
    as_user: Client,
    make_dispatcher: Callable,
    tenant: uuid.UUID,
    runtime: ServiceRuntime,
) -> None:
    async with scene(platform, as_user, make_dispatcher, tenant) as s:
        media = [s.picture(t) for t in ("a", "b")]
        delivery = await s.killed_before_publishing(runtime, "二枚", media)
        s.box.expire()  # the next worker comes a day later
        await s.dispatcher().run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    assert s.box.created == 6  # three expired, three new
    [made] = s.box.posts
    assert [i["data"] for i in made["items"]] == [photo(f"{t}-{SENT[platform]}") for t in "ab"]
    assert sum(1 for c in s.box.made.values() if c["status"] == "EXPIRED") == 3


@BOTH
async def test_a_container_refused_once_with_a_server_error_is_retried_in_prepare(
    platform: str, as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(platform, as_user, make_dispatcher, tenant) as s:
        s.box.script.append(meta_error(2, "Service temporarily unavailable"))
        after = await s.dispatched("再挑戦", [s.picture("retry")])
    assert after["state"] == "published", after
    assert s.box.created == 2
    assert len(s.box.posts) == 1


@pytest.mark.parametrize(
    ("platform", "fault", "words"),
    [
        ("instagram", "aspect", "The aspect ratio 6000:500 is not supported"),
        ("threads", "aspect", "INVALID_ASPECT_RATIO"),
        ("instagram", "large", "The image size is too large"),
        ("instagram", "processing", "FAILED_PROCESSING_VIDEO"),
        ("threads", "processing", "FAILED_PROCESSING_VIDEO"),
    ],
)
async def test_media_the_platform_refuses_fails_the_delivery_with_its_words(
    platform: str,
    fault: str,
    words: str,
    as_user: Client,
    make_dispatcher: Callable,
    tenant: uuid.UUID,
) -> None:
    async with scene(platform, as_user, make_dispatcher, tenant) as s:
        if fault == "aspect":  # 12:1, beyond Instagram's 1.91:1 and Threads' 10:1
            item = s.picture("banner")
            wide = io.BytesIO()
            Image.new("RGB", (6000, 500)).save(wide, "JPEG")
            sent = item["url"].removeprefix(s.host_url).replace("/web", f"/{SENT[platform]}")
            s.host.put(sent, wide.getvalue())
        elif fault == "large":  # over Instagram's 8 MiB
            item = s.picture("poster")
            sent = item["url"].removeprefix(s.host_url).replace("/web", f"/{SENT[platform]}")
            s.host.put(sent, photo("poster") + b"." * 8 * 1024 * 1024)
        else:
            s.box.fail_processing = True
            item = s.clip("broken")
        after = await s.dispatched("失敗", [item])
    assert (after["state"], after["error_category"]) == ("failed", "permanent"), after
    assert words in after["error_message"]
    assert s.box.posts == []


@BOTH
async def test_a_publish_refused_as_expired_makes_new_containers_and_publishes_once(
    platform: str,
    as_user: Client,
    make_dispatcher: Callable,
    tenant: uuid.UUID,
    runtime: ServiceRuntime,
) -> None:
    async with scene(platform, as_user, make_dispatcher, tenant) as s:
        s.box.expire_before_publish = True
        delivery = await s.scheduled("期限切れ", [s.picture("late")])
        await s.dispatcher().run_until_idle()
        waiting = await s.read(delivery)
        assert (waiting["state"], s.box.posts) == ("scheduled", [])  # refused: nothing posted
        async with runtime.jobs_db.transaction() as session:
            await session.execute(
                text("UPDATE deliveries SET next_attempt_at = now() WHERE id = :d"),
                {"d": delivery},
            )
        await s.dispatcher().run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    assert s.box.created == 2  # the expired one, then its replacement
    [made] = s.box.posts
    assert made["data"] == photo(f"late-{SENT[platform]}")
