"""Facebook Pages carry the post's photos: one photo is the post, several are uploaded
unpublished in prepare and attached to one feed post, each from its original rendition."""

import uuid
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import httpx
from sqlalchemy import text

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeMediaHost, FakeMeta, meta_error
from kit.testing.plugin import principal

from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def photo(tag: str) -> bytes:
    return b"\xff\xd8\xff\xe0" + tag.encode() + b"." * 1500


def picture(host: FakeMediaHost, host_url: str, tag: str, **fields: Any) -> dict[str, Any]:
    media_id = uuid.uuid4()
    host.put(f"/v1/media/{media_id}/original", photo(f"{tag}-original"))
    host.put(f"/v1/media/{media_id}/landscape", photo(f"{tag}-landscape"))
    return {"url": f"{host_url}/v1/media/{media_id}/landscape", "width": 1200, "height": 628}


async def test_one_photo_is_posted_through_the_pages_photos_with_its_alt_text(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    meta, host = FakeMeta(), FakeMediaHost()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    async with serve(meta.app) as graph_url, serve(host.app) as host_url:
        alt = {"ja": "棚田の夕暮れ", "en": "Rice terraces at dusk"}
        image = {**picture(host, host_url, "terraces"), "alt": alt}
        draft = await post(admin, [page["id"]], "武雄の棚田", media=[image])
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await make_dispatcher(facebook_graph_url=graph_url).run_until_idle()
    after = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    [made] = meta.posts
    assert made["message"] == "武雄の棚田"
    [photo_id] = made["photos"]
    assert meta.photos[photo_id]["data"] == photo("terraces-original")  # Facebook: original
    assert meta.photos[photo_id]["alt"] == "棚田の夕暮れ"
    assert after["platform_post_id"] == made["id"]
    assert after["permalink"] == f"https://www.facebook.com/{made['id']}"


async def test_ten_photos_are_uploaded_unpublished_then_attached_to_one_feed_post(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    meta, host = FakeMeta(), FakeMediaHost()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    async with serve(meta.app) as graph_url, serve(host.app) as host_url:
        images = [picture(host, host_url, f"p{i}") for i in range(10)]
        draft = await post(admin, [page["id"]], "武雄の十景", media=images)
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await make_dispatcher(facebook_graph_url=graph_url).run_until_idle()
    after = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    [made] = meta.posts
    assert [meta.photos[i]["data"] for i in made["photos"]] == [
        photo(f"p{i}-original") for i in range(10)
    ]
    assert meta.photo_calls == 10


async def test_a_worker_killed_after_the_uploads_leaves_them_to_the_next_worker(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    class Killed(BaseException):
        pass

    async def die(work: Any) -> bool:
        raise Killed

    meta, host = FakeMeta(), FakeMediaHost()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    async with serve(meta.app) as graph_url, serve(host.app) as host_url:
        images = [picture(host, host_url, tag) for tag in ("a", "b", "c")]
        draft = await post(admin, [page["id"]], "三枚", media=images)
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        first = make_dispatcher(facebook_graph_url=graph_url)
        first._mark_committing = die
        with suppress(Killed):
            await first.run_until_idle()
        assert (meta.photo_calls, meta.posts) == (3, [])
        async with runtime.jobs_db.transaction() as session:
            await session.execute(
                text(
                    "UPDATE deliveries SET lease_until = now() - interval '1 second' WHERE id = :d"
                ),
                {"d": delivery["id"]},
            )
        await make_dispatcher(facebook_graph_url=graph_url).run_until_idle()
    after = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    assert meta.photo_calls == 3  # no second upload
    [made] = meta.posts
    assert [meta.photos[i]["data"] for i in made["photos"]] == [
        photo("a-original"),
        photo("b-original"),
        photo("c-original"),
    ]


async def test_a_photo_meta_cannot_read_fails_the_delivery_with_metas_words(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    meta, host = FakeMeta(), FakeMediaHost()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    async with serve(meta.app) as graph_url, serve(host.app) as host_url:
        gone = {"url": f"{host_url}/v1/media/{uuid.uuid4()}/web"}  # never put on the host
        draft = await post(admin, [page["id"]], "消えた写真", media=[gone])
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await make_dispatcher(facebook_graph_url=graph_url).run_until_idle()
    after = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert (after["state"], after["error_category"]) == ("failed", "permanent")
    assert "Missing or invalid image file" in after["error_message"]
    assert meta.posts == []


async def test_a_video_goes_through_the_resumable_upload_and_finish_publishes_it(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    meta, host = FakeMeta(), FakeMediaHost()
    meta.video_chunk = 1000
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    clip = b"\x00\x00\x00\x18ftypmp42" + b"v" * 2600
    async with serve(meta.app) as graph_url, serve(host.app) as host_url:
        host.put("/clips/kiln.mp4", clip, "video/mp4")
        draft = await post(
            admin, [page["id"]], "窯出しの様子", media=[{"url": f"{host_url}/clips/kiln.mp4"}]
        )
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await make_dispatcher(facebook_graph_url=graph_url).run_until_idle()
    after = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    [made] = meta.posts
    assert made["message"] == "窯出しの様子"
    [uploaded] = meta.videos.values()
    assert uploaded["data"] == clip  # three ranges of 1,000 bytes
    assert made["video"] == uploaded["id"] == after["platform_post_id"]
    assert meta.photo_calls == 0


async def test_a_photo_upload_meta_answers_with_a_server_error_is_retried_in_prepare(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    meta, host = FakeMeta(), FakeMediaHost()
    meta.photo_script.append(meta_error(2, "Service temporarily unavailable"))
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    async with serve(meta.app) as graph_url, serve(host.app) as host_url:
        images = [picture(host, host_url, tag) for tag in ("x", "y")]
        draft = await post(admin, [page["id"]], "二枚", media=images)
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await make_dispatcher(facebook_graph_url=graph_url).run_until_idle()
    after = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published", after
    assert meta.photo_calls == 3  # the refused upload, then both photos
    [made] = meta.posts
    assert [meta.photos[i]["data"] for i in made["photos"]] == [
        photo("x-original"),
        photo("y-original"),
    ]


async def test_one_channels_deliveries_go_out_one_at_a_time_in_due_order(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    """The first post's photos are uploaded before its feed post; the second, text only, would
    reach the feed first if the two ran side by side."""
    meta, host = FakeMeta(), FakeMediaHost()
    meta.latency = 0.2
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    async with serve(meta.app) as graph_url, serve(host.app) as host_url:
        images = [picture(host, host_url, "first-a"), picture(host, host_url, "first-b")]
        first = await post(admin, [page["id"]], "一番目の投稿", media=images)
        await approved_and_scheduled(admin, editor, first["id"])
        second = await post(admin, [page["id"]], "二番目の投稿")
        await approved_and_scheduled(admin, editor, second["id"])
        dispatcher = make_dispatcher(facebook_graph_url=graph_url, dispatch_concurrency=10)
        assert await dispatcher.run_until_idle() == 2
    assert [p["message"] for p in meta.posts] == ["一番目の投稿", "二番目の投稿"]
    assert len(meta.posts[0]["photos"]) == 2
