"""Every query of the response-time report, on `conversation_times` only."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, case, cast, extract, func, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import ConversationTimes as T
from kit import tenancy

PERCENTILES = (0.5, 0.9, 0.99)


async def record(
    session: AsyncSession,
    conversation_id: uuid.UUID,
    channel_id: uuid.UUID,
    platform: str,
    kind: str,
    **milestones: Any,
) -> None:
    """Insert the conversation's row or fold `milestones` into it: the earliest opening and
    first reply, the latest close and assignment, whatever order the events come in."""
    statement = insert(T).values(
        tenant_id=tenancy.current_tenant(session),
        conversation_id=conversation_id,
        channel_id=channel_id,
        platform=platform,
        kind=kind,
        **milestones,
    )
    new = statement.excluded
    changes: dict[str, Any] = {}
    if "opened_at" in milestones:
        changes["opened_at"] = func.least(T.opened_at, new.opened_at)
    if "first_reply_at" in milestones:
        earlier = or_(T.first_reply_at.is_(None), new.first_reply_at < T.first_reply_at)
        changes["first_reply_by"] = case((earlier, new.first_reply_by), else_=T.first_reply_by)
        changes["first_reply_at"] = func.least(T.first_reply_at, new.first_reply_at)
    if "closed_at" in milestones:
        changes["closed_at"] = func.greatest(T.closed_at, new.closed_at)
    if "reopened_at" in milestones:
        changes["reopened_at"] = func.greatest(T.reopened_at, new.reopened_at)
    if "assigned_at" in milestones:
        later = or_(T.assigned_at.is_(None), new.assigned_at >= T.assigned_at)
        changes["assignee"] = case((later, new.assignee), else_=T.assignee)
        changes["group_id"] = case((later, new.group_id), else_=T.group_id)
        changes["assigned_at"] = func.greatest(T.assigned_at, new.assigned_at)
    await session.execute(
        statement.on_conflict_do_update(index_elements=[T.conversation_id], set_=changes)
    )


def _closed() -> ColumnElement[bool]:
    """Closed now: its latest close came after its latest reopening (if any)."""
    return and_(
        T.closed_at.is_not(None), or_(T.reopened_at.is_(None), T.closed_at >= T.reopened_at)
    )


def _closed_at(moment: datetime) -> ColumnElement[bool]:
    """Closed at `moment`, as far as its latest close and reopening tell."""
    reopened_since = and_(T.reopened_at > T.closed_at, T.reopened_at <= moment)
    return and_(T.closed_at.is_not(None), T.closed_at <= moment, ~reopened_since)


def _seconds(later: Any, earlier: Any) -> ColumnElement[Any]:
    """`later - earlier` in seconds, never below zero (a platform's clock a little ahead);
    NULL while `later` has not happened (GREATEST alone would make that 0)."""
    return case((later.is_not(None), func.greatest(extract("epoch", later - earlier), 0)))


def _summary(times: ColumnElement[Any], prefix: str) -> list[ColumnElement[Any]]:
    """Count, nearest-rank percentiles and mean of `times` (NULLs left out)."""
    return [
        func.count(times).label(f"{prefix}_n"),
        *(
            func.percentile_disc(p).within_group(times).label(f"{prefix}_p{round(p * 100)}")
            for p in PERCENTILES
        ),
        func.round(func.avg(times), 1).label(f"{prefix}_mean"),
    ]


async def summaries(
    session: AsyncSession, by: str | None, start: datetime, stop: datetime
) -> list[dict[str, Any]]:
    """Per value of `by` (`assignee`, `group_id`, `channel_id`; None: all together), the
    conversations opened in [start, stop) and their first response and resolution times."""
    first = _seconds(T.first_reply_at, T.opened_at)
    resolution = case((_closed(), _seconds(T.closed_at, T.opened_at)))
    keys: list[Any] = []
    if by is not None:
        keys.append(getattr(T, by).label("key"))
        if by == "channel_id":
            keys.append(T.platform.label("platform"))
    statement = (
        select(
            *keys,
            func.count().label("conversations"),
            *_summary(first, "first"),
            *_summary(resolution, "resolution"),
        )
        .where(T.opened_at >= start, T.opened_at < stop)
        .group_by(*(k.element for k in keys))
    )
    return [dict(row._mapping) for row in await session.execute(statement)]


async def per_day(
    session: AsyncSession, column: str, zone: str, start: datetime, stop: datetime
) -> dict[date, int]:
    """How many conversations have `column` (opened_at, closed_at) in [start, stop), per day
    of `zone`."""
    at = getattr(T, column)
    day = cast(func.timezone(zone, at), Date)
    statement = (
        select(day.label("day"), func.count().label("n"))
        .where(at >= start, at < stop)
        .group_by(day)
    )
    return {row.day: int(row.n) for row in await session.execute(statement)}


async def open_by_age(
    session: AsyncSession, moment: datetime, edges: list[tuple[int, int | None]]
) -> list[tuple[int, int]]:
    """Per age bucket [from, to) in seconds, the conversations opened before `moment` and not
    closed at it, and how many of them had no staff reply yet."""
    age = extract("epoch", moment - T.opened_at)
    unanswered = or_(T.first_reply_at.is_(None), T.first_reply_at > moment)
    columns = []
    for low, high in edges:
        inside = and_(age >= low, age < high) if high is not None else age >= low
        columns.append(func.count().filter(inside))
        columns.append(func.count().filter(and_(inside, unanswered)))
    statement = select(*columns).where(T.opened_at < moment, ~_closed_at(moment))
    row = (await session.execute(statement)).one()
    return [(int(row[2 * i]), int(row[2 * i + 1])) for i in range(len(edges))]
