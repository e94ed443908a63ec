"""Every post, transition and delivery query of the API side. No commits here."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.publisher import ScheduledDelivery
from kit.pagination import paginate, paginate_in_order
from publisher.models import Delivery, Post, PostTransition

PUBLIC_STATUSES = ("published", "partly_published")  # out on at least one channel


async def list_posts(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    product_id: uuid.UUID | None = None,
    status: str | None = None,
    campaign_id: uuid.UUID | None = None,
    updated_since: datetime | None = None,
    public_only: bool = False,
) -> tuple[list[Post], str | None]:
    statement = select(Post)
    if updated_since is not None:
        statement = statement.where(Post.updated_at >= updated_since)
    if public_only:
        statement = statement.where(Post.status.in_(PUBLIC_STATUSES))
    if product_id is not None:
        statement = statement.where(Post.product_id == product_id)
    if status is not None:
        statement = statement.where(Post.status == status)
    if campaign_id is not None:
        statement = statement.where(Post.campaign_id == campaign_id)
    return await paginate(session, statement, Post, cursor=cursor, limit=limit)


async def permalinks_of(
    session: AsyncSession, post_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """The platforms' URLs of each post's published deliveries."""
    found: dict[uuid.UUID, list[str]] = {post_id: [] for post_id in post_ids}
    if not post_ids:
        return found
    rows = await session.execute(
        select(Delivery.post_id, Delivery.permalink)
        .where(
            Delivery.post_id.in_(post_ids),
            Delivery.state == "published",
            Delivery.permalink.is_not(None),
        )
        .order_by(Delivery.published_at, Delivery.id)
    )
    for post_id, permalink in rows:
        if permalink:
            found[post_id].append(permalink)
    return found


async def get(session: AsyncSession, post_id: uuid.UUID, *, lock: bool = False) -> Post | None:
    statement = select(Post).where(Post.id == post_id)
    if lock:  # re-read after waiting for the lock: the change is decided on the current row
        statement = statement.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(statement)).scalar_one_or_none()


async def lock_many(session: AsyncSession, post_ids: list[uuid.UUID]) -> list[Post]:
    """Posts of any tenant locked in id order (two workers never deadlock on them)."""
    statement = (
        select(Post)
        .where(Post.id.in_(post_ids))
        .order_by(Post.id)
        .with_for_update()
        .execution_options(all_tenants=True)
    )
    return list((await session.execute(statement)).scalars())


async def delivery_states(
    session: AsyncSession, post_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """The states of each post's deliveries, any tenant."""
    statement = (
        select(Delivery.post_id, Delivery.state)
        .where(Delivery.post_id.in_(post_ids))
        .execution_options(all_tenants=True)
    )
    found: dict[uuid.UUID, list[str]] = {}
    for post_id, state in await session.execute(statement):
        found.setdefault(post_id, []).append(state)
    return found


async def scheduled_since(session: AsyncSession, since: datetime) -> int:
    """Posts of the tenant scheduled since `since` (their first move to `scheduled`; an
    editor moving a scheduled post does not count it again)."""
    statement = select(func.count(func.distinct(PostTransition.post_id))).where(
        PostTransition.to_status == "scheduled",
        PostTransition.from_status != "scheduled",
        PostTransition.at >= since,
    )
    return int((await session.execute(statement)).scalar_one())


async def of_campaign(session: AsyncSession, campaign_id: uuid.UUID) -> list[Post]:
    rows = await session.execute(
        select(Post).where(Post.campaign_id == campaign_id).order_by(Post.planned_at, Post.id)
    )
    return list(rows.scalars())


async def campaign_page(
    session: AsyncSession, campaign_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[Post], str | None]:
    """The campaign's posts in planned order (a campaign plans every one of them)."""
    statement = select(Post).where(Post.campaign_id == campaign_id)
    order = (Post.planned_at,)
    return await paginate_in_order(session, statement, Post, order, cursor=cursor, limit=limit)


async def transitions(
    session: AsyncSession, post_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[PostTransition], str | None]:
    """The post's moves through its workflow, oldest first."""
    statement = select(PostTransition).where(PostTransition.post_id == post_id)
    order = (PostTransition.at,)
    return await paginate_in_order(
        session, statement, PostTransition, order, cursor=cursor, limit=limit
    )


async def deliveries_of(session: AsyncSession, post_id: uuid.UUID) -> list[Delivery]:
    rows = await session.execute(select(Delivery).where(Delivery.post_id == post_id))
    return list(rows.scalars())


async def due_on_channel(session: AsyncSession, channel_id: uuid.UUID) -> set[datetime]:
    """Due times already taken on a channel (for the next free slot)."""
    rows = await session.execute(
        select(Delivery.due_at).where(
            Delivery.channel_id == channel_id, Delivery.state != "cancelled"
        )
    )
    return set(rows.scalars())


async def cancel_pending(session: AsyncSession, post_id: uuid.UUID) -> None:
    await session.execute(
        update(Delivery)
        .where(Delivery.post_id == post_id, Delivery.state == "scheduled")
        .values(state="cancelled")
    )


async def move_pending(
    session: AsyncSession, post_id: uuid.UUID, times: dict[str, datetime]
) -> list[ScheduledDelivery]:
    """Give the post's deliveries still waiting (`scheduled`) the due time of their channel; a
    delivery the dispatcher has taken meanwhile keeps its course. The deliveries moved."""
    moved: list[ScheduledDelivery] = []
    for channel_id, due_at in times.items():
        rows = await session.execute(
            update(Delivery)
            .where(
                Delivery.post_id == post_id,
                Delivery.channel_id == uuid.UUID(channel_id),
                Delivery.state == "scheduled",
            )
            .values(due_at=due_at)
            .returning(Delivery.id, Delivery.channel_id, Delivery.platform, Delivery.link_code)
            .execution_options(synchronize_session=False)
        )
        moved += [
            ScheduledDelivery(
                delivery_id=row.id,
                channel_id=row.channel_id,
                platform=row.platform,
                due_at=due_at,
                link_code=row.link_code,
            )
            for row in rows
        ]
    return moved
