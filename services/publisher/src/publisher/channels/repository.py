"""Every channel query. No commits here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kit.pagination import paginate
from publisher.models import Channel, SandboxPost


async def get(
    session: AsyncSession, channel_id: uuid.UUID, *, lock: bool = False
) -> Channel | None:
    if not lock:
        return await session.get(Channel, channel_id)
    statement = select(Channel).where(Channel.id == channel_id).with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def expiring(
    session: AsyncSession, deadlines: dict[str, datetime]
) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """Active channels of any tenant whose token expires before their platform's deadline."""
    if not deadlines:
        return []
    statement = (
        select(Channel.id, Channel.tenant_id, Channel.platform)
        .where(
            Channel.status == "active",
            Channel.credentials.is_not(None),
            or_(
                *(
                    and_(Channel.platform == platform, Channel.token_expires_at < deadline)
                    for platform, deadline in deadlines.items()
                )
            ),
        )
        .order_by(Channel.token_expires_at)
        .execution_options(all_tenants=True)
    )
    return [(cid, tid, platform) for cid, tid, platform in await session.execute(statement)]


async def get_many(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[Channel]:
    rows = await session.execute(select(Channel).where(Channel.id.in_(list(ids))))
    return list(rows.scalars())


async def list_page(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    platform: str | None,
    owner_user: str | None = None,
    owner_kind: str | None = None,
) -> tuple[list[Channel], str | None]:
    statement = select(Channel)
    if platform is not None:
        statement = statement.where(Channel.platform == platform)
    if owner_user is not None:
        statement = statement.where(Channel.owner_user == owner_user)
    if owner_kind is not None:
        statement = statement.where(Channel.owner_kind == owner_kind)
    return await paginate(session, statement, Channel, cursor=cursor, limit=limit)


async def with_credentials(session: AsyncSession) -> list[Channel]:
    rows = await session.execute(select(Channel).where(Channel.credentials.is_not(None)))
    return list(rows.scalars())


async def sandbox_feed(
    session: AsyncSession, channel_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[SandboxPost], str | None]:
    """What a sandbox channel published, newest first."""
    statement = select(SandboxPost).where(SandboxPost.channel_id == channel_id)
    return await paginate(session, statement, SandboxPost, cursor=cursor, limit=limit)
