"""Queries on connect flows in progress. No commits here."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from publisher.models import MastodonApp, OAuthState


async def by_state_hash(session: AsyncSession, state_hash: str) -> OAuthState | None:
    statement = select(OAuthState).where(OAuthState.state_hash == state_hash).with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def get(session: AsyncSession, connection_id: uuid.UUID) -> OAuthState | None:
    statement = select(OAuthState).where(OAuthState.id == connection_id).with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def mastodon_app(session: AsyncSession, instance_url: str) -> MastodonApp | None:
    return await session.get(MastodonApp, instance_url)


async def keep_mastodon_app(session: AsyncSession, app: MastodonApp) -> MastodonApp:
    """Store a registration unless another request stored one first; the stored one wins."""
    await session.execute(
        insert(MastodonApp)
        .values(
            instance_url=app.instance_url,
            client_id=app.client_id,
            client_secret=app.client_secret,
            redirect_uri=app.redirect_uri,
        )
        .on_conflict_do_nothing(index_elements=["instance_url"])
    )
    kept = await session.get(MastodonApp, app.instance_url, populate_existing=True)
    assert kept is not None
    return kept
