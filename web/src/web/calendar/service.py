"""What the calendar reads and moves: a period's deliveries (one per post and channel) from
`GET /v1/deliveries?due_from&due_to`, their posts' texts, and a move through
`POST /v1/posts/{id}/schedule` (the API decides whether it is allowed)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from machi_client import AuthenticatedClient
from machi_client.api.channels import channels_list
from machi_client.api.deliveries import deliveries_list
from machi_client.api.posts import posts_get
from machi_client.models import (
    ChannelRead,
    DeliveryRead,
    PageChannelRead,
    PageDeliveryRead,
    PostRead,
)
from machi_client.types import UNSET
from web.gateway import ApiError, parsed
from web.i18n import N_

VIEWS = ("week", "month")
STATES = ("scheduled", "published", "failed", "unconfirmed", "cancelled", "skipped")
MAX_PAGES = 10  # 2,000 deliveries in a month is more than a town's calendar can show anyway
EXCERPT = 80


@dataclass(frozen=True)
class Period:
    """The days a calendar view shows, in the town's timezone."""

    view: str
    day: date  # the day the view was asked around
    first: date
    last: date  # inclusive

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def bounds(self, timezone: str) -> tuple[datetime, datetime]:
        """The period as instants: from the first day's midnight to the day after the last."""
        zone = ZoneInfo(timezone)
        start = datetime.combine(self.first, time(), zone)
        end = datetime.combine(self.last + timedelta(days=1), time(), zone)
        return start.astimezone(UTC), end.astimezone(UTC)

    @property
    def previous(self) -> date:
        if self.view == "week":
            return self.day - timedelta(days=7)
        return (self.day.replace(day=1) - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        if self.view == "week":
            return self.day + timedelta(days=7)
        return (self.day.replace(day=28) + timedelta(days=4)).replace(day=1)


def period(view: str, day: date) -> Period:
    """A week from Monday, or the weeks (Monday to Sunday) that hold the month."""
    if view == "week":
        first = day - timedelta(days=day.weekday())
        return Period(view, day, first, first + timedelta(days=6))
    start = day.replace(day=1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    first = start - timedelta(days=start.weekday())
    last = end + timedelta(days=6 - end.weekday())
    return Period("month", day, first, last)


@dataclass
class Entry:
    """One post on one channel on the calendar."""

    delivery: DeliveryRead
    channel: ChannelRead | None
    post: PostRead | None
    local: datetime  # when it went or goes out, on the town's clock

    @property
    def excerpt(self) -> str:
        text = self.post.text if self.post else ""
        return text if len(text) <= EXCERPT else f"{text[: EXCERPT - 1]}…"

    @property
    def movable(self) -> bool:
        return self.delivery.state == "scheduled"


@dataclass
class Calendar:
    """A period's entries by local day."""

    period: Period
    by_day: dict[date, list[Entry]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.by_day.values())


async def channels(api: AuthenticatedClient) -> list[ChannelRead]:
    """Every channel of the town, whatever its status (a calendar shows the past too)."""
    answer = await channels_list.asyncio_detailed(client=api, limit=200)
    return parsed(answer, PageChannelRead).items


async def _deliveries(
    api: AuthenticatedClient,
    start: datetime,
    end: datetime,
    channel_id: UUID | None,
    campaign_id: UUID | None,
    state: str | None,
) -> list[DeliveryRead]:
    found: list[DeliveryRead] = []
    cursor: str | None = None
    for _ in range(MAX_PAGES):
        answer = await deliveries_list.asyncio_detailed(
            client=api,
            due_from=start,
            due_to=end,
            channel_id=channel_id or UNSET,
            campaign_id=campaign_id or UNSET,
            state=state or UNSET,
            cursor=cursor or UNSET,
            limit=200,
        )
        page = parsed(answer, PageDeliveryRead)
        found += page.items
        cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
        if cursor is None:
            break
    return found


async def _posts(api: AuthenticatedClient, ids: set[UUID]) -> dict[UUID, PostRead]:
    """The posts of the period's deliveries, asked for together."""

    async def one(post_id: UUID) -> PostRead | None:
        try:
            return parsed(await posts_get.asyncio_detailed(post_id, client=api), PostRead)
        except ApiError as exc:
            if exc.status == 404:  # gone meanwhile
                return None
            raise

    found = await asyncio.gather(*(one(post_id) for post_id in ids))
    return {post.id: post for post in found if post is not None}


async def calendar(
    api: AuthenticatedClient,
    shown: Period,
    timezone: str,
    known_channels: list[ChannelRead],
    channel_id: UUID | None = None,
    campaign_id: UUID | None = None,
    state: str | None = None,
) -> Calendar:
    """The period's posts per channel by day; cancelled ones only when asked for."""
    start, end = shown.bounds(timezone)
    deliveries = await _deliveries(api, start, end, channel_id, campaign_id, state)
    if state is None:
        deliveries = [d for d in deliveries if d.state != "cancelled"]
    posts = await _posts(api, {d.post_id for d in deliveries})
    by_id = {c.id: c for c in known_channels}
    zone = ZoneInfo(timezone)
    found = Calendar(shown, {day: [] for day in shown.days})
    for delivery in deliveries:
        moment = delivery.published_at if isinstance(delivery.published_at, datetime) else None
        local = (moment or delivery.due_at).astimezone(zone)
        entry = Entry(delivery, by_id.get(delivery.channel_id), posts.get(delivery.post_id), local)
        found.by_day.setdefault(local.date(), []).append(entry)
    for entries in found.by_day.values():
        entries.sort(key=lambda e: (e.local, e.channel.name if e.channel else ""))
    return found


# Why the API refused a move, in words a writer understands (by the problem's status).
REFUSALS = {
    "editor": N_("Only an editor can move a post that is already scheduled."),
    "started": N_("This post cannot be moved: it is going out or has gone out on every channel."),
    "time": N_("That time cannot be used: choose another date and time."),
}


def refusal(exc: ApiError) -> str:
    """The key of REFUSALS for a refused move."""
    if exc.status == 403:
        return "editor"
    if exc.status == 409:
        return "started"
    return "time"
