"""Queries of the redirect and its flusher."""

from __future__ import annotations

import os
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import LinkDirectory, OrphanVisit, VisitorSalt


async def directory_entry(session: AsyncSession, code: str) -> LinkDirectory | None:
    return await session.get(LinkDirectory, code)


async def salts(session: AsyncSession, days: set[date]) -> dict[date, bytes]:
    """The salt of each day in `days`, made on first use; salts older than two days go."""
    for day in days:
        await session.execute(
            pg_insert(VisitorSalt)
            .values(day=day, salt=os.urandom(32))
            .on_conflict_do_nothing(index_elements=[VisitorSalt.day])
        )
    oldest = min(days) - timedelta(days=2)
    await session.execute(delete(VisitorSalt).where(VisitorSalt.day < oldest))
    rows = await session.execute(select(VisitorSalt).where(VisitorSalt.day.in_(days)))
    return {row.day: row.salt for row in rows.scalars()}


CLICK_COLUMNS: list[tuple[str, str]] = [
    ("tenant_id", "uuid"),
    ("click_id", "text"),
    ("occurred_at", "timestamptz"),
    ("link_id", "uuid"),
    ("code", "text"),
    ("post_id", "uuid"),
    ("channel_id", "uuid"),
    ("platform", "text"),
    ("product_id", "uuid"),
    ("producer_id", "uuid"),
    ("place_id", "uuid"),
    ("campaign_id", "uuid"),
    ("referrer_domain", "text"),
    ("device", "text"),
    ("os", "text"),
    ("browser", "text"),
    ("country", "text"),
    ("language", "text"),
    ("visitor_hash", "text"),
    ("is_bot", "bool"),
    ("bot_reason", "text"),
]
# One statement of column arrays: far less Python work per row than a multi-row VALUES, which
# matters because the flush shares the event loop with the redirect. (COPY is refused under RLS.)
# A click id already stored is skipped: the edge may send a batch again when it did not hear
# that analytics took it.
INSERT_CLICKS_SQL = (
    f"INSERT INTO clicks ({', '.join(c for c, _ in CLICK_COLUMNS)}) SELECT * FROM unnest("
    + ", ".join(f"${i}::{t}[]" for i, (_, t) in enumerate(CLICK_COLUMNS, start=1))
    + ") ON CONFLICT (click_id) DO NOTHING RETURNING code, is_bot"
)


async def insert_clicks(
    session: AsyncSession, rows: list[dict[str, Any]]
) -> list[tuple[str, bool]]:
    """Insert `rows`; (code, is_bot) of each click that was new."""
    if not rows:
        return []
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    columns = [[row[name] for row in rows] for name, _ in CLICK_COLUMNS]
    inserted = await raw.driver_connection.fetch(INSERT_CLICKS_SQL, *columns)  # type: ignore[union-attr]
    return [(record["code"], record["is_bot"]) for record in inserted]


async def insert_orphans(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        await session.execute(insert(OrphanVisit), rows)
