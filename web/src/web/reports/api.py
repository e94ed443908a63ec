"""The reports page: a period's figures by post, channel, product and producer, as tables and as
bars drawn server-side in SVG (no script), each with its CSV download; the best times to post
as a weekday x hour heatmap; and beside it the inbox's page: how fast citizens are answered."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from web import i18n
from web.console.api import _town_frame
from web.console.service import Town
from web.dependencies import LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError
from web.reports import inbox, service

router = APIRouter(prefix="/console/reports")


@router.get("", response_class=HTMLResponse)
async def reports_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    start: str | None = None,
    end: str | None = None,
) -> Response:
    """This month's figures, or a chosen period's."""
    frame = await _town_frame(api, language)
    town = frame["town"]
    assert isinstance(town, Town)
    first, last, readable = service.period(start, end, town.timezone)
    context = {
        **frame,
        "session": session,
        "first": first,
        "last": last,
        "readable": readable,
        "overview": await service.overview(api, first, last, town.currency, language),
        "reports": await service.reports(api, first, last, language),
        "best_times": await service.best_times(api, first, last, language),
        "price": lambda amount: i18n.price(amount, town.currency, language),
    }
    return render.page(request, "console/reports.html", context, status=200 if readable else 422)


@router.get("/inbox", response_class=HTMLResponse)
async def inbox_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    start: str | None = None,
    end: str | None = None,
) -> Response:
    """This month's inbox response times, or a chosen period's."""
    frame = await _town_frame(api, language)
    town = frame["town"]
    assert isinstance(town, Town)
    first, last, readable = service.period(start, end, town.timezone)
    context = {
        **frame,
        "session": session,
        "first": first,
        "last": last,
        "readable": readable,
        "inbox": await inbox.figures(api, first, last, town.timezone, language),
        "kinds": inbox.KINDS,
    }
    status = 200 if readable else 422
    return render.page(request, "console/reports_inbox.html", context, status=status)


@router.get("/{kind}.csv")
async def report_csv(
    kind: str, api: UserApi, language: LanguageDep, start: str | None = None, end: str | None = None
) -> Response:
    """One report as CSV, for a spreadsheet."""
    if kind not in service.KINDS and kind not in inbox.KINDS:
        raise ApiError(404, "No such report")
    frame = await _town_frame(api, language)
    town = frame["town"]
    assert isinstance(town, Town)
    first, last, readable = service.period(start, end, town.timezone)
    if not readable:
        raise ApiError(422, "Choose a first and a last day")
    body = await service.csv(api, kind, first, last)
    name = f"{town.slug}-{kind}-{first.isoformat()}-{last.isoformat()}.csv"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
