"""Response-time report use cases: the milestones from the conversation events, and the
report of a period (see the package docstring for what is counted and how)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.conversations import repository as times_repo
from analytics.conversations.schemas import (
    InboxAgeBucket,
    InboxAges,
    InboxDay,
    InboxDays,
    InboxReport,
    InboxRow,
    InboxTimes,
)
from analytics.reports.service import Period, producer_scope
from contracts.publisher import (
    ConversationAssignedV1,
    ConversationClosedV1,
    ConversationOpenedV1,
    ConversationReopenedV1,
    ConversationRepliedV1,
)
from kit.auth import InternalPrincipal
from kit.errors import Forbidden

HOUR, DAY = 3600, 86400
# Open conversations by the age of their first words: [from, to) in seconds.
AGES: list[tuple[str, int, int | None]] = [
    ("under 1 h", 0, HOUR),
    ("1-4 h", HOUR, 4 * HOUR),
    ("4-24 h", 4 * HOUR, DAY),
    ("1-3 days", DAY, 3 * DAY),
    ("3-7 days", 3 * DAY, 7 * DAY),
    ("7 days and more", 7 * DAY, None),
]

Milestone = (
    ConversationOpenedV1
    | ConversationAssignedV1
    | ConversationRepliedV1
    | ConversationClosedV1
    | ConversationReopenedV1
)


async def record(session: AsyncSession, event: Milestone) -> None:
    """Fold one conversation event into its conversation's milestones."""
    milestones: dict[str, Any]
    if isinstance(event, ConversationOpenedV1):
        milestones = {"opened_at": event.at}
    elif isinstance(event, ConversationRepliedV1):
        milestones = {"first_reply_at": event.at, "first_reply_by": event.by}
    elif isinstance(event, ConversationClosedV1):
        milestones = {"closed_at": event.at}
    elif isinstance(event, ConversationReopenedV1):
        milestones = {"reopened_at": event.at}
    else:
        milestones = {
            "assigned_at": event.at,
            "assignee": event.assignee,
            "group_id": event.group_id,
        }
    await times_repo.record(
        session, event.conversation_id, event.channel_id, event.platform, event.kind, **milestones
    )


def _times(row: dict[str, Any], prefix: str) -> InboxTimes:
    def number(name: str) -> float | None:
        value = row[f"{prefix}_{name}"]
        return None if value is None else float(value)

    return InboxTimes(p50=number("p50"), p90=number("p90"), p99=number("p99"), mean=number("mean"))


def _row(row: dict[str, Any]) -> InboxRow:
    key = row.get("key")
    return InboxRow(
        key=None if key is None else str(key),
        platform=row.get("platform"),
        conversations=int(row["conversations"]),
        answered=int(row["first_n"]),
        resolved=int(row["resolution_n"]),
        first_response=_times(row, "first"),
        resolution=_times(row, "resolution"),
    )


def _ranked(rows: list[dict[str, Any]]) -> list[InboxRow]:
    """Most conversations first; the unassigned (no key) last among equals."""
    made = [_row(r) for r in rows]
    made.sort(key=lambda r: (-r.conversations, r.key is None, r.key or ""))
    return made


def _may_read(principal: InternalPrincipal) -> None:
    if producer_scope(principal) is not None:
        raise Forbidden("producers see their own products and sales only")


def as_of(span: Period, now: datetime | None = None) -> datetime:
    """The moment open conversations are counted at: the period's end, or now if sooner."""
    return min(now or datetime.now(UTC), span.hi)


async def report(
    session: AsyncSession,
    principal: InternalPrincipal,
    span: Period,
    now: datetime | None = None,
) -> InboxReport:
    """The period's conversations by staff member, group and channel, the days' volume, and the
    conversations still open at the period's end (or now, if sooner) by age."""
    _may_read(principal)
    lo, hi = span.lo, span.hi
    moment = as_of(span, now)
    totals = await times_repo.summaries(session, None, lo, hi)
    return InboxReport(
        timezone=span.zone.key,
        start=span.start,
        end=span.end,
        as_of=moment,
        totals=_row({**totals[0], "key": None}),
        staff=_ranked(await times_repo.summaries(session, "assignee", lo, hi)),
        groups=_ranked(await times_repo.summaries(session, "group_id", lo, hi)),
        channels=_ranked(await times_repo.summaries(session, "channel_id", lo, hi)),
        open_by_age=await _ages(session, moment),
        days=await _days(session, span),
    )


async def ages(
    session: AsyncSession,
    principal: InternalPrincipal,
    span: Period,
    now: datetime | None = None,
) -> InboxAges:
    """The conversations not closed at the period's end (or now, if sooner), by age."""
    _may_read(principal)
    moment = as_of(span, now)
    return InboxAges(as_of=moment, items=await _ages(session, moment))


async def days(session: AsyncSession, principal: InternalPrincipal, span: Period) -> InboxDays:
    """Conversations opened and closed on each day of the period."""
    _may_read(principal)
    return InboxDays(timezone=span.zone.key, items=await _days(session, span))


async def _ages(session: AsyncSession, moment: datetime) -> list[InboxAgeBucket]:
    counts = await times_repo.open_by_age(session, moment, [(low, high) for _, low, high in AGES])
    return [
        InboxAgeBucket(label=label, from_seconds=low, to_seconds=high, still_open=n, unanswered=u)
        for (label, low, high), (n, u) in zip(AGES, counts, strict=True)
    ]


async def _days(session: AsyncSession, span: Period) -> list[InboxDay]:
    """Every day of the period, in the town's timezone, with or without conversations."""
    zone = span.zone.key
    opened = await times_repo.per_day(session, "opened_at", zone, span.lo, span.hi)
    closed = await times_repo.per_day(session, "closed_at", zone, span.lo, span.hi)
    count = (span.end - span.start).days
    every = (span.start + timedelta(days=i) for i in range(count))
    return [InboxDay(day=d, opened=opened.get(d, 0), closed=closed.get(d, 0)) for d in every]
