"""Another town's credentials never reach a town's objects: for every tenant-scoped operation with
an object in its path, town B's admin gets 404 (not 403, which would confirm the object exists,
and not 2xx) and town A's object reads the same afterwards.

The operations come from the gateway's merged OpenAPI document: one with a path parameter that is
neither in `OPERATIONS` nor in `NOT_TENANT_OBJECTS` fails the suite, so a new endpoint cannot skip
this check.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.harness import Platform

from .world import STORE_DOMAIN, Made, World

HTTP_METHODS = ("get", "put", "post", "patch", "delete")
LATER = (datetime.now(UTC) + timedelta(days=30)).isoformat()


@dataclass(frozen=True)
class Call:
    """Which of town A's objects an operation names, and the valid body town B sends."""

    factory: str
    body: dict[str, Any] | None = None
    # Operator-only operations refuse every town admin with 403 before looking at the id, so
    # the answer says nothing about A's object; the test checks a made-up id gets the same.
    status: int = 404


OPERATOR_ONLY = 403


# Every operation whose path names a tenant's object: `World.<factory>` makes the object as A.
OPERATIONS: dict[tuple[str, str], Call] = {
    ("GET", "/v1/tenants/{tenant_id}"): Call("tenant"),
    ("PATCH", "/v1/tenants/{tenant_id}"): Call(
        "tenant", {"name": {"en": "Taken over"}}, status=OPERATOR_ONLY
    ),
    ("POST", "/v1/tenants/{tenant_id}/suspend"): Call("tenant", status=OPERATOR_ONLY),
    ("POST", "/v1/tenants/{tenant_id}/reactivate"): Call("tenant", status=OPERATOR_ONLY),
    ("GET", "/v1/tenants/{tenant_id}/usage"): Call("tenant"),
    ("GET", "/v1/tenants/{tenant_id}/playbook"): Call("tenant", status=OPERATOR_ONLY),
    ("GET", "/v1/tenants/{tenant_id}/export"): Call("tenant", status=OPERATOR_ONLY),
    ("DELETE", "/v1/api-keys/{key_id}"): Call("api_key"),
    ("GET", "/v1/users/{user_id}"): Call("user"),
    ("PATCH", "/v1/users/{user_id}"): Call("user", {"roles": ["admin"], "name": "B's now"}),
    ("POST", "/v1/users/{user_id}/deactivate"): Call("user"),
    ("POST", "/v1/users/{user_id}/reactivate"): Call("user"),
    ("DELETE", "/v1/users/{user_id}"): Call("user"),
    ("DELETE", "/v1/users/{user_id}/mfa/totp"): Call("user"),
    ("GET", "/v1/webhook-endpoints/{endpoint_id}"): Call("webhook_endpoint"),
    ("PATCH", "/v1/webhook-endpoints/{endpoint_id}"): Call(
        "webhook_endpoint", {"description": "B's now", "enabled": False}
    ),
    ("DELETE", "/v1/webhook-endpoints/{endpoint_id}"): Call("webhook_endpoint"),
    ("POST", "/v1/webhook-endpoints/{endpoint_id}/rotate-secret"): Call("webhook_endpoint"),
    ("GET", "/v1/webhook-endpoints/{endpoint_id}/deliveries"): Call("webhook_endpoint"),
    ("POST", "/v1/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/redeliver"): Call(
        "webhook_delivery"
    ),
    ("GET", "/v1/producers/{producer_id}"): Call("producer"),
    ("PATCH", "/v1/producers/{producer_id}"): Call("producer", {"name": {"ja": "B農園"}}),
    ("GET", "/v1/products/{product_id}"): Call("product"),
    ("PATCH", "/v1/products/{product_id}"): Call("product", {"price_amount": 1}),
    ("POST", "/v1/products/{product_id}/publish"): Call("product"),
    ("POST", "/v1/products/{product_id}/archive"): Call("product"),
    ("POST", "/v1/products/{product_id}/variants"): Call(
        "product", {"sku": "B-1", "price_amount": 1}
    ),
    ("GET", "/v1/products/{product_id}/variants/{variant_id}"): Call("variant"),
    ("PATCH", "/v1/products/{product_id}/variants/{variant_id}"): Call(
        "variant", {"price_amount": 1}
    ),
    ("GET", "/v1/categories/{category_id}"): Call("category"),
    ("PATCH", "/v1/categories/{category_id}"): Call("category", {"name": {"ja": "B菓子"}}),
    ("GET", "/v1/places/{place_id}"): Call("place"),
    ("PATCH", "/v1/places/{place_id}"): Call("place", {"name": {"ja": "B温泉"}}),
    ("POST", "/v1/places/{place_id}/publish"): Call("place"),
    ("POST", "/v1/places/{place_id}/archive"): Call("place"),
    ("GET", "/v1/storefronts/{storefront_id}"): Call("storefront"),
    ("POST", "/v1/storefronts/{storefront_id}/sync"): Call("storefront"),
    ("GET", "/v1/imports/{import_id}"): Call("import_"),
    ("GET", "/v1/media/{media_id}"): Call("media"),
    ("PATCH", "/v1/media/{media_id}"): Call("media", {"alt": {"ja": "Bの写真"}}),
    ("GET", "/v1/channels/{channel_id}"): Call("channel"),
    ("PATCH", "/v1/channels/{channel_id}"): Call("channel", {"name": "B's now"}),
    ("GET", "/v1/channels/{channel_id}/feed"): Call("channel"),
    ("GET", "/v1/channels/{channel_id}/slot-suggestions"): Call("channel"),
    ("POST", "/v1/channels/{channel_id}/slot-suggestions/accept"): Call("channel"),
    ("GET", "/v1/posts/{post_id}"): Call("post"),
    ("PATCH", "/v1/posts/{post_id}"): Call("post", {"text": "B wrote this"}),
    ("GET", "/v1/posts/{post_id}/transitions"): Call("post"),
    ("POST", "/v1/posts/{post_id}/submit"): Call("post"),
    ("POST", "/v1/posts/{post_id}/approve"): Call("post"),
    ("POST", "/v1/posts/{post_id}/reject"): Call("post", {"comment": "no"}),
    ("POST", "/v1/posts/{post_id}/schedule"): Call("post", {"at": LATER}),
    ("POST", "/v1/posts/{post_id}/cancel"): Call("post"),
    ("GET", "/v1/deliveries/{delivery_id}"): Call("delivery"),
    ("GET", "/v1/deliveries/{delivery_id}/attempts"): Call("delivery"),
    ("POST", "/v1/deliveries/{delivery_id}/retry"): Call("delivery"),
    ("GET", "/v1/campaigns/{campaign_id}"): Call("campaign"),
    ("GET", "/v1/campaigns/{campaign_id}/posts"): Call("campaign"),
    ("POST", "/v1/campaigns/{campaign_id}/submit"): Call("campaign"),
    ("POST", "/v1/campaigns/{campaign_id}/approve"): Call("campaign"),
    ("PATCH", "/v1/campaigns/{campaign_id}"): Call("campaign", {"name": "B renamed it"}),
    ("POST", "/v1/campaigns/{campaign_id}/pause"): Call("campaign"),
    ("POST", "/v1/campaigns/{campaign_id}/resume"): Call("campaign"),
    ("POST", "/v1/campaigns/{campaign_id}/cancel"): Call("campaign"),
    ("DELETE", "/v1/slots/{slot_id}"): Call("slot"),
    ("GET", "/v1/links/{link_id}"): Call("link"),
    ("PATCH", "/v1/links/{link_id}"): Call("link", {"destination": "https://store.example/b"}),
    ("GET", "/v1/reports/producers/{producer_id}"): Call("producer"),
    ("GET", "/v1/conversations/{conversation_id}"): Call("conversation"),
    ("PATCH", "/v1/conversations/{conversation_id}"): Call(
        "conversation", {"status": "closed", "assignee": "b-user", "tags": ["b"]}
    ),
    ("POST", "/v1/conversations/{conversation_id}/notes"): Call(
        "conversation", {"text": "B was here"}
    ),
    ("DELETE", "/v1/settings/inbox/rules/{rule_id}"): Call("inbox_rule"),
    ("GET", "/v1/settings/inbox/groups/{group_id}"): Call("inbox_group"),
    ("PATCH", "/v1/settings/inbox/groups/{group_id}"): Call(
        "inbox_group", {"name": "B's now", "members": []}
    ),
    ("DELETE", "/v1/settings/inbox/groups/{group_id}"): Call("inbox_group"),
    ("GET", "/v1/settings/inbox/templates/{template_id}"): Call("inbox_template"),
    ("PATCH", "/v1/settings/inbox/templates/{template_id}"): Call(
        "inbox_template", {"title": "B's now", "bodies": {"en": "B"}}
    ),
    ("DELETE", "/v1/settings/inbox/templates/{template_id}"): Call("inbox_template"),
    ("POST", "/v1/conversations/{conversation_id}/replies"): Call(
        "conversation", {"text": "B answers", "confirm_push": True}
    ),
    # A message of A's conversation named as the reply to review: B never reaches A's thread.
    ("POST", "/v1/conversations/{conversation_id}/replies/{message_id}/approve"): Call(
        "conversation_message"
    ),
    ("POST", "/v1/conversations/{conversation_id}/replies/{message_id}/reject"): Call(
        "conversation_message", {"reason": "B says no"}
    ),
    ("POST", "/v1/conversations/{conversation_id}/messages/{message_id}/hide"): Call(
        "conversation_message"
    ),
    ("POST", "/v1/conversations/{conversation_id}/messages/{message_id}/unhide"): Call(
        "conversation_message"
    ),
    ("DELETE", "/v1/conversations/{conversation_id}/messages/{message_id}"): Call(
        "conversation_message"
    ),
}

# Paths with parameters that name no tenant's object, and why.
NOT_TENANT_OBJECTS: dict[str, str] = {
    # Plans are the operator's platform-wide price list; no town owns one.
    "/v1/plans/{name}": "platform-wide",
    # The invitation token is the capability itself (a new user has no tenant credentials yet).
    "/v1/invitations/{token}/accept": "capability token",
    # Public store pages and the town's home redirect: meant to be read by anyone.
    "/public/{town}": "public by design",
    "/public/{town}/store": "public by design",
    "/public/{town}/products/{slug}": "public by design",
    "/{town}": "public by design",
    # Rendition bytes are public capability URLs (random UUIDs) that social platforms fetch
    # without credentials (catalog.media.api); the metadata at /v1/media/{media_id} is checked.
    "/v1/media/{media_id}/{rendition}": "public by design",
    # A notice is one person's, found by the caller's user id: anyone else's, whatever their
    # town, is 404 (gateway/tests/test_notifications.py); no API call makes one, events do.
    "/v1/notifications/{notification_id}/read": "the person's own",
    # Tracked redirects: the short code is shared in public posts.
    "/r/{code}": "public by design",
    # Store webhooks are authenticated by the store's signature for `{town}`, not by a login.
    "/webhooks/{town}/shopify": "signed by the store",
    "/webhooks/{town}/woocommerce": "signed by the store",
    "/webhooks/{town}/postback": "signed by the store",
    # The inbox's platform webhooks: signed by Meta or LINE for `{town}` (Meta's GET is its
    # handshake, answered only for the town's verify token).
    "/webhooks/{town}/meta": "signed by the platform",
    "/webhooks/{town}/line": "signed by the platform",
    # `{platform}` is a social platform's name; the connection is the caller's own tenant's.
    "/v1/channels/oauth/{platform}/start": "platform name",
    "/v1/channels/oauth/{platform}/callback": "platform name",
    "/v1/channels/oauth/{platform}/select": "platform name",
    # `{store}` is a store kind; the secret set is the caller's own tenant's.
    "/v1/settings/webhooks/{store}": "store kind",
}


def parametrized_operations(document: dict[str, Any]) -> set[tuple[str, str]]:
    """(METHOD, path) of every operation whose path has a parameter."""
    return {
        (method.upper(), path)
        for path, item in document["paths"].items()
        if "{" in path
        for method in item
        if method in HTTP_METHODS
    }


@pytest.fixture(scope="module")
def document(platform: Platform) -> dict[str, Any]:
    return platform.openapi()


@pytest.fixture(scope="module")
def town_a(platform: Platform) -> World:
    return World(platform.tenant_admin(f"a-{uuid.uuid4().hex[:6]}", [STORE_DOMAIN]))


@pytest.fixture(scope="module")
def town_b(platform: Platform) -> dict[str, httpx.Client]:
    """Town B's admin, once with a login token and once with an admin API key."""
    token = platform.tenant_admin(f"b-{uuid.uuid4().hex[:6]}")
    key = token.post("/v1/api-keys", json={"name": "b", "roles": ["admin"]})
    assert key.status_code == 201, key.text
    with_key = httpx.Client(base_url=platform.url, timeout=30)
    with_key.headers["X-API-Key"] = key.json()["key"]
    return {"token": token, "api-key": with_key}


@pytest.mark.isolation
def test_every_parametrized_operation_is_checked_or_explained(document: dict[str, Any]) -> None:
    in_document = parametrized_operations(document)
    explained = {(m, p) for m, p in in_document if p in NOT_TENANT_OBJECTS}

    unchecked = sorted(in_document - explained - set(OPERATIONS))
    stale = sorted(set(OPERATIONS) - in_document)

    assert not unchecked, (
        f"add a factory to OPERATIONS (or a reason to NOT_TENANT_OBJECTS): {unchecked}"
    )
    assert not stale, f"OPERATIONS names operations the document no longer has: {stale}"


def made_up(ids: dict[str, str]) -> dict[str, str]:
    """The same path parameters with every id replaced by one nobody has."""
    return {k: str(uuid.uuid4()) if k.endswith("_id") else v for k, v in ids.items()}


def send(http: httpx.Client, method: str, path: str, ids: dict[str, str], call: Call) -> Any:
    return http.request(method, path.format(**ids), json=call.body)


@pytest.mark.isolation
@pytest.mark.parametrize("credentials", ["token", "api-key"])
@pytest.mark.parametrize(("method", "path"), sorted(OPERATIONS), ids=lambda v: str(v))
def test_another_towns_admin_gets_404_and_changes_nothing(
    town_a: World, town_b: dict[str, httpx.Client], method: str, path: str, credentials: str
) -> None:
    call = OPERATIONS[(method, path)]
    made: Made = getattr(town_a, call.factory)
    before = made.read(town_a.http)

    response = send(town_b[credentials], method, path, made.ids, call)
    nobodys = send(town_b[credentials], method, path, made_up(made.ids), call)

    assert response.status_code == call.status, f"{response.status_code}: {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json")
    assert nobodys.status_code == response.status_code
    assert made.read(town_a.http) == before


# Town B's audit log records B's own requests, with the ids B itself put in their paths (its 404s
# on A's objects above); it is checked by whose records it holds instead.
OWN_REQUEST_LOGS = ("/v1/audit", "/v1/audit.csv")


@pytest.mark.isolation
def test_another_towns_lists_show_none_of_its_objects(
    document: dict[str, Any], town_a: World, town_b: dict[str, httpx.Client]
) -> None:
    ids = {
        v for f in {c.factory for c in OPERATIONS.values()} for v in getattr(town_a, f).ids.values()
    }
    ids -= {"original"}
    lists = sorted(
        path
        for path, item in document["paths"].items()
        if path.startswith("/v1/") and "{" not in path and "get" in item
    )

    leaks = {}
    for path in lists:
        if path in OWN_REQUEST_LOGS:
            continue
        response = town_b["token"].get(path)
        found = [i for i in ids if i in response.text]
        if found:
            leaks[path] = found
    town_b_id = town_b["token"].get("/v1/me").json()["tenant_id"]
    audit = town_b["token"].get("/v1/audit", params={"limit": 200}).json()["items"]

    assert len(lists) > 20
    assert not leaks, f"town B sees town A's objects: {leaks}"
    assert audit
    assert {r["tenant_id"] for r in audit} == {town_b_id}
