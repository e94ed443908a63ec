"""Town A's objects, one of each kind, made through the public API as A's admin.

Each factory returns the object's path parameters and how A reads it back; the reading is what
the isolation test compares before and after town B's calls.
"""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any

import httpx
from PIL import Image

from kit.testing import platforms

Reader = Callable[[httpx.Client], Any]
# Final states of imports and deliveries: reads of them no longer change on their own.
DONE = frozenset({"succeeded", "failed", "published", "dead"})


@dataclass(frozen=True)
class Made:
    """An object of town A: its path parameters and A's view of it."""

    ids: dict[str, str]
    read: Reader


STORE_DOMAIN = "store.example"


def created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 201, 202), f"{response.request.url}: {response.text}"
    body: dict[str, Any] = response.json()
    return body


def get(path: str) -> Reader:
    """A's view: the object's own GET."""

    def read(http: httpx.Client) -> Any:
        response = http.get(path)
        assert response.status_code == 200, f"{path}: {response.text}"
        return response.json()

    return read


def in_list(path: str, key: str, value: str) -> Reader:
    """A's view of an object with no GET of its own: its row in a list."""

    def read(http: httpx.Client) -> Any:
        response = http.get(path, params={"limit": 200})
        assert response.status_code == 200, f"{path}: {response.text}"
        body = response.json()
        items = body["items"] if isinstance(body, dict) else body
        rows = [item for item in items if str(item.get(key)) == value]
        assert len(rows) == 1, f"{key}={value} not in {path}"
        return rows[0]

    return read


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@dataclass
class World:
    """Town A, seen through its admin's client; each object made on first use."""

    http: httpx.Client
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:6])

    @cached_property
    def me(self) -> dict[str, Any]:
        return created(self.http.get("/v1/me"))

    @cached_property
    def tenant(self) -> Made:
        tenant_id = str(self.me["tenant_id"])
        return Made({"tenant_id": tenant_id}, get("/v1/me"))

    @cached_property
    def producer(self) -> Made:
        body = created(
            self.http.post("/v1/producers", json={"kind": "farm", "name": {"ja": "A農園"}})
        )
        return Made({"producer_id": body["id"]}, get(f"/v1/producers/{body['id']}"))

    @cached_property
    def product(self) -> Made:
        body = created(
            self.http.post(
                "/v1/products",
                json={
                    "producer_id": self.producer.ids["producer_id"],
                    "slug": f"garlic-{self.tag}",
                    "name": {"ja": "黒にんにく", "en": "Black garlic"},
                    "price_amount": 1980,
                    "currency": "JPY",
                },
            )
        )
        return Made({"product_id": body["id"]}, get(f"/v1/products/{body['id']}"))

    @cached_property
    def variant(self) -> Made:
        product_id = self.product.ids["product_id"]
        body = created(
            self.http.post(
                f"/v1/products/{product_id}/variants",
                json={"sku": f"A-{self.tag}", "price_amount": 500},
            )
        )
        return Made(
            {"product_id": product_id, "variant_id": body["id"]},
            get(f"/v1/products/{product_id}"),
        )

    @cached_property
    def category(self) -> Made:
        body = created(
            self.http.post(
                "/v1/categories", json={"slug": f"sweets-{self.tag}", "name": {"ja": "A菓子"}}
            )
        )
        return Made({"category_id": body["id"]}, get(f"/v1/categories/{body['id']}"))

    @cached_property
    def place(self) -> Made:
        body = created(
            self.http.post(
                "/v1/places",
                json={"slug": f"onsen-{self.tag}", "kind": "onsen", "name": {"ja": "A温泉"}},
            )
        )
        return Made({"place_id": body["id"]}, get(f"/v1/places/{body['id']}"))

    @cached_property
    def storefront(self) -> Made:
        body = created(
            self.http.post(
                "/v1/storefronts",
                json={
                    "kind": "generic",
                    "name": "A store",
                    "item_url_template": "https://store.example/items/{external_id}",
                },
            )
        )
        return Made({"storefront_id": body["id"]}, get(f"/v1/storefronts/{body['id']}"))

    @cached_property
    def media(self) -> Made:
        body = created(self.http.post("/v1/media", files={"file": ("a.png", png(), "image/png")}))
        return Made(
            {"media_id": body["id"], "rendition": "original"}, get(f"/v1/media/{body['id']}")
        )

    @cached_property
    def import_(self) -> Made:
        data = b"producer_code,producer_kind,producer_name_ja\nA1,farm,A\n"
        body = created(self.http.post("/v1/imports", files={"file": ("a.csv", data, "text/csv")}))
        wait_for(
            lambda: [
                i for i in [get(f"/v1/imports/{body['id']}")(self.http)] if i["status"] in DONE
            ],
            "A's import to finish",
        )
        return Made({"import_id": body["id"]}, get(f"/v1/imports/{body['id']}"))

    @cached_property
    def channel(self) -> Made:
        body = created(
            self.http.post(
                "/v1/channels",
                json={"platform": "sandbox", "name": "A sandbox", "approval_policy": "none"},
            )
        )
        return Made({"channel_id": body["id"]}, get(f"/v1/channels/{body['id']}"))

    @cached_property
    def post(self) -> Made:
        body = created(
            self.http.post(
                "/v1/posts",
                json={"text": "A's post", "channel_ids": [self.channel.ids["channel_id"]]},
            )
        )
        return Made({"post_id": body["id"]}, get(f"/v1/posts/{body['id']}"))

    @cached_property
    def delivery(self) -> Made:
        """A post published now to the sandbox channel: its delivery, once dispatched."""
        body = created(
            self.http.post(
                "/v1/posts",
                json={
                    "text": "A's delivered post",
                    "channel_ids": [self.channel.ids["channel_id"]],
                },
            )
        )
        post_id = body["id"]
        created(self.http.post(f"/v1/posts/{post_id}/submit"))
        if self.http.get(f"/v1/posts/{post_id}").json()["status"] != "approved":
            created(self.http.post(f"/v1/posts/{post_id}/approve"))
        at = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
        created(self.http.post(f"/v1/posts/{post_id}/schedule", json={"at": at}))
        delivery = wait_for(
            lambda: items(self.http.get("/v1/deliveries", params={"post_id": post_id})),
            "a delivery of A's scheduled post",
        )
        delivery_id = str(delivery[0]["id"])
        wait_for(
            lambda: [
                d for d in [get(f"/v1/deliveries/{delivery_id}")(self.http)] if d["state"] in DONE
            ],
            "A's delivery to be published",
        )
        return Made({"delivery_id": delivery_id}, get(f"/v1/deliveries/{delivery_id}"))

    @cached_property
    def published_product(self) -> str:
        body = created(
            self.http.post(
                "/v1/products",
                json={
                    "producer_id": self.producer.ids["producer_id"],
                    "slug": f"tofu-{self.tag}",
                    "name": {"ja": "湯どうふ"},
                    "price_amount": 1296,
                },
            )
        )
        created(self.http.post(f"/v1/products/{body['id']}/publish"))
        return str(body["id"])

    @cached_property
    def campaign(self) -> Made:
        request = {
            "name": "A campaign",
            "product_ids": [self.published_product],
            "channel_ids": [self.channel.ids["channel_id"]],
            "template": "{name}",
            "cadence": {"start_date": (date.today() + timedelta(days=7)).isoformat()},
        }
        # The publisher learns of the product from its published event, a moment later.
        response = wait_for(
            lambda: [
                r for r in [self.http.post("/v1/campaigns", json=request)] if r.status_code != 400
            ],
            "the publisher knowing A's published product",
        )[0]
        body = created(response)
        return Made({"campaign_id": body["id"]}, get(f"/v1/campaigns/{body['id']}"))

    @cached_property
    def slot(self) -> Made:
        body = created(
            self.http.post(
                "/v1/slots",
                json={"channel_id": self.channel.ids["channel_id"], "weekday": 2, "time": "09:30"},
            )
        )
        return Made({"slot_id": body["id"]}, in_list("/v1/slots", "id", body["id"]))

    @cached_property
    def link(self) -> Made:
        wait_for(  # the operator's store domain reaches analytics with the tenant's event
            lambda: self.http.get("/v1/settings/tracking").json()["allowed_store_domains"],
            "the tenant's store domain in analytics",
        )
        destination = f"https://{STORE_DOMAIN}/a"
        body = created(self.http.post("/v1/links", json={"destination": destination}))
        return Made({"link_id": body["id"]}, get(f"/v1/links/{body['id']}"))

    @cached_property
    def api_key(self) -> Made:
        body = created(self.http.post("/v1/api-keys", json={"name": "A key", "roles": ["analyst"]}))
        return Made({"key_id": body["id"]}, in_list("/v1/api-keys", "id", body["id"]))

    @cached_property
    def user(self) -> Made:
        body = created(
            self.http.post(
                "/v1/users",
                json={
                    "email": f"writer-{self.tag}@a.example",
                    "password": "a writer's passphrase",
                    "roles": ["writer"],
                },
            )
        )
        return Made({"user_id": body["id"]}, get(f"/v1/users/{body['id']}"))

    @cached_property
    def webhook_endpoint(self) -> Made:
        # `.example` never resolves: the URL passes the outbound guard and nothing is reached.
        hook = {"url": "https://partner.example/a", "event_types": ["post.approved"]}
        body = created(self.http.post("/v1/webhook-endpoints", json=hook))
        return Made({"endpoint_id": body["id"]}, get(f"/v1/webhook-endpoints/{body['id']}"))

    @cached_property
    def webhook_delivery(self) -> Made:
        """A product published after an endpoint wanted it: the delivery owed, then the
        endpoint disabled so nothing more is attempted."""
        hook = {"url": "https://partner.example/b", "event_types": ["product.published"]}
        endpoint_id = created(self.http.post("/v1/webhook-endpoints", json=hook))["id"]
        product = {
            "producer_id": self.producer.ids["producer_id"],
            "slug": f"lemongrass-{self.tag}",
            "name": {"ja": "レモングラス"},
            "price_amount": 540,
        }
        product_id = created(self.http.post("/v1/products", json=product))["id"]
        created(self.http.post(f"/v1/products/{product_id}/publish"))
        log = f"/v1/webhook-endpoints/{endpoint_id}/deliveries"
        delivery = wait_for(lambda: items(self.http.get(log)), "a webhook delivery of A's")[0]
        disabled = {"enabled": False}
        created(self.http.patch(f"/v1/webhook-endpoints/{endpoint_id}", json=disabled))

        def read(http: httpx.Client) -> Any:
            # What B could change; attempts of the moment before disabling may still land.
            row = in_list(log, "id", delivery["id"])(http)
            return {k: row[k] for k in ("id", "webhook_id", "event_type", "event_id", "status")}

        return Made({"endpoint_id": endpoint_id, "delivery_id": delivery["id"]}, read)

    @cached_property
    def conversation(self) -> Made:
        """A citizen's LINE message to A's account, signed with its channel secret and sent
        through the public door as LINE would: the conversation the worker threads from it."""
        secret = f"line-secret-{self.tag}"
        bot = f"U{uuid.uuid4().hex}"
        line = {
            "platform": "line",
            "name": "A LINE",
            "external_id": bot,
            "credentials": {"access_token": "a-line-token", "channel_secret": secret},
        }
        created(self.http.post("/v1/channels", json=line))
        slug = created(self.http.get(f"/v1/tenants/{self.me['tenant_id']}"))["slug"]
        event = platforms.line_event(f"U{uuid.uuid4().hex}", text="A citizen's question")
        raw, headers = platforms.line_signed(platforms.line_body(bot, event), secret)
        created(self.http.post(f"/webhooks/{slug}/line", content=raw, headers=headers))
        found = wait_for(
            lambda: items(self.http.get("/v1/conversations")), "A's conversation to be threaded"
        )
        conversation_id = str(found[0]["id"])
        return Made(
            {"conversation_id": conversation_id}, get(f"/v1/conversations/{conversation_id}")
        )

    @cached_property
    def conversation_message(self) -> Made:
        """The citizen's message in A's conversation: what B would hide or delete."""
        thread = self.conversation
        path = f"/v1/conversations/{thread.ids['conversation_id']}"
        message = created(self.http.get(path))["messages"][0]
        return Made({**thread.ids, "message_id": str(message["id"])}, get(path))

    @cached_property
    def inbox_rule(self) -> Made:
        rule = {"keyword": "garbage", "assignee": "a-staff-member"}
        body = created(self.http.post("/v1/settings/inbox/rules", json=rule))
        return Made({"rule_id": body["id"]}, in_list("/v1/settings/inbox/rules", "id", body["id"]))

    @cached_property
    def inbox_group(self) -> Made:
        team = {"name": f"A's tourism {self.tag}", "members": [self.me["user_id"]]}
        body = created(self.http.post("/v1/settings/inbox/groups", json=team))
        return Made({"group_id": body["id"]}, get(f"/v1/settings/inbox/groups/{body['id']}"))

    @cached_property
    def inbox_template(self) -> Made:
        saved = {"title": "A's hours", "bodies": {"ja": "9時から", "en": "From 9"}}
        body = created(self.http.post("/v1/settings/inbox/templates", json=saved))
        path = f"/v1/settings/inbox/templates/{body['id']}"
        return Made({"template_id": body["id"]}, get(path))


def items(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["items"]
    return rows


def wait_for(fetch: Callable[[], list[Any]], what: str, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = fetch()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"{what} not seen within {timeout}s")
