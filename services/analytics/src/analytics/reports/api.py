"""KPI reports, from rollups only; `?format=csv` (or a `.csv` path) and, for the overview and
best times, `?format=svg` (or `.svg`)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

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


def _overview_rows(report: Overview) -> list[dict[str, Any]]:
    return [
        {"period": "current", **report.current.model_dump(mode="json")},
        {"period": "previous", **report.previous.model_dump(mode="json")},
    ]


async def overview(
    session: SessionDep,
    principal: PrincipalDep,
    request: Request,
    start: Start = None,
    end: End = None,
    format: Format = "json",
) -> Any:
    """Followers, clicks, unique visitors, orders, revenue, conversion rate vs the previous
    period."""
    span = await service.period(session, start, end)
    fmt = requested_format(request, format)
    if fmt == "svg":
        days = await service.daily(session, principal, span)
        title = f"Clicks and orders {span.start} to {span.end}"
        return charts.svg_response(charts.daily_bars(title, days))
    report = await service.overview(session, principal, span)
    return csv_or_json(fmt, report, _overview_rows(report), "overview")


_register("/overview", overview, Overview, ("csv", "svg"))


def _dimension_endpoint(dim: str, name: str) -> None:
    async def report(
        session: SessionDep,
        principal: PrincipalDep,
        request: Request,
        start: Start = None,
        end: End = None,
        format: Format = "json",
    ) -> Any:
        span = await service.period(session, start, end)
        result = await service.by_dimension(session, principal, dim, span)
        return csv_or_json(requested_format(request, format), result, result.items, name)

    report.__doc__ = f"Clicks, visitors, orders and revenue per {dim}, best first."
    _register(f"/{name}", report, DimensionReport)


_dimension_endpoint("post", "posts")
_dimension_endpoint("channel", "channels")


async def products(
    session: SessionDep,
    principal: PrincipalDep,
    request: Request,
    start: Start = None,
    end: End = None,
    producer_id: uuid.UUID | None = None,
    format: Format = "json",
) -> Any:
    """Clicks, orders and revenue per product (a producer user: their own products only)."""
    span = await service.period(session, start, end)
    rows = await service.products(session, principal, span, producer_id)
    return csv_or_json(
        requested_format(request, format), ProductReport(items=rows), rows, "products"
    )


_register("/products", products, ProductReport)


async def producers(
    session: SessionDep,
    principal: PrincipalDep,
    request: Request,
    start: Start = None,
    end: End = None,
    format: Format = "json",
) -> Any:
    """Per producer; a producer user sees only their own."""
    span = await service.period(session, start, end)
    result = await service.producers(session, principal, span)
    return csv_or_json(requested_format(request, format), result, result.items, "producers")


_register("/producers", producers, DimensionReport)


@router.get("/producers/{producer_id}", response_model=ProducerReport)
async def producer_report(
    producer_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    start: Start = None,
    end: End = None,
    format: Format = "json",
) -> Any:
    """One producer's totals and products; another producer's report is 404 to a producer."""
    span = await service.period(session, start, end)
    result = await service.producer(session, principal, producer_id, span)
    return csv_or_json(format, result, result.products, "producer")


async def best_times(
    session: SessionDep,
    principal: PrincipalDep,
    ctx: ContextDep,
    request: Request,
    start: Start = None,
    end: End = None,
    format: Format = "json",
) -> Any:
    """Best weekday x hour to post per channel, from enough deliveries only."""
    span = await service.period(session, start, end)
    report = await service.best_times(session, principal, span, ctx.settings.best_times_min_samples)
    fmt = requested_format(request, format)
    if fmt == "svg":
        return charts.svg_response(
            charts.heatmap(f"Best times to post ({report.timezone})", report)
        )
    return csv_or_json(fmt, report, report.items, "best-times")


_register("/best-times", best_times, BestTimes, ("csv", "svg"))
