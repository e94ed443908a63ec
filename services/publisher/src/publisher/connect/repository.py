"""Queries on connect flows in progress. No commits here."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from publisher.models import OAuthState


async def by_state_hash(session: AsyncSession, state_hash: str) -> OAuthState | None:
    statement = select(OAuthState).where(OAuthState.state_hash == state_hash).with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def get(session: AsyncSession, connection_id: uuid.UUID) -> OAuthState | None:
    statement = select(OAuthState).where(OAuthState.id == connection_id).with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()
