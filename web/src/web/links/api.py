"""The links page: the town's tracked links with their clicks, a QR code of each to print on a
poster, and the list as CSV."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from web.console.api import _town_frame
from web.dependencies import LanguageDep, RendererDep, SessionDep, UserApi
from web.links import service

router = APIRouter(prefix="/console/links")


@router.get("", response_class=HTMLResponse)
async def links_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    cursor: str | None = None,
) -> Response:
    """The town's links, newest first, each with its clicks and QR code."""
    frame = await _town_frame(api, language)
    rows, following = await service.page(api, language, cursor)
    context = {**frame, "session": session, "links": rows, "next_cursor": following}
    return render.page(request, "console/links.html", context)


@router.get(".csv")
async def links_csv(api: UserApi, language: LanguageDep) -> Response:
    """Every link with its clicks, for a spreadsheet."""
    frame = await _town_frame(api, language)
    slug = getattr(frame["town"], "slug", "town")
    headers = {"Content-Disposition": f'attachment; filename="{slug}-links.csv"'}
    body = await service.csv(api, language)
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/{link_id}/qr.svg")
async def link_qr(link_id: UUID, api: UserApi) -> Response:
    """The QR code of the link's short URL, as an SVG image (sharp at any poster size)."""
    found = await service.link(api, link_id)
    headers = {"Cache-Control": "private, max-age=3600"}
    return Response(
        service.qr_svg(service.short_url(found)), media_type="image/svg+xml", headers=headers
    )


@router.get("/{link_id}/poster", response_class=HTMLResponse)
async def link_poster(
    link_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """One link's QR code large, with its short URL under it: a page to print."""
    frame = await _town_frame(api, language)
    found = await service.link(api, link_id)
    names = await service.product_names(api, language)
    context = {
        **frame,
        "session": session,
        "link": found,
        "short_url": service.short_url(found),
        "product": names.get(str(found.product_id), ""),
    }
    return render.page(request, "console/link_poster.html", context)
