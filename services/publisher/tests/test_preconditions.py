"""Optimistic concurrency on posts: ETags on reads and edits, If-Match, a 412 that changes
nothing (kit.preconditions)."""

import asyncio
import uuid
from collections.abc import Callable

import httpx
from sqlalchemy import text

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def _draft(as_user: Client, tenant: uuid.UUID) -> tuple[httpx.AsyncClient, str]:
    """A writer of `tenant` and the path of a draft of theirs."""
    writer = as_user(principal(tenant, ("writer",)))
    town = await channel(as_user(principal(tenant)))
    draft = await post(writer, [town["id"]], "朝市は土曜日")
    return writer, f"/v1/posts/{draft['id']}"


async def _stored(runtime: ServiceRuntime, tenant: uuid.UUID, path: str) -> tuple:
    """The post's row as stored, and how many events the tenant has in the outbox."""
    post_id = path.rsplit("/", 1)[-1]
    async with runtime.jobs_db.transaction() as session:
        row = (
            await session.execute(
                text("SELECT text, editors, updated_at FROM posts WHERE id = :p"), {"p": post_id}
            )
        ).one()
        events = (
            await session.execute(
                text("SELECT count(*) FROM outbox WHERE tenant_id = :t"), {"t": tenant}
            )
        ).scalar_one()
    return tuple(row), events


async def test_get_and_patch_answer_the_posts_version_as_etag(
    as_user: Client, tenant: uuid.UUID
) -> None:
    writer, path = await _draft(as_user, tenant)
    read = await writer.get(path)
    changed = await writer.patch(
        path, json={"text": "朝市は日曜日"}, headers={"If-Match": read.headers["etag"]}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["text"] == "朝市は日曜日"
    assert changed.headers["etag"] != read.headers["etag"]
    assert (await writer.get(path)).headers["etag"] == changed.headers["etag"]


async def test_a_stale_if_match_is_412_and_changes_neither_the_post_nor_the_outbox(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    writer, path = await _draft(as_user, tenant)
    seen = (await writer.get(path)).headers["etag"]
    assert (await writer.patch(path, json={"text": "第一稿"})).status_code == 200
    before = await _stored(runtime, tenant, path)

    stale = await writer.patch(path, json={"text": "第二稿"}, headers={"If-Match": seen})

    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["type"].endswith("precondition-failed")
    assert stale.json()["etag"] == (await writer.get(path)).headers["etag"]
    assert await _stored(runtime, tenant, path) == before
    assert (await writer.get(path)).json()["text"] == "第一稿"


async def test_without_if_match_each_edit_applies_as_before(
    as_user: Client, tenant: uuid.UUID
) -> None:
    writer, path = await _draft(as_user, tenant)
    assert (await writer.patch(path, json={"text": "第一稿"})).status_code == 200
    changed = await writer.patch(path, json={"text": "第二稿"})
    assert changed.status_code == 200
    assert changed.json()["text"] == "第二稿"


async def test_of_two_concurrent_edits_with_one_etag_exactly_one_wins(
    as_user: Client, tenant: uuid.UUID
) -> None:
    writer, path = await _draft(as_user, tenant)
    seen = (await writer.get(path)).headers["etag"]

    answers = await asyncio.gather(
        *(
            writer.patch(path, json={"text": f"版 {n}"}, headers={"If-Match": seen})
            for n in range(3)
        )
    )

    assert sorted(a.status_code for a in answers) == [200, 412, 412]
    [winner] = [a for a in answers if a.status_code == 200]
    assert (await writer.get(path)).json()["text"] == winner.json()["text"]


async def test_a_post_that_cannot_be_edited_says_so_before_any_precondition(
    as_user: Client, tenant: uuid.UUID
) -> None:
    _, path = await _draft(as_user, tenant)
    other = as_user(principal(tenant, ("writer",)))
    refused = await other.patch(path, json={"text": "横取り"}, headers={"If-Match": '"stale"'})
    assert refused.status_code == 403
