"""The reports page's figures: the analytics reports by post, channel, product and producer
for a period, each row named for people and sized for a bar chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from machi_client import AuthenticatedClient
from machi_client.api.reports import (
    reports_best_times,
    reports_channels,
    reports_overview,
    reports_posts,
    reports_producers,
    reports_products,
)
from machi_client.models import (
    BestTimes,
    DimensionReport,
    DimensionRow,
    Overview,
    PeriodMetrics,
    ProductReport,
    ProductReportRow,
)
from web import i18n
from web.channels.service import PLATFORMS
from web.console import service as console
from web.gateway import ApiError, parsed
from web.i18n import N_

# The reports the page shows, in order, with their titles and API paths (CSV downloads too).
KINDS = {
    "posts": N_("By post"),
    "channels": N_("By channel"),
    "products": N_("By product"),
    "producers": N_("By producer"),
}


@dataclass(frozen=True)
class Row:
    """One line of a report: who, and its figures."""

    name: str
    link: str | None
    clicks: int
    visitors: int
    orders: int
    revenue: int


@dataclass(frozen=True)
class Report:
    kind: str
    title: str
    rows: list[Row]

    @property
    def drawn(self) -> bool:
        """Whether the chart has a bar to draw (a period without clicks has none)."""
        return any(r.clicks for r in self.rows)

    def width(self, row: Row) -> int:
        """The row's clicks bar as a share of the largest (0 to 100)."""
        top = max((r.clicks for r in self.rows), default=0)
        return round(100 * row.clicks / top) if top else 0


def this_month(timezone: str) -> tuple[date, date]:
    """The first and last day of the town's current month."""
    today = datetime.now(ZoneInfo(timezone)).date()
    first = today.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def period(start: str | None, end: str | None, timezone: str) -> tuple[date, date, bool]:
    """The chosen first and last day (inclusive), this month when none or not dates; False
    when what was typed could not be read."""
    first, last = this_month(timezone)
    if not start and not end:
        return first, last, True
    try:
        chosen = date.fromisoformat(start or ""), date.fromisoformat(end or "")
    except ValueError:
        return first, last, False
    if chosen[1] < chosen[0] or (chosen[1] - chosen[0]).days > 366:
        return first, last, False
    return chosen[0], chosen[1], True


def _row(name: str, link: str | None, figures: DimensionRow | ProductReportRow) -> Row:
    return Row(name, link, figures.clicks, figures.visitors, figures.orders, figures.revenue)


async def reports(api: AuthenticatedClient, first: date, last: date, language: str) -> list[Report]:
    """The four reports of the period; none for a role that may not read reports."""
    end = last + timedelta(days=1)  # the API's last day is exclusive
    try:
        posts = parsed(
            await reports_posts.asyncio_detailed(client=api, start=first, end=end), DimensionReport
        )
        channels = parsed(
            await reports_channels.asyncio_detailed(client=api, start=first, end=end),
            DimensionReport,
        )
        products = parsed(
            await reports_products.asyncio_detailed(client=api, start=first, end=end),
            ProductReport,
        )
        producers = parsed(
            await reports_producers.asyncio_detailed(client=api, start=first, end=end),
            DimensionReport,
        )
    except ApiError as exc:
        if exc.status == 403:
            return []
        raise
    channel_names = {str(c.id): c.name for c in await console.channels(api)}
    producer_names = dict(await console.producers(api, language))

    def post_name(row: DimensionRow) -> str:
        platform = row.platform if isinstance(row.platform, str) else ""
        return f"{PLATFORMS.get(platform, platform)} {row.key[:8]}".strip()

    return [
        Report(
            "posts",
            KINDS["posts"],
            [_row(post_name(r), f"/console/posts/{r.key}", r) for r in posts.items],
        ),
        Report(
            "channels",
            KINDS["channels"],
            [_row(channel_names.get(r.key, r.key), None, r) for r in channels.items],
        ),
        Report(
            "products",
            KINDS["products"],
            [
                _row(
                    _name(r.name.additional_properties, language) or r.slug,
                    f"/console/products/{r.product_id}",
                    r,
                )
                for r in products.items
            ],
        ),
        Report(
            "producers",
            KINDS["producers"],
            [_row(producer_names.get(r.key, r.key), None, r) for r in producers.items],
        ),
    ]


def _name(names: dict[str, str], language: str) -> str:
    return names.get(language) or next(iter(names.values()), "")


async def csv(api: AuthenticatedClient, kind: str, first: date, last: date) -> bytes:
    """A report as the API writes it in CSV, fetched with the user's token."""
    end = last + timedelta(days=1)
    http = api.get_async_httpx_client()
    params = {"start": first.isoformat(), "end": end.isoformat(), "format": "csv"}
    answer = await http.get(f"/v1/reports/{kind}", params=params)
    if answer.status_code >= 300:
        raise ApiError(answer.status_code, "The report could not be read")
    return answer.content


@dataclass(frozen=True)
class Slot:
    """One weekday and hour of publishing: the average first-day clicks of its posts."""

    weekday: int  # 0 = Monday, in the town's timezone
    hour: int
    average_clicks: float
    samples: int


@dataclass(frozen=True)
class Heatmap:
    """Best times to post, weekday x hour, all channels together (as the API's own chart)."""

    days: list[str]  # Monday to Sunday, in the page's language
    slots: dict[tuple[int, int], Slot]
    min_samples: int

    @property
    def top(self) -> list[Slot]:
        """The five best hours, best first."""
        ranked = sorted(self.slots.values(), key=lambda s: (-s.average_clicks, s.weekday, s.hour))
        return ranked[:5]

    def shade(self, weekday: int, hour: int) -> float:
        """The cell's strength, 0 (no posts measured) to 1 (the best hour)."""
        slot = self.slots.get((weekday, hour))
        best = max((s.average_clicks for s in self.slots.values()), default=0.0)
        if slot is None or not best:
            return 0.0
        return round(0.15 + 0.85 * slot.average_clicks / best, 2)


async def best_times(
    api: AuthenticatedClient, first: date, last: date, language: str
) -> Heatmap | None:
    """The period's best times; None for a role that may not read reports."""
    end = last + timedelta(days=1)
    try:
        answer = parsed(
            await reports_best_times.asyncio_detailed(client=api, start=first, end=end), BestTimes
        )
    except ApiError as exc:
        if exc.status == 403:
            return None
        raise
    return heatmap(answer, language)


def heatmap(answer: BestTimes, language: str) -> Heatmap:
    """The API's rows (one per channel, weekday and hour) as one map of the town: each hour's
    average weighted by each channel's number of posts."""
    totals: dict[tuple[int, int], tuple[float, int]] = {}
    for item in answer.items:
        clicks, samples = totals.get((item.weekday, item.hour), (0.0, 0))
        totals[(item.weekday, item.hour)] = (
            clicks + item.average_clicks * item.samples,
            samples + item.samples,
        )
    slots = {
        key: Slot(key[0], key[1], round(clicks / samples, 1), samples)
        for key, (clicks, samples) in totals.items()
        if samples
    }
    return Heatmap(i18n.day_names(language), slots, answer.min_samples)


@dataclass(frozen=True)
class Measure:
    """One overview figure of the period, with the period before it and the change."""

    label: str
    shown: str
    previous_shown: str
    change: float | None  # percent; None when the period before had nothing to compare


async def overview(
    api: AuthenticatedClient, first: date, last: date, currency: str, language: str
) -> list[Measure]:
    """Followers against the population, clicks, visitors, orders and revenue of the period
    beside the period just before it; none for a role that may not read reports."""
    end = last + timedelta(days=1)
    try:
        answer = parsed(
            await reports_overview.asyncio_detailed(client=api, start=first, end=end), Overview
        )
    except ApiError as exc:
        if exc.status == 403:
            return []
        raise
    now, before = answer.current, answer.previous
    changes = answer.change.additional_properties

    unknown = "\u2013"  # an en dash: no figure (no follower count yet, for one)

    def plain(metrics: PeriodMetrics, key: str) -> str:
        value = getattr(metrics, key)
        return f"{value:,}" if isinstance(value, int) else unknown

    def share(metrics: PeriodMetrics) -> str:
        value = metrics.share_of_population
        return f"{value:.1%}" if isinstance(value, float | int) else unknown

    def money(metrics: PeriodMetrics) -> str:
        revenue = metrics.revenue
        return i18n.price(revenue if isinstance(revenue, int) else 0, currency, language)

    def change(key: str) -> float | None:
        value = changes.get(key)
        return round(100 * value, 1) if isinstance(value, float | int) else None

    return [
        Measure(N_("Followers"), plain(now, "followers"), plain(before, "followers"), None),
        Measure(N_("Share of the population"), share(now), share(before), None),
        Measure(
            N_("Followers of staff accounts (not counted above)"),
            plain(now, "staff_followers"),
            plain(before, "staff_followers"),
            None,
        ),
        Measure(N_("Clicks"), plain(now, "clicks"), plain(before, "clicks"), change("clicks")),
        Measure(
            N_("Visitors"), plain(now, "visitors"), plain(before, "visitors"), change("visitors")
        ),
        Measure(N_("Orders"), plain(now, "orders"), plain(before, "orders"), change("orders")),
        Measure(N_("Revenue"), money(now), money(before), change("revenue")),
    ]
