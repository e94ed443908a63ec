"""Anonymous callers (the gateway's city page): published posts with permalinks, nothing else."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import pytest

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal
from publisher.models import Delivery, Post

from .helpers import channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
PERMALINK = "https://www.facebook.com/takeo.city/posts/1"


def visitor(tenant: uuid.UUID) -> InternalPrincipal:
    return InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=tenant)


async def published_post(runtime: ServiceRuntime, tenant: uuid.UUID) -> uuid.UUID:
    """A post out on one channel (as the dispatcher leaves it), reviewed by an editor."""
    now = datetime.now(UTC)
    async with runtime.db.transaction(tenant) as session:
        done = Post(
            text="Onsen tofu day",
            status="published",
            created_by="user:writer-7",
            review_comment="nice photo",
            channel_ids=[],
        )
        session.add(done)
        await session.flush()
        session.add(
            Delivery(
                post_id=done.id,
                channel_id=uuid.uuid4(),
                platform="facebook",
                state="published",
                due_at=now,
                permalink=PERMALINK,
                published_at=now,
            )
        )
        return done.id


@pytest.fixture
async def drafted(as_user: Client, tenant: uuid.UUID) -> dict:
    admin = as_user(principal(tenant))
    sandbox = await channel(admin)
    return await post(admin, [sandbox["id"]], "Not yet")


async def test_visitor_lists_only_published_posts_with_permalinks(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID, drafted: dict
) -> None:
    done = await published_post(runtime, tenant)
    public = as_user(visitor(tenant))
    response = await public.get("/v1/posts")
    assert response.status_code == 200, response.text
    [shown] = response.json()["items"]
    assert shown["id"] == str(done)
    assert shown["permalinks"] == [PERMALINK]
    assert (shown["created_by"], shown["review_comment"]) == (None, None)
    assert (await public.get("/v1/posts", params={"status": "draft"})).json()["items"] == []
    staff = (await as_user(principal(tenant)).get("/v1/posts")).json()["items"]
    assert {p["status"] for p in staff} == {"draft", "published"}


async def test_visitor_reads_a_published_post_and_not_a_draft(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID, drafted: dict
) -> None:
    done = await published_post(runtime, tenant)
    public = as_user(visitor(tenant))
    shown = await public.get(f"/v1/posts/{done}")
    assert shown.status_code == 200
    assert shown.json()["permalinks"] == [PERMALINK]
    assert (await public.get(f"/v1/posts/{drafted['id']}")).status_code == 404
    assert (await public.get(f"/v1/posts/{done}/transitions")).status_code == 403


@pytest.mark.parametrize("path", ["/v1/posts/settings"])
async def test_visitor_cannot_read_post_settings(
    as_user: Client, tenant: uuid.UUID, path: str
) -> None:
    assert (await as_user(visitor(tenant)).get(path)).status_code == 403


async def test_visitor_cannot_write_posts(
    as_user: Client, tenant: uuid.UUID, drafted: dict
) -> None:
    public = as_user(visitor(tenant))
    attempts = [
        ("POST", "/v1/posts", {"text": "spam", "channel_ids": []}),
        ("PATCH", f"/v1/posts/{drafted['id']}", {"text": "defaced"}),
        ("POST", f"/v1/posts/{drafted['id']}/submit", None),
        ("POST", f"/v1/posts/{drafted['id']}/cancel", None),
    ]
    for method, path, body in attempts:
        response = await public.request(method, path, json=body)
        assert response.status_code == 403, (method, path, response.text)
    kept = (await as_user(principal(tenant)).get(f"/v1/posts/{drafted['id']}")).json()
    assert (kept["text"], kept["status"]) == ("Not yet", "draft")
