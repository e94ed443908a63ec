"""KPI reports, from rollups only, and the inbox's response times; `?format=csv` (or a `.csv`
path) and, for the overview, best times and the inbox's volume, `?format=svg` (or `.svg`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from analytics.conversations import service as inbox
from analytics.conversations.schemas import InboxAges, InboxDays, InboxReport, InboxRow
from analytics.dependencies import ContextDep
from analytics.reports import charts, service
from analytics.reports.schemas import (
    BestTimes,
    DimensionReport,
    Overview,
    ProducerReport,
    ProductReport,
)
from kit.csvout import csv_or_json, requested_format
from kit.dependencies import PrincipalDep, SessionDep

router = APIRouter(prefix="/v1/reports", tags=["reports"])

Format = Literal["json", "csv", "svg"]
Start = Annotated[date | None, Query(description="First day (tenant's timezone), inclusive.")]
End = Annotated[date | None, Query(description="Last day (tenant's timezone), exclusive.")]


MEDIA = {"csv": "text/csv", "svg": "image/svg+xml"}


def _register(path: str, endpoint: Any, model: Any, formats: tuple[str, ...] = ("csv",)) -> None:
    """Serve `endpoint` at `path` and at `path.<format>`; only the plain path is documented."""
    responses: dict[int | str, dict[str, Any]] = {
        200: {"content": {MEDIA[f]: {"schema": {"type": "string"}} for f in formats}}
    }
    for served in [path, *(f"{path}.{f}" for f in formats)]:
        router.add_api_route(
            served,
            endpoint,
            methods=["GET"],
            response_model=model,
            responses=responses,
            include_in_schema=served == path,
        )


@dataclass(frozen=True)
class Asked:
    """What every report request asks: its period and the format it wants it in."""

    span: service.Period
    format: str


async def asked(
    session: SessionDep,
    request: Request,
    start: Start = None,
    end: End = None,
    format: Format = "json",
) -> Asked:
    """The period (the tenant's days) and the format: a `.csv` or `.svg` path, or `?format=`."""
    return Asked(await service.period(session, start, end), requested_format(request, format))


AskedDep = Annotated[Asked, Depends(asked)]


def _overview_rows(report: Overview) -> list[dict[str, Any]]:
    return [
        {"period": "current", **report.current.model_dump(mode="json")},
        {"period": "previous", **report.previous.model_dump(mode="json")},
    ]


async def overview(session: SessionDep, principal: PrincipalDep, ask: AskedDep) -> Any:
    """Followers, clicks, unique visitors, orders, revenue, conversion rate vs the previous
    period."""
    if ask.format == "svg":
        days = await service.daily(session, principal, ask.span)
        title = f"Clicks and orders {ask.span.start} to {ask.span.end}"
        return charts.svg_response(charts.daily_bars(title, days))
    report = await service.overview(session, principal, ask.span)
    return csv_or_json(ask.format, report, _overview_rows(report), "overview")


_register("/overview", overview, Overview, ("csv", "svg"))


def _dimension_endpoint(dim: str, name: str) -> None:
    async def report(session: SessionDep, principal: PrincipalDep, ask: AskedDep) -> Any:
        result = await service.by_dimension(session, principal, dim, ask.span)
        return csv_or_json(ask.format, result, result.items, name)

    report.__doc__ = f"Clicks, visitors, orders and revenue per {dim}, best first."
    _register(f"/{name}", report, DimensionReport)


_dimension_endpoint("post", "posts")
_dimension_endpoint("channel", "channels")


async def products(
    session: SessionDep,
    principal: PrincipalDep,
    ask: AskedDep,
    producer_id: uuid.UUID | None = None,
) -> Any:
    """Clicks, orders and revenue per product (a producer user: their own products only)."""
    rows = await service.products(session, principal, ask.span, producer_id)
    return csv_or_json(ask.format, ProductReport(items=rows), rows, "products")


_register("/products", products, ProductReport)


async def producers(session: SessionDep, principal: PrincipalDep, ask: AskedDep) -> Any:
    """Per producer; a producer user sees only their own."""
    result = await service.producers(session, principal, ask.span)
    return csv_or_json(ask.format, result, result.items, "producers")


_register("/producers", producers, DimensionReport)


@router.get("/producers/{producer_id}", response_model=ProducerReport)
async def producer_report(
    producer_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, ask: AskedDep
) -> Any:
    """One producer's totals and products; another producer's report is 404 to a producer."""
    result = await service.producer(session, principal, producer_id, ask.span)
    return csv_or_json(ask.format, result, result.products, "producer")


async def best_times(
    session: SessionDep, principal: PrincipalDep, ctx: ContextDep, ask: AskedDep
) -> Any:
    """Best weekday x hour to post per channel, from enough deliveries only."""
    samples = ctx.settings.best_times_min_samples
    report = await service.best_times(session, principal, ask.span, samples)
    if ask.format == "svg":
        return charts.svg_response(
            charts.heatmap(f"Best times to post ({report.timezone})", report)
        )
    return csv_or_json(ask.format, report, report.items, "best-times")


_register("/best-times", best_times, BestTimes, ("csv", "svg"))


def _inbox_rows(report: InboxReport) -> list[dict[str, Any]]:
    """One CSV line per (dimension, key): every time flattened to its own column, in seconds."""

    def line(dimension: str, row: InboxRow) -> dict[str, Any]:
        flat: dict[str, Any] = {
            "dimension": dimension,
            "key": row.key or "",
            "platform": row.platform or "",
            "conversations": row.conversations,
            "answered": row.answered,
            "resolved": row.resolved,
        }
        for name, times in (("first_response", row.first_response), ("resolution", row.resolution)):
            for stat, value in times.model_dump().items():
                flat[f"{name}_{stat}_seconds"] = "" if value is None else value
        return flat

    return [
        line("all", report.totals),
        *(line("staff", r) for r in report.staff),
        *(line("group", r) for r in report.groups),
        *(line("channel", r) for r in report.channels),
    ]


async def inbox_report(session: SessionDep, principal: PrincipalDep, ask: AskedDep) -> Any:
    """First response and resolution times (count, nearest-rank p50/p90/p99, mean, in seconds)
    of the conversations opened in the period, in all and per staff member (the assignee),
    group and channel; open conversations by age; conversations opened and closed per day."""
    report = await inbox.report(session, principal, ask.span)
    return csv_or_json(ask.format, report, _inbox_rows(report), "inbox")


_register("/inbox", inbox_report, InboxReport)


async def inbox_days(session: SessionDep, principal: PrincipalDep, ask: AskedDep) -> Any:
    """Conversations opened and closed per day of the period (the tenant's days)."""
    result = await inbox.days(session, principal, ask.span)
    if ask.format == "svg":
        title = f"Conversations {ask.span.start} to {ask.span.end}"
        days = [
            (ask.span.at(d.day).astimezone(ask.span.zone), {"opened": d.opened, "closed": d.closed})
            for d in result.items
        ]
        return charts.svg_response(charts.daily_bars(title, days, "opened", "closed"))
    return csv_or_json(ask.format, result, result.items, "inbox-days")


_register("/inbox-days", inbox_days, InboxDays, ("csv", "svg"))


async def inbox_ages(session: SessionDep, principal: PrincipalDep, ask: AskedDep) -> Any:
    """Conversations not closed at the period's end (or now, if sooner) by the age of their
    first words, and how many of them no staff reply had reached."""
    result = await inbox.ages(session, principal, ask.span)
    return csv_or_json(ask.format, result, result.items, "inbox-ages")


_register("/inbox-ages", inbox_ages, InboxAges)
