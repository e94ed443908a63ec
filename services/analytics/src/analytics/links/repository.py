"""Queries on links and the cross-tenant link directory."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import Link, LinkDirectory, Rollup
from kit.pagination import paginate


async def by_code(session: AsyncSession, code: str) -> Link | None:
    return (await session.execute(select(Link).where(Link.code == code))).scalar_one_or_none()


def _city_page_links(product_ids: list[uuid.UUID]) -> Select[Link]:
    """Links made for the public pages of `product_ids` (no post, no delivery), oldest first."""
    return (
        select(Link)
        .where(Link.product_id.in_(product_ids))
        .where(Link.post_id.is_(None), Link.delivery_id.is_(None))
        .where(Link.utm["utm_medium"].astext == "city_page")
        .order_by(Link.created_at)
    )


async def city_page_link(session: AsyncSession, product_id: uuid.UUID) -> Link | None:
    """The oldest link made for the public pages of `product_id`."""
    statement = _city_page_links([product_id]).limit(1)
    return (await session.scalars(statement)).first()


async def city_page_links(
    session: AsyncSession, product_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Link]:
    """The oldest public-pages link of each of `product_ids` that has one, in one query."""
    oldest: dict[uuid.UUID, Link] = {}
    for link in await session.scalars(_city_page_links(product_ids)):
        if link.product_id is not None:
            oldest.setdefault(link.product_id, link)
    return oldest


async def by_id(session: AsyncSession, link_id: uuid.UUID) -> Link | None:
    return await session.get(Link, link_id)


async def by_coupon(session: AsyncSession, coupon: str) -> Link | None:
    statement = select(Link).where(Link.coupon_code == coupon).order_by(Link.created_at.desc())
    return (await session.execute(statement.limit(1))).scalar_one_or_none()


async def code_owner(session: AsyncSession, code: str) -> uuid.UUID | None:
    """The tenant owning `code` in the directory, whoever asks."""
    statement = select(LinkDirectory.tenant_id).where(LinkDirectory.code == code)
    return (await session.execute(statement)).scalar_one_or_none()


async def put_directory(session: AsyncSession, values: dict[str, Any]) -> None:
    statement = insert(LinkDirectory).values(**values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[LinkDirectory.code],
            set_={k: statement.excluded[k] for k in values if k != "code"},
        )
    )


async def drop_directory(session: AsyncSession, code: str) -> None:
    await session.execute(delete(LinkDirectory).where(LinkDirectory.code == code))


async def every(session: AsyncSession) -> list[Link]:
    """The tenant's links (RLS scopes the query)."""
    return list((await session.execute(select(Link).order_by(Link.created_at))).scalars())


async def directory_entry(session: AsyncSession, code: str) -> LinkDirectory | None:
    return await session.get(LinkDirectory, code)


async def page(
    session: AsyncSession,
    cursor: str | None,
    limit: int,
    post_id: uuid.UUID | None,
    *,
    buy_links_only: bool = False,
    producer_ids: list[uuid.UUID] | None = None,
) -> tuple[list[Link], str | None]:
    statement = select(Link)
    if producer_ids is not None:  # a producer's own links only
        statement = statement.where(Link.producer_id.in_(producer_ids))
    if buy_links_only:
        # A delivery's link credits that post's clicks; the public pages use links made for them.
        now = datetime.now(UTC)
        statement = statement.where(
            Link.product_id.is_not(None),
            Link.delivery_id.is_(None),
            or_(Link.expires_at.is_(None), Link.expires_at > now),
        )
    if post_id is not None:
        statement = statement.where(Link.post_id == post_id)
    return await paginate(session, statement, Link, cursor=cursor, limit=limit)


async def clicks_of(session: AsyncSession, link_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Human clicks of each link so far, from the day rollups (a few seconds behind the clicks)."""
    if not link_ids:
        return {}
    statement = (
        select(Rollup.key, func.sum(Rollup.clicks))
        .where(Rollup.grain == "day", Rollup.dim == "link")
        .where(Rollup.key.in_([str(i) for i in link_ids]))
        .group_by(Rollup.key)
    )
    return {uuid.UUID(key): int(total) for key, total in await session.execute(statement)}
