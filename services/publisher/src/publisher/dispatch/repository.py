"""Every dispatcher query: claims across tenants (SKIP LOCKED), delivery state, attempts, rate
buckets, and the wake-up of the dispatch job (`CHANNEL`, `kit.wakeups`). No commits here."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.ext.asyncio import AsyncSession

from kit import wakeups
from kit.pagination import paginate, paginate_in_order
from publisher.models import Channel, Delivery, DeliveryAttempt, Post, Product, RateBucket

# No session sync: the claim runs across tenants, and the sync query would not carry the option.
ALL_TENANTS = {"all_tenants": True, "synchronize_session": False}
CHANNEL = "publisher_dispatch"  # NOTIFYed by commits that make a delivery claimable, now or later


async def wake_dispatcher(session: AsyncSession) -> None:
    """Wake the dispatch job when this transaction commits: it scheduled a delivery, moved its
    due time, or made one sendable again (its link made, its channel reconnected, a retry)."""
    await wakeups.notify(session, CHANNEL)


async def claim_due(
    session: AsyncSession,
    *,
    now: datetime,
    limit: int,
    worker: str,
    lease: timedelta,
    skip_channels: set[uuid.UUID] | frozenset[uuid.UUID] = frozenset(),
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Take up to `limit` due deliveries of any tenant whose link exists and channel is active,
    none of `skip_channels`; a delivery whose claimant died before its commit phase is due
    again after its lease."""
    due = (
        select(Delivery.id)
        .join(Channel, Channel.id == Delivery.channel_id)
        .where(
            or_(
                Delivery.state == "scheduled",
                and_(Delivery.state == "publishing", Delivery.lease_until < now),
            ),
            Delivery.link_ready.is_(True),
            Delivery.due_at <= now,
            or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now),
            Channel.status == "active",
        )
        .order_by(Delivery.due_at)
        .limit(limit)
        .with_for_update(of=Delivery, skip_locked=True)
        .execution_options(**ALL_TENANTS)
    )
    if skip_channels:
        due = due.where(Delivery.channel_id.not_in(skip_channels))
    result = await session.execute(
        update(Delivery)
        .where(Delivery.id.in_(due.scalar_subquery()))
        .values(
            state="publishing",
            claimed_by=worker,
            lease_until=now + lease,
            attempts=Delivery.attempts + 1,
        )
        .returning(Delivery.id, Delivery.tenant_id)
        .execution_options(**ALL_TENANTS)
    )
    return [(row[0], row[1]) for row in result.all()]


async def next_due(session: AsyncSession) -> datetime | None:
    """When the earliest delivery `claim_due` does not take yet comes due (any tenant): its due
    time or its retry's, or the lease of one whose claimant may have died; None when none waits.
    A delivery whose link or channel is not ready waits for the commit that readies it."""
    waiting = (
        select(func.min(func.greatest(Delivery.due_at, Delivery.next_attempt_at)))
        .join(Channel, Channel.id == Delivery.channel_id)
        .where(
            Delivery.state == "scheduled",
            Delivery.link_ready.is_(True),
            Channel.status == "active",
        )
        .execution_options(**ALL_TENANTS)
        .scalar_subquery()
    )
    leased = (
        select(func.min(Delivery.lease_until))
        .where(Delivery.state == "publishing")
        .execution_options(**ALL_TENANTS)
        .scalar_subquery()
    )
    # LEAST and GREATEST skip NULLs in PostgreSQL.
    statement = select(func.least(waiting, leased)).execution_options(**ALL_TENANTS)
    return cast(datetime | None, (await session.execute(statement)).scalar_one())


async def claim_unsettled(
    session: AsyncSession, *, now: datetime, limit: int, lease: timedelta
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Deliveries whose commit outcome is unknown: `unconfirmed`, or `committing` whose worker
    died (lease over)."""
    stuck = (
        select(Delivery.id)
        .where(
            or_(Delivery.state == "unconfirmed", Delivery.state == "committing"),
            or_(Delivery.lease_until.is_(None), Delivery.lease_until < now),
        )
        .order_by(Delivery.due_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(**ALL_TENANTS)
    )
    result = await session.execute(
        update(Delivery)
        .where(Delivery.id.in_(stuck.scalar_subquery()))
        .values(state="unconfirmed", lease_until=now + lease)
        .returning(Delivery.id, Delivery.tenant_id)
        .execution_options(**ALL_TENANTS)
    )
    return [(row[0], row[1]) for row in result.all()]


async def count_late(session: AsyncSession, *, before: datetime) -> int:
    """Due deliveries nobody has picked up since `before` (all tenants)."""
    statement = (
        select(func.count())
        .select_from(Delivery)
        .where(Delivery.state == "scheduled", Delivery.due_at < before)
        .execution_options(**ALL_TENANTS)
    )
    return int((await session.execute(statement)).scalar_one())


async def get(
    session: AsyncSession, delivery_id: uuid.UUID, *, lock: bool = False
) -> Delivery | None:
    if not lock:
        return await session.get(Delivery, delivery_id)
    statement = select(Delivery).where(Delivery.id == delivery_id).with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def by_link_code(session: AsyncSession, code: str) -> Delivery | None:
    statement = select(Delivery).where(Delivery.link_code == code)
    return (await session.execute(statement)).scalar_one_or_none()


async def list_page(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    state: str | None,
    post_id: uuid.UUID | None,
    channel_id: uuid.UUID | None,
    late_before: datetime | None,
    campaign_id: uuid.UUID | None = None,
    due: tuple[datetime | None, datetime | None] = (None, None),
) -> tuple[list[Delivery], str | None]:
    statement = select(Delivery)
    if due[0] is not None:
        statement = statement.where(Delivery.due_at >= due[0])
    if due[1] is not None:
        statement = statement.where(Delivery.due_at < due[1])
    if campaign_id is not None:
        statement = statement.where(Delivery.campaign_id == campaign_id)
    if late_before is not None:
        statement = statement.where(Delivery.state == "scheduled", Delivery.due_at < late_before)
    elif state is not None:
        statement = statement.where(Delivery.state == state)
    if post_id is not None:
        statement = statement.where(Delivery.post_id == post_id)
    if channel_id is not None:
        statement = statement.where(Delivery.channel_id == channel_id)
    return await paginate(session, statement, Delivery, cursor=cursor, limit=limit)


async def attempts_of(
    session: AsyncSession, delivery_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[DeliveryAttempt], str | None]:
    """The delivery's platform calls, oldest first."""
    statement = select(DeliveryAttempt).where(DeliveryAttempt.delivery_id == delivery_id)
    order = (DeliveryAttempt.at,)
    return await paginate_in_order(
        session, statement, DeliveryAttempt, order, cursor=cursor, limit=limit
    )


async def blocks_of(session: AsyncSession, keys: list[str], now: datetime) -> dict[str, datetime]:
    """The blocks still in force among `keys`."""
    if not keys:
        return {}
    statement = select(RateBucket.key, RateBucket.blocked_until).where(
        RateBucket.key.in_(keys), RateBucket.blocked_until > now
    )
    rows = (await session.execute(statement)).all()
    return {key: until for key, until in rows if until is not None}


async def record_bucket(
    session: AsyncSession, key: str, *, until: datetime | None, usage: dict[str, Any], now: datetime
) -> None:
    """Upsert a bucket; a block only ever moves later."""
    statement = upsert(RateBucket).values(key=key, blocked_until=until, usage=usage, updated_at=now)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["key"],
            set_={
                "blocked_until": func.greatest(
                    RateBucket.blocked_until, statement.excluded.blocked_until
                ),
                "usage": statement.excluded.usage,
                "updated_at": now,
            },
        )
    )


async def load(session: AsyncSession, ids: list[uuid.UUID]) -> list[tuple[Delivery, Channel, Post]]:
    """Claimed deliveries with their channel and post, all tenants, in one query."""
    if not ids:
        return []
    statement = (
        select(Delivery, Channel, Post)
        .join(Channel, Channel.id == Delivery.channel_id)
        .join(Post, Post.id == Delivery.post_id)
        .where(Delivery.id.in_(ids))
        .order_by(Delivery.due_at)
        .execution_options(all_tenants=True)
    )
    return [(d, c, p) for d, c, p in (await session.execute(statement)).all()]


async def products(session: AsyncSession, product_ids: set[uuid.UUID]) -> dict[uuid.UUID, Product]:
    """Products by id (all tenants): their pictures, whether they may still be sold, and what a
    product card shows."""
    if not product_ids:
        return {}
    statement = (
        select(Product).where(Product.id.in_(product_ids)).execution_options(all_tenants=True)
    )
    return {p.id: p for p in (await session.execute(statement)).scalars()}


async def lock_claimed(
    session: AsyncSession, ids: list[uuid.UUID], *, worker: str
) -> set[uuid.UUID]:
    """Lock the deliveries among `ids` this worker still holds in `publishing` (a lease that ran
    out may have been taken over by another worker: those must not be committed)."""
    statement = (
        select(Delivery.id)
        .where(
            Delivery.id.in_(ids),
            Delivery.state == "publishing",
            Delivery.claimed_by == worker,
        )
        .with_for_update()
        .execution_options(all_tenants=True)
    )
    return set((await session.execute(statement)).scalars())


DELIVERIES = cast(Table, Delivery.__table__)
ATTEMPTS = cast(Table, DeliveryAttempt.__table__)


async def mark_committing(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Many deliveries to `committing` in one round trip (keys: id, fingerprint, prepared)."""
    if not rows:
        return
    statement = (
        update(DELIVERIES)
        .where(DELIVERIES.c.id == bindparam("v_id"))
        .values(
            state="committing",
            commit_started_at=bindparam("v_at"),
            lease_until=bindparam("v_lease"),
            fingerprint=bindparam("v_fingerprint"),
            prepared=bindparam("v_prepared"),
        )
    )
    await session.execute(statement, [{f"v_{k}": v for k, v in row.items()} for row in rows])


async def save_prepared(
    session: AsyncSession, delivery_id: uuid.UUID, prepared: dict[str, Any], *, worker: str
) -> None:
    """Keep what prepare made so far (upload ids) with a delivery this worker still holds."""
    await session.execute(
        update(DELIVERIES)
        .where(
            DELIVERIES.c.id == delivery_id,
            DELIVERIES.c.claimed_by == worker,
            DELIVERIES.c.state.in_(("publishing", "committing")),
        )
        .values(prepared=prepared)
    )


CHANGED = (
    "state",
    "next_attempt_at",
    "lease_until",
    "attempts",
    "platform_post_id",
    "permalink",
    "published_at",
    "error_category",
    "error_message",
)


async def record_outcomes(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Many deliveries' new state in one round trip (keys: id and every name in CHANGED)."""
    if not rows:
        return
    statement = (
        update(DELIVERIES)
        .where(DELIVERIES.c.id == bindparam("v_id"))
        .values({name: bindparam(f"v_{name}") for name in CHANGED})
    )
    await session.execute(statement, [{f"v_{k}": v for k, v in row.items()} for row in rows])


async def add_attempts(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Attempt rows of many deliveries (each carries its tenant_id) in one statement."""
    if rows:
        await session.execute(insert(ATTEMPTS), rows)


async def recent_commits(
    session: AsyncSession, *, platform: str, since: datetime, accounts: list[str] | None
) -> dict[str, tuple[int, datetime | None]]:
    """Commits on `platform` since `since`: per account (external id), or app-wide under "*"."""
    recent = (
        select(func.count(), func.min(Delivery.commit_started_at))
        .join(Channel, Channel.id == Delivery.channel_id)
        .where(Channel.platform == platform, Delivery.commit_started_at >= since)
        .execution_options(all_tenants=True)
    )
    if accounts is None:
        count, oldest = (await session.execute(recent)).one()
        return {"*": (int(count), oldest)}
    statement = (
        recent.add_columns(Channel.external_id)
        .where(Channel.external_id.in_(accounts))
        .group_by(Channel.external_id)
    )
    rows = await session.execute(statement)
    return {str(key): (int(count), oldest) for count, oldest, key in rows}
