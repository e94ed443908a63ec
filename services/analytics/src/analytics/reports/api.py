"""KPI reports, from rollups only; `?format=csv` (or a `.csv` path) and, for the overview and
best times, `?format=svg` (or `.svg`)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from analytics.context import ContextDep
from analytics.reports import charts, service
from analytics.reports.export import csv_response
from analytics.reports.schemas import (
    BestTimes,
    DimensionReport,
    Overview,
    ProducerReport,
    ProductReport,
)
from kit.dependencies import PrincipalDep, SessionDep

router = APIRouter(prefix="/v1/reports", tags=["reports"])

Format = Literal["json", "csv", "svg"]
Start = Annotated[date | None, Query(description="First day (UTC), inclusive.")]
End = Annotated[date | None, Query(description="Last day (UTC), exclusive.")]


def _suffixed(path: str, formats: tuple[str, ...]) -> list[str]:
    return [path, *(f"{path}.{f}" for f in formats)]


def _format(fmt: Format, path: str) -> Format:
    for suffix in ("csv", "svg"):
        if path.endswith(f".{suffix}"):
            return "csv" if suffix == "csv" else "svg"
    return fmt


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
    begin, stop = service.period(start, end)
    fmt = _format(format, request.url.path)
    if fmt == "svg":
        days = await service.daily(session, principal, begin, stop)
        return charts.svg_response(charts.daily_bars(f"Clicks and orders {begin} to {stop}", days))
    report = await service.overview(session, principal, begin, stop)
    if fmt == "csv":
        return csv_response(_overview_rows(report), "overview")
    return report


for _path in _suffixed("/overview", ("csv", "svg")):
    router.add_api_route(
        _path,
        overview,
        methods=["GET"],
        response_model=Overview,
        responses={200: {"content": {"text/csv": {}, "image/svg+xml": {}}}},
        include_in_schema=_path == "/overview",
    )


def _dimension_endpoint(dim: str, name: str) -> None:
    async def report(
        session: SessionDep,
        principal: PrincipalDep,
        request: Request,
        start: Start = None,
        end: End = None,
        format: Format = "json",
    ) -> Any:
        begin, stop = service.period(start, end)
        result = await service.by_dimension(session, principal, dim, begin, stop)
        if _format(format, request.url.path) == "csv":
            return csv_response([r.model_dump(mode="json") for r in result.items], name)
        return result

    report.__doc__ = f"Clicks, visitors, orders and revenue per {dim}, best first."
    for path in _suffixed(f"/{name}", ("csv",)):
        router.add_api_route(
            path,
            report,
            methods=["GET"],
            response_model=DimensionReport,
            include_in_schema=path == f"/{name}",
            name=f"{name}_report",
        )


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
    begin, stop = service.period(start, end)
    rows = await service.products(session, principal, begin, stop, producer_id)
    if _format(format, request.url.path) == "csv":
        return csv_response([r.model_dump(mode="json") for r in rows], "products")
    return ProductReport(items=rows)


for _path in _suffixed("/products", ("csv",)):
    router.add_api_route(
        _path,
        products,
        methods=["GET"],
        response_model=ProductReport,
        include_in_schema=_path == "/products",
    )


async def producers(
    session: SessionDep,
    principal: PrincipalDep,
    request: Request,
    start: Start = None,
    end: End = None,
    format: Format = "json",
) -> Any:
    """Per producer; a producer user sees only their own."""
    begin, stop = service.period(start, end)
    result = await service.producers(session, principal, begin, stop)
    if _format(format, request.url.path) == "csv":
        return csv_response([r.model_dump(mode="json") for r in result.items], "producers")
    return result


for _path in _suffixed("/producers", ("csv",)):
    router.add_api_route(
        _path,
        producers,
        methods=["GET"],
        response_model=DimensionReport,
        include_in_schema=_path == "/producers",
    )


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
    begin, stop = service.period(start, end)
    result = await service.producer(session, principal, producer_id, begin, stop)
    if format == "csv":
        return csv_response([r.model_dump(mode="json") for r in result.products], "producer")
    return result


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
    begin, stop = service.period(start, end)
    report = await service.best_times(
        session, principal, begin, stop, ctx.settings.best_times_min_samples
    )
    fmt = _format(format, request.url.path)
    if fmt == "csv":
        return csv_response([r.model_dump(mode="json") for r in report.items], "best-times")
    if fmt == "svg":
        return charts.svg_response(
            charts.heatmap(f"Best times to post ({report.timezone})", report)
        )
    return report


for _path in _suffixed("/best-times", ("csv", "svg")):
    router.add_api_route(
        _path,
        best_times,
        methods=["GET"],
        response_model=BestTimes,
        include_in_schema=_path == "/best-times",
    )
