"""LINE broadcasts carry the post's photos as image messages (the web rendition, the thumbnail
as preview), and a product as a Flex message card: its photo, name, price and a buy button on
the delivery's tracked link."""

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from contracts.analytics import LinkCreatedV1
from kit.auth import TokenSigner
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeLine, FakeMediaHost
from kit.testing.plugin import client, delivery
from publisher.app import SERVICE, create_app
from publisher.dispatch.service import Dispatcher
from publisher.handlers import on_link_created

from .conftest import publisher_settings
from .helpers import (
    approved_and_scheduled,
    broadcaster,
    channel,
    photo,
    post,
    publish_product,
)


@dataclass
class Scene:
    line: FakeLine
    host: FakeMediaHost
    host_url: str
    admin: httpx.AsyncClient
    editor: httpx.AsyncClient
    account: dict[str, Any]
    dispatcher: Dispatcher

    def picture(self, tag: str) -> tuple[dict[str, Any], str]:
        """A catalog photo named by its original URL, and the URL of what LINE is sent."""
        media_id = uuid.uuid4()
        for name in ("original", "web", "thumbnail"):
            self.host.put(f"/v1/media/{media_id}/{name}", photo(f"{tag}-{name}"))
        base = f"{self.host_url}/v1/media/{media_id}"
        return {"url": f"{base}/original"}, f"{base}/web"


@asynccontextmanager
async def scene(
    runtime: ServiceRuntime,
    signer: TokenSigner,
    make_dispatcher: Callable[..., Dispatcher],
    tenant: uuid.UUID,
) -> AsyncIterator[Scene]:
    line, host = FakeLine(followers=120), FakeMediaHost()
    async with serve(line.app) as base_url, serve(host.app) as host_url:
        app = create_app(runtime, publisher_settings(line_api_url=base_url))
        admin = client(app, signer, SERVICE, broadcaster(tenant))
        editor = client(app, signer, SERVICE, broadcaster(tenant, ("editor",)))
        account = await channel(admin, "line", credentials={"access_token": "line-token"})
        yield Scene(
            line, host, host_url, admin, editor, account, make_dispatcher(line_api_url=base_url)
        )


@pytest.mark.parametrize("count", [1, 4])
async def test_photos_go_as_image_messages_after_the_text(
    count: int,
    runtime: ServiceRuntime,
    signer: TokenSigner,
    make_dispatcher: Callable,
    tenant: uuid.UUID,
) -> None:
    async with scene(runtime, signer, make_dispatcher, tenant) as s:
        pictures = [s.picture(f"p{i}") for i in range(count)]
        draft = await post(s.admin, [s.account["id"]], "武雄の朝", media=[p for p, _ in pictures])
        [made] = await approved_and_scheduled(s.admin, s.editor, draft["id"])
        await s.dispatcher.run_until_idle()
        after = (await s.admin.get(f"/v1/deliveries/{made['id']}")).json()
    assert after["state"] == "published", after
    [sent] = s.line.broadcasts
    text, *images = sent["messages"]
    assert text == {"type": "text", "text": "武雄の朝"}
    assert [m["originalContentUrl"] for m in images] == [web for _, web in pictures]
    assert [m["previewImageUrl"] for m in images] == [
        web.replace("/web", "/thumbnail") for _, web in pictures
    ]
    assert [s.line.images[web] for _, web in pictures] == [photo(f"p{i}-web") for i in range(count)]


async def test_a_product_goes_as_a_card_with_its_price_and_tracked_buy_link(
    runtime: ServiceRuntime, signer: TokenSigner, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    product = await publish_product(runtime, tenant)
    async with scene(runtime, signer, make_dispatcher, tenant) as s:
        picture, web = s.picture("garlic")
        draft = await post(
            s.admin,
            [s.account["id"]],
            "今週の一品",
            product_id=str(product),
            url="https://store.example/garlic",
            media=[picture],
        )
        [made] = await approved_and_scheduled(s.admin, s.editor, draft["id"])
        short_url = f"https://machi.test/r/{made['link_code']}"
        created = LinkCreatedV1(
            link_id=uuid.uuid4(),
            code=made["link_code"],
            short_url=short_url,
            delivery_id=made["id"],
        )
        assert await consumer.handle(on_link_created, runtime.db, delivery(created, tenant))
        await s.dispatcher.run_until_idle()
        after = (await s.admin.get(f"/v1/deliveries/{made['id']}")).json()
    assert after["state"] == "published", after
    [sent] = s.line.broadcasts
    text, card = sent["messages"]
    assert text["text"] == f"今週の一品\n{short_url}"
    assert (card["type"], card["altText"]) == ("flex", "熟成黒にんにく ¥1,980")
    bubble = card["contents"]
    assert bubble["hero"]["url"] == web
    assert [c["text"] for c in bubble["body"]["contents"]] == ["熟成黒にんにく", "¥1,980"]
    [button] = bubble["footer"]["contents"]
    assert button["action"] == {"type": "uri", "label": "購入する", "uri": short_url}
    assert s.line.images[web] == photo("garlic-web")
