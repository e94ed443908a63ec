"""Report use cases: every number comes from rollups (Shlink #2080: never count raw rows)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.errors import ReportNotFound
from analytics.reports import repository as reports_repo
from analytics.reports.schemas import (
    BestTime,
    BestTimes,
    DimensionReport,
    DimensionRow,
    Metrics,
    Overview,
    PeriodMetrics,
    ProducerReport,
    ProductReportRow,
)
from analytics.tracking import repository as tracking_repo
from analytics.tracking import service as tracking
from contracts.publisher import DeliveryPublishedV1
from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import Forbidden, InvalidInput

DEFAULT_DAYS = 30


def producer_scope(principal: InternalPrincipal) -> list[uuid.UUID] | None:
    """The producers a producer user may see; None: the whole tenant."""
    if principal.has_role(*(policy.ROLES - {policy.PRODUCER})) or not principal.has_role(
        policy.PRODUCER
    ):
        return None
    return sorted(principal.producer_ids)


@dataclass(frozen=True)
class Period:
    """[start, end) in the tenant's local days; `lo`/`hi` are those local midnights."""

    start: date
    end: date
    zone: ZoneInfo

    def at(self, day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=self.zone).astimezone(UTC)

    @property
    def lo(self) -> datetime:
        return self.at(self.start)

    @property
    def hi(self) -> datetime:
        return self.at(self.end)

    def before(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start - (self.end - self.start), self.start, self.zone)


async def period(session: AsyncSession, start: date | None, end: date | None) -> Period:
    """[start, end) in the tenant's local days (a Tokyo click at 2026-03-31T16:00Z is in
    April); defaults to the last 30 days including the tenant's today."""
    settings = await tracking_repo.get(session)
    zone = tracking.zone(settings.timezone if settings else None)
    end = end or (datetime.now(zone).date() + timedelta(days=1))
    start = start or (end - timedelta(days=DEFAULT_DAYS))
    if start >= end:
        raise InvalidInput("start must be before end")
    span = Period(start, end, zone)
    try:  # the period and the one before it, compared in reports, must be real instants
        span.before().lo, span.hi
    except (OverflowError, ValueError) as exc:
        raise InvalidInput("the period is out of range") from exc
    return span


def _rate(orders: int, clicks: int) -> float:
    return round(orders / clicks, 6) if clicks else 0.0


def _metrics(values: dict[str, int]) -> Metrics:
    return Metrics(**values, conversion_rate=_rate(values["orders"], values["clicks"]))


async def record_delivery(session: AsyncSession, delivery: DeliveryPublishedV1) -> None:
    await reports_repo.upsert_delivery(
        session,
        delivery.model_dump(
            include={
                "delivery_id",
                "post_id",
                "channel_id",
                "platform",
                "platform_post_id",
                "permalink",
                "link_code",
                "product_id",
                "producer_id",
                "campaign_id",
                "published_at",
            }
        ),
    )


async def _period_metrics(
    session: AsyncSession,
    span: Period,
    scope: list[uuid.UUID] | None,
    population: int | None,
) -> PeriodMetrics:
    if scope is None:
        sums = await reports_repo.totals_by_key(session, "total", span.lo, span.hi)
        values = sums.get("", dict.fromkeys(reports_repo.METRICS, 0))
    else:
        sums = await reports_repo.totals_by_key(
            session, "producer", span.lo, span.hi, keys=[str(p) for p in scope]
        )
        values = {m: sum(v[m] for v in sums.values()) for m in reports_repo.METRICS}
    result = PeriodMetrics(start=span.start, end=span.end, **_metrics(values).model_dump())
    if scope is not None:
        return result
    # Fans vs population counts the town's own channels only: a staff member's personal
    # followers follow that person, and are reported apart.
    followers = await reports_repo.followers_at(session, span.hi, staff=False)
    before = await reports_repo.followers_at(session, span.lo, staff=False)
    result.staff_followers = await reports_repo.followers_at(session, span.hi, staff=True)
    result.followers = followers
    if followers is not None and before is not None:
        result.growth = followers - before
    if followers is not None and population:
        result.share_of_population = round(followers / population, 6)
    return result


def _change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None or before == 0:
        return None
    return round((now - before) / before, 6)


async def overview(session: AsyncSession, principal: InternalPrincipal, span: Period) -> Overview:
    """This period against the one just before it, of the same length."""
    scope = producer_scope(principal)
    settings = await tracking_repo.get(session)
    population = settings.population if settings else None
    current = await _period_metrics(session, span, scope, population)
    previous = await _period_metrics(session, span.before(), scope, population)
    fields = ("clicks", "visitors", "orders", "revenue", "conversion_rate", "followers")
    change = {f: _change(getattr(current, f), getattr(previous, f)) for f in fields}
    return Overview(current=current, previous=previous, change=change)


async def daily(
    session: AsyncSession, principal: InternalPrincipal, span: Period
) -> list[tuple[datetime, dict[str, int]]]:
    """Each local day's metrics (for the overview chart), days as local midnights."""
    scope = producer_scope(principal)
    keys = None if scope is None else [str(p) for p in scope]
    rows = await reports_repo.series(
        session, "total" if scope is None else "producer", span.lo, span.hi, keys=keys
    )
    return [(bucket.astimezone(span.zone), values) for bucket, values in rows]


async def by_dimension(
    session: AsyncSession, principal: InternalPrincipal, dim: str, span: Period
) -> DimensionReport:
    """Posts or channels, best first."""
    if producer_scope(principal) is not None:
        raise Forbidden("producers see their own products and sales only")
    sums = await reports_repo.totals_by_key(session, dim, span.lo, span.hi)
    platforms: dict[str, str] = {}
    permalinks: dict[str, list[str]] = defaultdict(list)
    for d in await reports_repo.deliveries(session):
        key = str(d.post_id if dim == "post" else d.channel_id)
        platforms[key] = d.platform
        if d.permalink:
            permalinks[key].append(d.permalink)
    rows = [
        DimensionRow(
            key=key,
            platform=platforms.get(key) if dim == "channel" else None,
            permalinks=permalinks.get(key, []) if dim == "post" else [],
            clicks=v["clicks"],
            visitors=v["visitors"],
            orders=v["orders"],
            revenue=v["revenue"],
            conversion_rate=_rate(v["orders"], v["clicks"]),
        )
        for key, v in sums.items()
    ]
    rows.sort(key=lambda r: (-r.clicks, -r.revenue, r.key))
    return DimensionReport(items=rows)


async def products(
    session: AsyncSession,
    principal: InternalPrincipal,
    span: Period,
    producer_id: uuid.UUID | None = None,
) -> list[ProductReportRow]:
    """Every published product of the tenant (or of the producer), with its numbers."""
    scope = producer_scope(principal)
    wanted = scope
    if producer_id is not None:
        if scope is not None and producer_id not in scope:
            raise ReportNotFound()
        wanted = [producer_id]
    known = await reports_repo.products(session, wanted)
    sums = await reports_repo.totals_by_key(session, "product", span.lo, span.hi)
    empty = dict.fromkeys(reports_repo.METRICS, 0)
    rows = [
        ProductReportRow(
            product_id=p.product_id,
            producer_id=p.producer_id,
            slug=p.slug,
            name=p.name,
            **{
                m: sums.get(str(p.product_id), empty)[m]
                for m in ("clicks", "visitors", "orders", "revenue")
            },
        )
        for p in known
    ]
    rows.sort(key=lambda r: (-r.clicks, r.slug))
    return rows


async def producers(
    session: AsyncSession, principal: InternalPrincipal, span: Period
) -> DimensionReport:
    """Producers best first; a producer user sees only their own."""
    scope = producer_scope(principal)
    keys = [str(p) for p in scope] if scope is not None else None
    sums = await reports_repo.totals_by_key(session, "producer", span.lo, span.hi, keys=keys)
    rows = [
        DimensionRow(
            key=k,
            clicks=v["clicks"],
            visitors=v["visitors"],
            orders=v["orders"],
            revenue=v["revenue"],
            conversion_rate=_rate(v["orders"], v["clicks"]),
        )
        for k, v in sums.items()
    ]
    rows.sort(key=lambda r: (-r.revenue, -r.clicks, r.key))
    return DimensionReport(items=rows)


async def producer(
    session: AsyncSession,
    principal: InternalPrincipal,
    producer_id: uuid.UUID,
    span: Period,
) -> ProducerReport:
    """One producer's totals and products; another producer's report does not exist (404)."""
    scope = producer_scope(principal)
    if scope is not None and producer_id not in scope:
        raise ReportNotFound()
    sums = await reports_repo.totals_by_key(
        session, "producer", span.lo, span.hi, keys=[str(producer_id)]
    )
    items = await products(session, principal, span, producer_id)
    if not items and not sums:
        raise ReportNotFound()
    values = sums.get(str(producer_id), dict.fromkeys(reports_repo.METRICS, 0))
    return ProducerReport(producer_id=producer_id, totals=_metrics(values), products=items)


async def best_times(
    session: AsyncSession,
    principal: InternalPrincipal,
    span: Period,
    min_samples: int,
) -> BestTimes:
    """Per channel, weekday x hour of publishing ranked by the post's clicks in its first
    24 hours; only cells with at least `min_samples` deliveries."""
    if producer_scope(principal) is not None:
        raise Forbidden("producers see their own products and sales only")
    cells: dict[tuple[uuid.UUID, str, int, int], list[int]] = defaultdict(list)
    for channel, platform, published, clicks in await reports_repo.delivery_first_day_clicks(
        session, span.lo, span.hi
    ):
        local = published.astimezone(span.zone)
        cells[(channel, platform, local.weekday(), local.hour)].append(clicks)
    items = [
        BestTime(
            channel_id=c,
            platform=p,
            weekday=w,
            hour=h,
            samples=len(v),
            average_clicks=round(sum(v) / len(v), 3),
        )
        for (c, p, w, h), v in cells.items()
        if len(v) >= min_samples
    ]
    items.sort(key=lambda b: (str(b.channel_id), -b.average_clicks, b.weekday, b.hour))
    return BestTimes(timezone=span.zone.key, min_samples=min_samples, items=items)
