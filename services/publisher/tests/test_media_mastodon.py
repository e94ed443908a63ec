"""Mastodon publishing: statuses with their photos (uploaded in prepare, processed, described),
sent once under the Idempotency-Key, on the channel's own instance."""

import io
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any

import httpx
from PIL import Image
from sqlalchemy import text

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeMastodon, FakeMediaHost, mastodon_error
from kit.testing.plugin import principal
from publisher.dispatch.service import Dispatcher

from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def photo(tag: str) -> bytes:
    return b"\xff\xd8\xff\xe0" + tag.encode() + b"." * 1500


@dataclass
class Scene:
    instance: FakeMastodon
    host: FakeMediaHost
    host_url: str
    admin: httpx.AsyncClient
    editor: httpx.AsyncClient
    account: dict[str, Any]
    dispatcher: Dispatcher

    def picture(self, tag: str, **fields: Any) -> dict[str, Any]:
        media_id = uuid.uuid4()
        self.host.put(f"/v1/media/{media_id}/original", photo(f"{tag}-original"))
        self.host.put(f"/v1/media/{media_id}/web", photo(f"{tag}-web"))
        return {"url": f"{self.host_url}/v1/media/{media_id}/web", **fields}

    async def scheduled(self, words: str, media: list[dict[str, Any]]) -> str:
        draft = await post(self.admin, [self.account["id"]], words, media=media)
        [delivery] = await approved_and_scheduled(self.admin, self.editor, draft["id"])
        return str(delivery["id"])

    async def read(self, delivery_id: str) -> dict[str, Any]:
        return dict((await self.admin.get(f"/v1/deliveries/{delivery_id}")).json())


@asynccontextmanager
async def scene(
    as_user: Client, make_dispatcher: Callable[..., Dispatcher], tenant: uuid.UUID
) -> AsyncIterator[Scene]:
    instance, host = FakeMastodon(), FakeMediaHost()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    async with serve(instance.app) as instance_url, serve(host.app) as host_url:
        account = await channel(
            admin,
            "mastodon",
            credentials={"access_token": "m-user-token"},
            external_id="109",
            config={"instance_url": instance_url},
        )
        yield Scene(instance, host, host_url, admin, editor, account, make_dispatcher())


async def test_a_text_status_is_published_in_the_posts_language_with_its_link(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        delivery = await s.scheduled("武雄の朝市は日曜日です", [])
        await s.dispatcher.run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    [status] = s.instance.statuses
    assert status["content"] == "武雄の朝市は日曜日です"
    assert (status["language"], status["media_ids"]) == ("ja", [])
    assert after["permalink"] == status["url"]
    assert s.instance.uploads == 0


async def test_a_photo_goes_up_as_its_original_described_in_the_posts_language(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        alt = {"ja": "湯けむりの立つ武雄温泉楼門", "en": "The Takeo Onsen gate in steam"}
        delivery = await s.scheduled("武雄温泉の朝", [s.picture("gate", alt=alt)])
        await s.dispatcher.run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    [status] = s.instance.statuses
    [media_id] = status["media_ids"]
    assert s.instance.media[media_id]["data"] == photo("gate-original")
    assert s.instance.media[media_id]["description"] == "湯けむりの立つ武雄温泉楼門"
    assert status["media_attachments"][0]["url"] is not None


async def test_four_photos_still_processing_are_waited_for_then_posted_in_order(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        s.instance.process_later = True  # every upload answers 202, url null
        pictures = [s.picture(f"p{i}", alt={"en": f"photo {i}"}) for i in range(4)]
        delivery = await s.scheduled("Four seasons of Takeo", pictures)
        await s.dispatcher.run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    [status] = s.instance.statuses
    assert [s.instance.media[i]["data"] for i in status["media_ids"]] == [
        photo(f"p{i}-original") for i in range(4)
    ]
    assert [s.instance.media[i]["description"] for i in status["media_ids"]] == [
        f"photo {i}" for i in range(4)
    ]
    assert status["language"] == "en"


async def test_processing_that_fails_fails_the_delivery_with_the_instances_words(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        s.instance.process_later = s.instance.fail_processing = True
        delivery = await s.scheduled("窯出し", [s.picture("kiln")])
        await s.dispatcher.run_until_idle()
        after = await s.read(delivery)
    assert (after["state"], after["error_category"]) == ("failed", "permanent")
    assert "Error processing thumbnail" in after["error_message"]
    assert s.instance.statuses == []


async def test_a_file_type_the_instance_does_not_take_is_refused_before_any_upload(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        s.host.put("/files/map.svg", b"<svg/>", "image/svg+xml")
        delivery = await s.scheduled("地図", [{"url": f"{s.host_url}/files/map.svg"}])
        await s.dispatcher.run_until_idle()
        after = await s.read(delivery)
    assert (after["state"], after["error_category"]) == ("failed", "permanent")
    assert "image/svg+xml" in after["error_message"]
    assert (s.instance.uploads, s.instance.statuses) == (0, [])


class Killed(BaseException):
    """The worker process ends here."""


async def _killed_after_prepare(s: Scene, runtime: ServiceRuntime, tenant: uuid.UUID) -> str:
    """Schedule two photos, let a worker upload them and die before posting, end its lease."""

    async def die(work: Any) -> bool:
        raise Killed

    delivery = await s.scheduled("有田の器", [s.picture("bowl"), s.picture("cup")])
    s.dispatcher._mark_committing = die  # type: ignore[method-assign]
    with suppress(Killed):
        await s.dispatcher.run_until_idle()
    assert (s.instance.uploads, s.instance.statuses) == (2, [])
    async with runtime.jobs_db.transaction() as session:
        await session.execute(
            text(
                "UPDATE deliveries SET lease_until = now() - interval '1 second'"
                " WHERE tenant_id = :t AND state = 'publishing'"
            ),
            {"t": tenant},
        )
    return delivery


async def test_a_worker_killed_before_posting_leaves_its_uploads_to_the_next(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        delivery = await _killed_after_prepare(s, runtime, tenant)
        await make_dispatcher().run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    assert s.instance.uploads == 2
    [status] = s.instance.statuses
    assert [s.instance.media[i]["data"] for i in status["media_ids"]] == [
        photo("bowl-original"),
        photo("cup-original"),
    ]


async def test_uploads_the_instance_cleaned_up_meanwhile_are_uploaded_again(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        delivery = await _killed_after_prepare(s, runtime, tenant)
        s.instance.cleanup()  # unattached media removed before the next worker came
        await make_dispatcher().run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    assert s.instance.uploads == 4
    [status] = s.instance.statuses
    assert len(status["media_ids"]) == 2  # never posted without its photos
    assert [s.instance.media[i]["data"] for i in status["media_ids"]] == [
        photo("bowl-original"),
        photo("cup-original"),
    ]


async def test_an_original_over_16_megapixels_goes_up_as_the_web_rendition(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    big = io.BytesIO()
    Image.new("L", (5000, 4000)).save(big, "PNG")  # 20 Mpx, a few kilobytes
    async with scene(as_user, make_dispatcher, tenant) as s:
        media_id = uuid.uuid4()
        s.host.put(f"/v1/media/{media_id}/original", big.getvalue(), "image/png")
        s.host.put(f"/v1/media/{media_id}/web", photo("paddy-web"))
        url = f"{s.host_url}/v1/media/{media_id}/web"
        delivery = await s.scheduled("田植えの季節", [{"url": url}])
        await s.dispatcher.run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    [status] = s.instance.statuses
    [attached] = status["media_ids"]
    assert s.instance.media[attached]["data"] == photo("paddy-web")


async def test_an_upload_the_instance_answers_503_is_retried_in_prepare(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    async with scene(as_user, make_dispatcher, tenant) as s:
        s.instance.upload_script = [mastodon_error(503, "Service Unavailable")]
        delivery = await s.scheduled("陶器市", [s.picture("market")])
        await s.dispatcher.run_until_idle()
        after = await s.read(delivery)
    assert after["state"] == "published", after
    assert s.instance.uploads == 2
    [status] = s.instance.statuses
    assert [s.instance.media[i]["data"] for i in status["media_ids"]] == [photo("market-original")]
